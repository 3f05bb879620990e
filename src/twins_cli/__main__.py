"""Allow ``python -m twins_cli``."""

from twins_cli.cli import main

main()
