"""What changed between two versions of the roadmaps: files, folders or git revisions.

Both sides go through the same validation as every query and are compared as
data, never as YAML text: re-wrapping a paragraph or reordering a file is no
change, and a date that moved is reported as the old and the new date. A side
that does not validate is refused, naming the side. Reviewers read the text or
Markdown (a pull-request comment); tools read the JSON.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from twins_cli.base.dates import FuzzyDate
from twins_cli.base.text import md_escape, printable
from twins_cli.check.validate import Blob, CheckedFiles, check_blobs, check_files
from twins_cli.errors import InputError, InvalidDataError, UsageError
from twins_cli.files.locate import MAX_FILE_BYTES, PROGRAMME_FILE, RoadmapsLocation
from twins_cli.formats.table import to_json
from twins_cli.model.records import (
    Agreement,
    Milestone,
    Party,
    Person,
    Place,
    Progress,
    ProgressNote,
    Proposal,
    Roadmap,
    roadmap_from_data,
)

# What is compared of each record, besides what identifies it.
_ROADMAP_FIELDS = ("name", "title", "status", "published", "updated")
_NOT_COMPARED = frozenset({"pair", "file"})
_MIB = 1024 * 1024


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
        return _validated(role, spec, check_files([path], keep_data=True), f"run `twins validate {spec}`")
    if path.is_dir():
        files = RoadmapsLocation(path, role).roadmap_files()
        return _validated(role, spec, check_files(files, keep_data=True), f"run `twins --roadmaps {spec} validate`")
    return _from_git(role, spec, roadmaps_dir)


def _validated(role: str, label: str, checked: CheckedFiles, hint: str) -> Side:
    """The roadmaps ``checked``, or ``InvalidDataError`` naming the side when they do not validate."""
    if not checked.ok:
        count = checked.problem_count
        raise InvalidDataError(
            f"{role} ({label}) does not validate: {count} problem{'s' * (count != 1)}; "
            f"first: {checked.problems[0].format()}",
            hint,
        )
    roadmaps = (roadmap_from_data(roadmap.file, roadmap.data) for roadmap in checked.roadmaps)
    return Side(label, {roadmap.id: roadmap for roadmap in roadmaps})


# --- reading a git revision --------------------------------------------------------------------
#
# A revision's tree is data like any file: a name in it can be ``../../x.yaml``, a link, or a blob of a
# GiB. So nothing is written to disk (blobs are read into memory, by object id, never by a path made
# of a name), only regular blobs with a plain name are read, sizes are asked of git before reading,
# and git runs with none of the repository's or environment's hooks into running other programs.

MAX_REVISION_FILES = 1000  # roadmaps in one revision's folder; a programme has tens
_MAX_LISTING_BYTES = 4 * 1024 * 1024  # what `git ls-tree` may print: far above MAX_REVISION_FILES entries
_REGULAR_BLOB = frozenset({"100644", "100755"})  # not a link (120000), a submodule (160000) or a folder


def _git_command(top: Path, *args: str) -> list[str]:
    """``git`` in ``top``, with no pager and no file-system monitor (which a repository could set to a program)."""
    return ["git", "--no-pager", "--no-replace-objects", "-c", "core.fsmonitor=false", "-C", str(top), *args]


def _git_environment() -> dict[str, str]:
    """This environment without its ``GIT_*`` variables (a GIT_DIR, an external diff), never asking or fetching."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", GIT_NO_LAZY_FETCH="1")
    return env


def _git(top: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run a git command that reads; ``InputError`` when git cannot run or prints more than a listing may."""
    try:
        process = subprocess.Popen(
            _git_command(top, *args),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_git_environment(),
        )
    except OSError as error:
        raise InputError(f"cannot run git: {error.strerror}", "install git, or give a file or folder") from None
    with process:
        assert process.stdout is not None
        output = process.stdout.read(_MAX_LISTING_BYTES + 1)
        if len(output) > _MAX_LISTING_BYTES:
            process.kill()
            raise InputError(f"`git {args[0]}` printed more than {_MAX_LISTING_BYTES // _MIB} MiB; not read")
    return subprocess.CompletedProcess(args, process.returncode, output)


class _Entry(NamedTuple):
    """A roadmap file in a revision's folder, as `git ls-tree -l` lists it."""

    name: str  # escaped, as shown: HEAD~1:roadmaps/alpha-beta.yaml
    stem: str
    oid: str
    size: int


def _entries(listing: bytes, label: str) -> list[_Entry]:
    """The regular files named ``*.yaml`` (or ``.yml``) in ``ls-tree -z -l`` output: not hidden, nothing but a name."""
    entries = []
    for record in listing.split(b"\0"):
        info, _, raw_name = record.partition(b"\t")
        fields = info.decode("ascii", "replace").split()
        name = raw_name.decode("utf-8", "backslashreplace")
        if len(fields) != 4 or fields[0] not in _REGULAR_BLOB or fields[1] != "blob" or not fields[3].isdigit():
            continue
        if name.startswith(".") or "/" in name or "\\" in name or not name.endswith((".yaml", ".yml")):
            continue
        entries.append(_Entry(f"{label}/{printable(name)}", Path(name).stem, fields[2], int(fields[3])))
    return entries


def _refuse_too_much(entries: Sequence[_Entry], label: str) -> None:
    """``InputError`` before anything is read, when a blob or the number of blobs is beyond any roadmaps folder."""
    if len(entries) > MAX_REVISION_FILES:
        raise InputError(
            f"{label} holds {len(entries)} *.yaml files, more than the {MAX_REVISION_FILES} twins reads; not read",
            "is --roadmaps the roadmaps folder?",
        )
    for entry in entries:
        if entry.size > MAX_FILE_BYTES:
            raise InputError(
                f"{entry.name} is larger than {MAX_FILE_BYTES // _MIB} MiB, far larger than any roadmap; not read",
                "a roadmap is well under 100 KB",
            )


def _read_blobs(top: Path, entries: Sequence[_Entry]) -> list[Blob]:
    """The entries' bytes, by object id, through one `git cat-file --batch`; each size checked before reading."""
    blobs = []
    with subprocess.Popen(
        _git_command(top, "cat-file", "--batch"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_git_environment(),
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        try:
            for entry in entries:
                process.stdin.write(f"{entry.oid}\n".encode("ascii"))
                process.stdin.flush()
                header = process.stdout.readline(256).split()  # OID blob SIZE, or OID missing
                size = int(header[2]) if header[1:2] == [b"blob"] and header[2:3] and header[2].isdigit() else None
                data = process.stdout.read(size + 1) if size is not None and size <= MAX_FILE_BYTES else b""
                if size is None or len(data) != size + 1:
                    raise InputError(f"git could not read {entry.name}", "check the repository with `git fsck`")
                blobs.append(Blob(entry.name, entry.stem, data[:size]))  # without the newline git adds
        finally:
            process.kill()  # done, or failed: git need not wait for more

    return blobs


def _from_git(role: str, revision: str, roadmaps_dir: Path) -> Side:
    """The roadmaps folder's files as they were at ``revision``, validated like any folder."""
    where = _git(roadmaps_dir, "rev-parse", "--show-toplevel", "--show-prefix") if roadmaps_dir.is_dir() else None
    if where is None or where.returncode != 0:
        raise InputError(
            f"{revision!r} is not a file or folder, and the roadmaps folder {roadmaps_dir} is not in a git repository",
            "give a roadmap file or folder, or point --roadmaps at a folder in a git checkout",
        )
    top_text, prefix = where.stdout.decode("utf-8", "replace").splitlines()[:2]
    top, folder = Path(top_text), prefix.rstrip("/")
    commit = (
        None if revision.startswith("-") else _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    )
    if commit is None or commit.returncode:
        raise UsageError(
            f"{revision!r} is not a file, a folder, nor a git revision in {top}",
            "give a path, or a revision such as HEAD~1 or main",
        )
    label = printable(f"{revision}:{folder or '.'}")
    listed = _git(top, "ls-tree", "-z", "-l", f"{commit.stdout.decode('ascii').strip()}:{folder}")
    entries = _entries(listed.stdout, label) if listed.returncode == 0 else []
    programme = [entry for entry in entries if entry.name == f"{label}/{PROGRAMME_FILE}"]
    roadmaps = [entry for entry in entries if entry not in programme]
    if not roadmaps:
        raise InputError(f"no roadmaps (*.yaml) in {label}", f"is {folder or '.'} committed at {revision}?")
    _refuse_too_much(entries, label)
    blobs = _read_blobs(top, programme + roadmaps)
    checked = check_blobs(blobs[0] if programme else None, blobs[len(programme) :], keep_data=True)
    return _validated(role, label, checked, f"check out {revision} and run `twins validate`")


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
    return compare(load_side("OLD", old, roadmaps_dir), load_side("NEW", new, roadmaps_dir))


# --- telling it --------------------------------------------------------------------------------


def json_value(value: Any) -> Any:
    """A field's value as plain JSON: dates as the file writes them, lists as lists, records as objects."""
    if isinstance(value, FuzzyDate):
        return value.label if value.qualifier else value.iso  # as a roadmap file writes it: 2025-06, Early 2025
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple) and hasattr(value, "_asdict"):  # a model record
        return {name: json_value(item) for name, item in value._asdict().items()}
    if isinstance(value, (tuple, list, frozenset)):
        items = sorted(value) if isinstance(value, frozenset) else value
        return [json_value(item) for item in items]
    return value


def text_value(value: Any) -> str:
    """A field's value as a person reads it: dates as written, lists joined, absent as ``—``."""
    if value is None or value == () or value == frozenset():
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, FuzzyDate):
        return value.label
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Party):
        return value.organisation + (f" (represented by {value.represented_by})" if value.represented_by else "")
    if isinstance(value, ProgressNote):
        return f"{value.date.isoformat()}: {value.text}" + (f" ({value.source})" if value.source else "")
    if isinstance(value, Place):
        return value.name
    if isinstance(value, (tuple, list, frozenset)):
        items = sorted(value) if isinstance(value, frozenset) else value
        return "; ".join(text_value(item) for item in items)
    return " ".join(str(value).split())


def summary(diff: Diff) -> str:
    """``3 changes in 1 roadmap.`` or ``No differences.``"""
    if not diff.changes:
        return f"No differences between {diff.old} and {diff.new}."
    count, pairs = len(diff.changes), len({change.pair for change in diff.changes})
    return f"{count} change{'s' * (count != 1)} in {pairs} roadmap{'s' * (pairs != 1)}."


def _headline(change: Change) -> str:
    named = f" ({change.name})" if change.name and change.name != change.subject else ""
    return f"{change.change} {change.kind} {change.subject}{named}"


def _by_roadmap(diff: Diff) -> Iterator[tuple[str, str, list[Change]]]:
    """Each roadmap that changed, with its changes, in the diff's order."""
    for pair, name in diff.roadmaps:
        changes = [change for change in diff.changes if change.pair == pair]
        if changes:
            yield pair, name, changes


def to_text(diff: Diff) -> str:
    """Plain text for a terminal: one block per roadmap, each field ``old → new``."""
    lines = [f"OLD {diff.old}  →  NEW {diff.new}"]
    for pair, name, changes in _by_roadmap(diff):
        lines.append("")
        if changes[0].kind == "pair":
            lines.append(f"{pair} ({name}): pair {changes[0].change}")
            continue
        lines.append(f"{pair} ({name})")
        for change in changes:
            lines.append(f"  {_headline(change)}")
            lines += [f"      {f.field}: {text_value(f.old)} → {text_value(f.new)}" for f in change.fields]
    lines += ["", summary(diff)]
    return printable("\n".join(lines)) + "\n"


_md = md_escape  # the one Markdown escaper, shared with the report


def to_markdown(diff: Diff) -> str:
    """GitHub-flavoured Markdown for a pull-request comment."""
    lines = [f"### Roadmap changes: {_md(diff.old)} → {_md(diff.new)}"]
    for pair, name, changes in _by_roadmap(diff):
        lines.append("")
        if changes[0].kind == "pair":
            lines.append(f"#### {_md(pair)} ({_md(name)}): pair {changes[0].change}")
            continue
        lines += [f"#### {_md(pair)} ({_md(name)})", ""]
        for change in changes:
            named = f" ({_md(change.name)})" if change.name and change.name != change.subject else ""
            lines.append(f"- **{change.change}** {change.kind} {_md(change.subject)}{named}")
            lines += [f"  - `{f.field}`: {_md(text_value(f.old))} → {_md(text_value(f.new))}" for f in change.fields]
    lines += ["", _md(summary(diff))]
    return "\n".join(lines) + "\n"


def to_data(diff: Diff) -> dict[str, Any]:
    """The diff under its documented JSON field names."""
    return {
        "old": diff.old,
        "new": diff.new,
        "changes": [
            {
                "pair": change.pair,
                "kind": change.kind,
                "change": change.change,
                "subject": change.subject,
                "name": change.name,
                "fields": [
                    {"field": f.field, "old": json_value(f.old), "new": json_value(f.new)} for f in change.fields
                ],
            }
            for change in diff.changes
        ],
    }


def to_json_text(diff: Diff) -> str:
    """The diff as JSON text."""
    return to_json(to_data(diff))
