"""Allow ``python -m twins_cli``."""

from twins_cli.console import main

main()
