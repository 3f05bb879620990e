"""``twins show``: one proposal in full, as page sections for a person and one JSON object for tools.

``table.py`` draws the sections (plain text when piped or with ``NO_COLOR``,
else with Rich); the JSON object extends the proposal's listing row.
"""

from collections.abc import Callable, Sequence
from datetime import date

from twins_cli.base.i18n import _
from twins_cli.base.tuples import NamedTuple
from twins_cli.base.vocabulary import Vocabulary, word
from twins_cli.formats.inference import LINK_LEGEND, THEMES_LEGEND, Marks
from twins_cli.formats.listing import (
    Row,
    contact_organisation,
    contact_row,
    event_row,
    iso_date,
    proposal_row,
    roadmap_sources,
    side_label,
)
from twins_cli.model.records import Progress, Proposal, Roadmap
from twins_cli.query.contacts import Contact
from twins_cli.query.events import Event
from twins_cli.query.progress import status_note
from twins_cli.query.proposals import timeline_text


class Section(NamedTuple):
    """A titled part of a detail page: a paragraph or a list of lines."""

    heading: str
    body: str | Sequence[str]


def progress_data(progress: Progress | None) -> Row | None:
    """A proposal's recorded progress under its documented JSON field names (None: nothing recorded)."""
    if progress is None:
        return None
    return {
        "status": progress.status,
        "as_of": progress.as_of.isoformat(),
        "actual_start": iso_date(progress.actual_start),
        "actual_end": iso_date(progress.actual_end),
        "notes": [{"date": n.date.isoformat(), "text": n.text, "source": n.source} for n in progress.notes],
    }


def _status_section(proposal: Proposal, as_of: date) -> Section | None:
    """Recorded progress with its notes, or the planned date that passed unrecorded; None: nothing to say."""
    note, progress = status_note(proposal, as_of), proposal.progress
    if note is None or progress is None:
        return Section(_("Status"), note) if note else None
    lines = [note]
    lines += [
        said.format(date=when.label)
        for said, when in (
            (_("actually started {date}"), progress.actual_start),
            (_("actually finished {date}"), progress.actual_end),
        )
        if when
    ]
    lines += [f"{n.date.isoformat()}: {n.text}" + (f" ({n.source})" if n.source else "") for n in progress.notes]
    return Section(_("Status"), lines)


def _timeline_lines(proposal: Proposal) -> str | list[str]:
    """The planned months, then the source's own words where the months are read from other wording."""
    printed = [
        _("printed: “{words}”").format(words=words)
        for words in (proposal.start_as_printed, proposal.end_as_printed)
        if words
    ]
    return [timeline_text(proposal), *printed] if printed else timeline_text(proposal)


def own_sources(proposal: Proposal) -> list[str]:
    """The sources the proposal's own records cite (its progress notes), in order, each once.

    A proposal's plan (title, timeline, leads…) is the roadmap document's, so it is credited to the
    roadmap's sources apart, never as the proposal's own.
    """
    notes = proposal.progress.notes if proposal.progress else ()
    return list(dict.fromkeys(note.source for note in notes if note.source))


def _terms(
    slugs: Sequence[str], inferred: frozenset[str], marks: Marks, reason: str | None, name: Callable[[str], str]
) -> list[str]:
    """Themes or types by ``name`` (a slug, or a label), the inferred ones marked."""
    return [marks.mark(name(slug), slug in inferred, THEMES_LEGEND, reason) for slug in slugs]


def proposal_sections(
    roadmap: Roadmap,
    proposal: Proposal,
    contacts: Sequence[Contact],
    related: Sequence[Event],
    as_of: date,
    marks: Marks,
    vocabulary: Vocabulary | None = None,
) -> dict[str, Section]:
    """What is said of a proposal in full, keyed by what each section is, in the order the show page prints them.

    ``twins show`` prints them all; the briefing pack passes no ``contacts`` and picks the rest (it
    lays out contacts, the pair and the inferred values its own way). Themes and types are named by their slugs, or by
    their labels given the ``vocabulary``. Inferred values are marked with ``marks``.
    """
    reason = proposal.inference_reason
    themes_by = vocabulary.themes.label_of if vocabulary else str
    types_by = vocabulary.types.label_of if vocabulary else str
    vocabulary_marks = {
        "themes": (_("Themes"), _terms(proposal.themes, proposal.inferred_themes, marks, reason, themes_by)),
        "types": (_("Types"), _terms(proposal.types, proposal.inferred_types, marks, reason, types_by)),
    }
    milestones = [
        marks.mark(f"{event.date.label}: {event.title}", event.proposal_inferred, LINK_LEGEND, event.inference_reason)
        for event in related
    ]
    sections: dict[str, Section] = {}
    if proposal.tagline:
        sections["tagline"] = Section(_("Tagline"), proposal.tagline)
    sections["pair"] = Section(
        _("Pair and stage"),
        _("{pair}, {stage} proposal").format(pair=f"{roadmap.name} ({roadmap.id})", stage=word(proposal.stage)),
    )
    sections["timeline"] = Section(_("Timeline"), _timeline_lines(proposal))
    if status := _status_section(proposal, as_of):
        sections["status"] = status
    sections["leads"] = Section(_("Leads"), [roadmap.organisation_name(lead) for lead in proposal.leads])
    for key, heading, text in (
        ("vision", _("Vision"), proposal.vision),
        ("description", _("Description"), proposal.description),
    ):
        if text:
            sections[key] = Section(heading, text)
    if proposal.outcomes:
        sections["outcomes"] = Section(_("Expected outcomes"), list(proposal.outcomes))
    if contacts:
        sections["contacts"] = Section(
            _("Contacts"),
            [
                " · ".join(
                    part
                    for part in (
                        c.person.full_name,
                        c.person.role,
                        contact_organisation(c, marks),
                        c.person.email,
                        side_label(c.side),
                    )
                    if part
                )
                for c in contacts
            ],
        )
    for key, (heading, terms) in vocabulary_marks.items():
        if terms:
            sections[key] = Section(heading, ("; " if vocabulary else ", ").join(terms))  # labels hold commas
    if marks.legend:
        said = marks.reasons or marks.legend
        sections["inferred"] = Section(_("Inferred"), said[0] if len(said) == 1 else list(said))
    if milestones:
        sections["milestones"] = Section(_("Milestones"), milestones)
    own = own_sources(proposal)
    if own:
        sections["sources"] = Section(_("Sources"), own)
    sections["roadmap_sources"] = Section(
        _("Roadmap sources"), [f"{source.file} — {source.title}" for source in roadmap.sources]
    )
    return sections


def proposal_detail(
    roadmap: Roadmap, proposal: Proposal, contacts: Sequence[Contact], related: Sequence[Event], as_of: date
) -> tuple[str, list[Section], Row]:
    """``twins show``: a proposal in full, as page sections and as one JSON object, its status as of ``as_of``.

    Inferred themes, types and milestone links are marked ``*``; the Inferred section says why.
    """
    sections = proposal_sections(roadmap, proposal, contacts, related, as_of, Marks())
    own = own_sources(proposal)
    data = {
        **proposal_row(roadmap, proposal, as_of),
        "vision": proposal.vision,
        "description": proposal.description,
        "outcomes": list(proposal.outcomes),
        "start_as_printed": proposal.start_as_printed,
        "end_as_printed": proposal.end_as_printed,
        "contacts": [contact_row(contact) for contact in contacts],
        "inference_reason": proposal.inference_reason,
        "milestones": [event_row(event) for event in related],
        "sources": own,
        "roadmap_sources": roadmap_sources(roadmap),
        "progress": progress_data(proposal.progress),
    }
    return f"{proposal.id} {proposal.title}", list(sections.values()), data
