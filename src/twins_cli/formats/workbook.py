"""``twins export``: every listing of the roadmaps at once, each under a name (a sheet, or a key of JSON).

Each listing is the one its own command gives with no filter (``twins list``,
``twins pairs``, ``twins agreements``, ``twins orgs``, ``twins contacts``,
``twins milestones --all``, ``twins themes``), under the same field names, so
a workbook's sheets and the commands' CSV agree column for column.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from twins_cli.formats.agreements import agreements_listing
from twins_cli.formats.listing import (
    Listing,
    contacts_listing,
    events_listing,
    pairs_listing,
    proposals_listing,
    themes_listing,
)
from twins_cli.formats.organisations import organisations_listing
from twins_cli.model.records import Catalog
from twins_cli.query.agreements import AgreementQuery, select_agreements
from twins_cli.query.contacts import all_contacts
from twins_cli.query.events import events
from twins_cli.query.find import selected_roadmaps
from twins_cli.query.organisations import OrganisationQuery, select_organisations
from twins_cli.query.proposals import ProposalQuery, select_proposals

SHEETS = ("proposals", "pairs", "agreements", "organisations", "contacts", "milestones", "themes")
"""The listings' names, in the workbook's order: sheet names and JSON keys."""


def every_listing(catalog: Catalog, as_of: date, pairs: Sequence[str] = ()) -> list[tuple[str, Listing]]:
    """Each listing of ``SHEETS`` with its name: statuses and validity as of ``as_of``, only ``pairs`` if any."""
    catalog = catalog._replace(roadmaps=selected_roadmaps(catalog, pairs))
    listings = (
        proposals_listing(catalog, select_proposals(catalog, ProposalQuery()), as_of),
        pairs_listing(catalog, as_of),
        agreements_listing(catalog, select_agreements(catalog, AgreementQuery()), as_of),
        organisations_listing(select_organisations(catalog, OrganisationQuery())),
        contacts_listing(all_contacts(catalog)),
        events_listing(events(catalog), "Dates", ""),
        themes_listing(catalog),
    )
    return list(zip(SHEETS, listings, strict=True))
