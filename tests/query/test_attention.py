"""``twins status`` and the progress that ``list`` and ``show`` report: each check on a small fixture.

tests/fixtures/status/north-south.yaml is built so that, as of 2025-05-01, every check finds
something in it; east-west.yaml has no dates at all. The built-in roadmaps record no progress
(the sources say none), so as of 2026-11-23 everything in them is overdue or unrecorded.
"""

from __future__ import annotations

import csv
import inspect
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from conftest import FIXTURES, Run, WriteRoadmap
from twins_cli.base.dates import FuzzyDate
from twins_cli.catalog.load import load_catalog
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.formats import table as render
from twins_cli.formats.listing import Column, Listing, field_text
from twins_cli.model.records import Catalog, Progress, Proposal
from twins_cli.query import attention as status
from twins_cli.query.attention import Options, check_status
from twins_cli.query.progress import overdue, status_note

STATUS = FIXTURES / "status"
AS_OF = date(2025, 5, 1)
FINDING_FIELDS = ["pair", "check", "subject", "date", "label", "message"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(RoadmapsLocation(STATUS, "test"))


def found(catalog: Catalog, check: str, as_of: date = AS_OF, **options: Any) -> list[tuple[str | None, str]]:
    """(subject, message) of what one check finds, as of ``as_of``."""
    report = check_status(catalog, Options(as_of, **options))
    return [(finding.subject, finding.message) for finding in report.findings if finding.check == check]


# --- where a proposal stands -------------------------------------------------------------------


def _proposal(start: str | None, end: str | None, progress: Progress | None = None) -> Proposal:
    return Proposal(
        pair="a-b",
        id="P1",
        title="T",
        stage="priority",
        leads=("x",),
        start=FuzzyDate.parse(start) if start else None,
        end=FuzzyDate.parse(end) if end else None,
        progress=progress,
    )


@pytest.mark.parametrize(
    ("progress", "expected"),
    [
        (None, ("finish", "finish passed, not recorded")),
        (Progress("active", date(2024, 9, 1)), ("finish", "finish passed, active as of 2024-09-01")),
        (Progress("completed", date(2025, 1, 1)), (None, "completed as of 2025-01-01")),
        (Progress("withdrawn", date(2024, 5, 1)), (None, "withdrawn as of 2024-05-01")),
        (Progress("paused", date(2024, 9, 1)), ("finish", "finish passed, paused as of 2024-09-01")),
    ],
)
def test_overdue_after_the_planned_finish(progress: Progress | None, expected: tuple[str | None, str]) -> None:
    proposal = _proposal("2024-01", "2024-12", progress)
    assert (overdue(proposal, AS_OF), status_note(proposal, AS_OF)) == expected


def test_a_recorded_actual_end_is_a_recorded_finish() -> None:
    proposal = _proposal(
        "2024-01", "2024-12", Progress("active", date(2024, 9, 1), actual_end=FuzzyDate.parse("2025-01"))
    )
    assert overdue(proposal, AS_OF) is None


@pytest.mark.parametrize(
    ("progress", "expected"),
    [
        (None, "start"),
        (Progress("proposed", date(2024, 1, 1)), "start"),
        (Progress("active", date(2024, 6, 1)), None),
        (Progress("paused", date(2024, 6, 1)), None),
    ],
)
def test_overdue_after_the_planned_start(progress: Progress | None, expected: str | None) -> None:
    assert overdue(_proposal("2024-03", "2026-12", progress), AS_OF) == expected


def test_nothing_to_say_before_the_dates_or_without_them() -> None:
    assert status_note(_proposal("2025-06", "2026-12"), AS_OF) is None
    assert status_note(_proposal("2025-05", "2026-12"), AS_OF) is None  # May 2025 is not over on 1 May
    assert status_note(_proposal(None, None), AS_OF) is None


# --- each check --------------------------------------------------------------------------------


def test_finish_passed(catalog: Catalog) -> None:
    assert found(catalog, "finish-passed") == [
        ("P1", "P1 Finished on paper: planned to finish June 2024; no progress recorded"),
        ("P4", "P4 Still going: planned to finish December 2024; last recorded as active on 2024-09-01"),
    ]  # P3's completion is recorded
    assert found(catalog, "finish-passed", date(2024, 6, 30)) == []  # June 2024 is not over yet


def test_start_passed(catalog: Catalog) -> None:
    assert found(catalog, "start-passed") == [
        ("P2", "P2 Not started yet: planned to start March 2024; no start recorded")
    ]
    # P1's start has passed too, but its finish is reported instead: once per proposal.
    assert [subject for subject, _ in found(catalog, "start-passed", date(2024, 4, 1))] == ["P1", "P2"]


def test_agreement_expiry(catalog: Catalog) -> None:
    message = (
        "Memorandum of understanding: valid until 30 June 2025 (expires in 60 days); renew it or record that it ended"
    )
    assert found(catalog, "agreement-expiry") == [("north-south-mou", message)]
    assert found(catalog, "agreement-expiry", expiring_within="30d") == []
    longer = found(catalog, "agreement-expiry", date(2025, 1, 1), expiring_within="6m")  # beyond the usual 90 days
    assert longer == [("north-south-mou", message.replace("60 days", "180 days"))]
    assert found(catalog, "agreement-expiry", date(2025, 7, 1)) == [
        ("north-south-mou", "Memorandum of understanding: expired on 30 June 2025; renew it or record that it ended")
    ]


def test_milestone_unrecorded(catalog: Catalog) -> None:
    # Kick-off is recorded as happened; the Summit (Late 2026) is still ahead.
    assert found(catalog, "milestone-unrecorded") == [("Site visit", "Site visit: no record of whether it happened")]


def test_no_date_ahead(catalog: Catalog) -> None:
    assert found(catalog, "nothing-upcoming") == [(None, "no dates at all: no milestone, timeline or expiry")]
    assert found(catalog, "nothing-upcoming", date(2027, 1, 1)) == [  # the dated first
        (None, "nothing planned after 2027-01-01; the last date is December 2026 (P2 Not started yet finishes)"),
        (None, "no dates at all: no milestone, timeline or expiry"),
    ]


def test_stale(catalog: Catalog) -> None:
    east_west = (None, "no updated date, and no published or source date: when was it last reviewed?")
    assert found(catalog, "stale") == [east_west]  # north-south was reviewed on 2025-03-01
    assert found(catalog, "stale", stale_after="1m") == [  # the dated first
        (None, "last reviewed (updated): 1 March 2025, more than 1m before 2025-05-01"),
        east_west,
    ]


def test_stale_without_updated_says_which_date_it_used(write_roadmap: WriteRoadmap, run: Run) -> None:
    folder = write_roadmap().parent
    data = json.loads(run("--roadmaps", str(folder), "status", "--as-of", "2026-01-01", "-f", "json").stdout)
    assert [f["message"] for f in data["findings"] if f["check"] == "stale"] == [
        "no updated date; published: April 2024, more than 12m before 2026-01-01"
    ]
    dated_source = write_roadmap(
        ("    published: 2024-04\n", ""), ("    title: The Alpha–Beta roadmap\n", "    title: T\n    date: 2024-02\n")
    ).parent
    data = json.loads(run("--roadmaps", str(dated_source), "status", "--as-of", "2026-01-01", "-f", "json").stdout)
    assert [f["label"] for f in data["findings"] if f["check"] == "stale"] == ["February 2024"]
    assert "newest dated source roadmap.txt" in json.dumps(data)


def test_shared_contact(catalog: Catalog) -> None:
    assert found(catalog, "shared-contact") == [
        (
            "ann-smith",
            "Dr Ann Smith (North Council) is the contact for 4 proposals (P1, P2, P3, P4): a single point of failure",
        ),
        (
            "kim-lee",
            "Kim Lee (South City) is the contact for 5 proposals (P1, P2, P3, P4, P5): a single point of failure",
        ),
    ]
    assert [subject for subject, _ in found(catalog, "shared-contact", max_proposals_per_contact=5)] == ["kim-lee"]


def test_one_sided_contacts(catalog: Catalog, write_roadmap: WriteRoadmap) -> None:
    assert found(catalog, "one-sided-contacts") == [("P5", "P5 One-sided: no contact on the North side")]
    alpha_beta = load_catalog(RoadmapsLocation(write_roadmap().parent, "test"))  # its P2 has no contacts
    assert found(alpha_beta, "one-sided-contacts") == [("P2", "P2 Future idea: no contact on either side")]


def test_every_check_is_tested_in_this_file() -> None:
    own_text = Path(__file__).read_text(encoding="utf-8")
    assert [check.__name__ for check in status.CHECKS.values() if f"def test_{check.__name__}(" not in own_text] == []


def test_every_check_function_is_registered() -> None:
    checks = {
        name
        for name, function in inspect.getmembers(status, inspect.isfunction)
        if function.__module__ == status.__name__
        and inspect.signature(function).return_annotation == "Iterator[Finding]"
    }
    assert checks == {check.__name__ for check in status.CHECKS.values()}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"stale_after": "a year"}, "'a year' is not a period"),
        ({"expiring_within": "0d"}, "'0d' is not a period"),
        ({"max_proposals_per_contact": 1}, "--max-proposals-per-contact must be at least 2, not 1"),
    ],
)
def test_options_are_checked_before_any_roadmap_is_read(options: dict[str, Any], message: str) -> None:
    from twins_cli.errors import UsageError

    with pytest.raises(UsageError, match=message):
        Options(AS_OF, **options)


# --- twins status ------------------------------------------------------------------------------


def test_status_table_one_per_roadmap(run: Run) -> None:
    result = run("--roadmaps", str(STATUS), "status", "--as-of", "2025-05-01")
    assert result.exit_code == 0
    blocks = result.stdout.split("\n\n")
    assert [block.splitlines()[0] for block in blocks] == [
        "east-west (East–West): 2 things need attention",
        "north-south (North–South): 8 things need attention",
        "10 findings in 2 of 2 roadmaps as of 2025-05-01.",
    ]
    assert blocks[1].splitlines()[1].split() == ["When", "Check", "What"]
    assert (
        "30 June 2025    agreement-expiry      Memorandum of understanding: valid until 30 June 2025 (expires in"
        in blocks[1]
    )
    assert "\x1b[" not in result.stdout


def test_status_json(run: Run) -> None:
    result = run("--roadmaps", str(STATUS), "status", "--as-of", "2025-05-01", "--pair", "north", "-f", "json")
    data = json.loads(result.stdout)
    assert list(data) == ["as_of", "needs_attention", "roadmaps", "findings"]
    assert (data["as_of"], data["needs_attention"], data["roadmaps"]) == ("2025-05-01", True, ["north-south"])
    assert all(list(finding) == FINDING_FIELDS for finding in data["findings"])
    assert data["findings"][1] == {
        "pair": "north-south",
        "check": "finish-passed",
        "subject": "P1",
        "date": "2024-06",
        "label": "June 2024",
        "message": "P1 Finished on paper: planned to finish June 2024; no progress recorded",
    }
    assert [f["check"] for f in data["findings"]].count("shared-contact") == 2


def test_findings_are_most_urgent_first_then_by_date(catalog: Catalog) -> None:
    assert list(status.URGENCY) == [  # the order README documents
        "agreement-expiry",
        "finish-passed",
        "start-passed",
        "milestone-unrecorded",
        "nothing-upcoming",
        "stale",
        "one-sided-contacts",
        "shared-contact",
    ]
    report = check_status(catalog, Options(date(2027, 1, 1), stale_after="1m"))
    assert [(f.check, f.pair, f.subject) for f in report.findings] == [
        ("agreement-expiry", "north-south", "north-south-mou"),
        ("finish-passed", "north-south", "P1"),  # June 2024
        ("finish-passed", "north-south", "P4"),  # December 2024
        ("finish-passed", "north-south", "P2"),  # December 2026
        ("milestone-unrecorded", "north-south", "Site visit"),  # September 2024
        ("milestone-unrecorded", "north-south", "Summit"),  # Late 2026
        ("nothing-upcoming", "north-south", None),  # dated before undated
        ("nothing-upcoming", "east-west", None),
        ("stale", "north-south", None),
        ("stale", "east-west", None),
        ("one-sided-contacts", "north-south", "P5"),
        ("shared-contact", "north-south", "ann-smith"),
        ("shared-contact", "north-south", "kim-lee"),
    ]


def test_status_csv_is_the_json_findings(run: Run) -> None:
    args = ("--roadmaps", str(STATUS), "status", "--as-of", "2025-05-01")
    findings = json.loads(run(*args, "-f", "json").stdout)["findings"]
    rows = list(csv.DictReader(io.StringIO(run(*args, "-f", "csv").stdout)))
    assert rows == [{key: value or "" for key, value in finding.items()} for finding in findings]
    assert list(rows[0]) == FINDING_FIELDS


@pytest.mark.parametrize("output_format", ["json", "csv"])
def test_status_exports_to_a_file_and_refuses_the_table(run: Run, tmp_path: Path, output_format: str) -> None:
    args = ("--roadmaps", str(STATUS), "status", "--as-of", "2025-05-01")
    target = tmp_path / f"status.{output_format}"
    assert run(*args, "-f", output_format, "--output", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == run(*args, "-f", output_format).stdout
    assert run(*args, "-f", output_format, "--output", str(target)).exit_code == 2  # never replaced without --force
    assert run(*args, "--output", str(tmp_path / "table.txt")).exit_code == 2  # a table is for the screen


def test_status_strict_exits_1_only_when_something_needs_attention(run: Run, write_roadmap: WriteRoadmap) -> None:
    assert run("--roadmaps", str(STATUS), "status", "--as-of", "2025-05-01").exit_code == 0
    assert run("--roadmaps", str(STATUS), "status", "--as-of", "2025-05-01", "--strict").exit_code == 1
    folder = write_roadmap(
        ("    leads: [beta-city]\nmilestones", "    leads: [beta-city]\n    contacts: [kim-lee, ann-smith]\nmilestones")
    ).parent
    result = run("--roadmaps", str(folder), "status", "--as-of", "2024-01-01", "--strict")
    assert result.exit_code == 0
    assert (
        result.stdout
        == "alpha-beta (Alpha–Beta): nothing needs attention\n\nNothing needs attention as of 2024-01-01.\n"
    )
    data = json.loads(run("--roadmaps", str(folder), "status", "--as-of", "2024-01-01", "-f", "json").stdout)
    assert (data["needs_attention"], data["findings"]) == (False, [])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--stale-after", "soon"), "twins: 'soon' is not a period"),
        (("--expiring-within", "9x"), "twins: '9x' is not a period"),
        (("--max-proposals-per-contact", "1"), "twins: --max-proposals-per-contact must be at least 2, not 1"),
        (("--as-of", "2025-02-30"), "twins: '2025-02-30' is not a date"),
        (("--pair", "atlantis"), "twins: unknown pair 'atlantis'"),
    ],
)
def test_status_usage_errors_exit_2(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("status", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""


@pytest.mark.data
def test_status_of_the_built_in_roadmaps_is_all_overdue_or_unrecorded(run_builtin: Run) -> None:
    result = run_builtin("status", "--as-of", "2026-11-23", "--format", "json", "--strict")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    belfast = [f for f in findings if f["pair"] == "belfast-sejong"]
    # by planned finish: March 2024, March 2025 (in roadmap order), then June 2025
    assert [f["subject"] for f in belfast if f["check"] == "finish-passed"] == [
        "P1", "P2", "P3", "P4", "P7", "P8", "P5", "P6"
    ]  # fmt: skip
    assert [f["subject"] for f in belfast if f["check"] == "milestone-unrecorded"][
        3
    ] == "Sejong Cyber Security HackTheon"
    assert {"check": "agreement-expiry", "subject": "belfast-sejong-mou", "date": "2025-08-06"}.items() <= next(
        f for f in belfast if f["check"] == "agreement-expiry"
    ).items()
    assert [f["message"] for f in belfast if f["check"] == "shared-contact"] == [
        "Do-Yeong Lim (Sejong TechnoPark) is the contact for 4 proposals (P1, P2, P3, P7): a single point of failure"
    ]
    assert {f["pair"] for f in findings if f["check"] == "nothing-upcoming"} == {
        "belfast-sejong",
        "birmingham-ulsan",
        "glasgow-daegu",
        "liverpool-busan",
    }


def test_emit_titled_tables_on_a_colour_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(render, "rich_console", lambda stderr=False: Console(file=screen, width=100, color_system=None))
    monkeypatch.setattr(render, "wants_plain", lambda: False)
    column = Column("What", field_text("message"))
    render.emit_titled_tables(
        [
            Listing("a-b: 1 thing needs attention", ("message",), [{"message": "late"}], (column,), ""),
            Listing("c-d: nothing needs attention", ("message",), [], (column,), ""),
        ]
    )
    assert screen.getvalue() == "What\nlate\n"
    assert "attention" not in screen.getvalue()  # the titles are plain lines above the tables
    assert capsys.readouterr().out == "a-b: 1 thing needs attention\n\nc-d: nothing needs attention\n"


# --- progress in list and show -----------------------------------------------------------------


def test_list_shows_recorded_status_or_not_recorded(run: Run) -> None:
    rows = json.loads(
        run("--roadmaps", str(STATUS), "list", "--pair", "north", "--as-of", "2025-05-01", "-f", "json").stdout
    )
    assert [(row["id"], row["status"], row["status_note"]) for row in rows] == [
        ("P1", None, "finish passed, not recorded"),
        ("P2", None, "start passed, not recorded"),
        ("P3", "completed", "completed as of 2025-01-10"),
        ("P4", "active", "finish passed, active as of 2024-09-01"),
        ("P5", None, None),
    ]
    table = run("--roadmaps", str(STATUS), "list", "--pair", "north", "--as-of", "2024-01-01").stdout
    assert "Not started yet    priority  South City     Mar 2024 – Dec 2026" in table
    assert "not recorded" not in table  # on 1 January 2024 no planned date has passed


def test_show_progress(run: Run) -> None:
    out = run("--roadmaps", str(STATUS), "show", "P3", "--as-of", "2025-05-01").stdout
    assert (
        "TIMELINE\nJan 2024 – Dec 2024\n\nSTATUS\n- completed as of 2025-01-10\n- actually started February 2024\n"
        "- actually finished 20 December 2024\n- 2024-12-20: Final report published (roadmap.txt)\n\nLEADS\n"
    ) in out
    assert (
        "STATUS\nfinish passed, not recorded\n"
        in run("--roadmaps", str(STATUS), "show", "P1", "--as-of", "2025-05-01").stdout
    )
    assert "STATUS" not in run("--roadmaps", str(STATUS), "show", "P1", "--as-of", "2024-01-15").stdout
    data = json.loads(run("--roadmaps", str(STATUS), "show", "P3", "--as-of", "2025-05-01", "-f", "json").stdout)
    assert data["progress"] == {
        "status": "completed",
        "as_of": "2025-01-10",
        "actual_start": "2024-02",
        "actual_end": "2024-12-20",
        "notes": [{"date": "2024-12-20", "text": "Final report published", "source": "roadmap.txt"}],
    }
    assert (data["status"], data["status_note"]) == ("completed", "completed as of 2025-01-10")


def test_show_rejects_a_bad_as_of(run: Run) -> None:
    result = run("show", "P5", "--as-of", "tomorrow")
    assert result.exit_code == 2
    assert result.stderr.startswith("twins: 'tomorrow' is not a date")


def test_the_updated_date_is_read(catalog: Catalog) -> None:
    assert catalog.roadmap("north-south").updated == date(2025, 3, 1)


@pytest.mark.data
def test_the_built_in_roadmaps_record_no_progress() -> None:
    from twins_cli.files.locate import builtin_dir

    builtin = load_catalog(RoadmapsLocation(builtin_dir("roadmaps"), "built-in"))
    assert [p.id for p in builtin.proposals if p.progress] == []
    assert [m.title for r in builtin.roadmaps for m in r.milestones if m.happened is not None] == []
    assert [r.id for r in builtin.roadmaps if r.updated] == []


def test_status_piped_loads_neither_rich_nor_jsonschema(tmp_path: Path) -> None:
    from support import modules_loaded_by, top_level

    loaded = top_level(modules_loaded_by(["status", "--as-of", "2026-11-23"], tmp_path))
    assert {"rich", "jsonschema"} & loaded == set()


def test_agreement_expiry_from_signing_and_duration(write_roadmap: WriteRoadmap, run: Run) -> None:
    """An agreement for a number of years from a known signing date expires too."""
    folder = write_roadmap(("    valid_until: 2025-08-06", "    duration_years: 2")).parent
    result = run("--roadmaps", str(folder), "status", "--as-of", "2025-08-01", "--format", "json")
    messages = [f["message"] for f in json.loads(result.stdout)["findings"] if f["check"] == "agreement-expiry"]
    assert messages == [
        "Memorandum of understanding: 2 years from signing on 7 August 2023: valid until 7 August 2025 "
        "(expires in 6 days); renew it or record that it ended"
    ]
