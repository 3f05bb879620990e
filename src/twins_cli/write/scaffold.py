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

from twins_cli.base.i18n import _
from twins_cli.base.paths import display_name, real_path
from twins_cli.errors import InputError, UsageError
from twins_cli.files.atomic import write_atomic
from twins_cli.files.locate import (
    CONFIG_FILE,
    DEFAULT_FOLDER,
    PROGRAMME_FILE,
    builtin_dir,
    find_config,
    find_project,
    folder_name,
    inside_package,
    programme_file_for,
    schema_file,
)
from twins_cli.problems import refuse_if_any

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
#     email_generic: true  # only for an organisation's shared address (info@…): published
#     publication: withhold  # only when their details are not for publication

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
        raise UsageError(
            _("cannot make a place id from {name!r}").format(name=name),
            _("give the place's English name to {option}").format(option=option),
        )
    return place_id


def _quoted(text: str) -> str:
    """``text`` as a YAML string, whatever it holds (a JSON string is a YAML double-quoted scalar)."""
    return json.dumps(text, ensure_ascii=False)


def _schema_copy(directory: Path) -> Path:
    """Where a repository keeps its copy of the schema, for editors: ``../schema`` from the roadmaps."""
    return directory / ".." / "schema" / "roadmap.schema.json"


def _schema_target(directory: Path) -> Path:
    """Where an editor finds the schema from ``directory``: a copy in ``../schema`` (as in twins's own
    repository), else the one beside twins's source. Never a file inside the installed package: that
    path is one machine's, and would be committed with the roadmap; the copy's place is named instead."""
    copy = _schema_copy(directory)
    return copy if copy.is_file() or inside_package(schema_file("roadmap")) else schema_file("roadmap")


def _schema_reference(directory: Path, target: Path) -> str:
    """``target`` as the roadmap's first line names it: relative to ``directory`` where it can be."""
    try:
        return Path(os.path.relpath(real_path(target), real_path(directory))).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        return real_path(target).as_uri()


@dataclass(frozen=True)
class NewRoadmap:
    """A roadmap file just written, and whether the programme already lists its pair."""

    path: Path
    pair: str
    programme_file: Path | None  # None: there is none beside it, so the built-in programme governs it
    listed: bool
    created: tuple[Path, ...] = ()  # the folder and the configuration file written besides, if any
    schema_missing: Path | None = None  # where the file expects the schema's copy, if there is none yet

    def next_steps(self) -> str:
        """What the person does next, as lines to print."""
        lines = [_("Created {name}.").format(name=name) for name in map(display_name, self.created)]
        lines.append(
            _("Created {path}. Replace the placeholder source, fill it in, then: twins validate {path}").format(
                path=self.path
            )
        )
        if self.programme_file is None:
            lines.append(
                _(
                    "It follows the built-in programme (its themes and types); to list {pair} in a programme "
                    "of your own, write {file} (`twins schema programme` describes it)."
                ).format(pair=self.pair, file=self.path.parent / PROGRAMME_FILE)
            )
        elif not self.listed:
            lines.append(
                _("Add {pair} to `pairs` in {file} to make it one of the programme's.").format(
                    pair=self.pair, file=self.programme_file
                )
            )
        if self.schema_missing is not None:
            copy = display_name(self.schema_missing)
            lines.append(
                _("For completion in editors: {command}").format(
                    command=f"mkdir -p {Path(copy).parent} && twins schema > {copy}"
                )
            )
        return "\n".join(lines) + "\n"


def default_folder(option: Path | None) -> tuple[Path, bool]:
    """The roadmaps folder ``twins new`` writes to, and whether it may create it.

    The project's folder (never the built-in copy); in a repository with none yet,
    ``./roadmaps``. A folder named by a configuration file, or that default, may be
    created; one named by ``--roadmaps`` or ``$TWINS_ROADMAPS`` must exist.
    """
    location = find_project(option)
    if location is None:
        return Path(DEFAULT_FOLDER), True
    if real_path(location.directory) == builtin_dir("roadmaps").resolve():
        raise UsageError(
            _("the roadmaps folder found here ({origin}) is twins's built-in copy, not yours to add to").format(
                origin=location.origin
            ),
            _("give --dir DIR"),
        )
    return location.directory, location.config is not None


def write_config(folder: Path) -> Path:
    """Write ``twins.toml`` in the current folder, naming ``folder``; never over a configuration already here."""
    here = Path.cwd()
    found = find_config(here)
    if found is not None and real_path(found.file.parent) == real_path(here):
        raise UsageError(
            _("{file} already configures this folder").format(file=display_name(found.file)), _("edit it instead")
        )
    try:
        relative = Path(os.path.relpath(real_path(folder), real_path(here))).as_posix()
    except ValueError:  # another drive (Windows)
        relative = real_path(folder).as_posix()
    path = here / CONFIG_FILE
    text = f"# where this repository keeps its roadmaps, relative to this file\nroadmaps = {_quoted(relative)}\n"
    write_atomic(path, text.encode("utf-8"), force=False)
    return path


def place_names(pair: str, uk: str | None = None, kr: str | None = None) -> tuple[str, str]:
    """The two places' names for a new ``pair``: ``uk`` and ``kr``, else the pair id's two words.

    ``UsageError`` when ``pair`` is no pair id, or names no two places, before anything is written.
    """
    if not _SLUG.match(pair):
        raise UsageError(
            _("{pair!r} is not a pair id").format(pair=pair),
            _("write it in lower case with hyphens, the UK place first: cardiff-gwangju"),
        )
    words = pair.split("-")
    if (uk is None or kr is None) and len(words) != 2:
        raise UsageError(
            _("cannot tell the two places from {pair!r}").format(pair=pair),
            _("name them: --uk 'Liverpool City Region' --kr Busan"),
        )
    return " ".join((uk or words[0].capitalize()).split()), " ".join((kr or words[-1].capitalize()).split())


def create_roadmap(
    directory: Path,
    pair: str,
    uk: str | None = None,
    kr: str | None = None,
    *,
    force: bool = False,
    create_folder: bool = False,
    init_config: bool = False,
) -> NewRoadmap:
    """Write ``directory/PAIR.yaml``; the places are named by ``uk`` and ``kr``, else by the pair id's two words.

    ``create_folder`` lets it create ``directory``; ``init_config`` also writes a ``twins.toml`` naming it.
    Nothing is ever written inside the installed package (the built-in roadmaps).
    """
    from twins_cli.check.validate import check_files

    uk, kr = place_names(pair, uk, kr)
    if inside_package(directory):
        raise UsageError(
            _("{folder} is inside the twins package: the built-in roadmaps are not yours to add to").format(
                folder=folder_name(directory)
            ),
            _("run it in your repository, or give --dir DIR"),
        )
    if not directory.is_dir() and (directory.exists() or not create_folder):
        raise InputError(
            _("there is no folder {folder}").format(folder=folder_name(directory)),
            _("create it first, or give another --dir"),
        )
    path = directory / f"{pair}.yaml"
    if path.exists() and not force:
        raise UsageError(_("{path} already exists").format(path=path), _("add --force to replace it"))
    programme_file = programme_file_for(directory)
    own_programme = programme_file == directory / PROGRAMME_FILE
    checked = check_files([programme_file])
    programme_doc = next(iter(checked.programmes.values()))
    refuse_if_any(
        checked.problems,
        _("the programme file {file} does not validate").format(file=programme_doc.file),
        _("run `twins validate {file}`").format(file=programme_file),
        checked.problem_count,
    )
    programme = programme_doc.data["programme"]
    uk_id, kr_id = _place_id(uk, "--uk"), _place_id(kr, "--kr")
    if uk_id == kr_id:
        raise UsageError(
            _("both places would have the id {id!r}").format(id=uk_id), _("give the two places different names")
        )
    name = f"{uk}–{kr}"
    created: list[Path] = [write_config(directory)] if init_config else []
    if not directory.is_dir():
        try:
            directory.mkdir(parents=True)
        except OSError as error:
            reason = error.strerror or error
            raise InputError(
                _("cannot create {folder}: {reason}").format(folder=folder_name(directory), reason=reason),
                _("check the folder's permissions and free space"),
            ) from error
        created.insert(0, directory)
    schema = _schema_target(directory)
    text = TEMPLATE.format(
        schema=_schema_reference(directory, schema),
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
    return NewRoadmap(
        path,
        pair,
        programme_file if own_programme else None,
        pair in programme.get("pairs", ()),
        tuple(created),
        None if schema.is_file() else schema,
    )
