"""Allow ``python -m twins_cli``."""

from twins_cli.cli.console import main

main()
