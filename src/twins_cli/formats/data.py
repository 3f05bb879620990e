"""Data as text for other programs: JSON and CSV, written the one way twins writes them.

Every JSON document twins prints goes through ``to_json``, and every CSV
through ``to_csv``, so each is the same UTF-8, indentation and formula-safe cells.
CSV and xlsx share ``plain_rows``: a cell holds plain text or a number, never JSON.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from twins_cli.base.text import csv_cell, printable
from twins_cli.formats.listing import Listing

Cell = str | int | float | bool | None


def to_json(value: Any) -> str:
    """JSON as twins writes it: UTF-8 text, two-space indent, a final newline."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def plain_rows(listing: Listing) -> Iterator[list[Cell]]:
    """Each row as one cell per field, in the fields' order: records as text, lists joined by ``; ``.

    A spreadsheet has no nesting: a field that holds records reads as the listing's
    ``cells`` say (a pair's places as ``Belfast; Sejong (세종특별자치시)``).
    """
    for row in listing.rows:
        yield [plain_cell(listing, key, row[key]) for key in listing.fields]


def plain_cell(listing: Listing, key: str, value: Any) -> Cell:
    """One field's value as a cell (``TypeError`` for records the listing does not say how to show)."""
    if key in listing.cells and value is not None:
        return listing.cells[key](value)
    if isinstance(value, list):
        if any(isinstance(item, (dict, list)) for item in value):
            raise TypeError(f"{key}: records in a cell need the listing's cells[{key!r}]")
        return "; ".join(str(item) for item in value)
    if isinstance(value, dict):
        raise TypeError(f"{key}: a record in a cell needs the listing's cells[{key!r}]")
    return value  # type: ignore[no-any-return]


def to_csv(listing: Listing) -> str:
    """CSV with a header row of the JSON field names; lists joined by ``; ``.

    This is every CSV twins writes: each text cell goes through ``csv_cell``, so
    that a spreadsheet never runs a cell from the data as a formula.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(listing.fields)
    writer.writerows([_csv_value(value) for value in row] for row in plain_rows(listing))
    return buffer.getvalue()


def excel_csv(text: str) -> bytes:
    """CSV from ``to_csv`` as Excel opens it by a double click: UTF-8 with a byte order mark, CRLF line ends.

    Without the mark Excel reads UTF-8 as the system's code page (Korean names turn
    to mojibake); CRLF ends each record, as RFC 4180 says. Line breaks inside a
    quoted cell stay as they are.
    """
    buffer = io.StringIO()
    csv.writer(buffer, dialect="excel").writerows(csv.reader(io.StringIO(text, newline="")))
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def _csv_value(value: Cell) -> Cell:
    """A cell: booleans as JSON writes them, text printable and never a formula."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return printable(csv_cell(value)) if isinstance(value, str) else value
