"""``twins timeline``: the Gantt chart in plain text, in Rich and as Mermaid, checked against the timelines' facts.

Bars are read back off the chart (which months each covers, where today's line
is) and compared with the dates the roadmaps give, not with a stored picture.
"""

from __future__ import annotations

import calendar
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import Result

from conftest import FIXTURES, Run, WriteRoadmap
from support import modules_loaded_by, top_level
from twins_cli.formats import table as render
from twins_cli.formats.timeline import BAR, MONTH_COLUMNS, TODAY

QUERY_FIXTURES = FIXTURES / "query"
MONTH_NAMES = "JFMAMJJASOND"


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


def planned(run: Run, *args: str) -> dict[str, tuple[str, str]]:
    """Each proposal's timeline as ``twins list`` gives it: ``{id: (start, end)}``, only those with both."""
    rows = json.loads(ok(run(*args, "list", "--format", "json")).stdout)
    return {row["id"]: (row["start"], row["end"]) for row in rows if row["start"] and row["end"]}


def chart_months(text: str) -> tuple[list[str], int]:
    """The axis as ``YYYY-MM`` per month column pair, and the column where the bars start."""
    lines = text.splitlines()
    header = next(index for index, line in enumerate(lines) if line.startswith("ID "))
    letters_at = lines[header].index("Title") + len("Title")
    while lines[header][letters_at] == " ":
        letters_at += 1
    letters = lines[header][letters_at : lines[header].index("Timeline")].rstrip()
    years = lines[header - 1]
    count = len(range(0, len(letters), MONTH_COLUMNS))
    labels = [years[letters_at + index * MONTH_COLUMNS :][:4] for index in range(count)]
    is_year = [re.fullmatch(r"[0-9]{4}", label) is not None for label in labels]

    def fits(first: int) -> bool:
        """Whether the axis can start in month ``first`` (0-11): every initial matches, every January has its year."""
        return all(
            letters[index * MONTH_COLUMNS] == MONTH_NAMES[(first + index) % 12]
            and (index == 0 or is_year[index] == ((first + index) % 12 == 0))
            for index in range(count)
        )

    (first,) = [month for month in range(12) if fits(month)]
    year = int(labels[0]) if is_year[0] else int(labels[is_year.index(True)]) - 1
    months = [f"{year + (first + index) // 12:04d}-{(first + index) % 12 + 1:02d}" for index in range(count)]
    return months, letters_at


def bars(text: str) -> dict[str, tuple[str, str]]:
    """``{id: (first month, last month)}`` read off the bars of a plain chart."""
    months, start = chart_months(text)
    found = {}
    for line in text.splitlines():
        ident = line.split(" ", 1)[0]
        if not re.fullmatch(r"P[0-9]+", ident) or BAR not in line:
            continue
        cells = line[start : start + len(months) * MONTH_COLUMNS]
        # A month is two columns, so today's line never hides a month of a bar: the other column shows it.
        solid = [months[index // MONTH_COLUMNS] for index, char in enumerate(cells) if char == BAR]
        found[ident] = (min(solid), max(solid))
    return found


def marker_month(text: str) -> set[tuple[str, int]]:
    """Every (month, half) where a row of the chart has today's line."""
    months, start = chart_months(text)
    found = set()
    rows = text.split("\n" + BAR)[0].splitlines()[2:]  # the chart's rows, down to the legend
    for line in rows:
        for index, char in enumerate(line[start : start + len(months) * MONTH_COLUMNS]):
            if char == TODAY:
                found.add((months[index // MONTH_COLUMNS], index % MONTH_COLUMNS))
    return found


def test_plain_bars_cover_exactly_the_planned_months(run: Run) -> None:
    text = ok(run("timeline", "--pair", "kingsport-hanbit", "--as-of", "2024-06-01")).stdout
    assert "\x1b[" not in text
    assert (
        bars(text)
        == planned(run)
        == {
            "P1": ("2024-03", "2024-03"),
            "P2": ("2025-03", "2025-03"),
            "P3": ("2024-03", "2025-03"),
            "P4": ("2024-03", "2025-03"),
            "P5": ("2024-02", "2025-06"),
            "P6": ("2024-03", "2025-06"),
            "P7": ("2024-03", "2024-12"),
            "P8": ("2024-03", "2025-03"),
        }
    )
    months, _ = chart_months(text)
    assert (months[0], months[-1]) == ("2024-02", "2025-06")
    assert "P2  Smart Cities Mission to Kingsport  " in text  # whole titles, never cut


def test_plain_marks_the_day_in_every_row_and_explains_it(run: Run) -> None:
    text = ok(run("timeline", "--as-of", "2024-06-01")).stdout
    assert marker_month(text) == {("2024-06", 0)}  # the first half of June, in every row
    rows = [line for line in text.splitlines() if re.match(r"(P[0-9]+ |\s+Kingsport)", line)]
    assert len(rows) == 9 and all(TODAY in row for row in rows)
    assert f"{TODAY} today, 2024-06-01" in text
    late = ok(run("timeline", "--as-of", "2024-06-20")).stdout
    assert marker_month(late) == {("2024-06", 1)}


def test_plain_lists_proposals_without_a_timeline(run: Run) -> None:
    text = ok(run("timeline", "--as-of", "2024-06-01")).stdout
    undated = text[text.index("No timeline given:") :].splitlines()[1:]
    assert [line.split()[0] for line in undated] == ["P9", "P10", "P11", "P12"]
    assert "  P12  Public Transport & Hydrogen" in undated


def test_today_far_from_the_timelines_is_said_not_drawn(run: Run) -> None:
    text = ok(run("timeline", "--as-of", "2030-01-01")).stdout
    assert marker_month(text) == set()
    assert "today, 2030-01-01, is after the months shown" in text
    before = ok(run("timeline", "--as-of", "2020-01-01")).stdout
    assert "today, 2020-01-01, is before the months shown" in before


def test_a_day_near_the_timelines_widens_the_axis(run: Run) -> None:
    text = ok(run("--roadmaps", str(QUERY_FIXTURES), "timeline", "--as-of", "2026-02-20")).stdout
    months, _ = chart_months(text)
    assert (months[0], months[-1]) == ("2024-03", "2026-02")
    assert marker_month(text) == {("2026-02", 1)}
    earlier = ok(run("--roadmaps", str(QUERY_FIXTURES), "timeline", "--as-of", "2023-11-01")).stdout
    assert chart_months(earlier)[0][0] == "2023-11"


def test_several_pairs_have_a_heading_each_and_qualified_undated_ids(run: Run) -> None:
    text = ok(run("--roadmaps", str(QUERY_FIXTURES), "timeline", "--as-of", "2024-06-01")).stdout
    assert "Alpha–Beta (alpha-beta)" in text and "Gamma–Delta (gamma-delta)" in text
    assert text.index("Alpha–Beta") < text.index("Cyber exchange") < text.index("Gamma–Delta")
    assert "Net zero [bold]x[/] lab" in text
    assert "  alpha-beta/P2  Future idea" in text
    one = ok(run("--roadmaps", str(QUERY_FIXTURES), "timeline", "--pair", "gamma", "--as-of", "2024-06-01")).stdout
    assert "Alpha–Beta" not in one and bars(one) == {"P1": ("2025-01", "2025-12")}
    assert "No timeline given" not in one


def test_roadmaps_without_timelines(run: Run) -> None:
    result = ok(run("timeline", "--pair", "northdale-gaya"))
    assert result.stdout == "No proposal in these roadmaps has a timeline.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as-of", "June"), "'June' is not a date"),
        (("--pair", "atlantis"), "unknown pair 'atlantis'"),
        (("--format", "mermaid", "--as-of", "2024-06-01"), "a Mermaid chart marks today itself"),
        (("--output", "chart.txt"), "--output saves an export, not a table"),
    ],
)
def test_usage_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("timeline", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_rich_chart_on_a_terminal(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    buffer = io.StringIO()
    monkeypatch.setattr(render, "wants_plain", lambda: False)
    monkeypatch.setattr(
        render, "rich_console", lambda stderr=False: Console(file=buffer, force_terminal=True, width=120)
    )
    ok(run("--roadmaps", str(QUERY_FIXTURES), "timeline", "--as-of", "2024-06-01"))
    text = buffer.getvalue()
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "\x1b[1;31m|" in text  # today's line, in red
    assert "\x1b[36m" + BAR in text  # the bars, in cyan
    assert "Net zero [bold]x[/] lab" in plain  # data printed literally, never read as markup
    assert "Mar 2024 – Mar 2025" in plain and "alpha-beta/P2" in plain
    assert "| today, 2024-06-01" in plain


def test_a_narrow_chart_gives_way_on_titles_only_with_or_without_colour(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    piped = ok(run("timeline", "--as-of", "2024-06-01")).stdout  # no width: nothing cut
    assert "P7  Accelerating Digital Twins  " in piped
    monkeypatch.setenv("COLUMNS", "80")  # a terminal 80 columns wide
    plain = ok(run("timeline", "--as-of", "2024-06-01")).stdout.splitlines()
    buffer = io.StringIO()
    monkeypatch.setattr(render, "wants_plain", lambda: False)
    monkeypatch.setattr(render, "rich_console", lambda stderr=False: Console(file=buffer, force_terminal=True))
    ok(run("timeline", "--as-of", "2024-06-01"))
    coloured = buffer.getvalue()
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured).splitlines() == plain  # colour changes the colour only
    p7 = next(line for line in plain if line.startswith("P7 "))
    assert "…" in p7 and p7.endswith("Mar 2024 – Dec 2024")
    assert all(len(line) <= 80 for line in plain)


TASK = re.compile(
    r"    (?P<name>[^:]+) :(?P<id>[a-z0-9-]+), (?P<start>\d{4}-\d{2}-\d{2}), (?P<end>\d{4}-\d{2}-\d{2})\Z"
)


def tasks(text: str) -> dict[str, tuple[str, str, date, date]]:
    """``{task id: (section, name, first day, last day)}`` from a Mermaid gantt block."""
    found = {}
    section = ""
    for line in text.splitlines():
        if line.startswith("    section "):
            section = line.removeprefix("    section ")
        elif match := TASK.match(line):
            start, end = date.fromisoformat(match["start"]), date.fromisoformat(match["end"])
            found[match["id"]] = (section, match["name"], start, end)
    return found


def test_mermaid_gantt_has_a_task_from_first_to_last_day(run: Run) -> None:
    text = ok(run("timeline", "--format", "mermaid")).stdout
    lines = text.splitlines()
    assert lines[0] == "gantt"
    assert "    dateFormat YYYY-MM-DD" in lines and "    inclusiveEndDates" in lines
    found = tasks(text)
    assert found["kingsport-hanbit-p5"] == ("Kingsport–Hanbit", "P5 Cyber Lab", date(2024, 2, 1), date(2025, 6, 30))
    expected = planned(run)
    assert {key.rsplit("-", 1)[1].upper() for key in found} == set(expected)
    for key, (_, _, first, last) in found.items():
        start, end = expected[key.rsplit("-", 1)[1].upper()]
        assert first.isoformat()[:7] == start and first.day == 1
        assert last.isoformat()[:7] == end and last.day == calendar.monthrange(last.year, last.month)[1]
    assert "    %% no timeline given: kingsport-hanbit/P9 Low Carbon Heat" in lines


def test_mermaid_sections_per_pair(run: Run) -> None:
    found = tasks(ok(run("--roadmaps", str(QUERY_FIXTURES), "timeline", "-f", "mermaid")).stdout)
    assert {key: value[:2] for key, value in found.items()} == {
        "alpha-beta-p1": ("Alpha–Beta", "P1 Cyber exchange"),
        "gamma-delta-p1": ("Gamma–Delta", "P1 Net zero [bold]x[/] lab"),
    }


def test_mermaid_escapes_its_syntax_in_names(run: Run, write_roadmap: WriteRoadmap) -> None:
    path = write_roadmap(("title: Cyber exchange", 'title: "Cyber: exchange #1; now"'))
    text = ok(run("--roadmaps", str(path.parent), "timeline", "-f", "mermaid")).stdout
    assert "    P1 Cyber#58; exchange #35;1#59; now :alpha-beta-p1, " in text
    assert tasks(text)["alpha-beta-p1"][1] == "P1 Cyber#58; exchange #35;1#59; now"


def test_mermaid_to_a_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "timeline.mmd"
    ok(run("timeline", "-f", "mermaid", "--output", str(target)))
    assert target.read_text(encoding="utf-8") == ok(run("timeline", "-f", "mermaid")).stdout


@pytest.mark.parametrize("args", [["timeline"], ["timeline", "--format", "mermaid"]], ids=" ".join)
def test_piped_chart_does_not_load_rich(args: list[str], tmp_path: Path) -> None:
    assert "rich" not in top_level(modules_loaded_by(args, tmp_path))


@pytest.mark.data
def test_readme_shows_the_current_mermaid_chart(run_builtin: Run) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```mermaid\n(.*?)```", readme, re.DOTALL)
    assert block == ok(run_builtin("timeline", "--pair", "belfast-sejong", "--format", "mermaid")).stdout


@pytest.mark.parametrize(
    ("start", "end", "axis"),
    [
        ("2024-11", "2024-12", ["2024-11", "2024-12"]),  # no January: the year stands at the start
        ("2024-12", "2025-02", ["2024-12", "2025-01", "2025-02"]),  # a January too close: its year only
        ("2024-10", "2025-01", ["2024-10", "2024-11", "2024-12", "2025-01"]),  # room for both years
        ("2025-06", "2025-07", ["2025-06", "2025-07"]),
    ],
)
def test_every_month_of_a_short_axis_has_a_readable_year(
    run: Run, write_roadmap: WriteRoadmap, start: str, end: str, axis: list[str]
) -> None:
    path = write_roadmap(("start: 2024-03", f"start: {start}"), ("end: 2025-03", f"end: {end}"))
    text = ok(run("--roadmaps", str(path.parent), "timeline", "--as-of", f"{start}-01")).stdout
    assert chart_months(text)[0] == axis
    assert bars(text) == {"P1": (start, end)}
    assert marker_month(text) == {(start, 0)}
