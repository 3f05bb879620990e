"""``twins orgs``: organisations as rows, and one organisation as a page with its people, proposals and agreements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from twins_cli.base.i18n import _
from twins_cli.base.vocabulary import word
from twins_cli.formats.agreements import agreement_data, agreement_lines
from twins_cli.formats.detail import Section
from twins_cli.formats.inference import Marks
from twins_cli.formats.listing import Column, Listing, Row, field_text, per_pair, side_label
from twins_cli.model.records import Organisation, Roadmap
from twins_cli.query.organisations import Found, Involvement
from twins_cli.query.validity import validity

ORGANISATION_FIELDS = (
    "pair", "id", "name", "short_name", "aliases", "kind", "country", "place", "side",
    "parent", "parent_id", "url", "description", "stakeholder",
)  # fmt: skip


def organisation_row(roadmap: Roadmap, organisation: Organisation) -> Row:
    """An organisation under its documented JSON field names: ``side`` is the pair's place it stands on."""
    return {
        "pair": roadmap.id,
        "id": organisation.id,
        "name": organisation.name,
        "short_name": organisation.short_name,
        "aliases": list(organisation.aliases),
        "kind": organisation.kind,
        "country": organisation.country,
        "place": organisation.place,
        "side": roadmap.place_of(organisation),
        "parent": roadmap.organisation_name(organisation.parent) or None,
        "parent_id": organisation.parent,
        "url": organisation.url,
        "description": organisation.description,
        "stakeholder": organisation.stakeholder,
    }


def organisations_listing(found: Sequence[Found]) -> Listing:
    """``twins orgs``: the table shows names, kind, side and the stakeholder flag; JSON and CSV all of it."""
    title, pair_column = per_pair(_("Organisations"), {each.roadmap.id for each in found})

    def names(row: Row) -> str:
        others = [name for name in (row["short_name"], *row["aliases"]) if name]
        return str(row["name"]) + (f" ({', '.join(others)})" if others else "")

    return Listing(
        title=title,
        fields=ORGANISATION_FIELDS,
        rows=[organisation_row(each.roadmap, each.organisation) for each in found],
        columns=(
            *pair_column,
            Column(_("ID"), field_text("id"), whole=True),
            Column(_("Name"), names),
            Column(_("Kind"), lambda row: word(row["kind"])),
            Column(_("Side"), lambda row: side_label(row["side"])),
            Column(_("Stakeholder"), lambda row: _("yes") if row["stakeholder"] else ""),
        ),
        empty=_("No organisations match these filters."),
    )


def _facts(roadmap: Roadmap, organisation: Organisation) -> list[Section]:
    """What the roadmap records of the organisation itself."""
    others = [name for name in (organisation.short_name, *organisation.aliases) if name]
    sections = [
        Section(_("Pair"), f"{roadmap.name} ({roadmap.id})"),
        Section(_("Kind"), word(organisation.kind)),
        Section(_("Side"), f"{side_label(roadmap.place_of(organisation))} ({organisation.country})"),
    ]
    optional = (
        (_("Also known as"), ", ".join(others)),
        (_("Part of"), roadmap.organisation_name(organisation.parent)),
        (_("Web site"), organisation.url),
        (_("Description"), organisation.description),
        (_("Stakeholder"), _("listed among the roadmap's stakeholders") if organisation.stakeholder else ""),
    )
    return sections + [Section(heading, text) for heading, text in optional if text]


def _sentence(text: str) -> str:
    """``text`` ending as a sentence: a full stop unless it ends with one already."""
    return text if text.endswith((".", "!", "?")) else f"{text}."


def organisation_detail(found: Found, involved: Involvement, as_of: date) -> tuple[str, list[Section], Row]:
    """``twins orgs ID``: the organisation, its people, its proposals and its agreements (validity as of ``as_of``).

    Inferred parties and themes are marked ``*``; the Inferred section says why.
    """
    roadmap, organisation = found
    marks = Marks()
    sections = _facts(roadmap, organisation)
    if involved.people:
        lines = [" · ".join(part for part in (p.full_name, p.role, p.email) if part) for p in involved.people]
        sections.append(Section(_("People"), lines))
    if involved.proposals:
        sections.append(
            Section(
                _("Proposals"),
                [
                    f"{p.id} {p.title} ({_('lead') if organisation.id in p.leads else _('contact')})"
                    for p in involved.proposals
                ],
            )
        )
    agreements: list[str] = []
    for agreement in involved.agreements:
        parties, themes = agreement_lines(roadmap, agreement, marks)
        signed = (agreement.signed.label if agreement.signed else None, agreement.signed_in)
        parts = (
            (_("Signed"), ", ".join(part for part in signed if part)),
            (_("Parties"), parties),
            (_("Focus areas"), "; ".join(agreement.focus_areas)),
            (_("Commitments"), "; ".join(agreement.commitments)),
            (_("Themes"), themes),
            (_("Note"), agreement.note),
        )
        told = " ".join(_sentence(f"{label}: {text}") for label, text in parts if text)
        kind = word(agreement.kind)
        agreements.append(f"{agreement.title} ({kind}), {_sentence(validity(agreement, as_of))} {told}")
    if agreements:
        sections.append(Section(_("Agreements"), agreements))
    if marks.legend:
        said = marks.reasons or marks.legend
        sections.append(Section(_("Inferred"), said[0] if len(said) == 1 else list(said)))
    data = {
        **organisation_row(roadmap, organisation),
        "people": [
            {"id": p.id, "name": p.name, "title": p.title, "role": p.role, "email": p.email} for p in involved.people
        ],
        "proposals": [{"id": p.id, "title": p.title, "lead": organisation.id in p.leads} for p in involved.proposals],
        "agreements": [agreement_data(roadmap, agreement, as_of) for agreement in involved.agreements],
    }
    return f"{organisation.name} ({roadmap.id}/{organisation.id})", sections, data
