"""The ``twins`` console script.

It imports the CLI inside its own ``try``: a Ctrl-C while Python is still
importing (the first tens of milliseconds) then ends quietly with 130 too,
instead of a traceback from the generated script.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Run the CLI; see ``twins_cli.cli.app.main`` for the exit paths once it is running."""
    try:
        from twins_cli.cli.app import main as run_cli
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)
    run_cli()
