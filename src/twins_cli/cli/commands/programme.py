"""``twins pairs`` and ``twins themes``: the programme as a whole, its city pairs and its vocabulary."""

import typer

from twins_cli.cli.context import read_catalog
from twins_cli.cli.options import AsOfOption, ForceOption, FormatOption, OutputOption
from twins_cli.cli.output import emit
from twins_cli.formats.registry import LISTING


def pairs(
    ctx: typer.Context,
    as_of: AsOfOption = "today",
    output_format: FormatOption = LISTING.default,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """The city pairs: places, roadmap status, agreements and their validity, counts.

    Example: twins pairs
    """
    from twins_cli.formats.listing import pairs_listing
    from twins_cli.query.days import parse_day

    emit(LISTING, output_format, pairs_listing(read_catalog(ctx), parse_day(as_of)), output, force)


def themes(
    ctx: typer.Context,
    output_format: FormatOption = LISTING.default,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """The programme vocabulary: themes and proposal types, their aliases and counts.

    Example: twins themes --format json
    """
    from twins_cli.formats.listing import themes_listing

    emit(LISTING, output_format, themes_listing(read_catalog(ctx)), output, force)
