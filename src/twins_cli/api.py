"""The library's entry points for notebooks and scripts: the roadmaps as records, files as problems.

``import twins_cli`` offers these, beside the queries (see ``twins_cli.__init__``). They find
and read roadmaps as the ``twins`` commands do, and fail as they do: with a ``TwinsError``
(``message``, ``hint``), never by printing or exiting. Nothing inside the package imports this.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from twins_cli.base.text import one_line
from twins_cli.catalog.load import OnInvalid, load_catalog
from twins_cli.errors import UsageError
from twins_cli.files.locate import RoadmapsLocation, find_roadmaps, roadmaps_to_check
from twins_cli.model.records import Catalog
from twins_cli.problems import Problem

PathLike = str | os.PathLike[str]


def load_roadmaps(path: PathLike | None = None, *, on_invalid: OnInvalid | None = None) -> Catalog:
    """The roadmaps in the folder ``path``, with their programme, as typed records.

    Without ``path`` the folder is found as ``twins`` finds it ($TWINS_ROADMAPS, twins.toml,
    ./roadmaps…; the built-in roadmaps when there is none: ``twins where`` tells which). A
    roadmap that does not validate refuses the load with an ``InvalidDataError``, as
    ``twins --strict`` does, unless ``on_invalid`` is given (``skipped.append``): it is then
    told of each such roadmap, which is left out, as the commands do by default.
    """
    return load_catalog(find_roadmaps(Path(path) if path is not None else None), on_invalid=on_invalid)


def validate_paths(paths: Iterable[PathLike] | None = None) -> list[Problem]:
    """The problems in roadmap files, each file's in reading order (programme files included); none when valid.

    A folder in ``paths`` stands for the roadmaps in it. Without ``paths``, the project's
    roadmaps, found as ``twins validate`` finds them. As there, a file reports at most its
    first ``problems.MAX_PROBLEMS_PER_FILE`` problems.
    """
    from twins_cli.check.validate import check_files  # here: loading the roadmaps from the cache never needs it

    if paths is None:
        files = roadmaps_to_check([], None)[0]
    else:
        files = [found for path in map(Path, paths) for found in _roadmaps_at(path)]
    return check_files(files).problems


def _roadmaps_at(path: Path) -> list[Path]:
    """The file ``path``, or the roadmaps in the folder ``path``."""
    if "\0" in str(path):  # the system cannot even be asked about such a name
        raise UsageError(f"{one_line(str(path))}: a file name cannot hold a NUL character", "give the file's real name")
    return RoadmapsLocation(path, "a folder to validate").roadmap_files() if path.is_dir() else [path]
