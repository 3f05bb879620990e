"""``twins where``: what twins reads from here, and why each was chosen.

The answer to "why does twins say valid about files I never meant?": the
roadmaps folder (by the search order in ``locate.py``), the programme file
that governs it, the configuration file found, and the cache folder.
``formats.where`` says it as text or JSON.
"""

import os
from pathlib import Path

from twins_cli.base.i18n import _
from twins_cli.base.tuples import NamedTuple
from twins_cli.check import cache
from twins_cli.files.locate import (
    PROGRAMME_FILE,
    RoadmapsLocation,
    find_config,
    find_roadmaps,
    programme_file_for,
)


class Setting(NamedTuple):
    """One thing twins reads or writes, where it is (None: none or off) and why."""

    name: str
    path: Path | None
    why: str


def describe(option: Path | None) -> list[Setting]:
    """The roadmaps folder, programme file, configuration file and cache folder, in that order."""
    location = find_roadmaps(option)
    programme = programme_file_for(location.directory)
    config = find_config()
    return [
        Setting(
            "roadmaps",
            location.directory,
            _("no twins.toml, ./roadmaps or roadmap files here: the built-in roadmaps, for queries only")
            if location.builtin
            else location.origin,
        ),
        Setting(
            "programme",
            programme,
            _("beside the roadmaps")
            if programme == location.directory / PROGRAMME_FILE
            else _("none beside the roadmaps: the built-in programme"),
        ),
        Setting("config", config.file if config else None, _config_reason(config.file if config else None, location)),
        Setting("cache", cache.cache_dir(), _cache_reason(cache.cache_dir())),
    ]


def _config_reason(config: Path | None, location: RoadmapsLocation) -> str:
    """Whether a configuration file was found, and whether it chose the roadmaps folder."""
    if config is None:
        return _("no twins.toml, nor pyproject.toml with [tool.twins], in this folder or above")
    if location.config == config:
        return _("the nearest, from this folder up")
    return _("the nearest, from this folder up; its roadmaps setting is not used ({origin})").format(
        origin=location.origin
    )


def _cache_reason(folder: Path | None) -> str:
    """Which setting put the cache where it is (see ``cache.py``)."""
    if folder is None:
        return _("off ($TWINS_NO_CACHE is set)") if os.environ.get("TWINS_NO_CACHE") else _("off")
    if os.environ.get("TWINS_CACHE_DIR") and folder.is_relative_to(os.environ["TWINS_CACHE_DIR"]):
        return _("from $TWINS_CACHE_DIR")
    if os.environ.get("XDG_CACHE_HOME") and folder.is_relative_to(os.environ["XDG_CACHE_HOME"]):
        return _("in $XDG_CACHE_HOME")
    return _("the default place")
