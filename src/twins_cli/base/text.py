"""Text from the data, made safe for where it goes: a terminal, Markdown, a spreadsheet.

Roadmaps come from pull requests, so their text is written by anyone. The
characters that can make text show other than it is stored are named once
here: control characters (a terminal escape recolours or clears the screen; a
line break passes for another line of output), the line and paragraph
separators, and the bidirectional overrides and isolates that reorder what is
shown ("Trojan Source"). ``rules.check_text`` refuses them in roadmaps;
``printable``, ``md_escape`` and ``csv_cell`` are the defence in depth for
text that reaches an output anyway. ``display_width`` is how wide text shows
in a terminal, which every aligned column measures by.
"""

from __future__ import annotations

import re
import unicodedata

_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"  # embeddings and overrides, isolates
_LINE_SEPARATORS = "\u2028\u2029"
# Every character text may not hold (prose may hold "\n", and only that). Patterns, not compiled: only the
# checks use them (``check/rules.py`` compiles them), and a query's start should not pay for it.
UNSAFE = f"[\x00-\x1f\x7f-\x9f{_LINE_SEPARATORS}{_BIDI_CONTROLS}]"
BIDI_CONTROL = f"[{_BIDI_CONTROLS}]"
# What ``printable`` shows escaped: the same, except the tab and the line break of plain-text output.
# Compiled on first use (``re`` keeps it): text that Python calls printable holds none of these.
SHOWN_ESCAPED = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_LINE_SEPARATORS}{_BIDI_CONTROLS}]"
# Control characters have no Unicode name; these are the ones people meet.
_CONTROL_NAMES = {
    "\x00": "NULL",
    "\x07": "BELL",
    "\x08": "BACKSPACE",
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\r": "CARRIAGE RETURN",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
    "\x9b": "CONTROL SEQUENCE INTRODUCER",
}


def character_name(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``, ``U+001B ESCAPE``: a character as a problem message names it."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "CONTROL CHARACTER")
    return f"U+{ord(char):04X} {name}"


def printable(text: str) -> str:
    """``text`` with control and direction characters made visible (``\\x1b``, ``\\u202e``); tabs and new lines kept."""
    if text.isprintable():  # most text: nothing to escape
        return text
    return re.sub(SHOWN_ESCAPED, _escaped, text)


def escape_char(char: str) -> str:
    """One character as a visible escape: ``\\x1b``, ``\\u202e``, ``\\U0001f600``."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: Korean and other wide characters take two."""
    if text.isascii():  # the common case, and a hundred times faster
        return len(text)
    # A plain loop, asking only of characters beyond ASCII (none is wide): a long table measures every cell.
    width, east_asian_width = len(text), unicodedata.east_asian_width
    for char in text:
        if char > "\x7f" and east_asian_width(char) in "WF":
            width += 1
    return width


def one_line(text: str) -> str:
    """A name or value echoed in a message: everything not printable is escaped, line breaks too."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else escape_char(char) for char in text)


def _escaped(match: re.Match[str]) -> str:
    return escape_char(match.group())


# "&" only where it would start an entity (&amp;): "R&D" stays readable in the Markdown source.
# Compiled on first use (``re`` keeps them): only Markdown and HTML output needs them.
_MD_SPECIAL = r"([\\`*_\[\]<>|#~]|&(?=#?[A-Za-z0-9]+;))"
_MD_LINE_START = r"^(\s*)([-+=]|[0-9]+[.)])"


def md_escape(text: str) -> str:
    """``text`` shown literally by a Markdown renderer: no emphasis, links, HTML, lists, headings or table breaks."""
    escaped = re.sub(_MD_SPECIAL, r"\\\1", printable(text))
    return re.sub(
        _MD_LINE_START, lambda match: f"{match[1]}{match[2][:-1]}\\{match[2][-1]}", escaped, flags=re.MULTILINE
    )


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading ``'`` before what would start a formula."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text
