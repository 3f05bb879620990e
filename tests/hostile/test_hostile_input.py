"""Hostile and broken input: every answer is a clear message and a documented exit code, never a crash or a hang.

The small files in ``fixtures/hostile/`` are each named for what they test; inputs
too large to keep (deep nesting, 10 MB lines, hundreds of roadmaps) are written
to a temporary folder by the tests. Runs that could hang or crash the process
if a guard regressed go through a subprocess with a timeout, so that a
regression fails its test instead of stopping the suite.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from rich.console import Console

from conftest import FIXTURES, VALID
from support import twins_process
from twins_cli.check.validate import ctrl_c_held
from twins_cli.files.locate import MAX_FILE_BYTES, builtin_dir
from twins_cli.formats import table as render
from twins_cli.parse import yaml_document as yamlload
from twins_cli.parse.yaml_document import load_document
from twins_cli.problems import MAX_PROBLEMS_PER_FILE

if TYPE_CHECKING:
    from collections.abc import Iterator

    from typer.testing import Result

    from conftest import Run

HOSTILE = FIXTURES / "hostile"
SCRIPT = Path(sys.executable).parent / "twins"
PROBLEM_LINE = re.compile(r"(?P<where>[^:]+:\d+:\d+): (?P<code>T\d{3}) .+")
needs_script = pytest.mark.skipif(
    not SCRIPT.is_file(), reason=f"no installed twins console script beside the interpreter ({SCRIPT})"
)


def problems(result: Result) -> list[str]:
    """The problem lines of a ``twins validate FILE`` that found some (exit 1), checking the summary and format."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    *lines, summary = result.stdout.splitlines()
    assert summary.endswith(f": {len(lines)} error{'s' * (len(lines) != 1)} in 1 file")
    for line in lines:
        assert PROBLEM_LINE.fullmatch(line), line
    return lines


def located(lines: list[str]) -> list[tuple[str, str]]:
    """``(FILE:LINE:COL, code)`` of each problem line."""
    found = [PROBLEM_LINE.fullmatch(line) for line in lines]
    return [(match["where"], match["code"]) for match in found if match]


def usage_error(result: Result, fragment: str) -> str:
    """Exit 2 and one line on stderr, ``twins: …``, containing ``fragment``."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("twins: ")
    assert fragment in result.stderr
    return result.stderr


def roadmaps_folder(tmp_path: Path) -> Path:
    """A folder with the valid alpha-beta roadmap and its programme."""
    folder = tmp_path / "roadmaps"
    folder.mkdir()
    shutil.copyfile(VALID / "alpha-beta.yaml", folder / "alpha-beta.yaml")
    shutil.copyfile(VALID / "programme.yaml", folder / "programme.yaml")
    return folder


# --- small broken files: one useful line each --------------------------------------------------

# file: (line, column, code); each file has exactly this one problem
ONE_PROBLEM = {
    "empty.yaml": (1, 1, "T013"),
    "comments-only.yaml": (1, 1, "T013"),
    "top-level-list.yaml": (2, 1, "T103"),
    "top-level-scalar.yaml": (2, 1, "T103"),
    "nul-byte.yaml": (5, 12, "T002"),
    "non-text-key.yaml": (19, 1, "T021"),
    "merge-key.yaml": (11, 7, "T024"),
    "control-escape.yaml": (26, 12, "T213"),
}
VALID_HOSTILE = ["utf8-bom.yaml", "crlf.yaml", "markup.yaml", "yaml11-words.yaml"]


@pytest.mark.parametrize(("name", "expected"), ONE_PROBLEM.items(), ids=list(ONE_PROBLEM))
def test_broken_file_gives_one_line(run: Run, name: str, expected: tuple[int, int, str]) -> None:
    path = HOSTILE / name
    line, column, code = expected
    assert located(problems(run("validate", str(path)))) == [(f"{path}:{line}:{column}", code)]


@pytest.mark.parametrize("name", VALID_HOSTILE)
def test_odd_but_valid_file_is_accepted(run: Run, name: str) -> None:
    result = run("validate", str(HOSTILE / name))
    assert result.exit_code == 0, result.stdout
    assert result.stdout.endswith(": valid\n")


def test_the_byte_level_fixtures_are_intact() -> None:
    """A checkout that normalised line endings or dropped the BOM would make the tests above prove nothing."""
    assert (HOSTILE / "utf8-bom.yaml").read_bytes().startswith(b"\xef\xbb\xbf# ")
    crlf = (HOSTILE / "crlf.yaml").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 10
    assert b"\x00" in (HOSTILE / "nul-byte.yaml").read_bytes()
    assert (HOSTILE / "empty.yaml").read_bytes() == b""


def test_every_hostile_fixture_is_tested() -> None:
    tested = {*ONE_PROBLEM, *VALID_HOSTILE, "alias-bomb.yaml", "yaml11-numbers.yaml"}
    assert {path.name for path in HOSTILE.glob("*.yaml")} == tested


def test_alias_bomb_is_refused_alias_by_alias_not_expanded(run: Run) -> None:
    path = HOSTILE / "alias-bomb.yaml"
    text = path.read_text(encoding="utf-8")
    lines = problems(run("validate", str(path)))
    aliases = [line for line in lines if PROBLEM_LINE.fullmatch(line)["code"] == "T023"]  # type: ignore[index]
    assert len(aliases) == text.count("*") == 72
    # each is reported on the line that writes it
    for number, source in enumerate(text.splitlines(), 1):
        assert sum(line.startswith(f"{path}:{number}:") for line in aliases) == source.count("*")
    data = load_document(path).data
    assert data["i"] == [None] * 9  # left out, not expanded: i alone would be 9**9 strings


def test_yaml_1_1_numbers_say_what_to_quote(run: Run) -> None:
    path = HOSTILE / "yaml11-numbers.yaml"
    assert problems(run("validate", str(path))) == [
        f"{path}:26:12: T103 '012' was read as a number, not text; quote it: \"012\" (at proposals[0].title)",
        f"{path}:27:14: T103 '1e3' was read as a number, not text; quote it: \"1e3\" (at proposals[0].tagline)",
    ]


def copy_as_roadmaps(tmp_path: Path, *names: str) -> Path:
    """A roadmaps folder holding copies of the named hostile fixtures (the built-in programme governs them)."""
    folder = tmp_path / "roadmaps"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copyfile(HOSTILE / name, folder / name)
    return folder


def test_yaml_1_1_words_stay_as_written(run: Run, tmp_path: Path) -> None:
    folder = copy_as_roadmaps(tmp_path, "yaml11-words.yaml")
    assert load_document(folder / "yaml11-words.yaml").data["organisations"][0]["country"] == "NO"  # not False
    result = run("--roadmaps", str(folder), "list", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(row["title"], row["tagline"]) for row in rows] == [
        ("no", "yes"),
        ("on", "off"),
        ("12:30:00", "2024-03-01"),
        ("0x1F", "1_000"),
        (".inf", "y"),
    ]


# --- markup and escapes in the data ------------------------------------------------------------


def on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """Make the CLI render with Rich, as on a colour terminal; return what it prints."""
    printed = io.StringIO()
    console = Console(file=printed, force_terminal=True, width=300, highlight=False)
    monkeypatch.setattr(render, "wants_plain", lambda: False)
    monkeypatch.setattr(render, "rich_console", lambda stderr=False: console)
    return printed


# what each command prints from markup.yaml, exactly as written there
MARKUP_SHOWN = {
    ("list",): ["[bold]Bold[/bold] claims", "[link=https://example.com]Click[/link] [/]"],
    ("show", "P1"): ["[bold]Bold[/bold] claims", "[/] a stray closing tag, [red]and colour[/red]", "[b]Kim[/b] Lee"],
    ("show", "P2"): ["[link=https://example.com]Click[/link] [/]"],
    ("contacts", "P1"): ["[b]Kim[/b] Lee", "[/] coordinator"],
}


@pytest.mark.parametrize("terminal", [False, True], ids=["plain", "rich"])
@pytest.mark.parametrize("args", MARKUP_SHOWN, ids=" ".join)
def test_markup_in_the_data_is_printed_as_text(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: bool, args: tuple[str, ...]
) -> None:
    folder = copy_as_roadmaps(tmp_path, "markup.yaml")
    printed = on_a_terminal(monkeypatch) if terminal else None
    result = run("--roadmaps", str(folder), *args)
    assert result.exit_code == 0, result.output
    out = printed.getvalue() if printed else result.stdout
    for text in MARKUP_SHOWN[args]:
        assert text in out


@pytest.mark.skipif(os.name != "posix", reason="needs a file name with an escape character in it")
def test_an_escape_in_a_file_name_is_shown_escaped(run: Run, tmp_path: Path) -> None:
    folder = roadmaps_folder(tmp_path)
    (folder / "\x1b[2Jclear.yaml").write_text("a: [\n", encoding="utf-8")
    result = run("--roadmaps", "roadmaps", "validate")
    assert result.exit_code == 1
    assert result.stdout.startswith("roadmaps/\\x1b[2Jclear.yaml:1:4: T010 ")
    assert "\x1b" not in result.stdout


def test_a_key_with_a_line_break_and_an_escape_stays_on_one_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "key.yaml").write_text('"two\\nlines\\e[2J": x\n', encoding="utf-8")
    lines = problems(run("validate", "key.yaml"))
    assert lines[0] == "key.yaml:1:1: T102 unknown field 'two\\nlines\\x1b[2J' (at ['two\\nlines\\x1b[2J'])"


@pytest.mark.parametrize(
    "args",
    [
        ("show", "\x1b[31mP1"),
        ("list", "--theme", "\x1b[2J"),
        ("list", "--org", "\x1b[2J"),
        ("list", "--pair", "\x1b]0;x\x07"),
    ],
    ids=["show", "theme", "org", "pair"],
)
def test_an_escape_in_an_option_is_echoed_escaped(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code in (1, 2)
    assert "\\x1b" in result.stderr
    assert "\x1b" not in result.stderr


# --- limits: nesting and size --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "where"),
    [
        ("[" * 10_000 + "]" * 10_000, "1:65"),  # flow style
        ("- " * 10_000 + "x\n", "1:129"),  # block sequences, one inside the other on one line
        ("".join("  " * level + "k:\n" for level in range(200)) + "  " * 200 + "x\n", "65:129"),  # block mappings
    ],
    ids=["flow", "block-sequences", "block-mappings"],
)
def test_deep_nesting_is_one_problem(run: Run, tmp_path: Path, source: str, where: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(source, encoding="utf-8")
    assert located(problems(run("validate", "deep.yaml"))) == [(f"deep.yaml:{where}", "T011")]


@pytest.mark.parametrize("opener", [b"[", b"- ", b"{a: "], ids=["flow-sequences", "block-sequences", "flow-mappings"])
def test_nesting_as_deep_as_the_size_limit_allows_does_not_crash(tmp_path: Path, opener: bytes) -> None:
    """A million levels once crashed the process (libyaml's composer recursed in C until the stack ran out)."""
    (tmp_path / "deepest.yaml").write_bytes(opener * ((MAX_FILE_BYTES - 10) // len(opener)))
    done = twins_process("validate", "deepest.yaml", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    [(where, code)] = located(done.stdout.splitlines()[:-1])
    assert where.startswith("deepest.yaml:1:")
    assert code == "T011"


@pytest.mark.parametrize(
    ("head", "unit"),
    [(b"", b"- 1\n"), (b"schema_version: 1\nproposals: [", b"1,")],
    ids=["a-list-of-tiny-values", "a-million-wrongly-typed-proposals"],
)
def test_a_file_of_a_million_tiny_values_is_one_problem(run: Run, tmp_path: Path, head: bytes, unit: bytes) -> None:
    """2 MiB of ``- 1`` once took 630 MB and, as proposals, printed 100 MB of problems: now the count stops it."""
    folder = roadmaps_folder(tmp_path)
    (folder / "alpha-beta.yaml").write_bytes(head + unit * ((MAX_FILE_BYTES - len(head)) // len(unit)))
    [(where, code)] = located(problems(run("validate", "roadmaps/alpha-beta.yaml")))
    assert where.startswith("roadmaps/alpha-beta.yaml:")
    assert code == "T012"


def broken_proposals(tmp_path: Path, count: int) -> Path:
    """The alpha-beta roadmap with ``count`` proposals that are numbers: one problem each."""
    folder = roadmaps_folder(tmp_path)
    roadmap = folder / "alpha-beta.yaml"
    head, _ = roadmap.read_text(encoding="utf-8").split("proposals:\n")
    roadmap.write_text(head + "proposals:\n" + "  - 1\n" * count, encoding="utf-8")
    return roadmap


def test_problems_past_the_first_hundred_of_a_file_are_counted_not_listed(run: Run, tmp_path: Path) -> None:
    broken_proposals(tmp_path, MAX_PROBLEMS_PER_FILE + 50)
    result = run("validate", "roadmaps/alpha-beta.yaml")
    assert result.exit_code == 1
    *lines, more, summary = result.stdout.splitlines()
    assert len(lines) == MAX_PROBLEMS_PER_FILE
    assert all(line.startswith("roadmaps/alpha-beta.yaml:") for line in lines)
    total = int(summary.rsplit(": ", 1)[1].split()[0])
    assert total >= MAX_PROBLEMS_PER_FILE + 50
    assert more == f"… and {total - MAX_PROBLEMS_PER_FILE} more problems in roadmaps/alpha-beta.yaml"
    assert summary.endswith(f": {total} errors in 1 file")


def test_json_counts_the_problems_past_the_first_hundred(run: Run, tmp_path: Path) -> None:
    broken_proposals(tmp_path, MAX_PROBLEMS_PER_FILE + 50)
    report = json.loads(run("validate", "roadmaps/alpha-beta.yaml", "--format", "json").stdout)
    assert len(report["problems"]) == MAX_PROBLEMS_PER_FILE
    [more] = report["more_problems"]
    assert more["file"] == "roadmaps/alpha-beta.yaml"
    assert report["summary"].endswith(f": {MAX_PROBLEMS_PER_FILE + more['count']} errors in 1 file")
    assert more["count"] >= 50


def test_a_query_refused_or_skipping_a_roadmap_counts_the_problems_past_the_first_hundred(
    run: Run, tmp_path: Path
) -> None:
    broken_proposals(tmp_path, MAX_PROBLEMS_PER_FILE + 50)
    for name in ("programme.yaml", "severn-bora.yaml"):  # and a roadmap that validates, to answer from
        shutil.copyfile(FIXTURES / "sample" / name, tmp_path / "roadmaps" / name)
    summary = run("validate", "roadmaps/alpha-beta.yaml").stdout.splitlines()[-1]
    total = int(summary.rsplit(": ", 1)[1].split()[0])
    assert total > MAX_PROBLEMS_PER_FILE + 50
    refused = run("--roadmaps", "roadmaps", "--strict", "pairs")
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"twins: the roadmaps have {total} problems; first: roadmaps/alpha-beta.yaml:")
    skipped = run("--roadmaps", "roadmaps", "pairs")
    assert skipped.exit_code == 0
    assert skipped.stderr.startswith(f"twins: skipped roadmaps/alpha-beta.yaml: it has {total} problems; first: ")


def test_a_hundred_problems_are_all_listed(run: Run, tmp_path: Path) -> None:
    folder = roadmaps_folder(tmp_path)
    roadmap = folder / "alpha-beta.yaml"
    roadmap.write_text(roadmap.read_text(encoding="utf-8") + "".join(f"extra{n}: 1\n" for n in range(100)))
    lines = problems(run("validate", "roadmaps/alpha-beta.yaml"))  # every line a problem, the summary counts them
    assert len(lines) == MAX_PROBLEMS_PER_FILE
    report = json.loads(run("validate", "roadmaps/alpha-beta.yaml", "--format", "json").stdout)
    assert report["more_problems"] == []


def test_a_10_mb_line_is_refused_by_size_before_parsing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "huge.yaml").write_bytes(b"title: " + b"x" * 10_000_000)
    parsed: list[int] = []  # the length of each text handed to the YAML parser
    loader = yamlload._Loader
    monkeypatch.setattr(yamlload, "_Loader", lambda text: parsed.append(len(text)) or loader(text))
    assert located(problems(run("validate", "huge.yaml"))) == [("huge.yaml:1:1", "T001")]
    assert max(parsed, default=0) < MAX_FILE_BYTES  # the huge file never is (the programme may come from the cache)


def test_a_file_one_byte_over_the_limit_is_refused(run: Run, tmp_path: Path) -> None:
    (tmp_path / "big.yaml").write_bytes(b"# padding\n" + b"#" * (MAX_FILE_BYTES - 10) + b"\n")
    assert located(problems(run("validate", "big.yaml"))) == [("big.yaml:1:1", "T001")]


# --- files and paths -------------------------------------------------------------------------------


@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="running as root, which can read any file")
def test_unreadable_file(run: Run, tmp_path: Path) -> None:
    path = roadmaps_folder(tmp_path) / "alpha-beta.yaml"
    path.chmod(0)
    try:
        usage_error(
            run("validate", "roadmaps/alpha-beta.yaml"), "roadmaps/alpha-beta.yaml: cannot read: Permission denied"
        )
    finally:
        path.chmod(0o644)


def test_a_directory_named_like_a_roadmap(run: Run, tmp_path: Path) -> None:
    folder = roadmaps_folder(tmp_path)
    (folder / "x.yaml").mkdir()
    usage_error(run("validate", "roadmaps/x.yaml"), "roadmaps/x.yaml is a directory, not a regular file")
    usage_error(run("--roadmaps", "roadmaps", "validate"), "roadmaps/x.yaml is a directory, not a regular file")
    usage_error(run("--roadmaps", "roadmaps", "list"), "roadmaps/x.yaml is a directory, not a regular file")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_broken_symbolic_link(run: Run, tmp_path: Path) -> None:
    folder = roadmaps_folder(tmp_path)
    (folder / "gone.yaml").symlink_to(tmp_path / "moved-away.yaml")
    expected = (
        f"roadmaps/gone.yaml is a broken symbolic link (to {tmp_path / 'moved-away.yaml'}) — fix or remove the link"
    )
    assert usage_error(run("validate", "roadmaps/gone.yaml"), expected) == f"twins: {expected}\n"
    usage_error(run("--roadmaps", "roadmaps", "validate"), expected)


def test_files_that_are_not_roadmaps_are_ignored(run: Run, tmp_path: Path) -> None:
    folder = roadmaps_folder(tmp_path)
    for name in ("README.md", "notes.txt", "alpha-beta.yaml~", "alpha-beta.yaml.orig", "data.json"):
        (folder / name).write_text("not: [a roadmap\n", encoding="utf-8")
    (folder / "._alpha-beta.yaml").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")  # macOS resource fork
    if hasattr(os, "symlink"):
        (folder / ".#alpha-beta.yaml").symlink_to("someone@laptop.12345")  # an Emacs lock file: a dangling link
    result = run("--roadmaps", "roadmaps", "validate", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["files"] == ["roadmaps/programme.yaml", "roadmaps/alpha-beta.yaml"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    folder = roadmaps_folder(tmp_path)
    os.mkfifo(folder / "pipe.yaml")  # nothing will ever write to it
    done = twins_process("validate", "roadmaps/pipe.yaml", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("twins: roadmaps/pipe.yaml is a named pipe, not a regular file — ")
    done = twins_process("--roadmaps", "roadmaps", "validate", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("twins: roadmaps/pipe.yaml is a named pipe, not a regular file — ")


# --- options ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("list", "--org", "railbs"), "no organisation matches 'railbs' (did you mean 'railbus'?)"),
        (("list", "--type", "knowlege"), "unknown type 'knowlege' (did you mean 'knowledge'?)"),
        (("milestones", "--as-of", "20240501"), "'20240501' is not a date"),
        (("milestones", "--as-of", "2024-5-1"), "'2024-5-1' is not a date"),
        (("milestones", "--within", "0d"), "'0d' is not a period"),
        (("milestones", "--within", "-1y"), "'-1y' is not a period"),
        (("list", "--active-on", ""), "'' is not a date"),
        (("timeline", "--as-of", ""), "'' is not a date"),
    ],
)
def test_bad_option_values_not_covered_elsewhere(run: Run, args: tuple[str, ...], expected: str) -> None:
    usage_error(run(*args), expected)


# --- closed pipes and Ctrl-C, through the installed script --------------------------------------------


@pytest.fixture(scope="module")
def many_roadmaps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 valid roadmaps: copies of the built-in Belfast–Sejong roadmap under new pair ids (4,200 proposals)."""
    folder = tmp_path_factory.mktemp("many")
    builtin = builtin_dir("roadmaps")
    shutil.copyfile(builtin / "programme.yaml", folder / "programme.yaml")
    text = (builtin / "belfast-sejong.yaml").read_text(encoding="utf-8")
    assert text.count("\n  id: belfast-sejong\n") == 1
    for index in range(300):
        pair = f"pair-{index:04d}"
        (folder / f"{pair}.yaml").write_text(text.replace("\n  id: belfast-sejong\n", f"\n  id: {pair}\n"), "utf-8")
    return folder


def script_env() -> dict[str, str]:
    """The environment of the tests (with their private query cache), plain output, no $TWINS_ROADMAPS."""
    env = {key: value for key, value in os.environ.items() if key != "TWINS_ROADMAPS"}
    env["NO_COLOR"] = "1"
    return env


@needs_script
@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("head") is None, reason="needs bash and head")
@pytest.mark.parametrize(
    "args", [("list",), ("list", "--format", "json"), ("contacts", "--format", "csv")], ids=" ".join
)
def test_a_reader_that_stops_early_is_no_error(many_roadmaps: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    """``twins list | head -1`` in a real shell, with more output than a pipe holds: twins writes to a closed pipe."""
    pipeline = '"$0" --roadmaps "$1" "${@:2}" | head -1; exit "${PIPESTATUS[0]}"'
    done = subprocess.run(
        ["bash", "-c", pipeline, str(SCRIPT), str(many_roadmaps), *args],
        cwd=tmp_path,
        env=script_env(),
        capture_output=True,
        text=True,
        timeout=300,  # a hang guard
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1
    assert "Exception ignored" not in done.stderr
    assert "BrokenPipeError" not in done.stderr
    assert done.stderr == ""


@pytest.fixture
def ctrl_c_as_in_a_terminal() -> Iterator[None]:
    """SIGINT raises KeyboardInterrupt here, and is at its default in the programs started here.

    As for a command typed at a terminal. A shell starts a background command with
    SIGINT ignored, and the programs it starts keep ignoring it, as they should.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="SIGINT is held back (not ignored) on POSIX only")
@pytest.mark.usefixtures("ctrl_c_as_in_a_terminal")
def test_a_ctrl_c_while_the_workers_start_is_held_not_lost() -> None:
    """Ctrl-C while the pool starts (SIGINT kept from the workers) interrupts the main thread as soon as that ends."""
    pending_inside = []
    with pytest.raises(KeyboardInterrupt), ctrl_c_held():
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)  # to this thread, which holds it back
        pending_inside.append(signal.SIGINT in signal.sigpending())
    assert pending_inside == [True]


def has_children(pid: int) -> bool:
    """Whether ``pid`` has started worker processes (read from /proc; False where there is none)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == str(pid):
            return True
    return False


@needs_script
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups to send Ctrl-C")
@pytest.mark.usefixtures("ctrl_c_as_in_a_terminal")
def test_ctrl_c_exits_130_without_a_traceback(many_roadmaps: Path, tmp_path: Path) -> None:
    """SIGINT to the whole process group, as a terminal's Ctrl-C, once twins is busy checking 300 roadmaps."""
    with subprocess.Popen(
        [str(SCRIPT), "--roadmaps", str(many_roadmaps), "validate"],
        cwd=tmp_path,
        env=script_env() | {"TWINS_NO_CACHE": "1"},  # busy checking: earlier tests cached these roadmaps
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, so that the signal does not reach pytest
    ) as process:
        started = time.monotonic()
        # busy: its workers have started, or (with one CPU, or no /proc) it has been running for a second
        while process.poll() is None and not has_children(process.pid) and time.monotonic() - started < 1:
            time.sleep(0.01)
        assert process.poll() is None, "twins finished before it could be interrupted; give it more work"
        os.killpg(process.pid, signal.SIGINT)
        try:
            stdout, stderr = process.communicate(timeout=120)  # a hang guard
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # workers included, so that the test ends
            raise
    assert process.returncode == 130, stderr
    assert b"Traceback" not in stderr
    assert b"KeyboardInterrupt" not in stderr
    assert stdout == b""
