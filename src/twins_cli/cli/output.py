"""A command's answer, in the format chosen: drawn on the screen, or its text to stdout or ``--output``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from twins_cli.base.i18n import _
from twins_cli.errors import UsageError

if TYPE_CHECKING:
    from pathlib import Path

    from twins_cli.formats.registry import Family, Format


def refuse_screen_output(family: Family, chosen: Format, output: Path | None, force: bool) -> None:
    """``--output`` saves an export; a table or text page is for the screen (redirect it if need be)."""
    if (output is not None or force) and chosen.screen:
        raise UsageError(
            _("--output saves an export, not a {format}").format(format=chosen.name),
            _("add --format {formats}").format(formats=family.exports()),
        )


def emit(family: Family, chosen: Format, subject: Any, output: Path | None = None, force: bool = False) -> None:
    """``subject`` in the chosen format: drawn on the screen, or its text to stdout or ``--output`` (atomically).

    Text for stdout is written here, not by ``write.exports``, so that a run without
    ``--output`` (twins validate) imports nothing it does not use.
    """
    refuse_screen_output(family, chosen, output, force)
    text = chosen.render(subject)
    if text is None:  # a screen format: drawn already
        return
    if output is None and not force:
        sys.stdout.write(text)
    else:
        from twins_cli.write.exports import emit as save

        save(text, output, force=force)
