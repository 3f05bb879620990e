"""``twins orgs`` and ``twins agreements`` on the shipped roadmaps: every organisation the transcription holds."""

from __future__ import annotations

import json

import pytest

from conftest import Run

pytestmark = pytest.mark.data

BELFAST_SEJONG_STAKEHOLDERS = {
    "belfast-city-council", "belfast-harbour-commissioners", "catalyst", "digital-catapult",
    "innovation-city-belfast", "invest-ni", "korea-university-sejong", "nrc", "queens-university-belfast",
    "sejong-carbon-neutrality-centre", "sejong-ccei", "sejong-city", "sctc", "sejong-technopark", "csit",
    "translink", "ulster-university",
}  # fmt: skip


def _json(run: Run, *args: str) -> object:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_17_stakeholders_of_belfast_sejong_are_listed(run_builtin: Run) -> None:
    rows = _json(run_builtin, "orgs", "--pair", "belfast-sejong", "--stakeholder")
    assert isinstance(rows, list)
    assert {row["id"] for row in rows} == BELFAST_SEJONG_STAKEHOLDERS


def test_liverpool_organisations_that_are_neither_parties_nor_employers_are_listed(run_builtin: Run) -> None:
    rows = _json(run_builtin, "orgs", "--pair", "liverpool")
    assert isinstance(rows, list)
    assert {"sci-tech-daresbury", "glass-futures", "knowledge-quarter-liverpool"} <= {row["id"] for row in rows}
    for name in ("Sci-Tech Daresbury", "glass futures", "knowledge quarter liverpool"):
        page = _json(run_builtin, "orgs", name)
        assert isinstance(page, dict)
        assert (page["pair"], page["people"], page["agreements"]) == ("liverpool-busan", [], [])


def test_k_water_page_carries_the_deal_and_its_note(run_builtin: Run) -> None:
    page = _json(run_builtin, "orgs", "k-water")
    assert isinstance(page, dict)
    [deal] = page["agreements"]
    assert deal["id"] == "k-water-mersey-tidal-power-deal"
    assert deal["note"] and "K-Water" in deal["note"]
    assert any(party["inferred"] for party in deal["parties"])


def test_belfast_sejong_mou_expires_as_of_a_day(run_builtin: Run) -> None:
    for day, validity in (("2024-06-01", "valid until 6 August 2025"), ("2025-09-01", "expired on 6 August 2025")):
        rows = _json(run_builtin, "agreements", "--pair", "belfast-sejong", "--kind", "mou", "--as-of", day)
        assert isinstance(rows, list)
        assert rows[0]["id"] == "belfast-sejong-mou"
        assert rows[0]["validity"] == validity
        assert {party["as_printed"] for party in rows[0]["parties"]} == {"City of Sejong", "City of Belfast"}


def test_agreements_in_force_on_a_day(run_builtin: Run) -> None:
    rows = _json(run_builtin, "agreements", "--active-on", "2024-05-01")
    assert isinstance(rows, list)
    assert [row["id"] for row in rows] == [
        "belfast-sejong-mou",
        "korea-university-sejong-qub-sejong-city-cybersecurity",
    ]
