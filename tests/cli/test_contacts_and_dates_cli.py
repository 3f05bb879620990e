"""``twins contacts`` filtered like ``twins list``, ``twins milestones`` by dates, kind, proposal and
overdue, and where a proposal's facts come from (``sources`` apart from ``roadmap_sources``).

Facts are those of tests/fixtures/sample, and of tests/fixtures/status for recorded progress.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from conftest import FIXTURES, Run, WriteRoadmap

STATUS = FIXTURES / "status"
KINGSPORT = "kingsport-hanbit"


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.output
    return result


def rows_of(run: Run, *args: str) -> list[dict[str, Any]]:
    rows = json.loads(ok(run(*args, "--format", "json")).stdout)
    assert isinstance(rows, list)
    return rows


def on(contacts: list[dict[str, Any]]) -> set[str]:
    """Every qualified proposal id the contacts are listed on."""
    return {proposal for row in contacts for proposal in row["proposals"]}


# --- contacts: the proposal filters of `twins list` --------------------------------------------


@pytest.mark.parametrize(
    "filters",
    [
        ("--theme", "cyber"),
        ("--theme", "net zero", "--theme", "sme"),
        ("--type", "knowledge-exchange"),
        ("--stage", "future"),
        ("--stage", "priority"),
        ("--search", "mission"),
        ("--pair", "kingsport", "--theme", "smart-cities"),
        ("--theme", "smart-cities", "--type", "rdi", "--stage", "priority"),
        ("--stage", "future", "--search", "hydrogen"),
    ],
)
def test_contacts_are_the_people_on_the_proposals_list_selects(run: Run, filters: tuple[str, ...]) -> None:
    listed = {f"{row['pair']}/{row['id']}" for row in rows_of(run, "list", *filters)}
    contacts = rows_of(run, "contacts", *filters)
    assert contacts  # each combination matches someone in the sample
    assert on(contacts) <= listed  # only the matching proposals are listed against a person
    everyone = rows_of(run, "contacts")
    expected = {proposal for row in everyone for proposal in row["proposals"] if proposal in listed}
    assert on(contacts) == expected  # and every person on a matching proposal is there
    assert all(row["proposals"] for row in contacts)  # nobody on none of them


def test_contacts_by_theme_facts(run: Run) -> None:
    contacts = rows_of(run, "contacts", "--theme", "cyber")
    by_email = {row["email"]: row["proposals"] for row in contacts}
    assert by_email["minsu.park@hanbit-univ.example"] == [f"{KINGSPORT}/P5", f"{KINGSPORT}/P6"]
    assert by_email["jun.seo@technopark.example"] == [f"{KINGSPORT}/P1", f"{KINGSPORT}/P2"]
    assert "adam.hale@railbus.example" not in by_email  # P8 and P12 are not about cybersecurity


def test_contacts_stage_and_search_narrow_the_proposals_shown(run: Run) -> None:
    contacts = rows_of(run, "contacts", "--stage", "future")
    railbus = {row["email"]: row["proposals"] for row in contacts}
    assert railbus["adam.hale@railbus.example"] == [f"{KINGSPORT}/P12"]  # not P8, a priority proposal
    assert rows_of(run, "contacts", "--search", "no such words anywhere") == []
    assert ok(run("contacts", "--search", "no such words anywhere")).stdout == "No contacts match these filters.\n"


def test_contacts_org_keeps_people_of_the_organisation(run: Run) -> None:
    """--org narrows the people, so it keeps one on no proposal; with a proposal filter, both must hold."""
    names = [row["name"] for row in rows_of(run, "contacts", "--org", "uok")]
    assert "Ian Grey" in names  # on no proposal
    cyber_uok = rows_of(run, "contacts", "--org", "uok", "--theme", "cyber")
    assert [row["email"] for row in cyber_uok] == ["a.hart@uok.example", "b.okoro@uok.example", "cdoyle07@uok.example"]


def test_contacts_of_several_ids_one_row_per_person(run: Run) -> None:
    contacts = rows_of(run, "contacts", "P5", "P6")
    emails = [row["email"] for row in contacts]
    assert len(emails) == len(set(emails)) == 6
    minsu = [row for row in contacts if row["email"] == "minsu.park@hanbit-univ.example"]
    assert [row["proposals"] for row in minsu] == [[f"{KINGSPORT}/P5", f"{KINGSPORT}/P6"]]
    assert on(contacts) == {f"{KINGSPORT}/P5", f"{KINGSPORT}/P6"}
    table = ok(run("contacts", "P5", "P6")).stdout
    assert table.count("Prof Minsu Park") == 1
    assert "P5, P6" in table
    assert ok(run("contacts", f"{KINGSPORT}/P5", "p6")).stdout == table


def test_contacts_ids_and_filters_combine(run: Run) -> None:
    assert on(rows_of(run, "contacts", "P5", "P8", "--theme", "cyber")) == {f"{KINGSPORT}/P5"}
    assert rows_of(run, "contacts", "P5", "--pair", "severn-bora") == []
    uok_on_p5 = rows_of(run, "contacts", "P5", "--org", "uok")
    assert [row["email"] for row in uok_on_p5] == ["a.hart@uok.example", "b.okoro@uok.example", "cdoyle07@uok.example"]


def test_one_row_per_person_in_csv_and_vcard(run: Run) -> None:
    """A person on several proposals is one CSV row and one card, listing them all."""
    rows = list(csv.DictReader(io.StringIO(ok(run("contacts", "--format", "csv")).stdout)))
    emails = [row["email"] for row in rows if row["email"]]
    assert len(emails) == len(set(emails))
    adam = [row for row in rows if row["email"] == "adam.hale@railbus.example"]
    assert [row["proposals"] for row in adam] == [f"{KINGSPORT}/P8; {KINGSPORT}/P12"]
    cards = ok(run("contacts", "P5", "P6", "--format", "vcard")).stdout
    assert cards.count("BEGIN:VCARD") == 6
    assert cards.count("EMAIL;TYPE=INTERNET:minsu.park@hanbit-univ.example") == 1
    assert f"NOTE:Innovation Twins\\, {KINGSPORT}: P5\\, P6 (Hanbit side)" in cards


def test_one_sheet_keeps_its_layout(run: Run) -> None:
    """One id alone is the proposal's contact sheet, in the roadmap's order, without a Proposals column."""
    header = ok(run("contacts", "P5")).stdout.splitlines()[0].split()
    assert header == ["Name", "Role", "Organisation", "E-mail", "Side"]
    several = ok(run("contacts", "P5", "--theme", "cyber")).stdout.splitlines()[0].split()
    assert several[-1] == "Proposals"


# --- milestones: dates, kinds, proposals, overdue ----------------------------------------------


def titles(rows: list[dict[str, Any]]) -> list[str]:
    return [row["title"] for row in rows]


def test_milestones_from_to_include_the_past(run: Run) -> None:
    rows = rows_of(run, "milestones", "--as-of", "2026-01-01", "--from", "2024-04-01", "--to", "2024-06-30")
    assert titles(rows) == [
        "Roadmap adopted by both cities",
        "Roadmap launched and proposals initiated",
        "Hanbit Cyber Security HackTheon",
    ]


def test_milestones_from_alone_and_to_alone(run: Run) -> None:
    since = rows_of(run, "milestones", "--as-of", "2020-01-01", "--from", "2025-06-01")
    assert [row["date"] for row in since] == ["2025-06", "2025-06", "2025-08-06"]
    # --to without --from counts from --as-of, as the upcoming list does
    until = rows_of(run, "milestones", "--as-of", "2025-05-01", "--to", "2025-06-30")
    assert [row["date"] for row in until] == ["2025-05", "2025-06", "2025-06"]
    # with --all, from the first date
    everything_until = rows_of(run, "milestones", "--all", "--to", "2024-02-29")
    assert titles(everything_until) == ["P5 Cyber Lab starts"]


def test_milestones_from_with_within(run: Run) -> None:
    rows = rows_of(run, "milestones", "--as-of", "2026-01-01", "--from", "2024-05-01", "--within", "2m")
    assert titles(rows) == ["Hanbit Cyber Security HackTheon"]


def test_milestones_within_counts_from_from(run: Run) -> None:
    """--within with --from ends the window that long after --from, not after --as-of."""
    assert rows_of(run, "milestones", "--from", "2024-12-01", "--within", "10d") == rows_of(
        run, "milestones", "--from", "2024-12-01", "--to", "2024-12-11"
    )


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (("milestone",), {"milestone"}),
        (("agreement-expiry",), {"agreement-expiry"}),
        (("proposal-start", "PROPOSAL-END"), {"proposal-start", "proposal-end"}),
    ],
)
def test_milestones_kind(run: Run, kinds: tuple[str, ...], expected: set[str]) -> None:
    args = [arg for kind in kinds for arg in ("--kind", kind)]
    rows = rows_of(run, "milestones", "--all", *args)
    assert rows
    assert {row["kind"] for row in rows} == expected


def test_milestones_proposal(run: Run) -> None:
    rows = rows_of(run, "milestones", "--all", "--proposal", "P5")
    assert titles(rows) == ["P5 Cyber Lab starts", "Hanbit Cyber Security HackTheon", "P5 Cyber Lab finishes"]
    both = rows_of(run, "milestones", "--all", "--proposal", "P5", "--proposal", f"{KINGSPORT}/P2")
    assert {row["proposal"] for row in both} == {"P5", "P2"}
    inferred = [row for row in both if row["proposal_inferred"]]
    assert titles(inferred) == ["Hanbit SME mission to Kingsport"]  # an inferred link counts
    only = rows_of(run, "milestones", "--all", "--proposal", "P5", "--kind", "milestone", "--pair", KINGSPORT)
    assert titles(only) == ["Hanbit Cyber Security HackTheon"]
    assert rows_of(run, "milestones", "--all", "--proposal", "P5", "--pair", "severn-bora") == []


def test_milestones_overdue(run: Run) -> None:
    """A planned date passed with nothing recorded; a recorded one, an expiry and a future date are not."""
    rows = rows_of(run, "--roadmaps", str(STATUS), "milestones", "--overdue", "--as-of", "2026-01-01")
    assert titles(rows) == [
        "P1 Finished on paper starts",
        "P2 Not started yet starts",
        "P1 Finished on paper finishes",
        "Site visit",
        "P4 Still going finishes",
    ]
    # Kick-off happened, P3 completed, P4 started (active), the summit is later
    table = ok(run("--roadmaps", str(STATUS), "milestones", "--overdue", "--as-of", "2026-01-01")).stdout
    assert "Kick-off" not in table and "P3" not in table and "Summit" not in table
    narrowed = rows_of(
        run, "--roadmaps", str(STATUS), "milestones", "--overdue", "--as-of", "2026-01-01", "--kind", "milestone"
    )
    assert titles(narrowed) == ["Site visit"]
    bounded = rows_of(
        run, "--roadmaps", str(STATUS), "milestones", "--overdue", "--as-of", "2026-01-01", "--from", "2024-06-01"
    )
    assert titles(bounded) == ["P1 Finished on paper finishes", "Site visit", "P4 Still going finishes"]
    early = rows_of(run, "--roadmaps", str(STATUS), "milestones", "--overdue", "--as-of", "2024-02-01")
    assert titles(early) == ["P1 Finished on paper starts"]  # January 2024 is wholly past on 1 February


def test_milestones_nothing_matching_said_once(run: Run) -> None:
    result = ok(run("milestones", "--kind", "agreement-expiry", "--proposal", "P5"))
    assert result.stdout == "No dates match these filters.\n"
    result = ok(run("milestones", "--as-of", "2030-01-01", "--kind", "milestone"))
    assert result.stdout.splitlines()[0] == "Nothing upcoming after 2030-01-01. The most recent:"
    assert result.stdout.count("Nothing upcoming") == 1
    assert "Mayor of Hanbit visit to Kingsport" in result.stdout  # the most recent milestone
    assert "proposal-end" not in result.stdout and "agreement-expiry" not in result.stdout
    overdue = ok(run("milestones", "--overdue", "--as-of", "2000-01-01"))
    assert overdue.stdout == "No dates match these filters.\n"


def test_milestones_json_source(run: Run, tmp_path: Path) -> None:
    rows = rows_of(run, "milestones", "--all")
    by_kind = {row["kind"]: row["source"] for row in rows}
    assert by_kind["milestone"] == "roadmap.txt"  # the milestone's own source
    assert by_kind["agreement-expiry"] == "roadmap.txt"  # the agreement's
    assert by_kind["proposal-start"] is None  # a planned date: the roadmap's sources apply


# --- sources: a proposal's own, the roadmap's apart --------------------------------------------


def test_show_sources_without_own(run: Run) -> None:
    data = json.loads(ok(run("show", "P5", "--format", "json")).stdout)
    assert data["sources"] == []
    assert [source["file"] for source in data["roadmap_sources"]] == ["roadmap.txt", "press.txt", "programme-page.txt"]
    page = ok(run("show", "P5")).stdout
    assert "\nSOURCES\n" not in page
    assert "\nROADMAP SOURCES\n- roadmap.txt — " in page


def test_show_sources_of_recorded_progress(run: Run) -> None:
    data = json.loads(ok(run("--roadmaps", str(STATUS), "show", "P3", "--format", "json")).stdout)
    assert data["sources"] == ["roadmap.txt"]  # its progress notes cite it
    assert [source["file"] for source in data["roadmap_sources"]] == ["roadmap.txt"]
    page = ok(run("--roadmaps", str(STATUS), "show", "P3")).stdout
    assert "\nSOURCES\n- roadmap.txt\n" in page


def test_pairs_agreement_source(run: Run) -> None:
    rows = rows_of(run, "pairs")
    assert rows[0]["agreements"][0]["source"] == "roadmap.txt"


def test_show_prints_a_timeline_as_printed_beside_its_months(run: Run, write_roadmap: WriteRoadmap) -> None:
    path = write_roadmap(("      end: 2025-03\n", "      end: 2025-03\n      end_as_printed: Finishes on March 2025\n"))
    data = json.loads(ok(run("--roadmaps", str(path.parent), "show", "P1", "--format", "json")).stdout)
    assert (data["start_as_printed"], data["end_as_printed"]) == (None, "Finishes on March 2025")
    page = ok(run("--roadmaps", str(path.parent), "show", "P1")).stdout
    assert "\nTIMELINE\n- Mar 2024 – Mar 2025\n- printed: “Finishes on March 2025”\n" in page
    assert "*" not in page.split("\nTIMELINE\n")[1].split("\n\n")[0]  # the words printed, not an inference


def test_show_timeline_without_printed_words_is_one_line(run: Run) -> None:
    data = json.loads(ok(run("show", "P5", "--format", "json")).stdout)
    assert (data["start_as_printed"], data["end_as_printed"]) == (None, None)
    assert "printed:" not in ok(run("show", "P5")).stdout
