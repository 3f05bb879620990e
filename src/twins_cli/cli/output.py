"""A command's answer, in the format chosen: drawn on the screen, or its text to stdout or ``--output``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from twins_cli.errors import UsageError

if TYPE_CHECKING:
    from pathlib import Path

    from twins_cli.formats.registry import Family, Format


def refuse_screen_output(family: Family, chosen: Format, output: Path | None, force: bool) -> None:
    """``--output`` saves an export; a table or text page is for the screen (redirect it if need be)."""
    if (output is not None or force) and chosen.screen:
        raise UsageError(f"--output saves an export, not a {chosen.name}", f"add --format {family.exports()}")


def refuse_binary_stdout(chosen: Format, output: Path | None, force: bool) -> None:
    """A binary file (a PDF) is only saved with ``--output``, never written to a terminal or a pipe; and as it
    is slow to make (a browser prints it), an ``--output`` that will be refused is refused before it is made."""
    if not chosen.binary:
        return
    if output is None:
        from twins_cli.base.i18n import _

        raise UsageError(
            _("--format {name} writes a file").format(name=chosen.name),
            _("add --output FILE.{name}").format(name=chosen.name),
        )
    from twins_cli.files.atomic import check_target

    check_target(output, force=force)


def emit(family: Family, chosen: Format, subject: Any, output: Path | None = None, force: bool = False) -> None:
    """``subject`` in the chosen format: drawn on the screen, or its text to stdout or ``--output`` (atomically).

    Text for stdout is written here, not by ``write.exports``, so that a run without
    ``--output`` (twins validate) imports nothing it does not use.
    """
    refuse_screen_output(family, chosen, output, force)
    refuse_binary_stdout(chosen, output, force)
    text = chosen.render(subject)
    if text is None:  # a screen format: drawn already
        return
    if output is None and not force and isinstance(text, str):
        sys.stdout.write(text)
    else:
        from twins_cli.write.exports import emit as save

        save(text, output, force=force)
