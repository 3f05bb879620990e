"""Load the roadmaps a query reads, refusing data that does not validate.

A query on a broken roadmap would answer from half-read data; it is safer to
say so and point at ``twins validate``. Data that validated is cached by
content (``cache.py``), so the next query skips parsing and checking.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from twins_cli import cache
from twins_cli.bulk import collector_paused
from twins_cli.errors import InvalidDataError
from twins_cli.locate import RoadmapsLocation, programme_file_for
from twins_cli.model import Catalog, programme_from_data, roadmap_from_data
from twins_cli.problems import display_name


def load_catalog(location: RoadmapsLocation) -> Catalog:
    """Every roadmap in ``location`` with its programme, or ``InvalidDataError``."""
    files = location.roadmap_files()
    key = cache.content_key([programme_file_for(location.directory), *files])
    with collector_paused():
        entry = cache.load(key)
        if entry is None:
            entry = _checked_data(files)
            cache.store(key, entry)
        return Catalog(
            programme=programme_from_data(entry["programme"]),
            roadmaps=tuple(
                roadmap_from_data(display_name(path), data) for path, data in zip(files, entry["roadmaps"], strict=True)
            ),
        )


def _checked_data(files: list[Path]) -> dict[str, Any]:
    """The programme's and each roadmap's data, once all of them validate."""
    from twins_cli.validate import check_files

    checked = check_files(files, keep_data=True)
    if not checked.ok:
        count = len(checked.problems)
        raise InvalidDataError(
            f"the roadmaps have {count} problem{'s' * (count != 1)}; first: {checked.problems[0].format()}",
            "run `twins validate` to see them all",
        )
    programme = next(iter(checked.programmes.values()))
    return {"programme": programme.data, "roadmaps": [roadmap.data for roadmap in checked.roadmaps]}
