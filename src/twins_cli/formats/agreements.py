"""``twins agreements``: agreements as rows, with their validity as of a day and every inference marked.

The row extends the agreement row ``twins pairs`` nests (``formats/listing.py``)
with the pair and the rest of the record, so the two never name a field differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from twins_cli.base.i18n import _
from twins_cli.base.vocabulary import word
from twins_cli.formats.briefing import party_text
from twins_cli.formats.inference import AGREEMENT_THEMES_LEGEND, Marks
from twins_cli.formats.listing import Column, Listing, Row, agreement_row, field_text, parties_cell, per_pair
from twins_cli.model.records import Agreement, Catalog, Roadmap

AGREEMENT_FIELDS = (
    "pair", "id", "kind", "title", "parties", "signed", "signed_in", "valid_until", "duration_years",
    "validity", "focus_areas", "themes", "themes_inferred", "inference_reason", "commitments", "note", "source",
)  # fmt: skip


def agreement_data(roadmap: Roadmap, agreement: Agreement, as_of: date) -> Row:
    """An agreement in full under its documented JSON field names, its validity as of ``as_of``."""
    row = {
        "pair": roadmap.id,
        **agreement_row(roadmap, agreement, as_of),
        "signed_in": agreement.signed_in,
        "focus_areas": list(agreement.focus_areas),
        "commitments": list(agreement.commitments),
        "note": agreement.note,
        "source": agreement.source,
    }
    return {field: row[field] for field in AGREEMENT_FIELDS}


def agreement_lines(roadmap: Roadmap, agreement: Agreement, marks: Marks) -> tuple[str, str]:
    """The parties and the themes as a person reads them: inferred ones marked, printed names given."""
    parties = "; ".join(party_text(roadmap, party, marks) for party in agreement.parties)
    themes = marks.each(
        agreement.themes, agreement.themes_inferred, AGREEMENT_THEMES_LEGEND, agreement.inference_reason
    )
    return parties, ", ".join(themes)


def agreements_listing(catalog: Catalog, agreements: Sequence[Agreement], as_of: date) -> Listing:
    """``twins agreements``: focus areas, commitments and notes are in JSON and CSV, the table shows the gist."""
    by_pair = {roadmap.id: roadmap for roadmap in catalog.roadmaps}
    marks = Marks()
    rows, shown = [], {}
    for agreement in agreements:
        roadmap = by_pair[agreement.pair]
        row = agreement_data(roadmap, agreement, as_of)
        shown[id(row)] = agreement_lines(roadmap, agreement, marks)
        rows.append(row)
    title, pair_column = per_pair(_("Agreements"), {agreement.pair for agreement in agreements})
    return Listing(
        title=title,
        fields=AGREEMENT_FIELDS,
        rows=rows,
        columns=(
            *pair_column,
            Column(_("ID"), field_text("id"), whole=True),
            Column(_("Title"), field_text("title")),
            Column(_("Kind"), lambda row: word(row["kind"])),
            Column(_("Parties"), lambda row: shown[id(row)][0]),
            Column(_("Signed"), lambda row: row["signed"] or "", whole=True),
            Column(_("Validity"), field_text("validity")),
            Column(_("Themes"), lambda row: shown[id(row)][1]),
        ),
        empty=_("No agreements match these filters."),
        notes=marks.legend,
        cells={"parties": parties_cell},
    )
