"""The query commands through the CLI (in-process): every command, every option, every exit code.

The facts asserted are those of the sample fixture (tests/fixtures/sample), a small programme
shaped like the shipped one; the shipped roadmaps themselves are tested in data/test_roadmap_data.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import Result

from conftest import FIXTURES, SAMPLE, Run, WriteRoadmap
from twins_cli.cli.app import app
from twins_cli.errors import NotFoundError, TwinsError, UsageError
from twins_cli.formats import table as render

QUERY_FIXTURES = FIXTURES / "query"
TODAY = date.today().isoformat()

LIST_FIELDS = [
    "id",
    "pair",
    "title",
    "tagline",
    "stage",
    "themes",
    "types",
    "inferred_themes",
    "inferred_types",
    "leads",
    "lead_ids",
    "start",
    "end",
    "status",
    "status_note",
]
THEME_FIELDS = ["kind", "slug", "label", "aliases", "proposals", "proposals_ticked", "proposals_inferred"]
CONTACT_FIELDS = [
    "name", "title", "role", "organisation", "organisation_inferred", "inference_reason",
    "email", "pair", "pairs", "side", "proposals",
]  # fmt: skip
EVENT_FIELDS = [
    "date",
    "label",
    "title",
    "pair",
    "kind",
    "proposal",
    "proposal_inferred",
    "inference_reason",
    "source",
]
P5_EMAILS = [
    "a.hart@uok.example",
    "b.okoro@uok.example",
    "cdoyle07@uok.example",
    "minsu.park@hanbit-univ.example",
    "jiwoo.kang@hanbit.example",
]
LONGEST_EMAIL = "Rosalind.featherstonehaugh@kingsport-digital.example"
P5_LEADS = ["University of Kingsport", "Hanbit City", "Hanbit University Campus"]
HACKTHEON = {
    "date": "2024-06",
    "label": "June 2024",
    "title": "Hanbit Cyber Security HackTheon",
    "pair": "kingsport-hanbit",
    "kind": "milestone",
    "proposal": "P5",
    "proposal_inferred": False,
    "inference_reason": None,
    "source": "roadmap.txt",
}
APRIL_2024_MILESTONES = ["Roadmap adopted by both cities", "Roadmap launched and proposals initiated"]


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.output
    return result


def as_json(result: Result) -> object:
    return json.loads(ok(result).stdout)


def listed_ids(run: Run, *args: str) -> list[str]:
    rows = as_json(run("list", *args, "--format", "json"))
    assert isinstance(rows, list)
    return [row["id"] for row in rows]


def error_line(result: Result, code: int) -> str:
    """The one line a failure prints on stderr (nothing on stdout, no traceback)."""
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("twins: ")
    return lines[0]


# --- twins list --------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["cybersecurity", "cyber", "Cybersecurity", "cyber security", "CYBER-SECURITY"])
def test_list_theme_by_slug_label_or_alias(run: Run, theme: str) -> None:
    assert listed_ids(run, "--theme", theme) == ["P1", "P2", "P5", "P6"]


def test_list_theme_table(run: Run) -> None:
    out = ok(run("list", "--theme", "cybersecurity")).stdout
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "Title", "Stage", "Leads", "Timeline", "Status", "Themes"]
    assert [line.split()[0] for line in lines[1:5]] == ["P1", "P2", "P5", "P6"]
    assert "Cyber Lab" in lines[3]
    assert "Feb 2024 – Jun 2025  finish passed, not recorded" in lines[3]
    assert lines[3].endswith("cybersecurity*")
    assert lines[5] == "* inferred from the proposal's text: the source's tick marks are not legible"
    assert len(lines) == 6


def test_list_json_rows(run: Run) -> None:
    rows = as_json(run("list", "-t", "cybersecurity", "-f", "json"))
    assert isinstance(rows, list)
    assert [list(row) for row in rows] == [LIST_FIELDS] * 4
    assert {row["pair"] for row in rows} == {"kingsport-hanbit"}
    p5 = rows[2]
    assert p5["id"] == "P5"
    assert (p5["start"], p5["end"]) == ("2024-02", "2025-06")
    assert p5["leads"] == P5_LEADS
    assert p5["lead_ids"] == ["kingsport-university", "hanbit-city", "hanbit-university"]
    assert p5["themes"] == ["cybersecurity"]
    assert p5["inferred_themes"] == ["cybersecurity"]
    assert p5["tagline"] == "Cybersecurity HackTheon"
    assert rows[0]["inferred_themes"] == []  # P1's themes are ticked in the source


def test_list_without_filters_lists_every_proposal_by_number(run: Run) -> None:
    assert listed_ids(run) == [f"P{number}" for number in range(1, 13)]


def test_list_repeated_theme_is_or(run: Run) -> None:
    assert listed_ids(run, "--theme", "cybersecurity", "--theme", "net-zero") == [
        "P1",
        "P2",
        "P4",
        "P5",
        "P6",
        "P8",
        "P9",
        "P12",
    ]
    assert listed_ids(run, "--theme", "cyber", "--theme", "Cybersecurity") == ["P1", "P2", "P5", "P6"]


def test_list_filters_combine_with_and(run: Run) -> None:
    args = ("--theme", "cybersecurity", "--stage", "priority", "--type", "knowledge-exchange")
    assert listed_ids(run, *args) == ["P1", "P2", "P5", "P6"]
    assert listed_ids(run, "--theme", "cybersecurity", "--type", "rdi") == ["P1", "P2", "P6"]
    assert listed_ids(run, "--theme", "net zero", "--org", "hanbit-city", "--stage", "future") == ["P9", "P12"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--org", "railbus"), ["P8", "P12"]),
        (("--org", "Invest King"), ["P1", "P2", "P11"]),
        (("--org", "railbus", "--org", "invest-kingsport"), ["P1", "P2", "P8", "P11", "P12"]),
        (("--stage", "future"), ["P9", "P10", "P11", "P12"]),
        (("--active-on", "2025-05-01"), ["P5", "P6"]),
        (("--search", "hydrogen"), ["P8", "P12"]),
        (("-s", "HackTheon"), ["P5"]),
        (("--type", "startup"), ["P1", "P2", "P3", "P4", "P10", "P12"]),
        (("--pair", "kingsport"), [f"P{number}" for number in range(1, 13)]),
        (("-p", "kingsport-hanbit", "--theme", "cyber"), ["P1", "P2", "P5", "P6"]),
        (("--pair", "severn-bora"), []),
    ],
)
def test_list_filters(run: Run, args: tuple[str, ...], expected: list[str]) -> None:
    assert listed_ids(run, *args) == expected


def test_list_sort(run: Run) -> None:
    by_end = listed_ids(run, "--sort", "end")
    assert by_end[0] == "P1"  # ends March 2024
    assert by_end == ["P1", "P7", "P2", "P3", "P4", "P8", "P5", "P6", "P9", "P10", "P11", "P12"]
    assert listed_ids(run, "--sort", "start")[:2] == ["P5", "P1"]  # P5 starts in February 2024
    assert listed_ids(run, "--sort", "id") == listed_ids(run)
    rows = as_json(run("list", "--sort", "title", "--format", "json"))
    assert isinstance(rows, list)
    titles = [row["title"] for row in rows]
    assert titles == sorted(titles, key=str.casefold)
    assert titles[0] == "5G Testbeds"


def test_list_one_organisation_sorted_by_end(run: Run) -> None:
    out = ok(run("list", "--org", "railbus", "--sort", "end")).stdout
    assert [line.split()[0] for line in out.splitlines()[1:3]] == ["P8", "P12"]  # no timeline comes last


def test_list_no_match_is_a_success(run: Run) -> None:
    assert ok(run("list", "--theme", "health-innovation")).stdout == "No proposals match these filters.\n"
    assert ok(run("list", "--theme", "health", "--format", "json")).stdout == "[]\n"


def test_list_csv_has_the_json_fields(run: Run) -> None:
    text = ok(run("list", "--theme", "cybersecurity", "--format", "csv")).stdout
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    assert reader.fieldnames == LIST_FIELDS
    assert [row["id"] for row in rows] == ["P1", "P2", "P5", "P6"]
    assert rows[2]["leads"] == "; ".join(P5_LEADS)
    assert rows[0]["themes"] == "net-zero; smart-cities; cybersecurity; sme-support"
    assert rows[0]["inferred_themes"] == ""


@pytest.mark.parametrize(
    ("args", "fields"),
    [
        (("list", "--theme", "health-innovation"), LIST_FIELDS),
        (("milestones", "--as-of", "2030-01-01"), EVENT_FIELDS),
    ],
)
def test_csv_header_is_the_same_when_nothing_matches(run: Run, args: tuple[str, ...], fields: list[str]) -> None:
    reader = csv.DictReader(io.StringIO(ok(run(*args, "--format", "csv")).stdout))
    assert list(reader) == []
    assert reader.fieldnames == fields


def test_list_across_roadmaps_shows_the_pair(run: Run) -> None:
    out = ok(run("--roadmaps", str(QUERY_FIXTURES), "list")).stdout
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["Pair", "ID"]
    assert lines[3].split()[:2] == ["gamma-delta", "P1"]
    assert "Net zero [bold]x[/] lab" in lines[3]  # data markup is printed as written


# --- unknown names and bad values --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (("list", "--theme", "cyberr"), 2, "unknown theme 'cyberr' (did you mean 'cyber'?)"),
        (("list", "--type", "knowledge-exchang"), 2, "did you mean 'knowledge-exchange'?"),
        (("list", "--pair", "kingsprt"), 2, "unknown pair 'kingsprt' (did you mean"),
        (("list", "--org", "nonexistent"), 2, "no organisation matches 'nonexistent'"),
        (("list", "--stage", "later"), 2, "unknown stage 'later'"),
        (("list", "--sort", "colour"), 2, "cannot sort by 'colour'"),
        (("list", "--active-on", "2024-13-01"), 2, "'2024-13-01' is not a date"),
        (("show", "P99"), 1, "no proposal 'P99' (did you mean 'P9'?)"),
        (("show", "nowhere/P5"), 2, "unknown pair 'nowhere'"),
        (("contacts", "P99"), 1, "no proposal 'P99'"),
        (("contacts", "--theme", "cyberr"), 2, "did you mean"),
        (("contacts", "--stage", "later"), 2, "unknown stage 'later'"),
        (("contacts", "P5", "P99"), 1, "no proposal 'P99'"),
        (("milestones", "--kind", "milestne"), 2, "unknown kind 'milestne' (did you mean 'milestone'?)"),
        (("milestones", "--from", "2024-13-01"), 2, "'2024-13-01' is not a date"),
        (("milestones", "--to", "soon"), 2, "'soon' is not a date"),
        (("milestones", "--proposal", "P99"), 1, "no proposal 'P99'"),
        (("milestones", "--all", "--from", "2024-01-01"), 2, "--all shows every date and --from"),
        (("milestones", "--within", "1y", "--to", "2025-01-01"), 2, "--within and --to both end"),
        (("milestones", "--within", "1y", "--overdue"), 2, "--within and --overdue both end"),
        (("milestones", "--from", "2025-01-01", "--to", "2024-01-01"), 2, "--to 2024-01-01 is before --from"),
        (("contacts", "--org", "nonexistent"), 2, "no organisation matches 'nonexistent'"),
        (("contacts", "--pair", "atlantis"), 2, "unknown pair 'atlantis'"),
        (("milestones", "--as-of", "2024-02-30"), 2, "'2024-02-30' is not a date"),
        (("milestones", "--within", "3x"), 2, "'3x' is not a period"),
        (("milestones", "--all", "--within", "1y"), 2, "--all shows every date"),
        (("milestones", "--pair", "atlantis"), 2, "unknown pair 'atlantis'"),
        (("pairs", "--as-of", "soon"), 2, "'soon' is not a date"),
    ],
)
def test_errors_are_one_line_with_the_documented_code(
    run: Run, args: tuple[str, ...], code: int, expected: str
) -> None:
    assert expected in error_line(run(*args), code)


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--theme", "cyberr"),
        ("list", "--pair", "kingsprt"),
        ("list", "--stage", "later"),
        ("list", "--sort", "colour"),
        ("list", "--active-on", "2024-13-01"),
        ("milestones", "--within", "3x"),
        ("show", "P99"),
        ("list", "--org", "nonexistent"),
        ("contacts", "--type", "nonesuch"),
        ("milestones", "--all", "--within", "1y"),
        ("milestones", "--kind", "deadline"),
        ("milestones", "--to", "2024-01-01", "--from", "2025-01-01"),
    ],
)
def test_errors_carry_a_hint(run: Run, args: tuple[str, ...]) -> None:
    line = run(*args).stderr.strip()
    assert " — " in line
    assert line.split(" — ", 1)[1].strip()


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--format", "xml"),
        ("show", "P5", "--format", "csv"),
        ("show",),
        ("list", "--no-such-option"),
        ("milestones", "--all", "yes"),
    ],
)
def test_bad_command_lines_are_usage_errors(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args", [("--as-of", "2024-05-01", "--within", "9999y"), ("--as-of", "9999-12-31", "--within", "1d")]
)
def test_milestones_period_beyond_the_calendar_is_a_usage_error(run: Run, args: tuple[str, ...]) -> None:
    error_line(run("milestones", *args), 2)


def test_debug_lets_the_error_propagate(run: Run) -> None:
    result = run("--debug", "show", "P99")
    assert isinstance(result.exception, NotFoundError)
    assert isinstance(result.exception, TwinsError)
    assert result.exception.message == "no proposal 'P99' (did you mean 'P9'?)"
    assert result.stderr == ""
    usage = run("--debug", "list", "--theme", "cyberr")
    assert isinstance(usage.exception, UsageError)


def test_without_debug_a_twins_error_is_an_exit(run: Run) -> None:
    result = run("show", "P99")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)


# --- twins show --------------------------------------------------------------------------------


def test_show_text(run: Run) -> None:
    out = ok(run("show", "P5")).stdout
    assert out.startswith("P5 Cyber Lab\n============\n")
    for expected in (
        "TAGLINE\nCybersecurity HackTheon\n",
        "PAIR AND STAGE\nKingsport–Hanbit (kingsport-hanbit), priority proposal\n",
        "TIMELINE\nFeb 2024 – Jun 2025\n",
        "LEADS\n- University of Kingsport\n- Hanbit City\n- Hanbit University Campus\n",
        "THEMES\ncybersecurity*\n",
        "TYPES\nknowledge-exchange*\n",
        "- June 2024: Hanbit Cyber Security HackTheon\n",
        "- Dr Ann Hart · Cyber Lab Co-ordinator · University of Kingsport · a.hart@uok.example · Kingsport\n",
        "- Prof Minsu Park · Dept of AI Security · Hanbit University Campus · "
        "minsu.park@hanbit-univ.example · Hanbit\n",
        "SOURCES\n- roadmap.txt — ",
    ):
        assert expected in out
    for email in P5_EMAILS:
        assert email in out
    assert "\x1b[" not in out


@pytest.mark.parametrize("ref", ["p5", "kingsport-hanbit/P5", "KINGSPORT-HANBIT/p5", "hanbit/P5"])
def test_show_any_spelling_of_the_id(run: Run, ref: str) -> None:
    assert ok(run("show", ref)).stdout == ok(run("show", "P5")).stdout


def test_show_json(run: Run) -> None:
    data = as_json(run("show", "P5", "--format", "json"))
    assert isinstance(data, dict)
    assert list(data) == [
        *LIST_FIELDS,
        "vision",
        "description",
        "outcomes",
        "start_as_printed",
        "end_as_printed",
        "contacts",
        "inference_reason",
        "milestones",
        "sources",
        "roadmap_sources",
        "progress",
    ]
    assert data["progress"] is None  # the sample records no progress for P5
    assert data["vision"].startswith("To be a place where students from partnering universities")
    assert "HackTheon" in data["description"]
    assert len(data["outcomes"]) == 4
    assert [contact["email"] for contact in data["contacts"]] == P5_EMAILS
    assert [list(contact) for contact in data["contacts"]] == [CONTACT_FIELDS] * 5
    assert HACKTHEON in data["milestones"]
    assert [m["kind"] for m in data["milestones"]] == ["proposal-start", "milestone", "proposal-end"]
    assert data["sources"] == []  # P5 cites nothing of its own: the roadmap's sources apply, apart
    assert data["roadmap_sources"] == [
        {"file": "roadmap.txt", "title": "The Kingsport–Hanbit roadmap", "kind": "roadmap", "date": "2024-04"},
        {"file": "press.txt", "title": "Kingsport and Hanbit sign a roadmap", "kind": "press-release", "date": None},
        {"file": "programme-page.txt", "title": "The programme page", "kind": "web-page", "date": None},
    ]
    assert data["inference_reason"]
    assert ok(run("show", "P5", "-f", "json")).stdout == ok(run("show", "P5", "--format", "json")).stdout


def test_show_future_proposal_without_timeline(run: Run) -> None:
    out = ok(run("show", "P12")).stdout
    assert "TIMELINE\nnot given\n" in out
    assert "INFERRED" not in out  # P12's themes are ticked in the source
    assert "MILESTONES" not in out


def test_show_ambiguous_id(run: Run) -> None:
    line = error_line(run("--roadmaps", str(QUERY_FIXTURES), "show", "P1"), 2)
    assert line == ("twins: proposal id 'P1' is in several roadmaps: alpha-beta/P1, gamma-delta/P1 — name one of them")
    out = ok(run("--roadmaps", str(QUERY_FIXTURES), "show", "gamma-delta/P1")).stdout
    assert out.startswith("P1 Net zero [bold]x[/] lab\n")
    assert "Gamma–Delta (gamma-delta), priority proposal" in out
    assert "- Mid 2025: Lab opens\n" in out
    assert ok(run("--roadmaps", str(QUERY_FIXTURES), "show", "alpha-beta/p1")).stdout.startswith("P1 Cyber exchange\n")
    assert error_line(run("--roadmaps", str(QUERY_FIXTURES), "contacts", "P1"), 2).endswith("name one of them")


# --- twins show PAIR and twins programme ---------------------------------------------------------


@pytest.mark.parametrize("name", ["kingsport-hanbit", "Kingsport–Hanbit", "한빛특별자치시", "kingsport"])
def test_show_pair_by_any_name(run: Run, name: str) -> None:
    out = ok(run("show", name)).stdout
    assert out.startswith("Kingsport–Hanbit (kingsport-hanbit)\n")
    for heading in ("PLACES", "ROADMAP", "AGREEMENT: ", "STAKEHOLDERS", "PEOPLE", "PROPOSALS", "ROADMAP SOURCES"):
        assert f"\n{heading}" in out
    assert "- Hanbit (한빛특별자치시), Korea, special-self-governing-city\n" in out
    assert "- P5 Cyber Lab — priority, Feb 2024 – Jun 2025; cybersecurity*\n" in out


def test_show_pair_json(run: Run) -> None:
    data = as_json(run("show", "kingsport-hanbit", "--format", "json"))
    assert isinstance(data, dict)
    assert (data["id"], data["name"], [p["id"] for p in data["places"]]) == (
        "kingsport-hanbit",
        "Kingsport–Hanbit",
        ["kingsport", "hanbit"],
    )
    listed = as_json(run("pairs", "--format", "json", "--as-of", "2024-06-01"))
    assert isinstance(listed, list)
    pair = as_json(run("show", "kingsport-hanbit", "--format", "json", "--as-of", "2024-06-01"))
    assert isinstance(pair, dict)
    for mine, theirs in zip(pair["agreements"], listed[0]["agreements"], strict=True):
        assert {key: mine[key] for key in theirs if key != "parties"} == {
            k: v for k, v in theirs.items() if k != "parties"
        }
    assert [p["id"] for p in data["proposals"]] == listed_ids(run, "--pair", "kingsport-hanbit")
    assert [list(row) for row in data["proposals"]] == [LIST_FIELDS] * len(data["proposals"])
    assert [list(row) for row in data["people"]] == [CONTACT_FIELDS] * len(data["people"])


def test_show_neither_proposal_nor_pair(run: Run) -> None:
    line = error_line(run("show", "kingsprt"), 1)
    assert line.startswith("twins: no proposal or pair 'kingsprt' (did you mean 'kingsport'?) — ")


def test_show_pair_named_by_a_place_in_several_pairs_is_ambiguous(run: Run, tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "roadmaps")
    copy = (SAMPLE / "kingsport-hanbit.yaml").read_text(encoding="utf-8").replace("kingsport-hanbit", "kingsport-x")
    (tmp_path / "roadmaps" / "kingsport-x.yaml").write_text(
        copy.replace("Kingsport–Hanbit", "Kingsport–X"), encoding="utf-8"
    )
    line = error_line(run("--roadmaps", str(tmp_path / "roadmaps"), "show", "hanbit"), 2)
    assert line.startswith("twins: 'hanbit' names a place in several pairs: kingsport-hanbit, kingsport-x — ")


def test_programme_text_and_json(run: Run) -> None:
    out = ok(run("programme")).stdout
    assert out.startswith("Sample Innovation Twins\n")
    assert "PAIRS\n- kingsport-hanbit: Kingsport – Hanbit, roadmap published\n" in out
    data = as_json(run("programme", "--format", "json"))
    assert isinstance(data, dict)
    assert [pair["id"] for pair in data["pairs"]] == [
        "kingsport-hanbit",
        "lowmoor-dalsan",
        "northdale-gaya",
        "severn-bora",
    ]
    for field in ("id", "name", "description", "aims", "phases", "collaboration_areas", "pairing_basis", "pairs"):
        assert field in data


# --- twins contacts ----------------------------------------------------------------------------


def test_contacts_of_a_proposal_table(run: Run) -> None:
    lines = ok(run("contacts", "P5")).stdout.splitlines()
    assert lines[0].split() == ["Name", "Role", "Organisation", "E-mail", "Side"]
    assert len(lines) == 6
    assert [line.split()[-1] for line in lines[1:]] == ["Kingsport", "Kingsport", "Kingsport", "Hanbit", "Hanbit"]
    assert lines[1].startswith("Dr Ann Hart  ")
    assert lines[4].startswith("Prof Minsu Park  ")
    for line, email in zip(lines[1:], P5_EMAILS, strict=True):
        assert email in line


@pytest.mark.parametrize("ref", ["P5", "p5", "kingsport-hanbit/P5", "KINGSPORT-HANBIT/p5"])
def test_contacts_of_a_proposal_json(run: Run, ref: str) -> None:
    rows = as_json(run("contacts", ref, "--format", "json"))
    assert isinstance(rows, list)
    assert [row["email"] for row in rows] == P5_EMAILS
    assert [list(row) for row in rows] == [CONTACT_FIELDS] * 5
    assert [row["side"] for row in rows] == ["Kingsport", "Kingsport", "Kingsport", "Hanbit", "Hanbit"]
    park = rows[3]
    assert (park["title"], park["name"], park["organisation"]) == ("Prof", "Minsu Park", "Hanbit University Campus")
    assert park["proposals"] == ["kingsport-hanbit/P5", "kingsport-hanbit/P6"]
    assert (park["pair"], park["pairs"]) == ("kingsport-hanbit", ["kingsport-hanbit"])


def test_contacts_of_a_proposal_csv(run: Run) -> None:
    reader = csv.DictReader(io.StringIO(ok(run("contacts", "P5", "--format", "csv")).stdout))
    rows = list(reader)
    assert reader.fieldnames == CONTACT_FIELDS
    assert [row["email"] for row in rows] == P5_EMAILS
    assert rows[3]["proposals"] == "kingsport-hanbit/P5; kingsport-hanbit/P6"


def test_contacts_everyone(run: Run) -> None:
    rows = as_json(run("contacts", "--format", "json"))
    assert isinstance(rows, list)
    assert len(rows) == 17  # 15 people in kingsport-hanbit, 3 in severn-bora, one of them in both
    gareth = [row for row in rows if row["email"] == "gareth.davies@places.example"]
    assert len(gareth) == 1  # one e-mail, one person, though both roadmaps name him
    assert gareth[0]["pairs"] == ["kingsport-hanbit", "severn-bora"]
    out = ok(run("contacts")).stdout
    header = out.splitlines()[0].split()
    assert header == ["Name", "Role", "Organisation", "E-mail", "Side", "Pairs", "Proposals"]
    assert LONGEST_EMAIL in out  # the longest e-mail, whole
    assert "kingsport-hanbit/P8, kingsport-hanbit/P12" in out


def test_contacts_filtered(run: Run) -> None:
    rows = as_json(run("contacts", "--pair", "severn-bora", "--format", "json"))
    assert isinstance(rows, list)
    assert [row["name"] for row in rows] == ["Gareth Rhys Davies", "Han Seo-yeon", "Tom Severs"]
    rows = as_json(run("contacts", "--org", "railbus", "-f", "json"))
    assert isinstance(rows, list)
    assert [row["email"] for row in rows] == ["adam.hale@railbus.example", "duncan.moss@weaverscross.example"]
    out = ok(run("contacts", "-p", "kingsport", "--org", "uok")).stdout
    lines = out.splitlines()
    assert lines[0].split() == ["Name", "Role", "Organisation", "E-mail", "Side", "Proposals"]
    assert "Dr Ann Hart" in out
    assert "Professor Sir Ian Grey" in out  # on no proposal, still a contact of the organisation
    assert ok(run("contacts", "--pair", "lowmoor-dalsan")).stdout == "No contacts match these filters.\n"
    assert ok(run("contacts", "--pair", "lowmoor-dalsan", "-f", "json")).stdout == "[]\n"


def test_contacts_merged_across_fixture_roadmaps(run: Run) -> None:
    rows = as_json(run("--roadmaps", str(QUERY_FIXTURES), "contacts", "--format", "json"))
    assert isinstance(rows, list)
    ann = [row for row in rows if row["email"] == "ann.smith@alpha.example"]
    assert len(ann) == 1
    assert ann[0]["pairs"] == ["alpha-beta", "gamma-delta"]
    assert ann[0]["proposals"] == ["alpha-beta/P1", "gamma-delta/P1"]


# --- twins milestones --------------------------------------------------------------------------


def test_milestones_as_of(run: Run) -> None:
    rows = as_json(run("milestones", "--as-of", "2024-05-01", "--format", "json"))
    assert isinstance(rows, list)
    assert rows[0] == HACKTHEON
    assert {
        "date": "2025",
        "label": "Early 2025",
        "title": "Hanbit SME mission to Kingsport",
        "pair": "kingsport-hanbit",
        "kind": "milestone",
        "proposal": "P2",
        "proposal_inferred": True,
        "inference_reason": "The roadmap does not link it to a proposal; read as P2 by its title and date.",
        "source": "roadmap.txt",
    } in rows
    expiry = [row for row in rows if row["kind"] == "agreement-expiry"]
    assert expiry == [
        {
            "date": "2025-08-06",
            "label": "6 August 2025",
            "title": "Memorandum of cooperation and friendship expires",
            "pair": "kingsport-hanbit",
            "kind": "agreement-expiry",
            "proposal": None,
            "proposal_inferred": False,
            "inference_reason": None,
            "source": "roadmap.txt",
        }
    ]
    assert [list(row) for row in rows] == [EVENT_FIELDS] * len(rows)
    titles = {row["title"] for row in rows}
    assert not titles & set(APRIL_2024_MILESTONES)  # April 2024 is over on 1 May
    assert "P5 Cyber Lab starts" not in titles
    assert len(rows) == 12


def test_milestones_are_sorted_by_date(run: Run) -> None:
    rows = as_json(run("milestones", "--as-of", "2024-05-01", "--format", "json"))
    assert isinstance(rows, list)
    assert [row["label"] for row in rows] == [
        "June 2024",
        "December 2024",
        "Early 2025",
        "March 2025",
        "March 2025",
        "March 2025",
        "March 2025",
        "March 2025",
        "May 2025",
        "June 2025",
        "June 2025",
        "6 August 2025",
    ]


def test_milestones_as_of_table(run: Run) -> None:
    lines = ok(run("milestones", "--as-of", "2024-05-01", "--within", "1y")).stdout.splitlines()
    assert lines[0].split() == ["When", "What", "Pair", "Kind", "Proposal"]
    assert lines[1].split() == [
        "June",
        "2024",
        "Hanbit",
        "Cyber",
        "Security",
        "HackTheon",
        "kingsport-hanbit",
        "milestone",
        "P5",
    ]
    assert lines[3].startswith("Early 2025     ")  # as wide as "December 2024" above it
    assert lines[-2].startswith("May 2025       Mayor of Hanbit visit to Kingsport")
    assert lines[3].split()[-4:] == ["Kingsport", "kingsport-hanbit", "milestone", "P2*"]
    assert lines[-1] == "* link to the proposal inferred: the source does not state it"
    assert len(lines) == 11


def test_milestones_within(run: Run) -> None:
    rows = as_json(run("milestones", "--as-of", "2024-05-01", "--within", "90d", "--format", "json"))
    assert rows == [HACKTHEON]  # nothing else starts by 2024-07-30
    rows = as_json(run("milestones", "--as-of", "2024-05-01", "-w", "6w", "-f", "json"))
    assert rows == [HACKTHEON]  # 12 June 2024 falls within June 2024
    rows = as_json(run("milestones", "--as-of", "2024-05-01", "--within", "6m", "--format", "json"))
    assert rows == [HACKTHEON]
    rows = as_json(run("milestones", "--as-of", "2024-05-01", "--within", "1y", "--format", "json"))
    assert isinstance(rows, list)
    assert rows[-1]["title"] == "Mayor of Hanbit visit to Kingsport"
    assert len(rows) == 9


def test_milestones_all(run: Run) -> None:
    rows = as_json(run("milestones", "--as-of", "2024-05-01", "--all", "--format", "json"))
    assert isinstance(rows, list)
    assert len(rows) == 22  # 5 milestones, 8 starts, 8 finishes, 1 expiry
    titles = [row["title"] for row in rows]
    for title in APRIL_2024_MILESTONES:
        assert title in titles
    assert rows[0]["title"] == "P5 Cyber Lab starts"
    assert as_json(run("milestones", "-a", "-f", "json")) == rows  # --all ignores the day
    out = ok(run("milestones", "--all")).stdout
    assert out.splitlines()[0].split() == ["When", "What", "Pair", "Kind", "Proposal"]
    assert "6 August 2025  Memorandum of cooperation and friendship expires" in out


def test_milestones_of_a_pair_without_dates(run: Run) -> None:
    assert as_json(run("milestones", "--pair", "severn-bora", "--all", "--format", "json")) == []
    assert ok(run("milestones", "--pair", "severn-bora", "--all")).stdout == "These roadmaps have no dates.\n"
    result = ok(run("milestones", "--pair", "severn-bora", "--as-of", "2024-05-01"))
    assert result.stdout == "Nothing upcoming after 2024-05-01: these roadmaps have no dates.\n"
    rows = as_json(run("milestones", "-p", "hanbit", "--as-of", "2024-05-01", "-w", "90d", "-f", "json"))
    assert rows == [HACKTHEON]


def test_milestones_nothing_upcoming_today(run: Run) -> None:
    result = ok(run("milestones"))
    lines = result.stdout.splitlines()
    assert lines[0] == f"Nothing upcoming after {TODAY}. The most recent:"
    assert lines[1].split() == ["When", "What", "Pair", "Kind", "Proposal"]
    assert lines[-2].startswith("6 August 2025  Memorandum of cooperation and friendship expires")
    assert lines[-1] == "See every date with --all, or look from an earlier day with --as-of 2025-06-01."
    assert result.stderr == ""


def test_milestones_nothing_upcoming_json_and_csv(run: Run) -> None:
    result = ok(run("milestones", "--format", "json"))
    assert result.stdout == "[]\n"
    assert result.stderr == f"twins: nothing upcoming after {TODAY}\n"
    result = ok(run("milestones", "--as-of", "2024-05-01", "--within", "30d", "--format", "csv"))
    assert list(csv.DictReader(io.StringIO(result.stdout))) == []
    assert result.stderr == "twins: nothing upcoming after 2024-05-01 within 30d\n"


def test_milestones_nothing_within_the_window_shows_the_next_dates(run: Run) -> None:
    lines = ok(run("milestones", "--as-of", "2024-05-01", "--within", "30d")).stdout.splitlines()
    assert lines[0] == "Nothing within 30d after 2024-05-01. The next:"
    assert "Hanbit Cyber Security HackTheon" in lines[2]
    assert lines[-1] == "Widen the window with --within, or leave it out."


def test_milestones_nothing_within_the_window_and_nothing_later_shows_the_most_recent(run: Run) -> None:
    lines = ok(run("milestones", "--as-of", "2026-01-01", "--within", "30d")).stdout.splitlines()
    assert lines[0] == "Nothing upcoming after 2026-01-01. The most recent:"
    assert lines[-1] == "See every date with --all, or look from an earlier day with --as-of 2025-06-01."


def test_milestones_csv(run: Run) -> None:
    reader = csv.DictReader(io.StringIO(ok(run("milestones", "--as-of", "2024-05-01", "-f", "csv")).stdout))
    rows = list(reader)
    assert reader.fieldnames == EVENT_FIELDS
    assert rows[0] == {**HACKTHEON, "proposal_inferred": "false", "inference_reason": ""}
    assert next(row for row in rows if row["proposal"] == "P2")["proposal_inferred"] == "true"
    assert rows[-1]["proposal"] == ""  # null is an empty cell


# --- twins pairs -------------------------------------------------------------------------------


def test_pairs_json(run: Run) -> None:
    rows = as_json(run("pairs", "--as-of", "2024-05-01", "--format", "json"))
    assert isinstance(rows, list)
    by_id = {row["id"]: row for row in rows}
    assert list(by_id) == ["kingsport-hanbit", "lowmoor-dalsan", "northdale-gaya", "severn-bora"]
    assert list(rows[0]) == ["id", "name", "places", "status", "published", "agreements", "proposals", "milestones"]
    kingsport = by_id["kingsport-hanbit"]
    assert (kingsport["status"], kingsport["published"], kingsport["proposals"], kingsport["milestones"]) == (
        "published",
        "2024-04",
        12,
        5,
    )
    assert kingsport["places"][1] == {"id": "hanbit", "name": "Hanbit", "local_name": "한빛특별자치시", "country": "KR"}
    assert kingsport["agreements"][0] == {
        "id": "kingsport-hanbit-mou",
        "kind": "mou",
        "title": "Memorandum of cooperation and friendship",
        "parties": [
            {
                "organisation": "Hanbit City",
                "organisation_id": "hanbit-city",
                "as_printed": None,
                "inferred": False,
                "inference_reason": None,
            },
            {
                "organisation": "Kingsport City Council",
                "organisation_id": "kingsport-city-council",
                "as_printed": None,
                "inferred": False,
                "inference_reason": None,
            },
        ],
        "signed": "2023-08-07",
        "valid_until": "2025-08-06",
        "duration_years": None,
        "validity": "valid until 6 August 2025",
        "themes": ["smart-cities", "cybersecurity"],
        "themes_inferred": [],
        "inference_reason": None,
        "source": "roadmap.txt",
    }
    severn = by_id["severn-bora"]
    assert (severn["status"], severn["proposals"]) == ("in-development", 0)
    mou = severn["agreements"][0]
    assert (mou["kind"], mou["duration_years"], mou["signed"]) == ("mou", 5, None)
    assert mou["validity"] == "5 years from signing (signing date not given)"
    for pair in ("lowmoor-dalsan", "northdale-gaya"):
        assert (by_id[pair]["status"], by_id[pair]["proposals"], by_id[pair]["agreements"]) == ("in-development", 0, [])


def test_pairs_table(run: Run) -> None:
    lines = ok(run("pairs", "--as-of", "2024-05-01")).stdout.splitlines()
    assert lines[0].split() == ["Pair", "Places", "Roadmap", "Agreements", "Proposals", "Milestones"]
    assert [line.split()[0] for line in lines[1:]] == [
        "kingsport-hanbit",
        "lowmoor-dalsan",
        "northdale-gaya",
        "severn-bora",
    ]
    assert "Kingsport – Hanbit (한빛특별자치시)" in lines[1]
    assert "published, 2024-04" in lines[1]
    assert "valid until 6 August 2025 (+2 more)" in lines[1]
    assert lines[1].split()[-2:] == ["12", "5"]
    assert "5 years from signing (signing date not given)" in lines[4]
    assert lines[2].split() == ["lowmoor-dalsan", "Lowmoor", "–", "Dalsan", "in-development", "0", "0"]


def test_pairs_today_says_expired(run: Run) -> None:
    assert "friendship: expired on 6 August 2025 (+2 more)" in ok(run("pairs")).stdout
    assert "valid until 6 August 2025 (expires today)" in ok(run("pairs", "--as-of", "2025-08-06")).stdout
    assert "friendship: expired on 6 August 2025 (+2" in ok(run("pairs", "--as-of", "2025-08-07")).stdout


def test_pairs_csv_shows_records_as_plain_text(run: Run) -> None:
    reader = csv.DictReader(io.StringIO(ok(run("pairs", "--as-of", "2024-05-01", "-f", "csv")).stdout))
    rows = list(reader)
    assert reader.fieldnames == ["id", "name", "places", "status", "published", "agreements", "proposals", "milestones"]
    assert rows[0]["places"] == "Kingsport; Hanbit (한빛특별자치시)"
    assert rows[0]["agreements"].split("; ")[:2] == [
        "Memorandum of cooperation and friendship: valid until 6 August 2025",
        "Agreement on cyber security: validity not given",
    ]


# --- twins themes ------------------------------------------------------------------------------


def test_themes(run: Run) -> None:
    rows = as_json(run("themes", "--format", "json"))
    assert isinstance(rows, list)
    assert [row["kind"] for row in rows] == ["theme"] * 6 + ["type"] * 3
    assert [list(row) for row in rows] == [THEME_FIELDS] * 9
    cyber = next(row for row in rows if row["slug"] == "cybersecurity")
    assert cyber == {
        "kind": "theme",
        "slug": "cybersecurity",
        "label": "Cybersecurity",
        "aliases": ["cyber", "cyber security", "cyber-security"],
        "proposals": 4,
        "proposals_ticked": 2,
        "proposals_inferred": 2,
    }
    lines = ok(run("themes")).stdout.splitlines()
    assert lines[0].split() == ["Kind", "Slug", "Label", "Aliases", "Proposals"]
    assert len(lines) == 10
    assert lines[3].startswith("theme  cybersecurity  ")
    assert lines[3].endswith("  4 (2 ticked, 2 inferred)")
    reader = csv.DictReader(io.StringIO(ok(run("themes", "-f", "csv")).stdout))
    assert (
        next(row for row in reader if row["slug"] == "cybersecurity")["aliases"]
        == "cyber; cyber security; cyber-security"
    )


# --- output hygiene ----------------------------------------------------------------------------

TABLE_COMMANDS = [
    ("list",),
    ("show", "P5"),
    ("contacts",),
    ("contacts", "P5"),
    ("milestones", "--all"),
    ("pairs",),
    ("themes",),
]


@pytest.mark.parametrize("args", TABLE_COMMANDS)
def test_no_color_means_no_escapes_and_no_boxes(run: Run, args: tuple[str, ...]) -> None:
    out = ok(run(*args)).stdout
    assert "\x1b[" not in out
    for box in "│┃┏━└─":
        assert box not in out
    assert all(line == line.rstrip() for line in out.splitlines())


@pytest.mark.parametrize(
    ("args", "fields"),
    [
        (("list",), LIST_FIELDS),
        (("contacts",), CONTACT_FIELDS),
        (("contacts", "P6"), CONTACT_FIELDS),
        (("milestones", "--all"), EVENT_FIELDS),
        (("themes",), THEME_FIELDS),
    ],
)
def test_csv_header_equals_the_json_keys(run: Run, args: tuple[str, ...], fields: list[str]) -> None:
    rows = as_json(run(*args, "--format", "json"))
    assert isinstance(rows, list)
    reader = csv.DictReader(io.StringIO(ok(run(*args, "--format", "csv")).stdout))
    parsed = list(reader)
    assert reader.fieldnames == list(rows[0]) == fields
    assert len(parsed) == len(rows)
    for key, value in rows[0].items():
        if isinstance(value, list):
            assert parsed[0][key] == "; ".join(value)


def terminal(monkeypatch: pytest.MonkeyPatch, width: int) -> io.StringIO:
    """Make the CLI render as on a colour terminal this wide; return what it prints."""
    buffer = io.StringIO()
    monkeypatch.setattr(render, "wants_plain", lambda: False)
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setattr(
        render,
        "rich_console",
        lambda stderr=False: Console(file=buffer, force_terminal=True, width=width, highlight=False),
    )
    return buffer


def test_terminal_table_never_cuts_emails(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    printed = terminal(monkeypatch, 80)
    ok(run("contacts"))
    text = printed.getvalue()
    for email in (LONGEST_EMAIL, "duncan.moss@weaverscross.example", *P5_EMAILS):
        assert email in text


def test_terminal_prints_data_markup_literally(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    printed = terminal(monkeypatch, 200)
    ok(run("--roadmaps", str(QUERY_FIXTURES), "milestones", "--all"))
    assert "P1 Net zero [bold]x[/] lab starts" in printed.getvalue()
    ok(run("--roadmaps", str(QUERY_FIXTURES), "show", "gamma-delta/P1"))
    assert "\x1b[1;4mP1 Net zero [bold]x[/] lab\x1b[0m\n" in printed.getvalue()  # bold underlined, as written


def test_nothing_upcoming_is_said_once_on_a_colour_terminal(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    printed = terminal(monkeypatch, 80)
    shown = ok(run("milestones", "--as-of", "2030-01-01")).stdout + printed.getvalue()
    assert shown.count("Nothing upcoming after 2030-01-01") == 1
    assert "The most recent:" in shown


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("contacts",),
        ("contacts", "P5"),
        ("show", "P5"),
        ("milestones", "--all"),
        ("milestones", "--as-of", "2030-01-01"),  # nothing upcoming: said once, then the most recent
        ("pairs",),
        ("themes",),
        ("status", "--as-of", "2026-01-01"),
    ],
)
def test_no_color_changes_the_colour_only(run: Run, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]) -> None:
    """A colour terminal shows the lines NO_COLOR shows, 80 columns wide (some on stdout, tables on the console)."""
    monkeypatch.setenv("COLUMNS", "80")
    plain = ok(run(*args)).stdout
    printed = terminal(monkeypatch, 80)
    coloured = ok(run(*args)).stdout + printed.getvalue()
    assert "\x1b[" in printed.getvalue()
    assert sorted(re.sub(r"\x1b\[[0-9;]*m", "", coloured).splitlines()) == sorted(plain.splitlines())


# --- where roadmaps come from ------------------------------------------------------------------


def test_roadmaps_option_env_and_local_folder(run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert "unknown pair 'gamma-delta'" in error_line(run("list", "--pair", "gamma-delta"), 2)  # the sample
    rows = as_json(
        run("--roadmaps", str(QUERY_FIXTURES), "list", "--pair", "gamma-delta", "--as-of", "2025-06-01", "-f", "json")
    )
    assert rows == [
        {
            "id": "P1",
            "pair": "gamma-delta",
            "title": "Net zero [bold]x[/] lab",
            "tagline": None,
            "stage": "priority",
            "themes": ["net-zero"],
            "types": [],
            "inferred_themes": [],
            "inferred_types": [],
            "leads": ["Gamma Lab", "Delta City"],
            "lead_ids": ["gamma-lab", "delta-city"],
            "start": "2025-01",
            "end": "2025-12",
            "status": None,
            "status_note": "start passed, not recorded",
        }
    ]
    monkeypatch.setenv("TWINS_ROADMAPS", str(QUERY_FIXTURES))
    assert listed_ids(run, "--pair", "gamma-delta") == ["P1"]
    rows = as_json(run("--roadmaps", str(SAMPLE), "list", "--format", "json"))
    assert isinstance(rows, list)
    assert len(rows) == 12  # the option wins over the environment
    monkeypatch.delenv("TWINS_ROADMAPS")
    shutil.copytree(QUERY_FIXTURES, tmp_path / "roadmaps")  # ./roadmaps in the working directory
    assert listed_ids(run, "--pair", "gamma-delta") == ["P1"]


def test_roadmaps_folder_problems(run: Run, tmp_path: Path, write_roadmap: WriteRoadmap) -> None:
    assert "does not exist" in error_line(run("--roadmaps", str(tmp_path / "missing"), "list"), 2)
    (tmp_path / "empty").mkdir()
    assert "no roadmaps (*.yaml)" in error_line(run("--roadmaps", str(tmp_path / "empty"), "pairs"), 2)
    broken = write_roadmap(("stage: priority", "stage: prority"))
    line = error_line(run("--roadmaps", str(broken.parent), "list"), 1)
    assert line.startswith("twins: the roadmaps have 1 problem; first: ")
    assert line.endswith(" — run `twins validate` to see them all")


def test_version(run: Run) -> None:
    from twins_cli import __version__

    assert ok(run("--version")).stdout == f"twins {__version__}\n"


# --- help --------------------------------------------------------------------------------------


def _commands() -> dict[str, object]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return dict(group.commands)


def test_every_command_documents_an_example() -> None:
    commands = _commands()
    assert set(commands) >= {"list", "show", "contacts", "milestones", "pairs", "themes", "validate"}
    for name, command in commands.items():
        help_text = getattr(command, "help", None) or ""
        assert "Example: twins" in help_text, name


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_help(run: Run, name: str) -> None:
    out = ok(run(name, "--help")).stdout
    assert "Example: twins" in out
    assert ok(run(name, "-h")).stdout == out


# --- read-only ---------------------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _read_only_runs(data: Path) -> dict[str, list[tuple[str, ...]]]:
    """Runs of each command that reads the roadmaps in ``data`` and must never write to them."""
    return {
        "list": [("list", "--theme", "cyber"), ("list", "--format", "csv")],
        "show": [("show", "P5"), ("show", "P5", "--format", "json"), ("show", "hanbit", "--format", "json")],
        "contacts": [("contacts",), ("contacts", "P5", "--format", "json")],
        "milestones": [("milestones", "--all"), ("milestones", "--as-of", "2024-05-01", "--within", "1y")],
        "pairs": [("pairs",)],
        "orgs": [("orgs", "--stakeholder"), ("orgs", "uok", "--format", "json")],
        "agreements": [("agreements", "--active-on", "2024-05-01")],
        "programme": [("programme",), ("programme", "--format", "json")],
        "themes": [("themes", "--format", "json")],
        "validate": [("validate",), ("validate", "--format", "github")],
        "report": [("report",), ("report", "kingsport-hanbit", "--format", "html")],
        "status": [("status", "--as-of", "2025-01-01"), ("status", "--format", "json")],
        "timeline": [("timeline",), ("timeline", "--format", "mermaid")],
        "schema": [("schema",)],
        "diff": [("diff", str(data), str(data))],
        "cache": [("cache", "info"), ("cache", "clear")],
        "where": [("where",), ("where", "--format", "json")],
        "export": [("export", "roadmaps.xlsx", "--force"), ("export", "roadmaps.json", "-f", "json", "--force")],
        "site": [("site", str(data.parent / "site"))],  # writes only into its own folder
        "record": [("record", "P5", "--status", "active", "--as-of", "2025-01-10", "--dry-run")],
        "milestone": [
            ("milestone", "happened", "1", "--pair", "kingsport-hanbit", "--evidence", "roadmap.txt", "--dry-run")
        ],
        "contact": [("contact", "set", "mark-hill", "--role", "Mayor", "--dry-run")],
        "fmt": [("fmt", "--diff")],
    }


# new and init write new files, never over one (new: without --force); the edits write only what they are asked to
# (tests/cli/test_edit_cli.py), and their --dry-run (fmt's --diff) are read-only runs above
WRITERS = {"new", "init", "record", "milestone", "contact", "fmt"}


def test_every_command_is_known_to_read_or_to_write() -> None:
    """A new command must be added to ``_read_only_runs`` (or ``WRITERS``), so the test below covers it."""
    assert set(_commands()) == set(_read_only_runs(Path())) | WRITERS


@pytest.mark.parametrize("broken", [False, True], ids=["valid", "invalid"])
def test_read_only_commands_never_write_to_the_roadmaps(run: Run, tmp_path: Path, broken: bool) -> None:
    data = tmp_path / "copy"
    shutil.copytree(SAMPLE, data)
    if broken:  # queries (--strict) refuse an invalid roadmap, and must leave it as it is all the same
        roadmap = data / "kingsport-hanbit.yaml"
        roadmap.write_text(roadmap.read_text(encoding="utf-8").replace("stage: priority", "stage: 12", 1), "utf-8")
    before = _snapshot(data)
    assert len(before) == 5
    for runs in _read_only_runs(data).values():
        for args in runs:
            result = run("--roadmaps", str(data), *(("--strict",) if broken else ()), *args)
            if broken:
                assert result.exit_code in (0, 1), result.output
                assert isinstance(result.exception, SystemExit) or result.exception is None
            else:
                ok(result)
    assert _snapshot(data) == before
    assert sorted(path.name for path in data.iterdir()) == sorted(before)
