"""The table of commands: each is built only when run, and the table says of it what its docstring says."""

from __future__ import annotations

import pkgutil
from typing import Any

import pytest
import typer
from typer._click.utils import make_default_short_help
from typer.main import get_command
from typer.testing import CliRunner

import twins_cli.cli.commands as commands
from conftest import Run
from twins_cli.cli.app import app
from twins_cli.cli.commands import COMMANDS, SUMMARIES


def group() -> Any:
    return get_command(app)


@pytest.mark.parametrize("name", list(SUMMARIES))
def test_the_tables_summary_is_the_first_sentence_of_the_commands_help(name: str) -> None:
    built = group().commands[name]
    assert make_default_short_help(SUMMARIES[name], 10_000) == make_default_short_help(built.help, 10_000)


def test_every_command_module_is_in_the_table() -> None:
    modules = {found.name for found in pkgutil.iter_modules(commands.__path__)}
    assert modules == {where.partition(":")[0] for _, where, _ in COMMANDS}


def test_listing_the_commands_builds_none() -> None:
    built = group()
    assert built.list_commands(None) == [name for name, _, _ in COMMANDS]
    assert built.commands._built == {}
    assert built.commands.get("no-such-command") is None
    assert built.commands["list"].name == "list"
    assert list(built.commands._built) == ["list"]


def test_the_cache_group_is_built_with_its_commands(run: Run) -> None:
    built = group().commands["cache"]
    assert isinstance(built, typer.core.TyperGroup)
    assert set(built.commands) == {"info", "clear"}
    assert run("cache", "info").exit_code == 0


@pytest.mark.parametrize(
    ("typed", "offered"), [("ti", ["timeline"]), ("c", ["contacts", "contact", "cache"]), ("v", ["validate"])]
)
def test_command_names_complete(typed: str, offered: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    env = {"_TWINS_COMPLETE": "complete_bash", "COMP_WORDS": f"twins {typed}", "COMP_CWORD": "1"}
    result = CliRunner().invoke(app, [], env=env, prog_name="twins")
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == offered
