"""``--output FILE``: written whole or not at all, never over an existing file without ``--force``."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from conftest import Run
from twins_cli.errors import InputError, UsageError
from twins_cli.files import atomic as output


def files_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def error_line(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output
    return result.stderr.strip()


# --- the writer ----------------------------------------------------------------------------------


def test_writes_a_new_file_with_the_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    old = os.umask(0o022)
    try:
        output.write_atomic(target, b"BEGIN:VCALENDAR\r\n")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert files_in(tmp_path) == {"out.ics"}


def test_refuses_to_replace_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"mine")
    with pytest.raises(UsageError) as raised:
        output.write_atomic(target, b"theirs")
    assert "--force" in (raised.value.hint or "")
    assert target.read_bytes() == b"mine"
    assert files_in(tmp_path) == {"out.json"}


def test_replaces_with_force_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    output.write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert files_in(tmp_path) == {"out.json"}


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="there is no folder"):
        output.write_atomic(tmp_path / "nowhere" / "out.csv", b"x")
    assert files_in(tmp_path) == set()


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a directory, not a regular file"):
        output.write_atomic(tmp_path, b"x", force=True)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.vcf"
    target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(InputError, match="No space left on device"):
        output.write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"old"
    assert files_in(tmp_path) == {"out.vcf"}


def test_a_file_created_meanwhile_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.ics"
    real_mkstemp = tempfile.mkstemp

    def someone_else_writes_first(*args: Any, **kwargs: Any) -> tuple[int, str]:
        target.write_bytes(b"theirs")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", someone_else_writes_first)
    with pytest.raises(UsageError, match="already exists"):
        output.write_atomic(target, b"mine")
    assert target.read_bytes() == b"theirs"
    assert files_in(tmp_path) == {"out.ics"}


def test_without_hard_links_it_still_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(self: Path, target: Path) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(Path, "hardlink_to", no_links)
    target = tmp_path / "out.csv"
    output.write_atomic(target, b"a,b\n")
    assert target.read_bytes() == b"a,b\n"
    assert files_in(tmp_path) == {"out.csv"}


# --- the option on every export ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "first_bytes"),
    [
        (("list", "--theme", "cyber", "--format", "json"), b"["),
        (("show", "P5", "--format", "json"), b"{"),
        (("contacts", "P5", "--format", "csv"), b"name,title,role"),
        (("contacts", "P5", "--format", "vcard"), b"BEGIN:VCARD\r\n"),
        (("milestones", "--all", "--as-of", "2025-01-01", "--format", "ics"), b"BEGIN:VCALENDAR\r\n"),
        (("milestones", "--all", "--format", "json"), b"["),
        (("pairs", "--format", "csv"), b"id,name"),
        (("themes", "--format", "json"), b"["),
        (("report", "--as-of", "2025-01-01", "--format", "html"), b"<!DOCTYPE html>"),
        (("report", "kingsport-hanbit", "--as-of", "2025-01-01"), b"# Innovation Twins briefing: Kingsport"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else "",
)
def test_every_export_takes_output(run: Run, tmp_path: Path, args: tuple[str, ...], first_bytes: bytes) -> None:
    target = tmp_path / "export"
    result = run(*args, "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert target.read_bytes().startswith(first_bytes)
    assert target.read_bytes() == run(*args).stdout_bytes  # the same bytes as on stdout
    assert files_in(tmp_path) == {"export"}


def test_output_refuses_an_existing_file_then_force_replaces_it(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "p5.json"
    target.write_bytes(b"keep me")
    line = error_line(run("contacts", "P5", "--format", "json", "-o", str(target)))
    assert line == f"twins: {target} already exists — add --force to replace it, or choose another name"
    assert target.read_bytes() == b"keep me"
    result = run("contacts", "P5", "--format", "json", "-o", str(target), "--force")
    assert result.exit_code == 0, result.stderr
    assert [row["email"] for row in json.loads(target.read_bytes())][:2] == [
        "a.hart@uok.example",
        "b.okoro@uok.example",
    ]
    assert files_in(tmp_path) == {"p5.json"}


def test_output_into_a_missing_folder_is_exit_2(run: Run, tmp_path: Path) -> None:
    line = error_line(run("milestones", "--all", "--format", "ics", "-o", str(tmp_path / "no" / "x.ics")))
    assert "there is no folder" in line
    assert files_in(tmp_path) == set()


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--output", "x.txt"),
        ("show", "P5", "--output", "x.txt"),
        ("milestones", "--as-of", "2030-01-01", "--output", "x.txt"),
        ("contacts", "--force"),
    ],
    ids=" ".join,
)
def test_output_is_for_exports_not_tables(run: Run, tmp_path: Path, args: tuple[str, ...]) -> None:
    line = error_line(run(*args))
    assert "--output saves an export" in line
    assert "add --format" in line
    assert files_in(tmp_path) == set()


def test_force_without_output_is_a_usage_error(run: Run) -> None:
    line = error_line(run("contacts", "P5", "--format", "vcard", "--force"))
    assert line == "twins: --force replaces an --output file, and there is none — add --output FILE"


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--format", "json", "--output", "-"),
        ("contacts", "--format", "csv", "-o", "-"),
        ("export", "-", "--format", "json"),
    ],
    ids=["list --output -", "contacts -o -", "export -"],
)
def test_a_dash_is_stdout_never_a_file_called_dash(run: Run, tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.lstrip().startswith(("[", "{", "name"))
    assert not (tmp_path / "-").exists()
    assert list(tmp_path.iterdir()) == []
