"""The query cache: per-file entries, filled by queries and by validate, never stale, never trusted blindly."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, VALID, Run
from twins_cli.catalog.load import load_catalog
from twins_cli.check import cache, validate
from twins_cli.check.validate import check_files
from twins_cli.errors import InputError, InvalidDataError
from twins_cli.files.locate import RoadmapsLocation

TITLE = "Cyber exchange"  # a proposal title in alpha-beta.yaml


@pytest.fixture
def roadmaps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of two small valid roadmaps (alpha-beta, gamma-delta), with a private cache folder."""
    folder = tmp_path / "roadmaps"
    shutil.copytree(FIXTURES / "query", folder)
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    return folder


def entry_folder(roadmaps: Path) -> Path:
    return roadmaps.parent / "cache" / cache.SUBFOLDER


def entries(roadmaps: Path) -> list[Path]:
    return sorted(entry_folder(roadmaps).glob("*.json"))


def load(roadmaps: Path) -> Any:
    return load_catalog(RoadmapsLocation(roadmaps, "test"))


def titles(roadmaps: Path) -> list[str]:
    return [proposal.title for proposal in load(roadmaps).proposals]


def alpha_beta_entry(roadmaps: Path) -> tuple[str, Path]:
    """The key and the entry file of alpha-beta.yaml's data."""
    key = cache.roadmap_key(cache.governing_key(roadmaps / "programme.yaml"), roadmaps / "alpha-beta.yaml")
    return key, entry_folder(roadmaps) / f"{key}.json"


def checked_only(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record which files each query reads and checks itself (the rest come from the cache)."""
    import twins_cli.catalog.load as catalog

    calls: list[list[str]] = []
    original = catalog._checked_data

    def spy(files: list[Path], brief: bool = False) -> Any:
        roadmaps = [path.name for path in files if path.name != "programme.yaml"]  # checked first, alone, when cold
        if roadmaps:
            calls.append(roadmaps)
        return original(files, brief)

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
    path.write_text(path.read_text(encoding="utf-8").replace(f"title: {TITLE}", "title: Cyber fair"), "utf-8")
    assert "Cyber fair" in titles(roadmaps)
    assert calls == [["alpha-beta.yaml"]]


def test_an_edited_programme_file_checks_everything_again(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(roadmaps)
    calls = checked_only(monkeypatch)
    programme = roadmaps / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("Test programme", "Trial programme"), "utf-8")
    assert load(roadmaps).programme.name == "Trial programme"
    assert calls == [["alpha-beta.yaml", "gamma-delta.yaml"]]


def test_a_change_in_the_code_checks_everything_again(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new rule (or any edit of twins's code) must not be answered by entries checked under the old one."""
    load(roadmaps)
    calls = checked_only(monkeypatch)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "twins with a new rule")
    load(roadmaps)
    assert calls == [["alpha-beta.yaml", "gamma-delta.yaml"]]


def test_the_code_fingerprint_follows_the_package_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "twins_cli"
    (package / "fastcheck").mkdir(parents=True)
    (package / "rules.py").write_text("RULES = ()\n", encoding="utf-8")
    (package / "fastcheck" / "roadmap.py").write_text("def validate(data): pass\n", encoding="utf-8")
    (package / "notes.txt").write_text("not code\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_PACKAGE_DIR", package)
    fingerprint = cache.code_fingerprint.__wrapped__
    seen = {fingerprint()}
    (package / "notes.txt").write_text("still not code\n", encoding="utf-8")
    assert fingerprint() in seen
    (package / "rules.py").write_text("RULES = (check,)\n", encoding="utf-8")  # a rule added
    seen.add(fingerprint())
    os.utime(package / "fastcheck" / "roadmap.py", ns=(0, 10**9))  # same size, another time: rewritten
    seen.add(fingerprint())
    (package / "schema.json").write_text("{}", encoding="utf-8")  # a new schema file
    seen.add(fingerprint())
    assert len(seen) == 4


def test_the_code_fingerprint_is_worked_out_once_a_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    first = cache.code_fingerprint()
    monkeypatch.setattr(cache, "_PACKAGE_DIR", tmp_path)  # were it walked again, this would change it
    assert cache.code_fingerprint() == first


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


# Each takes the key and genuine bytes of alpha-beta's entry, and returns what is put in its place.
def _sealed(key: str, body: str) -> bytes:
    """An entry as twins writes it, with any data: what someone who read cache.py can forge."""
    return f"{cache._seal(key, body.encode())}\n{body}".encode()


def _edited(key: str, genuine: bytes, edit: Callable[[Any], Any], *, ascii_only: bool = False) -> bytes:
    data = json.loads(genuine.decode("utf-8").partition("\n")[2])
    return _sealed(key, json.dumps(edit(data), ensure_ascii=ascii_only))


def _retitled(title: Any) -> Callable[[Any], Any]:
    def edit(data: Any) -> Any:
        data["proposals"][0]["title"] = title
        return data

    return edit


def _unreal_month(data: Any) -> Any:
    """Forged as the schema allows and no calendar has: the rules would refuse it in a roadmap."""
    data["proposals"][0]["title"] = "Forged"
    data["proposals"][0]["timeline"] = {"start": "2024-13"}
    return data


CORRUPTIONS: dict[str, Callable[[str, bytes], bytes]] = {
    "truncated": lambda key, genuine: genuine[: len(genuine) // 2],
    "invalid JSON": lambda key, genuine: b"{not json",
    "not UTF-8": lambda key, genuine: genuine.replace(b"Cyber", b"\xff\xfe"),
    "empty": lambda key, genuine: b"",
    "a changed byte": lambda key, genuine: genuine.replace(TITLE.encode(), b"Forged exchange"),
    "another key's entry": lambda key, genuine: _sealed("0" * 64, genuine.decode().partition("\n")[2]),
    "wrong shape, sealed": lambda key, genuine: _sealed(key, '{"pair": "Forged"}'),
    "a list, sealed": lambda key, genuine: _sealed(key, '["Forged"]'),
    "wrong type, sealed": lambda key, genuine: _edited(key, genuine, _retitled(["Forged"])),
    "too deep, sealed": lambda key, genuine: _sealed(key, "[" * 100_000 + "]" * 100_000),
    "terminal escape in a title, sealed": lambda key, genuine: _edited(key, genuine, _retitled("Forged\x1b[2J")),
    "C1 control in a title, sealed": lambda key, genuine: _edited(key, genuine, _retitled("Forged\x9b2J")),
    "escaped printable, sealed": lambda key, genuine: _sealed(key, json.dumps(json.loads('"\\u0046orged"'))),
    "a lone surrogate, sealed": lambda key, genuine: _edited(key, genuine, _retitled("Forged\ud800"), ascii_only=True),
    "a month no calendar has, sealed": lambda key, genuine: _edited(key, genuine, _unreal_month),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_bad_entry_is_ignored_and_refilled(
    roadmaps: Path, monkeypatch: pytest.MonkeyPatch, corrupt: Callable[[str, bytes], bytes]
) -> None:
    load(roadmaps)
    key, entry = alpha_beta_entry(roadmaps)
    genuine = entry.read_bytes()
    entry.write_bytes(corrupt(key, genuine))
    calls = checked_only(monkeypatch)
    assert TITLE in titles(roadmaps)
    assert not any("Forged" in title for title in titles(roadmaps))
    assert calls == [["alpha-beta.yaml"]]  # checked again, then refilled: the next query reads it
    assert entry.read_bytes() == genuine


def test_an_entry_larger_than_the_bound_is_not_read(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(roadmaps)
    key, entry = alpha_beta_entry(roadmaps)
    genuine = entry.read_bytes()
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", len(genuine) + 10)
    entry.write_bytes(_sealed(key, genuine.decode().partition("\n")[2] + " " * 100))  # valid, only too long
    assert cache.load(key, "roadmap") is None
    calls = checked_only(monkeypatch)
    assert TITLE in titles(roadmaps)
    assert calls == [["alpha-beta.yaml"]]
    assert entry.read_bytes() == genuine


def _plant_link(entry: Path, tmp_path: Path) -> Path:
    """A link to a file of someone else's, holding a copy of the genuine entry."""
    target = tmp_path / "elsewhere.json"
    shutil.copyfile(entry, target)
    entry.unlink()
    entry.symlink_to(target)
    return target


def _plant_fifo(entry: Path, tmp_path: Path) -> Path:
    entry.unlink()
    os.mkfifo(entry)
    return entry


def _plant_folder(entry: Path, tmp_path: Path) -> Path:
    entry.unlink()
    entry.mkdir()
    (entry / "inside.txt").write_text("someone's\n", encoding="utf-8")
    return entry / "inside.txt"


@pytest.mark.skipif(sys.platform == "win32", reason="links and named pipes need POSIX")
@pytest.mark.parametrize("plant", [_plant_link, _plant_fifo, _plant_folder], ids=["link", "named pipe", "folder"])
def test_what_is_not_a_regular_file_is_neither_read_nor_replaced(
    roadmaps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plant: Callable[[Path, Path], Path]
) -> None:
    load(roadmaps)
    _, entry = alpha_beta_entry(roadmaps)
    kept = plant(entry, tmp_path)
    before = entry.lstat()
    calls = checked_only(monkeypatch)
    assert TITLE in titles(roadmaps)  # a named pipe with no writer does not block
    assert calls == [["alpha-beta.yaml"]]  # even a link to a genuine entry is not followed
    assert check_files([roadmaps / "alpha-beta.yaml"]).ok  # validate does not write through it either
    assert (entry.lstat().st_mode, entry.lstat().st_ino) == (before.st_mode, before.st_ino)
    assert kept.exists() and (kept.is_fifo() or kept.read_bytes())


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes need POSIX")
def test_a_named_pipe_is_not_read_even_when_it_holds_a_genuine_entry(
    roadmaps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(roadmaps)
    _, entry = alpha_beta_entry(roadmaps)
    genuine = entry.read_bytes()
    entry.unlink()
    os.mkfifo(entry)
    held = os.open(entry, os.O_RDWR)  # someone holds it open, and has written an entry into it
    try:
        os.write(held, genuine)
        calls = checked_only(monkeypatch)
        assert TITLE in titles(roadmaps)
        assert calls == [["alpha-beta.yaml"]]
    finally:
        os.close(held)


def test_a_file_in_place_of_the_folder_means_no_cache_and_one_warning(
    run: Run, roadmaps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = roadmaps.parent / "cache"
    blocker.write_text("someone's file\n", encoding="utf-8")
    result = run("--roadmaps", str(roadmaps), "list")
    assert result.exit_code == 0
    assert "Cyber exchange" in result.stdout
    assert result.stderr.count("twins: warning: cannot use the cache folder") == 1
    assert result.stderr.count("\n") == 1
    assert blocker.read_text(encoding="utf-8") == "someone's file\n"


@pytest.mark.parametrize("kind", ["file", "link"])
def test_something_else_in_place_of_the_subfolder_means_no_cache(
    run: Run, roadmaps: Path, tmp_path: Path, kind: str
) -> None:
    """Twins's own subfolder is made by twins: a file or a link there (to anywhere) is not used."""
    folder = entry_folder(roadmaps)
    folder.parent.mkdir()
    if kind == "file":
        folder.write_text("", encoding="utf-8")
    else:
        (tmp_path / "other").mkdir()
        folder.symlink_to(tmp_path / "other")
    result = run("--roadmaps", str(roadmaps), "validate")
    assert result.exit_code == 0
    assert result.stderr.count("warning: cannot use the cache folder") == 1
    assert not any((tmp_path / "other").iterdir()) if kind == "link" else folder.is_file()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="permissions do not bind root")
def test_an_unreadable_folder_means_no_cache_and_one_warning(run: Run, roadmaps: Path) -> None:
    folder = entry_folder(roadmaps)
    folder.mkdir(parents=True)
    folder.chmod(0)
    try:
        result = run("--roadmaps", str(roadmaps), "list")
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 0
    assert result.stderr.count("warning: cannot use the cache folder") == 1


def test_a_folder_without_permissions_means_no_cache_and_one_warning(
    roadmaps: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cache.os, "access", lambda path, mode: False)  # as for anyone but root, in a chmod 0 folder
    assert TITLE in titles(roadmaps)
    assert check_files(sorted(roadmaps.glob("*-*.yaml"))).ok
    assert capsys.readouterr().err.count("warning: cannot use the cache folder") == 1
    assert entries(roadmaps) == []


def test_failing_writes_cost_one_warning_and_no_more_tries(
    run: Run, roadmaps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import twins_cli.files.atomic

    attempts: list[Path] = []

    def full_disk(path: Path, data: bytes, **options: bool) -> None:
        attempts.append(path)
        raise InputError(f"cannot write {path}: No space left on device")

    monkeypatch.setattr(twins_cli.files.atomic, "write_atomic", full_disk)
    result = run("--roadmaps", str(roadmaps), "list")
    assert result.exit_code == 0
    assert result.stderr.count("warning: cannot use the cache folder") == 1
    assert len(attempts) == 1  # the programme's entry; the roadmaps' were not even tried
    assert run("--roadmaps", str(roadmaps), "validate").stderr.count("warning") == 0  # once a run, not per file


def test_no_cache_when_turned_off(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINS_NO_CACHE", "1")
    load(roadmaps)
    assert check_files(sorted(roadmaps.glob("*-*.yaml"))).ok
    assert not (roadmaps.parent / "cache").exists()


def test_no_home_means_no_cache_and_no_crash(run: Run, roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HOME", "TWINS_CACHE_DIR", "XDG_CACHE_HOME", "USERPROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", lambda: pytest.fail("no home to look up"))
    result = run("--roadmaps", str(roadmaps), "list")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "the cache is off" in run("cache", "info").stdout


def test_where_the_cache_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TWINS_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert cache.location() == tmp_path / "home" / ".cache" / "twins" / cache.SUBFOLDER
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.location() == tmp_path / "xdg" / "twins" / cache.SUBFOLDER
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.location() == tmp_path / "mine" / cache.SUBFOLDER


def test_data_that_cannot_be_written_or_read_back_is_not_cached(
    roadmaps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not cache.store("a" * 64, {"title": "lone \ud800 surrogate"})
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", 100)
    assert not cache.store("b" * 64, {"title": "x" * 100})  # it would be too large to be read
    assert entries(roadmaps) == []


def _user_files(root: Path) -> dict[Path, str]:
    """Files of someone else's beside and among twins's entries, some with names much like an entry's."""
    files = {
        root / "notes.txt": "mine\n",
        root / f"{'b' * 64}.json": "{}",  # in the cache root, not in twins's subfolder
        root / "project" / "data.json": "[]",
        root / cache.SUBFOLDER / "README": "mine too\n",
        root / cache.SUBFOLDER / "results.json": "{}",
        root / cache.SUBFOLDER / f"{'C' * 64}.json": "{}",  # not lower-case hex
        root / cache.SUBFOLDER / f"{'c' * 64}.json.bak": "{}",
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return files


def test_clear_deletes_only_what_twins_wrote(run: Run, roadmaps: Path) -> None:
    load(roadmaps)
    files = _user_files(roadmaps.parent / "cache")
    stray = entry_folder(roadmaps) / f".{'d' * 64}.json.x1y2z3.tmp"  # a crash's leftover, written by twins
    stray.write_text("{", encoding="utf-8")
    shown = run("cache", "info")
    assert shown.stdout.startswith(f"{entry_folder(roadmaps)}: 3 entries, ")
    cleared = run("cache", "clear")
    assert cleared.exit_code == 0
    assert cleared.stdout.startswith("deleted 3 entries, ")
    assert sorted(entry_folder(roadmaps).iterdir()) == sorted(path for path in files if path.parent == stray.parent)
    assert all(path.read_text(encoding="utf-8") == text for path, text in files.items())
    assert run("cache", "info").stdout.startswith(f"{entry_folder(roadmaps)}: 0 entries, 0 bytes")
    assert titles(roadmaps)  # and the next query fills it again


def test_clear_removes_the_folder_it_made(run: Run, roadmaps: Path) -> None:
    load(roadmaps)
    assert run("cache", "clear").exit_code == 0
    assert list((roadmaps.parent / "cache").iterdir()) == []
    assert run("cache", "clear").stdout.startswith("deleted 0 entries")
    load(roadmaps)  # in the same run, the cache is made again
    assert len(entries(roadmaps)) == 3


def test_prune_deletes_temporary_files_left_by_a_crash(roadmaps: Path) -> None:
    load(roadmaps)
    old, fresh = (entry_folder(roadmaps) / f".{letter * 64}.json.k3y_s.tmp" for letter in "ef")
    for path in (old, fresh):
        path.write_text("{", encoding="utf-8")
    os.utime(old, (1000, 1000))
    cache.prune()
    assert not old.exists()
    assert fresh.exists()  # perhaps another run's, being written
    assert len(entries(roadmaps)) == 3


def test_prune_keeps_the_newest_and_spares_user_files(roadmaps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _user_files(roadmaps.parent / "cache")
    monkeypatch.setattr(cache, "KEEP_ENTRIES", 2)
    keys = [f"{number:064x}" for number in range(4)]
    for age, key in enumerate(keys):
        assert cache.store(key, {"n": age})
        os.utime(entry_folder(roadmaps) / f"{key}.json", (1000 + age, 1000 + age))
    cache.prune()
    kept = {path.name for path in entries(roadmaps)}
    assert {f"{key}.json" for key in keys} & kept == {f"{keys[2]}.json", f"{keys[3]}.json"}
    assert all(path.read_text(encoding="utf-8") == text for path, text in files.items())
    assert not list(entry_folder(roadmaps).glob(".*"))


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


def test_keys_are_sha256_digests_as_hashlib_computes_them() -> None:
    """The cache hashes with CPython's own SHA-256 (hashlib loads OpenSSL first): the same digests."""
    import hashlib

    for data in (b"", b"roadmap", bytes(range(256)) * 300):
        assert cache.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


def test_a_cache_folder_that_fails_in_every_worker_is_said_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """Each worker process found the disk full for itself, and each said so: the run says it once."""
    import multiprocessing

    from support import copies
    from twins_cli.files import atomic

    if validate.worker_count(60) < 2 or multiprocessing.get_start_method() != "fork":
        pytest.skip("needs worker processes that inherit this test's full disk (fork, and two usable CPUs)")

    parent, write = os.getpid(), atomic.write_atomic

    def full(*args: Any, **kwargs: Any) -> None:  # the disk fills once the workers have started
        if os.getpid() == parent:
            return write(*args, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "write_atomic", full)
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    folder = copies(tmp_path / "roadmaps", 60)
    checked = validate.check_files(sorted(folder.glob("pair-*.yaml")))
    assert not checked.problems
    warnings = [line for line in capfd.readouterr().err.splitlines() if "cannot use the cache folder" in line]
    assert len(warnings) == 1


def test_the_key_check_matches_the_keys_pattern() -> None:
    """``is_key`` says what ``[0-9a-f]{64}\\Z`` says, for texts near a key's shape and for other values."""
    import random
    import re

    rng = random.Random(64)
    texts = []
    for _ in range(5_000):
        text = "".join(rng.choices("0123456789abcdef", k=rng.choice([0, 63, 64, 65])))
        at = rng.randrange(len(text) + 1)
        texts.append(text if rng.random() < 0.5 else text[:at] + rng.choice("gA\n é") + text[at + 1 :])
    assert {cache.is_key(text) for text in texts} == {True, False}
    assert [cache.is_key(text) for text in texts] == [bool(re.match(r"[0-9a-f]{64}\Z", text)) for text in texts]
    assert not any(cache.is_key(value) for value in (None, 64, ["0" * 64], b"0" * 64))
