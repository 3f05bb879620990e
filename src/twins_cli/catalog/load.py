"""Load the roadmaps a query reads, leaving out those that do not validate.

A query on a broken roadmap would answer from half-read data, so a roadmap
that does not validate is left out (the caller is told, to point at ``twins
validate``) or, when the caller asks for strictness, refuses the query. An
invalid programme file refuses every query: each roadmap is checked against
it. The data of every file that passed its checks before (in a query or in
``twins validate``) comes from the cache (``cache.py``); only the others are
read and checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from twins_cli.base.collector import collector_paused
from twins_cli.base.i18n import N_, _
from twins_cli.base.paths import display_name
from twins_cli.check import cache
from twins_cli.check.proposal_index import (
    Brief,
    Facets,
    ProposalIndex,
    brief_of,
    brief_summary,
    in_shard_order,
    shard_of,
)
from twins_cli.errors import InvalidDataError
from twins_cli.files.locate import PROGRAMME_FILE, RoadmapsLocation, programme_file_for
from twins_cli.model.build import pair_proposals_from_brief, programme_from_data, roadmap_from_data
from twins_cli.model.records import Catalog, PairProposals, Programme, Roadmap
from twins_cli.problems import problem_summary, refuse_if_any

if TYPE_CHECKING:
    from twins_cli.check.validate import CheckedRoadmap

OnInvalid = Callable[[InvalidDataError], None]
_T = TypeVar("_T")

_HINT = N_("run `twins validate` to see them all")  # translated where raised


class Roadmaps:
    """A location's programme, and its roadmaps that validate, read one at a time: whole (``found``) or in brief.

    Each yields with every roadmap its place in file order, in no particular order. Either is read once
    and to its end: only then are the roadmaps left out reported (or the query refused, when none validates).
    """

    __slots__ = ("_cold", "_files", "_governing", "_on_invalid", "programme")

    def __init__(
        self, programme: Programme, files: list[Path], governing: str | None, cold: bool, on_invalid: OnInvalid | None
    ) -> None:
        """``governing``: the cache's key of what the roadmaps are checked against; ``cold``: none can be cached."""
        self.programme = programme
        self._files = files
        self._governing = governing
        self._cold = cold
        self._on_invalid = on_invalid

    def found(self) -> Iterator[tuple[int, Roadmap]]:
        """Each roadmap that validates, whole: those answered from the cache first, then those checked now."""
        return _found(self._files, self._governing, self._cold, self._on_invalid, _built)

    def briefs(self, facets: Facets) -> Iterator[tuple[int, PairProposals]]:
        """Each roadmap's proposals that may have ``facets`` (the query's own filter decides), in brief.

        From the proposal index (``check/proposal_index.py``) where it knows the file, so that
        a warm listing never reads a whole roadmap; the others are read as by ``found``, and recorded.
        """
        return _briefs(self._files, self._governing, self._cold, self._on_invalid, facets)


def load_catalog(location: RoadmapsLocation, *, on_invalid: OnInvalid | None = None) -> Catalog:
    """The roadmaps in ``location`` that validate, with their programme.

    Without ``on_invalid`` any problem is an ``InvalidDataError``; with it, each roadmap
    that does not validate is passed to it as one and left out. An invalid programme
    file, or no roadmap that validates, is always an error.
    """
    roadmaps = read_roadmaps(location, on_invalid=on_invalid)
    with collector_paused():  # every roadmap is kept: the collector would scan them all again and again
        found = sorted(roadmaps.found(), key=lambda item: item[0])
    return Catalog(programme=roadmaps.programme, roadmaps=tuple(roadmap for _, roadmap in found))


def read_roadmaps(location: RoadmapsLocation, *, on_invalid: OnInvalid | None = None) -> Roadmaps:
    """``load_catalog``'s roadmaps one at a time, so that a query need not hold them all (see ``Roadmaps``).

    The programme is read (and an invalid one refused) now; the roadmaps as they are asked for.
    """
    files = location.roadmap_files()
    programme_path = programme_file_for(location.directory)
    with collector_paused():
        governing = cache.governing_key(programme_path) if cache.cache_dir() else None
        programme = cache.load(governing, "programme") if governing else None
        cold = programme is None  # no cache, or a cold one (a new programme, or twins): every file is checked
        if programme is None:
            programme = _checked_data([programme_path])[0]
        record = programme_from_data(programme)
    return Roadmaps(record, files, governing, cold, on_invalid)


def _found(
    files: list[Path],
    governing: str | None,
    cold: bool,
    on_invalid: OnInvalid | None,
    make: Callable[[Path, Any], _T | None],
    *,
    brief: bool = False,
    every: list[Path] | None = None,
    answered: int = 0,
) -> Iterator[tuple[int, _T]]:
    """What ``make`` makes of each roadmap of ``files`` that validates, with its place: cached ones, then the others.

    ``make`` is given each roadmap's checked data as soon as it is read, so that only one file's data
    is held at a time; with ``brief``, its proposals in brief (``proposal_index.brief_summary``).
    ``every``: all the roadmaps of the query, when ``files`` are some of them (their places are
    those in ``every``; the cache's index keeps the records of them all), of which the caller has
    ``answered`` already: a query is refused only when no roadmap at all answers it.
    The cycle collector runs (unless the caller pauses it): it frees the cycles that checking an entry leaves.
    """
    places = {path: place for place, path in enumerate(every or files)}
    unchecked = list(files)
    if governing and not cold:
        indexes: dict[tuple[str, Path], cache.Index] = {}
        unchecked = []
        for path in files:
            made = _from_cache(make, path, _cached(indexes, governing, path), brief)
            if made is None:
                unchecked.append(path)
            else:
                yield places[path], made
        for index in indexes.values():  # before the others are checked, which record them in it too
            index.save([path.name for path in every or files])
    answered += len(files) - len(unchecked)
    if not unchecked:
        return
    # Checked in file order, so that those that do not validate are reported in that order.
    _programme, fresh, invalid = _checked_data(sorted(unchecked, key=places.__getitem__), brief=brief)
    for path in unchecked:
        made = _made(make, path, _fresh_data(path, fresh.pop(path, None), invalid, brief))
        if made is not None:
            answered += 1
            yield places[path], made
    if invalid:  # with nothing left to answer from, a query is refused as with --strict
        _report(invalid, on_invalid if answered else None)


def _briefs(
    files: list[Path], governing: str | None, cold: bool, on_invalid: OnInvalid | None, facets: Facets
) -> Iterator[tuple[int, PairProposals]]:
    """``Roadmaps.briefs``: the index looked up shard by shard, then the others read in file order, and recorded."""
    if not governing:  # no cache: each roadmap is checked now, and its brief made in passing
        yield from _found(files, None, True, on_invalid, lambda _path, summary: _brief(summary, facets), brief=True)
        return
    indexes: dict[Path, ProposalIndex] = {}
    signs: dict[Path, list[int] | None] = {}
    places = {path: place for place, path in enumerate(files)}
    missed = []
    answered = 0
    held: int | None = None
    for path in in_shard_order(files):  # one shard of each folder's index held at a time
        index = indexes.get(path.parent)
        if index is None:
            names = [other.name for other in files if other.parent == path.parent]
            index = indexes[path.parent] = ProposalIndex(governing, path.parent, names)
        number = shard_of(path.name)
        if held is not None and number != held:
            for each in indexes.values():
                each.release(held)
        held = number
        signs[path] = cache.file_signs(path)  # before reading it: see cache.Index
        known = None if cold else index.known(path, signs[path], facets)
        made = None if known is None else _from_index(known)
        if made is None:
            missed.append(path)
        else:
            answered += 1
            yield places[path], made
    if held is not None:
        for each in indexes.values():
            each.release(held)

    def recorded(path: Path, summary: list[Any]) -> PairProposals | None:
        taken = signs[path]
        if taken is not None:
            indexes[path.parent].remember(path, taken, summary)
        return _brief(summary, facets)

    missed.sort(key=places.__getitem__)  # read the long way in file order, as every query reads
    yield from _found(missed, governing, cold, on_invalid, recorded, brief=True, every=files, answered=answered)
    for index in indexes.values():
        index.save()


def _brief(summary: list[Any], facets: Facets) -> PairProposals | None:
    brief = brief_of(summary, facets)
    return None if brief is None else _pair_proposals(brief)


def _pair_proposals(brief: Brief) -> PairProposals:
    return pair_proposals_from_brief(brief.pair, brief.lead_names, brief.proposals)


def _from_cache(make: Callable[[Path, Any], _T | None], path: Path, data: Any, brief: bool) -> _T | None:
    """What ``make`` makes of data read from the cache (in brief, with ``brief``); None if it only looked right.

    An entry is checked against the schema, which allows a date no calendar has (``2024-13``): the rules
    refuse it in a roadmap, and building its record does too. Such an entry is a miss: the file is checked.
    """
    try:
        return _made(make, path, brief_summary(data) if brief and data is not None else data)
    except ValueError:
        return None


def _from_index(brief: Brief) -> PairProposals | None:
    """The proposals of a brief from the proposal index; None if it only looked right (see ``_from_cache``)."""
    try:
        return _pair_proposals(brief)
    except ValueError:
        return None


def _made(make: Callable[[Path, Any], _T | None], path: Path, data: Any) -> _T | None:
    return None if data is None else make(path, data)


def _built(path: Path, data: Any) -> Roadmap:
    """The roadmap record of ``path`` from its checked data."""
    return roadmap_from_data(display_name(path), data)


def _cached(indexes: dict[tuple[str, Path], cache.Index], governing: str, path: Path) -> Any:
    """The cached data of ``path``, found by its index record when the file is unchanged, else by its content."""
    index = cache.index_for(indexes, governing, path)
    signs = cache.file_signs(path)  # before reading it: see cache.Index
    known = index.known(path, signs)
    if known is not None:
        return cache.load(known.key, "roadmap")
    key = cache.roadmap_key(governing, path)
    found = cache.load(key, "roadmap")
    if found is not None and signs is not None:
        index.remember(path, signs, key, len(found.get("proposals", ())))
    return found


def _checked_data(
    files: list[Path], brief: bool = False
) -> tuple[Any, dict[Path, CheckedRoadmap], list[CheckedRoadmap]]:
    """The programme's data, each valid file's check, and the roadmaps that do not validate.

    ``files`` may be the programme alone. An invalid programme is an error here: nothing can be read without it.
    """
    from twins_cli.check.validate import check_files

    # The checks (in worker processes, for many files) send back what they found and, with ``brief``, each
    # roadmap's proposals in brief; else, with a cache, the key of the data they cached, not the data: it is
    # read back one file at a time as the roadmaps are built.
    checked = check_files(files, keep_data=not brief and cache.cache_dir() is None, brief=brief)
    programme = next(iter(checked.programmes.values()))
    programme_problems = [problem for problem in checked.problems if problem.file == programme.file]
    refuse_if_any(
        programme_problems,
        f"the programme file {programme.file} does not validate, so no roadmap can be read",
        _HINT,
        len(programme_problems) + checked.more_problems.get(programme.file, 0),
    )
    roadmaps = [path for path in dict.fromkeys(files) if path.name != PROGRAMME_FILE]
    fresh = {path: roadmap for path, roadmap in zip(roadmaps, checked.roadmaps, strict=True) if not roadmap.problems}
    return programme.data, fresh, [roadmap for roadmap in checked.roadmaps if roadmap.problems]


def _fresh_data(path: Path, roadmap: CheckedRoadmap | None, invalid: list[CheckedRoadmap], brief: bool) -> Any:
    """The data (or with ``brief``, the brief) of a roadmap that ``_checked_data`` found valid: kept, or read back.

    Data that could not be cached (too large for an entry, a folder that failed), or whose entry is gone
    since, is read and checked again here; if it no longer validates, it joins ``invalid``.
    """
    if brief:
        return None if roadmap is None else roadmap.brief
    if roadmap is None or roadmap.data is not None:
        return None if roadmap is None else roadmap.data
    found = cache.load(roadmap.stored[0], "roadmap") if roadmap.stored else None
    if found is None:
        from twins_cli.check.validate import check_files

        (again,) = check_files([path], keep_data=True).roadmaps
        if again.problems:
            invalid.append(again)
        found = again.data if again.valid else None
    return found


def _report(invalid: list[CheckedRoadmap], on_invalid: OnInvalid | None) -> None:
    """Refuse the query (no ``on_invalid``), or tell ``on_invalid`` of each roadmap left out."""
    if on_invalid is None:
        problems = [problem for roadmap in invalid for problem in roadmap.problems]
        count = sum(roadmap.problem_count for roadmap in invalid)
        raise InvalidDataError(
            _("the roadmaps have {problems}").format(problems=problem_summary(problems, count)), _(_HINT)
        )
    for roadmap in invalid:
        summary = problem_summary(roadmap.problems, roadmap.problem_count)
        on_invalid(
            InvalidDataError(
                _("skipped {file}: it has {problems}").format(file=roadmap.file, problems=summary), _(_HINT)
            )
        )
