"""What every command reads from the command line's context: the global options, and the roadmaps they point at."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from twins_cli.base.i18n import _
from twins_cli.cli.failures import warn

if TYPE_CHECKING:
    from pathlib import Path

    import typer

    from twins_cli.catalog.load import OnInvalid, Roadmaps
    from twins_cli.files.locate import RoadmapsLocation
    from twins_cli.model.records import Catalog


class Settings:
    """Global options, shared by every command through the context.

    A plain class rather than a dataclass or a NamedTuple: ``--help`` then never
    imports ``dataclasses``, and creating either kind of class costs every run a
    tenth of a millisecond or more.
    """

    __slots__ = ("colour", "debug", "lang", "roadmaps", "strict")

    def __init__(
        self,
        roadmaps: Path | None = None,
        debug: bool = False,
        strict: bool = False,
        colour: str = "auto",
        lang: str = "en",
    ) -> None:
        self.roadmaps = roadmaps
        self.debug = debug
        self.strict = strict
        self.colour = colour  # --color: auto, always or never (formats.terminal.use_colour)
        self.lang = lang  # the language chosen (--lang, TWINS_LANG, the locale) before the command line was read


def settings(ctx: typer.Context) -> Settings:
    """The global options of this run (their defaults when the callback has not run)."""
    found = ctx.find_root().obj
    return found if isinstance(found, Settings) else Settings()


def read_catalog(ctx: typer.Context, strict: bool = False, *, public: bool = False) -> Catalog:
    """The roadmaps a query reads: a roadmap that does not validate is left out with a warning (--strict: exit 1).

    ``public`` (``--public``): as they may be published, with what was left out said on stderr.
    """
    from twins_cli.catalog.load import load_catalog

    location, on_invalid = _where(ctx, strict)
    catalog = load_catalog(location, on_invalid=on_invalid)
    if not public:
        return catalog
    from twins_cli.query.publication import publish

    publication = publish(catalog)
    for sentence in publication.withheld:
        sys.stderr.write(f"twins: {sentence}\n")
    return publication.catalog


def read_roadmaps(ctx: typer.Context) -> Roadmaps:
    """``read_catalog``'s roadmaps one at a time, for a query that need not hold them all."""
    from twins_cli.catalog.load import read_roadmaps as stream

    location, on_invalid = _where(ctx, False)
    return stream(location, on_invalid=on_invalid)


def _where(ctx: typer.Context, strict: bool) -> tuple[RoadmapsLocation, OnInvalid | None]:
    """The roadmaps chosen (said when they are the built-in ones), and what to do with one that does not validate."""
    from twins_cli.files.locate import find_roadmaps

    chosen = settings(ctx)
    location = find_roadmaps(chosen.roadmaps)
    if location.builtin:
        sys.stderr.write("twins: " + _("no roadmaps folder here: showing the built-in roadmaps") + "\n")
    return location, None if strict or chosen.strict else warn
