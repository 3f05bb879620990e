"""Data as text for other programs: JSON and CSV, written the one way twins writes them.

Every JSON document twins prints goes through ``to_json``, and every CSV
through ``to_csv``, so each is the same UTF-8, indentation and formula-safe cells.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from twins_cli.base.text import csv_cell, printable
from twins_cli.formats.listing import Listing


def to_json(value: Any) -> str:
    """JSON as twins writes it: UTF-8 text, two-space indent, a final newline."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def to_csv(listing: Listing) -> str:
    """CSV with a header row of the JSON field names; lists joined by ``; ``.

    This is every CSV twins writes: each text cell goes through ``csv_cell``, so
    that a spreadsheet never runs a cell from the data as a formula.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=listing.fields, lineterminator="\n")
    writer.writeheader()
    for row in listing.rows:
        writer.writerow({key: _csv_value(value) for key, value in row.items()})
    return buffer.getvalue()


def _csv_value(value: Any) -> Any:
    """A cell: lists joined, records as JSON, booleans as JSON writes them, text printable and never a formula."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(json.dumps(i, ensure_ascii=False) if isinstance(i, dict) else str(i) for i in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    return printable(csv_cell(value)) if isinstance(value, str) else value
