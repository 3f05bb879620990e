"""The ``twins`` console script.

It imports the CLI inside its own ``try``: a Ctrl-C while Python is still
importing (the first tens of milliseconds) then ends quietly with 130 too,
instead of a traceback from the generated script.

It also makes the cycle collector rarer. A run builds tens of thousands of
objects (Typer's commands, the records), which live until it ends; at its
default threshold the collector scanned them some 45 times a run, about 5 ms
of ``twins list``. Reference counting still frees everything that is not in a
cycle, and the collector still runs on a run that builds a great deal more.
When the run is over, those objects are frozen out of the collections that the
interpreter's shutdown makes: scanning them all for cycles just before the
process ends took about 10 ms of every run, a fifth of ``twins --help``. The
shutdown is otherwise the same (files flushed and closed, exit handlers run).

Before anything is imported, the standard modules that Typer imports but a run
rarely uses are deferred until used (``deferred.py``): about 5 ms of every run.
"""

from __future__ import annotations

import gc
import sys

COLLECTOR_THRESHOLD = 100_000  # new objects between two collections of the youngest generation (Python's: 700)


def main() -> None:
    """Run the CLI; see ``twins_cli.cli.app.main`` for the exit paths once it is running."""
    gc.set_threshold(COLLECTOR_THRESHOLD, *gc.get_threshold()[1:])
    try:
        from twins_cli.cli.deferred import defer

        defer()  # before Typer imports them
        from twins_cli.cli.app import main as run_cli
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)
    try:
        run_cli()
    finally:
        gc.freeze()
