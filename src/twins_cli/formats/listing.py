"""Records turned into rows: the stable JSON/CSV field names, and the table columns.

Each ``*_listing`` function returns a ``Listing``: the rows (plain JSON values
under documented field names: the contract scripts rely on) and the columns a
table shows of them. Renderers in ``table.py`` and ``data.py`` know nothing of roadmaps.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any, Protocol

from twins_cli.base.dates import FuzzyDate
from twins_cli.base.i18n import LANGUAGES, _, language
from twins_cli.base.tuples import NamedTuple
from twins_cli.base.vocabulary import spelled_out, word
from twins_cli.formats.inference import LINK_LEGEND, ORGANISATION_LEGEND, THEMES_LEGEND, Marks
from twins_cli.model.records import COUNTRY_SIDES, Agreement, Catalog, Party, Proposal, Roadmap, split_qualified_id
from twins_cli.query.contacts import Contact
from twins_cli.query.events import Event
from twins_cli.query.progress import status_note
from twins_cli.query.proposals import sort_key, timeline_text
from twins_cli.query.validity import validity

Row = dict[str, Any]


class Column(NamedTuple):
    """A table column: its header and how to show a row's value in it."""

    header: str
    show: Callable[[Row], str]
    whole: bool = False  # never wrapped nor cut in a table: ids, e-mails, dates


def field_text(key: str) -> Callable[[Row], str]:
    """A column showing one field; lists are joined with commas, null is empty."""

    def show(row: Row) -> str:
        value = row[key]
        if value is None:
            return ""
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return str(value)

    return show


def per_pair(what: str, pairs: Iterable[str]) -> tuple[str, tuple[Column, ...]]:
    """A listing's title and first columns: ``Proposals of belfast-sejong`` for one pair, else a Pair column."""
    names = sorted(set(pairs))
    if len(names) == 1:
        return _("{what} of {pair}").format(what=what, pair=names[0]), ()
    return what, (Column(_("Pair"), field_text("pair"), whole=True),)


class Listing(NamedTuple):
    """Rows for JSON/CSV, columns for a table, and what to say when there are none.

    ``cells`` says how a field that holds records (a pair's places, an agreement's
    parties) reads as one cell of text in CSV and xlsx, which hold no nesting.
    """

    title: str
    fields: tuple[str, ...]  # the rows' keys, in order: the JSON/CSV contract
    rows: list[Row]
    columns: tuple[Column, ...]
    empty: str
    notes: tuple[str, ...] = ()
    cells: Mapping[str, Callable[[Any], str]] = MappingProxyType({})


def reading_order(name: str, local_name: str | None) -> tuple[str, ...]:
    """A place's names in the order its reader reads them: the local name first for a reader who reads it."""
    if not local_name:
        return (name,)
    return (name, local_name) if language() == LANGUAGES[0] else (local_name, name)


def place_label(name: str, local_name: str | None) -> str:
    """``Sejong (세종특별자치시)``; the local name first for a reader who reads it: ``세종특별자치시 (Sejong)``."""
    first, *other = reading_order(name, local_name)
    return f"{first} ({other[0]})" if other else first


def roadmap_status(roadmap: Roadmap) -> str:
    """A roadmap's status in words for a page, with its publication: ``Published, April 2024``."""
    return spelled_out(roadmap.status) + (f", {roadmap.published.label}" if roadmap.published else "")


def side_label(side: str) -> str:
    """A side of a pair as the reader says it (``UK``, ``Korea``); a place's name as written."""
    return _(side) if side in COUNTRY_SIDES.values() else side


def iso_date(value: FuzzyDate | None) -> str | None:
    """A date as its ISO 8601 prefix (``2025-06``), or None."""
    return value.iso if value else None


def roadmap_sources(roadmap: Roadmap) -> list[Row]:
    """The roadmap's documents as ``roadmap_sources``: one shape on every page that shows them."""
    return [{"file": s.file, "title": s.title, "kind": s.kind, "date": iso_date(s.date)} for s in roadmap.sources]


PROPOSAL_FIELDS = (
    "id", "pair", "title", "tagline", "stage", "themes", "types",
    "inferred_themes", "inferred_types", "leads", "lead_ids", "start", "end",
    "status", "status_note",
)  # fmt: skip
CONTACT_FIELDS = (
    "name", "title", "role", "organisation", "organisation_inferred", "inference_reason",
    "email", "pair", "pairs", "side", "proposals",
)  # fmt: skip
EVENT_FIELDS = (
    "date",
    "label",
    "title",
    "pair",
    "kind",
    "proposal",
    "proposal_inferred",
    "inference_reason",
    "source",
)
DATE_FIELDS = frozenset({"date", "start", "end", "signed", "valid_until", "published"})
"""The fields, in any listing, that hold a date as its ISO 8601 prefix (``2025``, ``2025-06``, ``2025-08-06``)."""
PAIR_FIELDS = ("id", "name", "places", "status", "published", "agreements", "proposals", "milestones")
THEME_FIELDS = ("kind", "slug", "label", "aliases", "proposals", "proposals_ticked", "proposals_inferred")


class OrganisationNames(Protocol):
    """What names a proposal's leads: a roadmap, or its proposals in brief (``PairProposals``)."""

    def organisation_name(self, organisation_id: str | None) -> str: ...


def proposal_row(roadmap: OrganisationNames, proposal: Proposal, as_of: date) -> Row:
    """A proposal under its documented JSON field names; its status is told as it stands on ``as_of``."""
    return {
        "id": proposal.id,
        "pair": proposal.pair,
        "title": proposal.title,
        "tagline": proposal.tagline,
        "stage": proposal.stage,
        "themes": list(proposal.themes),
        "types": list(proposal.types),
        "inferred_themes": sorted(proposal.inferred_themes),
        "inferred_types": sorted(proposal.inferred_types),
        "leads": [roadmap.organisation_name(lead) for lead in proposal.leads],
        "lead_ids": list(proposal.leads),
        "start": iso_date(proposal.start),
        "end": iso_date(proposal.end),
        "status": proposal.progress.status if proposal.progress else None,
        "status_note": status_note(proposal, as_of),
    }


def proposals_listing(catalog: Catalog, proposals: Sequence[Proposal], as_of: date) -> Listing:
    """``twins list``: the Status column tells recorded progress, or a planned date passed unrecorded."""
    by_pair = {roadmap.id: roadmap for roadmap in catalog.roadmaps}
    return _proposals_listing([_shown(by_pair[p.pair], p, as_of) for p in proposals])


def streamed_proposals_listing(
    selection: Iterable[tuple[int, OrganisationNames, list[Proposal]]], sort: str, as_of: date
) -> Listing:
    """``proposals_listing`` of roadmaps read one at a time, in any order (``query.proposals.streamed_selection``).

    Only the rows of the proposals kept (and what their order needs) outlive each roadmap: not even
    the proposals' records. Memory grows with the answer, not with the portfolio. ``sort``: ``--sort``.
    """
    key = sort_key(sort)
    found = [(place, key(p) if key else 0, _shown(source, p, as_of)) for place, source, kept in selection for p in kept]
    found.sort(key=lambda item: item[0])  # stable: each roadmap's proposals stay in their order
    if key is not None:
        found.sort(key=lambda item: item[1])  # then, stably, as --sort asks
    return _proposals_listing([shown for _place, _order, shown in found])


def _shown(source: OrganisationNames, proposal: Proposal, as_of: date) -> tuple[Row, str]:
    """A proposal's row, and its timeline as the table shows it: all a listing keeps of it."""
    return proposal_row(source, proposal, as_of), timeline_text(proposal)


def _proposals_listing(proposals: Sequence[tuple[Row, str]]) -> Listing:
    """The listing of proposals in the order given, each with its row and its timeline's words."""
    timelines = {(row["pair"], row["id"]): timeline for row, timeline in proposals}
    marks = Marks()
    marked = {
        (row["pair"], row["id"]): marks.each(row["themes"], frozenset(row["inferred_themes"]), THEMES_LEGEND)
        for row, _timeline in proposals
    }
    title, pair_column = per_pair(_("Proposals"), (row["pair"] for row, _timeline in proposals))
    return Listing(
        title=title,
        fields=PROPOSAL_FIELDS,
        rows=[row for row, _timeline in proposals],
        columns=(
            *pair_column,
            Column(_("ID"), field_text("id"), whole=True),
            Column(_("Title"), field_text("title")),
            Column(_("Stage"), lambda row: word(row["stage"])),
            Column(_("Leads"), field_text("leads")),
            Column(_("Timeline"), lambda row: timelines[(row["pair"], row["id"])], whole=True),
            Column(_("Status"), field_text("status_note")),
            Column(_("Themes"), lambda row: ", ".join(marked[(row["pair"], row["id"])])),
        ),
        empty=_("No proposals match these filters."),
        notes=marks.legend,
    )


def contact_row(contact: Contact) -> Row:
    """A contact under its documented JSON field names."""
    person = contact.person
    return {
        "name": person.name,
        "title": person.title,
        "role": person.role,
        "organisation": contact.organisation or None,
        "organisation_inferred": person.organisation_inferred,
        "inference_reason": person.inference_reason,
        "email": person.email,
        "pair": contact.pairs[0],
        "pairs": list(contact.pairs),
        "side": contact.side or None,
        "proposals": list(contact.proposals),
    }


def contact_organisation(contact: Contact, marks: Marks) -> str:
    """The contact's organisation's name, marked when the roadmap infers it ('' for none)."""
    person = contact.person
    name, inferred = contact.organisation, person.organisation_inferred
    return marks.mark(name, bool(name) and inferred, ORGANISATION_LEGEND, person.inference_reason)


def contacts_listing(contacts: Sequence[Contact], title: str | None = None, *, sheet: bool = False) -> Listing:
    """``twins contacts``: everyone, or (``sheet``) one proposal's contact sheet; an inferred organisation is marked."""
    single_pair = len({pair for contact in contacts for pair in contact.pairs}) <= 1
    marks = Marks()
    rows = [contact_row(contact) for contact in contacts]
    organisations = {id(row): contact_organisation(contact, marks) for row, contact in zip(rows, contacts, strict=True)}

    def full_name(row: Row) -> str:
        return f"{row['title']} {row['name']}" if row["title"] else str(row["name"])

    def proposals(row: Row) -> str:
        return ", ".join(split_qualified_id(ref)[1] if single_pair else ref for ref in row["proposals"])

    return Listing(
        title=_("Contacts") if title is None else title,
        fields=CONTACT_FIELDS,
        rows=rows,
        columns=(
            Column(_("Name"), full_name),
            Column(_("Role"), field_text("role")),
            Column(_("Organisation"), lambda row: organisations[id(row)]),
            Column(_("E-mail"), field_text("email"), whole=True),
            Column(_("Side"), lambda row: side_label(row["side"] or "")),
            *([] if single_pair else [Column(_("Pairs"), field_text("pairs"))]),
            *([] if sheet else [Column(_("Proposals"), proposals)]),
        ),
        empty=_("No contacts match these filters."),
        notes=marks.legend,
    )


def event_row(event: Event) -> Row:
    """A dated event under its documented JSON field names."""
    return {
        "date": event.date.iso,
        "label": event.date.label,
        "title": event.title,
        "pair": event.pair,
        "kind": event.kind,
        "proposal": event.proposal,
        "proposal_inferred": event.proposal_inferred,
        "inference_reason": event.inference_reason,
        "source": event.source,
    }


def event_proposal(event: Event, marks: Marks) -> str:
    """The event's proposal id, marked when the roadmap infers the link ('' for none)."""
    return marks.mark(event.proposal or "", event.proposal_inferred, LINK_LEGEND, event.inference_reason)


def events_listing(found: Sequence[Event], title: str, empty: str) -> Listing:
    """``twins milestones``: an inferred link to a proposal is marked, with the legend below."""
    marks = Marks()
    rows = [event_row(event) for event in found]
    shown = {id(row): event_proposal(event, marks) for row, event in zip(rows, found, strict=True)}
    return Listing(
        title=title,
        fields=EVENT_FIELDS,
        rows=rows,
        columns=(
            Column(_("When"), field_text("label"), whole=True),
            Column(_("What"), field_text("title")),
            Column(_("Pair"), field_text("pair"), whole=True),
            Column(_("Kind"), lambda row: word(row["kind"])),
            Column(_("Proposal"), lambda row: shown[id(row)]),
        ),
        empty=empty,
        notes=marks.legend,
    )


def party_row(roadmap: Roadmap, party: Party) -> Row:
    """An agreement's party under its documented JSON field names, with the name the source printed."""
    return {
        "organisation": roadmap.organisation_name(party.organisation),
        "organisation_id": party.organisation,
        "as_printed": party.as_printed,
        "inferred": party.inferred,
        "inference_reason": party.inference_reason,
    }


def parties_cell(parties: list[Row]) -> str:
    """An agreement's parties as one cell: ``Sejong City (printed: "City of Sejong"); Catalyst (inferred: why)``."""

    def party(row: Row) -> str:
        text = str(row["organisation"])
        if row["as_printed"]:
            text += " " + _('(printed: "{name}")').format(name=row["as_printed"])
        if row["inferred"]:
            why = row["inference_reason"]
            text += " " + (_("(inferred: {reason})").format(reason=why) if why else _("(inferred)"))
        return text

    return "; ".join(party(row) for row in parties)


def agreement_row(roadmap: Roadmap, agreement: Agreement, as_of: date) -> Row:
    """An agreement under its documented JSON field names."""
    return {
        "id": agreement.id,
        "kind": agreement.kind,
        "title": agreement.title,
        "parties": [party_row(roadmap, party) for party in agreement.parties],
        "signed": iso_date(agreement.signed),
        "valid_until": iso_date(agreement.valid_until),
        "duration_years": agreement.duration_years,
        "validity": validity(agreement, as_of),
        "themes": list(agreement.themes),
        "themes_inferred": sorted(agreement.themes_inferred),
        "inference_reason": agreement.inference_reason,
        "source": agreement.source,
    }


def pairs_listing(catalog: Catalog, as_of: date) -> Listing:
    """``twins pairs``."""
    rows = [
        {
            "id": roadmap.id,
            "name": roadmap.name,
            "places": [
                {"id": p.id, "name": p.name, "local_name": p.local_name, "country": p.country} for p in roadmap.places
            ],
            "status": roadmap.status,
            "published": iso_date(roadmap.published),
            "agreements": [agreement_row(roadmap, agreement, as_of) for agreement in roadmap.agreements],
            "proposals": len(roadmap.proposals),
            "milestones": len(roadmap.milestones),
        }
        for roadmap in catalog.roadmaps
    ]

    def place(row: Row) -> str:  # in a CSV cell: as the data writes it, whatever the language
        return f"{row['name']} ({row['local_name']})" if row["local_name"] else str(row["name"])

    def places(row: Row) -> str:
        return " – ".join(place_label(p["name"], p["local_name"]) for p in row["places"])

    def told(agreement: Row) -> str:
        return f"{agreement['title']}: {agreement['validity']}"

    def agreements(row: Row) -> str:
        mous = [a for a in row["agreements"] if a["kind"] == "mou"] or row["agreements"]
        return "; ".join(told(a) for a in mous[:1]) + (
            _(" (+{count} more)").format(count=len(row["agreements"]) - 1) if len(row["agreements"]) > 1 else ""
        )

    return Listing(
        title=_("City pairs"),
        fields=PAIR_FIELDS,
        rows=rows,
        columns=(
            Column(_("Pair"), field_text("id"), whole=True),
            Column(_("Places"), places),
            Column(
                _("Roadmap"), lambda row: word(row["status"]) + (f", {row['published']}" if row["published"] else "")
            ),
            Column(_("Agreements"), agreements),
            Column(_("Proposals"), field_text("proposals")),
            Column(_("Milestones"), field_text("milestones")),
        ),
        empty=_("No city pairs."),
        cells={
            "places": lambda places: "; ".join(place(p) for p in places),
            "agreements": lambda agreements: "; ".join(told(a) for a in agreements),
        },
    )


def themes_listing(catalog: Catalog) -> Listing:
    """``twins themes``: the vocabulary with counts of proposals, ticked in the source and inferred apart."""
    vocabulary = catalog.programme.vocabulary
    rows: list[Row] = []
    used: dict[str, Callable[[Proposal], tuple[tuple[str, ...], frozenset[str]]]] = {
        "theme": lambda proposal: (proposal.themes, proposal.inferred_themes),
        "type": lambda proposal: (proposal.types, proposal.inferred_types),
    }
    for kind, terms in (("theme", vocabulary.themes), ("type", vocabulary.types)):
        of = used[kind]
        for term in terms.terms:
            tagged = [of(p) for p in catalog.proposals if term.slug in of(p)[0]]
            inferred = sum(term.slug in guessed for _ticked, guessed in tagged)
            rows.append(
                {
                    "kind": kind,
                    "slug": term.slug,
                    "label": term.label,
                    "aliases": list(term.aliases),
                    "proposals": len(tagged),
                    "proposals_ticked": len(tagged) - inferred,
                    "proposals_inferred": inferred,
                }
            )

    def counted(row: Row) -> str:
        if not row["proposals_inferred"]:
            return str(row["proposals"])
        return _("{count} ({ticked} ticked, {inferred} inferred)").format(
            count=row["proposals"], ticked=row["proposals_ticked"], inferred=row["proposals_inferred"]
        )

    return Listing(
        title=_("Themes and proposal types"),
        fields=THEME_FIELDS,
        rows=rows,
        columns=(
            Column(_("Kind"), lambda row: word(row["kind"])),
            Column(_("Slug"), field_text("slug"), whole=True),
            Column(_("Label"), field_text("label")),
            Column(_("Aliases"), field_text("aliases")),
            Column(_("Proposals"), counted),
        ),
        empty=_("The vocabulary is empty."),
    )
