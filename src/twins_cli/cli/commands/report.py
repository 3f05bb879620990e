"""``twins report``: a briefing pack for a delegation."""

from typing import Annotated

import typer

from twins_cli.cli.completion import complete_pair
from twins_cli.cli.context import read_catalog
from twins_cli.cli.options import AsOfOption, ForceOption, IncludePersonalOption, OutputOption, format_option
from twins_cli.cli.output import emit
from twins_cli.formats.registry import REPORT, Format


def report(
    ctx: typer.Context,
    pair: Annotated[
        str | None,
        typer.Argument(
            help="A city pair (id or place name); without it, every pair.",
            metavar="[PAIR]",
            autocompletion=complete_pair,
        ),
    ] = None,
    output_format: Annotated[Format, format_option(REPORT)] = REPORT.default,
    as_of: AsOfOption = "today",
    output: OutputOption = None,
    force: ForceOption = False,
    include_personal: IncludePersonalOption = False,
) -> None:
    """A briefing pack for a delegation: agreements, city snapshots, proposals in detail, coming dates, contacts.

    Example: twins report belfast-sejong --format pdf --output briefing.pdf
    """
    from twins_cli.formats.briefing import briefing
    from twins_cli.formats.publication import with_publication_footer
    from twins_cli.query.days import parse_day
    from twins_cli.query.find import selected_roadmaps
    from twins_cli.query.publication import publish

    day = parse_day(as_of)
    catalog = read_catalog(ctx)
    pairs = [roadmap.id for roadmap in selected_roadmaps(catalog, [pair] if pair else ())]
    publication = publish(catalog, include_personal=include_personal, pairs=pairs)
    document = briefing(publication.catalog, publication.catalog.roadmaps, day)
    document = with_publication_footer(document, publication)
    emit(REPORT, output_format, document, output, force)
