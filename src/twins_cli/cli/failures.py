"""How a failure reaches the user: one line on stderr, ``twins: message — hint``, and a documented exit code.

A ``TwinsError`` becomes its line here; so do Click's usage errors and the
``OSError`` that no check turned into a ``TwinsError``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer
from typer._click.exceptions import NoSuchOption
from typer._click.exceptions import UsageError as ClickUsageError

from twins_cli.base.i18n import _
from twins_cli.cli.argv import MOVABLE_OPTIONS
from twins_cli.errors import InputError, TwinsError, UsageError


def warn(error: TwinsError) -> None:
    """Say what is wrong in one line on stderr, ``twins: message — hint``, and carry on."""
    report(error)


def fail(error: TwinsError) -> NoReturn:
    """The one exit path for a failure: one line on stderr, escaped, and a documented code."""
    raise typer.Exit(report(error))


def report(error: TwinsError) -> int:
    """Say ``twins: message — hint`` on stderr, names from outside escaped; the exit code."""
    from twins_cli.base.text import one_line

    hint = f" — {one_line(error.hint)}" if error.hint else ""
    tell(f"twins: {one_line(error.message)}{hint}\n")
    return int(error.exit_code)


def tell(text: str) -> None:
    """Write to stderr if there is one: a closed or full stderr must not turn into a traceback."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(text)
            sys.stderr.flush()


def usage_failure(error: ClickUsageError, command: str | None = None) -> UsageError:
    """Click's usage error as twins says it: one line, and where to read about the ``command``."""
    ctx = error.ctx
    if ctx is not None:  # Click knows the command's context (not for an option's missing value)
        command = " ".join(context.info_name for context in _context_chain(ctx)[1:]) or None
    see = _("see twins {command} --help").format(command=command) if command else _("see twins --help")
    if isinstance(error, NoSuchOption) and error.option_name in MOVABLE_OPTIONS:  # left last, without its value
        return UsageError(_("option {name!r} requires an argument").format(name=error.option_name), see)
    if isinstance(error, NoSuchOption):
        from twins_cli.base.words import did_you_mean

        known = [] if ctx is None else [name for param in ctx.command.params for name in param.opts]
        if ctx is not None and ctx.parent is not None:  # a global option, mistyped after the command
            known += MOVABLE_OPTIONS
        suggestion = did_you_mean(error.option_name, known)
        return UsageError(
            _("no such option: {name}{suggestion}").format(name=error.option_name, suggestion=suggestion), see
        )
    text = error.format_message().rstrip(".")
    return UsageError(text[:1].lower() + text[1:], see)


def _context_chain(ctx: Any) -> list[Any]:
    """The contexts from the root's down to ``ctx``."""
    chain = [ctx]
    while chain[0].parent is not None:
        chain.insert(0, chain[0].parent)
    return chain


def os_failure(error: OSError) -> InputError:
    """An ``OSError`` that no check turned into a ``TwinsError``: what the system said, on what."""
    from twins_cli.base.paths import display_name

    if error.filename is None:
        try:
            Path.cwd()
        except OSError as cwd_error:
            return InputError(
                _("the current folder cannot be used: {reason}").format(reason=cwd_error.strerror),
                _("cd to another folder, or give --roadmaps"),
            )
    where = f"{display_name(Path(os.fsdecode(error.filename)))}: " if error.filename is not None else ""
    return InputError(f"{where}{error.strerror or error}", _("check the path and its permissions"))
