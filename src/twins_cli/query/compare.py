"""What changed between two versions of the roadmaps: files, folders or git revisions.

Both sides go through the same validation as every query and are compared as
data, never as YAML text: re-wrapping a paragraph or reordering a file is no
change, and a date that moved is reported as the old and the new date. A side
that does not validate is refused, naming the side. A git revision is read by
``files.git``; ``formats.changes`` writes the result as text, Markdown or JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from twins_cli.base.i18n import N_, _
from twins_cli.check.validate import CheckedFiles, check_blobs, check_files
from twins_cli.files.git import revision_files
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.model.build import roadmap_from_data
from twins_cli.model.records import Agreement, Milestone, Person, Progress, Proposal, Roadmap
from twins_cli.problems import refuse_if_any

# What is compared of each record, besides what identifies it.
_ROADMAP_FIELDS = ("name", "title", "status", "published", "updated")
_NOT_COMPARED = frozenset({"pair", "file"})


@dataclass(frozen=True)
class FieldChange:
    """One field of a record, before and after (None: absent)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Change:
    """A record added, removed or changed in one roadmap."""

    pair: str
    kind: str  # pair | roadmap | proposal | agreement | organisation | person | milestone
    change: str  # added | removed | changed | moved (a milestone's date) | renewed (an agreement's valid_until later)
    subject: str  # the record's id; a milestone's title
    name: str | None = None  # what a person calls it: a proposal's title, a person's name
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Diff:
    """Every change from OLD to NEW."""

    old: str  # what each side is, as the user named it
    new: str
    roadmaps: tuple[tuple[str, str], ...]  # (pair id, name) of every roadmap on either side, in order
    changes: tuple[Change, ...]


# --- reading a side ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    """One side of the comparison, validated and loaded."""

    label: str
    roadmaps: Mapping[str, Roadmap]


def load_side(role: str, spec: str, roadmaps_dir: Path) -> Side:
    """``spec`` as a roadmap file, a folder of roadmaps, or a git revision of ``roadmaps_dir``."""
    path = Path(spec)
    if path.is_file():
        hint = _("run `twins validate {file}`").format(file=spec)
        return _validated(role, spec, check_files([path], keep_data=True), hint)
    if path.is_dir():
        files = RoadmapsLocation(path, _(role)).roadmap_files()
        hint = _("run `twins --roadmaps {folder} validate`").format(folder=spec)
        return _validated(role, spec, check_files(files, keep_data=True), hint)
    return _from_git(role, spec, roadmaps_dir)


def _validated(role: str, label: str, checked: CheckedFiles, hint: str) -> Side:
    """The roadmaps ``checked``, or ``InvalidDataError`` naming the side when they do not validate."""
    said = _("{side} ({label}) does not validate").format(side=_(role), label=label)
    refuse_if_any(checked.problems, said, hint, checked.problem_count)
    roadmaps = (roadmap_from_data(roadmap.file, roadmap.data) for roadmap in checked.roadmaps)
    return Side(label, {roadmap.id: roadmap for roadmap in roadmaps})


def _from_git(role: str, revision: str, roadmaps_dir: Path) -> Side:
    """The roadmaps folder's files as they were at ``revision``, validated like any folder."""
    files = revision_files(revision, roadmaps_dir)
    checked = check_blobs(files.programme, files.roadmaps, keep_data=True)
    return _validated(
        role, files.label, checked, _("check out {revision} and run `twins validate`").format(revision=revision)
    )


# --- comparing ---------------------------------------------------------------------------------


def _values(roadmap: Roadmap, record: Any) -> dict[str, Any]:
    """A record's comparable fields, named as in the file; a person's organisation by name."""
    values = {name: value for name, value in record._asdict().items() if name not in _NOT_COMPARED}
    if isinstance(record, Person) and record.organisation:
        values["organisation"] = roadmap.organisation_name(record.organisation)
    if isinstance(record, Proposal):
        values["timeline.start"], values["timeline.end"] = values.pop("start"), values.pop("end")
        progress = values.pop("progress")
        for name in Progress._fields:  # nothing recorded reads as each field's default: no notes is no notes
            values[f"progress.{name}"] = getattr(progress, name) if progress else Progress._field_defaults.get(name)
    return values


def _field_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(key, old[key], new[key]) for key in old if old[key] != new[key])


def _pairs_of(
    old: Sequence[Any], new: Sequence[Any], keys: Sequence[Callable[[Any], Any]]
) -> Iterator[tuple[Any, Any]]:
    """(old, new) records matched by the first key that matches, then (old, None) and (None, new) for the rest."""
    unmatched = list(new)
    matched: list[tuple[Any, Any]] = []
    pending = list(old)
    for key in keys:
        still: list[Any] = []
        for record in pending:
            wanted = key(record)
            twin = next((other for other in unmatched if wanted is not None and key(other) == wanted), None)
            if twin is None:
                still.append(record)
            else:
                unmatched.remove(twin)
                matched.append((record, twin))
        pending = still
    order = {id(record): index for index, record in enumerate(old)}
    yield from sorted(matched + [(record, None) for record in pending], key=lambda pair: order[id(pair[0])])
    yield from ((None, record) for record in unmatched)


def _email(person: Person) -> str | None:
    return person.email.casefold() if person.email else None


@dataclass(frozen=True)
class _Kind:
    """A kind of record: where a roadmap keeps them, how two versions are matched, what they are called."""

    name: str
    records: Callable[[Roadmap], Sequence[Any]]
    keys: tuple[Callable[[Any], Any], ...]  # tried in order: people by id, then by e-mail
    subject: Callable[[Any], str]
    title: Callable[[Any], str | None]


def _by_id(record: Any) -> str:
    return str(record.id)


_KINDS = (
    _Kind("proposal", lambda r: r.proposals, (_by_id,), _by_id, lambda p: p.title),
    _Kind("agreement", lambda r: r.agreements, (_by_id,), _by_id, lambda a: a.title),
    _Kind("organisation", lambda r: tuple(r.organisations.values()), (_by_id,), _by_id, lambda o: o.name),
    _Kind("person", lambda r: tuple(r.people.values()), (_by_id, _email), _by_id, lambda p: p.full_name),
    _Kind("milestone", lambda r: r.milestones, (lambda m: m.title,), lambda m: m.title, lambda m: None),
)


def _what_changed(old: Any, new: Any, changed: tuple[FieldChange, ...]) -> str | None:
    """``moved`` for a milestone's new date, ``renewed`` for an agreement valid for longer, else ``changed``."""
    if not changed:
        return None
    if isinstance(old, Milestone) and old.date != new.date:
        return "moved"
    if isinstance(old, Agreement) and old.valid_until and new.valid_until:
        return "renewed" if new.valid_until.last_day > old.valid_until.last_day else "changed"
    return "changed"


def _roadmap_changes(old: Roadmap, new: Roadmap) -> Iterator[Change]:
    before = {key: getattr(old, key) for key in _ROADMAP_FIELDS}
    after = {key: getattr(new, key) for key in _ROADMAP_FIELDS}
    if changed := _field_changes(before, after):
        yield Change(new.id, "roadmap", "changed", new.id, new.name, changed)
    for kind in _KINDS:
        for was, now in _pairs_of(kind.records(old), kind.records(new), kind.keys):
            if now is None:
                yield Change(old.id, kind.name, "removed", kind.subject(was), kind.title(was))
            elif was is None:
                yield Change(new.id, kind.name, "added", kind.subject(now), kind.title(now))
            else:
                field_changes = _field_changes(_values(old, was), _values(new, now))
                if what := _what_changed(was, now, field_changes):
                    yield Change(new.id, kind.name, what, kind.subject(now), kind.title(now), field_changes)


def compare(old: Side, new: Side) -> Diff:
    """Every change from ``old`` to ``new``, roadmap by roadmap in pair-id order."""
    changes: list[Change] = []
    names: dict[str, str] = {}
    for pair in sorted(old.roadmaps.keys() | new.roadmaps.keys()):
        was, now = old.roadmaps.get(pair), new.roadmaps.get(pair)
        names[pair] = (now if now is not None else old.roadmaps[pair]).name
        if was is None or now is None:
            changes.append(Change(pair, "pair", "added" if was is None else "removed", pair, names[pair]))
        else:
            changes += _roadmap_changes(was, now)
    return Diff(old.label, new.label, tuple(names.items()), tuple(changes))


def diff_roadmaps(old: str, new: str, roadmaps_dir: Path) -> Diff:
    """Compare OLD and NEW as the user named them (files, folders or git revisions of ``roadmaps_dir``)."""
    return compare(load_side(N_("OLD"), old, roadmaps_dir), load_side(N_("NEW"), new, roadmaps_dir))
