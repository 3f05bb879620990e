"""Listings as an Excel workbook (xlsx): one sheet per listing, cells typed, the same bytes for the same data.

A sheet is a listing's CSV with types: the same header (the JSON field names,
bold, frozen) and the same plain cells (``data.plain_rows``), but a full date
is a date, a number a number and a flag a boolean. A date the roadmaps give
only as a month or year (``2025-06``, ``2025``) stays text: no day is made up.
Text is always stored as text, so a cell from the data that starts with ``=``
is never a formula (nor ``#N/A`` an error), and inferred values carry their
flag and reason in their own columns, as in CSV.

openpyxl is an optional dependency (``twins-cli[xlsx]``), imported only here,
only when a workbook is written. The workbook records no time of its own (its
properties and every zip entry carry one fixed date), so a site build that
writes the same data twice gets the same file.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from twins_cli.base.i18n import _
from twins_cli.base.text import UNSAFE, display_width, printable
from twins_cli.errors import MissingExtraError
from twins_cli.formats.data import Cell, plain_rows
from twins_cli.formats.listing import DATE_FIELDS, Listing

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell as SheetCell
    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.worksheet import Worksheet

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's first day: the time every entry and property records
_MAX_CELL = 32_767  # the longest text Excel keeps in a cell
_MAX_WIDTH = 60  # a column wider than this wraps in Excel's own way; the width is a starting point
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NOT_IN_SHEET_NAME = re.compile(rf"[\[\]:*?/\\]|{UNSAFE}")


def listing_xlsx(listing: Listing) -> bytes:
    """``--format xlsx``: one listing as a workbook of one sheet, named after the listing."""
    return workbook_xlsx([(listing.title, listing)], listing.title)


def workbook_xlsx(sheets: Sequence[tuple[str, Listing]], title: str) -> bytes:
    """A workbook with one sheet per ``(name, listing)``, in that order; ``title`` is the workbook's own."""
    try:
        from openpyxl import Workbook
        from openpyxl.writer.excel import ExcelWriter
    except ImportError:
        raise MissingExtraError(
            _("writing xlsx needs openpyxl, which is not installed"), _("install twins-cli[xlsx]")
        ) from None
    workbook = Workbook()
    for blank in workbook.worksheets:  # a new workbook has one, named Sheet
        workbook.remove(blank)
    for name, listing in sheets:
        _fill(workbook.create_sheet(sheet_name(name)), listing)
    fixed = datetime(*_FIXED_TIME)
    properties = workbook.properties
    properties.created = properties.modified = fixed
    properties.creator = properties.lastModifiedBy = "twins"
    properties.title = printable(title)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()  # not Workbook.save, which stamps the time of saving
    return _without_times(buffer.getvalue())


def sheet_name(title: str) -> str:
    """``title`` as Excel allows a sheet's name: none of ``[]:*?/\\`` nor control characters, 31 at most."""
    name = " ".join(_NOT_IN_SHEET_NAME.sub(" ", title).split())[:31].strip(" '")
    return name or _("Sheet")


def _fill(sheet: Worksheet, listing: Listing) -> None:
    """The header row (bold, frozen, filtered) and a row per record, columns as wide as their text."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append(list(listing.fields))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [display_width(field) for field in listing.fields]
    for number, values in enumerate(plain_rows(listing), start=2):
        for column, (field, value) in enumerate(zip(listing.fields, values, strict=True), start=1):
            shown = _put(sheet.cell(number, column), field, value)
            widths[column - 1] = max(widths[column - 1], *(display_width(line) for line in shown.split("\n")))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width, _MAX_WIDTH) + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _put(cell: SheetCell | MergedCell, field: str, value: Cell) -> str:
    """Put ``value`` in ``cell`` typed as it is (text as text, always); return it as it shows, for the width."""
    if isinstance(value, str):
        text = printable(value)[:_MAX_CELL]
        if field in DATE_FIELDS and _FULL_DATE.fullmatch(text):
            cell.value = date.fromisoformat(text)
            cell.number_format = "yyyy-mm-dd"
            return text
        cell.value = text
        cell.data_type = "s"  # openpyxl would take "=..." for a formula and "#N/A" for an error
        return text
    cell.value = value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return "" if value is None else str(value)


def _without_times(workbook: bytes) -> bytes:
    """The same zip with every entry dated ``_FIXED_TIME`` and made on one system: the same bytes each time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3  # Unix, whatever system writes it
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry))
    return out.getvalue()
