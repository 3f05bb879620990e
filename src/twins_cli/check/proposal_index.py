"""The proposal index: each roadmap's proposals in brief, per folder, so that ``twins list`` reads one entry, not all.

A warm ``twins list`` over a thousand roadmaps would otherwise read, unseal and check
against the schema a thousand whole cache entries (60 KB each) to show a few columns of
their proposals. For each roadmap file that passed its checks, the index keeps its brief:

- the pair's id, and the names of the organisations that lead its proposals;
- each proposal with only the fields a listing shows or filters on (``_BRIEF``), as its own JSON text;
- for each theme, type and stage, which of those proposals have it.

A query for a theme then decodes and checks only the proposals that have it. The brief of a
proposal keeps every field the schema requires, so it is itself a valid proposal: it is checked
against the schema's definition of one, and built by the same code as a whole roadmap's.

Trusted as every cache entry is (``cache.py``): each shard is sealed, read only as a regular
file of bounded size with no escape that could smuggle in a control character, and its records'
shape is checked; each proposal's text is checked the same way, and against the schema, before
it is used; a record that fails anywhere is a miss (the file is read the long way, and its record
written again). A record is used only while the file's signs (size, times, inode) are those
recorded, and had settled when they were taken (``cache.SETTLED_NS``).

The files of a folder are spread over ``SHARDS`` entries by a hash of their name: an entry stays
small (about 1 MB for 10,000 roadmaps), a run holds one shard at a time, and an edited roadmap
rewrites one shard.
"""

import json
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from twins_cli.base.tuples import NamedTuple
from twins_cli.check import cache
from twins_cli.check.fastcheck.shared import is_slug
from twins_cli.check.schema import fast_check

SHARDS = 64
# A proposal's fields in its brief: those of ``twins list``'s rows, filters and sorts. ``None``: the whole
# value; a tuple: those of its fields. Whatever is not kept is absent from the records built from a brief.
_BRIEF: dict[str, tuple[str, ...] | None] = {
    "id": None,
    "title": None,
    "tagline": None,
    "stage": None,
    "timeline": ("start", "end"),
    "leads": None,
    "types": None,
    "themes": None,
    "inferred": ("types", "themes"),
    "progress": ("status", "as_of", "actual_start", "actual_end"),
}
_FACETS = ("themes", "types", "stage")
_SIGNS = 5  # cache.file_signs: size, mtime, ctime, inode, when they were taken
_PENDING_BYTES = 4_000_000  # records kept aside before they are written into their shards
_RECORD_BYTES = 500  # about what a record takes beside its proposals: signs, lead names, facets


class Facets(NamedTuple):
    """What a query asks of a proposal that the index answers at once: None asks nothing."""

    themes: frozenset[str] | None = None  # any of these ticked themes
    types: frozenset[str] | None = None  # any of these types
    stage: str | None = None


class Brief(NamedTuple):
    """A roadmap's proposals that may match the facets asked (checked data), with what a listing shows beside them."""

    pair: str
    lead_names: dict[str, str]  # organisation id → name, for each organisation leading a proposal
    proposals: list[dict[str, Any]]


def brief_summary(data: Any) -> list[Any]:
    """The brief of a roadmap that passed its checks, as recorded: ``[pair, lead names, texts, facets]``."""
    proposals = [_brief(item) for item in data.get("proposals", ())]
    leads = {lead for item in proposals for lead in item["leads"]}
    names = {item["id"]: item["name"] for item in data.get("organisations", ()) if item["id"] in leads}
    facets: dict[str, dict[str, list[int]]] = {kind: {} for kind in _FACETS}
    for position, item in enumerate(proposals):
        for kind in _FACETS:
            values = item.get(kind, ())
            for value in [values] if isinstance(values, str) else values:
                facets[kind].setdefault(value, []).append(position)
    texts = [json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in proposals]
    return [data["pair"]["id"], names, texts, facets]


def _brief(item: dict[str, Any]) -> dict[str, Any]:
    brief = {}
    for key, fields in _BRIEF.items():
        if key in item:
            value = item[key]
            brief[key] = value if fields is None else {field: value[field] for field in fields if field in value}
    return brief


class ProposalIndex:
    """The proposal index of one folder under one governing key.

    Looked up shard by shard (``release`` lets a shard go); records of files read the long way are kept
    aside and written into their shards in batches of ``_PENDING_BYTES`` and by ``save``, so that a run
    that records a whole portfolio holds one batch, never the whole index.
    """

    def __init__(self, governing: str, folder: Path, names: Iterable[str]) -> None:
        """``names``: every roadmap file of the folder now; a shard written drops the records of any other."""
        self._governing = governing
        self._folder = folder
        self._names = set(names)
        self._shards: dict[int, dict[str, list[Any]]] = {}
        self._pending: dict[int, dict[str, list[Any]]] = {}
        self._pending_bytes = 0

    def known(self, path: Path, signs: list[int] | None, facets: Facets) -> Brief | None:
        """The brief of ``path``, of what may match ``facets``, if its signs are those recorded (and had settled)."""
        record = self._shard(shard_of(path.name)).get(path.name)
        if record is None or signs is None or record[:4] != signs[:4]:
            return None
        if max(record[1], record[2]) + cache.SETTLED_NS > record[4]:  # changed just before it was read
            return None
        return brief_of(record[_SIGNS:], facets)

    def release(self, number: int) -> None:
        """Let shard ``number`` go: a run need not hold the whole index."""
        self._shards.pop(number, None)

    def remember(self, path: Path, signs: list[int], summary: list[Any]) -> None:
        """Record the brief of ``path`` (``brief_summary``) read with these signs: written in a batch or by ``save``."""
        self._pending.setdefault(shard_of(path.name), {})[path.name] = [*signs, *summary]
        self._pending_bytes += sum(map(len, summary[2])) + _RECORD_BYTES
        if self._pending_bytes > _PENDING_BYTES:
            self.save()

    def save(self) -> None:
        """Write the records kept aside into their shards."""
        for number, records in sorted(self._pending.items()):
            shard = self._shard(number)
            merged = {name: record for name, record in {**shard, **records}.items() if name in self._names}
            if merged != shard:
                self._write(number, merged)
            self.release(number)
        self._pending.clear()
        self._pending_bytes = 0

    def _shard(self, number: int) -> dict[str, list[Any]]:
        shard = self._shards.get(number)
        if shard is None:
            shard = self._shards[number] = _read_shard(cache.load_sealed_text(self._key(number), ".index"))
        return shard

    def _write(self, number: int, shard: dict[str, list[Any]]) -> None:
        """Store a shard as lines: its records, each naming its proposals' lines, then a line of JSON per proposal.

        Proposals stored as JSON text inside JSON would escape every quote; as lines of their own, they are
        checked for smuggled characters with the rest of the entry, at no cost, and decoded only when asked for.
        """
        head: dict[str, list[Any]] = {}
        lines: list[str] = []
        for name, record in shard.items():
            pair, names, texts, facets = record[_SIGNS:]
            head[name] = [*record[:_SIGNS], pair, names, len(lines), len(texts), facets]
            lines.extend(texts)
        body = "\n".join([json.dumps(head, ensure_ascii=False, separators=(",", ":")), *lines])
        cache.store_text(self._key(number), body, ".index")

    def _key(self, number: int) -> str:
        return cache.digest(self._governing, self._folder, f"proposal index {number}".encode())


def shard_of(name: str) -> int:
    """Which shard holds the record of the file called ``name``."""
    return zlib.crc32(name.encode("utf-8", "surrogateescape")) % SHARDS


def in_shard_order(paths: Iterable[Path]) -> list[Path]:
    """``paths`` shard by shard (in their order within one), so that a run can hold one shard at a time."""
    return sorted(paths, key=lambda path: shard_of(path.name))


def brief_of(summary: list[Any], facets: Facets) -> Brief | None:
    """The brief in ``summary`` of the proposals that may match ``facets``, each checked; None if one is not right."""
    pair, names, texts, index = summary
    positions = _candidates(index, len(texts), facets)
    if positions is None:
        return None
    proposals = []
    for position in positions:
        item = _proposal(texts[position])
        if item is None or any(lead not in names for lead in item["leads"]):
            return None
        proposals.append(item)
    return Brief(pair, names, proposals)


def _candidates(index: dict[str, Any], count: int, facets: Facets) -> Iterable[int] | None:
    """The positions of the proposals that have every facet asked (any of the values asked of each), in order.

    None if a list of positions consulted is not one (each is checked only when it is consulted).
    """
    chosen: set[int] | None = None
    stage = None if facets.stage is None else frozenset({facets.stage})
    for kind, wanted in zip(_FACETS, (facets.themes, facets.types, stage), strict=True):
        if wanted is None:
            continue
        having = index.get(kind, {})
        lists = [having.get(value, []) for value in wanted]
        if not all(_is_positions(positions, count) for positions in lists):
            return None
        these = {position for positions in lists for position in positions}
        chosen = these if chosen is None else chosen & these
    return range(count) if chosen is None else sorted(chosen)


def _is_positions(positions: Any, count: int) -> bool:
    """Whether ``positions`` is a list of positions of proposals, of which there are ``count``."""
    return isinstance(positions, list) and all(type(place) is int and 0 <= place < count for place in positions)


def _proposal(text: str) -> dict[str, Any] | None:
    """One proposal's brief from its JSON text (checked for smuggled characters with its shard), if valid."""
    try:
        item = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return item if isinstance(item, dict) and fast_check("roadmap", "proposal")(item) else None


def _read_shard(body: str | None) -> dict[str, list[Any]]:
    """A shard's records from the text ``ProposalIndex._write`` stored, or none if it is not that text."""
    if body is None:
        return {}
    head, *lines = body.split("\n")  # JSON written compact holds no newline: each is a line's end
    try:
        found = json.loads(head)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(found, dict):
        return {}
    shard = {}
    for name, stored in found.items():
        if not _is_stored(stored, len(lines)):
            return {}
        first, count = stored[_SIGNS + 2 : _SIGNS + 4]
        shard[name] = [*stored[: _SIGNS + 2], lines[first : first + count], stored[_SIGNS + 4]]
    return shard


def _is_stored(stored: Any, lines: int) -> bool:
    """Whether ``stored`` is a record as ``_write`` stores it: signs, pair, lead names, first line, count, facets."""
    if not (isinstance(stored, list) and len(stored) == _SIGNS + 5):
        return False
    pair, names, first, count, index = stored[_SIGNS:]
    return (
        all(type(number) is int and number >= 0 for number in (*stored[:_SIGNS], first, count))
        and first + count <= lines
        and is_slug(pair)
        and isinstance(names, dict)
        and all(isinstance(name, str) and name for name in names.values())
        and isinstance(index, dict)
        and all(kind in _FACETS and isinstance(values, dict) for kind, values in index.items())
    )
