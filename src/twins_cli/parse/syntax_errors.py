"""YAML syntax errors in plain words, at the line where the mistake is.

libyaml and PyYAML's own parser word each mistake differently and in parser
terms ("did not find expected key", "expected <block end>, but found
'<scalar>'"), and often point where the parser gave up rather than where the
mistake is: a quote left open is noticed at the end of the file. Each family of
their errors is recognised here by the words both parsers use for it and told
in one sentence of ours, with a hint, at the mark that shows the mistake (where
a quote or bracket opens, for one that is never closed). An error that no
family knows still gets our own sentence, never the parser's.
"""

import re
from collections.abc import Callable
from typing import Any

from twins_cli.base.i18n import N_, _
from twins_cli.base.tuples import NamedTuple

Position = tuple[int, int]  # line and column, from 1

PREFIX = N_("YAML syntax error: ")  # translated with ``_`` where said, as the messages are


class Family(NamedTuple):
    """One kind of syntax mistake: how to recognise it, what to say, where."""

    clue: re.Pattern[str]  # searched in the parser's "context | problem", lower-cased
    message: str  # a str.format template over the names ``explain`` fills in
    at_opening: bool  # report at the context mark (where the construct opens), not where the parser stopped


def _family(clue: str, message: str, *, at_opening: bool = False) -> Family:
    return Family(re.compile(clue), message, at_opening)


# first match wins: a tab or an open quote explains the errors it causes further down
FAMILIES: dict[str, Family] = {
    "tab": _family(
        r"tab character|'\\t'",
        N_("a tab is used for indentation here; YAML does not allow tabs for indentation: use spaces"),
    ),
    "unclosed-quote": _family(
        r"quoted scalar.*(end of stream|document (separator|indicator))",
        N_("the quoted text that starts here with {char} is never closed; end it with {char}"),
        at_opening=True,
    ),
    "quote-runs-on": _family(
        r"(?!)",  # never from the parser's words: found by what was read before, see ``explain``
        N_("the quoted text that starts here with {char} runs on to line {line}; is its closing {char} missing?"),
        at_opening=True,
    ),
    "text-after-quote": _family(
        r"(?!)",  # never from the parser's words: found by what was read before, see ``explain``
        N_("text follows the closing {char} of a quoted value; a {char} inside the value is written {escaped}"),
    ),
    "escape": _family(
        r"escape|hexa?decimal",
        N_("{escape} is not a valid escape in double-quoted text; write \\\\ for a backslash, or use single quotes"),
    ),
    "unclosed-flow": _family(
        r"flow (sequence|mapping).*expected ','",
        N_(
            "the {what} that opens here with {char} is not closed {before};"
            " add the missing {closer}, or a ',' between its items"
        ),
        at_opening=True,
    ),
    "colon-in-value": _family(
        r"mapping values are not allowed|unexpected ':'",
        N_(
            "':' followed by a space inside a value; put the value in quotes,"
            " or if it is a key, indent it like the keys above it"
        ),
    ),
    "missing-colon": _family(
        r"simple key",
        N_("this line has no ':' after its key; write 'key: value', or indent it to continue the value above"),
        at_opening=True,
    ),
    "list-item-here": _family(
        r"sequence entries are not allowed",
        N_("a '- ' list item cannot start here, on the line of a key; start the list on the next line, indented"),
    ),
    "key-here": _family(
        r"mapping keys are not allowed", N_("a '?' key cannot start here; put a value that begins with '?' in quotes")
    ),
    "outside-document": _family(
        r"document start",
        N_("this line is outside the document, after a '...' end line or a '%' directive; remove that line"),
    ),
    "indentation": _family(
        r"block (mapping|collection)",
        N_(
            "this line is not indented like the block it is in (from line {opened}); line it up with its sibling"
            " keys or '- ' items"
        ),
    ),
    "missing-value": _family(
        r"node content",
        N_(
            "a value is expected here, not {char}; a value that begins with a sign such as ',' or ']' must be in quotes"
        ),
    ),
    "cannot-start": _family(r"cannot start any token", N_("a value cannot begin with {char}; put the value in quotes")),
    "several-documents": _family(
        r"single document",
        N_("several YAML documents in one file; a roadmap is one document (remove the '---' lines)"),
    ),
    "directive": _family(
        r"directive|incompatible yaml",
        N_("this '%' line is not a directive YAML knows, and a roadmap needs none; remove it"),
        at_opening=True,
    ),
    "tag": _family(
        r"\btag\b",
        N_(
            "this '!' tag cannot be read, and roadmaps use no tags; remove it, or put a value that begins with '!'"
            " in quotes"
        ),
        at_opening=True,
    ),
    "anchor": _family(
        r"anchor|alias",
        N_(
            "'&' anchors and '*' aliases are not supported in roadmaps; write the value out, or put a value that"
            " begins with '&' or '*' in quotes"
        ),
    ),
    "block-scalar": _family(
        r"block scalar",
        N_(
            "only '-', '+' or a digit 1–9 may follow '|' or '>' on its line; write the text on the lines below, indented"  # noqa: E501
        ),
        at_opening=True,
    ),
    "unreadable": _family(
        r"",
        N_("the YAML here cannot be read; check the quotes, brackets and indentation of this line and the one above"),
    ),
}

_CLOSERS = {"[": (N_("list"), "']'"), "{": (N_("mapping"), "'}'")}


class Explained(NamedTuple):
    """A parser error told our way."""

    line: int
    column: int
    message: str


class Before(NamedTuple):
    """What was read last before the place where the parser stopped."""

    quote: tuple[Position, Position] | None  # start and end of the quoted value read last, if it was one
    bracket: Position | None  # where the innermost '[' or '{' still open there opens


def explain(error: Any, text: str, read_before: Callable[[Position], Before] | None = None) -> Explained:
    """Our words for ``error`` (a ``yaml.MarkedYAMLError``) raised while reading ``text``.

    ``read_before(position)`` tells what was read before the parser stopped, for the
    errors that a mistake further up explains: a stray quote, or a bracket never
    closed, that the parser can only report further on.
    """
    problem, context = error.problem_mark, error.context_mark
    stopped = _position(problem or context)
    opened = _position(context or problem)
    # PyYAML adds what it found instead (", but found '<block mapping start>'"): parser terms, no clue
    words = f"{error.context or ''} | {error.problem or ''}".lower().split(", but ")[0]
    lines = text.split("\n")
    at_end = not _rest(lines, stopped).strip()
    code = next(code for code, family in FAMILIES.items() if family.clue.search(words))
    if _char(lines, stopped) == "\t":
        code = "tab"
    elif code in ("indentation", "missing-value") and read_before is not None:
        before = read_before(stopped)
        if code == "indentation" and before.quote and before.quote[1][0] == stopped[0]:  # ends where it stopped
            start, end = before.quote
            code, opened = ("quote-runs-on", start) if start[0] < end[0] else ("text-after-quote", start)
        elif code == "missing-value" and before.bracket and at_end:
            code, opened = "unclosed-flow", before.bracket
    family = FAMILIES[code]
    line, column = opened if family.at_opening else stopped
    char = _char(lines, opened if family.at_opening or code == "text-after-quote" else stopped)
    if code == "escape":
        line, column, escape = _escape(lines, stopped)
    else:
        escape = ""
    what, closer = _CLOSERS.get(char, (N_("collection"), N_("closing bracket")))
    if at_end:
        closing = _("by the end of the file")
    else:
        closing = _("before line {line}, column {column}").format(line=stopped[0], column=stopped[1])
    message = _(family.message).format(
        char=_shown(char),
        escaped="''" if char == "'" else '\\"',
        escape=escape,
        line=stopped[0],
        before=closing,
        opened=opened[0],
        what=_(what),
        closer=_(closer),
    )
    return Explained(line, column, _(PREFIX) + message)


def _position(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _char(lines: list[str], where: Position) -> str:
    """The character at 1-based ``where``, or ``""`` past the end of its line."""
    line, column = where
    return lines[line - 1][column - 1 : column] if line <= len(lines) else ""


def _rest(lines: list[str], where: Position) -> str:
    """The text from ``where`` to the end."""
    line, column = where
    return "\n".join([lines[line - 1][column - 1 :], *lines[line:]]) if line <= len(lines) else ""


def _shown(char: str) -> str:
    if not char:
        return _("the end of the line")
    return repr(char) if char.isprintable() else f"U+{ord(char):04X}"


def _escape(lines: list[str], where: Position) -> tuple[int, int, str]:
    """Line, column and text of the backslash escape at or just before ``where``."""
    line, column = where
    text = lines[line - 1] if line <= len(lines) else ""
    backslash = text.rfind("\\", 0, column)
    if backslash < 0:
        return line, column, _("this")
    return line, backslash + 1, f"'{text[backslash : max(backslash + 2, column)]}'"
