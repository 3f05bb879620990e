"""``twins diff`` told: plain text for a terminal, Markdown for a pull-request comment, JSON for tools.

``query.compare`` finds the changes; this module only says them. A field's
value is written as a roadmap file writes it (dates as given, ``—`` for absent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from twins_cli.base.dates import FuzzyDate
from twins_cli.base.i18n import _, ngettext
from twins_cli.base.text import md_escape, printable
from twins_cli.base.vocabulary import word
from twins_cli.formats.data import to_json
from twins_cli.model.records import Party, Place, ProgressNote
from twins_cli.query.compare import Change, Diff


def json_value(value: Any) -> Any:
    """A field's value as plain JSON: dates as the file writes them, lists as lists, records as objects."""
    if isinstance(value, FuzzyDate):
        return value.written  # as a roadmap file writes it: 2025-06, Early 2025
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
        return _("yes") if value else _("no")
    if isinstance(value, FuzzyDate):
        return value.label
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Party):
        represented = value.represented_by
        return value.organisation + (_(" (represented by {name})").format(name=represented) if represented else "")
    if isinstance(value, ProgressNote):
        return f"{value.date.isoformat()}: {value.text}" + (f" ({value.source})" if value.source else "")
    if isinstance(value, Place):
        return value.name
    if isinstance(value, (tuple, list, frozenset)):
        items = sorted(value) if isinstance(value, frozenset) else value
        return "; ".join(text_value(item) for item in items)
    return " ".join(str(value).split())


def changes_summary(diff: Diff) -> str:
    """``3 changes in 1 roadmap.`` or ``No differences.``"""
    if not diff.changes:
        return _("No differences between {old} and {new}.").format(old=diff.old, new=diff.new)
    count, pairs = len(diff.changes), len({change.pair for change in diff.changes})
    return _("{changes} in {roadmaps}.").format(
        changes=ngettext("{count} change", "{count} changes", count).format(count=count),
        roadmaps=ngettext("{count} roadmap", "{count} roadmaps", pairs).format(count=pairs),
    )


def _named(change: Change, escape: Callable[[str], str] = str) -> str:
    """`` (name)`` after the subject, when the record has a name that says more than its id."""
    return f" ({escape(change.name)})" if change.name and change.name != change.subject else ""


def _headline(change: Change) -> str:
    return f"{word(change.change)} {word(change.kind)} {change.subject}{_named(change)}"


def _pair_change(pair: str, name: str, change: Change) -> str:
    """``belfast-sejong (Belfast–Sejong): pair added``: a whole roadmap that came or went."""
    return _("{pair} ({name}): pair {change}").format(pair=pair, name=name, change=word(change.change))


def _by_roadmap(diff: Diff) -> Iterator[tuple[str, str, list[Change]]]:
    """Each roadmap that changed, with its changes, in the diff's order."""
    for pair, name in diff.roadmaps:
        changes = [change for change in diff.changes if change.pair == pair]
        if changes:
            yield pair, name, changes


def changes_text(diff: Diff) -> str:
    """Plain text for a terminal: one block per roadmap, each field ``old → new``."""
    lines = [_("OLD {old}  →  NEW {new}").format(old=diff.old, new=diff.new)]
    for pair, name, changes in _by_roadmap(diff):
        lines.append("")
        if changes[0].kind == "pair":
            lines.append(_pair_change(pair, name, changes[0]))
            continue
        lines.append(f"{pair} ({name})")
        for change in changes:
            lines.append(f"  {_headline(change)}")
            lines += [f"      {f.field}: {text_value(f.old)} → {text_value(f.new)}" for f in change.fields]
    lines += ["", changes_summary(diff)]
    return printable("\n".join(lines)) + "\n"


_md = md_escape  # the one Markdown escaper, shared with the report


def changes_markdown(diff: Diff) -> str:
    """GitHub-flavoured Markdown for a pull-request comment."""
    lines = [_("### Roadmap changes: {old} → {new}").format(old=_md(diff.old), new=_md(diff.new))]
    for pair, name, changes in _by_roadmap(diff):
        lines.append("")
        if changes[0].kind == "pair":
            lines.append(f"#### {_pair_change(_md(pair), _md(name), changes[0])}")
            continue
        lines += [f"#### {_md(pair)} ({_md(name)})", ""]
        for change in changes:
            lines.append(f"- **{word(change.change)}** {word(change.kind)} {_md(change.subject)}{_named(change, _md)}")
            lines += [f"  - `{f.field}`: {_md(text_value(f.old))} → {_md(text_value(f.new))}" for f in change.fields]
    lines += ["", _md(changes_summary(diff))]
    return "\n".join(lines) + "\n"


def changes_data(diff: Diff) -> dict[str, Any]:
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


def changes_json(diff: Diff) -> str:
    """The diff as JSON text."""
    return to_json(changes_data(diff))
