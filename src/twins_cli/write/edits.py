"""The edits twins makes to a roadmap: progress, a milestone that happened, people; and ``twins fmt``.

Each edit is a change to the file's commented data (``roundtrip.py``) plus the
one way it is carried out (``edit_file``): change, validate the result, show the
diff, and write it unless it is a dry run. Values are only ever those given:
nothing is inferred, and dates are stored exactly as precisely as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from twins_cli.base.dates import FuzzyDate, parse_human
from twins_cli.base.i18n import _, ngettext
from twins_cli.base.paths import display_name
from twins_cli.base.words import did_you_mean
from twins_cli.errors import InputError, InvalidDataError, NotFoundError, UsageError
from twins_cli.files.locate import PROGRAMME_FILE, RoadmapsLocation, inside_package
from twins_cli.formats.patch import unified_diff
from twins_cli.model.records import Roadmap
from twins_cli.problems import Problem
from twins_cli.write.roundtrip import (
    Document,
    append_item,
    field_order,
    read_document,
    remove_field,
    remove_item,
    reorder,
    save,
    schema_data,
    set_field,
)

Change = Callable[[Any], None]


class InvalidEditError(InvalidDataError):
    """The edited file would not validate; ``problems`` are what ``twins validate`` would say of it (exit 1)."""

    def __init__(self, message: str, hint: str | None = None, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message, hint)
        self.problems = problems


@dataclass(frozen=True)
class Edited:
    """What an edit or ``fmt`` did to a file: its name, the change as a unified diff ('' for none), whether written."""

    name: str
    diff: str
    written: bool


def roadmap_path(location: RoadmapsLocation, roadmap: Roadmap) -> Path:
    """The file of ``roadmap`` in ``location`` (a query's record names it as the user sees it)."""
    for path in location.roadmap_files():
        if display_name(path) == roadmap.file:
            return path
    raise NotFoundError(_("the file of {pair} is gone").format(pair=roadmap.id), _("run the command again"))


def refuse_builtin(location: RoadmapsLocation, dry_run: bool) -> None:
    """Edits write only a project's own roadmaps: never the copy built into twins (a dry run may show it)."""
    if (location.builtin or inside_package(location.directory)) and not dry_run:
        raise UsageError(
            _("no roadmaps folder here, and the built-in roadmaps are not edited"),
            _("run it in your project, or give --roadmaps DIR; --dry-run shows the change"),
        )


def edit_file(path: Path, change: Change, *, dry_run: bool = False, colour: bool = False) -> Edited:
    """Apply ``change`` to the file's data: refuse an invalid result, write it (unless ``dry_run``), say the diff."""
    document = read_document(path)
    change(document.data)
    new = document.dump()
    if new == document.raw:
        return Edited(document.name, "", False)
    _refuse_invalid(document, new)
    diff = unified_diff(document.text, new.decode("utf-8"), document.name, colour=colour)
    if not dry_run:
        save(document, new)
    return Edited(document.name, diff, not dry_run)


def _refuse_invalid(document: Document, new: bytes) -> None:
    """Refuse ``new`` when ``twins validate`` would reject it saved at the document's path."""
    from twins_cli.check.validate import check_roadmap_text

    checked = check_roadmap_text(new, document.path)
    if checked.problems:
        count = checked.problem_count
        raise InvalidEditError(
            ngettext(
                "the edit would leave {name} with {count} problem; not written",
                "the edit would leave {name} with {count} problems; not written",
                count,
            ).format(name=document.name, count=count),
            _("each is listed above; change the values given, or fix the file first"),
            tuple(checked.problems),
        )


# --- values as given ------------------------------------------------------------------------------------------


def human_date(text: str, option: str) -> FuzzyDate:
    """A date typed for ``option``, as precise as typed; ``UsageError`` with an example when it is none.

    Every date an edit records says when something happened: one that starts after today is a typo
    (2052 for 2025) or a plan, which belongs in the timeline, and is refused.
    """
    from datetime import date

    try:
        found = parse_human(text)
    except ValueError as error:
        raise UsageError(
            f"{option}: {error}", _("for example 2025-03-03, '3 March 2025', 'March 2025', 'Early 2025' or 'Q2 2025'")
        ) from None
    if found.first_day > date.today():
        raise UsageError(
            _("{option}: {date!r} is after today").format(option=option, date=text),
            _("record what has happened; what is planned goes in the proposal's timeline"),
        )
    return found


def human_day(text: str, option: str) -> FuzzyDate:
    """A day typed for ``option``: the schema needs the very day here, so a month or a year is refused."""
    day = human_date(text, option)
    if day.day is None:
        raise UsageError(
            _("{option} needs a day, not {date!r}").format(option=option, date=text),
            _("for example 2025-01-10 or '10 January 2025'"),
        )
    return day


def _stored(day: FuzzyDate) -> Any:
    """A date as the file stores it: quoted, as the shipped roadmaps write ``date: "2024-04"``."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(day.stored)


def _mapping(order: Iterable[str], values: dict[str, Any]) -> Any:
    """A new commented mapping of the ``values`` given (None: not given), in ``order``."""
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap((key, values[key]) for key in order if values.get(key) is not None)


def _entries(data: Any, key: str) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    found = data.get(key)
    return found if isinstance(found, CommentedSeq) else CommentedSeq()


def _by_id(data: Any, key: str, wanted: str, what: str) -> Any:
    """The item of ``data[key]`` whose id is ``wanted``: gone since the query read it is ``NotFoundError``."""
    for item in _entries(data, key):
        if isinstance(item, dict) and item.get("id") == wanted:
            return item
    raise NotFoundError(
        _("no {what} {wanted!r} in the file any more").format(what=what, wanted=wanted), _("run the command again")
    )


# --- the edits --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressRecord:
    """What ``twins record`` was told: a status true on a day, actual dates, a note with its source."""

    as_of: FuzzyDate
    status: str | None = None
    actual_start: FuzzyDate | None = None
    actual_end: FuzzyDate | None = None
    note: str | None = None
    source: str | None = None


def record_progress(proposal_id: str, record: ProgressRecord) -> Change:
    """Record ``record`` in the progress of proposal ``proposal_id`` (created, with its status, if there is none)."""
    if record.source is not None and record.note is None:
        raise UsageError(_("--source is the source of a --note"), _("give the --note it backs"))
    statuses = schema_data("roadmap")["$defs"]["progressStatus"]["enum"]
    if record.status is not None and record.status not in statuses:
        raise UsageError(
            _("unknown status {status!r}{suggestion}").format(
                status=record.status, suggestion=did_you_mean(record.status, statuses)
            ),
            _("statuses: {statuses}").format(statuses=", ".join(statuses)),
        )
    if all(value is None for value in (record.status, record.actual_start, record.actual_end, record.note)):
        raise UsageError(
            _("nothing to record"), _("give --status, --actual-start, --actual-end or --note (with --as-of)")
        )

    def change(data: Any) -> None:
        proposal = _by_id(data, "proposals", proposal_id, _("proposal"))
        progress = proposal.get("progress")
        if progress is None:
            if record.status is None:
                raise UsageError(
                    _("{proposal} has no progress recorded yet").format(proposal=proposal_id),
                    _("give its --status as of --as-of first"),
                )
            progress = _mapping(field_order("progress"), {})
        order = field_order("progress")
        if record.status is not None:
            set_field(progress, "status", record.status, order)
            set_field(progress, "as_of", _stored(record.as_of), order)
        for key, value in (("actual_start", record.actual_start), ("actual_end", record.actual_end)):
            if value is not None:
                set_field(progress, key, _stored(value), order)
        if record.note is not None:
            note = _mapping(
                field_order("progressNote"),
                {"date": _stored(record.as_of), "text": record.note, "source": record.source},
            )
            notes = progress.get("notes")
            if notes is None:
                notes = _entries(progress, "notes")
                notes.append(note)
                set_field(progress, "notes", notes, order)
            else:
                append_item(notes, note)
        if "progress" not in proposal:
            set_field(proposal, "progress", progress, field_order("proposal"))

    return change


def milestone_happened(index: int, title: str, on: FuzzyDate | None, evidence: str) -> Change:
    """Record that milestone ``index`` (titled ``title``) happened, on ``on`` where known, with its evidence."""

    def change(data: Any) -> None:
        milestones = _entries(data, "milestones")
        milestone = milestones[index] if index < len(milestones) else None
        if not isinstance(milestone, dict) or milestone.get("title") != title:
            raise NotFoundError(
                _("no milestone {title!r} in the file any more").format(title=title), _("run the command again")
            )
        order = field_order("milestone")
        set_field(milestone, "happened", True, order)
        if on is not None:
            set_field(milestone, "happened_on", _stored(on), order)
        set_field(milestone, "evidence", evidence, order)

    return change


PERSON_FIELDS = ("name", "title", "role", "organisation", "email")


def set_person(person_id: str, values: dict[str, str | None], inferred: str | None = None) -> Change:
    """Set the fields given of person ``person_id``.

    An organisation given is marked inferred, with its reason, only when ``inferred`` says why;
    otherwise it is stated, and an earlier inferred mark goes with the value it marked.
    """
    given = {key: value for key, value in values.items() if value is not None}
    if not given:
        raise UsageError(_("nothing to set"), _("give --email, --role, --organisation, --title or --name"))
    _check_inferred(given, inferred)

    def change(data: Any) -> None:
        person = _by_id(data, "people", person_id, _("person"))
        order = field_order("person")
        for key, value in {**given, **_inference(inferred)}.items():
            set_field(person, key, value, order)
        if "organisation" in given and inferred is None:
            for key in ("organisation_inferred", "inference_reason"):
                if key in person:
                    remove_field(person, key)

    return change


def add_person(person_id: str, values: dict[str, str | None], inferred: str | None = None) -> Change:
    """Add a person with the id and fields given at the end of ``people`` (``inferred``: as ``set_person``)."""
    if not values.get("name"):
        raise UsageError(_("a new person needs a --name"), _("the name as the source writes it"))
    _check_inferred(values, inferred)

    def change(data: Any) -> None:
        people = _entries(data, "people")
        if any(isinstance(item, dict) and item.get("id") == person_id for item in people):
            raise UsageError(
                _("there is a person {person!r} already").format(person=person_id), _("use `twins contact set`")
            )
        person = _mapping(field_order("person"), {"id": person_id, **values, **_inference(inferred)})
        if "people" in data:
            append_item(people, person)
        else:
            people.append(person)
            set_field(data, "people", people, field_order())

    return change


def _check_inferred(values: Mapping[str, str | None], inferred: str | None) -> None:
    if inferred is not None and values.get("organisation") is None:
        raise UsageError(
            _("--inferred says why an --organisation is inferred"), _("give the --organisation it explains")
        )


def _inference(reason: str | None) -> dict[str, Any]:
    """The schema's mark of an organisation read from context rather than stated: the flag and its reason."""
    return {} if reason is None else {"organisation_inferred": True, "inference_reason": reason}


def remove_person(person_id: str) -> Change:
    """Remove person ``person_id`` from ``people`` (refused on validation while anything still names them)."""

    def change(data: Any) -> None:
        people = _entries(data, "people")
        person = _by_id(data, "people", person_id, _("person"))
        remove_item(people, next(index for index, item in enumerate(people) if item is person))

    return change


# --- twins fmt ------------------------------------------------------------------------------------------------


def format_file(path: Path, *, write: bool, colour: bool = False) -> Edited:
    """Lay ``path`` out canonically (fields in the schema's order, two-space indents); its data never changes.

    The result is checked to hold the same data as the file (read as queries read it) before it is
    shown or written; written only with ``write``, and only if the file is still what was read.
    """
    from twins_cli.check.schema import load_schema

    if write and inside_package(path):
        raise UsageError(
            _("{name} is part of twins itself; not reformatted").format(name=display_name(path)),
            _("format your own roadmaps"),
        )
    document = read_document(path, keepable=False)
    kind = "programme" if path.name == PROGRAMME_FILE else "roadmap"
    schema = load_schema(kind)
    if not any(key in document.data for key in schema["required"]):  # another YAML file: not ours to lay out
        said = (
            _("{name} is not a roadmap: it has none of the fields {fields}")
            if kind == "roadmap"
            else _("{name} is not a programme file: it has none of the fields {fields}")
        )
        raise InputError(
            said.format(name=document.name, fields=", ".join(schema["required"])),
            _("twins fmt lays out roadmaps and programme.yaml only"),
        )
    _canonical(document.data, schema, schema["$defs"])
    new = document.dump()
    if new == document.raw:
        return Edited(document.name, "", False)
    _refuse_data_change(document, new)
    diff = unified_diff(document.text, new.decode("utf-8"), document.name, colour=colour)
    if write:
        save(document, new)
    return Edited(document.name, diff, write)


def _canonical(node: Any, schema: dict[str, Any], defs: dict[str, Any]) -> None:
    """Put every mapping's fields in the order its schema lists them, the comments going with their fields."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    while "$ref" in schema:
        schema = defs[schema["$ref"].rpartition("/")[2]]
    if isinstance(node, CommentedMap) and "properties" in schema:
        properties = schema["properties"]
        rank = {name: number for number, name in enumerate(properties)}
        wanted = sorted(node, key=lambda key: rank.get(key, len(rank)))
        if list(node) != wanted:
            reorder(node, wanted)
        for key, value in node.items():
            if key in properties:
                _canonical(value, properties[key], defs)
    elif isinstance(node, CommentedSeq) and "items" in schema:
        for item in node:
            _canonical(item, schema["items"], defs)


def _refuse_data_change(document: Document, new: bytes) -> None:
    """Never write a layout that reads as other data than the file (a bug of ours if it ever happened)."""
    from twins_cli.parse.yaml_document import parse_document

    before, after = parse_document(document.raw, document.name), parse_document(new, document.name)
    if before.readable and (not after.readable or after.data != before.data):
        raise UsageError(
            _("twins fmt would change the data of {name}; not written").format(name=document.name),
            _("please report it, with the file"),
        )
