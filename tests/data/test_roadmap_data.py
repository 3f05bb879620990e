"""The transcribed roadmaps say what their sources say.

Facts of the Belfast–Sejong roadmap (source 001, April 2024) are written here as literals, so a
change to the data that loses or alters one fails a test. Where the source text is at hand
(shared/seeds beside the repository, as in CI) it is also read and compared directly.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import Run
from twins_cli.catalog.load import load_catalog
from twins_cli.check.validate import check_files
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.parse.yaml_document import load_document
from twins_cli.query.find import find_pair

REPO = Path(__file__).resolve().parents[2]
ROADMAPS = REPO / "roadmaps"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SOURCE_001 = SEEDS / "001_44d9116bc8d325fe.txt"

SOURCE_FILES = ("000_16d106396c36c9e8.txt", "001_44d9116bc8d325fe.txt", "002_f6ec7ffbcaaa4f5c.txt")

pytestmark = pytest.mark.data

needs_source = pytest.mark.skipif(
    not SOURCE_001.is_file(), reason=f"source text {SOURCE_001} is not present (shared/ is not beside the repo)"
)
needs_sources = pytest.mark.skipif(
    not all((SEEDS / name).is_file() for name in SOURCE_FILES),
    reason=f"the source texts {', '.join(SOURCE_FILES)} are not all in {SEEDS} (shared/ is not beside the repo)",
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


def test_only_p8s_finish_keeps_its_printed_words(proposals: dict[str, dict[str, Any]]) -> None:
    printed = {
        (pid, key): words
        for pid, proposal in proposals.items()
        for key, words in proposal.get("timeline", {}).items()
        if key.endswith("_as_printed")
    }
    assert printed == {("P8", "end_as_printed"): "Finishes on March 2025"}


@needs_source
def test_timeline_words_as_printed_are_the_sources(proposals: dict[str, dict[str, Any]]) -> None:
    lines = SOURCE_001.read_text(encoding="utf-8").splitlines()
    assert "- Finishes on March 2025" in lines
    assert "- Finishes March 2025" in lines  # the plain form, which needs no printed words


def test_show_p8_prints_the_finish_as_printed(run_builtin: Run) -> None:
    assert json.loads(run_builtin("show", "belfast-sejong/P8", "--format", "json").stdout)["end_as_printed"] == (
        "Finishes on March 2025"
    )


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


def _agreement(data: dict[str, Any], agreement_id: str) -> dict[str, Any]:
    return next(agreement for agreement in data["agreements"] if agreement["id"] == agreement_id)


def test_the_p2_milestone_link_is_marked_inferred_with_its_reason(belfast: dict[str, Any]) -> None:
    linked = {milestone["title"]: milestone for milestone in belfast["milestones"] if "proposal" in milestone}
    mission = linked["Sejong SME mission to Belfast"]
    assert (mission["proposal"], mission["proposal_inferred"]) == ("P2", True)
    assert "does not link" in mission["inference_reason"]
    assert not linked["Sejong Cyber Security HackTheon"].get("proposal_inferred")  # P5's description names it


def test_gdp_is_kept_as_printed_with_the_currency_marked_inferred(belfast: dict[str, Any]) -> None:
    figures = {snapshot["place"]: snapshot["gdp_per_head"] for snapshot in belfast["snapshots"]}
    assert {place: gdp["as_written"] for place, gdp in figures.items()} == {"belfast": "$56,811", "sejong": "$28,471"}
    for gdp in figures.values():  # the source prints a bare "$"
        assert (gdp["currency"], gdp["currency_inferred"]) == ("USD", True)
        assert '"$"' in gdp["inference_reason"]


def test_mou_parties_keep_the_names_the_mou_prints(belfast: dict[str, Any]) -> None:
    parties = {party["organisation"]: party for party in _agreement(belfast, "belfast-sejong-mou")["parties"]}
    assert {org: party["as_printed"] for org, party in parties.items()} == {
        "sejong-city": "City of Sejong",
        "belfast-city-council": "City of Belfast",
    }


def test_the_centre_read_as_scnc_is_kept_as_printed_and_marked(belfast: dict[str, Any]) -> None:
    mou = _agreement(belfast, "sejong-carbon-neutrality-centre-belfast-climate-commission-mou")
    centre = mou["parties"][0]
    assert (centre["organisation"], centre["as_printed"]) == (
        "sejong-carbon-neutrality-centre",
        "Sejong's Climate Neutrality Centre",
    )
    assert centre["inferred"] is True
    assert "read as" in centre["inference_reason"]


def test_agreement_themes_mapped_from_focus_areas_are_marked_with_a_reason() -> None:
    for data in (load("belfast-sejong"), load("liverpool-busan")):
        for agreement in data["agreements"]:
            if "themes" in agreement:  # no agreement names a programme theme as such
                assert agreement["themes_inferred"] == agreement["themes"], agreement["id"]
                assert agreement["inference_reason"], agreement["id"]


def test_only_gareth_rhys_davies_s_employer_is_inferred_and_only_in_liverpool_busan() -> None:
    inferred = {
        (name, person["id"]): person["inference_reason"]
        for name in ("belfast-sejong", "birmingham-ulsan", "glasgow-daegu", "liverpool-busan")
        for person in load(name).get("people", ())
        if person.get("organisation_inferred")
    }
    assert list(inferred) == [("liverpool-busan", "gareth-rhys-davies")]
    assert "cp.catapult.org.uk" in inferred[("liverpool-busan", "gareth-rhys-davies")]


@needs_sources
def test_the_programme_page_names_gareth_rhys_davies_without_his_employer() -> None:
    """002, liverpool-busan's source for him, gives only his e-mail; 001 (belfast-sejong's) names the Catapult."""
    page = (SEEDS / "002_f6ec7ffbcaaa4f5c.txt").read_text(encoding="utf-8")
    line = next(line for line in page.splitlines() if "Gareth Rhys Davies" in line)
    assert "gareth.davies@cp.catapult.org.uk" in line and "Connected Places" not in line
    roadmap = SOURCE_001.read_text(encoding="utf-8")
    assert "Connected Places Catapult:\n\nGareth Davies, Head of Asia" in roadmap


def test_contacts_mark_the_inferred_employer(run_builtin: Run) -> None:
    table = run_builtin("contacts", "--pair", "liverpool-busan")
    assert table.exit_code == 0
    assert "Connected Places Catapult*" in table.stdout
    assert "organisation inferred" in table.stdout
    rows = json.loads(run_builtin("contacts", "--pair", "liverpool-busan", "--format", "json").stdout)
    assert [row["name"] for row in rows if row["organisation_inferred"]] == ["Gareth Rhys Davies"]


def test_k_waters_counterpart_is_marked_inferred() -> None:
    deal = _agreement(load("liverpool-busan"), "k-water-mersey-tidal-power-deal")
    counterpart, k_water = deal["parties"]
    assert (counterpart["organisation"], counterpart["inferred"]) == ("liverpool-city-region-combined-authority", True)
    assert "not name" in counterpart["inference_reason"]
    assert "inferred" not in k_water


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


# --- Belfast–Sejong: national context, forewords, overview, visits --------------------------------

# Every national figure as the sources print it: id -> (value, year or None, about).
NATIONAL_FIGURES: dict[str, tuple[str, int | None, str]] = {
    "trade-share-of-gdp": ("70%", 2022, "both"),
    "bilateral-trade-share-of-gdp": ("less than 2%", None, "both"),
    "kr-rank-as-uk-trade-partner-text": ("21st", 2022, "uk"),
    "uk-rank-as-kr-trade-partner-text": ("19th", None, "kr"),
    "uk-innovation-rank-text": ("4th", None, "uk"),
    "kr-innovation-rank-text": ("10th", None, "kr"),
    "oecd-gerd-rank": ("top five", None, "both"),
    "diplomatic-relations": ("over 140 years", None, "both"),
    "uk-total-exports-to-kr": ("£8.6bn", None, "uk"),
    "uk-outward-fdi-stock-in-kr": ("£4.8bn", 2021, "uk"),
    "kr-rank-as-uk-trading-partner-table": ("25th", None, "uk"),
    "kr-rank-as-uk-export-market": ("25th", None, "uk"),
    "kr-rank-as-uk-import-market": ("23rd", None, "uk"),
    "uk-rd-expenditure": ("£69.2bn", 2020, "uk"),
    "uk-ease-of-doing-business-rank": ("8th", None, "uk"),
    "uk-innovation-ecosystem-rank": ("4th", 2023, "uk"),
    "uk-startup-ecosystem-rank": ("2nd", 2023, "uk"),
    "kr-total-exports-to-uk": ("£7.5bn", None, "kr"),
    "kr-outward-fdi-stock-in-uk": ("£1.9bn", 2021, "kr"),
    "uk-rank-as-kr-trading-partner-table": ("20th", 2022, "kr"),
    "uk-rank-as-kr-export-market": ("20th", 2022, "kr"),
    "uk-rank-as-kr-import-market": ("27th", 2022, "kr"),
    "kr-rd-expenditure": ("£63.3bn", 2020, "kr"),
    "kr-ease-of-doing-business-rank": ("4th", None, "kr"),
    "kr-innovation-ecosystem-rank": ("10th", 2023, "kr"),
    "kr-startup-ecosystem-rank": ("8th", 2023, "kr"),
    "total-trade": ("£16.1 BN", None, "both"),
    "ukef-financing-on-offer": ("£4 billion", None, "uk"),
    "uk-innovation-rank-programme-page": ("4th", None, "uk"),
    "kr-innovation-rank-programme-page": ("6th", None, "kr"),
    "kr-rd-share-of-gdp": ("nearly five percent", None, "kr"),
    "diplomatic-relations-programme-page": ("140 years", None, "both"),
}
# The sources' contradictions: each pair is one measure printed two ways, both kept.
CONTRADICTIONS = {
    frozenset({"kr-rank-as-uk-trade-partner-text", "kr-rank-as-uk-trading-partner-table"}),  # 21st / 25th
    frozenset({"uk-rank-as-kr-trade-partner-text", "uk-rank-as-kr-trading-partner-table"}),  # 19th / 20th
    frozenset({"kr-innovation-rank-text", "kr-innovation-rank-programme-page"}),  # 10th / 6th
    frozenset({"kr-innovation-ecosystem-rank", "kr-innovation-rank-programme-page"}),  # 10th / 6th
    frozenset({"diplomatic-relations", "diplomatic-relations-programme-page"}),  # over 140 / will celebrate 140
}
EVENT_DATES = {
    "science-and-technology-cooperation-agreement": "1985",
    "ukef-international-executive": "2023-03",
    "state-visit-2023": "2023-11",
    "downing-street-accord": "2023-11",
    "free-trade-agreement-negotiations": "2023-11",
    "clean-energy-partnership": None,
    "digital-partnership": "2023",
    "space-cooperation-mou": None,
}
PHASES = [
    (1, "Evidence gathering", "2020-21", 2020, 2021),
    (2, "Engaging & disseminating", "2021-22", 2021, 2022),
    (3, "Scale & collaboration", "2022 onwards", 2022, None),
]
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\(#\)")


def normalised(text: str) -> str:
    """Text with the PDF extraction's markdown (bold, empty links, escaped $) removed and whitespace collapsed."""
    text = _MARKDOWN_LINK.sub(r"\1", text.replace("**", "").replace("\\$", "$"))
    return " ".join(text.split())


def roadmap_records(belfast: dict[str, Any]) -> list[dict[str, Any]]:
    """Every record of the roadmap's new kinds: each cites a source and where in it it is printed."""
    context = belfast["national_context"]
    return [
        *context["sections"],
        *context["figures"],
        *context["events"],
        *belfast["forewords"],
        *belfast["overview"].values(),
        *belfast["visits"],
    ]


def programme_records(programme: dict[str, Any]) -> list[dict[str, Any]]:
    """Every record of the programme's new kinds: each cites a source and where in it it is printed."""
    return [
        *programme["programme"]["aims"],
        *programme["programme"]["phases"],
        *programme["programme"]["pairing_basis"],
    ]


def verbatim_texts(belfast: dict[str, Any], programme: dict[str, Any]) -> list[tuple[str, str]]:
    """(source file, text) for every new text that claims to be printed as is."""
    found: list[tuple[str, str]] = []
    sections = [*belfast["national_context"]["sections"], *belfast["overview"].values()]
    for section in sections:
        blocks = [section, *section.get("subsections", ())]
        texts = [section.get("strapline"), *section.get("captions", ())]
        texts += [text for block in blocks for text in [block["heading"], *block.get("paragraphs", ())]]
        texts += [text for block in blocks for text in block.get("points", ())]
        found += [(section["source"], text) for text in texts if text is not None]
    for foreword in belfast["forewords"]:
        found += [(foreword["source"], text) for text in [*foreword["key_points"], *foreword["signed_as"]]]
    for event in belfast["national_context"]["events"]:
        found.append((event["source"], event["description"]))
        if "date_as_printed" in event:
            found.append((event["source"], event["date_as_printed"]))
    for visit in belfast["visits"]:
        found += [(visit["source"], stop["name"]) for stop in visit["visited"]]
    for item in [*programme["programme"]["aims"], *programme["programme"]["pairing_basis"]]:
        found.append((item["source"], item["text"]))
    for phase in programme["programme"]["phases"]:
        found.append((phase["source"], f"{phase['number']} {phase['title']} {phase['period']}"))
        found += [(phase["source"], text) for text in phase["activities"]]
    return found


@pytest.fixture(scope="module")
def programme() -> dict[str, Any]:
    return load("programme")


@pytest.fixture(scope="module")
def figures(belfast: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {figure["id"]: figure for figure in belfast["national_context"]["figures"]}


@pytest.fixture(scope="module")
def sources() -> dict[str, str]:
    """The source texts by file name, normalised (empty when shared/ is not beside the repo)."""
    return {
        name: normalised((SEEDS / name).read_text(encoding="utf-8"))
        for name in SOURCE_FILES
        if (SEEDS / name).is_file()
    }


def test_national_figures(figures: dict[str, dict[str, Any]]) -> None:
    assert {
        figure_id: (figure["value"], figure.get("year"), figure["about"]) for figure_id, figure in figures.items()
    } == NATIONAL_FIGURES


def test_each_figure_keeps_its_year_and_unit_in_its_printed_phrase(figures: dict[str, dict[str, Any]]) -> None:
    for figure in figures.values():
        printed = normalised(figure["as_printed"])
        assert figure["value"] in printed, figure["id"]
        number_removed = re.sub(r"[0-9.,]", "", figure["value"])
        assert all(token in number_removed for token in figure.get("unit", "").split()), figure["id"]
        assert "unit" in figure or not re.search(r"[£$%]", figure["value"]), figure["id"]
        if "year" in figure:
            assert str(figure["year"]) in printed, figure["id"]
        assert not re.search(r"\b(USD|GBP|KRW)\b", figure["value"] + figure.get("unit", "")), figure["id"]


def test_contradictions_are_recorded_both_ways(figures: dict[str, dict[str, Any]]) -> None:
    recorded = {
        frozenset({figure_id, other})
        for figure_id, figure in figures.items()
        for other in figure.get("conflicts_with", ())
    }
    assert recorded == CONTRADICTIONS
    for pair in recorded:
        first, second = (figures[figure_id] for figure_id in sorted(pair))
        assert first["id"] in second["conflicts_with"] and second["id"] in first["conflicts_with"]
        assert first["value"] != second["value"] or first["as_printed"] != second["as_printed"]
        assert first.get("note") and second.get("note")  # each side says what the other prints


def test_context_events(belfast: dict[str, Any]) -> None:
    events = belfast["national_context"]["events"]
    assert {event["id"]: event.get("date") for event in events} == EVENT_DATES
    for event in events:  # a date is printed for the event itself, else it is marked inferred
        assert ("date_as_printed" in event) or event.get("date_inferred") or "date" not in event, event["id"]
        if event.get("date_inferred"):
            assert event.get("note"), event["id"]


def test_ids_are_unique(belfast: dict[str, Any]) -> None:
    context = belfast["national_context"]
    for records in (context["figures"], context["events"], belfast["visits"]):
        ids = [record["id"] for record in records]
        assert len(ids) == len(set(ids))


def test_new_records_cite_listed_sources_and_known_ids(belfast: dict[str, Any], programme: dict[str, Any]) -> None:
    listed = {source["file"] for source in belfast["sources"]}
    places = {place["id"] for place in belfast["pair"]["places"]}
    people = {person["id"] for person in belfast["people"]}
    organisations = {organisation["id"] for organisation in belfast["organisations"]}
    assert all(record["source"] in listed for record in roadmap_records(belfast))
    assert all(record["source"] in SOURCE_FILES for record in programme_records(programme))
    for foreword in belfast["forewords"]:
        assert foreword["place"] in places and foreword["by"] in people
    for visit in belfast["visits"]:
        assert {visit["from"], visit["to"]} <= places and visit["led_by"] in people
        assert {stop["organisation"] for stop in visit["visited"] if "organisation" in stop} <= organisations


def test_programme_phases(programme: dict[str, Any]) -> None:
    phases = programme["programme"]["phases"]
    assert [
        (phase["number"], phase["title"], phase["period"], phase["from_year"], phase.get("to_year")) for phase in phases
    ] == PHASES
    assert len(programme["programme"]["aims"]) == 5


def test_overview_does_not_repeat_what_the_file_already_holds(belfast: dict[str, Any]) -> None:
    held = {normalised(belfast["pair"]["roadmap"]["summary"])}
    held |= {normalised(snapshot["ambition"]["text"]) for snapshot in belfast["snapshots"] if "ambition" in snapshot}
    paragraphs = [
        normalised(paragraph)
        for section in [*belfast["national_context"]["sections"], *belfast["overview"].values()]
        for block in [section, *section.get("subsections", ())]
        for paragraph in block.get("paragraphs", ())
    ]
    assert not any(paragraph in text for paragraph in paragraphs for text in held)


@needs_sources
def test_every_figure_is_printed_verbatim_in_its_source(
    figures: dict[str, dict[str, Any]], sources: dict[str, str]
) -> None:
    for figure in figures.values():
        printed = normalised(figure["as_printed"])
        assert printed in sources[figure["source"]], figure["id"]
        assert figure["value"] in sources[figure["source"]], figure["id"]


@needs_sources
def test_both_sides_of_each_contradiction_are_in_the_sources(
    figures: dict[str, dict[str, Any]], sources: dict[str, str]
) -> None:
    for pair in CONTRADICTIONS:
        for figure_id in pair:
            figure = figures[figure_id]
            assert normalised(figure["as_printed"]) in sources[figure["source"]], figure_id
    # the roadmap contradicts itself on the ROK's rank among the UK's partners
    assert "the UK's 21st largest trade partner in 2022" in sources["001_44d9116bc8d325fe.txt"]
    assert "ROK is the UK's trading partner 25th" in sources["001_44d9116bc8d325fe.txt"]
    assert "Korea follows closely in 6th place" in sources["002_f6ec7ffbcaaa4f5c.txt"]


@needs_sources
def test_new_texts_are_verbatim(belfast: dict[str, Any], programme: dict[str, Any], sources: dict[str, str]) -> None:
    missing = [text for source, text in verbatim_texts(belfast, programme) if normalised(text) not in sources[source]]
    assert missing == []


@needs_sources
def test_printed_in_names_headings_of_the_source(belfast: dict[str, Any], programme: dict[str, Any]) -> None:
    for record in [*roadmap_records(belfast), *programme_records(programme)]:
        if record["source"] == "000_16d106396c36c9e8.txt":  # the press release has no headings
            continue
        lines = {normalised(line) for line in (SEEDS / record["source"]).read_text(encoding="utf-8").splitlines()}
        for heading in record["printed_in"].split(" > "):
            assert heading in lines, (record["printed_in"], record["source"])


@needs_sources
def test_no_person_or_address_that_is_not_in_the_sources(belfast: dict[str, Any], sources: dict[str, str]) -> None:
    everything = " ".join(sources.values())
    in_sources = set(EMAIL.findall(everything))
    for name in ("belfast-sejong", "programme"):
        in_file = set(EMAIL.findall((ROADMAPS / f"{name}.yaml").read_text(encoding="utf-8")))
        assert in_file <= in_sources, name
    assert [person["name"] for person in belfast["people"] if person["name"] not in everything] == []
    names = {person["id"]: person["name"] for person in belfast["people"]}
    for foreword in belfast["forewords"]:  # the person is the one who signs it
        assert names[foreword["by"]] in " ".join(foreword["signed_as"])
    for visit in belfast["visits"]:
        assert names[visit["led_by"]] in sources[visit["source"]]


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


# --- names people type ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "pair"),
    [
        ("세종특별자치시", "belfast-sejong"),
        ("Sejong", "belfast-sejong"),
        ("Belfast-Sejong", "belfast-sejong"),
        ("belfast–sejong", "belfast-sejong"),
        ("Liverpool City Region", "liverpool-busan"),
        ("Liverpool City Region–Busan", "liverpool-busan"),
        ("liverpool", "liverpool-busan"),
    ],
)
def test_any_name_of_a_shipped_pair_finds_it(name: str, pair: str) -> None:
    assert find_pair(load_catalog(RoadmapsLocation(ROADMAPS, "test")), name).id == pair


# --- twins show PAIR: every fact of the transcription reachable --------------------------------


def _shown(run_builtin: Run, pair: str) -> dict[str, Any]:
    result = run_builtin("show", pair, "--format", "json")
    assert result.exit_code == 0
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_show_belfast_sejong_json_has_the_contradicting_figures_both_ways(run_builtin: Run) -> None:
    figures = {figure["id"]: figure for figure in _shown(run_builtin, "belfast-sejong")["national_context"]["figures"]}
    text, table = figures["kr-rank-as-uk-trade-partner-text"], figures["kr-rank-as-uk-trading-partner-table"]
    assert text["conflicts_with"] == ["kr-rank-as-uk-trading-partner-table"]
    assert table["conflicts_with"] == ["kr-rank-as-uk-trade-partner-text"]
    assert (text["value"], text["printed_in"]) == ("21st", "NATIONAL CONTEXT")
    assert (table["value"], table["printed_in"]) == ("25th", "THE UK-ROK TRADE AND INVESTMENT LINKS > ROK is the UK's")
    for figure in figures.values():  # every recorded contradiction points at a figure that is shown
        assert set(figure["conflicts_with"]) <= set(figures)


def test_show_belfast_sejong_text_prints_both_sides_of_a_contradiction(run_builtin: Run) -> None:
    out = run_builtin("show", "세종특별자치시").stdout
    assert 'conflicts with 25th, printed "trading partner 25th" in 001_44d9116bc8d325fe.txt' in out
    assert "conflicts with 21st, printed \"The Republic of Korea was the UK's 21st largest" in out


def test_show_liverpool_busan_json_has_the_k_water_notes(run_builtin: Run) -> None:
    data = _shown(run_builtin, "liverpool-busan")
    [deal] = [agreement for agreement in data["agreements"] if agreement["id"] == "k-water-mersey-tidal-power-deal"]
    assert "Sihwa Lake" in deal["note"]
    assert deal["parties"][0]["inferred"] is True
    assert "Combined Authority delegation" in deal["parties"][0]["inference_reason"]
    assert any("K-Water's Mersey Tidal Power deal" in note for note in data["notes"])


def test_programme_json_has_aims_phases_and_areas(run_builtin: Run) -> None:
    result = run_builtin("programme", "--format", "json")
    data = json.loads(result.stdout)
    assert data["aims"] and data["phases"] and data["collaboration_areas"] and data["description"]
    assert {pair["id"] for pair in data["pairs"]} >= {"belfast-sejong", "liverpool-busan"}
