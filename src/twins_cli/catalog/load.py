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
from typing import TYPE_CHECKING, Any

from twins_cli.base.collector import collector_paused
from twins_cli.base.i18n import N_, _
from twins_cli.base.paths import display_name
from twins_cli.check import cache
from twins_cli.errors import InvalidDataError
from twins_cli.files.locate import PROGRAMME_FILE, RoadmapsLocation, programme_file_for
from twins_cli.model.build import programme_from_data, roadmap_from_data
from twins_cli.model.records import Catalog, Programme, Roadmap
from twins_cli.problems import problem_summary, refuse_if_any

if TYPE_CHECKING:
    from twins_cli.check.validate import CheckedRoadmap

OnInvalid = Callable[[InvalidDataError], None]

_HINT = N_("run `twins validate` to see them all")  # translated where raised


class Roadmaps:
    """A location's programme, and its roadmaps that validate, built one at a time as they are read.

    ``found`` yields each roadmap with its place in file order: those answered from the cache
    first, then those checked now. Only once it is exhausted are the roadmaps left out reported
    (or the query refused, when none validates), so it must be read to its end.
    """

    __slots__ = ("found", "programme")

    def __init__(self, programme: Programme, found: Iterator[tuple[int, Roadmap]]) -> None:
        self.programme = programme
        self.found = found


def load_catalog(location: RoadmapsLocation, *, on_invalid: OnInvalid | None = None) -> Catalog:
    """The roadmaps in ``location`` that validate, with their programme.

    Without ``on_invalid`` any problem is an ``InvalidDataError``; with it, each roadmap
    that does not validate is passed to it as one and left out. An invalid programme
    file, or no roadmap that validates, is always an error.
    """
    roadmaps = read_roadmaps(location, on_invalid=on_invalid)
    with collector_paused():  # every roadmap is kept: the collector would scan them all again and again
        found = sorted(roadmaps.found, key=lambda item: item[0])
    return Catalog(programme=roadmaps.programme, roadmaps=tuple(roadmap for _, roadmap in found))


def read_roadmaps(location: RoadmapsLocation, *, on_invalid: OnInvalid | None = None) -> Roadmaps:
    """``load_catalog``'s roadmaps one at a time, so that a query need not hold them all (see ``Roadmaps``).

    The programme is read (and an invalid one refused) now; the roadmaps as ``found`` is read.
    """
    files = location.roadmap_files()
    programme_path = programme_file_for(location.directory)
    checked = None
    with collector_paused():
        governing = cache.governing_key(programme_path) if cache.cache_dir() else None
        programme = cache.load(governing, "programme") if governing else None
        if programme is None:  # no cache, or a cold one (a new programme, or twins): every file is checked now
            checked = _checked_data(files or [programme_path])
            programme = checked[0]
        record = programme_from_data(programme)
    return Roadmaps(record, _found(files, governing, checked, on_invalid))


def _found(
    files: list[Path],
    governing: str | None,
    checked: tuple[Any, dict[Path, Any], list[CheckedRoadmap]] | None,
    on_invalid: OnInvalid | None,
) -> Iterator[tuple[int, Roadmap]]:
    """Each roadmap of ``files`` that validates, with its place: the cached ones, then the others, checked at once.

    Each roadmap is built as soon as its data is read, so that only one file's data is held at a time.
    The cycle collector runs (unless the caller pauses it): it frees the cycles that checking an entry leaves.
    """
    unchecked = list(enumerate(files))
    if governing and checked is None:
        indexes: dict[tuple[str, Path], cache.Index] = {}
        unchecked = []
        for position, path in enumerate(files):
            roadmap = _built(path, _cached(indexes, governing, path))
            if roadmap is None:
                unchecked.append((position, path))
            else:
                yield position, roadmap
        for index in indexes.values():  # before the others are checked, which record them in it too
            index.save([path.name for path in files])
    answered = len(files) - len(unchecked)
    if not unchecked:
        return
    _programme, fresh, invalid = checked or _checked_data([path for _position, path in unchecked])
    for position, path in unchecked:
        roadmap = _built(path, _fresh_data(path, fresh.pop(path, None), invalid))
        if roadmap is not None:
            answered += 1
            yield position, roadmap
    if invalid:  # with nothing left to answer from, a query is refused as with --strict
        _report(invalid, on_invalid if answered else None)


def _built(path: Path, data: Any) -> Roadmap | None:
    """The roadmap record of ``path`` from its checked data, or None without data."""
    return None if data is None else roadmap_from_data(display_name(path), data)


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


def _checked_data(files: list[Path]) -> tuple[Any, dict[Path, Any], list[CheckedRoadmap]]:
    """The programme's data, each valid file's, and the roadmaps that do not validate.

    ``files`` may be the programme alone. An invalid programme is an error here: nothing can be read without it.
    """
    from twins_cli.check.validate import check_files

    # With a cache, the checks (in worker processes, for many files) send back what they found and the key of
    # the data they cached, not the data: it is read back one file at a time as the roadmaps are built.
    checked = check_files(files, keep_data=cache.cache_dir() is None)
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


def _fresh_data(path: Path, roadmap: CheckedRoadmap | None, invalid: list[CheckedRoadmap]) -> Any:
    """The data of a roadmap that ``_checked_data`` found valid: kept, or read back from the cache.

    Data that could not be cached (too large for an entry, a folder that failed), or whose entry is gone
    since, is read and checked again here; if it no longer validates, it joins ``invalid``.
    """
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
