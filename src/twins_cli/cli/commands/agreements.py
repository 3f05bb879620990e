"""``twins agreements``: the agreements of the roadmaps, filtered, each with its validity on a day."""

from typing import Annotated

import typer

from twins_cli.cli.completion import complete_theme
from twins_cli.cli.context import read_catalog
from twins_cli.cli.options import ExcelOption, ForceOption, FormatOption, OutputOption, PairOption, PublicOption
from twins_cli.cli.output import emit
from twins_cli.formats.registry import LISTING


def agreements(
    ctx: typer.Context,
    pair: PairOption = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help="mou or cooperation-agreement; repeat for several.", metavar="KIND"),
    ] = None,
    active_on: Annotated[
        str | None,
        typer.Option("--active-on", help="Only those signed by this day and not expired on it.", metavar="DATE"),
    ] = None,
    theme: Annotated[
        list[str] | None,
        typer.Option(
            "--theme",
            "-t",
            help="Thematic area: slug, label or alias, any case.",
            metavar="THEME",
            autocompletion=complete_theme,
        ),
    ] = None,
    as_of: Annotated[
        str, typer.Option("--as-of", help="Tell each agreement's validity as of this day (YYYY-MM-DD).", metavar="DATE")
    ] = "today",
    output_format: FormatOption = LISTING.default,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
    public: PublicOption = False,
) -> None:
    """The agreements: parties (with the names the sources print), signing, validity, themes.

    Example: twins agreements --active-on 2024-05-01
    """
    from twins_cli.formats.agreements import agreements_listing
    from twins_cli.query.agreements import AgreementQuery, select_agreements
    from twins_cli.query.days import parse_day

    catalog = read_catalog(ctx, public=public)
    query = AgreementQuery(
        pairs=tuple(pair or ()),
        kinds=tuple(kind or ()),
        active_on=parse_day(active_on) if active_on is not None else None,
        themes=tuple(theme or ()),
    )
    emit(
        LISTING,
        output_format,
        agreements_listing(catalog, select_agreements(catalog, query), parse_day(as_of)),
        output,
        force,
        excel,
    )
