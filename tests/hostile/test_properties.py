"""Property-based tests: whatever a hand edit does to a roadmap, ``twins validate`` answers with problems.

Random mutations of the built-in roadmaps (a line deleted or duplicated, a value of
the wrong type, a date shuffled, odd Unicode inserted) and of their parsed data
must always give exit 0 or 1, every problem as ``FILE:LINE:COL: message`` on one
line, and never an exception.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from twins_cli.cli.app import app
from twins_cli.files.locate import PROGRAMME_FILE, builtin_dir
from twins_cli.parse.yaml_document import load_document

ROADMAPS = builtin_dir("roadmaps")
ROADMAP_NAMES = sorted(path.name for path in ROADMAPS.glob("*.yaml") if path.name != PROGRAMME_FILE)
TEXTS = {name: (ROADMAPS / name).read_text(encoding="utf-8") for name in ROADMAP_NAMES}
PROBLEM_LINE = re.compile(r"[^:]+:\d+:\d+: .+|… and \d+ more problems? in .+")  # past a file's first 100, a count
SUMMARY = re.compile(r"\d+ roadmaps?( in .+)?, \d+ proposals?: (valid|\d+ errors? in \d+ files?)")

# Characters that arrive by copy-paste from PDFs, mail and word processors. Surrogates
# (U+D800–U+DFFF) cannot be written as UTF-8 at all, so they are left out.
ODD_CHARACTERS = [
    "\u0301",  # combining acute accent
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u200d",  # zero-width joiner
    "\u200b",  # zero-width space
    "\ufeff",  # byte order mark in the middle of the text
    "\u00a0",  # no-break space
    "\u2028",  # line separator
    "\u2029",  # paragraph separator
    "\u0085",  # next line (a C1 control)
    "\x1b",  # escape
    "\t",
    "\ufffd",  # replacement character
    "\U0001f600",  # an emoji
    "👩‍💻",  # an emoji sequence joined by ZWJ
    "세종",
    "：",  # full-width colon
    "‘’“”",  # curly quotes
    "–—",  # dashes
    "#",
    ": ",
    "- ",
    '"',
    "'",
    "&anchor ",
    "*alias",
    "!!python/name:os.system ",
    "<<: ",
    "{",
    "[",
    "%",
    "@",
    "`",
    "|",
    ">",
]
odd_text = st.one_of(
    st.sampled_from(ODD_CHARACTERS),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=4),
)
WRONG_VALUES = ["123", "-7", "1e3", "012", "0x1F", "true", "no", "NO", "on", "~", "null", "''", '""', "[]", "{}"]
WRONG_VALUES += ["[a, b]", "{x: 1}", "12:30:00", "2024-13-45", "2024-02-30", ".inf", ".nan", "- x", "|", ">-"]
DATE = re.compile(r"\b[0-9]{4}(-[0-9]{2}){0,2}\b")
VALUE = re.compile(r"^(\s*(?:- )?[A-Za-z_][\w-]*: )(.+)$")


@st.composite
def mutation(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """One hand-editing accident applied to a roadmap's lines."""
    lines = list(lines) or [""]
    kind = draw(st.sampled_from(["delete", "duplicate", "retype", "date", "unicode", "indent", "swap", "truncate"]))
    # a line the mutation applies to: one with a key and value, or a date, if there is one
    wanted = {"retype": VALUE.match, "date": DATE.search}.get(kind, bool)
    candidates = [number for number, text in enumerate(lines) if wanted(text)] or list(range(len(lines)))
    index = draw(st.sampled_from(candidates))
    line = lines[index]
    if kind == "delete":
        del lines[index]
    elif kind == "duplicate":  # a key line twice is a duplicate key
        lines.insert(index, line)
    elif kind == "retype" and (keyed := VALUE.match(line)):
        lines[index] = keyed.group(1) + draw(st.sampled_from(WRONG_VALUES))
    elif kind == "date":
        year, month, day = draw(st.integers(0, 9999)), draw(st.integers(0, 99)), draw(st.integers(0, 99))
        shape = draw(st.sampled_from([f"{year:04d}", f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-{day:02d}"]))
        lines[index] = DATE.sub(shape, line, count=1)
    elif kind in ("unicode", "retype"):
        column = draw(st.integers(0, len(line)))
        lines[index] = line[:column] + draw(odd_text) + line[column:]
    elif kind == "indent":
        lines[index] = draw(st.sampled_from([" ", "  ", "\t", ""])) + line.lstrip(" ")
    elif kind == "swap":
        other = draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    else:
        lines = [*lines[:index], line[: draw(st.integers(0, len(line)))]]
    return lines


@st.composite
def mutated_roadmap(draw: st.DrawFn) -> tuple[str, str]:
    """A built-in roadmap's file name and its text after one to three mutations."""
    name = draw(st.sampled_from(ROADMAP_NAMES))
    lines = TEXTS[name].split("\n")
    for _ in range(draw(st.integers(1, 3))):
        lines = draw(mutation(lines))
    return name, "\n".join(lines)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A roadmaps folder with the built-in programme.yaml; each example writes its roadmap into it."""
    path = tmp_path_factory.mktemp("roadmaps")
    shutil.copyfile(ROADMAPS / PROGRAMME_FILE, path / PROGRAMME_FILE)
    return path


def assert_validate_answers(path: Path) -> None:
    """``twins validate FILE`` exits 0 or 1 with one well-formed line per problem and no exception."""
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    *problems, summary = result.stdout.splitlines()
    assert SUMMARY.fullmatch(summary), result.stdout
    assert (result.exit_code == 0) == (not problems), result.stdout
    for line in problems:
        assert PROBLEM_LINE.fullmatch(line), line
        assert line.isprintable(), line


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_roadmap())
def test_any_edit_of_the_text_gives_problems_not_a_crash(folder: Path, edited: tuple[str, str]) -> None:
    name, text = edited
    path = folder / name
    path.write_text(text, encoding="utf-8")
    assert_validate_answers(path)


# --- the parsed data, changed at any place to any value --------------------------------------

DATA = {name: load_document(ROADMAPS / name).data for name in ROADMAP_NAMES}
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
    st.sampled_from(["P1", "2024-04", "2025-13", "Early 2025", "cybersecurity", "belfast", "a@b.example", ""]),
)
any_value = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)


def places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in ``data``."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += places(value, (*path, index))
    return found


def replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A copy of ``data`` with the value at ``path`` replaced (or, for an empty path, the whole)."""
    if not path:
        return value
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = replaced(data[head], tuple(rest), value)
    return copy


@st.composite
def mutated_data(draw: st.DrawFn) -> tuple[str, Any]:
    """A built-in roadmap's file name and its data with one value replaced by anything."""
    name = draw(st.sampled_from(ROADMAP_NAMES))
    data = DATA[name]
    path = draw(st.sampled_from(places(data)))
    return name, replaced(data, path, draw(any_value))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_data())
def test_any_value_anywhere_gives_problems_not_a_crash(folder: Path, edited: tuple[str, Any]) -> None:
    name, data = edited
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert_validate_answers(path)
