"""Every refusal says what to do: each TwinsError raised in the source is given a hint beside its message.

README "Exit codes and errors": errors are one line, ``twins: <what is wrong> — <what to do>``.
A refusal built without its hint prints only the first half; this reads the source to find any.
"""

from __future__ import annotations

import ast
from pathlib import Path

import twins_cli

SOURCE = Path(twins_cli.__file__).parent


def trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(SOURCE.rglob("*.py"))}


def error_classes(modules: dict[Path, ast.Module]) -> set[str]:
    """The names of TwinsError and of every class that derives from it, wherever in the package it is defined."""
    found = {"TwinsError"}
    classes = [node for tree in modules.values() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    while True:
        more = {c.name for c in classes if any(isinstance(b, ast.Name) and b.id in found for b in c.bases)} - found
        if not more:
            return found
        found |= more


def test_every_refusal_is_raised_with_a_hint() -> None:
    modules = trees()
    names = error_classes(modules)
    assert {"UsageError", "InputError", "ChangedOnDiskError", "MissingExtraError"} <= names
    hintless = []
    for path, tree in modules.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
                given = len(node.args) + len(node.keywords)
                if given < 2 and not any(isinstance(arg, ast.Starred) for arg in node.args):
                    hintless.append(f"{path.relative_to(SOURCE)}:{node.lineno} {node.func.id}")
    assert hintless == []
