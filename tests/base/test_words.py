"""Words for people: counted nouns, and the name a person most likely meant."""

from __future__ import annotations

import pytest

from twins_cli.base.words import closest, plural


@pytest.mark.parametrize(
    ("count", "words", "expected"),
    [
        (0, ("problem",), "0 problems"),
        (1, ("problem",), "1 problem"),
        (2, ("problem",), "2 problems"),
        (1, ("entry", "entries"), "1 entry"),
        (0, ("entry", "entries"), "0 entries"),
        (3, ("entry", "entries"), "3 entries"),
        (1, ("thing needs", "things need"), "1 thing needs"),
        (2, ("thing needs", "things need"), "2 things need"),
        (-1, ("day",), "-1 days"),
    ],
)
def test_plural_counts_a_noun(count: int, words: tuple[str, ...], expected: str) -> None:
    assert plural(count, *words) == expected


@pytest.mark.parametrize(
    ("typed", "candidates", "expected"),
    [
        ("lsit", ["validate", "list", "show", "site", "status"], "list"),  # two letters swapped: one edit
        ("thme", ["theme", "type"], "theme"),
        ("CYBER", ["cybersecurity", "cyber"], "cyber"),  # case does not count
        ("zzz", ["list", "show"], None),  # nothing close enough
        ("list", [], None),
    ],
)
def test_closest_prefers_the_fewest_edits(typed: str, candidates: list[str], expected: str | None) -> None:
    assert closest(typed, candidates) == expected
