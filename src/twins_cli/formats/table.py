"""Listings and detail pages as Rich tables or plain text; a listing's formats by name.

Rich is imported only for a terminal that wants colour: piped output and
``NO_COLOR`` get plain, untruncated text from here, which is also faster.
JSON and CSV text is ``data.py``'s; writing to stdout is ``terminal.py``'s.
Text from the data is never read as markup, and control characters (terminal
escapes) are shown as visible escapes, never sent to the terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from twins_cli.base.text import display_width, printable
from twins_cli.formats.detail import Section
from twins_cli.formats.listing import Listing
from twins_cli.formats.terminal import fit_output, write

if TYPE_CHECKING:
    from rich.console import Console


def wants_plain() -> bool:
    """Plain text when stdout is not a terminal or ``NO_COLOR`` is set (no-color.org)."""
    return bool(os.environ.get("NO_COLOR")) or not sys.stdout.isatty()


def _one_line(text: str) -> str:
    """A table cell: one line, control characters escaped, in what stdout can encode."""
    return fit_output(printable(" ".join(text.split())))


def plain_table(listing: Listing) -> str:
    """Aligned columns, one row per line, nothing truncated, no colour."""
    if not listing.rows:
        return listing.empty + "\n"
    header = [column.header for column in listing.columns]
    body = [[_one_line(column.show(row)) for column in listing.columns] for row in listing.rows]
    widths = [max(display_width(line[index]) for line in [header, *body]) for index in range(len(header))]
    lines = [
        "  ".join(cell + " " * (width - display_width(cell)) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in [header, *body]
    ]
    return "\n".join([*lines, *listing.notes]) + "\n"


def rich_console(stderr: bool = False) -> Console:
    """A Rich console that does not read markup or highlight data by itself."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def print_rich_table(listing: Listing) -> None:
    """A boxed, coloured table for a terminal (long cells wrap, e-mails are not cut)."""
    from rich.table import Table
    from rich.text import Text

    console = rich_console()
    if not listing.rows:
        console.print(Text(listing.empty))
        return
    table = Table(title=Text(printable(listing.title)), header_style="bold cyan", title_style="bold", expand=False)
    cells = [[fit_output(printable(column.show(row))) for column in listing.columns] for row in listing.rows]
    for index, column in enumerate(listing.columns):
        widest = max(display_width(line[index]) for line in cells) if column.whole else None
        table.add_column(column.header, overflow="fold", no_wrap=column.whole, min_width=widest)
    for line in cells:
        table.add_row(*(Text(cell) for cell in line))
    console.print(table)
    for note in listing.notes:
        console.print(Text(note, style="dim"))


def emit_table(listing: Listing) -> None:
    """A table: Rich on a colour terminal, plain text otherwise."""
    if wants_plain():
        write(plain_table(listing))
    else:
        print_rich_table(listing)


def plain_detail(title: str, sections: Sequence[Section]) -> str:
    """A detail page as plain text: headings in capitals, lists as bullets."""
    out = [printable(title), "=" * display_width(printable(title))]
    for section in sections:
        out += ["", section.heading.upper()]
        if isinstance(section.body, str):
            out.append(printable(section.body))
        else:
            out += [f"- {printable(line)}" for line in section.body]
    return "\n".join(out) + "\n"


def print_rich_detail(title: str, sections: Sequence[Section]) -> None:
    """A detail page for a colour terminal."""
    from rich.text import Text

    console = rich_console()
    console.print(Text(printable(title), style="bold underline"))
    for section in sections:
        console.print()
        console.print(Text(section.heading, style="bold cyan"))
        if isinstance(section.body, str):
            console.print(Text(printable(section.body)))
        else:
            for line in section.body:
                console.print(Text(f"• {printable(line)}"))


def emit_detail(title: str, sections: Sequence[Section]) -> None:
    """A detail page: Rich on a colour terminal, plain text otherwise."""
    if wants_plain():
        write(plain_detail(title, sections))
    else:
        print_rich_detail(title, sections)


def emit_titled_tables(listings: Sequence[Listing]) -> None:
    """Several tables, each under its title line (alone when it has no rows), a blank line between."""
    for index, listing in enumerate(listings):
        write(("\n" if index else "") + printable(listing.title) + "\n")
        if listing.rows:
            emit_table(listing._replace(title=""))  # the title is above, unwrapped however narrow the table
