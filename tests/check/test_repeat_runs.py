"""Repeat runs answer from the cache's index without reading unchanged files, and never answer wrongly.

No timings: these count what is read, and check every answer against a fresh check.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES
from twins_cli.catalog.load import load_catalog
from twins_cli.check import cache, validate
from twins_cli.check.validate import check_files
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.formats.validation import report_json

# A byte of alpha-beta.yaml that, changed, keeps its size and makes it invalid (stage is one of a list).
VALID_STAGE, INVALID_STAGE = "stage: priority", "stage: prioritx"


@pytest.fixture
def roadmaps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of two small valid roadmaps with their programme, and a private cache folder."""
    folder = tmp_path / "roadmaps"
    shutil.copytree(FIXTURES / "query", folder)
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    return folder


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled at once (in real runs, SETTLED_NS after their last change)."""
    monkeypatch.setattr(cache, "SETTLED_NS", 0)


def files(roadmaps: Path) -> list[Path]:
    return sorted(roadmaps.glob("*-*.yaml"))


def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The roadmap files checked from their bytes from now on (the others are answered from the cache)."""
    read: list[str] = []
    original = validate._check_roadmap_bytes

    def counted(raw: bytes, name: str, *args: Any) -> Any:
        read.append(Path(name).name)
        return original(raw, name, *args)

    monkeypatch.setattr(validate, "_check_roadmap_bytes", counted)
    return read


def answer(roadmaps: Path) -> Any:
    """What ``twins validate --format json`` says of the folder."""
    return json.loads(report_json(check_files(files(roadmaps))))


def edit_keeping_size_and_time(path: Path) -> int:
    """Make the file invalid with the same size, and set its modification time back; the line of the mistake."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert VALID_STAGE in text
    path.write_text(text.replace(VALID_STAGE, INVALID_STAGE, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    return text[: text.index(VALID_STAGE)].count("\n") + 1


def test_a_repeated_validate_reads_no_unchanged_file(
    roadmaps: Path, monkeypatch: pytest.MonkeyPatch, settled: None
) -> None:
    cold = answer(roadmaps)
    read = reads(monkeypatch)
    assert answer(roadmaps) == cold  # the same summary, proposals counted, from the index
    assert read == []
    assert cold["valid"] and cold["proposals"] == 3


def test_a_query_after_validate_reads_no_file(roadmaps: Path, monkeypatch: pytest.MonkeyPatch, settled: None) -> None:
    assert check_files(files(roadmaps)).ok
    read = reads(monkeypatch)
    hashed: list[Path] = []
    original = cache.roadmap_key
    monkeypatch.setattr(
        cache, "roadmap_key", lambda governing, path, *rest: hashed.append(path) or original(governing, path, *rest)
    )
    catalog = load_catalog(RoadmapsLocation(roadmaps, "test"))
    assert [proposal.id for proposal in catalog.proposals] == ["P1", "P2", "P1"]
    assert read == [] and hashed == []  # found by the index: not even read to be hashed


def test_only_the_edited_file_is_read_again(roadmaps: Path, monkeypatch: pytest.MonkeyPatch, settled: None) -> None:
    answer(roadmaps)
    path = roadmaps / "alpha-beta.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    read = reads(monkeypatch)
    assert answer(roadmaps)["valid"]
    assert read == ["alpha-beta.yaml"]


def test_an_edit_that_keeps_size_and_time_is_seen(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never a wrong answer: a file edited just after it was read is read again, whatever its times say."""
    assert answer(roadmaps)["valid"]
    line = edit_keeping_size_and_time(roadmaps / "alpha-beta.yaml")
    after = answer(roadmaps)
    assert not after["valid"]
    assert [(problem["file"], problem["line"]) for problem in after["problems"]] == [(after["files"][1], line)]


def test_setting_the_time_back_is_seen_by_the_change_time(
    roadmaps: Path, monkeypatch: pytest.MonkeyPatch, settled: None
) -> None:
    """With every record trusted at once, the change time (which no one can set back) tells the edit."""
    path = roadmaps / "alpha-beta.yaml"
    assert answer(roadmaps)["valid"]
    recorded = path.stat().st_ctime_ns
    edit_keeping_size_and_time(path)
    if path.stat().st_ctime_ns == recorded:  # a clock coarser than this test: the racy case, tested above
        pytest.skip("the change time did not move on this file system")
    read = reads(monkeypatch)
    assert not answer(roadmaps)["valid"]
    assert read == ["alpha-beta.yaml"]


def test_a_file_changed_just_before_it_was_read_is_read_again(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The racy case: a record taken less than SETTLED_NS after the file's last change is not trusted."""
    monkeypatch.setattr(cache, "SETTLED_NS", 10**18)  # every file here changed "just now"
    answer(roadmaps)
    read = reads(monkeypatch)
    assert answer(roadmaps)["valid"]
    assert read == ["alpha-beta.yaml", "gamma-delta.yaml"]


def test_a_record_is_trusted_only_with_the_same_signs_taken_once_settled(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("x: 1\n", encoding="utf-8")
    index = cache.Index("0" * 64, tmp_path)
    signs = cache.file_signs(path)
    assert signs is not None
    size, mtime, ctime, inode, _ = signs
    settled_at = max(mtime, ctime) + cache.SETTLED_NS + 1
    index.remember(path, [size, mtime, ctime, inode, settled_at], "a" * 64, 3)
    assert index.known(path, [size, mtime, ctime, inode, 0]) == cache.Known("a" * 64, 3)
    for changed in ([size + 1, mtime, ctime, inode], [size, mtime + 1, ctime, inode], [size, mtime, ctime + 1, inode]):
        assert index.known(path, [*changed, 0]) is None
    assert index.known(path, [size, mtime, ctime, inode + 1, 0]) is None  # replaced by a rename
    index.remember(path, [size, mtime, ctime, inode, settled_at - 2], "a" * 64, 3)  # read just before settling
    assert index.known(path, [size, mtime, ctime, inode, 0]) is None
    assert index.known(tmp_path / "b.yaml", signs) is None
    assert cache.file_signs(tmp_path) is None  # a folder has no content to vouch for


INDEX_CORRUPTIONS = {
    "not JSON": lambda key, body: b"nonsense",
    "a list": lambda key, body: f"{cache._seal(key, b'[]')}\n[]".encode(),
    "a record too short": lambda key, body: _resealed(key, body, lambda record: record[:3]),
    "a key that is not one": lambda key, body: _resealed(key, body, lambda record: [*record[:5], "../x", record[6]]),
    "a negative count": lambda key, body: _resealed(key, body, lambda record: [*record[:6], -1]),
    "a changed byte, unsealed": lambda key, body: (
        f"{cache._seal(key, body.encode())}\n{body.replace('1', '2')}".encode()
    ),
}


def _resealed(key: str, body: str, edit: Any) -> bytes:
    records = {name: edit(record) for name, record in json.loads(body).items()}
    text = json.dumps(records)
    return f"{cache._seal(key, text.encode())}\n{text}".encode()


@pytest.mark.parametrize("corrupt", INDEX_CORRUPTIONS.values(), ids=INDEX_CORRUPTIONS.keys())
def test_an_odd_index_is_ignored(roadmaps: Path, monkeypatch: pytest.MonkeyPatch, settled: None, corrupt: Any) -> None:
    cold = answer(roadmaps)
    (index,) = (roadmaps.parent / "cache" / cache.SUBFOLDER).glob("*.index")
    key = index.name.removesuffix(".index")
    index.write_bytes(corrupt(key, index.read_bytes().decode().partition("\n")[2]))
    read = reads(monkeypatch)
    assert answer(roadmaps) == cold
    assert read == ["alpha-beta.yaml", "gamma-delta.yaml"]  # checked again, and the index written anew
    assert index.read_bytes() != b"nonsense"


def test_pruning_keeps_the_entries_of_a_portfolio_larger_than_the_cache(
    roadmaps: Path, monkeypatch: pytest.MonkeyPatch, settled: None
) -> None:
    monkeypatch.setattr(cache, "KEEP_ENTRIES", 1)
    answer(roadmaps)  # three entries (two roadmaps, the programme) and an index: twice 2 kept
    assert len(list((roadmaps.parent / "cache" / cache.SUBFOLDER).iterdir())) == 4
    read = reads(monkeypatch)
    answer(roadmaps)
    assert read == []


# --- worker processes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cpus", "files", "workers"),
    [({0}, 10_000, 1), ({0, 1}, 10_000, 2), (set(range(64)), 10_000, validate.MAX_WORKERS), ({0, 1, 2, 3}, 10, 1)],
)
def test_the_workers_are_counted_from_the_usable_cpus_and_the_work(
    cpus: set[int], files: int, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: cpus, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 64)  # the machine's: not what this process may use
    assert validate.worker_count(files) == workers


def test_a_few_files_more_than_the_threshold_get_few_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(8)), raising=False)
    assert validate.worker_count(validate.PARALLEL_FROM) == 2  # each worker gets a fair share to pay its start


def test_without_affinity_the_cpu_count_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    assert validate.usable_cpus() == 3


def test_one_usable_cpu_starts_no_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import process

    folder = tmp_path / "roadmaps"
    shutil.copytree(FIXTURES / "query", folder)
    text = (folder / "alpha-beta.yaml").read_text(encoding="utf-8")
    for index in range(validate.PARALLEL_FROM * 2):
        (folder / f"pair-{index:03d}.yaml").write_text(text.replace("id: alpha-beta", f"id: pair-{index:03d}"), "utf-8")
    monkeypatch.setenv("TWINS_NO_CACHE", "1")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)

    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(process, "ProcessPoolExecutor", no_pool)
    checked = check_files(sorted(folder.glob("*-*.yaml")))
    assert len(checked.roadmaps) == validate.PARALLEL_FROM * 2 + 2


# --- a first query: the checks send back no data when the cache keeps it ---------------------------------------


def query(roadmaps: Path) -> list[str]:
    return [proposal.qualified_id for proposal in load_catalog(RoadmapsLocation(roadmaps, "test")).proposals]


def test_a_first_query_gets_the_data_from_the_cache_not_from_the_checks(
    roadmaps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[Any] = []
    original = validate._checked_all

    def spy(checked: Any, *args: Any) -> Any:
        result = original(checked, *args)
        sent.extend(roadmap.data for roadmap in result.roadmaps)
        return result

    monkeypatch.setattr(validate, "_checked_all", spy)
    assert query(roadmaps) == ["alpha-beta/P1", "alpha-beta/P2", "gamma-delta/P1"]
    assert sent == [None, None]  # what worker processes would have pickled back: nothing but the findings


def test_data_the_cache_could_not_keep_is_read_again(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "store", lambda key, entry, suffix=".json": False)  # a full disk, say
    assert query(roadmaps) == ["alpha-beta/P1", "alpha-beta/P2", "gamma-delta/P1"]


def test_an_entry_gone_before_it_is_read_back_is_read_again(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = cache.load
    monkeypatch.setattr(cache, "load", lambda key, schema: None if schema == "roadmap" else original(key, schema))
    assert query(roadmaps) == ["alpha-beta/P1", "alpha-beta/P2", "gamma-delta/P1"]


def test_the_unsafe_text_check_matches_its_definition() -> None:
    """An escape other than \\" \\\\ \\/ \\n \\t (or a lone one at the end) once escaped backslashes are out,
    or a raw DEL or C1 character."""
    import random
    import re

    def defined(body: str) -> bool:
        return bool(re.search(r'\\([^"/nt]|\Z)', body.replace("\\\\", "")) or re.search(r"[\x7f-\x9f]", body))

    rng = random.Random(16)
    alphabet = ["\\", '"', "/", "n", "t", "u", "a", "\x7f", "\x85", "\x9f", "\xa0", "é", "세"]
    bodies = ["".join(rng.choices(alphabet, k=rng.randint(0, 12))) for _ in range(20_000)]
    assert {defined(body) for body in bodies} == {True, False}
    assert [cache.unsafe_json(body.encode()) for body in bodies] == [defined(body) for body in bodies]
