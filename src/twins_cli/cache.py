"""A cache of validated roadmap data, so that queries skip parsing and checking.

Every query must only read roadmaps that validate, and checking is most of a
query's time. Whenever a roadmap file passes every check (in ``twins
validate`` or in a query), its data is stored under a key made of its *content*
and of what it was checked against (twins's version, the schemas, the
programme file's content): an edited file makes a new key, so an entry is
never stale, and one edited roadmap out of a thousand is the only one checked
again. Entries are JSON, written to a temporary file and renamed into place,
so concurrent runs never read half an entry.

Where: ``$TWINS_CACHE_DIR``, else ``$XDG_CACHE_HOME/twins``, else
``~/.cache/twins``. ``TWINS_NO_CACHE=1`` turns it off. A cache that cannot be
read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from twins_cli import __version__
from twins_cli.errors import TwinsError
from twins_cli.locate import read_bytes, schema_file

KEEP_ENTRIES = 4096  # the newest entries kept when old ones are pruned


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("TWINS_NO_CACHE"):
        return None
    if os.environ.get("TWINS_CACHE_DIR"):
        return Path(os.environ["TWINS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "twins"


def _digest(seed: str, path: Path, content: bytes) -> str:
    digest = hashlib.sha256(seed.encode())
    digest.update(f"\0{path.resolve()}\0{len(content)}\0".encode())
    digest.update(content)
    return digest.hexdigest()


def governing_key(programme: Path) -> str:
    """The key of what roadmaps are checked against: twins's version, the schemas, the programme file.

    It is also the key under which the programme file's own data is stored.
    """
    key = __version__
    for path in (schema_file("roadmap"), schema_file("programme"), programme):
        key = _digest(key, path, read_bytes(path))
    return key


def roadmap_key(governing: str, path: Path, content: bytes | None = None) -> str:
    """The key of one roadmap file's data: its path and content, under ``governing``."""
    return _digest(governing, path, read_bytes(path) if content is None else content)


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


def store(key: str, entry: Any) -> bool:
    """Store ``entry`` under ``key`` atomically; False (and nothing else) on any failure.

    An entry already there is kept: a key names its content, so it holds the same data.
    """
    folder = cache_dir()
    if folder is None:
        return False
    if (folder / f"{key}.json").exists():
        return True
    from twins_cli.output import write_atomic

    content = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{key}.json", content, force=True, durable=False)
    except (OSError, TwinsError):
        return False
    return True


def prune() -> None:
    """Delete all but the newest ``KEEP_ENTRIES`` entries; any failure is ignored."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        entries = sorted(folder.glob("[!.]*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in entries[KEEP_ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
