"""``twins show PAIR`` and ``twins programme``: a pair and the programme in full, as page sections and as JSON.

The JSON is built from the records here, once, under the field names the
other commands already use (``id``, ``places``, ``agreements`` with
``parties``…); the page's text is drawn from that same data, so nothing is
shown on screen that the JSON leaves out. Inferred values keep their ``*``
and reason (``Marks``); national figures that the sources print differently
are shown side by side, each with where it is printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from twins_cli.base.i18n import N_, _
from twins_cli.base.vocabulary import word
from twins_cli.formats.detail import Section
from twins_cli.formats.inference import (
    ABOUT_LEGEND,
    AGREEMENT_THEMES_LEGEND,
    CURRENCY_LEGEND,
    DATE_LEGEND,
    LINK_LEGEND,
    ORGANISATION_LEGEND,
    PARTY_LEGEND,
    THEMES_LEGEND,
    Marks,
)
from twins_cli.formats.listing import (
    Row,
    agreement_row,
    contact_row,
    iso_date,
    party_row,
    place_label,
    proposal_row,
    roadmap_sources,
)
from twins_cli.model.records import (
    COUNTRY_SIDES,
    Agreement,
    Catalog,
    CitedText,
    ContextFigure,
    Roadmap,
    Snapshot,
)
from twins_cli.model.records import (
    Section as PrintedSection,
)
from twins_cli.query.contacts import all_contacts
from twins_cli.query.proposals import timeline_text

ECOSYSTEM_FIELDS = ("strengths", "research", "academia", "civic_policy", "business", "facilities")
ECOSYSTEM_PARTS = {  # each list's name on the page
    "strengths": N_("strengths"),
    "research": N_("research"),
    "academia": N_("academia"),
    "civic_policy": N_("civic and policy"),
    "business": N_("business"),
    "facilities": N_("facilities"),
}


def _named(roadmap: Roadmap, key: str, person_id: str | None) -> Row:
    """A person id as ``key`` (the name with title) and ``key_id``, as the rows name organisations."""
    person = roadmap.people.get(person_id) if person_id else None
    return {key: person.full_name if person else None, f"{key}_id": person_id}


def _printed_data(section: PrintedSection | None) -> Row | None:
    """A section transcribed as printed, with where it is printed."""
    if section is None:
        return None
    return {
        "heading": section.heading,
        "strapline": section.strapline,
        "paragraphs": list(section.paragraphs),
        "points": list(section.points),
        "subsections": [
            {"heading": s.heading, "paragraphs": list(s.paragraphs), "points": list(s.points)}
            for s in section.subsections
        ],
        "captions": list(section.captions),
        "note": section.note,
        "source": section.source,
        "printed_in": section.printed_in,
    }


def _figure_data(figure: ContextFigure) -> Row:
    return {
        "id": figure.id,
        "label": figure.label,
        "value": figure.value,
        "unit": figure.unit,
        "kind": figure.kind,
        "year": figure.year,
        "about": figure.about,
        "about_inferred": figure.about_inferred,
        "as_printed": figure.as_printed,
        "source": figure.source,
        "printed_in": figure.printed_in,
        "conflicts_with": list(figure.conflicts_with),
        "note": figure.note,
    }


def _snapshot_data(roadmap: Roadmap, snapshot: Snapshot) -> Row:
    population, gdp, ambition = snapshot.population, snapshot.gdp_per_head, snapshot.ambition
    return {
        "place": snapshot.place,
        "population": {"value": population.value, "area": population.area} if population else None,
        "gdp_per_head": gdp._asdict() if gdp else None,
        "key_sectors": list(snapshot.key_sectors),
        "facts": [{"label": fact.label, "value": fact.value} for fact in snapshot.facts],
        "ambition": {"text": ambition.text, **_named(roadmap, "by", ambition.by)} if ambition else None,
        "ecosystem": {key: list(getattr(snapshot.ecosystem, key)) for key in ECOSYSTEM_FIELDS}
        if snapshot.ecosystem
        else None,
    }


def _agreement_data(roadmap: Roadmap, agreement: Agreement, as_of: date) -> Row:
    """The ``pairs`` agreement row, with everything else the record holds."""
    row = agreement_row(roadmap, agreement, as_of)
    row["parties"] = [
        {**party_row(roadmap, party), **_named(roadmap, "represented_by", party.represented_by)}
        for party in agreement.parties
    ]
    return {
        **row,
        "signed_in": agreement.signed_in,
        "focus_areas": list(agreement.focus_areas),
        "commitments": list(agreement.commitments),
        "note": agreement.note,
        "source": agreement.source,
    }


def pair_data(catalog: Catalog, roadmap: Roadmap, as_of: date) -> Row:
    """Every field of a pair's roadmap under documented JSON field names (``twins show PAIR --format json``)."""
    context = roadmap.national_context
    overview = roadmap.overview
    people = {contact.person.id: contact for contact in all_contacts(catalog, (), (roadmap.id,))}
    return {
        "id": roadmap.id,
        "name": roadmap.name,
        "places": [
            {"id": p.id, "name": p.name, "local_name": p.local_name, "country": p.country, "kind": p.kind}
            for p in roadmap.places
        ],
        "programme": roadmap.programme,
        "status": roadmap.status,
        "title": roadmap.title,
        "published": iso_date(roadmap.published),
        "launched_in": roadmap.launched_in,
        "delivered_by": [
            {"organisation": roadmap.organisation_name(o), "organisation_id": o} for o in roadmap.delivered_by
        ],
        "summary": roadmap.summary,
        "document_source": roadmap.document_source,
        "updated": roadmap.updated.isoformat() if roadmap.updated else None,
        "overview": {key: _printed_data(getattr(overview, key)) for key in overview._fields} if overview else None,
        "forewords": [
            {
                **_named(roadmap, "by", foreword.by),
                "place": foreword.place,
                "signed_as": list(foreword.signed_as),
                "key_points": list(foreword.key_points),
                "source": foreword.source,
                "printed_in": foreword.printed_in,
            }
            for foreword in roadmap.forewords
        ],
        "snapshots": [_snapshot_data(roadmap, snapshot) for snapshot in roadmap.snapshots],
        "national_context": {
            "sections": [_printed_data(section) for section in context.sections],
            "figures": [_figure_data(figure) for figure in context.figures],
            "events": [
                {**event._asdict(), "date": iso_date(event.date), "label": event.date.label if event.date else None}
                for event in context.events
            ],
        }
        if context
        else None,
        "agreements": [_agreement_data(roadmap, agreement, as_of) for agreement in roadmap.agreements],
        "organisations": [
            {**organisation._asdict(), "aliases": list(organisation.aliases)}
            for organisation in roadmap.organisations.values()
        ],
        "contacts": [contact_row(people[person]) for person in roadmap.contacts],
        "people": [contact_row(contact) for contact in people.values()],
        "proposals": [proposal_row(roadmap, proposal, as_of) for proposal in roadmap.proposals],
        "milestones": [
            {
                "date": m.date.iso,
                "label": m.date.label,
                "title": m.title,
                "proposal": m.proposal,
                "proposal_inferred": m.proposal_inferred,
                "inference_reason": m.inference_reason,
                "happened": m.happened,
                "happened_on": iso_date(m.happened_on),
                "evidence": m.evidence,
                "source": m.source,
            }
            for m in roadmap.milestones
        ],
        "visits": [
            {
                "id": visit.id,
                "title": visit.title,
                "from": visit.from_place,
                "to": visit.to_place,
                **_named(roadmap, "led_by", visit.led_by),
                "date": iso_date(visit.date),
                "date_as_printed": visit.date_as_printed,
                "visited": [{"name": stop.name, "organisation_id": stop.organisation} for stop in visit.visited],
                "note": visit.note,
                "source": visit.source,
                "printed_in": visit.printed_in,
            }
            for visit in roadmap.visits
        ],
        "notes": list(roadmap.notes),
        "roadmap_sources": roadmap_sources(roadmap),
    }


# --- the page's text, from the data above -------------------------------------------------------


def _where(row: Row) -> str:
    return f"{row['source']}, {row['printed_in']}"


def _printed_text(row: Row) -> str:
    """A printed section as paragraphs: strapline, text, points, subsections, captions, note, where printed."""
    lines = [*([row["strapline"]] if row["strapline"] else []), *row["paragraphs"], *(f"- {p}" for p in row["points"])]
    for sub in row["subsections"]:
        lines += [f"{sub['heading']}:", *sub["paragraphs"], *(f"- {p}" for p in sub["points"])]
    lines += [_("Caption: {text}").format(text=caption) for caption in row["captions"]]
    lines += [_("Note: {text}").format(text=row["note"])] if row["note"] else []
    return "\n".join([*lines, _printed_in(row)])


def _printed_in(row: Row) -> str:
    return _("(printed in {where})").format(where=_where(row))


def _side(country: str) -> str:
    """``UK`` or ``Korea`` in the reader's language; another country code as written."""
    return _(COUNTRY_SIDES[country]) if country in COUNTRY_SIDES else country


def _snapshot_sections(data: Row, names: dict[str, str], marks: Marks) -> list[Section]:
    sections = []
    for snap in data["snapshots"]:
        lines = []
        if population := snap["population"]:
            lines.append(
                _("Population: {value}").format(value=f"{population['value']:,}")
                + (f" ({population['area']})" if population["area"] else "")
            )
        if gdp := snap["gdp_per_head"]:
            currency = marks.mark(gdp["currency"], gdp["currency_inferred"], CURRENCY_LEGEND, gdp["inference_reason"])
            year = f", {gdp['year']}" if gdp["year"] is not None else ""
            shown = gdp["as_written"] or f"{gdp['value']:,}"
            lines.append(_("GDP per head: {value}").format(value=f"{shown} ({currency}{year})"))
        lines += [f"{fact['label']}: {fact['value']}" for fact in snap["facts"]]
        if snap["key_sectors"]:
            lines.append(_("Key sectors: {names}").format(names=", ".join(snap["key_sectors"])))
        for key, listed in (snap["ecosystem"] or {}).items():
            if listed:
                lines.append(
                    _("Ecosystem, {part}: {names}").format(
                        part=_(ECOSYSTEM_PARTS.get(key, key)), names=", ".join(listed)
                    )
                )
        if ambition := snap["ambition"]:
            lines.append(
                _("Ambition: {text}").format(text=ambition["text"]) + (f" — {ambition['by']}" if ambition["by"] else "")
            )
        sections.append(Section(_("Snapshot: {place}").format(place=names.get(snap["place"], snap["place"])), lines))
    return sections


def _figure_line(figure: Row, figures: Sequence[Row], marks: Marks) -> str:
    """A national figure as printed, and beside it every figure recorded as printed differently, either way."""
    about = marks.mark(figure["about"], figure["about_inferred"], ABOUT_LEGEND)
    line = (
        f"{figure['label']}: {figure['value']} ("
        + _('{about}; printed "{printed}" in {where}').format(
            about=about, printed=figure["as_printed"], where=_where(figure)
        )
        + ")"
    )
    for other in figures:
        if other["id"] in figure["conflicts_with"] or figure["id"] in other["conflicts_with"]:
            line += _('; conflicts with {value}, printed "{printed}" in {where}').format(
                value=other["value"], printed=other["as_printed"], where=_where(other)
            )
    return line + (f". {figure['note']}" if figure["note"] else "")


def _context_sections(data: Row, marks: Marks) -> list[Section]:
    context = data["national_context"]
    if not context:
        return []
    sections = [
        Section(_("National context: {heading}").format(heading=s["heading"]), _printed_text(s))
        for s in context["sections"]
    ]
    if figures := context["figures"]:
        sections.append(Section(_("National figures"), [_figure_line(f, figures, marks) for f in figures]))
    if context["events"]:
        lines = []
        for event in context["events"]:
            when = marks.mark(
                event["label"] or event["date_as_printed"] or _("undated"), event["date_inferred"], DATE_LEGEND
            )
            lines.append(f"{when}: {event['title']} — {event['description']} {_printed_in(event)}")
        sections.append(Section(_("National events"), lines))
    return sections


def _organisation(contact: Row, marks: Marks) -> str:
    """A contact's organisation ('' for none), marked when the roadmap infers it."""
    name = contact["organisation"] or ""
    return marks.mark(
        name, bool(name) and contact["organisation_inferred"], ORGANISATION_LEGEND, contact["inference_reason"]
    )


def _agreement_section(agreement: Row, marks: Marks) -> Section:
    parties = []
    for party in agreement["parties"]:
        name = marks.mark(party["organisation"], party["inferred"], PARTY_LEGEND, party["inference_reason"])
        name += _(' (printed: "{printed}")').format(printed=party["as_printed"]) if party["as_printed"] else ""
        name += _(" (represented by {name})").format(name=party["represented_by"]) if party["represented_by"] else ""
        parties.append(name)
    themes = [
        marks.mark(theme, theme in agreement["themes_inferred"], AGREEMENT_THEMES_LEGEND, agreement["inference_reason"])
        for theme in agreement["themes"]
    ]
    signed = agreement["signed"] or _("date not given")
    if agreement["signed_in"]:
        signing = _("{kind}, signed {date} in {place}").format(
            kind=word(agreement["kind"]), date=signed, place=agreement["signed_in"]
        )
    else:
        signing = _("{kind}, signed {date}").format(kind=word(agreement["kind"]), date=signed)
    lines = [
        signing,
        _("Validity: {text}").format(text=agreement["validity"]),
        _("Parties: {names}").format(names="; ".join(parties)),
        *(
            [_("Focus areas: {names}").format(names=", ".join(agreement["focus_areas"]))]
            if agreement["focus_areas"]
            else []
        ),
        *([_("Themes: {names}").format(names=", ".join(themes))] if themes else []),
        *(_("Commitment: {text}").format(text=commitment) for commitment in agreement["commitments"]),
        *([_("Note: {text}").format(text=agreement["note"])] if agreement["note"] else []),
        *([_("Source: {text}").format(text=agreement["source"])] if agreement["source"] else []),
    ]
    return Section(_("Agreement: {title}").format(title=agreement["title"]), lines)


def _roadmap_lines(data: Row) -> list[str]:
    lines = [word(data["status"]) + (f", {data['published']}" if data["published"] else "")]
    lines += [_("Title: {text}").format(text=data["title"])] if data["title"] else []
    lines += [_("Launched in: {text}").format(text=data["launched_in"])] if data["launched_in"] else []
    if data["delivered_by"]:
        delivered = ", ".join(o["organisation"] for o in data["delivered_by"])
        lines.append(_("Delivered by: {names}").format(names=delivered))
    lines += [_("Reviewed: {date}").format(date=data["updated"])] if data["updated"] else []
    return lines


def pair_detail(catalog: Catalog, roadmap: Roadmap, as_of: date) -> tuple[str, list[Section], Row]:
    """``twins show PAIR``: the pair in full, as page sections and as one JSON object."""
    data = pair_data(catalog, roadmap, as_of)
    marks = Marks()
    names = {place.id: place.name for place in roadmap.places}
    places = [
        place_label(p["name"], p["local_name"])
        + f", {_side(p['country'])}"
        + (f", {word(p['kind'])}" if p["kind"] else "")
        for p in data["places"]
    ]
    sections = [Section(_("Places"), places), Section(_("Roadmap"), _roadmap_lines(data))]
    if data["summary"]:
        sections.append(Section(_("Summary"), data["summary"]))
    for printed in (data["overview"] or {}).values():
        if printed:
            sections.append(
                Section(_("Overview: {heading}").format(heading=printed["heading"]), _printed_text(printed))
            )
    for foreword in data["forewords"]:
        signed = f" ({', '.join(foreword['signed_as'])})" if foreword["signed_as"] else ""
        lines = [*foreword["key_points"], _printed_in(foreword)]
        sections.append(Section(_("Foreword: {name}").format(name=f"{foreword['by']}{signed}"), lines))
    sections += _snapshot_sections(data, names, marks)
    sections += _context_sections(data, marks)
    sections += [_agreement_section(agreement, marks) for agreement in data["agreements"]]
    if data["organisations"]:
        stakeholders = []
        for o in data["organisations"]:
            where = names.get(o["place"]) or _side(o["country"])
            short = f" ({o['short_name']})" if o["short_name"] else ""
            said = f": {o['description']}" if o["description"] else ""
            stakeholders.append(f"{o['name']}{short} — {word(o['kind'])}, {where}{said}")
        sections.append(Section(_("Stakeholders"), stakeholders))
    for heading, key in ((_("Contacts"), "contacts"), (_("People"), "people")):
        if data[key]:
            lines = [
                " · ".join(part for part in (c["name"], c["role"], _organisation(c, marks), c["email"]) if part)
                for c in data[key]
            ]
            sections.append(Section(heading, lines))
    if roadmap.proposals:
        lines = []
        for proposal in roadmap.proposals:
            themes = marks.each(proposal.themes, proposal.inferred_themes, THEMES_LEGEND, proposal.inference_reason)
            lines.append(
                f"{proposal.id} {proposal.title} — {word(proposal.stage)}, {timeline_text(proposal)}"
                + (f"; {', '.join(themes)}" if themes else "")
            )
        sections.append(Section(_("Proposals"), lines))
    if data["milestones"]:
        lines = []
        for m in data["milestones"]:
            link = marks.mark(m["proposal"] or "", m["proposal_inferred"], LINK_LEGEND, m["inference_reason"])
            happened = {True: _(", happened"), False: _(", did not happen"), None: ""}[m["happened"]]
            lines.append(f"{m['label']}: {m['title']}" + (f" ({link})" if link else "") + happened)
        sections.append(Section(_("Milestones"), lines))
    if data["visits"]:
        lines = []
        for visit in data["visits"]:
            route = " → ".join(names.get(p, p) for p in (visit["from"], visit["to"]) if p)
            stops = ", ".join(stop["name"] for stop in visit["visited"])
            lines.append(
                f"{visit['date_as_printed'] or visit['date'] or _('undated')}: {visit['title']}"
                + (f" ({route})" if route else "")
                + (_(", led by {name}").format(name=visit["led_by"]) if visit["led_by"] else "")
                + (_("; visited {names}").format(names=stops) if stops else "")
                + f" {_printed_in(visit)}"
            )
        sections.append(Section(_("Visits"), lines))
    if data["notes"]:
        sections.append(Section(_("Notes"), data["notes"]))
    sections.append(Section(_("Roadmap sources"), [f"{s['file']} — {s['title']}" for s in data["roadmap_sources"]]))
    if marks.legend:
        sections.append(Section(_("Inferred"), [*marks.legend, *marks.reasons]))
    return f"{roadmap.name} ({roadmap.id})", sections, data


# --- the programme ------------------------------------------------------------------------------


def _cited(items: Sequence[CitedText]) -> list[Row]:
    """Statements with where each is printed: the aims and the pairing basis."""
    return [{"text": item.text, "source": item.source, "printed_in": item.printed_in} for item in items]


def programme_data(catalog: Catalog) -> Row:
    """The programme overview under documented JSON field names (``twins programme --format json``)."""
    programme = catalog.programme
    loaded = {roadmap.id: roadmap for roadmap in catalog.roadmaps}
    return {
        "id": programme.id,
        "name": programme.name,
        "description": programme.description,
        "delivered_by": list(programme.delivered_by),
        "source": programme.source,
        "aims": _cited(programme.aims),
        "phases": [{**phase._asdict(), "activities": list(phase.activities)} for phase in programme.phases],
        "collaboration_areas": list(programme.collaboration_areas),
        "pairing_basis": _cited(programme.pairing_basis),
        "pairs": [
            {
                "id": pair,
                "name": loaded[pair].name if pair in loaded else None,
                "places": [place.name for place in loaded[pair].places] if pair in loaded else [],
                "status": loaded[pair].status if pair in loaded else None,
            }
            for pair in dict.fromkeys([*programme.pairs, *loaded])
        ],
    }


def programme_detail(catalog: Catalog) -> tuple[str, list[Section], Row]:
    """``twins programme``: aims, phases, collaboration areas and pairs, as page sections and as JSON."""
    data = programme_data(catalog)
    sections = []
    if data["description"]:
        sections.append(Section(_("Description"), data["description"]))
    if data["delivered_by"]:
        sections.append(Section(_("Delivered by"), ", ".join(data["delivered_by"])))
    if data["aims"]:
        sections.append(Section(_("Aims"), [f"{aim['text']} ({_where(aim)})" for aim in data["aims"]]))
    for phase in data["phases"]:
        heading = _("Phase {number}: {title} ({period})").format(
            number=phase["number"], title=phase["title"], period=phase["period"]
        )
        sections.append(Section(heading, [*phase["activities"], _printed_in(phase)]))
    if data["collaboration_areas"]:
        sections.append(Section(_("Collaboration areas"), data["collaboration_areas"]))
    if data["pairing_basis"]:
        sections.append(Section(_("Pairing basis"), [f"{b['text']} ({_where(b)})" for b in data["pairing_basis"]]))
    pairs = [
        f"{pair['id']}: "
        + (
            _("{places}, roadmap {status}").format(places=" – ".join(pair["places"]), status=word(pair["status"]))
            if pair["name"]
            else _("no roadmap loaded")
        )
        for pair in data["pairs"]
    ]
    sections.append(Section(_("Pairs"), pairs))
    return data["name"], sections, data
