"""Writing to the terminal: text the stream can encode, stdout that fails loudly, the one ``write`` to it,
and the one decision whether to colour it.

Which characters are unsafe, and how they are escaped, is ``base.text``'s; this
module applies it to what goes to stdout and stderr.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
from collections.abc import Mapping
from typing import Any, TextIO, cast

from twins_cli.base.i18n import _
from twins_cli.errors import InputError

# Typography that a terminal which is not Unicode can still show.
_PLAIN = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2022": "*",
        "\u2026": "...",
        "\u2192": "->",
        "\u00a0": " ",
    }
)


def fit_output(text: str) -> str:
    """``text`` as stdout's encoding can show it: dashes and quotes made plain, the rest escaped.

    Tables measure their columns on this text, so they stay aligned on a terminal that is not
    UTF-8 (``PYTHONIOENCODING=ascii``); on a UTF-8 one it is ``text`` itself.
    """
    if text.isascii():  # before asking stdout: a table asks of every cell
        return text
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if codecs.lookup(encoding).name.startswith("utf"):
        return text
    text = text.translate(_PLAIN)
    return text.encode(encoding, "backslashreplace").decode(encoding)


class GuardedOutput:
    """stdout, whose failure to write is a ``TwinsError`` (one line, exit 2) and never a truncation.

    A write that fails (a full disk, ``/dev/full``, an I/O error) raises ``InputError``; fd 1 is
    then pointed at the null device, so that the interpreter's own last flush cannot fail again.
    A closed pipe stays a ``BrokenPipeError``: the reader went away, which is no error.
    Everything else (``isatty``, ``encoding``, ``fileno``...) is the stream's own.
    """

    def __init__(self, stream: TextIO, *, flush_each: bool = False, replaces: TextIO | None = None) -> None:
        self._stream = stream
        self._flush_each = flush_each
        self._replaced = replaces  # kept open: closing it would close the file under ``stream``

    def write(self, text: str) -> int:
        """Write ``text``; with ``flush_each`` (python -u), all of it reaches the file before this returns."""
        try:
            written = self._stream.write(text)
            if self._flush_each:
                self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error) from None
        return written

    def write_bytes(self, data: bytes) -> None:
        """Write ``data`` as it is (a workbook, CSV with a byte order mark), after the text written before it."""
        try:
            _write_bytes(self._stream, data)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error) from None

    def flush(self) -> None:
        """Flush, or say in one line why the output cannot be written."""
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def _failed(self, error: OSError) -> InputError:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), self._stream.fileno())
        return InputError(
            _("cannot write output: {reason}").format(reason=error.strerror or error),
            _("check the disk, or the program reading the output"),
        )


def guard_stdout(stream: TextIO) -> TextIO:
    """``stream`` (stdout) made safe to write to: never a traceback, a silent truncation or a crash on encoding.

    Text that the stream's encoding cannot hold is written as backslash escapes (still valid
    JSON). An unbuffered stream (``python -u``, ``PYTHONUNBUFFERED``) drops the rest of a
    write that the disk took only part of; it gets a buffer that is flushed after each write.
    """
    raw = getattr(stream, "buffer", None)
    if isinstance(raw, io.RawIOBase) and isinstance(stream, io.TextIOWrapper):
        rebuffered = io.TextIOWrapper(
            io.BufferedWriter(raw), encoding=stream.encoding, errors="backslashreplace", write_through=True
        )
        return cast(TextIO, GuardedOutput(rebuffered, flush_each=True, replaces=stream))
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="backslashreplace")
    return cast(TextIO, GuardedOutput(stream))


COLOUR_CHOICES = ("auto", "always", "never")
_colour = "auto"  # --color, set once per run by the command line


def choose_colour(choice: str) -> None:
    """Record ``--color``: ``always``, ``never``, or ``auto`` (the environment and the terminal decide)."""
    global _colour
    _colour = choice if choice in COLOUR_CHOICES else "auto"


def use_colour(environ: Mapping[str, str] | None = None) -> bool:
    """Whether output is coloured: the one place that decides, for every table, page and chart.

    ``--color always|never`` wins; with ``auto``, ``NO_COLOR`` (no-color.org) turns colour off,
    ``FORCE_COLOR`` (force-color.org: CI logs that show colour) turns it on, and otherwise
    colour is for a terminal. Any non-empty value counts; ``NO_COLOR`` wins over ``FORCE_COLOR``.
    Colour changes the colour only: the lines are laid out alike either way.
    """
    if _colour != "auto":
        return _colour == "always"
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def write(text: str) -> None:
    """Write to stdout (the one place data output goes)."""
    sys.stdout.write(text)


def write_bytes(data: bytes) -> None:
    """Write bytes to stdout as they are, after any text written before them."""
    if isinstance(sys.stdout, GuardedOutput):
        sys.stdout.write_bytes(data)
    else:
        _write_bytes(sys.stdout, data)


def _write_bytes(stream: TextIO, data: bytes) -> None:
    stream.flush()
    stream.buffer.write(data)
    stream.buffer.flush()
