"""Data that attacks its reader: text that fakes output, cells that run as formulas, dates at the calendar's edges.

Every roadmap here is built at test time from the valid fixture. What is
checked is our behaviour: the problem lines ``validate`` prints (line, column,
path, the character named), the cells of every CSV, the size of every chart,
and that an iCalendar file reads back with the days it was given.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from rich.console import Console
from typer.testing import Result

from conftest import Run, WriteRoadmap
from twins_cli.base.text import csv_cell, md_escape
from twins_cli.formats import table as render
from twins_cli.formats.data import to_csv
from twins_cli.formats.document import Paragraph, ReportDocument, document_html, document_markdown
from twins_cli.formats.listing import Column, Listing, field_text
from twins_cli.formats.timeline import MAX_WIDTH, SCALES, fitting_scale

PROBLEM = re.compile(
    r"(?P<file>.+):(?P<line>\d+):(?P<column>\d+): (?P<code>T\d{3}) (?P<message>.+) \(at (?P<path>[^)]+)\)"
)


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.output
    return result


def line_of(path: Path, fragment: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(fragment)) + 1


# --- the text rule: every family of character that makes text show other than it is -------------

# (edit of the valid roadmap, the fragment on the line reported, the character named, path)
HOSTILE_TEXT = [
    (("title: Cyber exchange", 'title: "Cyber \\e[2J exchange"'), '"Cyber', "U+001B ESCAPE", "proposals[0].title"),
    (
        ("title: Future idea", 'title: "Future\\n\\nDESCRIPTION\\nfake"'),
        '"Future',
        "U+000A LINE FEED",
        "proposals[1].title",
    ),
    (("name: Kim Lee", 'name: "Kim\\rLee"'), '"Kim', "U+000D CARRIAGE RETURN", "people[1].name"),
    (("role: Director", 'role: "Dir\\tector"'), '"Dir', "U+0009 CHARACTER TABULATION", "people[0].role"),
    (("tagline: Students meet", 'tagline: "Students\\x7fmeet"'), '"Students', "U+007F DELETE", "proposals[0].tagline"),
    (("title: Roadmap launched", 'title: "Roadmap\\Nlaunched"'), '"Roadmap', "U+0085 NEXT LINE", "milestones[0].title"),
    (("title: Exchange visit", 'title: "Exchange \\x9b2J visit"'), '"Exchange', "U+009B", "milestones[1].title"),
    (("name: Ann Smith", "name: Ann \u202eSmith"), "Ann \u202e", "U+202E RIGHT-TO-LEFT OVERRIDE", "people[0].name"),
    (
        ("name: Alpha Council", 'name: "Alpha \\u2066Council"'),
        '"Alpha',
        "U+2066 LEFT-TO-RIGHT ISOLATE",
        "organisations[0].name",
    ),
    (("name: Beta City", 'name: "Beta\\LCity"'), '"Beta', "U+2028 LINE SEPARATOR", "organisations[1].name"),
    (
        ("title: The Alpha–Beta roadmap", 'title: "The\\Proadmap"'),
        '"The',
        "U+2029 PARAGRAPH SEPARATOR",
        "sources[0].title",
    ),
]


@pytest.mark.parametrize(("edit", "where", "named", "path"), HOSTILE_TEXT, ids=[case[2] for case in HOSTILE_TEXT])
def test_each_unsafe_character_is_a_problem_at_its_line(
    run: Run, write_roadmap: WriteRoadmap, edit: tuple[str, str], where: str, named: str, path: str
) -> None:
    roadmap = write_roadmap(edit)
    result = run("validate", str(roadmap))
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()[:-1]
    found = PROBLEM.fullmatch(line)
    assert found, line
    assert int(found["line"]) == line_of(roadmap, where)
    assert found["code"] == "T213"
    assert found["message"].startswith(f"text contains {named}")  # the character is named, never shown
    assert found["path"] == path
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


def test_every_family_at_once_is_every_problem_in_file_order(run: Run, write_roadmap: WriteRoadmap) -> None:
    roadmap = write_roadmap(*(case[0] for case in HOSTILE_TEXT))
    result = run("validate", str(roadmap))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[-1].endswith(f": {len(HOSTILE_TEXT)} errors in 1 file")
    found = [PROBLEM.fullmatch(line) for line in lines[:-1]]
    assert all(found)
    assert [int(match["line"]) for match in found if match] == sorted(
        line_of(roadmap, case[1]) for case in HOSTILE_TEXT
    )
    assert {match["code"] for match in found if match} == {"T213"}


def test_a_query_refuses_hostile_text(run: Run, write_roadmap: WriteRoadmap) -> None:
    roadmap = write_roadmap(HOSTILE_TEXT[1][0])
    result = run("--roadmaps", str(roadmap.parent), "show", "P2")
    assert result.exit_code == 1
    assert "DESCRIPTION" not in result.stdout


def test_prose_may_span_lines_and_nothing_else(run: Run, write_roadmap: WriteRoadmap) -> None:
    paragraphs = "    vision: |\n      First paragraph.\n      Second paragraph.\n    stage: priority\n"
    ok(run("validate", str(write_roadmap(("    stage: priority\n", paragraphs)))))
    carriage = write_roadmap(("    stage: priority\n", '    description: "One\\r\\nTwo"\n    stage: priority\n'))
    result = run("validate", str(carriage))
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()[:-1]
    assert "U+000D CARRIAGE RETURN" in line and line.endswith("(at proposals[0].description)")
    block = write_roadmap(("title: Cyber exchange", "title: |\n      Cyber\n      exchange"))
    result = run("validate", str(block))
    assert result.exit_code == 1
    assert "U+000A LINE FEED, a line break; write it on one line" in result.stdout
    assert "(at proposals[0].title)" in result.stdout


def test_a_field_name_is_checked_at_its_key(run: Run, write_roadmap: WriteRoadmap) -> None:
    roadmap = write_roadmap(("    population:\n", '    "pop\\u202eulation":\n'))
    result = run("validate", str(roadmap))
    assert result.exit_code == 1
    assert any(
        "field name contains U+202E RIGHT-TO-LEFT OVERRIDE" in line and f":{line_of(roadmap, 'pop')}:5:" in line
        for line in result.stdout.splitlines()
    ), result.stdout


def test_the_programme_file_is_checked_too(run: Run, write_roadmap: WriteRoadmap) -> None:
    roadmap = write_roadmap()
    programme = roadmap.parent / "programme.yaml"
    text = programme.read_text(encoding="utf-8").replace("label: Cybersecurity", 'label: "Cyber\\u202esecurity"')
    programme.write_text(text + "      description: |\n        May span\n        lines.\n", encoding="utf-8")
    result = run("validate", str(roadmap))
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()[:-1]
    assert f"programme.yaml:{line_of(programme, 'Cyber')}:14: T213 text contains U+202E RIGHT-TO-LEFT OVERRIDE" in line
    assert line.endswith("(at vocabulary.themes[0].label)")


# --- CSV: no cell from the data runs as a formula -----------------------------------------------

FORMULA_EDITS = (
    ("title: Cyber exchange", "title: '=1+1'"),
    ("name: Kim Lee", "name: '@SUM(A1)'"),
    ("role: Director", "role: '-5'"),
    ("name: Alpha Council", "name: '+Alpha'"),
    ("title: Exchange visit", "title: '=HYPERLINK(\"https://x.example\")'"),
    ("title: Memorandum of understanding", "title: '@mou'"),
)
CSV_COMMANDS = [("list",), ("contacts",), ("milestones", "--all"), ("pairs",), ("themes",)]


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("args", CSV_COMMANDS, ids=" ".join)
def test_no_csv_cell_starts_a_formula(run: Run, write_roadmap: WriteRoadmap, args: tuple[str, ...]) -> None:
    roadmap = write_roadmap(*FORMULA_EDITS)
    programme = roadmap.parent / "programme.yaml"
    programme.write_text(
        programme.read_text(encoding="utf-8").replace("label: Cybersecurity", "label: '=cmd|x'"), encoding="utf-8"
    )
    found = cells(ok(run("--roadmaps", str(roadmap.parent), *args, "--format", "csv")).stdout)
    assert not [cell for cell in found if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    neutralised = {cell for cell in found if cell.startswith("'")}
    expected = {
        "list": {"'=1+1", "'+Alpha; Beta City"},
        "contacts": {"'@SUM(A1)", "'-5", "'+Alpha"},
        "milestones": {'\'=HYPERLINK("https://x.example")'},
        "pairs": set(),  # agreements are one JSON cell, which starts with "["
        "themes": {"'=cmd|x"},
    }[args[0]]
    assert expected <= neutralised


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"], ids=repr)
def test_csv_neutralises_each_leading_character(lead: str) -> None:
    listing = Listing(
        "t", ("a", "b"), [{"a": f"{lead}1+1", "b": [f"{lead}x", "y"]}], (Column("A", field_text("a")),), ""
    )
    row = list(csv.reader(io.StringIO(to_csv(listing))))[1]
    assert all(cell.startswith("'") for cell in row), row
    assert csv_cell("a=b") == "a=b" and csv_cell("") == ""


# --- outputs bounded by the data, not by a date span --------------------------------------------


@pytest.fixture
def ages(write_roadmap: WriteRoadmap) -> Path:
    """A roadmap whose dates run from year 1 to year 9999, the whole span a date can have."""
    return write_roadmap(
        ("start: 2024-03", "start: 0001-01"),
        ("end: 2025-03", "end: 9999-12"),
        ("date: Early 2025", "date: Late 9999"),
        ("valid_until: 2025-08-06", "valid_until: 9999-12-31"),
        ("signed: 2023-08-07", 'signed: "0001"'),
        ("date: 2024-04", 'date: "0001"'),
    ).parent


@pytest.mark.parametrize("args", [("timeline",), ("timeline", "--format", "mermaid")], ids=" ".join)
def test_a_chart_over_ten_thousand_years_is_small(run: Run, ages: Path, args: tuple[str, ...]) -> None:
    text = ok(run("--roadmaps", str(ages), *args)).stdout
    assert len(text) < 5_000  # two proposals: a few lines, whatever the span
    assert all(len(line) < MAX_WIDTH + 100 for line in text.splitlines())


def test_a_long_chart_says_its_scale_and_labels_round_years(run: Run, ages: Path) -> None:
    text = ok(run("--roadmaps", str(ages), "timeline", "--as-of", "2024-06-01")).stdout
    assert "(a column is 100 years)" in text
    labels = [int(label) for label in text.splitlines()[0].split()]
    assert labels == list(range(500, 10_000, 500))
    mermaid = ok(run("--roadmaps", str(ages), "timeline", "--format", "mermaid")).stdout
    assert "    axisFormat %Y" in mermaid and ", 0001-01-01, 9999-12-31" in mermaid


def test_a_long_chart_fits_a_narrow_terminal(run: Run, ages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")  # a terminal 80 columns wide
    buffer = io.StringIO()
    monkeypatch.setattr(render, "wants_plain", lambda: False)
    monkeypatch.setattr(render, "rich_console", lambda stderr=False: Console(file=buffer, width=80))
    ok(run("--roadmaps", str(ages), "timeline", "--as-of", "2024-06-01"))
    lines = buffer.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines), "\n".join(lines)
    assert any(line.endswith("Jan 0001 – Dec 9999") for line in lines)


@pytest.mark.parametrize(
    ("start", "end", "unit"),
    [
        ("2024-03", "2029-12", "a month"),
        ("2024-03", "2038-12", "a quarter"),
        ("2024-03", "2063-12", "half a year"),
        ("2024-03", "2124-12", "a year"),
        ("1800-01", "2124-12", "5 years"),
        ("0001-01", "9999-12", "100 years"),
    ],
)
def test_a_coarse_axis_labels_the_cells_its_years_fall_in(
    run: Run, write_roadmap: WriteRoadmap, start: str, end: str, unit: str
) -> None:
    roadmap = write_roadmap(("start: 2024-03", f"start: {start}"), ("end: 2025-03", f"end: {end}"))
    lines = ok(run("--roadmaps", str(roadmap.parent), "timeline", "--as-of", "2024-06-01")).stdout.splitlines()
    assert f"(a column is {unit})" in lines[-4]
    (scale,) = [scale for scale in SCALES[1:] if scale.name == unit]
    row = next(line for line in lines if line.startswith("P1 "))
    origin = lines[1].index("Title") + len("Title")
    while lines[1][origin] == " ":
        origin += 1
    first = scale.cell(int(start[:4]) * 12 + int(start[5:]) - 1)
    last = scale.cell(int(end[:4]) * 12 + int(end[5:]) - 1)
    assert row.rindex("█") - origin == last - first  # the bar ends in the cell of the end month
    labels = [(match.start() - origin, int(match.group())) for match in re.finditer(r"[0-9]{4}", lines[0])]
    assert len(labels) >= 2
    for column, year in labels:  # each year over its January; by months, the first also over the axis's start
        assert column == scale.cell(year * 12) - first or (column, year, scale.months) == (0, int(start[:4]), 1)


@pytest.mark.parametrize("months", [1, 30, 60, 61, 119, 120, 121, 400, 1_000, 10_000, 119_988])
def test_the_finest_scale_that_fits_is_chosen(months: int) -> None:
    first = 2024 * 12
    scale = fitting_scale(first, first + months - 1, MAX_WIDTH)
    drawn = (scale.cell(first + months - 1) - scale.cell(first) + 1) * scale.columns
    assert drawn <= MAX_WIDTH
    finer = SCALES[: SCALES.index(scale)]
    assert all((s.cell(first + months - 1) - s.cell(first) + 1) * s.columns > MAX_WIDTH for s in finer)


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--format", "csv"),
        ("show", "P1"),
        ("milestones", "--all"),
        ("milestones", "--all", "--format", "json"),
        ("pairs",),
        ("status", "--as-of", "2025-01-01"),
        ("report",),
        ("report", "--format", "html"),
        ("contacts", "--format", "vcard"),
    ],
    ids=" ".join,
)
def test_other_outputs_do_not_grow_with_the_span(run: Run, ages: Path, args: tuple[str, ...]) -> None:
    assert len(ok(run("--roadmaps", str(ages), *args)).stdout) < 20_000


def test_ics_at_the_calendar_edges_reads_back(run: Run, ages: Path) -> None:
    text = ok(run("--roadmaps", str(ages), "milestones", "--all", "--format", "ics")).stdout
    calendar = icalendar.Calendar.from_ical(text)
    spans = {}
    for event in calendar.walk("VEVENT"):
        first = event.decoded("dtstart")
        length = event.decoded("dtend") - first if "dtend" in event else event.decoded("duration")
        spans[str(event["x-twins-date-label"])] = (first, first + (length - timedelta(days=1)))
    assert spans["January 0001"] == (date(1, 1, 1), date(1, 1, 31))
    assert spans["0001"] == (date(1, 1, 1), date(1, 12, 31))
    assert spans["Late 9999"] == (date(9999, 9, 1), date(9999, 12, 31))
    assert spans["December 9999"] == (date(9999, 12, 1), date(9999, 12, 31))
    assert spans["31 December 9999"] == (date(9999, 12, 31), date(9999, 12, 31))


# --- defence in depth: what reaches an output unvalidated is still shown, never obeyed -----------


def test_markdown_and_html_show_controls_escaped() -> None:
    text = "\x1b[2J# Heading \u202eevil\n- item [x](y)"
    document = ReportDocument("T", (Paragraph(text),), ())
    for output in (document_markdown(document), document_html(document)):
        assert "\x1b" not in output and "\u202e" not in output
        assert "\\x1b[2J" in output or "\\x1b\\[2J" in output
    assert md_escape("- item") == "\\- item" and md_escape("# x") == "\\# x"
