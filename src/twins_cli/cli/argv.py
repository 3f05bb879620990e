"""The global options that also work after the command: ``twins list --roadmaps DIR``.

Click reads a group's options only before the command; the command line moves
them there before Click parses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Global options that may also come after the command.
MOVABLE_OPTIONS = ("--roadmaps", "--debug", "--color", "--lang")


def globals_first(group: Any, args: list[str]) -> list[str]:
    """``twins list --roadmaps DIR`` read as ``twins --roadmaps DIR list``, for the Click ``group``.

    Only tokens that are options of the command line are moved: a value of the command's
    own options (``--search --debug``) and everything after ``--`` stay where they are.
    """
    start = 0
    while start < len(args) and args[start].startswith("-") and args[start] != "--":
        start += 2 if _takes_value(args[start], group.params) else 1
    command = group.commands.get(args[start]) if start < len(args) else None
    if command is None:
        return args
    own = {name for param in command.params for name in param.opts}
    moved: list[str] = []
    rest: list[str] = []
    index = start + 1
    while index < len(args):
        token = args[index]
        name = token.split("=", 1)[0]
        if token == "--":
            rest += args[index:]
            break
        width = 2 if _takes_value(token, command.params) or _takes_value(token, group.params) else 1
        if name in MOVABLE_OPTIONS and name not in own and index + width <= len(args):
            moved += args[index : index + width]
        else:
            rest += args[index : index + width]
        index += width
    return [*args[:start], *moved, args[start], *rest]


def global_value(group: Any, args: Sequence[str], name: str) -> str | None:
    """The value of the global option ``name`` in ``args`` as ``globals_first`` orders them (the last one given).

    Read before Click parses anything, so that what depends on it (the language) holds for every line,
    even a usage error about the command line itself.
    """
    found = None
    index = 0
    while index < len(args) and args[index].startswith("-") and args[index] != "--":
        token = args[index]
        if token.startswith(f"{name}="):
            found = token.split("=", 1)[1]
        elif token == name and index + 1 < len(args):
            found = args[index + 1]
        index += 2 if _takes_value(token, group.params) else 1
    return found


def _takes_value(token: str, params: Sequence[Any]) -> bool:
    """Whether ``token`` (``--format``, ``-f``, ``-af``) is an option whose value is the next token."""
    valued = {
        name
        for param in params
        if param.param_type_name == "option" and not param.is_flag and not param.count
        for name in param.opts
    }
    if token in valued:
        return True
    if token.startswith("--") or not token.startswith("-") or len(token) < 3:
        return False
    for position, char in enumerate(token[1:], start=1):  # a cluster of short options: -af FORMAT
        if f"-{char}" in valued:
            return position == len(token) - 1
    return False
