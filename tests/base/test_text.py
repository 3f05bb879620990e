"""Text measured and shown: the shortcuts that make long tables fast agree with the rules, character by character."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from twins_cli.base.text import SHOWN_ESCAPED, display_width, escape_char, printable

EVERY_CHARACTER = [chr(code) for code in range(sys.maxunicode + 1)]


def width_by_the_rule(text: str) -> int:
    """Two columns for a wide or fullwidth character, one for any other: what every table aligns by."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def test_display_width_of_every_character_is_the_rule() -> None:
    assert [display_width(char) for char in EVERY_CHARACTER] == list(map(width_by_the_rule, EVERY_CHARACTER))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Belfast",
        "세종특별자치시",  # Hangul syllables: two columns each
        "부산 Busan 해운대",
        "Nov 2025 – Jan 2026",  # one narrow character beyond ASCII
        "Cafe\u0301",  # a combining accent
        "\u1100\u1161\u11a8 jamo",  # conjoining Hangul jamo: a wide one and two that are not
        "a\x1bb\x00c\x7f\x9b",  # control characters
        "\uff26\uff55\uff4c\uff4c width",  # fullwidth Latin
        "\U0001f600 \u0378",  # an emoji; a code point not assigned
    ],
)
def test_display_width_of_mixed_text_is_the_rule(text: str) -> None:
    assert display_width(text) == width_by_the_rule(text)


def test_printable_escapes_what_it_names_and_nothing_else_for_every_character() -> None:
    """The shortcut for text Python calls printable must leave out no character the pattern escapes."""
    pattern = re.compile(SHOWN_ESCAPED)
    for char in EVERY_CHARACTER:
        assert printable(f"a{char}b") == f"a{escape_char(char) if pattern.fullmatch(char) else char}b"
