"""Where an export goes when it is not stdout: a file written atomically (``--output``, ``--force``)."""

from __future__ import annotations

from pathlib import Path

from twins_cli.base.i18n import _
from twins_cli.errors import UsageError
from twins_cli.files.atomic import write_atomic


def emit(data: str | bytes, path: Path | None, *, force: bool = False) -> None:
    """Text (as UTF-8) or bytes to ``path`` atomically; ``force`` allows replacing a file, and needs a ``path``.

    Stdout is written by ``cli/output.py`` itself, which calls this only for ``--output`` or ``--force``.
    """
    if path is None:
        raise UsageError(_("--force replaces an --output file, and there is none"), _("add --output FILE"))
    write_atomic(path, data.encode("utf-8") if isinstance(data, str) else data, force=force)
