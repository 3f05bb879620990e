"""The briefing pack for a delegation: what a city pair has agreed, planned and who to call.

One part per city pair: the pair and its agreements with their validity, the
city snapshots, the proposals by stage with leads and timelines, the coming
dates, and a contact sheet; then, where the pair's part marks inferred values
(``*``), what the mark means and why each was inferred. Built as a ``document.ReportDocument`` so that Markdown
and HTML say the same things; the facts come from the same queries and views
as the other commands, so the pack never disagrees with ``twins pairs`` or
``twins milestones``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from twins_cli.formats.document import (
    Block,
    Facts,
    Heading,
    Inline,
    Items,
    Link,
    Paragraph,
    Part,
    ReportDocument,
    Table,
)
from twins_cli.formats.inference import (
    AGREEMENT_THEMES_LEGEND,
    CURRENCY_LEGEND,
    PARTY_LEGEND,
    THEMES_LEGEND,
    Marks,
)
from twins_cli.formats.listing import contact_organisation, event_proposal
from twins_cli.model.records import (
    COUNTRY_SIDES,
    Catalog,
    Party,
    Place,
    Roadmap,
    Snapshot,
    split_qualified_id,
)
from twins_cli.query.contacts import all_contacts
from twins_cli.query.events import Event, events, nothing_upcoming_notice, upcoming
from twins_cli.query.proposals import timeline_text
from twins_cli.query.validity import validity

STAGE_HEADINGS = {"priority": "Priority proposals", "future": "Future proposals"}
ECOSYSTEM_HEADINGS = {
    "strengths": "Strengths",
    "research": "Research",
    "academia": "Academia",
    "civic_policy": "Civic and policy",
    "business": "Business",
    "facilities": "Facilities",
}


def briefing(catalog: Catalog, roadmaps: Sequence[Roadmap], as_of: date) -> ReportDocument:
    """The pack for ``roadmaps`` (one or every pair), with dates seen from ``as_of``."""
    title = f"Innovation Twins briefing: {roadmaps[0].name}" if len(roadmaps) == 1 else "Innovation Twins briefing"
    dated = {roadmap.id: events(catalog, (roadmap.id,)) for roadmap in roadmaps}
    intro: list[Block] = [
        Paragraph(
            f"{catalog.programme.name}: a briefing pack for delegations, from the roadmaps as they stand, "
            f"with dates seen from {as_of.isoformat()}. Dates are only as precise as the sources: "
            '"Early 2025" means some time from January to April 2025.'
        ),
        Table(
            ("Pair", "Places", "Roadmap", "Agreements", "Proposals", "Coming dates"),
            tuple(
                (
                    roadmap.name,
                    _places(roadmap),
                    _status(roadmap),
                    str(len(roadmap.agreements)),
                    str(len(roadmap.proposals)),
                    str(len(upcoming(dated[roadmap.id], as_of))),
                )
                for roadmap in roadmaps
            ),
        ),
    ]
    parts = tuple(_part(catalog, roadmap, dated[roadmap.id], as_of) for roadmap in roadmaps)
    return ReportDocument(title, tuple(intro), parts)


def _part(catalog: Catalog, roadmap: Roadmap, dated: Sequence[Event], as_of: date) -> Part:
    """One pair's part; the inferred values it marks are explained at its end."""
    marks = Marks()
    blocks = (
        *_pair(catalog, roadmap),
        *_agreements(catalog, roadmap, as_of, marks),
        *_snapshots(roadmap, marks),
        *_proposals(catalog, roadmap, marks),
        *_dates(dated, as_of, marks),
        *_contacts(catalog, roadmap, marks),
    )
    return Part(roadmap.name, (*blocks, *_inferred(marks)))


def _inferred(marks: Marks) -> tuple[Block, ...]:
    if not marks.legend:
        return ()
    return (
        Heading("Inferred values"),
        Paragraph("Values marked * are not printed as such by the sources: they are read from them."),
        Items(marks.legend),
        *((Heading("Why", 4), Items(marks.reasons)) if marks.reasons else ()),
    )


def _place_name(place: Place) -> str:
    return f"{place.name} ({place.local_name})" if place.local_name else place.name


def _places(roadmap: Roadmap) -> str:
    return " – ".join(_place_name(place) for place in roadmap.places)


def _status(roadmap: Roadmap) -> str:
    return roadmap.status + (f", {roadmap.published.label}" if roadmap.published else "")


def _pair(catalog: Catalog, roadmap: Roadmap) -> list[Block]:
    places = [(f"Place ({COUNTRY_SIDES.get(p.country, p.country)})", _place_name(p)) for p in roadmap.places]
    facts: list[tuple[str, Inline]] = [
        ("Pair id", roadmap.id),
        *places,
        ("Roadmap", _status(roadmap) + (f": {roadmap.title}" if roadmap.title else "")),
        ("Programme", catalog.programme.name),
    ]
    return [Facts(tuple(facts))]


def _person(roadmap: Roadmap, person_id: str | None) -> str:
    if person_id is None:
        return ""
    person = roadmap.people[person_id]
    return person.full_name + (f", {person.role}" if person.role else "")


def party_text(roadmap: Roadmap, party: Party, marks: Marks) -> str:
    """The party's organisation (marked if inferred), the name the source printed if another, its signatory."""
    name = marks.mark(
        roadmap.organisation_name(party.organisation), party.inferred, PARTY_LEGEND, party.inference_reason
    )
    if party.as_printed:
        name += f' (printed: "{party.as_printed}")'
    if party.represented_by:
        name += f" (represented by {_person(roadmap, party.represented_by)})"
    return name


def _agreements(catalog: Catalog, roadmap: Roadmap, as_of: date, marks: Marks) -> list[Block]:
    blocks: list[Block] = [Heading("Agreements")]
    if not roadmap.agreements:
        return [*blocks, Paragraph("No agreements are recorded for this pair.")]
    rows = []
    for agreement in roadmap.agreements:
        parties = "; ".join(party_text(roadmap, party, marks) for party in agreement.parties)
        signed = agreement.signed.label if agreement.signed else "not given"
        if agreement.signed_in:
            signed += f", {agreement.signed_in}"
        themes = _themes(
            catalog,
            agreement.themes,
            agreement.themes_inferred,
            marks,
            AGREEMENT_THEMES_LEGEND,
            agreement.inference_reason,
        )
        rows.append((agreement.title, agreement.kind, parties, signed, validity(agreement, as_of), themes))
    return [*blocks, Table(("Agreement", "Kind", "Parties", "Signed", "Validity", "Themes"), tuple(rows))]


def _figures(snapshot: Snapshot, marks: Marks) -> list[tuple[str, Inline]]:
    figures: list[tuple[str, Inline]] = []
    if population := snapshot.population:
        area = f" ({population.area})" if population.area else ""
        figures.append(("Population", f"{population.value:,}{area}"))
    if gdp := snapshot.gdp_per_head:
        shown = gdp.as_written or f"{gdp.value:,}"
        year = f", {gdp.year}" if gdp.year is not None else ""
        currency = marks.mark(gdp.currency, gdp.currency_inferred, CURRENCY_LEGEND, gdp.inference_reason)
        figures.append(("GDP per head", f"{shown} ({currency}{year})"))
    figures += [(fact.label, fact.value) for fact in snapshot.facts]
    return figures


def _snapshots(roadmap: Roadmap, marks: Marks) -> list[Block]:
    if not roadmap.snapshots:
        return [Heading("City snapshots"), Paragraph("This roadmap has no city snapshots yet.")]
    names = {place.id: place.name for place in roadmap.places}
    blocks: list[Block] = []
    for snapshot in roadmap.snapshots:
        blocks.append(Heading(f"City snapshot: {names.get(snapshot.place, snapshot.place)}"))
        figures = _figures(snapshot, marks)
        if figures:
            blocks.append(Facts(tuple(figures)))
        if snapshot.key_sectors:
            blocks += [Heading("Key sectors", 4), Items(snapshot.key_sectors)]
        for key, heading in ECOSYSTEM_HEADINGS.items():
            listed = getattr(snapshot.ecosystem, key) if snapshot.ecosystem else ()
            if listed:
                blocks += [Heading(f"Innovation ecosystem: {heading.lower()}", 4), Items(listed)]
        if ambition := snapshot.ambition:
            blocks += [Heading("Ambition", 4), Paragraph(ambition.text)]
            if ambition.by:
                blocks.append(Paragraph(f"— {_person(roadmap, ambition.by)}"))
    return blocks


def _themes(
    catalog: Catalog,
    slugs: Sequence[str],
    inferred: frozenset[str],
    marks: Marks,
    legend: str,
    reason: str | None,
) -> str:
    """Themes by their labels, the inferred ones marked: a proposal's and an agreement's alike."""
    labels = []
    for slug in slugs:
        term = catalog.programme.vocabulary.themes.get(slug)
        labels.append(marks.mark(term.label if term else slug, slug in inferred, legend, reason))
    return "; ".join(labels)


def _proposals(catalog: Catalog, roadmap: Roadmap, marks: Marks) -> list[Block]:
    blocks: list[Block] = [Heading("Proposals")]
    if not roadmap.proposals:
        return [*blocks, Paragraph("This roadmap has no proposals yet.")]
    for stage, heading in STAGE_HEADINGS.items():
        staged = [proposal for proposal in roadmap.proposals if proposal.stage == stage]
        if not staged:
            continue
        rows = tuple(
            (
                proposal.id,
                proposal.title + (f" — {proposal.tagline}" if proposal.tagline else ""),
                "; ".join(roadmap.organisation_name(lead) for lead in proposal.leads),
                timeline_text(proposal),
                _themes(
                    catalog, proposal.themes, proposal.inferred_themes, marks, THEMES_LEGEND, proposal.inference_reason
                ),
            )
            for proposal in staged
        )
        blocks += [
            Heading(f"{heading} ({len(staged)})", 4),
            Table(("ID", "Proposal", "Leads", "Timeline", "Themes"), rows),
        ]
    return blocks


def _event_table(found: Sequence[Event], marks: Marks) -> Table:
    return Table(
        ("When", "What", "Kind", "Proposal"),
        tuple((event.date.label, event.title, event.kind, event_proposal(event, marks)) for event in found),
    )


def _dates(dated: Sequence[Event], as_of: date, marks: Marks) -> list[Block]:
    blocks: list[Block] = [Heading(f"Coming dates (after {as_of.isoformat()})")]
    coming = upcoming(dated, as_of)
    if coming:
        return [*blocks, _event_table(coming, marks)]
    if not dated:
        return [*blocks, Paragraph("This roadmap gives no dates.")]
    message, recent, _ = nothing_upcoming_notice(dated, as_of, None)
    return [*blocks, Paragraph(message), _event_table(recent, marks)]


def _contacts(catalog: Catalog, roadmap: Roadmap, marks: Marks) -> list[Block]:
    blocks: list[Block] = [Heading("Contact sheet")]
    found = all_contacts(catalog, pairs=(roadmap.id,))
    if not found:
        return [*blocks, Paragraph("No people are named in this roadmap.")]
    rows = []
    for contact in found:
        person = contact.person
        about = [split_qualified_id(ref)[1] for ref in contact.proposals]
        if person.id in roadmap.contacts:
            about.insert(0, "the roadmap")
        rows.append(
            (
                person.full_name,
                person.role or "",
                contact_organisation(contact, marks),
                Link(person.email, f"mailto:{person.email}") if person.email else "",
                contact.side,
                ", ".join(about),
            )
        )
    return [*blocks, Table(("Name", "Role", "Organisation", "E-mail", "Side", "Contact for"), tuple(rows))]
