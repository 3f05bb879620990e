"""The query cache: used when files are unchanged, never stale, never in the way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import VALID
from twins_cli import cache
from twins_cli.catalog import load_catalog
from twins_cli.errors import InvalidDataError
from twins_cli.locate import RoadmapsLocation


@pytest.fixture
def roadmaps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the small valid fixture, with a private cache folder."""
    folder = tmp_path / "roadmaps"
    shutil.copytree(VALID, folder)
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    return folder


def entries(roadmaps: Path) -> list[Path]:
    return sorted((roadmaps.parent / "cache").glob("*.json"))


def test_a_query_stores_then_reuses_an_entry(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_catalog(RoadmapsLocation(roadmaps, "test"))
    assert len(entries(roadmaps)) == 1

    def no_checking(files: object) -> None:
        raise AssertionError("a cache hit must not check the files again")

    monkeypatch.setattr("twins_cli.catalog._checked_data", no_checking)
    assert load_catalog(RoadmapsLocation(roadmaps, "test")) == first


def test_an_edited_file_is_never_answered_from_the_cache(roadmaps: Path) -> None:
    load_catalog(RoadmapsLocation(roadmaps, "test"))
    path = roadmaps / "alpha-beta.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Cyber exchange", "title: Cyber fair"), "utf-8")
    titles = [p.title for p in load_catalog(RoadmapsLocation(roadmaps, "test")).proposals]
    assert "Cyber fair" in titles
    assert len(entries(roadmaps)) == 2


def test_an_invalid_roadmap_is_refused_and_not_cached(roadmaps: Path) -> None:
    path = roadmaps / "alpha-beta.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("stage: priority", "stage: soon"), "utf-8")
    with pytest.raises(InvalidDataError, match="'soon' is not one of"):
        load_catalog(RoadmapsLocation(roadmaps, "test"))
    assert entries(roadmaps) == []


def test_a_corrupt_entry_is_ignored_and_replaced(roadmaps: Path) -> None:
    load_catalog(RoadmapsLocation(roadmaps, "test"))
    (entry,) = entries(roadmaps)
    entry.write_text("{not json", encoding="utf-8")
    assert [p.id for p in load_catalog(RoadmapsLocation(roadmaps, "test")).proposals] == ["P1", "P2"]
    assert entry.read_text(encoding="utf-8").startswith("{")


def test_no_cache_when_turned_off(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINS_NO_CACHE", "1")
    load_catalog(RoadmapsLocation(roadmaps, "test"))
    assert entries(roadmaps) == []


def test_an_unwritable_cache_only_costs_time(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = roadmaps.parent / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("TWINS_CACHE_DIR", str(blocker / "cache"))
    assert len(load_catalog(RoadmapsLocation(roadmaps, "test")).proposals) == 2


def test_old_entries_are_pruned(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "KEEP_ENTRIES", 2)
    for number in range(4):
        cache.store(f"key{number}", {"n": number})
    assert len(entries(roadmaps)) == 2
    assert not list((roadmaps.parent / "cache").glob(".*"))


def test_the_key_covers_content_not_just_names(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    before = cache.content_key([path])
    path.write_text("a: 2\n", encoding="utf-8")
    assert cache.content_key([path]) != before
