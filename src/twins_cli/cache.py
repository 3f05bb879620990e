"""A cache of validated roadmap data, so that queries skip parsing and checking.

Every query must only read roadmaps that validate, and checking is most of a
query's time. The cache stores the data of roadmaps that passed, under a key
made of the *content* of every file that went into the answer (each roadmap,
the programme file, the schemas) and of twins's version: an edited file makes
a new key, so an entry is never stale. Entries are JSON, written to a temporary
file and renamed into place, so concurrent runs never read half an entry.

Where: ``$TWINS_CACHE_DIR``, else ``$XDG_CACHE_HOME/twins``, else
``~/.cache/twins``. ``TWINS_NO_CACHE=1`` turns it off. A cache that cannot be
read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from twins_cli import __version__
from twins_cli.errors import TwinsError
from twins_cli.locate import read_bytes, schema_file

KEEP_ENTRIES = 64  # the newest entries kept; older ones are deleted when a new one is written


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("TWINS_NO_CACHE"):
        return None
    if os.environ.get("TWINS_CACHE_DIR"):
        return Path(os.environ["TWINS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "twins"


def content_key(files: Sequence[Path]) -> str:
    """A digest of twins's version, the schemas, and the path and bytes of each file, in order."""
    digest = hashlib.sha256(__version__.encode())
    for path in (schema_file("roadmap"), schema_file("programme"), *files):
        content = read_bytes(path)
        digest.update(f"\0{path.resolve()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def load(key: str) -> Any:
    """The entry stored under ``key``, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with (folder / f"{key}.json").open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def store(key: str, entry: Any) -> None:
    """Store ``entry`` under ``key`` atomically; any failure is ignored."""
    folder = cache_dir()
    if folder is None:
        return
    from twins_cli.output import write_atomic

    content = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{key}.json", content, force=True)
        _prune(folder)
    except (OSError, TwinsError):
        return


def _prune(folder: Path) -> None:
    """Delete all but the newest ``KEEP_ENTRIES`` entries."""
    entries = sorted(folder.glob("[!.]*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in entries[KEEP_ENTRIES:]:
        old.unlink(missing_ok=True)
