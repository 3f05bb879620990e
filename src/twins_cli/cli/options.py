"""Options that several commands share, and ``--format``, whose choices and help come from formats/registry.py.

Each alias is an ``Annotated`` type for a command's parameter:
``pair: PairOption = None``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer._types import TyperChoice

from twins_cli.base.i18n import N_
from twins_cli.cli.completion import complete_pair, complete_theme, complete_type
from twins_cli.formats.registry import LISTING, Family, Format


class _FormatChoice(TyperChoice[Format]):
    """``--format``'s values, from the registry (a format shows as its name); a typo gets "did you mean"."""

    def get_invalid_choice_message(self, value: Any, ctx: Any) -> str:
        from twins_cli.base.words import did_you_mean

        names = [str(choice) for choice in self.choices]
        return f"{value!r} is not one of: {', '.join(names)}{did_you_mean(str(value), names)}"


def format_option(family: Family) -> Any:
    """``--format``/``-f`` of a command whose output is ``family``: its choices and help from the registry."""
    return typer.Option("--format", "-f", help=family.help(), click_type=_FormatChoice(family.formats))


FormatOption = Annotated[Format, format_option(LISTING)]
PairOption = Annotated[
    list[str] | None,
    typer.Option(
        "--pair",
        "-p",
        help="Only this city pair (id or place name); repeat for several.",
        metavar="PAIR",
        autocompletion=complete_pair,
    ),
]
OrgOption = Annotated[
    list[str] | None,
    typer.Option("--org", help="Only this organisation (id or part of its name); repeat for several.", metavar="ORG"),
]
ThemeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--theme",
        "-t",
        help="Thematic area: slug, label or alias, any case (cyber, net zero).",
        metavar="THEME",
        autocompletion=complete_theme,
    ),
]
TypeOption = Annotated[
    list[str] | None,
    typer.Option("--type", help="Proposal type: slug, label or alias.", metavar="TYPE", autocompletion=complete_type),
]
StageOption = Annotated[str | None, typer.Option("--stage", help="priority or future.", metavar="STAGE")]
SearchOption = Annotated[
    str | None,
    typer.Option("--search", "-s", help="Text in title, tagline, vision, description or outcomes.", metavar="TEXT"),
]
AsOfOption = Annotated[str, typer.Option("--as-of", help="Take this day (YYYY-MM-DD) as today.", metavar="DATE")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Save the export (not a table) to FILE, whole or not at all; an existing FILE needs --force.",
        metavar="FILE",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="With --output: replace FILE if it exists.")]
# The publication profile (query/publication.py): --public for an output that is internal by default,
# --include-personal for one that is public by default (twins report).
PublicOption = Annotated[
    bool,
    typer.Option(
        "--public",
        help=N_(
            "For publication: leave out people's own e-mail addresses and anyone marked not for publication "
            "(what was left out is said on stderr)."
        ),
    ),
]
IncludePersonalOption = Annotated[
    bool,
    typer.Option(
        "--include-personal",
        help=N_(
            "Put people's own e-mail addresses back in, and say so on the page; "
            "anyone marked not for publication stays out."
        ),
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel", help="With --format csv: CSV as Excel opens it (UTF-8 with a byte order mark, CRLF line ends)."
    ),
]


def command_group(summary: str, example: str) -> typer.Typer:
    """A command with subcommands (``twins cache info``): its help, and its bare name showing that help."""
    return typer.Typer(help=f"{summary}\n\nExample: {example}", no_args_is_help=True, rich_markup_mode=None)
