"""What the compiled checks share, written once: the generated modules import it (``tools/generate_fastcheck.py``).

fastjsonschema defines a hashing function inside the check of every list with
``uniqueItems``, on every call, and hashes each item through it; ``distinct``
counts a list of texts with ``set`` at once, and anything else through that same
function (``hashable``: the generator checks it is still fastjsonschema's).
Each pattern remembers the strings it matched: a portfolio's ids, slugs and
dates repeat across records and roadmaps. The schema's simplest patterns (a
slug, a country code, a date) are checked with string methods
(``SIMPLE_PATTERNS``): compiling them cost every query about 0.4 ms, more than
checking every string of the built-in roadmaps. Any other is compiled when
first used.
"""

import re
from collections.abc import Callable
from typing import Any

from twins_cli.base.dates import date_parts

MAX_REMEMBERED = 65536  # strings a pattern keeps, for hostile data


def hashable(var: Any) -> Any:
    """fastjsonschema's key of a JSON value for ``uniqueItems``: 1 and true differ, 1 and 1.0 do not."""
    return (
        frozenset(dict((k, hashable(v)) for k, v in var.items()).items())
        if hasattr(var, "items")
        else tuple(hashable(v) for v in var)
        if isinstance(var, (dict, list))
        else (bool, var)
        if isinstance(var, bool)
        else var
    )


def distinct(items: Any) -> int:
    """How many distinct items ``items`` holds, as ``uniqueItems`` counts them."""
    if all(type(item) is str for item in items):
        return len(set(items))
    return len({hashable(item) for item in items})


class RememberedPattern:
    """A pattern that remembers the strings it matched (never one it refused): ids, slugs and dates repeat.

    One of ``SIMPLE_PATTERNS`` is checked with string methods; any other is compiled when first searched.
    """

    __slots__ = ("check", "matched", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self.check: Callable[[str], object] | None = SIMPLE_PATTERNS.get(source)
        self.matched: set[str] = set()

    def search(self, text: str) -> bool:
        """Whether ``text`` matches: answered from memory for a string matched before."""
        if text in self.matched:
            return True
        if self.check is None:
            self.check = re.compile(self.source).search
        if not self.check(text):
            return False
        if len(self.matched) < MAX_REMEMBERED:
            self.matched.add(text)
        return True


_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SLUG_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-"


def _capitals(count: int) -> Callable[[str], bool]:
    return lambda text: len(text) == count and not text.strip(_CAPITALS)


def is_slug(text: object) -> bool:
    """Whether ``text`` is a slug (``belfast-sejong``): words of a-z and 0-9 joined by single dashes."""
    return (
        isinstance(text, str)
        and text != ""
        and not text.strip(_SLUG_CHARACTERS)
        and not text.startswith("-")
        and not text.endswith("-")
        and "--" not in text
    )


def _dated(text: str, precision: int) -> bool:
    """Whether ``text`` is a date as stored (``base.dates.date_parts``) down to the month (1) or the day (2)."""
    parts = date_parts(text)
    return parts is not None and parts[3] is None and sum(part is not None for part in parts[1:3]) == precision


def _web_address(text: str) -> bool:
    rest = text[8:] if text.startswith("https://") else text[7:] if text.startswith("http://") else ""
    return rest != "" and rest.split() == [rest]  # no white space, as \s says: str.split's


SIMPLE_PATTERNS: dict[str, Callable[[str], bool]] = {  # each pattern's source, as the generated modules give it
    r"^[a-z0-9]+(-[a-z0-9]+)*\Z": is_slug,
    r"^[A-Z]{2}\Z": _capitals(2),
    r"^[A-Z]{3}\Z": _capitals(3),
    r"^P[1-9][0-9]*\Z": lambda text: text[:1] == "P" and text[1:2] != "0" and text[1:].isascii() and text[1:].isdigit(),
    r"^[0-9]{4}-[0-9]{2}\Z": lambda text: _dated(text, 1),
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z": lambda text: _dated(text, 2),
    r"^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|(Early|Mid|Late|Q[1-4]|H[12]) [0-9]{4})\Z": lambda text: (
        date_parts(text) is not None
    ),
    r"^https?://[^\s]+\Z": _web_address,
}


def remembered(sources: dict[str, str]) -> dict[str, RememberedPattern]:
    """The generated module's patterns (each by its schema text) as remembering patterns."""
    return {key: RememberedPattern(source) for key, source in sources.items()}
