"""Every output keeps every inference visible: a ``*`` and its legend on screen, flags and reasons in data.

tests/fixtures/inferred holds one inferred value of every kind (a proposal's
themes and types, a milestone's link to a proposal, a party no source names,
a party's name as printed, a currency read from a bare "$", an agreement's
themes mapped from its focus areas, a person's organisation read from their
e-mail address), each with a reason written in capitals
so that it is easy to find. Every format of every family in the registry is
rendered from it; a family that shows none of these values says so in
``SHOWS_NO_INFERENCE``, so a new family or format fails here until it is
classified.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import openpyxl
import pytest

from conftest import FIXTURES
from support import browser_installed, pdf_text
from twins_cli.catalog.load import load_catalog
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.formats.agreements import agreements_listing
from twins_cli.formats.briefing import briefing
from twins_cli.formats.detail import proposal_detail
from twins_cli.formats.inference import (
    AGREEMENT_THEMES_LEGEND,
    LINK_LEGEND,
    ORGANISATION_LEGEND,
    PARTY_LEGEND,
    THEMES_LEGEND,
)
from twins_cli.formats.listing import pairs_listing, proposals_listing, themes_listing
from twins_cli.formats.organisations import organisation_detail, organisations_listing
from twins_cli.formats.pair import pair_detail
from twins_cli.formats.registry import FAMILIES, Dates, Format, Page, People, Sheets
from twins_cli.formats.workbook import every_listing
from twins_cli.model.records import Catalog
from twins_cli.query.agreements import AgreementQuery, select_agreements
from twins_cli.query.contacts import all_contacts
from twins_cli.query.events import events
from twins_cli.query.find import find_proposal
from twins_cli.query.organisations import OrganisationQuery, find_organisation, involvement, select_organisations
from twins_cli.query.proposals import ProposalQuery, select_proposals

DAY = date(2024, 6, 1)

# Families none of whose outputs shows an inferred value, and why.
SHOWS_NO_INFERENCE = {
    "validation": "problems found in files, not roadmap values",
    "changes": "field-by-field differences, each field (the flags too) named as in the file",
    "where": "where the roadmaps are read from",
    "status": "findings about dates and contacts, no value of the roadmap",
    "timeline": "proposals' planned months, none marked inferred",
    "programme": "the programme's aims, phases and areas as printed, and its pairs by name: none marked inferred",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(RoadmapsLocation(FIXTURES / "inferred", "test"))


def _page(catalog: Catalog) -> Page:
    proposal = find_proposal(catalog, "alpha-beta/P1")
    related = [event for event in events(catalog) if event.proposal == proposal.id]
    contacts = all_contacts(catalog, (), (proposal.pair,))
    return Page(*proposal_detail(catalog.roadmap(proposal.pair), proposal, contacts, related, DAY))


def _organisation_page(catalog: Catalog) -> Page:
    found = find_organisation(catalog, "beta-city")
    return Page(*organisation_detail(found, involvement(*found), DAY))


# Each subject a family renders, by the command that shows it.
SUBJECTS: dict[str, dict[str, Callable[[Catalog], Any]]] = {
    "listing": {
        "list": lambda catalog: proposals_listing(catalog, select_proposals(catalog, ProposalQuery()), DAY),
        "pairs": lambda catalog: pairs_listing(catalog, DAY),
        "themes": themes_listing,
        "orgs": lambda catalog: organisations_listing(select_organisations(catalog, OrganisationQuery())),
        "agreements": lambda catalog: agreements_listing(catalog, select_agreements(catalog, AgreementQuery()), DAY),
    },
    "contacts": {"contacts": lambda catalog: People(all_contacts(catalog), "Contacts", sheet=False)},
    "milestones": {"milestones": lambda catalog: Dates(catalog, events(catalog), "All dates", "", DAY)},
    "detail": {
        "show": _page,
        "org": _organisation_page,
        "show-pair": lambda catalog: Page(*pair_detail(catalog, catalog.roadmaps[0], DAY)),
    },
    "report": {"report": lambda catalog: briefing(catalog, list(catalog.roadmaps), DAY)},
    "export": {"export": lambda catalog: Sheets("All", every_listing(catalog, DAY))},
}


def _json(text: str) -> Any:
    return json.loads(text)


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _workbook(data: bytes) -> str:
    """A workbook as text the checks read: ``{sheet name: the sheet as CSV}`` in JSON, flags as CSV writes them."""

    def shown(value: Any) -> str:
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, datetime):
            return value.date().isoformat()
        return "" if value is None else str(value)

    sheets = {}
    for sheet in openpyxl.load_workbook(io.BytesIO(data)):
        buffer = io.StringIO()
        csv.writer(buffer).writerows([shown(value) for value in row] for row in sheet.iter_rows(values_only=True))
        sheets[sheet.title] = buffer.getvalue()
    return json.dumps(sheets)


def _sheet(check: Callable[[str], None]) -> Callable[[str], None]:
    """``check`` of a listing's CSV, applied to the one sheet of its workbook."""

    def on_workbook(text: str) -> None:
        [sheet] = json.loads(text).values()
        check(sheet)

    return on_workbook


def _has(*parts: str) -> Callable[[str], None]:
    def check(text: str) -> None:
        missing = [part for part in parts if part not in text]
        assert not missing, f"{missing} not in:\n{text}"

    return check


def _list_json(text: str) -> None:
    [row] = _json(text)
    assert (row["inferred_themes"], row["inferred_types"]) == (["net-zero"], ["knowledge-exchange"])


def _list_csv(text: str) -> None:
    [row] = _csv(text)
    assert (row["inferred_themes"], row["inferred_types"]) == ("net-zero", "knowledge-exchange")


def _agreement(agreement: dict[str, Any]) -> None:
    printed, guessed = agreement["parties"]
    assert (printed["as_printed"], printed["inferred"]) == ("City of Alpha", False)
    assert (guessed["inferred"], guessed["inference_reason"]) == (True, "PARTY-REASON")
    assert (agreement["themes_inferred"], agreement["inference_reason"]) == (["net-zero"], "AGREEMENT-THEMES-REASON")


def _themes_rows(rows: list[dict[str, Any]]) -> None:
    counts = {row["slug"]: (str(row["proposals_ticked"]), str(row["proposals_inferred"])) for row in rows}
    assert counts["net-zero"] == ("0", "1")
    assert counts["cybersecurity"] == ("1", "0")
    assert counts["knowledge-exchange"] == ("0", "1")


def _milestone_rows(rows: list[dict[str, Any]]) -> None:
    [visit] = [row for row in rows if row["title"] == "Exchange visit"]
    assert (str(visit["proposal_inferred"]).lower(), visit["inference_reason"]) == ("true", "LINK-REASON")
    assert {str(row["proposal_inferred"]).lower() for row in rows if row["title"] != "Exchange visit"} == {"false"}


def _contact_rows(rows: list[dict[str, Any]]) -> None:
    flags = {row["name"]: (str(row["organisation_inferred"]).lower(), row["inference_reason"] or None) for row in rows}
    assert flags == {"Ann Smith": ("true", "ORGANISATION-REASON")}


def _show_json(text: str) -> None:
    data = _json(text)
    assert (data["inferred_themes"], data["inference_reason"]) == (["net-zero"], "PROPOSAL-REASON")
    [visit] = [row for row in data["milestones"] if row["title"] == "Exchange visit"]
    assert (visit["proposal_inferred"], visit["inference_reason"]) == (True, "LINK-REASON")
    _contact_rows(data["contacts"])


def _agreement_csv(text: str) -> None:
    [row] = _csv(text)
    assert row["parties"] == 'Alpha Council (printed: "City of Alpha"); Beta City (inferred: PARTY-REASON)'
    assert (row["themes_inferred"], row["inference_reason"]) == ("net-zero", "AGREEMENT-THEMES-REASON")


def _pairs_csv(text: str) -> None:
    """The agreements of a pair read as their titles and validity; the flags are in the agreements' own CSV."""
    [row] = _csv(text)
    assert row["agreements"] == "Memorandum of understanding: valid until 6 August 2026"


def _export_sheets(sheets: dict[str, str]) -> None:
    """Every listing's sheet (or JSON rows, written as CSV) keeps what that listing's CSV keeps."""
    _list_csv(sheets["proposals"])
    _pairs_csv(sheets["pairs"])
    _agreement_csv(sheets["agreements"])
    _themes_rows(_csv(sheets["themes"]))
    _milestone_rows(_csv(sheets["milestones"]))
    _contact_rows(_csv(sheets["contacts"]))


def _export_json(text: str) -> None:
    data = _json(text)
    _list_json(json.dumps(data["proposals"]))
    _agreement(data["pairs"][0]["agreements"][0])
    _agreement(data["agreements"][0])
    _themes_rows(data["themes"])
    _milestone_rows(data["milestones"])
    _contact_rows(data["contacts"])


AGREEMENT_TEXT = ('Alpha Council (printed: "City of Alpha")', "Beta City*", "net-zero*")


def _pair_json(text: str) -> None:
    data = _json(text)
    _agreement(data["agreements"][0])
    assert (data["proposals"][0]["inferred_themes"], data["proposals"][0]["inferred_types"]) == (
        ["net-zero"],
        ["knowledge-exchange"],
    )
    [visit] = data["milestones"]
    assert (visit["proposal_inferred"], visit["inference_reason"]) == (True, "LINK-REASON")
    gdp = data["snapshots"][0]["gdp_per_head"]
    assert (gdp["currency_inferred"], gdp["inference_reason"]) == (True, "CURRENCY-REASON")


REPORT_REASONS = ("PARTY-REASON", "CURRENCY-REASON", "PROPOSAL-REASON", "LINK-REASON", "ORGANISATION-REASON")

# What each format of each subject must show: the marked values, the legend, the flags and reasons.
EXPECTED: dict[tuple[str, str], Callable[[str], None]] = {
    ("list", "table"): _has("net-zero*", f"* {THEMES_LEGEND}"),
    ("list", "json"): _list_json,
    ("list", "csv"): _list_csv,
    ("pairs", "table"): lambda text: None,  # the table names each pair's first agreement and its validity only
    ("pairs", "json"): lambda text: _agreement(_json(text)[0]["agreements"][0]),
    ("pairs", "csv"): _pairs_csv,
    ("themes", "table"): _has("1 (0 ticked, 1 inferred)"),
    ("themes", "json"): lambda text: _themes_rows(_json(text)),
    ("themes", "csv"): lambda text: _themes_rows(_csv(text)),
    ("orgs", "table"): lambda text: None,  # organisations: nothing of them is marked inferred in the data
    ("orgs", "json"): lambda text: None,
    ("orgs", "csv"): lambda text: None,
    ("agreements", "table"): _has(*AGREEMENT_TEXT, f"* {PARTY_LEGEND}", f"* {AGREEMENT_THEMES_LEGEND}"),
    ("agreements", "json"): lambda text: _agreement(_json(text)[0]),
    ("agreements", "csv"): _agreement_csv,
    ("org", "text"): _has(*AGREEMENT_TEXT, "PARTY-REASON", "AGREEMENT-THEMES-REASON"),
    ("org", "json"): lambda text: _agreement(_json(text)["agreements"][0]),
    ("contacts", "table"): _has("Alpha Council*", f"* {ORGANISATION_LEGEND}"),
    ("contacts", "json"): lambda text: _contact_rows(_json(text)),
    ("contacts", "csv"): lambda text: _contact_rows(_csv(text)),
    ("list", "xlsx"): _sheet(_list_csv),
    ("pairs", "xlsx"): _sheet(_pairs_csv),
    ("themes", "xlsx"): _sheet(lambda text: _themes_rows(_csv(text))),
    ("orgs", "xlsx"): lambda text: None,
    ("agreements", "xlsx"): _sheet(_agreement_csv),
    ("contacts", "xlsx"): _sheet(lambda text: _contact_rows(_csv(text))),
    ("milestones", "xlsx"): _sheet(lambda text: _milestone_rows(_csv(text))),
    ("export", "xlsx"): lambda text: _export_sheets(json.loads(text)),
    ("export", "json"): _export_json,
    ("contacts", "vcard"): _has("ORG:Alpha Council", "Organisation inferred:", "ORGANISATION-REASON"),  # folded
    ("milestones", "table"): _has("P1*", f"* {LINK_LEGEND}"),
    ("milestones", "json"): lambda text: _milestone_rows(_json(text)),
    ("milestones", "csv"): lambda text: _milestone_rows(_csv(text)),
    ("milestones", "ics"): _has("(link to P1 inferred)", "P1*", "LINK-REASON", "net-zero*"),
    ("show", "text"): _has(
        "net-zero*", "knowledge-exchange*", "Exchange visit*", "Alpha Council*", *REPORT_REASONS[2:]
    ),
    ("show", "json"): _show_json,
    ("show-pair", "text"): _has(
        'Alpha Council (printed: "City of Alpha")',
        "Beta City*",
        "(USD*)",
        "net-zero*",
        "(P1*)",
        "Ann Smith · Alpha Council* · ann.smith@alpha.example",
        f"* {PARTY_LEGEND}",
        "AGREEMENT-THEMES-REASON",
        *REPORT_REASONS,
    ),
    ("show-pair", "json"): _pair_json,
    ("report", "markdown"): _has(
        'Alpha Council (printed: "City of Alpha")',
        "Beta City\\*",
        "(USD\\*)",
        "Low Carbon\\*",
        "| P1\\* |",
        "| Net Zero / Low Carbon\\* |\n",
        "| Alpha Council\\* |",
        f"\\* {PARTY_LEGEND}",
        f"\\* {AGREEMENT_THEMES_LEGEND}",
        "AGREEMENT-THEMES-REASON",
        *REPORT_REASONS,
    ),
    ("report", "pdf"): _has(  # the printed words, white space made single spaces: no cell that may wrap
        "(USD*)",
        f"* {PARTY_LEGEND}",
        f"* {AGREEMENT_THEMES_LEGEND}",
        "AGREEMENT-THEMES-REASON",
        *REPORT_REASONS,
    ),
    ("report", "html"): _has(
        "Alpha Council (printed: &quot;City of Alpha&quot;)",
        "Beta City*",
        "(USD*)",
        "Low Carbon*",
        "<td>P1*</td>",
        "<td>Net Zero / Low Carbon*</td>",
        f"* {html.escape(AGREEMENT_THEMES_LEGEND)}",
        "<td>Alpha Council*</td>",
        f"* {PARTY_LEGEND}",
        "AGREEMENT-THEMES-REASON",
        *REPORT_REASONS,
    ),
}

EVERY_FORMAT = [
    pytest.param(family.name, each, id=f"{family.name}-{each.name}")
    for family in FAMILIES
    if family.name not in SHOWS_NO_INFERENCE
    for each in family
]


def test_every_family_is_checked_or_says_why_not() -> None:
    assert {family.name for family in FAMILIES} == set(SUBJECTS) | set(SHOWS_NO_INFERENCE)
    assert set(SUBJECTS).isdisjoint(SHOWS_NO_INFERENCE)


def test_every_format_of_every_subject_has_its_expectation() -> None:
    wanted = {
        (subject, each.name)
        for family in FAMILIES
        if family.name in SUBJECTS
        for subject in SUBJECTS[family.name]
        for each in family
    }
    assert wanted == set(EXPECTED)


@pytest.mark.parametrize(("family", "chosen"), EVERY_FORMAT)
def test_every_format_marks_every_inferred_value(
    family: str,
    chosen: Format,
    catalog: Catalog,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    if chosen.name == "pdf" and not browser_installed():
        pytest.skip("no Chromium or Chrome to print with")
    for subject, build in SUBJECTS[family].items():
        capsys.readouterr()
        text = chosen.render(build(catalog))
        shown = capsys.readouterr().out if chosen.screen else text
        if isinstance(shown, bytes):  # a workbook's cells, or a PDF's words
            shown = _workbook(shown) if chosen.name == "xlsx" else pdf_text(shown)
            if shown is None:
                pytest.skip("pdftotext (poppler-utils) is not installed")
        assert isinstance(shown, str)
        EXPECTED[(subject, chosen.name)](shown)


def test_a_lost_mark_is_caught(catalog: Catalog) -> None:
    """The checks above fail for output without the marks: here, the fixture's values shown bare."""
    with pytest.raises(AssertionError):
        EXPECTED[("milestones", "table")]("Early 2025  Exchange visit  alpha-beta  milestone  P1\n")
    with pytest.raises(AssertionError):
        _show_json(json.dumps({"inferred_themes": [], "inference_reason": None, "milestones": []}))
    with pytest.raises(AssertionError):
        EXPECTED[("contacts", "table")]("Ann Smith  Alpha Council  ann.smith@alpha.example\n")
    with pytest.raises(AssertionError):
        _contact_rows([{"name": "Ann Smith", "organisation_inferred": False, "inference_reason": None}])
