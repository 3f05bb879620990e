"""``twins programme``, ``pairs`` and ``themes``: the programme as a whole, its city pairs and its vocabulary."""

from typing import Annotated

import typer

from twins_cli.cli.context import read_catalog
from twins_cli.cli.options import AsOfOption, ExcelOption, ForceOption, FormatOption, OutputOption, format_option
from twins_cli.cli.output import emit, refuse_screen_output
from twins_cli.formats.registry import LISTING, PROGRAMME, Format


def programme(
    ctx: typer.Context,
    output_format: Annotated[Format, format_option(PROGRAMME)] = PROGRAMME.default,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """The programme overview: description, aims, phases, collaboration areas and the pairs.

    Example: twins programme
    """
    from twins_cli.formats.pair import programme_detail
    from twins_cli.formats.registry import Page

    refuse_screen_output(PROGRAMME, output_format, output, force)
    emit(PROGRAMME, output_format, Page(*programme_detail(read_catalog(ctx))), output, force)


def pairs(
    ctx: typer.Context,
    as_of: AsOfOption = "today",
    output_format: FormatOption = LISTING.default,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
) -> None:
    """The city pairs: places, roadmap status, agreements and their validity, counts.

    Example: twins pairs
    """
    from twins_cli.formats.listing import pairs_listing
    from twins_cli.query.days import parse_day

    emit(LISTING, output_format, pairs_listing(read_catalog(ctx), parse_day(as_of)), output, force, excel)


def themes(
    ctx: typer.Context,
    output_format: FormatOption = LISTING.default,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
) -> None:
    """The programme vocabulary: themes and proposal types, their aliases and counts.

    Example: twins themes --format json
    """
    from twins_cli.formats.listing import themes_listing

    emit(LISTING, output_format, themes_listing(read_catalog(ctx)), output, force, excel)
