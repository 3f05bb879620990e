"""``twins list`` and ``twins show``: the proposals, filtered, and one proposal in full."""

from typing import Annotated

import typer

from twins_cli.cli.completion import complete_shown
from twins_cli.cli.context import read_catalog, read_roadmaps
from twins_cli.cli.options import (
    ExcelOption,
    ForceOption,
    FormatOption,
    OrgOption,
    OutputOption,
    PairOption,
    PublicOption,
    SearchOption,
    StageOption,
    ThemeOption,
    TypeOption,
    format_option,
)
from twins_cli.cli.output import emit, refuse_screen_output
from twins_cli.formats.registry import DETAIL, LISTING, Format


def list_command(
    ctx: typer.Context,
    theme: ThemeOption = None,
    proposal_type: TypeOption = None,
    pair: PairOption = None,
    org: OrgOption = None,
    stage: StageOption = None,
    active_on: Annotated[
        str | None,
        typer.Option("--active-on", help="Only proposals whose timeline covers this day.", metavar="DATE"),
    ] = None,
    search: SearchOption = None,
    sort: Annotated[str, typer.Option("--sort", help="id, start, end or title.", metavar="KEY")] = "id",
    as_of: Annotated[
        str, typer.Option("--as-of", help="Tell each proposal's status as of this day (YYYY-MM-DD).", metavar="DATE")
    ] = "today",
    output_format: FormatOption = LISTING.default,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
) -> None:
    """List proposals across the roadmaps. Filters combine with AND; a repeated one is OR.

    Example: twins list --theme cybersecurity --stage priority
    """
    from twins_cli.formats.listing import proposals_listing, streamed_proposals_listing
    from twins_cli.query.days import parse_day
    from twins_cli.query.proposals import ProposalQuery, select_proposals, streamed_selection

    query = ProposalQuery(
        themes=tuple(theme or ()),
        types=tuple(proposal_type or ()),
        pairs=tuple(pair or ()),
        organisations=tuple(org or ()),
        stage=stage,
        active_on=parse_day(active_on) if active_on is not None else None,
        search=search,
        sort=sort,
    )
    day = parse_day(as_of)
    if pair or org:  # a pair's or an organisation's name is looked up in every roadmap: they are all held
        catalog = read_catalog(ctx)
        listing = proposals_listing(catalog, select_proposals(catalog, query), day)
    else:  # one roadmap at a time, in brief: memory grows with the answer, not with the portfolio
        listing = streamed_proposals_listing(streamed_selection(read_roadmaps(ctx), query), sort, day)
    emit(LISTING, output_format, listing, output, force, excel)


def show(
    ctx: typer.Context,
    proposal_id: Annotated[
        str,
        typer.Argument(
            help="P5, or belfast-sejong/P5 when several roadmaps have a P5; or a pair by any name (belfast-sejong).",
            metavar="ID",
            autocompletion=complete_shown,
        ),
    ],
    output_format: Annotated[Format, format_option(DETAIL)] = DETAIL.default,
    as_of: Annotated[
        str, typer.Option("--as-of", help="Tell the proposal's status as of this day (YYYY-MM-DD).", metavar="DATE")
    ] = "today",
    output: OutputOption = None,
    force: ForceOption = False,
    public: PublicOption = False,
) -> None:
    """Show one proposal in full, or a city pair in full (places, agreements, context, stakeholders, proposals).

    Example: twins show P5
    """
    from twins_cli.formats.detail import proposal_detail
    from twins_cli.formats.pair import pair_detail
    from twins_cli.formats.registry import Page
    from twins_cli.model.records import Roadmap
    from twins_cli.query.contacts import proposal_contacts
    from twins_cli.query.days import parse_day
    from twins_cli.query.events import events
    from twins_cli.query.find import find_proposal_or_pair

    refuse_screen_output(DETAIL, output_format, output, force)
    day = parse_day(as_of)
    catalog = read_catalog(ctx, public=public)
    proposal = find_proposal_or_pair(catalog, proposal_id)
    if isinstance(proposal, Roadmap):
        emit(DETAIL, output_format, Page(*pair_detail(catalog, proposal, day)), output, force)
        return
    related = [event for event in events(catalog, (proposal.pair,)) if event.proposal == proposal.id]
    page = Page(
        *proposal_detail(catalog.roadmap(proposal.pair), proposal, proposal_contacts(catalog, proposal), related, day)
    )
    emit(DETAIL, output_format, page, output, force)
