"""What may be published: the roadmaps as the public sees them, and what was left out.

People named in a roadmap agreed to be named, not to have their addresses on a
public website: the public profile drops every person's e-mail address, and
says so. ``include_personal`` keeps them, for a site that stays inside the
organisations that hold the addresses anyway.
"""

from typing import NamedTuple

from twins_cli.base.i18n import _
from twins_cli.model.records import Catalog, FrozenMap


class Publication(NamedTuple):
    """The catalog to publish, a sentence for each kind of thing withheld, and whether personal data stays."""

    catalog: Catalog
    withheld: tuple[str, ...]
    include_personal: bool


def publish(catalog: Catalog, *, include_personal: bool = False) -> Publication:
    """``catalog`` for the public (people's e-mail addresses dropped), or whole with ``include_personal``."""
    if include_personal:
        return Publication(catalog, (), True)
    roadmaps = tuple(
        roadmap._replace(people=FrozenMap((key, person._replace(email=None)) for key, person in roadmap.people.items()))
        for roadmap in catalog.roadmaps
    )
    withheld = (_("People's e-mail addresses are withheld from this public profile."),)
    return Publication(catalog._replace(roadmaps=roadmaps), withheld, False)
