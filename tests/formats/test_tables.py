"""Rows and columns (views.py) and their rendering (render.py), checked against exact strings."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import date

import pytest
from rich.console import Console

from conftest import FIXTURES, SAMPLE
from twins_cli.base.dates import FuzzyDate
from twins_cli.base.text import display_width, printable
from twins_cli.catalog.load import load_catalog
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.formats import table as render
from twins_cli.formats.data import to_csv, to_json
from twins_cli.formats.detail import Section, proposal_detail
from twins_cli.formats.inference import THEMES_LEGEND
from twins_cli.formats.listing import (
    Column,
    Listing,
    contacts_listing,
    event_row,
    events_listing,
    field_text,
    pairs_listing,
    proposal_row,
    proposals_listing,
    themes_listing,
)
from twins_cli.formats.registry import LISTING
from twins_cli.formats.table import (
    plain_detail,
    plain_table,
    print_rich_detail,
    print_rich_table,
    wants_plain,
)
from twins_cli.model.records import Agreement, Catalog, Proposal
from twins_cli.query.contacts import proposal_contacts
from twins_cli.query.events import events
from twins_cli.query.find import find_proposal
from twins_cli.query.proposals import timeline_text
from twins_cli.query.validity import validity

QUERY_FIXTURES = FIXTURES / "query"
LONGEST_EMAIL = "Rosalind.featherstonehaugh@kingsport-digital.example"
AS_OF = date(2025, 1, 1)  # P5 (Feb 2024 – Jun 2025) has started, P1 (Mar 2024) has passed its finish


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(RoadmapsLocation(SAMPLE, "test"))


@pytest.fixture(scope="module")
def two_p1s() -> Catalog:
    return load_catalog(RoadmapsLocation(QUERY_FIXTURES, "test"))


@pytest.fixture
def rich_output(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """What the Rich renderers print, through a wide terminal console that keeps escapes."""
    buffer = io.StringIO()

    def console(stderr: bool = False) -> Console:
        return Console(file=buffer, force_terminal=True, width=200, highlight=False)

    monkeypatch.setattr(render, "rich_console", console)
    return buffer


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def strip_ansi(text: str) -> str:
    """What a colour terminal shows, without the colour."""
    return ANSI.sub("", text)


def listing(rows: list[dict[str, object]], *columns: Column, notes: tuple[str, ...] = ()) -> Listing:
    fields = tuple(rows[0]) if rows else ("a",)
    return Listing("A title", fields, rows, columns, "Nothing here.", notes)


# --- printable ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31m", "\\x1b[31m"),
        ("bell\x07", "bell\\x07"),
        ("a\x00b", "a\\x00b"),
        ("del\x7f", "del\\x7f"),
        ("csi\x9b2J", "csi\\x9b2J"),  # the one-byte C1 control introducer
        ("\r", "\\x0d"),
        ("Ann \u202eSmith", "Ann \\u202eSmith"),  # a direction override, shown rather than obeyed
        ("a\u2066b\u2069", "a\\u2066b\\u2069"),  # isolates
        ("one\u2028two", "one\\u2028two"),  # a line separator fakes a line as much as a line break
        ("tab\tand\nnewline", "tab\tand\nnewline"),  # layout characters are kept
        ("세종특별자치시 – Ö", "세종특별자치시 – Ö"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


# --- wants_plain -------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_with_no_color_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", _Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert wants_plain() is True


def test_rich_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", _Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_plain() is False
    monkeypatch.setenv("NO_COLOR", "")  # an empty NO_COLOR does not count (no-color.org)
    assert wants_plain() is False


def test_plain_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", io.StringIO())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_plain() is True


# --- plain_table -------------------------------------------------------------------------------


def test_plain_table_aligns_wide_characters() -> None:
    table = listing(
        [{"id": "P1", "name": "세종특별자치시", "end": "x"}, {"id": "P10", "name": "Belfast", "end": "y"}],
        Column("ID", field_text("id"), whole=True),
        Column("Name", field_text("name")),
        Column("End", field_text("end")),
    )
    assert plain_table(table) == (
        "ID   Name            End\n"  # "세종특별자치시" is 7 characters but 14 columns
        "P1   세종특별자치시  x\n"
        "P10  Belfast         y\n"
    )


def test_plain_table_one_line_per_row_nothing_cut_no_trailing_space() -> None:
    long = "word " * 60
    table = listing(
        [{"a": "two\nlines  and   spaces", "b": ""}, {"a": long, "b": "\x1b[2J"}],
        Column("A", field_text("a")),
        Column("B", field_text("b")),
    )
    lines = plain_table(table).splitlines()
    assert lines[1] == "two lines and spaces"  # the empty last cell leaves no trailing blanks
    assert lines[2] == f"{long.strip()}  \\x1b[2J"
    assert len(lines) == 3


def test_plain_table_notes_and_empty() -> None:
    column = Column("A", field_text("a"))
    assert plain_table(listing([{"a": "1"}], column, notes=("* a note",))) == "A\n1\n* a note\n"
    assert plain_table(listing([], column, notes=("* a note",))) == "Nothing here.\n"


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("one two three", 7, ["one two", "three"]),
        ("one two three", 3, ["one", "two", "three"]),
        ("a Rosalind.featherstonehaugh@kingsport-digital.example b", 10, ["a", LONGEST_EMAIL, "b"]),
        ("세종특별자치시 세종 Sejong", 14, ["세종특별자치시", "세종 Sejong"]),  # Korean is two columns a character
        ("", 5, [""]),
    ],
)
def test_wrap_words_breaks_only_between_words(text: str, width: int, lines: list[str]) -> None:
    assert render.wrap_words(text, width) == lines


def test_plain_table_wraps_to_the_width_between_words() -> None:
    table = listing(
        [{"id": "P1", "title": "Smart Cities Cluster Mission to Sejong", "note": "finish passed, not recorded"}],
        Column("ID", field_text("id"), whole=True),
        Column("Title", field_text("title")),
        Column("Status", field_text("note")),
        notes=("* inferred from the text",),
    )
    assert plain_table(table, 30) == (
        "ID  Title         Status\n"
        "P1  Smart Cities  finish\n"
        "    Cluster       passed, not\n"
        "    Mission to    recorded\n"
        "    Sejong\n"
        "* inferred from the text\n"
    )
    assert plain_table(table, 200) == plain_table(table)  # room enough: one line per row, as unwrapped


def test_plain_table_wraps_a_row_beside_rows_that_fit_as_they_are() -> None:
    """Rows that fit are printed as measured; a row with a cell too wide wraps beside them, aligned alike."""
    rows = [
        {"id": "P1", "name": "세종특별자치시 세종 Sejong", "note": "ok"},
        {"id": "P2", "name": "Cafe\u0301 in\u00a0Belfast", "note": "a\x1bb"},
        {"id": "P10", "name": "Nov 2025 – Jan 2026", "note": "finish passed, not recorded"},
    ]
    table = listing(
        rows,
        Column("ID", field_text("id"), whole=True),
        Column("Name", field_text("name")),
        Column("Note", field_text("note")),
    )
    assert plain_table(table, 40) == (
        "ID   Name              Note\n"
        "P1   세종특별자치시    ok\n"
        "     세종 Sejong\n"
        "P2   Cafe\u0301 in Belfast  a\\x1bb\n"  # measured as display_width says
        "P10  Nov 2025 – Jan    finish passed,\n"
        "     2026              not recorded\n"
    )
    assert plain_table(table) == (
        "ID   Name                        Note\n"
        "P1   세종특별자치시 세종 Sejong  ok\n"
        "P2   Cafe\u0301 in Belfast            a\\x1bb\n"
        "P10  Nov 2025 – Jan 2026         finish passed, not recorded\n"
    )


def test_plain_table_never_splits_a_word_nor_a_whole_column() -> None:
    words = "Director of Innovation and Economic Development at the Northern Ireland Science Park"
    table = listing(
        [{"name": "Rosalind Featherstonehaugh", "email": LONGEST_EMAIL, "role": words}],
        Column("Name", field_text("name")),
        Column("E-mail", field_text("email"), whole=True),
        Column("Role", field_text("role")),
    )
    text = plain_table(table, 40)
    assert set(text.split()) == {
        "Name",
        "E-mail",
        "Role",
        *["Rosalind", "Featherstonehaugh"],
        LONGEST_EMAIL,
        *words.split(),
    }
    assert LONGEST_EMAIL in text


def sample_listings(catalog: Catalog) -> list[Listing]:
    """Every kind of listing the sample gives, long cells, Korean names and notes among them."""
    proposals = list(catalog.roadmap("kingsport-hanbit").proposals)
    return [
        proposals_listing(catalog, proposals, AS_OF),
        contacts_listing(proposal_contacts(catalog, proposals[4]), "T", sheet=True),
        events_listing(events(catalog), "T", ""),
        pairs_listing(catalog, AS_OF),
        themes_listing(catalog),
    ]


@pytest.mark.parametrize("width", [80, 60, 120])
def test_colour_and_plain_tables_lay_out_alike(catalog: Catalog, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    for table in sample_listings(catalog):
        screen = io.StringIO()
        console = Console(file=screen, force_terminal=True, color_system="truecolor", width=width, highlight=False)
        monkeypatch.setattr(render, "rich_console", lambda stderr=False, console=console: console)
        print_rich_table(table, width)
        plain = plain_table(table, width)
        assert "\x1b[" in screen.getvalue()
        assert strip_ansi(screen.getvalue()) == plain
        least = sum(
            max(max(map(display_width, cell.split(" "))) for cell in [column.header, *map(column.show, table.rows)])
            if not column.whole
            else max(display_width(cell) for cell in [column.header, *map(column.show, table.rows)])
            for column in table.columns
        ) + 2 * (len(table.columns) - 1)
        if least <= width:  # it can fit without cutting a word, so it does
            assert max(display_width(line) for line in plain.splitlines()) <= width


def test_table_width_from_columns_the_terminal_or_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", io.StringIO())
    monkeypatch.delenv("COLUMNS", raising=False)
    assert render.table_width() is None  # piped: one line per row
    monkeypatch.setenv("COLUMNS", "72")
    assert render.table_width() == 72
    monkeypatch.setenv("COLUMNS", "wide")
    assert render.table_width() is None
    monkeypatch.setattr("sys.stdout", _Terminal())
    monkeypatch.setattr(render.os, "get_terminal_size", lambda fd: os.terminal_size((91, 24)))
    monkeypatch.setattr(_Terminal, "fileno", lambda self: 1, raising=False)
    assert render.table_width() == 91  # a terminal, with colour or NO_COLOR alike


def test_field_text_joins_lists_and_blanks_none() -> None:
    show = field_text("v")
    assert show({"v": ["a", "b", 3]}) == "a, b, 3"
    assert show({"v": None}) == ""
    assert show({"v": 14}) == "14"
    assert show({"v": []}) == ""


# --- JSON and CSV ------------------------------------------------------------------------------


def test_to_json_is_utf8_indented_with_final_newline() -> None:
    assert (
        to_json([{"a": "세종", "b": [1, None]}])
        == '[\n  {\n    "a": "세종",\n    "b": [\n      1,\n      null\n    ]\n  }\n]\n'
    )
    assert to_json([]) == "[]\n"


def test_to_csv_header_is_the_field_names_lists_joined() -> None:
    rows = [
        {"id": "P1", "themes": ["net-zero", "cybersecurity"], "start": None, "count": 3},
        {"id": "P2", "themes": [], "start": "2024-03", "count": 0},
    ]
    text = to_csv(listing(rows, Column("ID", field_text("id"))))
    assert text == "id,themes,start,count\nP1,net-zero; cybersecurity,,3\nP2,,2024-03,0\n"


def test_to_csv_quotes_and_shows_records_as_the_listing_says() -> None:
    rows = [{"title": 'A, "quoted" title', "places": [{"id": "x", "name": "세종"}], "text": "esc\x1b[31m"}]
    shown = listing(rows, Column("T", field_text("title")))._replace(
        cells={"places": lambda places: "; ".join(place["name"] for place in places)}
    )
    parsed = list(csv.DictReader(io.StringIO(to_csv(shown))))
    assert parsed == [{"title": 'A, "quoted" title', "places": "세종", "text": "esc\\x1b[31m"}]


@pytest.mark.parametrize("nested", [[{"id": "x"}], {"id": "x"}, [["x"]]], ids=["records", "record", "lists"])
def test_to_csv_never_writes_a_record_the_listing_does_not_say_how_to_show(nested: object) -> None:
    """No JSON in a cell: a field of records without its ``cells`` entry is a bug, caught before any output."""
    with pytest.raises(TypeError, match="places"):
        to_csv(listing([{"id": "P1", "places": nested}], Column("ID", field_text("id"))))


def test_json_format_is_the_rows() -> None:
    text = LISTING.get("json").render(listing([{"a": 1}], Column("A", field_text("a"))))
    assert text == '[\n  {\n    "a": 1\n  }\n]\n'


# --- plain_detail ------------------------------------------------------------------------------


def test_plain_detail() -> None:
    sections = [Section("Tagline", "Short \x1b[1mline"), Section("Leads", ["Alpha", "Beta"]), Section("Empty", [])]
    assert plain_detail("P1 Title", sections) == (
        "P1 Title\n========\n\nTAGLINE\nShort \\x1b[1mline\n\nLEADS\n- Alpha\n- Beta\n\nEMPTY\n"
    )


@pytest.mark.parametrize(("title", "shown"), [("P1 세종", "P1 세종"), ("P1 \x1b", "P1 \\x1b")])
def test_plain_detail_underline_is_as_wide_as_the_printed_title(title: str, shown: str) -> None:
    first, underline = plain_detail(title, []).splitlines()[:2]
    assert first == shown
    assert underline == "=" * 7


def test_plain_detail_wraps_between_words_with_bullets_hanging() -> None:
    sections = [
        Section("Vision", "To be a place where students meet\nA second paragraph"),
        Section("Leads", ["Queen's University Belfast Sejong Campus", LONGEST_EMAIL]),
    ]
    assert plain_detail("P5 Cyber-Cities", sections, 20) == (
        "P5 Cyber-Cities\n===============\n\n"
        "VISION\nTo be a place where\nstudents meet\nA second paragraph\n\n"
        f"LEADS\n- Queen's University\n  Belfast Sejong\n  Campus\n- {LONGEST_EMAIL}\n"
    )
    assert plain_detail("P5", sections) == plain_detail("P5", sections, 10_000)  # piped: as written


@pytest.mark.parametrize("width", [None, 80, 40])
def test_colour_and_plain_detail_lay_out_alike(catalog: Catalog, rich_output: io.StringIO, width: int | None) -> None:
    p5 = find_proposal(catalog, "P5")
    roadmap = catalog.roadmap(p5.pair)
    title, sections, _ = proposal_detail(roadmap, p5, proposal_contacts(catalog, p5), events(catalog), AS_OF)
    print_rich_detail(title, sections, width)
    assert "\x1b[" in rich_output.getvalue()
    assert strip_ansi(rich_output.getvalue()) == plain_detail(title, sections, width)


# --- Rich renderers ----------------------------------------------------------------------------


def test_rich_table_prints_data_markup_literally(rich_output: io.StringIO) -> None:
    print_rich_table(
        listing([{"a": "[bold]x[/]", "b": "[red]y"}], Column("A", field_text("a")), Column("B", field_text("b")))
    )
    text = rich_output.getvalue()
    assert "[bold]x[/]" in text
    assert "[red]y" in text


def test_rich_table_shows_escapes_visibly(rich_output: io.StringIO) -> None:
    print_rich_table(listing([{"a": "evil\x1b]0;title\x07"}], Column("A", field_text("a"))))
    text = rich_output.getvalue()
    assert "evil\\x1b]0;title\\x07" in text
    assert "\x1b]0;" not in text


def test_rich_table_never_cuts_whole_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.StringIO()
    monkeypatch.setattr(
        render,
        "rich_console",
        lambda stderr=False: Console(file=buffer, force_terminal=False, width=60, highlight=False),
    )
    rows = [{"name": "Rosalind Featherstone " * 3, "email": LONGEST_EMAIL, "role": "Director of many things " * 3}]
    print_rich_table(
        listing(
            rows,
            Column("Name", field_text("name")),
            Column("E-mail", field_text("email"), whole=True),
            Column("Role", field_text("role")),
        ),
        60,
    )
    assert LONGEST_EMAIL in buffer.getvalue()


def test_rich_table_empty_and_notes(rich_output: io.StringIO) -> None:
    print_rich_table(listing([], Column("A", field_text("a"))))
    assert rich_output.getvalue() == "Nothing here.\n"
    print_rich_table(listing([{"a": "1"}], Column("A", field_text("a")), notes=("[note] literal",)))
    assert "[note] literal" in rich_output.getvalue()


@pytest.mark.parametrize("title", ["Contacts for a-b/P1: [bold]x[/]", "Contacts for a-b/P1: A [/b] B"])
def test_rich_table_prints_no_title_as_the_plain_one_prints_none(rich_output: io.StringIO, title: str) -> None:
    # The title of `twins contacts ID` holds the proposal's title, which comes from the data.
    table = Listing(title, ("a",), [{"a": "a cell"}], (Column("A", field_text("a")),), "")
    print_rich_table(table)
    assert strip_ansi(rich_output.getvalue()) == plain_table(table) == "A\na cell\n"


def test_rich_detail_prints_data_literally(rich_output: io.StringIO) -> None:
    print_rich_detail("P1 [bold]T[/]", [Section("Tagline", "[red]hot\x1b[0m"), Section("Leads", ["[i]A[/i]"])])
    text = rich_output.getvalue()
    assert "P1 [bold]T[/]" in text
    assert "[red]hot\\x1b[0m" in text
    assert "- [i]A[/i]" in text


def test_emit_table_chooses_rich_or_plain(
    monkeypatch: pytest.MonkeyPatch, rich_output: io.StringIO, capsys: pytest.CaptureFixture[str]
) -> None:
    table = listing([{"a": "cell"}], Column("A", field_text("a")))
    monkeypatch.setattr(render, "wants_plain", lambda: True)
    render.emit_table(table)
    assert capsys.readouterr().out == "A\ncell\n"
    assert rich_output.getvalue() == ""
    monkeypatch.setattr(render, "wants_plain", lambda: False)
    render.emit_table(table)
    assert capsys.readouterr().out == ""
    assert "\x1b[" in rich_output.getvalue()  # in colour
    assert strip_ansi(rich_output.getvalue()) == "A\ncell\n"


def test_emit_detail_chooses_rich_or_plain(
    monkeypatch: pytest.MonkeyPatch, rich_output: io.StringIO, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(render, "wants_plain", lambda: True)
    render.emit_detail("T", [Section("S", "body")])
    assert capsys.readouterr().out == "T\n=\n\nS\nbody\n"
    monkeypatch.setattr(render, "wants_plain", lambda: False)
    render.emit_detail("T", [Section("S", "body")])
    assert capsys.readouterr().out == ""
    assert "body" in rich_output.getvalue()


# --- views: rows -------------------------------------------------------------------------------


def test_proposal_row(catalog: Catalog) -> None:
    p5 = find_proposal(catalog, "P5")
    assert proposal_row(catalog.roadmap("kingsport-hanbit"), p5, AS_OF) == {
        "id": "P5",
        "pair": "kingsport-hanbit",
        "title": "Cyber Lab",
        "tagline": "Cybersecurity HackTheon",
        "stage": "priority",
        "themes": ["cybersecurity"],
        "types": ["knowledge-exchange"],
        "inferred_themes": ["cybersecurity"],
        "inferred_types": ["knowledge-exchange"],
        "leads": ["University of Kingsport", "Hanbit City", "Hanbit University Campus"],
        "lead_ids": ["kingsport-university", "hanbit-city", "hanbit-university"],
        "start": "2024-02",
        "end": "2025-06",
        "status": None,
        "status_note": "start passed, not recorded",
    }


def _proposal(start: str | None, end: str | None) -> Proposal:
    return Proposal(
        pair="a-b",
        id="P1",
        title="T",
        stage="priority",
        leads=(),
        start=FuzzyDate.parse(start) if start else None,
        end=FuzzyDate.parse(end) if end else None,
    )


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2024-02", "2025-06", "Feb 2024 – Jun 2025"),
        ("2024-03", "2024-03", "Mar 2024 – Mar 2024"),
        ("2024", "Early 2025", "2024 – Early 2025"),
        ("2024-03", None, "Mar 2024 – —"),
        (None, None, "not given"),
    ],
)
def test_timeline_text(start: str | None, end: str | None, text: str) -> None:
    assert timeline_text(_proposal(start, end)) == text


def _agreement(**fields: object) -> Agreement:
    return Agreement(pair="a-b", id="mou", kind="mou", title="MOU", parties=(), **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("agreement", "as_of", "text"),
    [
        (_agreement(valid_until=FuzzyDate.parse("2025-08-06")), date(2024, 5, 1), "valid until 6 August 2025"),
        (
            _agreement(valid_until=FuzzyDate.parse("2025-08-06")),
            date(2025, 7, 17),
            "valid until 6 August 2025 (expires in 20 days)",
        ),
        (
            _agreement(valid_until=FuzzyDate.parse("2025-08-06")),
            date(2025, 8, 5),
            "valid until 6 August 2025 (expires in 1 day)",
        ),
        (
            _agreement(valid_until=FuzzyDate.parse("2025-08-06")),
            date(2025, 8, 6),
            "valid until 6 August 2025 (expires today)",
        ),
        (_agreement(valid_until=FuzzyDate.parse("2025-08-06")), date(2025, 8, 7), "expired on 6 August 2025"),
        # the day of the check is never given as the day of expiry
        (_agreement(valid_until=FuzzyDate.parse("2025-08-06")), date(2026, 12, 3), "expired on 6 August 2025"),
        (_agreement(valid_until=FuzzyDate.parse("2025")), date(2025, 12, 31), "valid until 2025 (expires today)"),
        (
            _agreement(valid_until=FuzzyDate.parse("2025-08")),
            date(2025, 8, 11),
            "valid until August 2025 (expires within 20 days)",
        ),
        (_agreement(valid_until=FuzzyDate.parse("2025-08")), date(2025, 9, 1), "expired in August 2025"),
        (_agreement(valid_until=FuzzyDate.parse("Early 2025")), date(2025, 6, 1), "expired in Early 2025"),
        (_agreement(duration_years=5), date(2025, 1, 1), "5 years from signing (signing date not given)"),
        (_agreement(duration_years=1), date(2025, 1, 1), "1 year from signing (signing date not given)"),
        (
            _agreement(duration_years=5, signed=FuzzyDate.parse("2023-08-07")),
            date(2025, 1, 1),
            "5 years from signing on 7 August 2023: valid until 7 August 2028",
        ),
        (
            _agreement(duration_years=5, signed=FuzzyDate.parse("2020-02-29")),
            date(2025, 2, 1),
            "5 years from signing on 29 February 2020: valid until 28 February 2025 (expires in 27 days)",
        ),
        (
            _agreement(duration_years=2, signed=FuzzyDate.parse("2023-06")),
            date(2025, 7, 1),
            "2 years from signing on June 2023: expired in June 2025",
        ),
        (
            _agreement(duration_years=9000, signed=FuzzyDate.parse("2023-06")),
            date(2025, 7, 1),
            "9000 years from signing on June 2023",
        ),
        (_agreement(), date(2025, 1, 1), "validity not given"),
    ],
)
def test_validity(agreement: Agreement, as_of: date, text: str) -> None:
    assert validity(agreement, as_of) == text


def test_event_row_keeps_the_precision_of_the_source(catalog: Catalog) -> None:
    rows = [event_row(event) for event in events(catalog)]
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
    assert rows[-1] == {
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


# --- views: listings ---------------------------------------------------------------------------


def headers(found: Listing) -> list[str]:
    return [column.header for column in found.columns]


def test_proposals_listing_of_one_pair(catalog: Catalog) -> None:
    found = proposals_listing(catalog, [find_proposal(catalog, "P5"), find_proposal(catalog, "P1")], AS_OF)
    assert found.title == "Proposals of kingsport-hanbit"
    assert headers(found) == ["ID", "Title", "Stage", "Leads", "Timeline", "Status", "Themes"]
    assert found.notes == (f"* {THEMES_LEGEND}",)
    assert [column.show(found.rows[0]) for column in found.columns] == [
        "P5",
        "Cyber Lab",
        "priority",
        "University of Kingsport, Hanbit City, Hanbit University Campus",
        "Feb 2024 – Jun 2025",
        "start passed, not recorded",
        "cybersecurity*",
    ]
    assert found.columns[5].show(found.rows[1]) == "finish passed, not recorded"
    assert found.empty == "No proposals match these filters."


def test_proposals_listing_without_inferred_has_no_note(catalog: Catalog) -> None:
    assert proposals_listing(catalog, [find_proposal(catalog, "P1")], AS_OF).notes == ()
    assert proposals_listing(catalog, [], AS_OF).title == "Proposals"


def test_proposals_listing_of_two_pairs_shows_the_pair(two_p1s: Catalog) -> None:
    found = proposals_listing(
        two_p1s, [find_proposal(two_p1s, "alpha-beta/P1"), find_proposal(two_p1s, "gamma-delta/P1")], AS_OF
    )
    assert found.title == "Proposals"
    assert headers(found) == ["Pair", "ID", "Title", "Stage", "Leads", "Timeline", "Status", "Themes"]
    assert [column.show(found.rows[0]) for column in found.columns][-1] == "cybersecurity, net-zero*"


def test_contacts_listing_columns(catalog: Catalog, two_p1s: Catalog) -> None:
    sheet = proposal_contacts(catalog, find_proposal(catalog, "P5"))
    assert headers(contacts_listing(sheet, "T", sheet=True)) == ["Name", "Role", "Organisation", "E-mail", "Side"]
    one_pair = contacts_listing(sheet)
    assert headers(one_pair) == ["Name", "Role", "Organisation", "E-mail", "Side", "Proposals"]
    # Minsu Park is on P5 and P6; within one pair the proposals are shown without it.
    assert [column.show(one_pair.rows[3]) for column in one_pair.columns] == [
        "Prof Minsu Park",
        "Dept of AI Security",
        "Hanbit University Campus",
        "minsu.park@hanbit-univ.example",
        "Hanbit",
        "P5, P6",
    ]
    from twins_cli.query.contacts import all_contacts

    both = contacts_listing(all_contacts(two_p1s))
    assert headers(both) == ["Name", "Role", "Organisation", "E-mail", "Side", "Pairs", "Proposals"]
    assert [column.show(both.rows[0]) for column in both.columns][-2:] == [
        "alpha-beta, gamma-delta",
        "alpha-beta/P1, gamma-delta/P1",
    ]


def test_contact_row(catalog: Catalog) -> None:
    row = contacts_listing(proposal_contacts(catalog, find_proposal(catalog, "P5"))).rows[0]
    assert row == {
        "name": "Ann Hart",
        "title": "Dr",
        "role": "Cyber Lab Co-ordinator",
        "organisation": "University of Kingsport",
        "organisation_inferred": False,
        "inference_reason": None,
        "email": "a.hart@uok.example",
        "pair": "kingsport-hanbit",
        "pairs": ["kingsport-hanbit"],
        "side": "Kingsport",
        "proposals": ["kingsport-hanbit/P5"],
    }


def test_events_listing_columns(catalog: Catalog) -> None:
    found = events_listing(events(catalog)[:1], "Upcoming", "none")
    assert headers(found) == ["When", "What", "Pair", "Kind", "Proposal"]
    assert [column.show(found.rows[0]) for column in found.columns] == [
        "February 2024",
        "P5 Cyber Lab starts",
        "kingsport-hanbit",
        "proposal-start",
        "P5",
    ]
    assert plain_table(events_listing([], "T", "These roadmaps have no dates.")) == "These roadmaps have no dates.\n"


def test_pairs_listing(catalog: Catalog) -> None:
    found = pairs_listing(catalog, date(2024, 5, 1))
    assert [row["id"] for row in found.rows] == ["kingsport-hanbit", "lowmoor-dalsan", "northdale-gaya", "severn-bora"]
    shown = {row["id"]: [column.show(row) for column in found.columns] for row in found.rows}
    assert shown["kingsport-hanbit"] == [
        "kingsport-hanbit",
        "Kingsport – Hanbit (한빛특별자치시)",
        "published, 2024-04",
        "Memorandum of cooperation and friendship: valid until 6 August 2025 (+2 more)",
        "12",
        "5",
    ]
    assert shown["lowmoor-dalsan"] == ["lowmoor-dalsan", "Lowmoor – Dalsan", "in-development", "", "0", "0"]
    assert shown["severn-bora"][3] == (
        "Memorandum of Understanding between Severn City Region and Bora: "
        "5 years from signing (signing date not given) (+1 more)"
    )


def test_themes_listing(catalog: Catalog) -> None:
    found = themes_listing(catalog)
    assert [(row["kind"], row["slug"], row["proposals"]) for row in found.rows] == [
        ("theme", "net-zero", 6),
        ("theme", "smart-cities", 8),
        ("theme", "cybersecurity", 4),
        ("theme", "inclusive-innovation", 0),
        ("theme", "sme-support", 3),
        ("theme", "health-innovation", 0),
        ("type", "knowledge-exchange", 8),
        ("type", "rdi-commercialisation", 8),
        ("type", "sme-internationalisation", 6),
    ]
    assert found.rows[2] == {
        "kind": "theme",
        "slug": "cybersecurity",
        "label": "Cybersecurity",
        "aliases": ["cyber", "cyber security", "cyber-security"],
        "proposals": 4,
        "proposals_ticked": 2,
        "proposals_inferred": 2,
    }


def test_proposal_detail(catalog: Catalog) -> None:
    p5 = find_proposal(catalog, "P5")
    related = [event for event in events(catalog, ("kingsport-hanbit",)) if event.proposal == "P5"]
    title, sections, data = proposal_detail(
        catalog.roadmap("kingsport-hanbit"), p5, proposal_contacts(catalog, p5), related, AS_OF
    )
    assert title == "P5 Cyber Lab"
    assert [section.heading for section in sections] == [
        "Tagline",
        "Pair and stage",
        "Timeline",
        "Status",
        "Leads",
        "Vision",
        "Description",
        "Expected outcomes",
        "Contacts",
        "Themes",
        "Types",
        "Inferred",
        "Milestones",
        "Roadmap sources",
    ]
    body = {section.heading: section.body for section in sections}
    assert body["Pair and stage"] == "Kingsport–Hanbit (kingsport-hanbit), priority proposal"
    assert body["Timeline"] == "Feb 2024 – Jun 2025"
    assert body["Status"] == "start passed, not recorded"
    assert body["Themes"] == "cybersecurity*"
    assert body["Contacts"][0] == (
        "Dr Ann Hart · Cyber Lab Co-ordinator · University of Kingsport · a.hart@uok.example · Kingsport"
    )
    assert body["Milestones"] == [
        "February 2024: P5 Cyber Lab starts",
        "June 2024: Hanbit Cyber Security HackTheon",
        "June 2025: P5 Cyber Lab finishes",
    ]
    assert list(data) == [
        *proposal_row(catalog.roadmap("kingsport-hanbit"), p5, AS_OF),
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
    assert data["sources"] == []  # nothing of P5's own cites a source
    assert data["roadmap_sources"] == [
        {"file": "roadmap.txt", "title": "The Kingsport–Hanbit roadmap", "kind": "roadmap", "date": "2024-04"},
        {"file": "press.txt", "title": "Kingsport and Hanbit sign a roadmap", "kind": "press-release", "date": None},
        {"file": "programme-page.txt", "title": "The programme page", "kind": "web-page", "date": None},
    ]
    json.dumps(data)  # plain JSON values only


def test_proposal_detail_leaves_out_what_is_not_given(two_p1s: Catalog) -> None:
    p2 = find_proposal(two_p1s, "alpha-beta/P2")
    _, sections, data = proposal_detail(two_p1s.roadmap("alpha-beta"), p2, [], [], AS_OF)
    assert [section.heading for section in sections] == ["Pair and stage", "Timeline", "Leads", "Roadmap sources"]
    assert (data["tagline"], data["vision"], data["start"], data["contacts"], data["milestones"]) == (
        None,
        None,
        None,
        [],
        [],
    )
