"""The roadmaps as they may be published: the public profile of ``twins report`` and ``--public``.

The roadmaps name about forty people with their roles and e-mail addresses.
Internal use is fine; a page for the public is not the same (UK GDPR, Korea's
PIPA). Which fields hold a person's data is declared once, in
``schema/personal.json`` beside the schema, and this module only applies it:

- a *personal* field (a person's e-mail address) is left out, unless its
  *generic* marker says it is an organisation's shared address
  (``email_generic: true``); ``include_personal`` puts personal fields back;
- a person marked ``publication: withhold`` is left out whole, even with
  ``include_personal``: the roadmap itself says their details are not for
  publication. Their record goes, every *reference* to them goes (a record
  that cannot be without it, a foreword and its signer, goes with it), and
  their name is taken out of every text. A person withheld in one roadmap is
  withheld in all of them (the same e-mail address, or the same name);
- every e-mail address written in the roadmaps' text (notes, descriptions)
  is left out unless it is a declared generic one, or ``include_personal``
  puts it back. Finding such addresses in free text is by their shape, the
  one place the profile guesses, and it guesses towards leaving out.

``Publication.withheld`` says what was left out and why, one sentence each,
for the footer of whatever is published.
"""

import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import cache
from typing import Any

from twins_cli.base.i18n import _, ngettext
from twins_cli.base.tuples import NamedTuple
from twins_cli.files.locate import builtin_dir
from twins_cli.model.records import Catalog, FrozenMap, Person, Roadmap

DECLARATION = "personal.json"
"""The declaration of personal fields, in the packaged schema folder."""

_RECORDS_MODULE = Roadmap.__module__
# Anything shaped like an address (a dot in its domain), its parts within RFC 5321's bounds: each place the
# search starts costs a bounded scan, so a long run of word characters costs time in proportion to its
# length, never to its square. A longer local part or domain is still left out, up to those bounds.
_ADDRESS = re.compile(r"[\w.%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,126}")
_WORD = re.compile(r"\w+")
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")
_DROP: Any = object()  # a record left out of the tuple or map that holds it


class Declaration(NamedTuple):
    """``schema/personal.json`` as the profile applies it."""

    personal: tuple[str, ...]  # Person fields left out of public outputs
    generic: Mapping[str, str]  # personal field -> the Person field that, when true, makes it publishable
    references: Mapping[str, tuple[str, ...]]  # record class name -> its fields that hold person ids
    withhold_field: str  # the Person field that marks a person not for publication...
    withhold_value: str  # ...when it holds this


@cache
def declaration() -> Declaration:
    """The shipped declaration (read once a run)."""
    data = json.loads((builtin_dir("schema") / DECLARATION).read_text(encoding="utf-8"))
    fields = {entry["record"]: entry["fields"] for entry in data["records"]}
    return Declaration(
        personal=tuple(name for name, kind in fields["Person"].items() if kind == "personal"),
        generic=dict(data["generic"]),
        references={
            record: tuple(name for name, kind in declared.items() if kind == "reference")
            for record, declared in fields.items()
        },
        withhold_field=data["withhold"]["field"],
        withhold_value=data["withhold"]["value"],
    )


class Publication(NamedTuple):
    """The roadmaps as they may be published, and what was left out of them."""

    catalog: Catalog  # the roadmaps as they may be published
    withheld: tuple[str, ...]  # sentences for the footer: what was left out and why (empty when nothing was)
    include_personal: bool


def publish(catalog: Catalog, *, include_personal: bool = False, pairs: Collection[str] = ()) -> Publication:
    """The public profile of ``catalog``; ``include_personal`` keeps personal fields, never a withheld person.

    ``pairs``: publish only these pairs' roadmaps (every one when empty), so that the footer counts what the
    page shows; who is withheld is still decided from every roadmap.
    """
    declared = declaration()
    people = [person for roadmap in catalog.roadmaps for person in roadmap.people.values()]
    withheld_keys = {key for person in people if _marked_withheld(person, declared) for key in _keys(person)}
    withheld = [person for person in people if withheld_keys & _keys(person)]
    withheld_addresses = {person.email.casefold() for person in withheld if person.email}
    generic = {
        str(getattr(person, field)).casefold()
        for person in people
        for field, marker in declared.generic.items()
        if getattr(person, marker) and getattr(person, field)
    } - withheld_addresses
    tally = _Tally()

    def keep_address(found: re.Match[str]) -> str:
        address = found.group().casefold()
        if address in withheld_addresses:
            return _("[e-mail withheld]")  # said with the person
        if address in generic or include_personal:
            return found.group()
        tally.text_addresses.add(address)
        return _("[e-mail withheld]")

    names = _Names(person.name for person in withheld)

    def text(value: str) -> str:
        if _SLUG.match(value):
            return value  # an id, a kind, a slug: what records refer to each other by, never a name or an address
        if "@" in value:  # addresses first: a name's words are in an address (kim.lee@) but are not a name there
            value = _ADDRESS.sub(keep_address, value)
        return names.sub(_("[name withheld]"), value)

    roadmaps = tuple(
        _Profile(
            declared,
            frozenset(person_id for person_id, person in roadmap.people.items() if withheld_keys & _keys(person)),
            text,
            tally,
            include_personal,
        ).value(roadmap)
        for roadmap in catalog.roadmaps
        if not pairs or roadmap.id in pairs
    )
    return Publication(catalog._replace(roadmaps=roadmaps), tally.sentences(), include_personal)


def _marked_withheld(person: Person, declared: Declaration) -> bool:
    return bool(getattr(person, declared.withhold_field) == declared.withhold_value)


def _keys(person: Person) -> set[tuple[str, str]]:
    """What tells the same person in two places: their e-mail address, their name."""
    keys = {("name", " ".join(person.name.casefold().split()))}
    if person.email:
        keys.add(("email", person.email.casefold()))
    return keys


def _identity(person: Person) -> tuple[str, str]:
    """One key a person is counted by: their address where they have one, else their name."""
    return ("email", person.email.casefold()) if person.email else ("name", " ".join(person.name.casefold().split()))


class _Names:
    """Names to take out of texts: found word by word, any case, whatever lies between the words.

    A tree of the names' words, walked from each word of a text: the time is the text's length
    times the words of the longest name, however many names there are (a pattern of one
    alternative per name would take the text's length times their number).
    """

    _END = ""  # the key that marks a whole name: no word is empty

    def __init__(self, names: Iterable[str]) -> None:
        self.tree: dict[str, Any] = {}
        for name in names:
            node = self.tree
            for word in _WORD.findall(name.casefold()):
                node = node.setdefault(word, {})
            if node is not self.tree:
                node[self._END] = {}

    def sub(self, replacement: str, text: str) -> str:
        """``text`` with each name in it replaced, the longest where two start at the same word."""
        if not self.tree:
            return text
        words = list(_WORD.finditer(text))
        said: list[str] = []
        done = index = 0
        while index < len(words):
            node, end, ahead = self.tree, None, index
            while ahead < len(words) and (child := node.get(words[ahead].group().casefold())) is not None:
                node = child
                if self._END in node:
                    end = ahead
                ahead += 1
            if end is None:
                index += 1
                continue
            said += [text[done : words[index].start()], replacement]
            done, index = words[end].end(), end + 1
        return "".join(said) + text[done:] if said else text


class _Tally:
    """What the profile left out, counted for the footer."""

    def __init__(self) -> None:
        self.withheld_people: set[tuple[str, str]] = set()  # people left out whole
        self.personal: set[tuple[str, str]] = set()  # people whose personal fields were left out
        self.text_addresses: set[str] = set()  # addresses left out of the text

    def sentences(self) -> tuple[str, ...]:
        said = []
        if self.personal:
            count = len(self.personal)
            said.append(
                ngettext(
                    "{count} person's own e-mail address is left out: it is personal data (UK GDPR, Korea's PIPA). "
                    "Organisations' generic addresses are kept.",
                    "{count} people's own e-mail addresses are left out: they are personal data (UK GDPR, Korea's "
                    "PIPA). Organisations' generic addresses are kept.",
                    count,
                ).format(count=count)
            )
        if self.withheld_people:
            count = len(self.withheld_people)
            said.append(
                ngettext(
                    "{count} person is left out, name and all: a roadmap marks their details not for publication.",
                    "{count} people are left out, names and all: the roadmaps mark their details not for publication.",
                    count,
                ).format(count=count)
            )
        if self.text_addresses:
            count = len(self.text_addresses)
            said.append(
                ngettext(
                    "{count} e-mail address written in the roadmaps' text is left out: only addresses a roadmap "
                    "marks as an organisation's generic address are published.",
                    "{count} e-mail addresses written in the roadmaps' text are left out: only addresses a roadmap "
                    "marks as an organisation's generic address are published.",
                    count,
                ).format(count=count)
            )
        return tuple(said)


class _Profile:
    """One roadmap rebuilt as it may be published: every record, every text, whatever its depth.

    The walk is generic, so a record or a text added to the model later is covered without a change here;
    which fields hold a person's data comes from the declaration.
    """

    def __init__(
        self,
        declared: Declaration,
        withheld_ids: frozenset[str],
        text: Callable[[str], str],
        tally: _Tally,
        include_personal: bool,
    ) -> None:
        self.declared = declared
        self.withheld_ids = withheld_ids
        self.text = text
        self.tally = tally
        self.include_personal = include_personal

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, FrozenMap):
            rebuilt = ((key, self.value(item)) for key, item in value.items())
            return FrozenMap((key, kept) for key, kept in rebuilt if kept is not _DROP)
        if isinstance(value, tuple) and hasattr(value, "_fields"):
            return self.record(value) if type(value).__module__ == _RECORDS_MODULE else value  # a FuzzyDate as is
        if isinstance(value, tuple):
            return tuple(kept for kept in map(self.value, value) if kept is not _DROP)
        if isinstance(value, frozenset):
            return frozenset(map(self.value, value))
        return value  # numbers, booleans, dates

    def record(self, record: Any) -> Any:
        if isinstance(record, Person):
            if record.id in self.withheld_ids:
                self.tally.withheld_people.add(_identity(record))
                return _DROP
            record = self.person(record)
        references = self.declared.references.get(type(record).__name__, ())
        changes: dict[str, Any] = {}
        for name in record._fields:
            field = getattr(record, name)
            if name not in references:
                changes[name] = self.value(field)
            elif isinstance(field, tuple):
                changes[name] = tuple(person_id for person_id in field if person_id not in self.withheld_ids)
            elif field in self.withheld_ids:
                if name not in record._field_defaults:
                    return _DROP  # it cannot be without the person: a foreword without its signer
                changes[name] = record._field_defaults[name]
        return record._replace(**changes)

    def person(self, person: Person) -> Person:
        """The person without their personal fields, unless included or marked generic."""
        if self.include_personal:
            return person
        changes: dict[str, Any] = {}
        for name in self.declared.personal:
            value = getattr(person, name)
            marker = self.declared.generic.get(name)
            if value is None or (marker is not None and getattr(person, marker)):
                continue
            changes[name] = None
        if changes:
            self.tally.personal.add(_identity(person))
        return person._replace(**changes)
