"""Colour: one decision (``use_colour``) from --color, NO_COLOR, FORCE_COLOR and the terminal; colour only."""

from __future__ import annotations

import io
import re

import pytest

from conftest import Run
from twins_cli.formats import terminal
from twins_cli.formats.terminal import choose_colour, use_colour

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("choice", "environ", "tty", "coloured"),
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # empty: not set (no-color.org)
        ("auto", {"FORCE_COLOR": "1"}, False, True),  # a CI log that shows colour
        ("auto", {"FORCE_COLOR": ""}, False, False),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),  # NO_COLOR wins
        ("always", {"NO_COLOR": "1"}, False, True),  # the option wins over the environment
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_use_colour_decides_in_one_place(
    choice: str, environ: dict[str, str], tty: bool, coloured: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdout", _Terminal() if tty else io.StringIO())
    monkeypatch.setattr(terminal, "_colour", "auto")
    choose_colour(choice)
    assert use_colour(environ) is coloured


SCREENS = [["list"], ["show", "P5"], ["status"], ["contacts", "P5"], ["programme"], ["timeline"]]


@pytest.mark.parametrize("args", SCREENS)
@pytest.mark.parametrize("columns", [None, "60"])
def test_colour_changes_the_colour_and_nothing_else(
    run: Run, args: list[str], columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if columns:  # a terminal's width: cells and titles wrapped or cut alike
        monkeypatch.setenv("COLUMNS", columns)
    coloured = run("--color", "always", *args)
    plain = run(*args, "--color", "never")  # a global option works after the command too
    assert coloured.exit_code == plain.exit_code == 0
    assert "\x1b[" in coloured.stdout
    assert "\x1b[" not in plain.stdout
    assert ANSI.sub("", coloured.stdout) == plain.stdout


def test_force_color_colours_a_pipe_and_no_color_wins(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run("list").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("list").stdout


def test_an_unknown_colour_is_a_usage_error(run: Run) -> None:
    result = run("--color", "sometimes", "list")
    assert result.exit_code == 2
    assert result.stderr.startswith("twins: ")
