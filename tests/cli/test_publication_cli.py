"""The publication profile on the command line: twins report is public by default, listings with --public.

Read from tests/fixtures/privacy (see tests/query/test_publication.py): Ann Smith and Park Min have
personal addresses, Jo Park an organisation's generic one, and Kim Lee is marked not for publication.
"""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import FIXTURES, Run

PRIVACY = FIXTURES / "privacy"
PERSONAL = ("ann.smith@alpha.example", "park.min@delta.example")
GENERIC = "hello@alpha.example"
WITHHELD = ("kim lee", "kim-lee", "kim.lee@beta.example")


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def absent(text: str, *words: str) -> list[str]:
    """Those of ``words`` that are in ``text``, any case: none, for a test to pass."""
    return [word for word in words if word.casefold() in text.casefold()]


class Footer(HTMLParser):
    """The paragraphs of an HTML page's <footer>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._in: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in.append(tag)
        if tag == "p" and "footer" in self._in:
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in[-2:] == ["footer", "p"]:
            self.paragraphs[-1] += data


@pytest.fixture
def privacy(run: Run) -> Run:
    return lambda *args: run("--roadmaps", str(PRIVACY), *args)


@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_the_report_is_public_by_default(privacy: Run, output_format: str) -> None:
    text = ok(privacy("report", "--as-of", "2025-01-01", "--format", output_format))
    assert absent(text, *PERSONAL, *WITHHELD) == []
    assert f"mailto:{GENERIC}" in text
    assert "Dr Ann Smith" in text  # a person in their role stays


def test_the_public_report_says_what_it_left_out_in_its_footer(privacy: Run) -> None:
    footer = Footer(ok(privacy("report", "--as-of", "2025-01-01", "--format", "html"))).paragraphs
    assert [paragraph.split()[0] for paragraph in footer] == ["2", "1", "1"]  # addresses, a person, text addresses
    markdown = ok(privacy("report", "--as-of", "2025-01-01"))
    after = markdown.partition("\n---\n")[2]
    assert [line.split()[0] for line in after.splitlines() if line] == ["2", "1", "1"]


def test_the_report_of_one_pair_counts_what_it_shows(privacy: Run) -> None:
    footer = Footer(ok(privacy("report", "gamma-delta", "--as-of", "2025-01-01", "--format", "html"))).paragraphs
    # Park Min's address, and Kim Lee: unmarked here, marked in alpha-beta
    assert [paragraph.split()[0] for paragraph in footer] == ["1", "1"]
    assert "text" not in " ".join(footer)  # alpha-beta's note is not on this page


@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_include_personal_puts_them_back_and_says_so(privacy: Run, output_format: str) -> None:
    text = ok(privacy("report", "--as-of", "2025-01-01", "--include-personal", "--format", output_format))
    assert absent(text, *PERSONAL) == list(PERSONAL)
    assert absent(text, *WITHHELD) == []  # never published: the roadmap says so
    assert "--include-personal" in text.rpartition("Coming dates")[2]


def test_include_personal_is_said_in_the_footer(privacy: Run) -> None:
    html = ok(privacy("report", "--as-of", "2025-01-01", "--include-personal", "--format", "html"))
    footer = Footer(html).paragraphs
    assert "--include-personal" in footer[0]
    assert footer[1].startswith("1 ")  # Kim Lee is still left out


def test_listings_are_internal_by_default(privacy: Run) -> None:
    rows = json.loads(ok(privacy("contacts", "--format", "json")))
    assert {row["email"] for row in rows} >= {*PERSONAL, GENERIC, "kim.lee@beta.example"}


def test_contacts_public_json_csv_and_vcard(privacy: Run) -> None:
    result = privacy("contacts", "--public", "--format", "json")
    rows = json.loads(ok(result))
    assert sorted((row["name"], row["email"]) for row in rows) == [
        ("Ann Smith", None),
        ("Jo Park", GENERIC),
        ("Park Min", None),
    ]
    assert len(result.stderr.splitlines()) == 3  # what was left out, said beside the data
    table = list(csv.DictReader(io.StringIO(ok(privacy("contacts", "--public", "--format", "csv")))))
    assert sorted(row["email"] for row in table) == ["", "", GENERIC]
    vcards = ok(privacy("contacts", "--public", "--format", "vcard"))
    assert absent(vcards, *PERSONAL, *WITHHELD) == []
    assert GENERIC in vcards


@pytest.mark.parametrize(
    "args",
    [
        ("show", "alpha-beta/P1", "--format", "json"),
        ("show", "alpha-beta", "--format", "json"),
        ("show", "gamma-delta/P1", "--format", "json"),
        ("orgs", "beta-city", "--format", "json"),
        ("orgs", "alpha-council", "--format", "json"),
        ("agreements", "--format", "json"),
    ],
)
def test_pages_with_people_public(privacy: Run, args: tuple[str, ...]) -> None:
    internal = ok(privacy(*args))
    public = ok(privacy(*args, "--public"))
    assert absent(internal, *WITHHELD) or absent(internal, *PERSONAL)  # there was something to leave out
    assert absent(public, *PERSONAL, *WITHHELD) == []


# Every query that prints data: --format json where it has one.
QUERIES = [
    ("list", "--format", "json"),
    ("pairs", "--format", "json"),
    ("orgs", "--format", "json"),
    ("agreements", "--format", "json"),
    ("contacts", "--format", "json"),
    ("milestones", "--format", "json"),
    ("themes", "--format", "json"),
    ("status", "--format", "json"),
    ("programme", "--format", "json"),
    ("timeline",),
]


@pytest.mark.parametrize("args", QUERIES, ids=[args[0] for args in QUERIES])
def test_every_query_that_shows_people_can_leave_them_out(privacy: Run, args: tuple[str, ...]) -> None:
    """A listing that prints a person's name or own address has --public, and --public leaves them out."""
    internal = ok(privacy(*args))
    if not absent(internal, *PERSONAL, *WITHHELD):
        return
    public = privacy(*args, "--public")
    assert public.exit_code == 0, f"{args[0]} shows people but has no --public: {public.stderr}"
    assert absent(public.stdout, *PERSONAL, *WITHHELD) == []


def test_export_public_leaves_people_out_of_every_sheet(privacy: Run, tmp_path: Path) -> None:
    target = tmp_path / "all.json"
    ok(privacy("export", str(target), "--format", "json"))
    assert absent(target.read_text(encoding="utf-8"), *PERSONAL, *WITHHELD)  # internal by default
    ok(privacy("export", str(target), "--format", "json", "--public", "--force"))
    assert absent(target.read_text(encoding="utf-8"), *PERSONAL, *WITHHELD) == []
