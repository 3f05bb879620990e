"""Every ``--format`` of every command, declared once: its name, its help, whether it is for a screen, how it renders.

An output family is what one kind of answer can be shown as: a listing as a
table, JSON or CSV; a validation as text, JSON or GitHub annotations. The
command line builds each command's ``--format`` choices, their help, the error
for an unknown name and the refusal of ``--output`` for a screen format from
here, so adding a format is one ``Format`` entry (and its sample in
tests/formats/test_registry.py).

Each family renders one kind of subject (named in its comment). A screen
format (a table, a page) draws on the terminal itself, with Rich on a colour
terminal; any other format returns its text, for stdout or ``--output``, or,
a binary one (an xlsx workbook), its bytes, never for a terminal.
Renderers are imported only when called, so that ``twins --help`` imports
none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Any

from twins_cli.base.i18n import N_

if TYPE_CHECKING:
    from datetime import date

    from twins_cli.formats.detail import Section
    from twins_cli.formats.listing import Listing, Row
    from twins_cli.formats.timeline import Chart
    from twins_cli.model.records import Catalog
    from twins_cli.query.attention import StatusReport
    from twins_cli.query.contacts import Contact
    from twins_cli.query.events import Event

Render = Callable[[Any], "str | bytes | None"]  # text, or a binary format's bytes; a screen format draws itself: None


class Format:
    """One ``--format`` value. Shown as its name (in ``--help``'s choices and default).

    A plain class, not a NamedTuple nor a dataclass: creating either costs ``twins --help``
    a fraction of a millisecond per class, and a NamedTuple default would show in ``--help``
    as a tuple.
    """

    __slots__ = ("binary", "help", "name", "render", "screen")

    def __init__(
        self, name: str, help: str = "", *, render: Render, screen: bool = False, binary: bool = False
    ) -> None:
        self.name = name
        self.help = help  # said after the name in --help, in brackets: "" when the name says it all
        self.render = render  # an export's text (bytes if binary); a screen format draws itself and returns None
        self.screen = screen  # for a terminal: --output refuses it
        self.binary = binary  # bytes, not text: for a file or a pipe, never written to a terminal

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"Format({self.name!r})"


class Family:
    """The formats of one kind of output; the first is the default."""

    __slots__ = ("formats", "name")

    def __init__(self, name: str, *formats: Format) -> None:
        self.name = name
        self.formats = formats

    def __repr__(self) -> str:
        return f"Family({self.name!r}, {', '.join(self.names)})"

    def __iter__(self) -> Iterator[Format]:
        return iter(self.formats)

    @property
    def names(self) -> list[str]:
        return [each.name for each in self]

    @property
    def default(self) -> Format:
        return self.formats[0]

    def get(self, name: str) -> Format:
        """The format called ``name`` (``KeyError`` if there is none)."""
        for each in self:
            if each.name == name:
                return each
        raise KeyError(name)

    def help(self) -> str:
        """``--format``'s help: ``table (plain text when piped or with NO_COLOR), json or csv.``"""
        return either([f"{each.name} ({each.help})" if each.help else each.name for each in self]) + "."

    def exports(self) -> str:
        """The formats that ``--output`` can save: ``json or csv``."""
        return either([each.name for each in self if not each.screen])


def either(words: Sequence[str]) -> str:
    """``a, b or c``: alternatives as a sentence says them."""
    return f"{', '.join(words[:-1])} or {words[-1]}" if len(words) > 1 else words[0]


def _call(target: str) -> Render:
    """The renderer at ``module:function``, imported when first called."""
    module, function = target.split(":")

    def render(subject: Any) -> str | bytes | None:
        result: str | bytes | None = getattr(import_module(module), function)(subject)
        return result

    return render


# --- listings: list, pairs, themes (a Listing), and contacts and milestones --------------------


XLSX_HELP = N_("a spreadsheet workbook, for --output or a pipe")


def _listing_formats(to_listing: Callable[[Any], Listing]) -> tuple[Format, ...]:
    """table, json, csv and xlsx of whatever ``to_listing`` makes a ``Listing`` of."""

    def table(subject: Any) -> None:
        from twins_cli.formats.table import emit_table

        emit_table(to_listing(subject))

    def as_json(subject: Any) -> str:
        from twins_cli.formats.data import to_json

        return to_json(to_listing(subject).rows)

    def as_csv(subject: Any) -> str:
        from twins_cli.formats.data import to_csv

        return to_csv(to_listing(subject))

    def as_xlsx(subject: Any) -> bytes:
        from twins_cli.formats.xlsx import listing_xlsx

        return listing_xlsx(to_listing(subject))

    return (
        Format("table", "plain text when piped or with NO_COLOR", render=table, screen=True),
        Format("json", render=as_json),
        Format("csv", render=as_csv),
        Format("xlsx", XLSX_HELP, render=as_xlsx, binary=True),
    )


class People:
    """What ``twins contacts`` found: the people, the listing's title, and whether it is one proposal's sheet."""

    __slots__ = ("contacts", "sheet", "title")

    def __init__(self, contacts: Sequence[Contact], title: str, *, sheet: bool) -> None:
        self.contacts = contacts
        self.title = title
        self.sheet = sheet


class Dates:
    """What ``twins milestones`` found: the dates, the listing's title and empty line, and the day asked about."""

    __slots__ = ("catalog", "day", "empty", "events", "title")

    def __init__(self, catalog: Catalog, events: Sequence[Event], title: str, empty: str, day: date) -> None:
        self.catalog = catalog
        self.events = events
        self.title = title
        self.empty = empty
        self.day = day


def _people_listing(people: People) -> Listing:
    from twins_cli.formats.listing import contacts_listing

    return contacts_listing(people.contacts, people.title, sheet=people.sheet)


def _dates_listing(dates: Dates) -> Listing:
    from twins_cli.formats.listing import events_listing

    return events_listing(dates.events, dates.title, dates.empty)


def _vcards(people: People) -> str:
    from twins_cli.formats.vcard import to_vcards

    return to_vcards(people.contacts)


def _ics(dates: Dates) -> str:
    from twins_cli.formats.ical import stamp_for, to_ics

    return to_ics(dates.catalog, dates.events, stamp_for(dates.day))


def _same(listing: Listing) -> Listing:
    return listing


LISTING = Family("listing", *_listing_formats(_same))  # a Listing
CONTACTS = Family(  # People
    "contacts",
    *_listing_formats(_people_listing),
    Format("vcard", "one vCard 3.0 per person, for address books", render=_vcards),
)
MILESTONES = Family(  # Dates
    "milestones",
    *_listing_formats(_dates_listing),
    Format("ics", "an iCalendar file of all-day events, for calendars", render=_ics),
)


# --- one proposal in full: twins show ----------------------------------------------------------


class Page:
    """A detail page: its title and sections for the screen, and the same as one JSON object."""

    __slots__ = ("data", "sections", "title")

    def __init__(self, title: str, sections: Sequence[Section], data: Row) -> None:
        self.title = title
        self.sections = sections
        self.data = data


def _page_text(page: Page) -> None:
    from twins_cli.formats.table import emit_detail

    emit_detail(page.title, page.sections)


def _page_json(page: Page) -> str:
    from twins_cli.formats.data import to_json

    return to_json(page.data)


DETAIL = Family("detail", Format("text", render=_page_text, screen=True), Format("json", render=_page_json))  # a Page
PROGRAMME = Family(  # the programme overview's Page: twins programme
    "programme", Format("text", render=_page_text, screen=True), Format("json", render=_page_json)
)


# --- reports: validate (CheckedFiles), diff (Diff), report (the briefing's Document), where ----

VALIDATION = Family(
    "validation",
    Format("auto", N_("github in GitHub Actions, else text"), render=_call("twins_cli.formats.validation:report_auto")),
    Format("text", render=_call("twins_cli.formats.validation:report_text")),
    Format("json", render=_call("twins_cli.formats.validation:report_json")),
    Format("github", "Actions annotations", render=_call("twins_cli.formats.validation:report_github")),
    Format("sarif", N_("SARIF 2.1.0, for code scanning"), render=_call("twins_cli.formats.validation:report_sarif")),
    Format("junit", N_("JUnit XML, for test reports"), render=_call("twins_cli.formats.validation:report_junit")),
)
CHANGES = Family(
    "changes",
    Format("text", render=_call("twins_cli.formats.changes:changes_text")),
    Format("markdown", "a pull-request comment", render=_call("twins_cli.formats.changes:changes_markdown")),
    Format("json", render=_call("twins_cli.formats.changes:changes_json")),
)
REPORT = Family(
    "report",
    Format("markdown", "GitHub-flavoured", render=_call("twins_cli.formats.document:document_markdown")),
    Format("html", "one self-contained page", render=_call("twins_cli.formats.document:document_html")),
    Format(
        "pdf",
        "printed by Chromium, to --output",
        render=_call("twins_cli.formats.document:document_pdf"),
        binary=True,
    ),
)
WHERE = Family(  # the Settings of catalog.where.describe
    "where",
    Format("text", render=_call("twins_cli.formats.where:where_text")),
    Format("json", render=_call("twins_cli.formats.where:where_json")),
)


# --- what needs attention: twins status (a StatusReport) ---------------------------------------------


def _status_table(report: StatusReport) -> None:
    from twins_cli.formats.attention import status_listings, status_summary
    from twins_cli.formats.table import emit_titled_tables
    from twins_cli.formats.terminal import write

    emit_titled_tables(status_listings(report))
    write("\n" + status_summary(report) + "\n")


def _status_json(report: StatusReport) -> str:
    from twins_cli.formats.attention import status_data
    from twins_cli.formats.data import to_json

    return to_json(status_data(report))


STATUS = Family(
    "status",
    Format("table", "plain text when piped or with NO_COLOR", render=_status_table, screen=True),
    Format("json", render=_status_json),
    Format("csv", "one row per finding", render=_call("twins_cli.formats.attention:status_csv")),
    Format("xlsx", XLSX_HELP, render=_call("twins_cli.formats.attention:status_xlsx"), binary=True),
)


# --- the proposals' timelines: twins timeline (a Timeline) -------------------------------------


class Timeline:
    """A Gantt chart of the proposals, and its title (Mermaid shows it above the chart)."""

    __slots__ = ("chart", "title")

    def __init__(self, chart: Chart, title: str) -> None:
        self.chart = chart
        self.title = title


def _chart(timeline: Timeline) -> None:
    from twins_cli.formats.table import table_width, wants_plain
    from twins_cli.formats.terminal import write
    from twins_cli.formats.timeline import plain_chart, print_rich_chart

    width = table_width()
    if wants_plain():
        write(plain_chart(timeline.chart, width))
    else:
        print_rich_chart(timeline.chart, width)


def _mermaid(timeline: Timeline) -> str:
    from twins_cli.formats.timeline import mermaid_gantt

    return mermaid_gantt(timeline.chart, timeline.title)


TIMELINE = Family(
    "timeline",
    Format("table", "a Gantt chart; plain text when piped or with NO_COLOR", render=_chart, screen=True),
    Format("mermaid", "for GitHub Markdown", render=_mermaid),
)

# --- every listing at once: twins export (Sheets) -------------------------------------------------


class Sheets:
    """The listings ``twins export`` writes, each under its name (a sheet, or a key of the JSON object)."""

    __slots__ = ("listings", "title")

    def __init__(self, title: str, listings: Sequence[tuple[str, Listing]]) -> None:
        self.title = title
        self.listings = listings


def _sheets_xlsx(sheets: Sheets) -> bytes:
    from twins_cli.formats.xlsx import workbook_xlsx

    return workbook_xlsx(sheets.listings, sheets.title)


def _sheets_json(sheets: Sheets) -> str:
    from twins_cli.formats.data import to_json

    return to_json({name: listing.rows for name, listing in sheets.listings})


EXPORT = Family(
    "export",
    Format("xlsx", N_("one sheet per listing"), render=_sheets_xlsx, binary=True),
    Format("json", N_("one object, a key per listing"), render=_sheets_json),
)

FAMILIES = (
    LISTING, CONTACTS, MILESTONES, DETAIL, PROGRAMME, VALIDATION, CHANGES, REPORT, WHERE, STATUS, TIMELINE, EXPORT,
)  # fmt: skip
