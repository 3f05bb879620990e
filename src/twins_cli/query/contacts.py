"""Who to call: the people in the roadmaps as contacts, one per person however many pairs they are in.

People with one e-mail address are one person across roadmaps (a person with
no e-mail is one person per roadmap, by id); a proposal's contact sheet keeps
the roadmap's order. The proposal filters of ``twins list`` pick the proposals,
and the people on them are the contacts.
"""

from collections.abc import Collection, Sequence

from twins_cli.base.tuples import NamedTuple
from twins_cli.model.records import Catalog, Person, Proposal, Roadmap
from twins_cli.query.find import find_organisations, find_proposal, selected_roadmaps
from twins_cli.query.proposals import ProposalQuery, select_proposals


class Contact(NamedTuple):
    """A person as a contact sheet shows them, with where they appear."""

    person: Person
    roadmap: Roadmap
    pairs: tuple[str, ...]
    proposals: tuple[str, ...]  # qualified ids: belfast-sejong/P5

    @property
    def organisation(self) -> str:
        """The person's organisation's name ('' when not given)."""
        return self.roadmap.organisation_name(self.person.organisation)

    @property
    def side(self) -> str:
        """Which place of the pair the person's organisation stands on."""
        if self.person.organisation is None:
            return ""
        return self.roadmap.place_of(self.roadmap.organisations[self.person.organisation])


def proposal_contacts(catalog: Catalog, proposal: Proposal) -> list[Contact]:
    """The proposal's owners and points of contact, in the roadmap's order."""
    everyone = {contact.person.id: contact for contact in all_contacts(catalog, pairs=(proposal.pair,))}
    return [everyone[person] for person in proposal.contacts]


def select_contacts(
    catalog: Catalog, query: ProposalQuery, ids: Sequence[str] = (), organisations: Sequence[str] = ()
) -> list[Contact]:
    """The people on the proposals ``query`` and ``ids`` select, of ``organisations``, one row per person.

    ``query`` selects exactly as for ``twins list``, and ``ids`` (any of them) narrow it further; its
    ``organisations`` are left to ``organisations``, which keeps people of those organisations, so a
    person on no proposal is still an organisation's contact. With no proposal filter and no ids,
    everyone in ``query.pairs`` is a contact; otherwise each contact lists only the matching proposals.
    """
    chosen: set[str] | None = None
    if ids or query._replace(pairs=(), organisations=(), sort="id") != ProposalQuery():
        chosen = {proposal.qualified_id for proposal in select_proposals(catalog, query._replace(organisations=()))}
        if ids:
            chosen &= {find_proposal(catalog, ref).qualified_id for ref in ids}
    return all_contacts(catalog, organisations, query.pairs, chosen)


def all_contacts(
    catalog: Catalog,
    organisations: Sequence[str] = (),
    pairs: Sequence[str] = (),
    proposals: Collection[str] | None = None,
) -> list[Contact]:
    """Everyone in the roadmaps, one row per person (people with one e-mail are one person).

    ``proposals`` (qualified ids), when given, keeps only the people on them, each with only those.
    """
    roadmaps = selected_roadmaps(catalog, pairs)
    wanted_orgs = find_organisations(catalog, organisations) if organisations else None
    merged: dict[str, Contact] = {}
    for roadmap in roadmaps:
        for person in roadmap.people.values():
            if wanted_orgs is not None and (roadmap.id, person.organisation) not in wanted_orgs:
                continue
            on = tuple(
                p.qualified_id
                for p in roadmap.proposals
                if person.id in p.contacts and (proposals is None or p.qualified_id in proposals)
            )
            if proposals is not None and not on:
                continue
            key = person.email.casefold() if person.email else f"{roadmap.id}/{person.id}"
            if key in merged:
                first = merged[key]
                merged[key] = Contact(first.person, first.roadmap, (*first.pairs, roadmap.id), first.proposals + on)
            else:
                merged[key] = Contact(person, roadmap, (roadmap.id,), on)
    return sorted(merged.values(), key=lambda contact: (contact.roadmap.id, contact.person.name.casefold()))
