"""The ``twins`` console script.

It imports the CLI inside its own ``try``: a Ctrl-C while Python is still
importing (the first tens of milliseconds) then ends quietly with 130 too,
instead of a traceback from the generated script.

It also makes the cycle collector rarer. A run builds tens of thousands of
objects (Typer's commands, the records), which live until it ends; at its
default threshold the collector scanned them some 45 times a run, about 5 ms
of ``twins list``. Reference counting still frees everything that is not in a
cycle, and the collector still runs on a run that builds a great deal more.

And once the run is over, it leaves without the interpreter's shutdown (see ``_leave``).
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn

COLLECTOR_THRESHOLD = 100_000  # new objects between two collections of the youngest generation (Python's: 700)


def main() -> None:
    """Run the CLI; see ``twins_cli.cli.app.main`` for the exit paths once it is running."""
    gc.set_threshold(COLLECTOR_THRESHOLD, *gc.get_threshold()[1:])
    try:
        from twins_cli.cli.app import main as run_cli
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)
    try:
        run_cli()
    except SystemExit as done:
        _leave(done.code)


def _leave(code: str | int | None) -> NoReturn:
    """End the process with ``code`` now that the run is over, without tearing the interpreter down.

    The shutdown frees every module and object one by one, Typer's and the run's: 10–15 ms, a quarter of
    ``twins --help`` and of a warm query. Nothing of twins is left for it to do: a command's files are
    closed and its worker processes stopped before it returns, and ``cli.app.main`` has flushed stdout
    (and said in one line why, if it could not). The usual exit is kept where the shutdown has work:
    a code that is not a number (printed by it), output that cannot be flushed (said by it), and a run
    that started worker processes, whose semaphores multiprocessing's tracker would otherwise call leaked.
    """
    if (code is not None and not isinstance(code, int)) or "multiprocessing" in sys.modules:
        sys.exit(code)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # started with it closed
                stream.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code or 0)
