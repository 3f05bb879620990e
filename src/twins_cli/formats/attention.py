"""``twins status`` shown: one table per roadmap with a closing line, one JSON object, or CSV of the findings.

The checks in ``query.attention`` say what needs attention; this module only
says it, under the documented JSON field names or as tables.
"""

from __future__ import annotations

from typing import Any

from twins_cli.base.i18n import _, ngettext
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
        count = ngettext("{count} thing needs attention", "{count} things need attention", len(rows))
        said = count.format(count=len(rows)) if rows else _("nothing needs attention")
        found.append(
            Listing(
                title=f"{roadmap.id} ({roadmap.name}): {said}",
                fields=FINDING_FIELDS,
                rows=rows,
                columns=(
                    Column(_("When"), field_text("label"), whole=True),
                    Column(_("Check"), field_text("check"), whole=True),
                    Column(_("What"), field_text("message")),
                ),
                empty="",
            )
        )
    return found


def status_summary(report: StatusReport) -> str:
    """The last line: how much needs attention, where, as of when."""
    if not report.findings:
        return _("Nothing needs attention as of {date}.").format(date=report.as_of.isoformat())
    pairs = len({finding.pair for finding in report.findings})
    findings, roadmaps = len(report.findings), len(report.roadmaps)
    return _("{findings} in {pairs} of {roadmaps} as of {date}.").format(
        findings=ngettext("{count} finding", "{count} findings", findings).format(count=findings),
        pairs=pairs,
        roadmaps=ngettext("{count} roadmap", "{count} roadmaps", roadmaps).format(count=roadmaps),
        date=report.as_of.isoformat(),
    )
