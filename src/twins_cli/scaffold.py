"""``twins new``: a new city-pair roadmap that validates from the start.

The file holds only what is known when a pair is added: its id, its two places
and its programme, with status in-development. Everything else is a comment
showing where it goes and what it looks like, and the one required source is
a placeholder that says so, because a roadmap never invents a fact.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from twins_cli.errors import InputError, InvalidDataError, UsageError
from twins_cli.locate import RoadmapsLocation, builtin_dir, programme_file_for, schema_file
from twins_cli.output import write_atomic

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")  # as the schema's slug

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# {name}: a new roadmap, not yet transcribed. Nothing below is a fact from a
# source except the pair itself: replace the placeholder source, then fill in
# the parts a source gives (each commented example shows the shape), and run
#   twins validate {file}   (in this folder)
# Rules: never invent a date, a person or an e-mail address; mark what you infer.
schema_version: 1

pair:
  id: {pair}
  name: {quoted_name}
  places:  # the UK place first, then the Korean place
    - id: {uk_id}
      name: {quoted_uk}
      country: GB
      # kind: city | city-region | metropolitan-city | special-self-governing-city
      # local_name: the name in the local script, where a source gives it
    - id: {kr_id}
      name: {quoted_kr}
      country: KR
  programme: {programme}
  roadmap:
    status: in-development  # published once the roadmap is
    # title: the roadmap's title as published
    # published: "2025-04"  (as precisely as the source says)
    # source: the file name of the source that says this

sources:  # the documents every fact comes from (at least one)
  - file: REPLACE-ME.txt
    title: "PLACEHOLDER: the document this roadmap is transcribed from"
    # kind: roadmap | press-release | web-page | news
    # date: "2025-04"

# agreements:  # MOUs and other signed deals
#   - id: mou
#     kind: mou
#     title: Memorandum of Understanding
#     parties: [{{organisation: an-organisation-id}}]
#     signed: "2025-04-01"
#     valid_until: "2030-03-31"

# organisations:  # everyone named as a lead, an employer, a party or a stakeholder
#   - id: an-organisation-id
#     name: The organisation's name
#     country: GB
#     kind: university
#     place: {uk_id}

# people:  # each named person once; others refer to them by id
#   - id: a-person-id
#     name: Their name as written
#     role: Their role
#     organisation: an-organisation-id
#     email: as written in the source

# proposals:
#   - id: P1
#     title: The proposal's title
#     stage: priority  # or future
#     timeline: {{start: "2025-04", end: "2026-03"}}
#     leads: [an-organisation-id]
#     contacts: [a-person-id]
#     themes: [a-theme-slug]  # `twins themes` lists them
#     types: [a-type-slug]

# milestones:  # dated steps: 2025-04, 2025-08-06, 2025 or "Early 2025"
#   - title: What happens
#     date: "Early 2025"
#     proposal: P1

# snapshots:  # per place: population, GDP per head, sectors, facts, ecosystem map
#   - place: {uk_id}

# contacts: [a-person-id]  # people to contact about the roadmap as a whole

notes:  # how the file was transcribed: what is inferred, what is illegible
  - Created with `twins new`; nothing has been transcribed yet.
"""


def _place_id(name: str, option: str) -> str:
    """A place's id from its English name: ``Liverpool City Region`` → ``liverpool-city-region``."""
    place_id = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    if not place_id:
        raise UsageError(f"cannot make a place id from {name!r}", f"give the place's English name to {option}")
    return place_id


def _quoted(text: str) -> str:
    """``text`` as a YAML string, whatever it holds (a JSON string is a YAML double-quoted scalar)."""
    return json.dumps(text, ensure_ascii=False)


def _schema_reference(directory: Path) -> str:
    """Where an editor finds the schema from ``directory``: a copy in ``../schema`` (as in twins's own
    repository), else the one installed with twins; relative where it can be."""
    copy = directory / ".." / "schema" / "roadmap.schema.json"
    target = copy if copy.is_file() else schema_file("roadmap")
    try:
        return Path(os.path.relpath(target.resolve(), directory.resolve())).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        return target.resolve().as_uri()


@dataclass(frozen=True)
class NewRoadmap:
    """A roadmap file just written, and whether the programme already lists its pair."""

    path: Path
    pair: str
    programme_file: Path
    listed: bool

    def next_steps(self) -> str:
        """What the person does next, as lines to print."""
        lines = [f"Created {self.path}. Replace the placeholder source, fill it in, then: twins validate {self.path}"]
        if not self.listed:
            lines.append(f"Add {self.pair} to `pairs` in {self.programme_file} to make it one of the programme's.")
        return "\n".join(lines) + "\n"


def default_folder(location: RoadmapsLocation) -> Path:
    """The roadmaps folder in use, unless it is the copy inside the installed package: that is not the user's."""
    if location.directory == builtin_dir("roadmaps"):
        raise UsageError(
            "there is no roadmaps folder here to add to, only the built-in roadmaps",
            "run it where ./roadmaps is, or give --dir DIR (or --roadmaps DIR)",
        )
    return location.directory


def create_roadmap(
    directory: Path, pair: str, uk: str | None = None, kr: str | None = None, *, force: bool = False
) -> NewRoadmap:
    """Write ``directory/PAIR.yaml``; the places are named by ``uk`` and ``kr``, else by the pair id's two words."""
    from twins_cli.validate import check_files

    if not _SLUG.match(pair):
        raise UsageError(
            f"{pair!r} is not a pair id", "write it in lower case with hyphens, the UK place first: cardiff-gwangju"
        )
    words = pair.split("-")
    if (uk is None or kr is None) and len(words) != 2:
        raise UsageError(
            f"cannot tell the two places from {pair!r}", "name them: --uk 'Liverpool City Region' --kr Busan"
        )
    uk = " ".join((uk or words[0].capitalize()).split())
    kr = " ".join((kr or words[-1].capitalize()).split())
    if not directory.is_dir():
        raise InputError(f"there is no folder {directory}", "create it first, or give another --dir")
    path = directory / f"{pair}.yaml"
    if path.exists() and not force:
        raise UsageError(f"{path} already exists", "add --force to replace it")
    programme_file = programme_file_for(directory)
    checked = check_files([programme_file])
    if not checked.ok:
        raise InvalidDataError(
            f"the programme file has problems; first: {checked.problems[0].format()}",
            f"run `twins validate {programme_file}`",
        )
    programme = next(iter(checked.programmes.values())).data["programme"]
    uk_id, kr_id = _place_id(uk, "--uk"), _place_id(kr, "--kr")
    if uk_id == kr_id:
        raise UsageError(f"both places would have the id {uk_id!r}", "give the two places different names")
    name = f"{uk}–{kr}"
    text = TEMPLATE.format(
        schema=_schema_reference(directory),
        pair=pair,
        name=name,
        quoted_name=_quoted(name),
        file=path.name,
        quoted_uk=_quoted(uk),
        quoted_kr=_quoted(kr),
        uk_id=uk_id,
        kr_id=kr_id,
        programme=programme["id"],
    )
    write_atomic(path, text.encode("utf-8"), force=force)
    return NewRoadmap(path, pair, programme_file, pair in programme.get("pairs", ()))
