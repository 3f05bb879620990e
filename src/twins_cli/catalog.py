"""Load the roadmaps a query reads, refusing data that does not validate.

A query on a broken roadmap would answer from half-read data; it is safer to
say so and point at ``twins validate``. The data of every file that passed
its checks before (in a query or in ``twins validate``) comes from the cache
(``cache.py``); only the others are read and checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from twins_cli import cache
from twins_cli.bulk import collector_paused
from twins_cli.errors import InvalidDataError
from twins_cli.locate import PROGRAMME_FILE, RoadmapsLocation, programme_file_for
from twins_cli.model import Catalog, programme_from_data, roadmap_from_data
from twins_cli.problems import display_name


def load_catalog(location: RoadmapsLocation) -> Catalog:
    """Every roadmap in ``location`` with its programme, or ``InvalidDataError``."""
    files = location.roadmap_files()
    programme_path = programme_file_for(location.directory)
    with collector_paused():
        governing = cache.governing_key(programme_path) if cache.cache_dir() else None
        programme = cache.load(governing, "programme") if governing else None
        data: list[Any] = [
            cache.load(cache.roadmap_key(governing, path), "roadmap") if governing else None for path in files
        ]
        unchecked = [path for path, found in zip(files, data, strict=True) if found is None]
        if programme is None or unchecked:
            programme, fresh = _checked_data(unchecked or [programme_path])
            data = [found if found is not None else fresh[path] for path, found in zip(files, data, strict=True)]
        return Catalog(
            programme=programme_from_data(programme),
            roadmaps=tuple(
                roadmap_from_data(display_name(path), found) for path, found in zip(files, data, strict=True)
            ),
        )


def _checked_data(files: list[Path]) -> tuple[Any, dict[Path, Any]]:
    """The programme's data and each file's, once all of them validate (``files`` may be the programme alone)."""
    from twins_cli.validate import check_files

    checked = check_files(files, keep_data=True)
    if not checked.ok:
        count = len(checked.problems)
        raise InvalidDataError(
            f"the roadmaps have {count} problem{'s' * (count != 1)}; first: {checked.problems[0].format()}",
            "run `twins validate` to see them all",
        )
    programme = next(iter(checked.programmes.values()))
    roadmaps = [path for path in dict.fromkeys(files) if path.name != PROGRAMME_FILE]
    return programme.data, {path: roadmap.data for path, roadmap in zip(roadmaps, checked.roadmaps, strict=True)}
