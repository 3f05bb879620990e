"""Words for people: 'did you mean …?' for every name a person can mistype, and counted nouns."""

from __future__ import annotations

from collections.abc import Iterable

from twins_cli.base.i18n import _


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``word`` (case-insensitively), if any is close enough."""
    import difflib

    by_folded = {candidate.casefold(): candidate for candidate in candidates}
    found = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    return by_folded[found[0]] if found else None


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
