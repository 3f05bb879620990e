"""A problem found in a file: what every check produces and every reporter prints."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from twins_cli.terminal import one_line

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
    shown escaped (``\\x1b``), so that it cannot recolour or rewrite a terminal or CI log,
    and a very long name is shortened in the middle.
    """
    try:
        name = str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):  # elsewhere, or the cwd is gone
        name = str(path)
    if len(name) > 200:  # a path of thousands of characters (they reach 4,096 bytes): its ends say which
        name = f"{name[:100]}...{name[-80:]}"
    return one_line(name)
