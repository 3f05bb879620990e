"""``twins report``: the briefing pack read back with ``html.parser``, as Markdown tables, and printed by Chromium."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import FIXTURES, Run, WriteRoadmap
from twins_cli.base.vocabulary import AGREEMENT_KINDS, agreement_kind
from twins_cli.formats.inference import AGREEMENT_THEMES_LEGEND, LINK_LEGEND, THEMES_LEGEND

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
        self.headings: dict[str, list[str]] = {"h1": [], "h2": [], "h3": [], "h4": [], "h5": []}
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
        if tag in ("meta", "br", "wbr"):  # void elements: never closed
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
        "Memorandum of understanding",  # the kind, in words
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
    assert sorted(set(page.links)) == [
        "mailto:ann.smith@alpha.example",
        "mailto:kim.lee@beta.example",
        "mailto:park.min@delta.example",
    ]
    sheets = [row for row in page.rows if len(row) == 6]  # the contact sheets (a proposal's contacts have 5 columns)
    assert [row for row in sheets if row[0] == "Dr Ann Smith"] == [  # one person, in each pair's sheet
        ["Dr Ann Smith", "Director", "Alpha Council", "ann.smith@alpha.example", "Alpha", "the roadmap, P1"],
        ["Dr Ann Smith", "Visiting fellow", "Gamma Lab", "ann.smith@alpha.example", "Gamma", "P1"],
    ]
    assert "Gamma – Delta (델타광역시)" in page.text
    assert page.text[page.text.index("Population") + 1] == "1,000"  # a definition list: <dt>, then <dd>


def test_html_report_dates_seen_from_as_of(run: Run) -> None:
    early = html_report(run, "alpha-beta", "--as-of", "2024-05-01")
    assert early.row("Early 2025") == ["Early 2025", "Exchange visit", "Milestone", "P1"]
    assert "Coming dates (after 1 May 2024)" in early.headings["h3"]
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
    assert "section.part + section.part, section.chapter," in page.style  # each pair but the first, each proposal
    assert "tr, li, dt, dd, p.subtitle, section.chapter table { break-inside: avoid;" in page.style
    assert "background: transparent !important" in page.style
    assert "@page { size: A4;" in page.style
    sections = [attrs.get("class") for tag, attrs in page.tags if tag == "section"]
    assert sections == ["part", "chapter", "chapter", "part", "chapter"]  # a part per pair, a chapter per proposal
    [policy] = [attrs for tag, attrs in page.tags if tag == "meta" and attrs.get("http-equiv")]
    assert policy["content"] == "default-src 'none'; style-src 'unsafe-inline'"  # no script, nothing fetched


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


def test_title_block_names_the_pair_its_places_and_the_date_of_its_data(run: Run) -> None:
    text = ok(run("report", "kingsport-hanbit", "--as-of", "2025-01-01"))
    title_block = text[: text.index("\n## ")].splitlines()
    assert title_block[0] == "# Innovation Twins briefing: Kingsport–Hanbit"
    assert {
        "- **Pair:** Kingsport–Hanbit (kingsport-hanbit)",
        "- **Place (UK):** Kingsport",
        "- **Place (Korea):** Hanbit (한빛특별자치시)",
        "- **Roadmap:** Published, April 2024: A sample roadmap",
        "- **Data as of:** April 2024 (the roadmap's publication)",
        "- **Dates seen from:** 1 January 2025",
    } <= set(title_block)
    part = text[text.index("\n## ") :]
    assert "- **Pair:**" not in part  # said once, in the title block
    assert "- **Proposals:** 12 (8 priority, 4 future)" in part.splitlines()  # the overview, before the agreements
    assert part.index("### Overview") < part.index("### Agreements")


def test_every_pair_has_its_facts_in_its_part_and_a_row_in_the_title_block(run: Run) -> None:
    page = html_report(run, "--as-of", "2025-01-01", roadmaps=None)
    assert page.row("Kingsport–Hanbit")[1:4] == [
        "Kingsport – Hanbit (한빛특별자치시)",
        "Published, April 2024",
        "April 2024 (the roadmap's publication)",
    ]
    assert page.row("Lowmoor–Dalsan")[3] == "not recorded"
    assert page.text.count("Pair") >= len(page.headings["h2"])


def chapters(markdown: str) -> dict[str, str]:
    """Each proposal's chapter of a Markdown report, by its title."""
    found = re.split(r"^#### (P[0-9]+ .*)$", markdown, flags=re.MULTILINE)
    return {title: body.split("\n### ")[0] for title, body in zip(found[1::2], found[2::2], strict=True)}


def test_each_proposal_in_detail_says_what_twins_show_says(run: Run) -> None:
    text = ok(run("report", "kingsport-hanbit", "--as-of", "2025-01-01", "--include-personal"))
    details = chapters(text)
    assert list(details) == [title for title in details if title.startswith("P")] and len(details) == 12
    p5 = details["P5 Cyber Lab"].splitlines()
    assert p5[2] == "*Cybersecurity HackTheon*"  # the tagline under the title
    assert {
        "- **Stage:** Priority proposal",
        "- **Timeline:** Feb 2024 – Jun 2025",
        "- **Leads:** University of Kingsport; Hanbit City; Hanbit University Campus",
        "- **Themes:** Cybersecurity\\*",
        "##### Vision",
        "To be a place where students from partnering universities meet at a HackTheon.",
        "##### Expected outcomes",
        "- A yearly HackTheon.",
        "##### Milestones",
        "- June 2024: Hanbit Cyber Security HackTheon",
        "##### Contacts",
    } <= set(p5)
    contacts = [markdown_cells(line) for line in p5 if line.startswith("| ") and "@" in line]
    assert contacts[0] == [
        "Dr Ann Hart",
        "Cyber Lab Co-ordinator",
        "University of Kingsport",
        "[a.hart@uok.example](mailto:a.hart@uok.example)",
        "Kingsport",
    ]
    show = ok(run("show", "kingsport-hanbit/P5", "--as-of", "2025-01-01"))
    assert "A yearly HackTheon." in show and "Cyber Lab Co-ordinator" in show  # the same facts as the show page


def test_html_details_each_proposal_in_a_chapter_of_its_own(run: Run) -> None:
    page = html_report(run, "kingsport-hanbit", "--as-of", "2025-01-01", roadmaps=None)
    assert "Proposals in detail" in page.headings["h3"]
    titles = [title.split()[0] for title in page.headings["h4"] if re.match(r"P[0-9]+ ", title)]
    assert titles == [f"P{number}" for number in range(1, 13)]
    assert len([tag for tag, attrs in page.tags if tag == "section" and attrs.get("class") == "chapter"]) == 12
    assert {"Vision", "Description", "Expected outcomes", "Milestones", "Contacts"} <= set(page.headings["h5"])
    assert page.text[page.text.index("Stage") + 1] == "Priority proposal"


def test_no_slug_of_an_agreement_kind_or_other_schema_word_is_shown(run: Run) -> None:
    slugs = [*AGREEMENT_KINDS, "agreement-expiry", "proposal-start", "proposal-end", "in-development"]
    for format_name in ("markdown", "html"):
        text = ok(run("report", "--as-of", "2025-01-01", "--format", format_name))
        words = set(re.findall(r"[\w-]+", text))
        assert not words & set(slugs), format_name
    page = html_report(run, "--as-of", "2025-01-01", roadmaps=None)
    kinds = {row[1] for row in page.rows if len(row) == 6 and row[0] != "Agreement" and "@" not in "".join(row)}
    assert {agreement_kind(slug) for slug in AGREEMENT_KINDS} <= kinds
    assert {"Memorandum of understanding", "Cooperation agreement"} <= kinds


def test_an_unknown_agreement_kind_is_shown_as_written() -> None:
    assert agreement_kind("letter-of-intent") == "letter-of-intent"


def test_inferred_values_are_marked_in_a_proposals_detail_too(run: Run) -> None:
    text = ok(run("--roadmaps", str(INFERRED), "report", "--as-of", "2025-01-01"))
    [detail] = chapters(text).values()
    assert "- **Themes:** Cybersecurity; Net Zero / Low Carbon\\*" in detail.splitlines()
    assert "- Early 2025: Exchange visit\\*" in detail.splitlines()  # an inferred link to the proposal
    legend = text[text.index("### Inferred values") :].splitlines()
    assert f"- \\* {THEMES_LEGEND}" in legend and f"- \\* {LINK_LEGEND}" in legend
    assert text.count("### Inferred values") == 1  # said once, at the end of the part, not in each chapter


def test_hostile_proposal_text_is_escaped_in_its_detail(run: Run, write_roadmap: WriteRoadmap) -> None:
    hostile = "<img src=x onerror=alert(1)> & </section><script>x</script> | *bold* [a](javascript:x)"
    folder = write_roadmap(("title: Cyber exchange", f"title: Cyber exchange\n    vision: '{hostile}'")).parent
    page = html_report(run, "--as-of", "2025-01-01", roadmaps=folder)
    assert not {"script", "img"} & {tag for tag, _ in page.tags}
    assert hostile in page.text
    assert [attrs.get("class") for tag, attrs in page.tags if tag == "section"] == ["part", "chapter", "chapter"]
    markdown = ok(run("--roadmaps", str(folder), "report", "--as-of", "2025-01-01"))
    vision = markdown.splitlines()[markdown.splitlines().index("##### Vision") + 2]
    assert vision.startswith("\\<img src=x onerror=alert(1)\\> & \\</section\\>\\<script\\>")
    assert vision.endswith("\\| \\*bold\\* \\[a\\](javascript:x)")


def test_a_proposals_recorded_progress_is_in_its_detail(run: Run) -> None:
    text = ok(run("--roadmaps", str(FIXTURES / "status"), "report", "--as-of", "2025-01-01"))
    [done] = [body for title, body in chapters(text).items() if "- **Status:** completed as of 2025-01-10" in body]
    lines = done.splitlines()
    progress = lines[lines.index("##### Progress") + 2 :]
    assert progress[:3] == [
        "- actually started February 2024",
        "- actually finished 20 December 2024",
        "- 2024-12-20: Final report published (roadmap.txt)",
    ]
