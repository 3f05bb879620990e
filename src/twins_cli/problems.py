"""A problem found in a file: what every check produces and every reporter prints."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

Path_ = tuple[str | int, ...]


class Problem(NamedTuple):
    """One mistake at a place in a file, in the order people read files."""

    file: str
    line: int
    column: int
    message: str
    path: Path_ = ()

    @property
    def dotted_path(self) -> str:
        """``proposals[3].timeline.end``: where the problem is in the data.

        A key with a line break or control character in it is shown quoted (``['a\\nb']``),
        so that the problem stays on one line and prints no terminal escape.
        """
        text = ""
        for part in self.path:
            if isinstance(part, int):
                text += f"[{part}]"
            elif not part.isprintable():
                text += f"[{part!r}]"
            else:
                text += f".{part}" if text else part
        return text

    def format(self) -> str:
        """``FILE:LINE:COL: message (at path)``, the form editors and CI understand."""
        where = f" (at {self.dotted_path})" if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {self.message}{where}"


def display_name(path: Path) -> str:
    """The file name as the user should see it: relative to the cwd when inside it.

    A file in a pull request can be called anything: a control character in its name is
    shown escaped (``\\x1b``), so that it cannot recolour or rewrite a terminal or CI log.
    """
    try:
        name = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        name = str(path)
    return escaped(name)


def escaped(text: str) -> str:
    """``text`` with each control character shown as its escape (``\\x1b``): safe to print on one line."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
