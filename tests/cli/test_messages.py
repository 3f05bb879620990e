"""How a run ends: usage errors, internal errors, escaped names, output that cannot be written, odd environments.

Every failure is one line on stderr, ``twins: what — what to do``, with a documented exit code.
The in-process tests use the CLI runner; the ones about streams and environments run the
installed script, as a user does.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, TextIO, cast

import pytest

from conftest import SAMPLE, VALID, Run
from twins_cli import __version__
from twins_cli.base.text import one_line, printable
from twins_cli.errors import ExitCode
from twins_cli.formats import listing as views
from twins_cli.formats.terminal import GuardedOutput, guard_stdout

SCRIPT = Path(sys.executable).parent / "twins"
needs_script = pytest.mark.skipif(not SCRIPT.is_file(), reason=f"no installed twins console script ({SCRIPT})")


def error_line(result: object, code: int) -> str:
    """The one line a failure prints on stderr: nothing on stdout, no traceback, no usage box."""
    exit_code, stdout, stderr = (getattr(result, name) for name in ("exit_code", "stdout", "stderr"))
    assert exit_code == code, stderr
    assert stdout == ""
    assert "Traceback" not in stderr
    assert "Usage:" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("twins: ")
    return str(lines[0])


# --- usage errors: one line and a hint ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("list", "--thme", "cyber"),
            "twins: no such option: --thme (did you mean '--theme'?) — see twins list --help",
        ),
        (("--debgu", "list"), "twins: no such option: --debgu (did you mean '--debug'?) — see twins --help"),
        (
            ("list", "--roadmap", "x"),
            "twins: no such option: --roadmap (did you mean '--roadmaps'?) — see twins list --help",
        ),
        (("lst",), "twins: no such command 'lst' (did you mean 'list'?) — see twins --help"),
        (("frobnicate",), "twins: no such command 'frobnicate' — see twins --help"),
    ],
)
def test_unknown_names_get_did_you_mean(run: Run, args: tuple[str, ...], line: str) -> None:
    assert error_line(run(*args), 2) == line


@pytest.mark.parametrize(
    ("args", "where", "names"),
    [
        (("show",), "see twins show --help", ["ID"]),  # missing argument
        (("list", "--format", "xml"), "see twins list --help", ["--format", "xml"]),  # bad choice
        (("show", "P1", "P2"), "see twins show --help", ["P2"]),  # extra argument
        (("list", "--format"), "see twins list --help", ["--format"]),  # option without its value
        (("list", "--roadmaps"), "see twins list --help", ["'--roadmaps' requires"]),  # a global one, last
        (("list", "--force=yes"), "see twins list --help", ["--force"]),  # a flag given a value
        (("status", "--max-proposals-per-contact", "many"), "see twins status --help", ["many"]),  # not a number
        (("--debug",), "see twins --help", []),  # no command
    ],
)
def test_usage_errors_are_one_line_with_where_to_look(
    run: Run, args: tuple[str, ...], where: str, names: list[str]
) -> None:
    line = error_line(run(*args), 2)
    assert line.endswith(f" — {where}")
    for name in names:
        assert name in line


def test_no_arguments_still_shows_the_help(run: Run) -> None:
    result = run()
    assert result.exit_code == 2
    assert "Commands:" in result.output


def test_help_lists_the_commands_in_their_order(run: Run) -> None:
    """The order of ``commands.register``, not of the modules: milestones and timeline share one."""
    commands = run("--help").stdout.split("Commands:\n", 1)[1]
    assert [line.split()[0] for line in commands.splitlines() if line.strip()] == [
        *("validate", "list", "show", "contacts", "milestones", "programme", "pairs", "orgs", "agreements"),
        *("themes", "report", "site", "status", "export"),
        *("timeline", "schema", "new", "init", "where", "diff", "record", "milestone", "contact", "fmt", "cache"),
    ]


# --- global options after the command ----------------------------------------------------------


def test_roadmaps_after_the_command_works(run: Run) -> None:
    before = run("--roadmaps", str(VALID), "list", "--format", "json")
    after = run("list", "--format", "json", "--roadmaps", str(VALID))
    equals = run("list", f"--roadmaps={VALID}", "--format", "json")
    assert before.exit_code == after.exit_code == equals.exit_code == 0, after.stderr
    assert after.stdout == before.stdout == equals.stdout
    assert '"pair": "alpha-beta"' in after.stdout


def test_debug_after_the_command_works(run: Run) -> None:
    result = run("show", "P99", "--debug")
    assert result.exception is not None
    assert type(result.exception).__name__ == "NotFoundError"  # let through: --debug was read
    assert run("validate", "--debug", str(VALID / "alpha-beta.yaml")).exit_code == 0


def test_a_value_that_looks_like_a_global_option_stays_a_value(run: Run) -> None:
    result = run("list", "--search", "--debug", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "[]\n"  # searched for the text "--debug"; no traceback was asked for
    clustered = run("milestones", "-af", "json", "--roadmaps", str(VALID))
    assert clustered.exit_code == 0, clustered.stderr
    assert '"pair": "alpha-beta"' in clustered.stdout


def test_nothing_after_a_double_dash_is_moved(run: Run) -> None:
    line = error_line(run("show", "--", "--debug"), 1)
    assert "'--debug'" in line  # the id looked for


# --- internal errors: exit 70, one line, how to report -----------------------------------------


def _broken(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("a bug of ours")


def test_an_internal_error_is_exit_70_with_how_to_report_it(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "themes_listing", _broken)
    line = error_line(run("themes"), 70)
    assert ExitCode.INTERNAL == 70
    assert line.startswith("twins: internal error: ZeroDivisionError: a bug of ours — ")
    assert f"twins {__version__}" in line
    assert "run again with --debug for the traceback" in line


def test_an_internal_error_with_debug_propagates(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "themes_listing", _broken)
    assert isinstance(run("--debug", "themes").exception, ZeroDivisionError)


def test_an_os_error_no_check_expected_is_one_line_exit_2(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "/somewhere/\x1b[2Jthemes")

    monkeypatch.setattr(views, "themes_listing", refuse)
    said = "twins: /somewhere/\\x1b[2Jthemes: Permission denied — check the path and its permissions"
    assert error_line(run("themes"), 2) == said


PROBE = """
import sys
from twins_cli.cli import app as cli
from twins_cli.formats import listing as views
def broken(*args, **kwargs):
    raise ZeroDivisionError("a bug of ours")
views.themes_listing = broken
sys.argv = ["twins", *sys.argv[1:]]
cli.main()
"""


@pytest.mark.parametrize("debug", [False, True])
def test_internal_error_in_a_real_process(tmp_path: Path, debug: bool) -> None:
    args = ["--debug", "themes"] if debug else ["themes"]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "TWINS_ROADMAPS": str(SAMPLE)},
    )
    assert done.returncode == 70
    if debug:
        assert "Traceback" in done.stderr
        assert "ZeroDivisionError: a bug of ours" in done.stderr
    else:
        assert done.stderr.count("\n") == 1
        assert done.stderr.startswith("twins: internal error: ZeroDivisionError")


# --- names from outside are echoed escaped -----------------------------------------------------

HOSTILE = ["\x1b[2J", "\x07", "\x9b", "\u202e", "\u2066", "\n"]


def test_one_line_and_printable_escape_controls_and_bidi() -> None:
    for char in HOSTILE:
        assert char not in one_line(f"a{char}b")
        assert one_line(f"a{char}b").isprintable()
    assert one_line("세종 – Sejong") == "세종 – Sejong"
    assert printable("evil\u202egnp.yaml") == "evil\\u202egnp.yaml"
    assert printable("two\nlines\tand a tab") == "two\nlines\tand a tab"  # text keeps its lines


@pytest.mark.parametrize("char", HOSTILE)
@pytest.mark.parametrize(
    "args",
    [
        ("--roadmaps", "nowhere{}", "list"),
        ("show", "P{}"),
        ("list", "--theme", "x{}"),
        ("list", "--format", "x{}"),
        ("list", "--x{}"),
        ("x{}",),
    ],
    ids=["roadmaps", "id", "theme", "format", "option", "command"],
)
def test_names_from_outside_are_echoed_escaped(run: Run, args: tuple[str, ...], char: str) -> None:
    result = run(*(arg.format(char) for arg in args))
    assert result.exit_code in (1, 2)
    line = result.stderr.removesuffix("\n")
    assert line.isprintable(), repr(line)
    assert "\x1b" not in result.stderr
    assert "\\" in line  # shown as an escape, not dropped


def test_a_very_long_path_is_shortened_in_the_message(run: Run) -> None:
    long = "/nowhere/" + "a" * 5000
    line = error_line(run("validate", long), 2)
    assert len(line) < 400
    assert "..." in line


# --- output that cannot be written -------------------------------------------------------------


def script(
    *args: str, cwd: Path, env: dict[str, str | None] | None = None, stdout: Any = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed script: plain output, the sample roadmaps, and ``env`` on top (None unsets)."""
    environment = {**os.environ, "NO_COLOR": "1", "TWINS_ROADMAPS": str(SAMPLE)}
    for key, value in (env or {}).items():
        environment.pop(key, None)
        if value is not None:
            environment[key] = value
    return subprocess.run(
        [str(SCRIPT), *args], cwd=cwd, env=environment, stdout=stdout, stderr=subprocess.PIPE, check=False
    )


@needs_script
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("unbuffered", [False, True])
@pytest.mark.parametrize("args", [("list",), ("contacts", "--format", "json"), ("schema",)], ids=" ".join)
def test_a_full_disk_is_one_line_and_exit_2(tmp_path: Path, args: tuple[str, ...], unbuffered: bool) -> None:
    with Path("/dev/full").open("wb") as full:
        done = script(*args, cwd=tmp_path, env={"PYTHONUNBUFFERED": "1" if unbuffered else None}, stdout=full)
    stderr = done.stderr.decode()
    assert done.returncode == 2, stderr
    assert stderr.startswith("twins: cannot write output: ")
    assert stderr.count("\n") == 1, stderr


@needs_script
def test_a_closed_stdout_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = subprocess.run(
        ["sh", "-c", f'"{SCRIPT}" list >&-'],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1", "TWINS_ROADMAPS": str(SAMPLE)},
    )
    assert done.returncode == 2
    assert done.stderr.decode() == "twins: cannot write output: standard output is closed\n"


class _Partial(io.RawIOBase):
    """A file that takes at most 10 bytes a write, as a nearly full disk does."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        chunk = bytes(cast(bytes, data))[:10]
        self.data += chunk
        return len(chunk)


def test_an_unbuffered_stdout_loses_nothing_to_short_writes() -> None:
    raw = _Partial()
    stream = guard_stdout(io.TextIOWrapper(cast(io.BufferedIOBase, raw), encoding="utf-8", write_through=True))
    stream.write("x" * 95 + "\n")
    assert bytes(raw.data) == b"x" * 95 + b"\n"  # all of it, by the time write returns


def test_a_failed_write_is_a_twins_error() -> None:
    class Failing(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

        def fileno(self) -> int:
            raise io.UnsupportedOperation

    stream = cast(TextIO, GuardedOutput(Failing()))
    with pytest.raises(Exception) as raised:
        stream.write("x")
    assert type(raised.value).__name__ == "InputError"
    assert str(raised.value) == "cannot write output: No space left on device"


# --- environments ------------------------------------------------------------------------------


def test_text_fits_an_ascii_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    from twins_cli.formats.terminal import fit_output

    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="ascii"))
    assert fit_output("Belfast – Sejong (세종)") == "Belfast - Sejong (\\uc138\\uc885)"


@needs_script
@pytest.mark.parametrize(
    "args", [("pairs",), ("list",), ("show", "P5"), ("contacts", "--format", "json"), ("report",)], ids=" ".join
)
def test_an_ascii_stdout_gets_readable_aligned_output(tmp_path: Path, args: tuple[str, ...]) -> None:
    done = script(*args, cwd=tmp_path, env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C"})
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    text = done.stdout.decode("ascii")  # nothing but ASCII
    if args == ("pairs",):
        lines = text.splitlines()
        column = lines[0].index("Roadmap")
        assert all(line[column - 2 : column] == "  " for line in lines[1:]), text  # still aligned
        assert "Kingsport - Hanbit (\\ud55c" in text  # 한빛특별자치시, escaped


@needs_script
def test_without_home_every_command_works(tmp_path: Path) -> None:
    done = script("list", cwd=tmp_path, env={"HOME": None})
    assert done.returncode == 0, done.stderr
    assert b"Cyber Lab" in done.stdout


@needs_script
def test_a_deleted_current_folder_is_one_line(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    done = subprocess.run(
        ["sh", "-c", f'cd "{gone}" && rmdir "{gone}" && exec "{SCRIPT}" list'],
        capture_output=True,
        env={k: v for k, v in os.environ.items() if k != "TWINS_ROADMAPS"},
    )
    assert done.returncode == 0  # no project can be found from a folder that is gone: the built-in roadmaps
    assert done.stderr.decode().startswith("twins: no roadmaps folder here")
    assert done.stderr.count(b"\n") == 1
    validate = subprocess.run(
        ["sh", "-c", f'mkdir "{gone}" && cd "{gone}" && rmdir "{gone}" && exec "{SCRIPT}" validate'],
        capture_output=True,
        env={k: v for k, v in os.environ.items() if k != "TWINS_ROADMAPS"},
    )
    assert validate.returncode == 2
    assert validate.stderr.count(b"\n") == 1
    with_folder = subprocess.run(
        ["sh", "-c", f'mkdir "{gone}" && cd "{gone}" && rmdir "{gone}" && exec "{SCRIPT}" --roadmaps "{VALID}" list'],
        capture_output=True,
        env={k: v for k, v in os.environ.items() if k != "TWINS_ROADMAPS"},
    )
    assert with_folder.returncode == 0, with_folder.stderr


@needs_script
def test_a_path_over_4096_bytes_is_one_line(tmp_path: Path) -> None:
    long = str(tmp_path / "/".join(["a" * 200] * 25))
    for args in (("--roadmaps", long, "list"), ("validate", long + ".yaml"), ("list", "-f", "json", "-o", long)):
        done = script(*args, cwd=tmp_path)
        assert done.returncode == 2, args
        assert b"Traceback" not in done.stderr
        assert done.stderr.count(b"\n") == 1, done.stderr


# --- agreement validity: one wording, true on the day asked about -------------------------------

VALIDITY_ON = {
    "2024-05-01": "valid until 6 August 2025",
    "2025-07-17": "valid until 6 August 2025 (expires in 20 days)",
    "2025-08-06": "valid until 6 August 2025 (expires today)",
    "2025-08-07": "expired on 6 August 2025",
    "2026-12-03": "expired on 6 August 2025",
}


@pytest.mark.parametrize(("day", "words"), VALIDITY_ON.items())
def test_every_output_words_validity_alike(run: Run, day: str, words: str) -> None:
    import json

    pairs = json.loads(run("pairs", "--as-of", day, "--format", "json").stdout)
    mou = next(a for a in pairs[0]["agreements"] if a["id"] == "kingsport-hanbit-mou")
    assert mou["validity"] == words
    assert f"friendship: {words} (+2 more)" in run("pairs", "--as-of", day).stdout
    assert f"| {words} |" in run("report", "kingsport-hanbit", "--as-of", day).stdout
    status = run("status", "--as-of", day, "--pair", "kingsport-hanbit").stdout
    assert (f"friendship: {words}; renew it" in status) == (day != "2024-05-01")  # not yet a concern then
    assert day not in words  # the day of the check is never worded as the day of expiry


def test_a_mistyped_command_is_told_the_command_meant(run: Run) -> None:
    result = run("lsit")
    assert result.exit_code == 2
    assert "(did you mean 'list'?)" in result.stderr
