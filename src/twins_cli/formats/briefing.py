"""The briefing pack for a delegation: what a city pair has agreed, planned and who to call.

A title block (the pair, its places, the date of the data, the day dates are seen
from), then one part per city pair: an overview at a glance, the agreements with
their kinds in words and their validity, the city snapshots, the proposals by
stage, the coming dates and a contact sheet; then each proposal in detail (vision,
outcomes, leads, timeline, contacts), each on its own printed page; then, where
the part marks inferred values (``*``), what the mark means and why each was
inferred. Built as a ``document.ReportDocument`` so that Markdown, HTML and PDF
say the same things; the facts come from the same queries and views as the other
commands (a proposal's detail from ``twins show``'s), so the pack never disagrees
with ``twins pairs`` or ``twins milestones``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from twins_cli.base.dates import FuzzyDate
from twins_cli.base.i18n import N_, _, ngettext
from twins_cli.base.vocabulary import agreement_kind
from twins_cli.formats.detail import Section, proposal_sections
from twins_cli.formats.document import (
    Block,
    Chapter,
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
from twins_cli.formats.listing import contact_organisation, event_proposal, place_label, roadmap_status, side_label
from twins_cli.model.records import (
    COUNTRY_SIDES,
    Catalog,
    Party,
    Place,
    Proposal,
    Roadmap,
    Snapshot,
    split_qualified_id,
)
from twins_cli.query.attention import last_reviewed
from twins_cli.query.contacts import Contact, all_contacts
from twins_cli.query.events import Event, events, nothing_upcoming_notice, upcoming
from twins_cli.query.proposals import timeline_text
from twins_cli.query.validity import validity

STAGE_HEADINGS = {"priority": N_("Priority proposals"), "future": N_("Future proposals")}
STAGES = {"priority": N_("Priority proposal"), "future": N_("Future proposal")}
EVENT_KINDS = {
    "milestone": N_("Milestone"),
    "proposal-start": N_("Proposal starts"),
    "proposal-end": N_("Proposal finishes"),
    "agreement-expiry": N_("Agreement expires"),
}
ECOSYSTEM_HEADINGS = {
    "strengths": N_("Strengths"),
    "research": N_("Research"),
    "academia": N_("Academia"),
    "civic_policy": N_("Civic and policy"),
    "business": N_("Business"),
    "facilities": N_("Facilities"),
}


def _words(words: dict[str, str], slug: str) -> str:
    """A schema value in words (``In development``); one the table does not know, as written."""
    return _(words[slug]) if slug in words else slug


def _day(day: date) -> str:
    return FuzzyDate(day.year, day.month, day.day).label


def briefing(catalog: Catalog, roadmaps: Sequence[Roadmap], as_of: date) -> ReportDocument:
    """The pack for ``roadmaps`` (one or every pair), with dates seen from ``as_of``."""
    one = len(roadmaps) == 1
    title = (
        _("Innovation Twins briefing: {pair}").format(pair=roadmaps[0].name) if one else _("Innovation Twins briefing")
    )
    dated = {roadmap.id: events(catalog, (roadmap.id,)) for roadmap in roadmaps}
    facts: list[tuple[str, Inline]] = [(_("Programme"), catalog.programme.name)]
    if one:
        facts += _pair_facts(roadmaps[0])
    else:
        facts.append((_("City pairs"), str(len(roadmaps))))
    facts.append((_("Dates seen from"), _day(as_of)))
    intro: list[Block] = [
        Facts(tuple(facts)),
        Paragraph(
            _(
                "A briefing pack for delegations, from the roadmaps as they stand. Dates are only as precise "
                'as the sources: "Early 2025" means some time from January to April 2025.'
            )
        ),
    ]
    if not one:
        intro.append(
            Table(
                (
                    _("Pair"),
                    _("Places"),
                    _("Roadmap"),
                    _("Data as of"),
                    _("Agreements"),
                    _("Proposals"),
                    _("Coming dates"),
                ),
                tuple(
                    (
                        roadmap.name,
                        _places(roadmap),
                        roadmap_status(roadmap),
                        _data_date(roadmap),
                        str(len(roadmap.agreements)),
                        str(len(roadmap.proposals)),
                        str(len(upcoming(dated[roadmap.id], as_of))),
                    )
                    for roadmap in roadmaps
                ),
            )
        )
    parts = tuple(_part(catalog, roadmap, dated[roadmap.id], as_of, facts=not one) for roadmap in roadmaps)
    return ReportDocument(title, tuple(intro), parts)


def _part(catalog: Catalog, roadmap: Roadmap, dated: Sequence[Event], as_of: date, *, facts: bool) -> Part:
    """One pair's part (with its facts when the title block does not give them); its marks explained at its end."""
    marks = Marks()
    contacts = all_contacts(catalog, pairs=(roadmap.id,))
    blocks = (
        *([Facts(tuple(_pair_facts(roadmap)))] if facts else []),
        *_overview(roadmap, dated, as_of, contacts),
        *_agreements(catalog, roadmap, as_of, marks),
        *_snapshots(roadmap, marks),
        *_proposals(catalog, roadmap, marks),
        *_dates(dated, as_of, marks),
        *_contacts(roadmap, contacts, marks),
        *_details(catalog, roadmap, dated, as_of, contacts, marks),
    )
    return Part(roadmap.name, (*blocks, *_inferred(marks)))


def _inferred(marks: Marks) -> tuple[Block, ...]:
    if not marks.legend:
        return ()
    return (
        Heading(_("Inferred values")),
        Paragraph(_("Values marked * are not printed as such by the sources: they are read from them.")),
        Items(marks.legend),
        *((Heading(_("Why"), 4), Items(marks.reasons)) if marks.reasons else ()),
    )


def _place_name(place: Place) -> str:
    return place_label(place.name, place.local_name)


def _places(roadmap: Roadmap) -> str:
    return " – ".join(_place_name(place) for place in roadmap.places)


def _data_date(roadmap: Roadmap) -> str:
    """How recent the pair's data is: when its file was last reviewed, else its newest dated source."""
    found = last_reviewed(roadmap)
    if found is None:
        return _("not recorded")
    when, what = found
    if what == "updated":
        return _("{date} (last reviewed)").format(date=when.label)
    if what == "published":
        return _("{date} (the roadmap's publication)").format(date=when.label)
    return _("{date} (the newest dated source)").format(date=when.label)


def _pair_facts(roadmap: Roadmap) -> list[tuple[str, Inline]]:
    """The pair, its places, its roadmap and the date of its data: the title block's, or its part's."""
    places = [
        (
            _("Place ({side})").format(side=side_label(COUNTRY_SIDES.get(p.country, p.country))),
            _place_name(p),
        )
        for p in roadmap.places
    ]
    return [
        (_("Pair"), f"{roadmap.name} ({roadmap.id})"),
        *places,
        (_("Roadmap"), roadmap_status(roadmap) + (f": {roadmap.title}" if roadmap.title else "")),
        (_("Data as of"), _data_date(roadmap)),
    ]


def _overview(roadmap: Roadmap, dated: Sequence[Event], as_of: date, contacts: Sequence[Contact]) -> list[Block]:
    """The pair at a glance: its summary, what it has agreed and planned, what comes next, whom to call."""
    blocks: list[Block] = [Heading(_("Overview"))]
    if roadmap.summary:
        blocks.append(Paragraph(roadmap.summary))
    priority = sum(p.stage == "priority" for p in roadmap.proposals)
    future = sum(p.stage == "future" for p in roadmap.proposals)
    staged = [
        *([ngettext("{count} priority", "{count} priority", priority).format(count=priority)] if priority else []),
        *([ngettext("{count} future", "{count} future", future).format(count=future)] if future else []),
    ]
    proposals = str(len(roadmap.proposals)) + (f" ({', '.join(staged)})" if staged else "")
    coming = upcoming(dated, as_of)
    following = (
        f"{coming[0].date.label}: {coming[0].title}" if coming else _("nothing after {day}").format(day=_day(as_of))
    )
    kinds = [agreement_kind(agreement.kind) for agreement in roadmap.agreements]
    counted = [f"{kind}: {kinds.count(kind)}" for kind in dict.fromkeys(kinds)]
    agreements = str(len(kinds)) + (f" ({'; '.join(counted)})" if counted else "")
    return [
        *blocks,
        Facts(
            (
                (_("Agreements"), agreements),
                (_("Proposals"), proposals),
                (_("Next date"), following),
                (_("People to contact"), str(len(contacts))),
            )
        ),
    ]


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
        name += _(' (printed: "{printed}")').format(printed=party.as_printed)
    if party.represented_by:
        name += _(" (represented by {name})").format(name=_person(roadmap, party.represented_by))
    return name


def _agreements(catalog: Catalog, roadmap: Roadmap, as_of: date, marks: Marks) -> list[Block]:
    blocks: list[Block] = [Heading(_("Agreements"))]
    if not roadmap.agreements:
        return [*blocks, Paragraph(_("No agreements are recorded for this pair."))]
    rows = []
    for agreement in roadmap.agreements:
        parties = "; ".join(party_text(roadmap, party, marks) for party in agreement.parties)
        signed = agreement.signed.label if agreement.signed else _("not given")
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
        kind = agreement_kind(agreement.kind)
        rows.append((agreement.title, kind, parties, signed, validity(agreement, as_of), themes))
    headers = (_("Agreement"), _("Kind"), _("Parties"), _("Signed"), _("Validity"), _("Themes"))
    return [*blocks, Table(headers, tuple(rows))]


def _figures(snapshot: Snapshot, marks: Marks) -> list[tuple[str, Inline]]:
    figures: list[tuple[str, Inline]] = []
    if population := snapshot.population:
        area = f" ({population.area})" if population.area else ""
        figures.append((_("Population"), f"{population.value:,}{area}"))
    if gdp := snapshot.gdp_per_head:
        shown = gdp.as_written or f"{gdp.value:,}"
        year = f", {gdp.year}" if gdp.year is not None else ""
        currency = marks.mark(gdp.currency, gdp.currency_inferred, CURRENCY_LEGEND, gdp.inference_reason)
        figures.append((_("GDP per head"), f"{shown} ({currency}{year})"))
    figures += [(fact.label, fact.value) for fact in snapshot.facts]
    return figures


def _snapshots(roadmap: Roadmap, marks: Marks) -> list[Block]:
    if not roadmap.snapshots:
        return [Heading(_("City snapshots")), Paragraph(_("This roadmap has no city snapshots yet."))]
    names = {place.id: place.name for place in roadmap.places}
    blocks: list[Block] = []
    for snapshot in roadmap.snapshots:
        blocks.append(Heading(_("City snapshot: {place}").format(place=names.get(snapshot.place, snapshot.place))))
        figures = _figures(snapshot, marks)
        if figures:
            blocks.append(Facts(tuple(figures)))
        if snapshot.key_sectors:
            blocks += [Heading(_("Key sectors"), 4), Items(snapshot.key_sectors)]
        for key, heading in ECOSYSTEM_HEADINGS.items():
            listed = getattr(snapshot.ecosystem, key) if snapshot.ecosystem else ()
            if listed:
                title = _("Innovation ecosystem: {part}").format(part=_(heading).lower())
                blocks += [Heading(title, 4), Items(listed)]
        if ambition := snapshot.ambition:
            blocks += [Heading(_("Ambition"), 4), Paragraph(ambition.text)]
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
    themes = catalog.programme.vocabulary.themes
    return "; ".join(marks.mark(themes.label_of(slug), slug in inferred, legend, reason) for slug in slugs)


def _proposals(catalog: Catalog, roadmap: Roadmap, marks: Marks) -> list[Block]:
    blocks: list[Block] = [Heading(_("Proposals"))]
    if not roadmap.proposals:
        return [*blocks, Paragraph(_("This roadmap has no proposals yet."))]
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
            Heading(f"{_(heading)} ({len(staged)})", 4),
            Table((_("ID"), _("Proposal"), _("Leads"), _("Timeline"), _("Themes")), rows),
        ]
    return blocks


def _event_table(found: Sequence[Event], marks: Marks) -> Table:
    return Table(
        (_("When"), _("What"), _("Kind"), _("Proposal")),
        tuple(
            (event.date.label, event.title, _words(EVENT_KINDS, event.kind), event_proposal(event, marks))
            for event in found
        ),
    )


def _dates(dated: Sequence[Event], as_of: date, marks: Marks) -> list[Block]:
    blocks: list[Block] = [Heading(_("Coming dates (after {day})").format(day=_day(as_of)))]
    coming = upcoming(dated, as_of)
    if coming:
        return [*blocks, _event_table(coming, marks)]
    if not dated:
        return [*blocks, Paragraph(_("This roadmap gives no dates."))]
    message, recent, _hint = nothing_upcoming_notice(dated, as_of, None)
    return [*blocks, Paragraph(message), _event_table(recent, marks)]


def _contact_cells(contact: Contact, marks: Marks) -> tuple[Inline, ...]:
    """One person as every contact table of the pack shows them: name, role, organisation, e-mail, side."""
    person = contact.person
    return (
        person.full_name,
        person.role or "",
        contact_organisation(contact, marks),
        Link(person.email, f"mailto:{person.email}") if person.email else "",
        contact.side,
    )


CONTACT_HEADERS = (N_("Name"), N_("Role"), N_("Organisation"), N_("E-mail"), N_("Side"))


def _contacts(roadmap: Roadmap, found: Sequence[Contact], marks: Marks) -> list[Block]:
    blocks: list[Block] = [Heading(_("Contact sheet"))]
    if not found:
        return [*blocks, Paragraph(_("No people are named in this roadmap."))]
    rows = []
    for contact in found:
        about = [split_qualified_id(ref)[1] for ref in contact.proposals]
        if contact.person.id in roadmap.contacts:
            about.insert(0, _("the roadmap"))
        rows.append((*_contact_cells(contact, marks), ", ".join(about)))
    headers = (*(_(header) for header in CONTACT_HEADERS), _("Contact for"))
    return [*blocks, Table(headers, tuple(rows))]


# What a proposal's page shows of ``proposal_sections`` as facts at its top, and as headed sections below.
_FACT_SECTIONS = ("timeline", "status", "leads", "themes", "types")
_HEADED_SECTIONS = ("vision", "description", "outcomes", "milestones", "sources")


def _details(
    catalog: Catalog,
    roadmap: Roadmap,
    dated: Sequence[Event],
    as_of: date,
    contacts: Sequence[Contact],
    marks: Marks,
) -> list[Block]:
    """Each proposal in full, as ``twins show`` says it, each a chapter that starts a printed page."""
    if not roadmap.proposals:
        return []
    everyone = {contact.person.id: contact for contact in contacts}
    chapters: list[Block] = []
    for proposal in roadmap.proposals:
        related = [event for event in dated if event.proposal == proposal.id]
        people = [everyone[person] for person in proposal.contacts if person in everyone]
        chapters.append(_detail(catalog, roadmap, proposal, related, people, as_of, marks))
    return [Heading(_("Proposals in detail")), *chapters]


def _detail(
    catalog: Catalog,
    roadmap: Roadmap,
    proposal: Proposal,
    related: Sequence[Event],
    people: Sequence[Contact],
    as_of: date,
    marks: Marks,
) -> Chapter:
    sections = proposal_sections(roadmap, proposal, (), related, as_of, marks, catalog.programme.vocabulary)
    facts: list[tuple[str, Inline]] = [(_("Stage"), _words(STAGES, proposal.stage))]
    blocks: list[Block] = []
    for key in _FACT_SECTIONS:
        if key in sections:
            first, *more = _lines(sections[key])
            facts.append(
                (_(sections[key].heading), first if key == "status" or not more else "; ".join([first, *more]))
            )
            if key == "status" and more:
                blocks += [Heading(_("Progress"), 5), Items(tuple(more))]
    for key in _HEADED_SECTIONS:
        if key in sections:
            blocks += _section_blocks(sections[key])
    if people:
        headers = tuple(_(header) for header in CONTACT_HEADERS)
        rows = tuple(_contact_cells(contact, marks) for contact in people)
        blocks += [Heading(_("Contacts"), 5), Table(headers, rows)]
    return Chapter(f"{proposal.id} {proposal.title}", (Facts(tuple(facts)), *blocks), proposal.tagline)


def _lines(section: Section) -> list[str]:
    return [section.body] if isinstance(section.body, str) else list(section.body)


def _section_blocks(section: Section) -> list[Block]:
    """A page section as a heading and its paragraph or list."""
    body = Paragraph(section.body) if isinstance(section.body, str) else Items(tuple(section.body))
    return [Heading(_(section.heading), 5), body]
