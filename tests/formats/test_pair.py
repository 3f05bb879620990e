"""``twins show PAIR`` and ``twins programme``: every field of the records reaches the page and the JSON.

tests/fixtures/model holds a roadmap that fills every field of the model, so a
field the page or the JSON leaves out fails here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import FIXTURES
from twins_cli.catalog.load import load_catalog
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.formats.detail import proposal_detail
from twins_cli.formats.pair import pair_detail, programme_detail
from twins_cli.formats.table import plain_detail
from twins_cli.model.records import Catalog, Programme, Roadmap

DAY = date(2024, 6, 1)

# Record fields the pair's JSON gives under another name, or as part of another field.
RENAMED = {"file": None, "sources": "roadmap_sources"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(RoadmapsLocation(FIXTURES / "model", "test"))


@pytest.fixture(scope="module")
def page(catalog: Catalog) -> tuple[str, str, dict[str, Any]]:
    title, sections, data = pair_detail(catalog, catalog.roadmap("alpha-beta"), DAY)
    return title, plain_detail(title, sections), data


def test_pair_json_has_every_field_of_the_roadmap_record(page: tuple[str, str, dict[str, Any]]) -> None:
    _, _, data = page
    wanted = {RENAMED.get(field, field) for field in Roadmap._fields} - {None}
    assert wanted <= set(data)
    for field in set(Roadmap._fields) - set(RENAMED):
        assert data[field] not in (None, [], ""), f"{field} is empty: the fixture fills it"


def test_pair_json_keeps_the_names_other_commands_use(page: tuple[str, str, dict[str, Any]]) -> None:
    _, _, data = page
    assert list(data["places"][0]) == ["id", "name", "local_name", "country", "kind"]
    [agreement] = data["agreements"]
    for field in ("id", "kind", "title", "parties", "validity", "themes", "themes_inferred", "inference_reason"):
        assert field in agreement
    assert agreement["focus_areas"] == ["Cyber security"]
    assert agreement["commitments"] == ["Meet every year"]
    assert agreement["note"] == "Renewable."
    printed, inferred = agreement["parties"]
    assert (printed["as_printed"], printed["represented_by"], printed["represented_by_id"]) == (
        "City of Alpha",
        "Dr Ann Smith",
        "ann-smith",
    )
    assert inferred["inferred"] is True
    assert data["proposals"][0]["inferred_themes"] == ["net-zero"]
    assert data["milestones"][0]["proposal_inferred"] is True


def test_pair_json_roadmap_sources_as_on_the_proposal_page(
    catalog: Catalog, page: tuple[str, str, dict[str, Any]]
) -> None:
    _, _, data = page
    roadmap = catalog.roadmap("alpha-beta")
    _, _, proposal = proposal_detail(roadmap, roadmap.proposals[0], [], [], DAY)
    assert "sources" not in data  # a record's own citations are `sources`; the roadmap's documents are not
    assert data["roadmap_sources"] == proposal["roadmap_sources"]
    assert [list(source) for source in data["roadmap_sources"]] == [["file", "title", "kind", "date"]] * len(
        roadmap.sources
    )
    assert data["roadmap_sources"][0]["file"] == roadmap.sources[0].file


def test_pair_json_national_figures_as_printed_with_their_conflicts(page: tuple[str, str, dict[str, Any]]) -> None:
    _, _, data = page
    first, second = data["national_context"]["figures"]
    assert first["conflicts_with"] == [second["id"]]
    assert (first["as_printed"], first["source"], first["printed_in"]) == ("Exports £8.6bn", "roadmap.txt", "TRADE")
    assert first["about_inferred"] is True
    [event] = data["national_context"]["events"]
    assert (event["date_inferred"], event["date"]) == (True, "2023-11")


def test_pair_text_has_every_section(page: tuple[str, str, dict[str, Any]]) -> None:
    title, text, _ = page
    assert text.startswith(f"{title}\n")
    for heading in (
        "PLACES",
        "ROADMAP",
        "SUMMARY",
        "OVERVIEW: PURPOSE",
        "OVERVIEW: WHY",
        "OVERVIEW: DEVELOPMENT",
        "FOREWORD: DR ANN SMITH",
        "SNAPSHOT: ALPHA",
        "NATIONAL CONTEXT: TRADE",
        "NATIONAL FIGURES",
        "NATIONAL EVENTS",
        "AGREEMENT: MEMORANDUM OF UNDERSTANDING",
        "STAKEHOLDERS",
        "CONTACTS",
        "PEOPLE",
        "PROPOSALS",
        "MILESTONES",
        "VISITS",
        "NOTES",
        "ROADMAP SOURCES",
        "INFERRED",
    ):
        assert f"\n{heading}" in text, heading
    for shown in (
        "- Launched in: Beta",
        "- Delivered by: Alpha Council",
        "- Ecosystem, civic and policy: Alpha Plan",
        "- Ambition: Be the safest city. — Dr Ann Smith",
        "- Focus areas: Cyber security",
        "- Commitment: Meet every year",
        "- Alpha Council (AC) — city-government, Alpha: The council of Alpha.",
        "- Page 3 is illegible.",
        "Note: The chart is not legible.",
    ):
        assert shown in text, shown


def test_pair_text_shows_both_sides_of_a_contradiction_with_where_each_is_printed(
    page: tuple[str, str, dict[str, Any]],
) -> None:
    _, text, _ = page
    figures = text.split("NATIONAL FIGURES\n")[1].split("\n\n")[0].split("\n- ")
    first, second = (line.removeprefix("- ") for line in figures)
    assert 'conflicts with £8.7bn, printed "Exports £8.7bn" in roadmap.txt, TRADE' in first
    assert 'conflicts with £8.6bn, printed "Exports £8.6bn" in roadmap.txt, TRADE' in second  # recorded one way only


def test_pair_text_marks_inferred_values_and_says_why(page: tuple[str, str, dict[str, Any]]) -> None:
    _, text, _ = page
    for marked in ("(USD*, 2021)", "(uk*;", "November 2023*", "Beta City*", "cybersecurity*", "net-zero*", "(P1*)"):
        assert marked in text, marked
    inferred = text.split("\nINFERRED\n")[1]
    assert "- * country the figure is about inferred" in inferred
    assert "- Mapped from the focus areas." in inferred


def test_pair_without_optional_parts_has_no_empty_sections(catalog: Catalog) -> None:
    bare = catalog.roadmap("alpha-beta")._replace(
        summary=None, overview=None, forewords=(), snapshots=(), national_context=None, agreements=(), visits=(),
        notes=(), proposals=(), milestones=(),
    )  # fmt: skip
    _, sections, data = pair_detail(Catalog(catalog.programme, (bare,)), bare, DAY)
    headings = [section.heading for section in sections]
    assert headings[:2] == ["Places", "Roadmap"]
    assert not any(h.startswith(("Overview", "Snapshot", "National", "Agreement", "Foreword")) for h in headings)
    assert (data["overview"], data["national_context"], data["snapshots"]) == (None, None, [])


def test_programme_text_and_json(catalog: Catalog) -> None:
    title, sections, data = programme_detail(catalog)
    assert title == "Test programme"
    wanted = set(Programme._fields) - {"vocabulary"}  # the vocabulary is twins themes
    assert wanted <= set(data)
    text = plain_detail(title, sections)
    for shown in (
        "DESCRIPTION\nPairs places for research and innovation.",
        "AIMS\n- To partner. (programme.txt, AIMS)",
        "PHASE 1: EVIDENCE GATHERING (2020-21)\n- Finding pairs\n- (printed in programme.txt, PHASES)",
        "COLLABORATION AREAS\n- Research",
        "PAIRS\n- alpha-beta: Alpha – Beta, roadmap published",
    ):
        assert shown in text
    assert data["phases"][0]["from_year"] == 2020
    assert data["pairs"] == [
        {"id": "alpha-beta", "name": "Alpha–Beta", "places": ["Alpha", "Beta"], "status": "published"}
    ]


def test_programme_lists_a_pair_without_a_loaded_roadmap(catalog: Catalog) -> None:
    programme = catalog.programme._replace(pairs=("gamma-delta", "alpha-beta"))
    _, sections, data = programme_detail(Catalog(programme, catalog.roadmaps))
    assert [pair["id"] for pair in data["pairs"]] == ["gamma-delta", "alpha-beta"]
    assert data["pairs"][0] == {"id": "gamma-delta", "name": None, "places": [], "status": None}
    assert "gamma-delta: no roadmap loaded" in sections[-1].body
