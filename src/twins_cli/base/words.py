"""Words for people: 'did you mean …?' for every name a person can mistype, and counted nouns."""

from __future__ import annotations

from collections.abc import Iterable

from twins_cli.base.i18n import _


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``word`` (case-insensitively), if any is close enough.

    Close enough is difflib's judgement; among those, the fewest edits wins, a swap of two
    neighbouring letters counting as one (``lsit`` is ``list``, not ``site``), then difflib's order.
    """
    import difflib

    by_folded = {candidate.casefold(): candidate for candidate in candidates}
    typed = word.casefold()
    close = difflib.get_close_matches(typed, list(by_folded), n=max(len(by_folded), 1), cutoff=0.6)
    return by_folded[min(close, key=lambda candidate: _edits(typed, candidate))] if close else None


def _edits(first: str, second: str) -> int:
    """How many letters to insert, delete, change or swap with a neighbour to make ``second`` of ``first``."""
    previous: list[int] = []
    row = list(range(len(second) + 1))
    for i, letter in enumerate(first, 1):
        before, previous, row = previous, row, [i] + [0] * len(second)
        for j, other in enumerate(second, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (letter != other))
            if i > 1 and j > 1 and letter == second[j - 2] and first[i - 2] == other:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[-1]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` to append to a message, or an empty string."""
    match = closest(word, candidates)
    return _(" (did you mean {match!r}?)").format(match=match) if match else ""


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 problem``, ``2 problems``: a count and its noun, so that no message says ``1 problems``.

    The noun takes an ``s`` unless ``many`` says otherwise: ``plural(n, "entry", "entries")``,
    ``plural(n, "thing needs", "things need")``.
    """
    return f"{count} {one if count == 1 else many or one + 's'}"
