"""What the compiled checks share, written once: the generated modules import it (``tools/generate_fastcheck.py``).

fastjsonschema defines a hashing function inside the check of every list with
``uniqueItems``, on every call, and hashes each item through it; ``distinct``
counts a list of texts with ``set`` at once, and anything else through that same
function (``hashable``: the generator checks it is still fastjsonschema's).
Each pattern is compiled when first used, and remembers the strings it matched:
a portfolio's ids, slugs and dates repeat across records and roadmaps.
"""

import re
from typing import Any

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
    """A pattern, compiled when first searched, that remembers the strings it matched (never one it refused)."""

    __slots__ = ("matched", "pattern", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self.pattern: re.Pattern[str] | None = None
        self.matched: set[str] = set()

    def search(self, text: str) -> bool:
        """Whether ``text`` matches: answered from memory for a string matched before."""
        if text in self.matched:
            return True
        if self.pattern is None:
            self.pattern = re.compile(self.source)
        if self.pattern.search(text) is None:
            return False
        if len(self.matched) < MAX_REMEMBERED:
            self.matched.add(text)
        return True


def remembered(sources: dict[str, str]) -> dict[str, RememberedPattern]:
    """The generated module's patterns (each by its schema text) as remembering patterns."""
    return {key: RememberedPattern(source) for key, source in sources.items()}
