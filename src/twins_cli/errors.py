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
    USAGE = 2  # bad options, unreadable files, I/O
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


class InputError(TwinsError):
    """A file or directory cannot be found, read or written."""

    exit_code = ExitCode.USAGE


class NotFoundError(TwinsError):
    """Something asked for by id does not exist in the roadmaps."""

    exit_code = ExitCode.INVALID


class InvalidDataError(TwinsError):
    """The roadmaps do not validate, so a query cannot trust them."""

    exit_code = ExitCode.INVALID
