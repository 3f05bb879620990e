"""The transcribed roadmaps say what their sources say.

Facts of the Belfast–Sejong roadmap (source 001, April 2024) are written here as literals, so a
change to the data that loses or alters one fails a test. Where the source text is at hand
(shared/seeds beside the repository, as in CI) it is also read and compared directly.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from twins_cli.validate import check_files
from twins_cli.yamlload import load_document

REPO = Path(__file__).resolve().parents[1]
ROADMAPS = REPO / "roadmaps"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SOURCE_001 = SEEDS / "001_44d9116bc8d325fe.txt"

needs_source = pytest.mark.skipif(
    not SOURCE_001.is_file(), reason=f"source text {SOURCE_001} is not present (shared/ is not beside the repo)"
)

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")

TITLES = {
    "P1": "Smart Cities Cluster Mission to Sejong",
    "P2": "Smart Cities Cluster Mission to Belfast",
    "P3": "Global Open Innovation Network",
    "P4": "Green City Accelerator",
    "P5": "Cyber-Cities",
    "P6": "Security in Space",
    "P7": "5G Urban Testbeds for the Internet of Things",
    "P8": "Urban Transport and Pathways to Net Zero",
    "P9": "Sharing Urban Practice",
    "P10": "5G Enabled Cities",
    "P11": "Autonomous Urban Travel",
    "P12": "Accelerating Digital Twin Adoption",
    "P13": "Public Transport & Hydrogen",
    "P14": "Urban Data for Active Travel",
}
PRIORITY = [f"P{number}" for number in range(1, 9)]
FUTURE = [f"P{number}" for number in range(9, 15)]
TIMELINES = {
    "P1": ("2024-03", "2024-03"),
    "P2": ("2025-03", "2025-03"),
    "P3": ("2024-03", "2025-03"),
    "P4": ("2024-04", "2025-03"),
    "P5": ("2024-02", "2025-06"),
    "P6": ("2024-03", "2025-06"),
    "P7": ("2024-04", "2025-03"),
    "P8": ("2024-03", "2025-03"),
}
TICKS_LEGIBLE = ["P1", "P2", "P3", "P4", "P10", "P13"]
TICKS_INFERRED = ["P5", "P6", "P7", "P8", "P9", "P11", "P12", "P14"]
# Addresses in the source that belong to an organisation, not a person: recorded in notes.
ORGANISATION_ADDRESSES = {"info@cp.catapult.org.uk"}


def load(name: str) -> dict[str, Any]:
    doc = load_document(ROADMAPS / f"{name}.yaml")
    assert doc.problems == []
    assert isinstance(doc.data, dict)
    return doc.data


@pytest.fixture(scope="module")
def belfast() -> dict[str, Any]:
    return load("belfast-sejong")


@pytest.fixture(scope="module")
def proposals(belfast: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {proposal["id"]: proposal for proposal in belfast["proposals"]}


@pytest.fixture(scope="module")
def people(belfast: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {person["id"]: person for person in belfast["people"]}


@pytest.fixture(scope="module")
def organisations(belfast: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {organisation["id"]: organisation for organisation in belfast["organisations"]}


def test_the_builtin_roadmaps_are_valid() -> None:
    checked = check_files(sorted(ROADMAPS.glob("*.yaml")))
    assert [problem.format() for problem in checked.problems] == []
    assert checked.summary() == "4 roadmaps, 14 proposals: valid"


# --- Belfast–Sejong ---------------------------------------------------------------------------------


def test_fourteen_proposals_in_order(belfast: dict[str, Any]) -> None:
    assert [proposal["id"] for proposal in belfast["proposals"]] == PRIORITY + FUTURE


def test_stages(proposals: dict[str, dict[str, Any]]) -> None:
    assert [pid for pid, proposal in proposals.items() if proposal["stage"] == "priority"] == PRIORITY
    assert [pid for pid, proposal in proposals.items() if proposal["stage"] == "future"] == FUTURE


def test_titles_as_in_the_overview_tables(proposals: dict[str, dict[str, Any]]) -> None:
    assert {pid: proposal["title"] for pid, proposal in proposals.items()} == TITLES


def test_timelines(proposals: dict[str, dict[str, Any]]) -> None:
    found = {
        pid: (proposal["timeline"]["start"], proposal["timeline"]["end"])
        for pid, proposal in proposals.items()
        if "timeline" in proposal
    }
    assert found == TIMELINES
    assert all("timeline" not in proposals[pid] for pid in FUTURE)


def test_p5_contacts(proposals: dict[str, dict[str, Any]], people: dict[str, dict[str, Any]]) -> None:
    assert [people[person]["email"] for person in proposals["P5"]["contacts"]] == [
        "s.scott-hayward@qub.ac.uk",
        "o.olukoya@qub.ac.uk",
        "mdarcy05@qub.ac.uk",
        "doohochoi@korea.ac.kr",
        "barogagi0929@korea.kr",
    ]


def test_p3_leads(proposals: dict[str, dict[str, Any]], organisations: dict[str, dict[str, Any]]) -> None:
    assert [organisations[lead]["name"] for lead in proposals["P3"]["leads"]] == [
        "Catalyst",
        "Sejong TechnoPark",
        "Sejong Centre for Creative Economy & Innovation",
    ]
    assert organisations["sejong-ccei"]["short_name"] == "CCEI"


def test_milestones(belfast: dict[str, Any]) -> None:
    assert [milestone["date"] for milestone in belfast["milestones"]] == [
        "2024-04",
        "2024-04",
        "2024-04",
        "2024-06",
        "Early 2025",
        "2025-05",
    ]


def test_the_belfast_sejong_mou(belfast: dict[str, Any]) -> None:
    signed = [agreement for agreement in belfast["agreements"] if "signed_in" in agreement]
    assert len(signed) == 1
    mou = signed[0]
    assert mou["kind"] == "mou"
    assert (mou["signed"], mou["signed_in"], mou["valid_until"]) == ("2023-08-07", "Belfast", "2025-08-06")
    assert {party["organisation"] for party in mou["parties"]} == {"sejong-city", "belfast-city-council"}


def test_inferred_marks_where_the_ticks_are_not_legible(proposals: dict[str, dict[str, Any]]) -> None:
    assert [pid for pid in proposals if "inferred" not in proposals[pid]] == TICKS_LEGIBLE
    assert [pid for pid in proposals if "inferred" in proposals[pid]] == TICKS_INFERRED
    for pid in TICKS_INFERRED:
        inferred = proposals[pid]["inferred"]
        assert inferred["types"] == proposals[pid]["types"]
        assert inferred["themes"] == proposals[pid]["themes"]
        assert inferred["reason"]


def test_no_person_twice(belfast: dict[str, Any]) -> None:
    emails = [person["email"].casefold() for person in belfast["people"] if "email" in person]
    assert len(emails) == len(set(emails))
    names = [person["name"].casefold() for person in belfast["people"]]
    assert len(names) == len(set(names))


# --- Belfast–Sejong against the source text ------------------------------------------------------


@pytest.fixture(scope="module")
def source_001() -> str:
    return SOURCE_001.read_text(encoding="utf-8")


@needs_source
def test_every_address_in_the_source_is_transcribed(source_001: str, belfast: dict[str, Any]) -> None:
    in_source = set(EMAIL.findall(source_001))
    assert len(in_source) == 30
    yaml_text = (ROADMAPS / "belfast-sejong.yaml").read_text(encoding="utf-8")
    assert sorted(address for address in in_source if address not in yaml_text) == []
    # one address is one person, and no person's address is invented
    people = {person["email"] for person in belfast["people"] if "email" in person}
    assert people == in_source - ORGANISATION_ADDRESSES
    notes = " ".join(belfast["notes"])
    assert all(address in notes for address in ORGANISATION_ADDRESSES)


@needs_source
def test_titles_and_leads_match_the_source_tables(source_001: str, proposals: dict[str, dict[str, Any]]) -> None:
    for pid in PRIORITY:  # one tab-separated row each: id, title, leads
        assert f"\n{pid}\t{TITLES[pid]}\t" in source_001
    for pid in FUTURE:  # id, title and leads on lines of their own
        assert f"\n{pid}\n\n{TITLES[pid]}\n\n" in source_001
    p3_row = next(line for line in source_001.splitlines() if line.startswith("P3\t"))
    assert p3_row.split("\t")[2] == "Catalyst, Sejong TechnoPark and Sejong Centre for Creative Economy & Innovation"


@needs_source
def test_mou_dates_match_the_source(source_001: str) -> None:
    assert "signed in Belfast on 7 August 2023" in source_001
    assert "shall remain valid until 6 August 2025" in source_001


# --- the other pairs -----------------------------------------------------------------------------


def test_liverpool_busan_mou() -> None:
    data = load("liverpool-busan")
    mous = [agreement for agreement in data["agreements"] if agreement["kind"] == "mou"]
    assert len(mous) == 1
    mou = mous[0]
    assert mou["duration_years"] == 5
    assert mou["focus_areas"] == ["digital innovation & smart cities", "net zero & clean energy", "health innovation"]
    assert "signed" not in mou
    assert "proposals" not in data


@pytest.mark.parametrize("pair", ["birmingham-ulsan", "glasgow-daegu"])
def test_pairs_in_development_have_no_proposals(pair: str) -> None:
    data = load(pair)
    assert data["pair"]["id"] == pair
    assert data["pair"]["roadmap"]["status"] == "in-development"
    assert not data.get("proposals")
    assert not data.get("milestones")
