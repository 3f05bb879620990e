"""Paths from outside, resolved without surprises.

``Path.resolve`` raises ``RuntimeError`` on a symbolic link loop (before Python
3.13), which would reach the user as an internal error; ``os.path.realpath``
resolves as far as it can instead, and the read that follows names the loop.
"""

from __future__ import annotations

import os
from pathlib import Path


def real_path(path: Path) -> Path:
    """``path`` made absolute with its links followed as far as they lead; never raises on a loop."""
    return Path(os.path.realpath(path))
