"""``twins status`` shown: one table per roadmap with a closing line, one JSON object, or CSV of the findings.

The checks in ``query.attention`` say what needs attention; this module only
says it, under the documented JSON field names or as tables.
"""

from __future__ import annotations

from typing import Any

from twins_cli.base.i18n import _
from twins_cli.base.words import plural
from twins_cli.formats.listing import Column, Listing, Row, field_text
from twins_cli.query.attention import Finding, StatusReport

FINDING_FIELDS = ("pair", "check", "subject", "date", "label", "message")


def finding_row(finding: Finding) -> Row:
    """A finding under its documented JSON field names."""
    return {
        "pair": finding.pair,
        "check": finding.check,
        "subject": finding.subject,
        "date": finding.date.iso if finding.date else None,
        "label": finding.date.label if finding.date else None,
        "message": finding.message,
    }


def status_data(report: StatusReport) -> dict[str, Any]:
    """The report under its documented JSON field names."""
    return {
        "as_of": report.as_of.isoformat(),
        "needs_attention": report.needs_attention,
        "roadmaps": [roadmap.id for roadmap in report.roadmaps],
        "findings": [finding_row(finding) for finding in report.findings],
    }


def findings_listing(report: StatusReport) -> Listing:
    """The findings, one row each, most urgent first: the JSON's ``findings`` fields as columns (CSV, xlsx)."""
    rows = [finding_row(finding) for finding in report.findings]
    return Listing(_("Findings as of {day}").format(day=report.as_of.isoformat()), FINDING_FIELDS, rows, (), "")


def status_csv(report: StatusReport) -> str:
    """The findings as CSV."""
    from twins_cli.formats.data import to_csv

    return to_csv(findings_listing(report))


def status_xlsx(report: StatusReport) -> bytes:
    """The findings as a workbook of one sheet."""
    from twins_cli.formats.xlsx import listing_xlsx

    return listing_xlsx(findings_listing(report))


def status_listings(report: StatusReport) -> list[Listing]:
    """One table per roadmap, titled with how much needs attention in it."""
    found: list[Listing] = []
    for roadmap in report.roadmaps:
        rows = [finding_row(finding) for finding in report.findings if finding.pair == roadmap.id]
        count = f"{plural(len(rows), 'thing needs', 'things need')} attention"
        found.append(
            Listing(
                title=f"{roadmap.id} ({roadmap.name}): {count if rows else 'nothing needs attention'}",
                fields=FINDING_FIELDS,
                rows=rows,
                columns=(
                    Column("When", field_text("label"), whole=True),
                    Column("Check", field_text("check"), whole=True),
                    Column("What", field_text("message")),
                ),
                empty="",
            )
        )
    return found


def status_summary(report: StatusReport) -> str:
    """The last line: how much needs attention, where, as of when."""
    if not report.findings:
        return f"Nothing needs attention as of {report.as_of.isoformat()}."
    pairs = len({finding.pair for finding in report.findings})
    return (
        f"{plural(len(report.findings), 'finding')} in {pairs} of "
        f"{plural(len(report.roadmaps), 'roadmap')} as of {report.as_of.isoformat()}."
    )
