"""``twins report``: the briefing pack read back with ``html.parser``, as Markdown tables, and printed by Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import FIXTURES, Run, WriteRoadmap
from twins_cli.formats.inference import AGREEMENT_THEMES_LEGEND

QUERY = FIXTURES / "query"
INFERRED = FIXTURES / "inferred"


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


class Page(HTMLParser):
    """What a reader of the page gets: headings, table rows as cell texts, links, and every tag used."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: dict[str, list[str]] = {"h1": [], "h2": [], "h3": [], "h4": []}
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self.style = ""
        self.text: list[str] = []
        self._open: list[str] = []
        self._cell: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("meta", "br"):
            return
        self._open.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        assert self._open and self._open[-1] == tag, f"</{tag}> closes {self._open[-1:]}"
        self._open.pop()
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if not self._open:
            return
        where = self._open[-1]
        if where == "style":
            self.style += data
            return
        self.text.append(data)
        if where in self.headings:
            self.headings[where].append(data)
        if self._cell is not None:
            self._cell.append(data)

    def row(self, first: str) -> list[str]:
        """The table row whose first cell is ``first``."""
        matches = [row for row in self.rows if row and row[0] == first]
        assert len(matches) == 1, (first, matches)
        return matches[0]


def html_report(run: Run, *args: str, roadmaps: Path | None = QUERY) -> Page:
    where = ("--roadmaps", str(roadmaps)) if roadmaps else ()
    return Page(ok(run(*where, "report", *args, "--format", "html")))


def test_html_report_states_the_facts(run: Run) -> None:
    page = html_report(run, "--as-of", "2025-01-01", "--include-personal")
    assert page.headings["h1"] == ["Innovation Twins briefing"]
    assert page.headings["h2"] == ["Alpha–Beta", "Gamma–Delta"]
    assert page.row("Memorandum of understanding") == [
        "Memorandum of understanding",
        "mou",
        "Alpha Council (represented by Dr Ann Smith, Director); Beta City",
        "7 August 2023",
        "valid until 6 August 2025",
        "",  # no themes given
    ]
    assert [row for row in page.rows if row[0] == "P1"] == [
        [
            "P1",
            "Cyber exchange — Students meet",
            "Alpha Council; Beta City",
            "Mar 2024 – Mar 2025",
            "Cybersecurity; Net Zero / Low Carbon*",
        ],
        ["P1", "Net zero [bold]x[/] lab", "Gamma Lab; Delta City", "Jan 2025 – Dec 2025", "Net Zero / Low Carbon"],
    ]
    assert page.row("P2")[1:4] == ["Future idea", "Beta City", "not given"]
    assert sorted(page.links) == [
        "mailto:ann.smith@alpha.example",
        "mailto:ann.smith@alpha.example",
        "mailto:kim.lee@beta.example",
        "mailto:park.min@delta.example",
    ]
    assert [row for row in page.rows if row[0] == "Dr Ann Smith"] == [  # one person, in each pair's sheet
        ["Dr Ann Smith", "Director", "Alpha Council", "ann.smith@alpha.example", "Alpha", "the roadmap, P1"],
        ["Dr Ann Smith", "Visiting fellow", "Gamma Lab", "ann.smith@alpha.example", "Gamma", "P1"],
    ]
    assert "Gamma – Delta (델타광역시)" in page.text
    assert page.text[page.text.index("Population") + 1] == "1,000"  # a definition list: <dt>, then <dd>


def test_html_report_dates_seen_from_as_of(run: Run) -> None:
    early = html_report(run, "alpha-beta", "--as-of", "2024-05-01")
    assert early.row("Early 2025") == ["Early 2025", "Exchange visit", "milestone", "P1"]
    assert "Coming dates (after 2024-05-01)" in early.headings["h3"]
    late = html_report(run, "alpha-beta", "--as-of", "2030-01-01")
    assert "Nothing upcoming after 2030-01-01. The most recent:" in late.text
    assert late.row("6 August 2025")[1] == "Memorandum of understanding expires"
    assert late.row("Memorandum of understanding")[4] == "expired on 6 August 2025"


def test_html_is_one_self_contained_page_that_prints(run: Run) -> None:
    page = html_report(run, "--as-of", "2025-01-01")
    used = {tag for tag, _ in page.tags}
    assert not used & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    attributes = [value or "" for _, attrs in page.tags for value in attrs.values()]
    assert not [value for value in attributes if re.match(r"(https?:)?//", value)]
    assert "url(" not in page.style and "@import" not in page.style and "@font-face" not in page.style
    assert "@media print" in page.style
    assert "section.part { break-before: page;" in page.style
    assert "tr, li, dt, dd { break-inside: avoid;" in page.style
    assert "background: transparent !important" in page.style
    sections = [attrs.get("class") for tag, attrs in page.tags if tag == "section"]
    assert sections == ["part", "part"]  # one per pair: each starts a printed page


def test_html_and_markdown_escape_the_data(run: Run, write_roadmap: WriteRoadmap) -> None:
    hostile = '<script>alert("x")</script> & R&D | *now* [link](http://example.com)'
    folder = write_roadmap(("title: Cyber exchange", f"title: '{hostile}'")).parent
    page = html_report(run, "--as-of", "2025-01-01", roadmaps=folder)
    assert "script" not in {tag for tag, _ in page.tags}
    assert page.row("P1")[1] == f"{hostile} — Students meet"
    markdown = ok(run("--roadmaps", str(folder), "report", "--as-of", "2025-01-01"))
    assert "<script>" not in markdown
    p1 = next(line for line in markdown.splitlines() if line.startswith("| P1 |"))
    assert markdown_cells(p1)[1] == (
        r'\<script\>alert("x")\</script\> & R&D \| \*now\* \[link\](http://example.com) — Students meet'
    )


def markdown_cells(line: str) -> list[str]:
    """The cells of a GitHub table row: split at pipes that are not escaped."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def test_markdown_report_tables_and_headings(run: Run) -> None:
    text = ok(run("--roadmaps", str(QUERY), "report", "--as-of", "2025-01-01", "--include-personal"))
    lines = text.splitlines()
    assert lines[0] == "# Innovation Twins briefing"
    assert [line for line in lines if line.startswith("## ")] == ["## Alpha–Beta", "## Gamma–Delta"]
    tables: list[list[list[str]]] = []
    for index, line in enumerate(lines):
        if line.startswith("|") and (index == 0 or not lines[index - 1].startswith("|")):
            tables.append([])
        if line.startswith("|"):
            tables[-1].append(markdown_cells(line))
    for table in tables:
        assert {len(row) for row in table} == {len(table[0])}, table[0]
        assert set(table[1]) == {"---"}
    agreements = next(table for table in tables if table[0][0] == "Agreement")
    assert agreements[2][4] == "valid until 6 August 2025"
    contacts = [table for table in tables if table[0][0] == "Name"]
    assert [row[3] for row in contacts[0][2:]] == [
        "[ann.smith@alpha.example](mailto:ann.smith@alpha.example)",
        "[kim.lee@beta.example](mailto:kim.lee@beta.example)",
    ]
    assert "- **Population:** 1,000" in lines


def agreements_table(markdown: str) -> list[list[str]]:
    """The agreements table's rows (heading row first), as cells."""
    lines = markdown.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("| Agreement |")))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(markdown_cells(line))
    return [rows[0], *rows[2:]]


def test_report_agreements_show_their_themes_by_label(run: Run) -> None:
    text = ok(run("report", "kingsport-hanbit", "--as-of", "2025-01-01"))
    heading, *rows = agreements_table(text)
    assert heading[-1] == "Themes"
    assert rows[0][-1] == "Smart cities, digital twin and urban mobility; Cybersecurity"  # printed: unmarked
    assert rows[1][-1] == ""  # none given
    assert AGREEMENT_THEMES_LEGEND not in text  # no legend for a mark the part does not use


def test_report_marks_inferred_agreement_themes_and_says_why(run: Run) -> None:
    text = ok(run("--roadmaps", str(INFERRED), "report", "--as-of", "2025-01-01"))
    _, row = agreements_table(text)
    assert row[-1] == "Net Zero / Low Carbon\\*"
    assert f"- \\* {AGREEMENT_THEMES_LEGEND}" in text.splitlines()
    assert "- AGREEMENT-THEMES-REASON" in text.splitlines()


def test_report_of_one_pair_by_place_name(run: Run) -> None:
    page = html_report(run, "delta", "--as-of", "2025-01-01")
    assert page.headings["h1"] == ["Innovation Twins briefing: Gamma–Delta"]
    assert page.headings["h2"] == ["Gamma–Delta"]
    assert "This roadmap has no city snapshots yet." in page.text
    assert "No agreements are recorded for this pair." in page.text


def test_report_of_a_pair_lists_its_proposals_by_stage_with_contacts(run: Run) -> None:
    page = html_report(run, "kingsport-hanbit", "--as-of", "2025-01-01", "--include-personal", roadmaps=None)
    assert [row[0] for row in page.rows if re.fullmatch(r"P[0-9]+", row[0] if row else "")] == [
        f"P{number}" for number in range(1, 13)
    ]
    assert "Priority proposals (8)" in page.headings["h4"] and "Future proposals (4)" in page.headings["h4"]
    assert "mailto:m.quinn@uok.example" in page.links


@pytest.mark.data
def test_report_of_the_built_in_roadmaps(run_builtin: Run) -> None:
    page = html_report(run_builtin, "belfast-sejong", "--as-of", "2025-01-01", "--include-personal", roadmaps=None)
    assert [row[0] for row in page.rows if re.fullmatch(r"P[0-9]+", row[0] if row else "")] == [
        f"P{number}" for number in range(1, 15)
    ]
    assert "$56,811 (USD*, 2021)" in page.text
    assert "348,005 (Belfast Metropolitan Area)" in page.text
    assert "Priority proposals (8)" in page.headings["h4"] and "Future proposals (6)" in page.headings["h4"]
    assert "mailto:m.oneill@ecit.qub.ac.uk" in page.links


def test_report_pair_without_dates(run: Run) -> None:
    page = html_report(run, "lowmoor-dalsan", "--as-of", "2025-01-01", roadmaps=None)
    assert "This roadmap gives no dates." in page.text
    assert "This roadmap has no proposals yet." in page.text


def test_report_unknown_pair_is_a_usage_error(run: Run) -> None:
    result = run("report", "atlantis")
    assert result.exit_code == 2
    assert result.stderr.startswith("twins: unknown pair 'atlantis'")


@pytest.mark.skipif(not shutil.which("chromium"), reason="chromium is not installed (Debian: apt-get install chromium)")
def test_chromium_prints_the_report(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "briefing.html"
    ok(run("--roadmaps", str(QUERY), "report", "--format", "html", "--as-of", "2025-01-01", "-o", str(page)))
    pdf = tmp_path / "briefing.pdf"
    done = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):  # poppler-utils: the cover page, then each pair starts a new page
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60)
        first_lines = [page.strip().splitlines()[0] for page in text.stdout.split("\f") if page.strip()]
        assert first_lines[0] == "Innovation Twins briefing"
        assert [line for line in first_lines if line in ("Alpha–Beta", "Gamma–Delta")] == ["Alpha–Beta", "Gamma–Delta"]
