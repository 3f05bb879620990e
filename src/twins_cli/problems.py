"""A problem found in a file: what every check produces and every reporter prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake at a place in a file, in the order people read files."""

    file: str
    line: int
    column: int
    message: str
    path: Path_ = ()

    @property
    def dotted_path(self) -> str:
        """``proposals[3].timeline.end``: where the problem is in the data."""
        text = ""
        for part in self.path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text

    def format(self) -> str:
        """``FILE:LINE:COL: message (at path)``, the form editors and CI understand."""
        where = f" (at {self.dotted_path})" if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {self.message}{where}"


def display_name(path: Path) -> str:
    """The file name as the user should see it: relative to the cwd when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
