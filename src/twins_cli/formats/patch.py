"""A file's change as a unified diff, the form ``git diff`` and ``patch`` read, coloured only on a terminal."""

from __future__ import annotations

from twins_cli.base.text import printable

_COLOURS = {"+": "\x1b[32m", "-": "\x1b[31m", "@": "\x1b[36m"}
_RESET = "\x1b[0m"


def unified_diff(old: str, new: str, name: str, *, colour: bool = False) -> str:
    """The lines of ``name`` that differ between ``old`` and ``new``, three of context; '' when none.

    Lines are shown with control characters escaped, so that no text of a file can drive the terminal.
    """
    import difflib

    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}")
    shown = []
    for line in lines:
        text = printable(line.rstrip("\r\n")) + "\n"
        colour_code = _COLOURS.get(text[0]) if colour and not text.startswith(("+++", "---")) else None
        shown.append(f"{colour_code}{text[:-1]}{_RESET}\n" if colour_code else text)
    return "".join(shown)
