"""Where an export goes: stdout, or a file written atomically (``--output``, ``--force``)."""

from __future__ import annotations

from pathlib import Path

from twins_cli.base.i18n import _
from twins_cli.errors import UsageError
from twins_cli.files.atomic import write_atomic
from twins_cli.formats.terminal import write, write_bytes


def emit(data: str | bytes, path: Path | None, *, force: bool = False) -> None:
    """Text (as UTF-8) or bytes to stdout, or to ``path`` atomically (``force`` allows replacing a file)."""
    if path is None:
        if force:
            raise UsageError(_("--force replaces an --output file, and there is none"), _("add --output FILE"))
        if isinstance(data, bytes):
            write_bytes(data)
        else:
            write(data)
    else:
        write_atomic(path, data.encode("utf-8") if isinstance(data, str) else data, force=force)
