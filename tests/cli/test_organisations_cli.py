"""``twins orgs`` and ``twins agreements`` on the sample programme: options, formats, failures."""

from __future__ import annotations

import csv
import io
import json

import pytest
import typer

from conftest import SAMPLE, Run
from twins_cli.cli.app import app
from twins_cli.cli.completion import complete_organisation
from twins_cli.errors import ExitCode
from twins_cli.formats.agreements import AGREEMENT_FIELDS
from twins_cli.formats.organisations import ORGANISATION_FIELDS


def test_orgs_table_lists_every_organisation_with_its_pair(run: Run) -> None:
    result = run("orgs")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Pair", "ID", "Name", "Kind", "Side", "Stakeholder"]
    [park] = [line for line in lines if "kingsport-science-park" in line]
    assert "Kingsport Science and Innovation Park (KSIP, The Science Park)" in park
    assert park.split()[-1] == "yes"
    assert sum("places-agency" in line for line in lines) == 2


def test_orgs_json_rows_carry_every_documented_field(run: Run) -> None:
    result = run("orgs", "--search", "ksip", "--format", "json")
    [row] = json.loads(result.stdout)
    assert tuple(row) == ORGANISATION_FIELDS
    assert row == {
        "pair": "kingsport-hanbit",
        "id": "kingsport-science-park",
        "name": "Kingsport Science and Innovation Park",
        "short_name": "KSIP",
        "aliases": ["The Science Park"],
        "kind": "facility",
        "country": "GB",
        "place": "kingsport",
        "side": "Kingsport",
        "parent": "University of Kingsport",
        "parent_id": "kingsport-university",
        "url": "https://ksip.example",
        "description": "A campus for research-led companies, named in the roadmap but party to nothing.",
        "stakeholder": True,
    }


def test_orgs_csv_has_the_json_field_names(run: Run) -> None:
    rows = list(csv.DictReader(io.StringIO(run("orgs", "--pair", "severn-bora", "-f", "csv").stdout)))
    assert [row["id"] for row in rows] == ["bora-city", "places-agency", "severn-combined-authority"]
    assert tuple(rows[0]) == ORGANISATION_FIELDS


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--kind", "university"), {"hanbit-university", "kingsport-university"}),
        (
            ("--country", "KR", "--pair", "kingsport-hanbit"),
            {"hanbit-city", "hanbit-technopark", "hanbit-transport", "hanbit-university"},
        ),
        (("--stakeholder",), {"hanbit-technopark", "kingsport-science-park"}),
        (("--search", "research-led"), {"kingsport-science-park"}),
        (("--pair", "bora", "--kind", "agency"), {"places-agency"}),
    ],
)
def test_orgs_filters(run: Run, args: tuple[str, ...], expected: set[str]) -> None:
    result = run("orgs", *args, "--format", "json")
    assert result.exit_code == 0
    assert {row["id"] for row in json.loads(result.stdout)} == expected


def test_orgs_with_no_match_says_so(run: Run) -> None:
    result = run("orgs", "--search", "nothing like this")
    assert (result.exit_code, result.stdout.strip()) == (0, "No organisations match these filters.")


def test_orgs_unknown_kind_is_a_usage_error(run: Run) -> None:
    result = run("orgs", "--kind", "agncy")
    assert result.exit_code == ExitCode.USAGE
    assert "did you mean 'agency'" in result.stderr


def test_org_page_shows_people_proposals_and_agreements(run: Run) -> None:
    result = run("orgs", "UoK", "--as-of", "2024-06-01")
    assert result.exit_code == 0
    page = result.stdout
    assert page.startswith("University of Kingsport (kingsport-hanbit/kingsport-university)\n")
    assert "Dr Ann Hart · Cyber Lab Co-ordinator · a.hart@uok.example" in page
    assert "P5 Cyber Lab (lead)" in page
    assert "Agreement on cyber security (cooperation-agreement), validity not given." in page
    assert "Signed: June 2023. Parties: Hanbit University Campus; University of Kingsport." in page


def test_org_page_gives_each_agreement_in_full(run: Run) -> None:
    page = run("orgs", "bora-city").stdout
    assert (
        "Focus areas: smart cities; clean energy; health. Commitments: exchange officials each year. "
        "Themes: smart-cities, net-zero, health-innovation." in page
    )
    assert "validity not given. Parties: Severn Combined Authority; Bora Metropolitan City. " in page
    assert "Note: The article gives no year for the signing.\n" in page
    data = json.loads(run("orgs", "bora-city", "-f", "json").stdout)
    assert data["agreements"][0]["focus_areas"] == ["smart cities", "clean energy", "health"]
    assert data["agreements"][0]["commitments"] == ["exchange officials each year"]
    assert data["agreements"][1]["note"] == "The article gives no year for the signing."


def test_org_page_json(run: Run) -> None:
    data = json.loads(run("orgs", "csc", "--format", "json").stdout)
    assert tuple(data)[: len(ORGANISATION_FIELDS)] == ORGANISATION_FIELDS
    assert (data["parent"], data["parent_id"]) == ("University of Kingsport", "kingsport-university")
    assert data["people"] == [
        {
            "id": "maire-oquinn",
            "name": "Máire O'Quinn",
            "title": "Prof",
            "role": "Director",
            "email": "m.quinn@uok.example",
        }
    ]
    assert data["proposals"] == [{"id": "P6", "title": "Security in Space", "lead": False}]
    assert data["agreements"] == []


@pytest.mark.parametrize(
    ("as_of", "validity"),
    [
        ("2024-06-01", "valid until 6 August 2025"),
        ("2025-07-27", "valid until 6 August 2025 (expires in 10 days)"),
        ("2025-08-07", "expired on 6 August 2025"),
    ],
)
def test_org_page_tells_validity_as_of_a_day(run: Run, as_of: str, validity: str) -> None:
    data = json.loads(run("orgs", "hanbit-city", "--as-of", as_of, "-f", "json").stdout)
    assert [a["validity"] for a in data["agreements"]] == [validity]
    assert f"(mou), {validity}." in run("orgs", "hanbit-city", "--as-of", as_of).stdout


def test_org_page_of_an_organisation_in_two_pairs(run: Run) -> None:
    ambiguous = run("orgs", "places-agency")
    assert ambiguous.exit_code == ExitCode.USAGE
    assert "kingsport-hanbit/places-agency" in ambiguous.stderr and "severn-bora/places-agency" in ambiguous.stderr
    assert run("orgs", "places-agency", "--pair", "severn-bora", "-f", "json").exit_code == 0
    assert json.loads(run("orgs", "severn-bora/places-agency", "-f", "json").stdout)["pair"] == "severn-bora"


def test_org_not_found_is_exit_1_with_did_you_mean(run: Run) -> None:
    result = run("orgs", "railbsu")
    assert result.exit_code == ExitCode.INVALID
    assert "did you mean" in result.stderr.casefold() and "railbus" in result.stderr.casefold()


@pytest.mark.parametrize("args", [("--kind", "agency"), ("--stakeholder",), ("--format", "csv")])
def test_org_page_refuses_list_options(run: Run, args: tuple[str, ...]) -> None:
    result = run("orgs", "uok", *args)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("twins: ")


def test_agreements_table(run: Run) -> None:
    result = run("agreements", "--as-of", "2024-06-01")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["Pair", "ID", "Title", "Kind"]
    [mou] = [line for line in lines if "kingsport-hanbit-mou" in line]
    assert "Hanbit City (represented by Lee Dong-won, Deputy Mayor)" in mou
    assert "valid until 6 August 2025" in mou


def test_agreements_json_fields_and_validity_as_of(run: Run) -> None:
    rows = json.loads(run("agreements", "--pair", "kingsport-hanbit", "--as-of", "2025-08-07", "-f", "json").stdout)
    assert tuple(rows[0]) == AGREEMENT_FIELDS
    assert rows[0]["validity"] == "expired on 6 August 2025"
    assert rows[0]["parties"][0] == {
        "organisation": "Hanbit City",
        "organisation_id": "hanbit-city",
        "as_printed": None,
        "inferred": False,
        "inference_reason": None,
    }


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--pair", "severn-bora"), ["severn-bora-mou", "tidal-power-deal"]),
        (("--kind", "mou"), ["kingsport-hanbit-mou", "technopark-mou", "severn-bora-mou"]),
        (("--active-on", "2025-09-01"), ["cyber-agreement"]),
        (("--theme", "net zero"), ["severn-bora-mou"]),
        (("--theme", "cyber", "--theme", "health"), ["kingsport-hanbit-mou", "severn-bora-mou"]),
    ],
)
def test_agreements_filters(run: Run, args: tuple[str, ...], expected: list[str]) -> None:
    result = run("agreements", *args, "--format", "csv")
    assert result.exit_code == 0
    assert [row["id"] for row in csv.DictReader(io.StringIO(result.stdout))] == expected


def test_agreements_bad_date_is_a_usage_error(run: Run) -> None:
    result = run("agreements", "--active-on", "May 2024")
    assert result.exit_code == ExitCode.USAGE
    assert "YYYY-MM-DD" in result.stderr


def test_complete_organisation_ids_qualified_only_when_several_roadmaps_name_one() -> None:
    ctx = typer.Context(typer.main.get_command(app))
    ctx.params["roadmaps"] = SAMPLE  # as the completion machinery has it: the parsed global option

    def values(completions: list[tuple[str, str]]) -> list[str]:
        return [value for value, _ in completions]

    assert values(complete_organisation(ctx, "hanbit-t")) == ["hanbit-technopark", "hanbit-transport"]
    assert ("kingsport-hanbit/places-agency", "Connected Places Agency") in complete_organisation(ctx, "")
    assert values(complete_organisation(ctx, "PLACES")) == []  # ambiguous: offered as PAIR/ID
    assert values(complete_organisation(ctx, "severn-bora/p")) == ["severn-bora/places-agency"]
