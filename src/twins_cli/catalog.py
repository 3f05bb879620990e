"""Load the roadmaps a query reads, refusing data that does not validate.

A query on a broken roadmap would answer from half-read data; it is safer to
say so and point at ``twins validate``.
"""

from __future__ import annotations

from twins_cli.errors import InvalidDataError
from twins_cli.locate import RoadmapsLocation
from twins_cli.model import Catalog, programme_from_data, roadmap_from_data
from twins_cli.validate import check_files


def load_catalog(location: RoadmapsLocation) -> Catalog:
    """Every roadmap in ``location`` with its programme, or ``InvalidDataError``."""
    checked = check_files(location.roadmap_files(), keep_data=True)
    if not checked.ok:
        count = len(checked.problems)
        raise InvalidDataError(
            f"the roadmaps have {count} problem{'s' * (count != 1)}; first: {checked.problems[0].format()}",
            "run `twins validate` to see them all",
        )
    programme = next(iter(checked.programmes.values()))
    return Catalog(
        programme=programme_from_data(programme.data),
        roadmaps=tuple(roadmap_from_data(roadmap.file, roadmap.data) for roadmap in checked.roadmaps),
    )
