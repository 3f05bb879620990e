"""Listings and detail pages as text, coloured on a terminal; a listing's formats by name.

A table is laid out once, as lines (``lay_out``): columns as wide as their
widest cell, or, in a narrower terminal (or ``$COLUMNS``), cells wrapped
between words, never inside one. The plain table prints those lines; the
coloured one prints the very same lines with a bold header, so ``NO_COLOR``
changes the colour and nothing else. Rich is imported only for colour.
JSON and CSV text is ``data.py``'s; writing to stdout is ``terminal.py``'s.
Text from the data is never read as markup, and control characters (terminal
escapes) are shown as visible escapes, never sent to the terminal.
"""

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from twins_cli.base.text import display_width, printable
from twins_cli.base.tuples import NamedTuple
from twins_cli.formats.listing import Listing
from twins_cli.formats.terminal import fit_output, use_colour, write

if TYPE_CHECKING:
    from rich.console import Console

    from twins_cli.formats.detail import Section  # a page's type only: contacts and listings never build one


def wants_plain() -> bool:
    """Plain text, without colour: ``terminal.use_colour`` decides (--color, NO_COLOR, FORCE_COLOR, a tty)."""
    return not use_colour()


def _one_line(text: str) -> str:
    """A table cell: one line, control characters escaped, in what stdout can encode."""
    line = " ".join(text.split())
    if line.isascii() and line.isprintable():  # most cells: nothing to escape, and any stdout encodes it
        return line
    return fit_output(printable(line))


def table_width() -> int | None:
    """The width tables are laid out for: ``$COLUMNS``, else the terminal's; None (no wrapping) for a pipe.

    The same with or without colour, so that ``NO_COLOR`` changes the colour and nothing else.
    """
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if not sys.stdout.isatty():
        return None
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns or None
    except (OSError, ValueError):
        return None


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` (single-spaced) in lines of at most ``width`` columns, broken only between words.

    A word wider than ``width`` (an e-mail, a URL) stays whole on a line of its own.
    """
    return [line for line, _ in _wrapped_lines(text, width)]


def _wrapped_lines(text: str, width: int) -> list[tuple[str, int]]:
    """``wrap_words``'s lines, each with its width."""
    lines: list[tuple[str, int]] = []
    line, used = "", 0
    measure = len if text.isascii() else display_width
    for word in text.split(" "):
        size = measure(word)
        if line and used + 1 + size > width:
            lines.append((line, used))
            line, used = word, size
        else:
            line, used = (f"{line} {word}", used + 1 + size) if line else (word, size)
    return [*lines, (line, used)]


def _longest_word(text: str) -> int:
    return max(map(len if text.isascii() else display_width, text.split(" ")))


def _column_widths(grid: list[list[str]], natural: list[int], whole: Sequence[bool], width: int | None) -> list[int]:
    """How wide each column may be: as wide as its widest cell (``natural``) when that fits in ``width``.

    Otherwise the widest wrappable column gives way first, down to its longest word;
    a column of whole values (ids, e-mails, dates) never gives way.
    """
    count = len(whole)
    excess = 0 if width is None else sum(natural) + len(_GAP) * (count - 1) - width
    if excess <= 0:
        return natural
    widths = list(natural)
    least = [
        widths[index] if whole[index] else max(_longest_word(line[index]) for line in grid) for index in range(count)
    ]
    while excess > 0:
        shrinkable = [index for index in range(count) if widths[index] > least[index]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda index: widths[index])
        runner_up = max((widths[index] for index in shrinkable if index != widest), default=0)
        step = max(1, min(excess, widths[widest] - max(runner_up, least[widest])))
        widths[widest] -= step
        excess -= step
    return widths


_GAP = "  "  # between columns


class TableText(NamedTuple):
    """A table laid out as lines of text: what both the plain and the coloured table print."""

    header: list[str]
    body: list[str]
    notes: list[str]


def lay_out(listing: Listing, width: int | None = None) -> TableText:
    """The listing as aligned columns in ``width`` (unlimited when None), cells wrapped between words.

    Each cell is measured once, and a row whose cells all fit their columns is left as it is:
    a table of thousands of rows is mostly measuring.
    """
    if not listing.rows:
        return TableText([], _wrapped(listing.empty, width), [])
    whole = [column.whole for column in listing.columns]
    grid = [[_one_line(column.header) for column in listing.columns]]
    grid += [[_one_line(column.show(row)) for column in listing.columns] for row in listing.rows]
    sizes = [[display_width(cell) for cell in line] for line in grid]
    natural = [max(column) for column in zip(*sizes, strict=True)]
    widths = _column_widths(grid, natural, whole, width)
    notes = [part for note in listing.notes for part in _wrapped(note, width)]
    if widths == natural:  # every cell fits (always when piped): a line a row, each column as wide as its widest
        first, *body = [_joined(cells, cell_sizes, widths) for cells, cell_sizes in zip(grid, sizes, strict=True)]
        return TableText([first], body, notes)
    laid = [_row_lines(line, line_sizes, widths) for line, line_sizes in zip(grid, sizes, strict=True)]
    shown = [max(column) for column in zip(*(line_sizes for lines in laid for _, line_sizes in lines), strict=True)]
    header, *rows = [[_joined(cells, cell_sizes, shown) for cells, cell_sizes in lines] for lines in laid]
    return TableText(header, [text for lines in rows for text in lines], notes)


def _row_lines(cells: list[str], sizes: list[int], widths: list[int]) -> list[tuple[list[str], list[int]]]:
    """A row's lines, as cells and their widths: the row itself when every cell fits its column.

    Otherwise each cell too wide is wrapped between words, and its lines stand beside the other cells'
    (never a whole value's: ``_column_widths`` leaves its column as wide as its widest cell).
    """
    if all(size <= width for size, width in zip(sizes, widths, strict=True)):
        return [(cells, sizes)]
    wrapped = [
        [(cell, size)] if size <= width else _wrapped_lines(cell, width)
        for cell, size, width in zip(cells, sizes, widths, strict=True)
    ]
    lines = [[parts[at] if at < len(parts) else ("", 0) for parts in wrapped] for at in range(max(map(len, wrapped)))]
    return [([cell for cell, _ in line], [size for _, size in line]) for line in lines]


def _joined(cells: Sequence[str], sizes: Sequence[int], widths: Sequence[int]) -> str:
    """One line of a table: each cell (``sizes`` wide) padded to its column's width, no trailing blanks."""
    return _GAP.join(
        cell + " " * (width - size) for cell, size, width in zip(cells, sizes, widths, strict=True)
    ).rstrip()


def _wrapped(text: str, width: int | None) -> list[str]:
    line = _one_line(text)
    return wrap_words(line, width) if width else [line]


def plain_table(listing: Listing, width: int | None = None) -> str:
    """Aligned columns, no colour, nothing cut: one line per row, or wrapped between words to ``width``."""
    text = lay_out(listing, width)
    return "\n".join([*text.header, *text.body, *text.notes]) + "\n"


def rich_console(stderr: bool = False) -> "Console":
    """A Rich console that does not read markup or highlight data by itself, coloured as ``use_colour`` says.

    Rich would decide colour on its own (its terminal test, ``NO_COLOR``): it is told instead.
    """
    from rich.console import Console

    colour = use_colour()
    return Console(stderr=stderr, highlight=False, force_terminal=colour, no_color=not colour)


def print_rich_table(listing: Listing, width: int | None = None) -> None:
    """The plain table's very lines, in colour: a bold header and dim notes."""
    from rich.text import Text

    console = rich_console()
    text = lay_out(listing, width)
    for lines, style in ((text.header, "bold cyan"), (text.body, ""), (text.notes, "dim")):
        for line in lines:
            console.print(Text(line, style=style), soft_wrap=True)


def emit_table(listing: Listing) -> None:
    """A table: coloured on a terminal, plain text otherwise, laid out alike."""
    width = table_width()
    if wants_plain():
        write(plain_table(listing, width))
    else:
        print_rich_table(listing, width)


def detail_lines(title: str, sections: Sequence["Section"], width: int | None = None) -> list[tuple[str, str]]:
    """A detail page as (line, style): the title underlined, headings in capitals, lists as bullets.

    Paragraphs and bullets wrap between words to ``width`` (not at all when None).
    """
    shown = printable(title)
    lines = [(shown, "bold underline"), ("=" * display_width(shown), "")]
    for section in sections:
        lines += [("", ""), (section.heading.upper(), "bold cyan")]
        if isinstance(section.body, str):
            lines += [
                (line, "") for paragraph in printable(section.body).split("\n") for line in _fold(paragraph, width)
            ]
        else:
            lines += [(line, "") for item in section.body for line in _fold(printable(item), width, "- ")]
    return lines


def _fold(text: str, width: int | None, bullet: str = "") -> list[str]:
    """``text`` after ``bullet``, wrapped between words to ``width``; the lines after the first indented under it."""
    if width is None:
        return [bullet + text]
    first, *rest = wrap_words(text, max(width - len(bullet), 1))
    return [bullet + first, *(" " * len(bullet) + line for line in rest)]


def plain_detail(title: str, sections: Sequence["Section"], width: int | None = None) -> str:
    """A detail page as plain text."""
    return "\n".join(line for line, _ in detail_lines(title, sections, width)) + "\n"


def print_rich_detail(title: str, sections: Sequence["Section"], width: int | None = None) -> None:
    """The plain detail page's very lines, in colour."""
    from rich.text import Text

    console = rich_console()
    for line, style in detail_lines(title, sections, width):
        console.print(Text(line, style=style), soft_wrap=True)


def emit_detail(title: str, sections: Sequence["Section"]) -> None:
    """A detail page: coloured on a terminal, plain text otherwise, laid out alike."""
    width = table_width()
    if wants_plain():
        write(plain_detail(title, sections, width))
    else:
        print_rich_detail(title, sections, width)


def emit_titled_tables(listings: Sequence[Listing]) -> None:
    """Several tables, each under its title line (alone when it has no rows), a blank line between."""
    for index, listing in enumerate(listings):
        write(("\n" if index else "") + printable(listing.title) + "\n")
        if listing.rows:
            emit_table(listing._replace(title=""))  # the title is above, unwrapped however narrow the table
