"""Files people open in spreadsheets: workbooks read back with openpyxl, CSV for Excel read back with ``csv``.

A workbook's sheet holds what the same command's CSV holds, typed: a full date
is a date, a fuzzy one stays text, numbers and flags keep their type, and text
from the data is never a formula. The same data gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import Result

from conftest import SAMPLE, VALID, Run, WriteRoadmap
from support import modules_loaded_by, top_level
from twins_cli.base.text import display_width
from twins_cli.cli.output import refuse_screen_output
from twins_cli.errors import UsageError
from twins_cli.formats.data import excel_csv, to_csv
from twins_cli.formats.listing import PROPOSAL_FIELDS, Column, Listing, field_text
from twins_cli.formats.registry import LISTING
from twins_cli.formats.workbook import SHEETS
from twins_cli.formats.xlsx import listing_xlsx, sheet_name

ZIP_MAGIC = b"PK\x03\x04"
BOM = b"\xef\xbb\xbf"
PROGRAMME_TITLE = "Sample Innovation Twins roadmaps"
KOREAN_NAME = "김민수김민수김민수"  # nine characters, eighteen columns wide
HOSTILE_EDITS = (
    ("title: Cyber exchange", "title: '=1+2'"),
    ("tagline: Students meet", "tagline: '#N/A'"),
    ("role: Director", "role: '@SUM(A1)'"),
    ("name: Kim Lee", f"name: {KOREAN_NAME}"),
)

# Each listing command, with what it needs to list something: all its rows are compared with its CSV.
LISTING_RUNS = {
    "list": ("list",),
    "pairs": ("pairs", "--as-of", "2024-05-01"),
    "themes": ("themes",),
    "orgs": ("orgs",),
    "agreements": ("agreements", "--as-of", "2024-05-01"),
    "contacts": ("contacts",),
    "milestones": ("milestones", "--all"),
    "status": ("status", "--as-of", "2025-01-01"),
}


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


def load(path: Path) -> Any:
    return openpyxl.load_workbook(path)


def rows_of(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def as_csv_text(value: Any) -> str:
    """A typed cell as the same command's CSV writes it."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, datetime):
        return value.date().isoformat()
    return "" if value is None else str(value)


def without_formula_guard(cell: str) -> str:
    """A CSV cell without the ``'`` that CSV puts before a formula-like text (a workbook types it as text instead)."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t") else cell


@pytest.fixture
def hostile(write_roadmap: WriteRoadmap) -> Path:
    """The valid roadmap with a formula for a title, an error code for a tagline, and a long Korean name."""
    return write_roadmap(*HOSTILE_EDITS).parent


# --- --format xlsx: every listing --------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(LISTING_RUNS))
def test_every_listings_workbook_holds_its_csv_typed(run: Run, tmp_path: Path, name: str) -> None:
    args = LISTING_RUNS[name]
    target = tmp_path / f"{name}.xlsx"
    ok(run(*args, "--format", "xlsx", "--output", str(target)))
    expected = list(csv.reader(io.StringIO(ok(run(*args, "--format", "csv")).stdout)))
    [sheet] = load(target).worksheets
    shown = [[as_csv_text(value) for value in row] for row in rows_of(sheet)]
    assert shown == [[without_formula_guard(cell) for cell in row] for row in expected]
    assert len(shown) > 1
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"


def test_a_listing_is_one_sheet_named_after_it(run: Run, tmp_path: Path) -> None:
    ok(run("list", "--format", "xlsx", "--output", "proposals.xlsx"))
    workbook = load(tmp_path / "proposals.xlsx")
    assert workbook.sheetnames == ["Proposals of kingsport-hanbit"]
    assert rows_of(workbook.active)[0] == PROPOSAL_FIELDS


def test_full_dates_are_dates_and_fuzzy_dates_stay_text(run: Run, tmp_path: Path) -> None:
    ok(run("--roadmaps", str(VALID), "milestones", "--all", "-f", "xlsx", "-o", "dates.xlsx"))
    sheet = load(tmp_path / "dates.xlsx").active
    header = [cell.value for cell in sheet[1]]
    by_title = {row[header.index("title")].value: row for row in sheet.iter_rows(min_row=2)}
    expiry = by_title["Memorandum of understanding expires"][header.index("date")]
    assert expiry.is_date
    assert expiry.value == datetime(2025, 8, 6)
    assert expiry.number_format == "yyyy-mm-dd"
    visit = by_title["Exchange visit"]
    assert (visit[header.index("date")].value, visit[header.index("label")].value) == ("2025", "Early 2025")
    start = by_title["P1 Cyber exchange starts"][header.index("date")]
    assert (start.value, start.data_type, start.is_date) == ("2024-03", "s", False)  # a month: no day made up


def test_numbers_and_flags_keep_their_type(run: Run, tmp_path: Path) -> None:
    ok(run("themes", "-f", "xlsx", "-o", "themes.xlsx"))
    ok(run("contacts", "-f", "xlsx", "-o", "contacts.xlsx"))
    themes = rows_of(load(tmp_path / "themes.xlsx").active)
    assert all(isinstance(value, int) for row in themes[1:] for value in row[4:])
    contacts = rows_of(load(tmp_path / "contacts.xlsx").active)
    inferred = contacts[0].index("organisation_inferred")
    assert {row[inferred] for row in contacts[1:]} <= {True, False}


def test_text_from_the_data_is_never_a_formula_nor_an_error(run: Run, tmp_path: Path, hostile: Path) -> None:
    ok(run("--roadmaps", str(hostile), "list", "-f", "xlsx", "-o", "list.xlsx"))
    ok(run("--roadmaps", str(hostile), "contacts", "-f", "xlsx", "-o", "contacts.xlsx"))
    sheet = load(tmp_path / "list.xlsx").active
    header = [cell.value for cell in sheet[1]]
    title, tagline = sheet.cell(2, header.index("title") + 1), sheet.cell(2, header.index("tagline") + 1)
    assert (title.value, title.data_type) == ("=1+2", "s")
    assert (tagline.value, tagline.data_type) == ("#N/A", "s")
    contacts = rows_of(load(tmp_path / "contacts.xlsx").active)
    assert "@SUM(A1)" in [row[contacts[0].index("role")] for row in contacts]
    for workbook in ("list.xlsx", "contacts.xlsx"):  # no formula element anywhere in the file
        with zipfile.ZipFile(tmp_path / workbook) as archive:
            assert not any(b"<f>" in archive.read(name) for name in archive.namelist())


def test_a_korean_name_survives_and_its_column_is_twice_as_wide(run: Run, tmp_path: Path, hostile: Path) -> None:
    ok(run("--roadmaps", str(hostile), "contacts", "-f", "xlsx", "-o", "contacts.xlsx"))
    sheet = load(tmp_path / "contacts.xlsx").active
    assert KOREAN_NAME in [row[0] for row in rows_of(sheet)]
    assert sheet.column_dimensions["A"].width == display_width(KOREAN_NAME) + 2 == 20


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Contacts for kingsport-hanbit/P5: Cyber [draft]?", "Contacts for kingsport-hanbit P"),
        ("Proposals of belfast-sejong", "Proposals of belfast-sejong"),
        ("'\x1b[31mred\u202e*", "31mred"),  # the escape's [ goes, and the quote Excel refuses at either end
        ("::", "Sheet"),
    ],
)
def test_a_sheet_name_is_one_excel_accepts(title: str, name: str) -> None:
    assert sheet_name(title) == name
    assert len(sheet_name(title)) <= 31


def test_a_contact_sheets_workbook_is_named_from_its_title(run: Run, tmp_path: Path) -> None:
    ok(run("contacts", "P5", "-f", "xlsx", "-o", "p5.xlsx"))
    assert load(tmp_path / "p5.xlsx").sheetnames == ["Contacts for kingsport-hanbit P"]  # 31 at most


def test_the_same_data_gives_the_same_bytes(run: Run, tmp_path: Path) -> None:
    listing = Listing("T", ("id", "date"), [{"id": "P1", "date": "2025-08-06"}], (Column("ID", field_text("id")),), "")
    assert listing_xlsx(listing) == listing_xlsx(listing)
    ok(run("export", "first.xlsx", "--as-of", "2025-01-01"))
    ok(run("export", "second.xlsx", "--as-of", "2025-01-01"))
    first = (tmp_path / "first.xlsx").read_bytes()
    assert first == (tmp_path / "second.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"1980-01-01T00:00:00Z" in archive.read("docProps/core.xml")


def test_a_workbook_goes_to_a_pipe_but_never_to_a_terminal(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    piped = ok(run("list", "-f", "xlsx")).stdout_bytes
    assert piped.startswith(ZIP_MAGIC)
    assert rows_of(openpyxl.load_workbook(io.BytesIO(piped)).active)[0] == PROPOSAL_FIELDS

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    with pytest.raises(UsageError) as refused:
        refuse_screen_output(LISTING, LISTING.get("xlsx"), None, False)
    assert refused.value.hint == "add --output FILE, or redirect it to a file"
    refuse_screen_output(LISTING, LISTING.get("xlsx"), tmp_path / "out.xlsx", False)  # a file is fine
    refuse_screen_output(LISTING, LISTING.get("csv"), None, False)  # and text to a terminal


def test_a_real_pipe_gets_the_workbook_and_excel_csv_whole(tmp_path: Path) -> None:
    """In its own process stdout is guarded; bytes go through it after any text."""
    env = {**os.environ, "TWINS_ROADMAPS": str(SAMPLE), "NO_COLOR": "1"}
    for args, start in ((["list", "-f", "xlsx"], ZIP_MAGIC), (["themes", "-f", "csv", "--excel"], BOM + b"kind,")):
        done = subprocess.run([sys.executable, "-m", "twins_cli", *args], capture_output=True, env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(start)


def test_without_openpyxl_one_line_says_what_to_install(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    for args in (("list", "-f", "xlsx", "-o", "out.xlsx"), ("export", "out.xlsx")):
        result = run(*args)
        assert result.exit_code == 2
        [line] = result.stderr.splitlines()
        assert line == "twins: writing xlsx needs openpyxl, which is not installed — install twins-cli[xlsx]"
        assert not (tmp_path / "out.xlsx").exists()
    ok(run("list", "-f", "csv"))  # everything else works without it


@pytest.mark.parametrize("args", [["--help"], ["list", "--format", "csv"], ["contacts", "P5", "--format", "json"]])
def test_openpyxl_is_imported_only_to_write_a_workbook(args: list[str], tmp_path: Path) -> None:
    assert "openpyxl" not in top_level(modules_loaded_by(args, tmp_path))


# --- twins export ------------------------------------------------------------------------------------------


# The command whose CSV each sheet of the export holds.
EXPORTED = {
    "proposals": ("list", "--as-of", "2024-05-01"),
    "pairs": ("pairs", "--as-of", "2024-05-01"),
    "agreements": ("agreements", "--as-of", "2024-05-01"),
    "organisations": ("orgs",),
    "contacts": ("contacts",),
    "milestones": ("milestones", "--all"),
    "themes": ("themes",),
}


def test_export_writes_every_listing_as_a_sheet(run: Run, tmp_path: Path) -> None:
    ok(run("export", "all.xlsx", "--as-of", "2024-05-01"))
    workbook = load(tmp_path / "all.xlsx")
    assert workbook.sheetnames == list(SHEETS) == list(EXPORTED)
    assert workbook.properties.title == PROGRAMME_TITLE
    for name, args in EXPORTED.items():
        expected = list(csv.reader(io.StringIO(ok(run(*args, "-f", "csv")).stdout)))
        shown = [[as_csv_text(value) for value in row] for row in rows_of(workbook[name])]
        assert shown == [[without_formula_guard(cell) for cell in row] for row in expected], name


def test_export_json_is_one_object_with_a_key_per_listing(run: Run, tmp_path: Path) -> None:
    ok(run("export", "all.json", "--format", "json", "--as-of", "2024-05-01"))
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert list(data) == list(SHEETS)
    assert [row["id"] for row in data["pairs"]] == [
        "kingsport-hanbit",
        "lowmoor-dalsan",
        "northdale-gaya",
        "severn-bora",
    ]


@pytest.mark.parametrize("name", ["contacts.csv", "roadmap.yaml", "ALL.CSV", "briefing.pdf"])
@pytest.mark.parametrize("chosen", ["xlsx", "json"])
def test_export_refuses_a_name_that_says_another_kind_of_file(run: Run, tmp_path: Path, name: str, chosen: str) -> None:
    """A workbook saved as contacts.csv, or JSON as a roadmap's .yaml, is found later as what it is not."""
    result = run("export", name, "--format", chosen)
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and " — " in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_narrows_to_a_pair(run: Run, tmp_path: Path) -> None:
    ok(run("export", "one.xlsx", "--pair", "severn-bora", "--as-of", "2024-05-01"))
    workbook = load(tmp_path / "one.xlsx")
    pairs = {row[0] for row in rows_of(workbook["pairs"])[1:]}
    assert pairs == {"severn-bora"}
    assert {row[0] for row in rows_of(workbook["agreements"])[1:]} == {"severn-bora"}
    assert rows_of(workbook["proposals"])[1:] == []


def test_export_replaces_a_file_only_with_force(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "all.xlsx"
    target.write_bytes(b"mine")
    refused = run("export", "all.xlsx")
    assert refused.exit_code == 2
    assert target.read_bytes() == b"mine"
    ok(run("export", "all.xlsx", "--force"))
    assert target.read_bytes().startswith(ZIP_MAGIC)


def test_export_refuses_a_file_named_for_the_other_format(run: Run, tmp_path: Path) -> None:
    result = run("export", "all.json")
    assert result.exit_code == 2
    assert result.stderr == "twins: all.json is named as json, and --format is xlsx — add --format json\n"
    assert not (tmp_path / "all.json").exists()


# --- CSV for Excel: --excel --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(LISTING_RUNS))
def test_excel_csv_has_a_bom_and_crlf_and_the_same_rows(run: Run, name: str) -> None:
    args = LISTING_RUNS[name]
    plain = ok(run(*args, "--format", "csv")).stdout_bytes.decode("utf-8")
    data = ok(run(*args, "--format", "csv", "--excel")).stdout_bytes
    assert data.startswith(BOM)
    assert data.endswith(b"\r\n")
    text = data.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text, newline=""), dialect="excel")) == list(csv.reader(io.StringIO(plain)))
    assert text.count("\r\n") >= len(list(csv.reader(io.StringIO(plain))))  # every record ends with CRLF


def test_excel_csv_keeps_a_korean_name_and_line_breaks_in_a_cell(run: Run, tmp_path: Path, hostile: Path) -> None:
    ok(run("--roadmaps", str(hostile), "contacts", "-f", "csv", "--excel", "-o", "contacts.csv"))
    with (tmp_path / "contacts.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file, dialect="excel"))
    assert KOREAN_NAME in [row["name"] for row in rows]
    assert "'@SUM(A1)" in [row["role"] for row in rows]  # CSV has no types: the ' keeps it text
    listing = Listing("T", ("id", "note"), [{"id": "P1", "note": "one\ntwo"}], (), "")
    data = excel_csv(to_csv(listing))
    assert data == BOM + b'id,note\r\nP1,"one\ntwo"\r\n'
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))) == [["id", "note"], ["P1", "one\ntwo"]]


@pytest.mark.parametrize("chosen", ["table", "json", "xlsx"])
def test_excel_is_only_for_csv(run: Run, tmp_path: Path, chosen: str) -> None:
    result = run("list", "--format", chosen, "--excel", *(("-o", "out") if chosen == "xlsx" else ()))
    assert result.exit_code == 2
    assert result.stderr == f"twins: --excel is for CSV, not {chosen} — add --format csv\n"
    assert not (tmp_path / "out").exists()


def test_csv_cells_hold_plain_text_never_json(run: Run) -> None:
    for name, args in LISTING_RUNS.items():
        for row in csv.reader(io.StringIO(ok(run(*args, "--format", "csv")).stdout)):
            assert not [cell for cell in row if cell.startswith(("{", "[")) or '": ' in cell], name


def test_hostile_text_is_escaped_and_bounded_in_a_cell() -> None:
    """Control characters (which XML cannot hold) show escaped, as in CSV; a cell keeps Excel's 32,767 at most."""
    rows = [{"id": "P1", "title": "bell\x07 \x1b[31mred", "note": "x" * 40_000}]
    workbook = openpyxl.load_workbook(io.BytesIO(listing_xlsx(Listing("T", tuple(rows[0]), rows, (), ""))))
    [_, (pid, title, note)] = rows_of(workbook.active)
    assert (pid, title) == ("P1", "bell\\x07 \\x1b[31mred")
    assert len(note) == 32_767
