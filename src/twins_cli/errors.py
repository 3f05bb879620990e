"""The package's one exception family and the exit codes it maps to.

Every failure a user can cause raises a ``TwinsError``; the CLI turns it into
one line with a hint and the documented exit code, in one place.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes documented in the README."""

    OK = 0
    INVALID = 1  # invalid data, or nothing found where that is an error
    USAGE = 2  # bad options, unreadable files, output that cannot be written
    INTERNAL = 70  # a bug in twins (sysexits EX_SOFTWARE), never a verdict on the data
    INTERRUPTED = 130  # Ctrl-C


class TwinsError(Exception):
    """A failure to report to the user as one line, never as a traceback."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __reduce__(self) -> tuple[type[TwinsError], tuple[str, str | None]]:
        """Pickle with the hint, so an error raised in a worker process keeps it."""
        return (type(self), (self.message, self.hint))


class UsageError(TwinsError):
    """An option or argument the user gave cannot be used."""

    exit_code = ExitCode.USAGE


class MissingExtraError(UsageError):
    """A format needs an optional dependency that is not installed: asked for, it is refused; in a site, left out."""


class InputError(TwinsError):
    """A file or directory cannot be found, read or written."""

    exit_code = ExitCode.USAGE


class NotFoundError(TwinsError):
    """Something asked for by id does not exist in the roadmaps."""

    exit_code = ExitCode.INVALID


class InvalidDataError(TwinsError):
    """The roadmaps do not validate, so a query cannot trust them."""

    exit_code = ExitCode.INVALID


class InternalError(TwinsError):
    """A bug of ours: any exception that is not a ``TwinsError``, with how to report it."""

    exit_code = ExitCode.INTERNAL

    @classmethod
    def about(cls, error: BaseException) -> InternalError:
        """The one line for ``error``: what it was, the version, and how to see the traceback."""
        from twins_cli import __version__

        detail = str(error)[:200]
        return cls(
            f"internal error: {type(error).__name__}" + (f": {detail}" if detail else ""),
            f"a bug in twins {__version__}, not a problem with your roadmaps; "
            "run again with --debug for the traceback, and report it with that output",
        )
