"""The query cache: per-file entries, filled by queries and by validate, never stale, never in the way."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, VALID
from twins_cli import cache
from twins_cli.catalog import load_catalog
from twins_cli.errors import InvalidDataError
from twins_cli.locate import RoadmapsLocation
from twins_cli.validate import check_files


@pytest.fixture
def roadmaps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of two small valid roadmaps (alpha-beta, gamma-delta), with a private cache folder."""
    folder = tmp_path / "roadmaps"
    shutil.copytree(FIXTURES / "query", folder)
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    return folder


def entries(roadmaps: Path) -> list[Path]:
    return sorted((roadmaps.parent / "cache").glob("*.json"))


def load(roadmaps: Path) -> Any:
    return load_catalog(RoadmapsLocation(roadmaps, "test"))


def checked_only(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record which files each query reads and checks itself (the rest come from the cache)."""
    import twins_cli.catalog as catalog

    calls: list[list[str]] = []
    original = catalog._checked_data

    def spy(files: list[Path]) -> Any:
        calls.append([path.name for path in files])
        return original(files)

    monkeypatch.setattr(catalog, "_checked_data", spy)
    return calls


def test_a_query_stores_each_file_then_reuses_them(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = checked_only(monkeypatch)
    first = load(roadmaps)
    assert calls == [["alpha-beta.yaml", "gamma-delta.yaml"]]
    assert len(entries(roadmaps)) == 3  # the programme and two roadmaps
    assert load(roadmaps) == first
    assert calls == [["alpha-beta.yaml", "gamma-delta.yaml"]]  # the second query checked nothing


def test_only_the_edited_file_is_checked_again(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(roadmaps)
    calls = checked_only(monkeypatch)
    path = roadmaps / "alpha-beta.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Cyber exchange", "title: Cyber fair"), "utf-8")
    titles = [proposal.title for proposal in load(roadmaps).proposals]
    assert "Cyber fair" in titles
    assert calls == [["alpha-beta.yaml"]]


def test_an_edited_programme_file_checks_everything_again(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(roadmaps)
    calls = checked_only(monkeypatch)
    programme = roadmaps / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("Test programme", "Trial programme"), "utf-8")
    assert load(roadmaps).programme.name == "Trial programme"
    assert calls == [["alpha-beta.yaml", "gamma-delta.yaml"]]


def test_validate_fills_the_cache_for_the_next_query(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert check_files(sorted(roadmaps.glob("*-*.yaml"))).ok
    calls = checked_only(monkeypatch)
    assert [proposal.id for proposal in load(roadmaps).proposals] == ["P1", "P2", "P1"]
    assert calls == []


def test_an_invalid_roadmap_is_refused_and_not_cached(roadmaps: Path) -> None:
    path = roadmaps / "alpha-beta.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("stage: priority", "stage: soon"), "utf-8")
    with pytest.raises(InvalidDataError, match="'soon' is not one of"):
        load(roadmaps)
    assert len(entries(roadmaps)) == 2  # the programme and gamma-delta, not the broken file


def test_a_corrupt_entry_is_ignored_and_replaced(roadmaps: Path) -> None:
    load(roadmaps)
    for entry in entries(roadmaps):
        entry.write_text("{not json", encoding="utf-8")
    assert [proposal.id for proposal in load(roadmaps).proposals] == ["P1", "P2", "P1"]
    assert all(entry.read_text(encoding="utf-8").startswith(("{", "[")) for entry in entries(roadmaps))


def test_no_cache_when_turned_off(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINS_NO_CACHE", "1")
    load(roadmaps)
    assert check_files(sorted(roadmaps.glob("*-*.yaml"))).ok
    assert entries(roadmaps) == []


def test_an_unwritable_cache_only_costs_time(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = roadmaps.parent / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("TWINS_CACHE_DIR", str(blocker / "cache"))
    assert len(load(roadmaps).proposals) == 3


def test_old_entries_are_pruned(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "KEEP_ENTRIES", 2)
    for number in range(4):
        assert cache.store(f"key{number}", {"n": number})
    cache.prune()
    assert len(entries(roadmaps)) == 2
    assert not list((roadmaps.parent / "cache").glob(".*"))


def test_the_key_covers_content_and_what_it_was_checked_against(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    governing = cache.governing_key(VALID / "programme.yaml")
    before = cache.roadmap_key(governing, path)
    path.write_text("a: 2\n", encoding="utf-8")
    assert cache.roadmap_key(governing, path) != before
    assert cache.roadmap_key(cache.governing_key(FIXTURES / "query" / "programme.yaml"), path) != cache.roadmap_key(
        governing, path
    )
