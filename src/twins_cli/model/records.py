"""The roadmaps as typed, immutable records.

Built only from data that has passed validation, so the builders can trust
the shape; queries and renderers never touch raw YAML. The records are typed
NamedTuples rather than frozen dataclasses: just as immutable and typed, but
creating a dataclass costs about a millisecond, and every query imports this
module (NamedTuples cost a sixth of that).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, NamedTuple

from twins_cli.base.dates import FuzzyDate
from twins_cli.base.vocabulary import Vocabulary

COUNTRY_SIDES = {"GB": "UK", "KR": "Korea"}
_NOTHING: Mapping[str, Any] = MappingProxyType({})  # an empty default that nobody can fill


def _date(value: str | None) -> FuzzyDate | None:
    return FuzzyDate.parse(value) if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class Place(NamedTuple):
    """One city or city region of a pair."""

    id: str
    name: str
    country: str
    local_name: str | None = None
    kind: str | None = None


class Organisation(NamedTuple):
    """An organisation named in a roadmap."""

    id: str
    name: str
    country: str
    kind: str
    short_name: str | None = None
    aliases: tuple[str, ...] = ()
    place: str | None = None
    parent: str | None = None
    url: str | None = None
    description: str | None = None
    stakeholder: bool = False

    def names(self) -> tuple[str, ...]:
        """Every name it goes by, for searching."""
        return (self.id, self.name, *((self.short_name,) if self.short_name else ()), *self.aliases)


class Person(NamedTuple):
    """A named person; ``organisation`` is an organisation id."""

    id: str
    name: str
    title: str | None = None
    role: str | None = None
    organisation: str | None = None
    email: str | None = None

    @property
    def full_name(self) -> str:
        """Name with title: ``Dr Sandra Scott-Hayward``."""
        return f"{self.title} {self.name}" if self.title else self.name


class ProgressNote(NamedTuple):
    """A dated remark on a proposal's delivery; ``source`` is a source file name or a web address."""

    date: date
    text: str
    source: str | None = None


class Progress(NamedTuple):
    """What is recorded of a proposal's delivery, beside its planned timeline."""

    status: str  # proposed | active | completed | paused | withdrawn
    as_of: date
    actual_start: FuzzyDate | None = None
    actual_end: FuzzyDate | None = None
    notes: tuple[ProgressNote, ...] = ()


class Proposal(NamedTuple):
    """A joint proposal; ids in ``leads``/``contacts`` refer to the roadmap's records."""

    pair: str
    id: str
    title: str
    stage: str
    leads: tuple[str, ...]
    contacts: tuple[str, ...] = ()
    tagline: str | None = None
    vision: str | None = None
    description: str | None = None
    outcomes: tuple[str, ...] = ()
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    types: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    inferred_types: frozenset[str] = frozenset()
    inferred_themes: frozenset[str] = frozenset()
    inference_reason: str | None = None
    progress: Progress | None = None  # None: nothing recorded

    @property
    def qualified_id(self) -> str:
        """``belfast-sejong/P5``: unique across all roadmaps."""
        return f"{self.pair}/{self.id}"

    @property
    def number(self) -> int:
        """5 for P5, so that P10 sorts after P9."""
        return int(self.id[1:])


class Milestone(NamedTuple):
    """A dated step of a roadmap."""

    pair: str
    title: str
    date: FuzzyDate
    proposal: str | None = None
    proposal_inferred: bool = False
    source: str | None = None
    happened: bool | None = None  # None: not recorded either way
    happened_on: FuzzyDate | None = None
    evidence: str | None = None


class Party(NamedTuple):
    """A signatory organisation of an agreement."""

    organisation: str
    represented_by: str | None = None


class Agreement(NamedTuple):
    """An MOU or other signed deal."""

    pair: str
    id: str
    kind: str
    title: str
    parties: tuple[Party, ...]
    signed: FuzzyDate | None = None
    signed_in: str | None = None
    valid_until: FuzzyDate | None = None
    duration_years: int | None = None
    focus_areas: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    themes_inferred: frozenset[str] = frozenset()
    commitments: tuple[str, ...] = ()
    note: str | None = None
    source: str | None = None


class Source(NamedTuple):
    """A document a roadmap was transcribed from."""

    file: str
    title: str
    kind: str | None = None
    date: FuzzyDate | None = None


class Roadmap(NamedTuple):
    """One city pair's roadmap."""

    file: str
    id: str
    name: str
    places: tuple[Place, ...]
    programme: str
    status: str
    title: str | None = None
    published: FuzzyDate | None = None
    sources: tuple[Source, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    organisations: Mapping[str, Organisation] = _NOTHING
    people: Mapping[str, Person] = _NOTHING
    proposals: tuple[Proposal, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    snapshots: tuple[Mapping[str, Any], ...] = ()
    contacts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    updated: date | None = None  # when the file was last reviewed

    def place_of(self, organisation: Organisation) -> str:
        """The pair's place an organisation belongs to, else its country's side (a national body: UK)."""
        for place in self.places:
            if place.id == organisation.place:
                return place.name
        return COUNTRY_SIDES.get(organisation.country, organisation.country)

    def organisation_name(self, organisation_id: str | None) -> str:
        """Display name of an organisation id ('' for none)."""
        if organisation_id is None:
            return ""
        organisation = self.organisations[organisation_id]
        return organisation.name


class Programme(NamedTuple):
    """The programme the roadmaps belong to, with its vocabulary."""

    id: str
    name: str
    vocabulary: Vocabulary
    description: str | None = None
    pairs: tuple[str, ...] = ()


class Catalog(NamedTuple):
    """Everything a query reads: the programme and its roadmaps."""

    programme: Programme
    roadmaps: tuple[Roadmap, ...]

    @property
    def proposals(self) -> tuple[Proposal, ...]:
        """All proposals, roadmap by roadmap, in file order."""
        return tuple(proposal for roadmap in self.roadmaps for proposal in roadmap.proposals)

    def roadmap(self, pair: str) -> Roadmap:
        """The roadmap of the pair with this exact id."""
        return next(roadmap for roadmap in self.roadmaps if roadmap.id == pair)


def programme_from_data(data: Mapping[str, Any]) -> Programme:
    """Build the programme from a valid programme file."""
    programme = data["programme"]
    return Programme(
        id=programme["id"],
        name=programme["name"],
        vocabulary=Vocabulary.from_data(data["vocabulary"]),
        description=programme.get("description"),
        pairs=tuple(programme.get("pairs", ())),
    )


def roadmap_from_data(file: str, data: Mapping[str, Any]) -> Roadmap:
    """Build a roadmap from a valid roadmap file's data."""
    pair = data["pair"]
    pair_id = pair["id"]
    roadmap = pair["roadmap"]
    return Roadmap(
        file=file,
        id=pair_id,
        name=pair["name"],
        places=tuple(Place(**place) for place in pair["places"]),
        programme=pair["programme"],
        status=roadmap["status"],
        title=roadmap.get("title"),
        published=_date(roadmap.get("published")),
        sources=tuple(
            Source(item["file"], item["title"], item.get("kind"), _date(item.get("date"))) for item in data["sources"]
        ),
        agreements=tuple(_agreement(pair_id, item) for item in data.get("agreements", ())),
        organisations={item["id"]: _organisation(item) for item in data.get("organisations", ())},
        people={item["id"]: Person(**item) for item in data.get("people", ())},
        proposals=tuple(_proposal(pair_id, item) for item in data.get("proposals", ())),
        milestones=tuple(
            Milestone(
                pair=pair_id,
                title=item["title"],
                date=FuzzyDate.parse(item["date"]),
                proposal=item.get("proposal"),
                proposal_inferred=item.get("proposal_inferred", False),
                source=item.get("source"),
                happened=item.get("happened"),
                happened_on=_date(item.get("happened_on")),
                evidence=item.get("evidence"),
            )
            for item in data.get("milestones", ())
        ),
        snapshots=tuple(data.get("snapshots", ())),
        contacts=tuple(data.get("contacts", ())),
        notes=tuple(data.get("notes", ())),
        updated=_day(data.get("updated")),
    )


def _organisation(item: Mapping[str, Any]) -> Organisation:
    return Organisation(**{**item, "aliases": tuple(item.get("aliases", ()))})


def _agreement(pair: str, item: Mapping[str, Any]) -> Agreement:
    return Agreement(
        pair=pair,
        id=item["id"],
        kind=item["kind"],
        title=item["title"],
        parties=tuple(Party(**party) for party in item["parties"]),
        signed=_date(item.get("signed")),
        signed_in=item.get("signed_in"),
        valid_until=_date(item.get("valid_until")),
        duration_years=item.get("duration_years"),
        focus_areas=tuple(item.get("focus_areas", ())),
        themes=tuple(item.get("themes", ())),
        themes_inferred=frozenset(item.get("themes_inferred", ())),
        commitments=tuple(item.get("commitments", ())),
        note=item.get("note"),
        source=item.get("source"),
    )


def _proposal(pair: str, item: Mapping[str, Any]) -> Proposal:
    timeline = item.get("timeline", {})
    inferred = item.get("inferred", {})
    return Proposal(
        pair=pair,
        id=item["id"],
        title=item["title"],
        stage=item["stage"],
        leads=tuple(item["leads"]),
        contacts=tuple(item.get("contacts", ())),
        tagline=item.get("tagline"),
        vision=item.get("vision"),
        description=item.get("description"),
        outcomes=tuple(item.get("outcomes", ())),
        start=_date(timeline.get("start")),
        end=_date(timeline.get("end")),
        types=tuple(item.get("types", ())),
        themes=tuple(item.get("themes", ())),
        inferred_types=frozenset(inferred.get("types", ())),
        inferred_themes=frozenset(inferred.get("themes", ())),
        inference_reason=inferred.get("reason"),
        progress=_progress(item["progress"]) if "progress" in item else None,
    )


def _progress(item: Mapping[str, Any]) -> Progress:
    return Progress(
        status=item["status"],
        as_of=date.fromisoformat(item["as_of"]),
        actual_start=_date(item.get("actual_start")),
        actual_end=_date(item.get("actual_end")),
        notes=tuple(
            ProgressNote(date.fromisoformat(note["date"]), note["text"], note.get("source"))
            for note in item.get("notes", ())
        ),
    )
