"""Paths from outside: resolved without surprises, and shown as a user should see them.

``Path.resolve`` raises ``RuntimeError`` on a symbolic link loop (before Python
3.13), which would reach the user as an internal error; ``os.path.realpath``
resolves as far as it can instead, and the read that follows names the loop.
"""

from __future__ import annotations

import os
from pathlib import Path

from twins_cli.base.text import one_line


def real_path(path: Path) -> Path:
    """``path`` made absolute with its links followed as far as they lead; never raises on a loop."""
    return Path(os.path.realpath(path))


def display_name(path: Path) -> str:
    """The file name as the user should see it: relative to the cwd when inside it.

    A file in a pull request can be called anything: a control character in its name is
    shown escaped (``\\x1b``), so that it cannot recolour or rewrite a terminal or CI log,
    and a very long name is shortened in the middle.
    """
    try:
        name = str(real_path(path).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):  # elsewhere, or the cwd is gone
        name = str(path)
    if len(name) > 200:  # a path of thousands of characters (they reach 4,096 bytes): its ends say which
        name = f"{name[:100]}...{name[-80:]}"
    return one_line(name)
