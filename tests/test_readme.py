"""The README's examples are real: each ``$ twins …`` block shows that command's output.

Run ``python tests/test_readme.py`` to rewrite the blocks after a deliberate change.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twins_cli.cli.app import app

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"```console\n\$ (twins [^\n]*)\n(.*?)```", re.DOTALL)


def examples() -> list[tuple[str, str]]:
    """(command line, output shown) for each console block of the README."""
    return [(match[1], match[2]) for match in BLOCK.finditer(README.read_text(encoding="utf-8"))]


def real_output(command: str) -> str:
    """What ``command`` prints, as a person sees it piped: NO_COLOR, no $COLUMNS, built-in roadmaps."""
    args = shlex.split(command)[1:]
    unset = dict.fromkeys(("COLUMNS", "TWINS_ROADMAPS", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "FORCE_COLOR"))
    result = CliRunner(env={"NO_COLOR": "1", **unset}).invoke(app, args)
    return result.stdout


def test_readme_has_examples() -> None:
    commands = [command.split()[1] for command, _ in examples()]
    assert {"list", "show", "contacts", "milestones", "pairs", "themes", "validate"} <= set(commands)


@pytest.mark.data  # the examples show the shipped roadmaps: a fix to them is a fix to the README too
@pytest.mark.parametrize(("command", "shown"), examples(), ids=[command for command, _ in examples()])
def test_readme_example_matches_real_output(command: str, shown: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(README.parent)  # examples name files relative to the repository
    assert real_output(command) == shown


def _update() -> None:
    text = README.read_text(encoding="utf-8")
    text = BLOCK.sub(lambda match: f"```console\n$ {match[1]}\n{real_output(match[1])}```", text)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if "--update" not in sys.argv:
        sys.exit("usage: python tests/test_readme.py --update   (rewrites README.md's example outputs)")
    _update()
