"""``twins contacts``: a proposal's owners and points of contact, or everyone's."""

from typing import Annotated

import typer

from twins_cli.cli.completion import complete_proposal
from twins_cli.cli.context import read_catalog
from twins_cli.cli.options import ForceOption, OrgOption, OutputOption, PairOption, format_option
from twins_cli.cli.output import emit
from twins_cli.errors import UsageError
from twins_cli.formats.registry import CONTACTS, Format


def contacts(
    ctx: typer.Context,
    proposal_id: Annotated[
        str | None,
        typer.Argument(
            help="A proposal id; without it, everyone in the roadmaps.",
            metavar="[ID]",
            autocompletion=complete_proposal,
        ),
    ] = None,
    pair: PairOption = None,
    org: OrgOption = None,
    output_format: Annotated[Format, format_option(CONTACTS)] = CONTACTS.default,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """A contact sheet: a proposal's owners and points of contact, or everyone.

    Example: twins contacts P5 --format vcard --output p5.vcf
    """
    from twins_cli.formats.registry import People
    from twins_cli.query.contacts import all_contacts, proposal_contacts
    from twins_cli.query.find import find_proposal

    catalog = read_catalog(ctx)
    if proposal_id is None:
        found, title = all_contacts(catalog, tuple(org or ()), tuple(pair or ())), "Contacts"
    else:
        if pair or org:
            raise UsageError(
                "--pair and --org filter the full contact list, not one proposal's",
                "drop the ID, or drop --pair/--org",
            )
        proposal = find_proposal(catalog, proposal_id)
        found, title = proposal_contacts(catalog, proposal), f"Contacts for {proposal.qualified_id}: {proposal.title}"
    emit(CONTACTS, output_format, People(found, title, sheet=proposal_id is not None), output, force)
