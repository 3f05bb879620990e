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
    """``--output`` saves an export; a table or text page is for the screen (redirect it if need be).

    A binary export (xlsx, pdf) goes to a file or a pipe, never to a terminal, where it would be noise;
    and as it may be slow to make (a browser prints a PDF), an ``--output`` that would be refused is
    refused before it is made.
    """
    if (output is not None or force) and chosen.screen:
        raise UsageError(
            _("--output saves an export, not a {format}").format(format=chosen.name),
            _("add --format {formats}").format(formats=family.exports()),
        )
    if not chosen.binary:
        return
    if output is None and sys.stdout.isatty():
        raise UsageError(
            _("{format} is a binary file, not for a terminal").format(format=chosen.name),
            _("add --output FILE, or redirect it to a file"),
        )
    if output is not None:
        from twins_cli.files.atomic import check_target

        check_target(output, force=force)


def emit(
    family: Family, chosen: Format, subject: Any, output: Path | None = None, force: bool = False, excel: bool = False
) -> None:
    """``subject`` in the chosen format: drawn on the screen, or its text to stdout or ``--output`` (atomically).

    Text for stdout is written here, not by ``write.exports``, so that a run without
    ``--output`` (twins validate) imports nothing it does not use. ``excel`` writes
    CSV as Excel opens it (``--excel``).
    """
    if output is not None and str(output) == "-":  # the usual name for stdout, never a file called "-"
        output = None
    refuse_screen_output(family, chosen, output, force)
    if excel and chosen.name != "csv":
        raise UsageError(_("--excel is for CSV, not {format}").format(format=chosen.name), _("add --format csv"))
    data = chosen.render(subject)
    if data is None:  # a screen format: drawn already
        return
    if excel:
        from twins_cli.formats.data import excel_csv

        data = excel_csv(str(data))
    if output is None and not force:
        if isinstance(data, bytes):
            from twins_cli.formats.terminal import write_bytes

            write_bytes(data)
        else:
            sys.stdout.write(data)
    else:
        from twins_cli.write.exports import emit as save

        save(data, output, force=force)
