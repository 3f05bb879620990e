"""Every command's --help reads as a person would want: each option says what it does and what to give it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from typer.main import get_command

from conftest import Run
from twins_cli.cli.app import app
from twins_cli.cli.commands import SUMMARIES


def commands(command: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Each command and subcommand, with the words that run it."""
    found = [(path, command)] if path else []
    for name in getattr(command, "commands", {}) or ():
        found += commands(command.commands[name], (*path, name))
    return found


EVERY = commands(get_command(app))
TYPE_NAMES = re.compile(r"<(?:str|int|float|path|text|bool)>|\b(?:INTEGER|FLOAT|BOOLEAN)\b")


@pytest.mark.parametrize("path", [path for path, _ in EVERY], ids=[" ".join(path) for path, _ in EVERY])
def test_every_option_says_what_it_does_and_names_its_value(run: Run, path: tuple[str, ...]) -> None:
    command = dict(EVERY)[path]
    for option in command.params:
        if option.param_type_name == "option" and not option.hidden:
            assert option.help, f"{' '.join(path)} {option.opts[0]} has no help"
    result = run(*path, "--help")
    assert result.exit_code == 0, result.output
    assert not TYPE_NAMES.findall(result.stdout), "a value named by its Python type, not by what it is"


def test_the_walk_reaches_the_subcommands() -> None:
    assert {("contact", "set"), ("milestone", "happened"), ("cache", "clear")} <= {path for path, _ in EVERY}
    assert {(name,) for name in SUMMARIES} <= {path for path, _ in EVERY}


@pytest.mark.parametrize("group", ["contact", "milestone", "cache"])
def test_a_group_without_its_command_shows_its_help_as_twins_alone_does(run: Run, group: str) -> None:
    """Not the help squeezed into one error line with its line breaks escaped."""
    alone = run()
    result = run(group)
    assert result.exit_code == alone.exit_code == 2
    assert result.stderr.startswith("Usage: ") and f" {group} [OPTIONS] COMMAND [ARGS]...\n" in result.stderr
    assert "\\x0a" not in result.stderr and "Commands:\n" in result.stderr
