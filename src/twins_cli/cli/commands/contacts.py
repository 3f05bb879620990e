"""``twins contacts``: a proposal's owners and points of contact, or everyone's on the proposals asked for."""

from typing import Annotated

import typer

from twins_cli.base.i18n import _
from twins_cli.cli.completion import complete_proposal
from twins_cli.cli.context import read_catalog
from twins_cli.cli.options import (
    ExcelOption,
    ForceOption,
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
from twins_cli.cli.output import emit
from twins_cli.formats.registry import CONTACTS, Format


def contacts(
    ctx: typer.Context,
    proposal_ids: Annotated[
        list[str] | None,
        typer.Argument(
            help="Proposal ids; without them, everyone on the proposals the filters select.",
            metavar="[ID]...",
            autocompletion=complete_proposal,
        ),
    ] = None,
    theme: ThemeOption = None,
    proposal_type: TypeOption = None,
    stage: StageOption = None,
    search: SearchOption = None,
    pair: PairOption = None,
    org: OrgOption = None,
    output_format: Annotated[Format, format_option(CONTACTS)] = CONTACTS.default,
    output: OutputOption = None,
    force: ForceOption = False,
    public: PublicOption = False,
    excel: ExcelOption = False,
) -> None:
    """A contact sheet: one row per person, with the proposals they are on. Filters as for list.

    Example: twins contacts P5 P6 --format vcard --output p5-p6.vcf
    """
    from twins_cli.formats.registry import People
    from twins_cli.query.contacts import proposal_contacts, select_contacts
    from twins_cli.query.find import find_proposal
    from twins_cli.query.proposals import ProposalQuery

    catalog = read_catalog(ctx, public=public)
    ids = tuple(proposal_ids or ())
    query = ProposalQuery(
        themes=tuple(theme or ()), types=tuple(proposal_type or ()), pairs=tuple(pair or ()), stage=stage, search=search
    )
    if len(ids) == 1 and query == ProposalQuery() and not org:
        proposal = find_proposal(catalog, ids[0])
        title = _("Contacts for {id}: {title}").format(id=proposal.qualified_id, title=proposal.title)
        emit(
            CONTACTS,
            output_format,
            People(proposal_contacts(catalog, proposal), title, sheet=True),
            output,
            force,
            excel,
        )
        return
    title = _("Contacts for {ids}").format(ids=", ".join(ids)) if ids else _("Contacts")
    found = select_contacts(catalog, query, ids, tuple(org or ()))
    emit(CONTACTS, output_format, People(found, title, sheet=False), output, force, excel)
