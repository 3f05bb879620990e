"""Checks a JSON Schema cannot make: ids, references, vocabulary, real dates.

Every rule reads the data as loaded (it may also have schema problems, so it
skips what is not shaped as expected) and reports problems at the line of the
value at fault. ``RULES`` lists them all; ``check_roadmap`` runs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from twins_cli.base.dates import FuzzyDate, is_date_shaped
from twins_cli.base.i18n import N_, _
from twins_cli.base.text import BIDI_CONTROL, UNSAFE, character_name
from twins_cli.base.vocabulary import TermSet, Vocabulary, word
from twins_cli.base.words import did_you_mean
from twins_cli.parse.yaml_document import YamlDocument
from twins_cli.problems import Path_, Problem

_UNSAFE = re.compile(UNSAFE)
_BIDI_CONTROL = re.compile(BIDI_CONTROL)
_EMAIL = re.compile(r"[^@\s]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\Z")

Pattern = tuple[str, ...]


@dataclass(frozen=True)
class RuleContext:
    """What the rules need besides the roadmap itself."""

    doc: YamlDocument
    pair_id: str  # the file name's stem, which the pair id must match
    vocabulary: Vocabulary | None  # None when the programme file is itself invalid
    programme_id: str | None


def walk(data: Any, pattern: Pattern, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Values at ``pattern`` (``*`` matches every list item) that exist in ``data``."""
    if not pattern:
        yield path, data
        return
    step, rest = pattern[0], pattern[1:]
    if step == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from walk(item, rest, (*path, index))
    elif isinstance(data, dict) and step in data:
        yield from walk(data[step], rest, (*path, step))


def _strings(data: Any, pattern: Pattern) -> Iterator[tuple[Path_, str]]:
    return ((path, value) for path, value in walk(data, pattern) if isinstance(value, str))


# What each kind of id is declared as, and where it is referred to.
ID_DECLARATIONS: dict[str, Pattern] = {
    "place": ("pair", "places", "*", "id"),
    "organisation": ("organisations", "*", "id"),
    "person": ("people", "*", "id"),
    "proposal": ("proposals", "*", "id"),
    "agreement": ("agreements", "*", "id"),
}
REFERENCES: tuple[tuple[Pattern, str], ...] = (
    (("pair", "roadmap", "delivered_by", "*"), "organisation"),
    (("organisations", "*", "parent"), "organisation"),
    (("organisations", "*", "place"), "place"),
    (("people", "*", "organisation"), "organisation"),
    (("agreements", "*", "parties", "*", "organisation"), "organisation"),
    (("agreements", "*", "parties", "*", "represented_by"), "person"),
    (("proposals", "*", "leads", "*"), "organisation"),
    (("proposals", "*", "contacts", "*"), "person"),
    (("milestones", "*", "proposal"), "proposal"),
    (("snapshots", "*", "place"), "place"),
    (("snapshots", "*", "ambition", "by"), "person"),
    (("contacts", "*"), "person"),
)
DATES: tuple[Pattern, ...] = (
    ("pair", "roadmap", "published"),
    ("sources", "*", "date"),
    ("agreements", "*", "signed"),
    ("agreements", "*", "valid_until"),
    ("proposals", "*", "timeline", "start"),
    ("proposals", "*", "timeline", "end"),
    ("milestones", "*", "date"),
    ("updated",),
    ("proposals", "*", "progress", "as_of"),
    ("proposals", "*", "progress", "actual_start"),
    ("proposals", "*", "progress", "actual_end"),
    ("proposals", "*", "progress", "notes", "*", "date"),
    ("milestones", "*", "happened_on"),
)
THEMES: tuple[Pattern, ...] = (
    ("proposals", "*", "themes", "*"),
    ("proposals", "*", "inferred", "themes", "*"),
    ("agreements", "*", "themes", "*"),
    ("agreements", "*", "themes_inferred", "*"),
)
TYPES: tuple[Pattern, ...] = (
    ("proposals", "*", "types", "*"),
    ("proposals", "*", "inferred", "types", "*"),
)
# An inferred list must be part of the list it qualifies: (records, inferred list, declared list).
INFERRED_SUBSETS: tuple[tuple[Pattern, Pattern, str], ...] = (
    (("proposals", "*"), ("inferred", "themes"), "themes"),
    (("proposals", "*"), ("inferred", "types"), "types"),
    (("agreements", "*"), ("themes_inferred",), "themes"),
)
# A mark of inference needs its reason beside it: (records, marks, the reason's key).
INFERENCE_REASONS: tuple[tuple[Pattern, tuple[str, ...], str], ...] = (
    (("proposals", "*", "inferred"), ("themes", "types"), "reason"),
    (("agreements", "*"), ("themes_inferred",), "inference_reason"),
    (("agreements", "*", "parties", "*"), ("inferred",), "inference_reason"),
    (("milestones", "*"), ("proposal_inferred",), "inference_reason"),
    (("snapshots", "*", "gdp_per_head"), ("currency_inferred",), "inference_reason"),
    (("people", "*"), ("organisation_inferred",), "inference_reason"),
)
SOURCE_REFERENCES: tuple[Pattern, ...] = (
    ("pair", "roadmap", "source"),
    ("agreements", "*", "source"),
    ("milestones", "*", "source"),
)
# Where a web address may stand instead of a source file name.
EVIDENCE_REFERENCES: tuple[Pattern, ...] = (
    ("proposals", "*", "progress", "notes", "*", "source"),
    ("milestones", "*", "evidence"),
)
_URL = re.compile(r"https?://", re.IGNORECASE)
# Pairs of dates where the first must not come after the second: (parent, first, second).
ORDERED_DATES: tuple[tuple[Pattern, str, str, str], ...] = (
    (("proposals", "*", "timeline"), "start", "end", N_("finishes ({second}) before it starts ({first})")),
    (("agreements", "*"), "signed", "valid_until", N_("is valid until {second}, before it was signed ({first})")),
    (
        ("proposals", "*", "progress"),
        "actual_start",
        "actual_end",
        N_("finished ({second}) before it started ({first})"),
    ),
)


def _declared(ctx: RuleContext, kind: str) -> dict[str, Path_]:
    """The first declaration of each id of ``kind``."""
    found: dict[str, Path_] = {}
    for path, value in _strings(ctx.doc.data, ID_DECLARATIONS[kind]):
        found.setdefault(value, path)
    return found


def check_pair_id(ctx: RuleContext) -> Iterator[Problem]:
    """The pair id names the file, so a roadmap can be found from its id."""
    for path, value in _strings(ctx.doc.data, ("pair", "id")):
        if value != ctx.pair_id:
            yield ctx.doc.problem(
                "T203",
                path,
                _("pair id {id!r} does not match the file name; rename the file to {id}.yaml or fix the id").format(
                    id=value
                ),
            )


def check_programme(ctx: RuleContext) -> Iterator[Problem]:
    """The roadmap belongs to the programme in programme.yaml."""
    if ctx.programme_id is None:
        return
    for path, value in _strings(ctx.doc.data, ("pair", "programme")):
        if value != ctx.programme_id:
            yield ctx.doc.problem(
                "T204",
                path,
                _("unknown programme {id!r}; programme.yaml defines {programme!r}").format(
                    id=value, programme=ctx.programme_id
                ),
            )


def check_unique_ids(ctx: RuleContext) -> Iterator[Problem]:
    """Ids are unique within a roadmap: each record is referred to by its id."""
    for kind, pattern in ID_DECLARATIONS.items():
        first: dict[str, Path_] = {}
        for path, value in _strings(ctx.doc.data, pattern):
            if value in first:
                line = ctx.doc.position(first[value])[0]
                said = _("duplicate {kind} id {id!r} (first at line {line})")
                yield ctx.doc.problem("T202", path, said.format(kind=word(kind), id=value, line=line))
            else:
                first[value] = path


def check_references(ctx: RuleContext) -> Iterator[Problem]:
    """Every id a record refers to is declared in the same roadmap."""
    declared = {kind: _declared(ctx, kind) for kind in ID_DECLARATIONS}
    for pattern, kind in REFERENCES:
        known = declared[kind]
        for path, value in _strings(ctx.doc.data, pattern):
            if value not in known:
                said = _("unknown {kind} {name!r}{suggestion}").format(
                    kind=word(kind), name=value, suggestion=did_you_mean(value, known)
                )
                yield ctx.doc.problem("T201", path, said)


def _check_terms(ctx: RuleContext, terms: TermSet, patterns: tuple[Pattern, ...]) -> Iterator[Problem]:
    for pattern in patterns:
        for path, value in _strings(ctx.doc.data, pattern):
            if terms.get(value):
                continue
            alias_of = terms.find(value)
            hint = (
                _("; write its slug {slug!r}").format(slug=alias_of.slug)
                if alias_of
                else did_you_mean(value, terms.slugs) or _("; known: {names}").format(names=", ".join(terms.slugs))
            )
            said = _("unknown {kind} {name!r}{suggestion}").format(kind=word(terms.kind), name=value, suggestion=hint)
            yield ctx.doc.problem("T205", path, said)


def check_vocabulary(ctx: RuleContext) -> Iterator[Problem]:
    """Themes and types are slugs from the programme vocabulary."""
    if ctx.vocabulary is None:
        return
    yield from _check_terms(ctx, ctx.vocabulary.themes, THEMES)
    yield from _check_terms(ctx, ctx.vocabulary.types, TYPES)


def check_inferred_subsets(ctx: RuleContext) -> Iterator[Problem]:
    """What is marked inferred must also be listed, or the mark means nothing."""
    for records, inferred, declared_key in INFERRED_SUBSETS:
        for path, record in walk(ctx.doc.data, records):
            if not isinstance(record, dict):
                continue
            declared = record.get(declared_key)
            declared = declared if isinstance(declared, list) else []
            for item_path, item in _strings(record, (*inferred, "*")):
                if item not in declared:
                    yield ctx.doc.problem(
                        "T206",
                        (*path, *item_path),
                        _("{item!r} is marked inferred but is not in {field}").format(item=item, field=declared_key),
                    )


def check_inference_reasons(ctx: RuleContext) -> Iterator[Problem]:
    """A value marked inferred needs its reason, or outputs can mark it but never say why."""
    for records, marks, reason in INFERENCE_REASONS:
        for path, record in walk(ctx.doc.data, records):
            if not isinstance(record, dict) or reason in record:
                continue
            for mark in marks:
                if record.get(mark):  # true, or a non-empty list
                    said = _("{mark} is marked without its {reason}").format(mark=mark, reason=reason)
                    yield ctx.doc.problem("T214", (*path, mark), said, at_key=True)


def check_dates(ctx: RuleContext) -> Iterator[Problem]:
    """Every date is a real date: no 31 April, no month 13 (the schema checks the form)."""
    for pattern in DATES:
        for path, value in _strings(ctx.doc.data, pattern):
            if not is_date_shaped(value):
                continue
            try:
                FuzzyDate.parse(value)
            except ValueError as error:
                yield ctx.doc.problem("T207", path, str(error))


def _date_or_none(value: Any) -> FuzzyDate | None:
    try:
        return FuzzyDate.parse(value) if isinstance(value, str) else None
    except ValueError:
        return None


def check_date_order(ctx: RuleContext) -> Iterator[Problem]:
    """A proposal ends after it starts; an agreement expires after it is signed."""
    for pattern, first_key, second_key, message in ORDERED_DATES:
        for path, record in walk(ctx.doc.data, pattern):
            if not isinstance(record, dict):
                continue
            first, second = _date_or_none(record.get(first_key)), _date_or_none(record.get(second_key))
            if first and second and second.last_day < first.first_day:
                yield ctx.doc.problem(
                    "T208", (*path, second_key), _(message).format(first=first.label, second=second.label)
                )


def check_emails(ctx: RuleContext) -> Iterator[Problem]:
    """E-mail addresses are well formed, and one address is one person."""
    first: dict[str, Path_] = {}
    for path, value in _strings(ctx.doc.data, ("people", "*", "email")):
        if not _EMAIL.match(value):
            yield ctx.doc.problem("T209", path, _("{email!r} is not a well-formed e-mail address").format(email=value))
            continue
        folded = value.casefold()
        if folded in first:
            line = ctx.doc.position(first[folded])[0]
            yield ctx.doc.problem(
                "T210",
                path,
                _("e-mail {email!r} is already another person's (line {line}); a person is one record").format(
                    email=value, line=line
                ),
            )
        else:
            first[folded] = path


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def check_publication(ctx: RuleContext) -> Iterator[Problem]:
    """Publication marks mean what they say: a person withheld is withheld under every record of their name,
    and ``email_generic`` qualifies an address (query/publication.py reads both; schema/personal.json says why).
    """
    people = [(path, person) for path, person in walk(ctx.doc.data, ("people", "*")) if isinstance(person, dict)]
    withheld: dict[str, Path_] = {}
    for path, person in people:
        if person.get("email_generic") is True and "email" not in person:
            yield ctx.doc.problem(
                "T215", (*path, "email_generic"), "email_generic is marked but the person has no email", at_key=True
            )
        if person.get("publication") == "withhold" and isinstance(person.get("name"), str):
            withheld.setdefault(_name_key(person["name"]), path)
    for path, person in people:
        name = person.get("name")
        if isinstance(name, str) and person.get("publication") != "withhold" and _name_key(name) in withheld:
            line = ctx.doc.position(withheld[_name_key(name)])[0]
            yield ctx.doc.problem(
                "T215",
                (*path, "name"),
                f"{name!r} is marked publication: withhold at line {line} but not here; "
                "mark every record of the person alike",
            )


def check_sources(ctx: RuleContext) -> Iterator[Problem]:
    """A cited source is one the roadmap lists under sources (progress evidence may be a web address instead)."""
    listed = {value for _, value in _strings(ctx.doc.data, ("sources", "*", "file"))}
    cited = [(path, value) for pattern in SOURCE_REFERENCES for path, value in _strings(ctx.doc.data, pattern)]
    cited += [
        (path, value)
        for pattern in EVIDENCE_REFERENCES
        for path, value in _strings(ctx.doc.data, pattern)
        if not _URL.match(value)
    ]
    for path, value in cited:
        if value not in listed:
            yield ctx.doc.problem(
                "T211",
                path,
                _("source {file!r} is not listed under sources{suggestion}").format(
                    file=value, suggestion=did_you_mean(value, listed)
                ),
            )


def check_happened(ctx: RuleContext) -> Iterator[Problem]:
    """A milestone has a day it happened on only if it is recorded as having happened."""
    for path, milestone in walk(ctx.doc.data, ("milestones", "*")):
        if isinstance(milestone, dict) and "happened_on" in milestone and milestone.get("happened") is not True:
            if milestone.get("happened") is False:
                said = _("happened_on is given but the milestone has happened: false; set happened: true")
            else:
                said = _("happened_on is given but the milestone has no happened: true; set happened: true")
            yield ctx.doc.problem("T212", (*path, "happened_on"), said)


# The prose fields: paragraphs that may span lines. Every other text is one line (see ``check_text``).
ROADMAP_PROSE: tuple[Pattern, ...] = (
    ("pair", "roadmap", "summary"),
    ("organisations", "*", "description"),
    ("proposals", "*", "vision"),
    ("proposals", "*", "description"),
    ("snapshots", "*", "ambition", "text"),
)
PROGRAMME_PROSE: tuple[Pattern, ...] = (
    ("programme", "description"),
    ("vocabulary", "themes", "*", "description"),
    ("vocabulary", "types", "*", "description"),
)


def _matches(path: Path_, pattern: Pattern) -> bool:
    return len(path) == len(pattern) and all(
        step == part or (step == "*" and isinstance(part, int)) for step, part in zip(pattern, path, strict=True)
    )


def _texts(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str, bool]]:
    """Every text in ``data``, once: ``(path, text, is_key)``, field names included."""
    if isinstance(data, str):
        yield path, data, False
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield (*path, key), key, True
            yield from _texts(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*path, index))


def _unsafe_character(char: str, is_key: bool, prose: str) -> str:
    """Why ``char`` may not be where it is, as a problem message."""
    name = character_name(char)
    where = (_("field name contains {name}") if is_key else _("text contains {name}")).format(name=name)
    if char == "\n":
        return _("{where}, a line break; write it on one line (only {prose} may hold line breaks)").format(
            where=where, prose=prose
        )
    if _BIDI_CONTROL.match(char):
        said = _("{where}, an invisible direction control that makes text read other than it is stored; remove it")
        return said.format(where=where)
    return _("{where}, a control character that can rewrite or hide what is shown; remove it").format(where=where)


def text_problems(doc: YamlDocument, prose: tuple[Pattern, ...]) -> Iterator[Problem]:
    """Each distinct unsafe character (``base.text.UNSAFE``) of each text and field name, at its line.

    A prose field (``prose``) may hold line breaks ("\\n"), and nothing else of the kind.
    """
    *others, last = dict.fromkeys(".".join(step for step in pattern[-2:] if step != "*") for pattern in prose)
    prose_names = _("{names} and {last}").format(names=", ".join(others), last=last) if others else last
    for path, text, is_key in _texts(doc.data):
        multiline = not is_key and any(_matches(path, pattern) for pattern in prose)
        found = dict.fromkeys(char for char in _UNSAFE.findall(text) if not (multiline and char == "\n"))
        for char in found:
            yield doc.problem("T213", path, _unsafe_character(char, is_key, prose_names), at_key=is_key)


def check_text(ctx: RuleContext) -> Iterator[Problem]:
    """No text can fake output: no control characters, no direction overrides, no line breaks outside prose.

    A terminal escape in a title could recolour or clear the screen, a line break fake a section of
    ``twins show`` or a report, and a right-to-left override make a name read other than it is stored.
    """
    yield from text_problems(ctx.doc, ROADMAP_PROSE)


Rule = Callable[[RuleContext], Iterator[Problem]]
RULES: tuple[Rule, ...] = (
    check_pair_id,
    check_programme,
    check_unique_ids,
    check_references,
    check_vocabulary,
    check_inferred_subsets,
    check_inference_reasons,
    check_dates,
    check_date_order,
    check_emails,
    check_publication,
    check_sources,
    check_happened,
    check_text,
)


def check_roadmap(ctx: RuleContext) -> list[Problem]:
    """Every rule's problems for one roadmap."""
    if not isinstance(ctx.doc.data, dict):
        return []
    return [problem for rule in RULES for problem in rule(ctx)]
