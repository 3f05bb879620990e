"""``twins orgs``: the organisations the roadmaps name, filtered, or one of them with what it takes part in."""

from typing import Annotated

import typer

from twins_cli.base.i18n import _
from twins_cli.cli.completion import complete_organisation
from twins_cli.cli.context import read_catalog
from twins_cli.cli.options import (
    AsOfOption,
    ExcelOption,
    ForceOption,
    FormatOption,
    OutputOption,
    PairOption,
    PublicOption,
)
from twins_cli.cli.output import emit
from twins_cli.errors import UsageError
from twins_cli.formats.registry import DETAIL, LISTING


def orgs(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            help="An organisation's id, name, short name or alias, any case (PAIR/ID when several roadmaps "
            "name it); without it, the list. Its page shows as text (table) or json.",
            metavar="[ID]",
            autocompletion=complete_organisation,
        ),
    ] = None,
    pair: PairOption = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help="Only this kind (university, agency...); repeat for several.", metavar="KIND"),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option("--country", help="Only this country: GB or KR (or UK, Korea).", metavar="COUNTRY"),
    ] = None,
    stakeholder: Annotated[
        bool, typer.Option("--stakeholder", help="Only those a roadmap lists among its stakeholders.")
    ] = False,
    search: Annotated[
        str | None,
        typer.Option("--search", "-s", help="Text in any of its names or its description.", metavar="TEXT"),
    ] = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = LISTING.default,
    output: OutputOption = None,
    force: ForceOption = False,
    public: PublicOption = False,
    excel: ExcelOption = False,
) -> None:
    """The organisations in the roadmaps, or one in full: its people, proposals and agreements.

    Example: twins orgs --pair belfast-sejong --stakeholder
    """
    from twins_cli.query.days import parse_day

    day = parse_day(as_of)
    catalog = read_catalog(ctx, public=public)
    if name is None:
        from twins_cli.formats.organisations import organisations_listing
        from twins_cli.query.organisations import OrganisationQuery, select_organisations

        query = OrganisationQuery(tuple(pair or ()), tuple(kind or ()), tuple(country or ()), stakeholder, search)
        emit(LISTING, output_format, organisations_listing(select_organisations(catalog, query)), output, force, excel)
        return
    from twins_cli.formats.organisations import organisation_detail
    from twins_cli.formats.registry import Page
    from twins_cli.query.organisations import find_organisation, involvement

    if kind or country or stakeholder or search:
        raise UsageError(
            _("--kind, --country, --stakeholder and --search filter the list"), _("drop the ID, or the filters")
        )
    if output_format.name not in DETAIL.names and not output_format.screen:
        raise UsageError(
            _("one organisation's page is text or json, not {format}").format(format=output_format.name),
            _("add --format json, or drop the ID"),
        )
    chosen = DETAIL.get("text" if output_format.screen else output_format.name)
    found = find_organisation(catalog, name, tuple(pair or ()))
    emit(DETAIL, chosen, Page(*organisation_detail(found, involvement(*found), day)), output, force, excel)
