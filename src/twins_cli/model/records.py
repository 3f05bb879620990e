"""The roadmaps as typed, immutable records: every field the schemas allow.

Built (``model/build.py``) only from data that has passed validation; queries
and renderers never touch raw YAML. Every record is frozen and hashable all
the way down: tuples, frozensets, ``FrozenMap``, dates and other records, never
a list or a dict.

The records are NamedTuples made into records by ``@record``, not frozen
dataclasses. Every query imports the thirty record classes here, and a frozen
dataclass with slots costs about 0.5 ms to create (its methods are generated
with ``exec``, and slots rebuild the class), a NamedTuple a fifth of that:
measured on Python 3.11, creating them took 15-22 ms as dataclasses against
4-6 ms as NamedTuples, and ``twins list`` was about 20 ms slower, where the
budget was 2 ms; ``base/tuples.py`` makes the same classes for half of what
``typing.NamedTuple`` costs. ``@record`` takes away what would make a NamedTuple a trap:
a record equals only a record of the same class with the same fields (never
a plain tuple, nor another kind of record holding the same values), and
records have no order, so ``<`` raises ``TypeError`` at once instead of
comparing field by field until a ``None`` meets a text. They are still
tuples to unpack and index; read them by field name.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any, TypeVar

from twins_cli.base.dates import FuzzyDate
from twins_cli.base.i18n import N_
from twins_cli.base.tuples import NamedTuple
from twins_cli.base.vocabulary import Vocabulary

COUNTRY_SIDES = {"GB": N_("UK"), "KR": N_("Korea")}  # translated with ``_`` where shown

_K = TypeVar("_K")
_V = TypeVar("_V")
_R = TypeVar("_R", bound=tuple[Any, ...])


class FrozenMap(Mapping[_K, _V]):
    """A read-only mapping that can be hashed: records look organisations and people up by id."""

    __slots__ = ("_items",)

    def __init__(self, items: Iterable[tuple[_K, _V]] = ()) -> None:
        self._items = dict(items)

    def __getitem__(self, key: _K) -> _V:
        return self._items[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"


def _same_record(self: tuple[Any, ...], other: object) -> bool:
    return type(other) is type(self) and tuple.__eq__(self, other)


def _other_record(self: tuple[Any, ...], other: object) -> bool:
    return not _same_record(self, other)


def _unordered(self: tuple[Any, ...], other: object) -> bool:
    # raised, not NotImplemented: Python would then try the other side, and a tuple would compare
    raise TypeError(f"{type(self).__name__} records have no order: sort them by a field")


_RECORD_METHODS: dict[str, Callable[..., Any]] = {
    "__eq__": _same_record,
    "__ne__": _other_record,
    "__hash__": tuple.__hash__,  # equal records have equal fields, so the tuple's hash holds
    "__lt__": _unordered,
    "__le__": _unordered,
    "__gt__": _unordered,
    "__ge__": _unordered,
}


def record(cls: type[_R]) -> type[_R]:
    """Make a NamedTuple a record rather than a tuple: equal only to its own kind, and unordered."""
    for name, method in _RECORD_METHODS.items():
        setattr(cls, name, method)
    return cls


# --- the pair ----------------------------------------------------------------------------------


@record
class Place(NamedTuple):
    """One city or city region of a pair."""

    id: str
    name: str
    country: str
    local_name: str | None = None
    kind: str | None = None  # city | city-region | metropolitan-city | special-self-governing-city


@record
class Source(NamedTuple):
    """A document a roadmap was transcribed from."""

    file: str
    title: str
    kind: str | None = None
    date: FuzzyDate | None = None


@record
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


@record
class Person(NamedTuple):
    """A named person; ``organisation`` is an organisation id."""

    id: str
    name: str
    title: str | None = None
    role: str | None = None
    organisation: str | None = None
    email: str | None = None
    organisation_inferred: bool = False
    inference_reason: str | None = None
    email_generic: bool = False  # email is an organisation's shared address: published
    publication: str | None = None  # withhold: never in a public output (query/publication.py)

    @property
    def full_name(self) -> str:
        """Name with title: ``Dr Sandra Scott-Hayward``."""
        return f"{self.title} {self.name}" if self.title else self.name


# --- agreements, proposals, milestones ---------------------------------------------------------


@record
class Party(NamedTuple):
    """A signatory organisation of an agreement."""

    organisation: str
    represented_by: str | None = None
    as_printed: str | None = None  # the name the source prints, where it is recorded under another
    inferred: bool = False  # no source names this organisation as the party
    inference_reason: str | None = None


@record
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
    inference_reason: str | None = None  # why the themes were inferred
    commitments: tuple[str, ...] = ()
    note: str | None = None
    source: str | None = None


@record
class ProgressNote(NamedTuple):
    """A dated remark on a proposal's delivery; ``source`` is a source file name or a web address."""

    date: date
    text: str
    source: str | None = None


@record
class Progress(NamedTuple):
    """What is recorded of a proposal's delivery, beside its planned timeline."""

    status: str  # proposed | active | completed | paused | withdrawn
    as_of: date
    actual_start: FuzzyDate | None = None
    actual_end: FuzzyDate | None = None
    notes: tuple[ProgressNote, ...] = ()


@record
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
    start: FuzzyDate | None = None  # timeline.start
    end: FuzzyDate | None = None  # timeline.end
    start_as_printed: str | None = None  # timeline.start_as_printed: the source's words
    end_as_printed: str | None = None  # timeline.end_as_printed
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


def split_qualified_id(ref: str) -> tuple[str, str]:
    """``("belfast-sejong", "P5")`` of ``belfast-sejong/P5``, the inverse of ``Proposal.qualified_id``.

    A bare ``P5`` has no pair: ``("", "P5")``. A pair id is a slug, so the last ``/`` is the one that splits.
    """
    pair, _, proposal_id = ref.rpartition("/")
    return pair, proposal_id


@record
class Milestone(NamedTuple):
    """A dated step of a roadmap."""

    pair: str
    title: str
    date: FuzzyDate
    proposal: str | None = None
    proposal_inferred: bool = False
    inference_reason: str | None = None  # why the proposal is inferred
    source: str | None = None
    happened: bool | None = None  # None: not recorded either way
    happened_on: FuzzyDate | None = None
    evidence: str | None = None


# --- city snapshots ----------------------------------------------------------------------------


@record
class Population(NamedTuple):
    """A population with the area it counts."""

    value: int
    area: str | None = None


@record
class GdpPerHead(NamedTuple):
    """GDP per head with its currency (ISO 4217) and year."""

    value: float
    currency: str
    year: int | None = None
    as_written: str | None = None
    currency_inferred: bool = False  # the source prints no currency code: ``currency`` is a reading
    inference_reason: str | None = None


@record
class Figure(NamedTuple):
    """A labelled fact as written: Number of jobs, 236,476."""

    label: str
    value: str


@record
class Ambition(NamedTuple):
    """A city's stated ambition; ``by`` is a person id."""

    text: str
    by: str | None = None


@record
class Ecosystem(NamedTuple):
    """A place's innovation ecosystem map, list by list as written."""

    strengths: tuple[str, ...] = ()
    research: tuple[str, ...] = ()
    academia: tuple[str, ...] = ()
    civic_policy: tuple[str, ...] = ()
    business: tuple[str, ...] = ()
    facilities: tuple[str, ...] = ()


@record
class Snapshot(NamedTuple):
    """One place's facts and figures and its ecosystem map; ``place`` is a place id."""

    place: str
    population: Population | None = None
    gdp_per_head: GdpPerHead | None = None
    key_sectors: tuple[str, ...] = ()
    facts: tuple[Figure, ...] = ()
    ambition: Ambition | None = None
    ecosystem: Ecosystem | None = None


# --- the roadmap's own text: sections, forewords, national context, visits ---------------------


@record
class Subsection(NamedTuple):
    """A headed block within a section, as printed."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    points: tuple[str, ...] = ()


@record
class Section(NamedTuple):
    """A section of a source transcribed as printed; ``source`` is a source file name."""

    heading: str
    source: str
    printed_in: str
    strapline: str | None = None
    paragraphs: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    subsections: tuple[Subsection, ...] = ()
    captions: tuple[str, ...] = ()
    note: str | None = None


@record
class Overview(NamedTuple):
    """The roadmap's account of itself, as printed."""

    purpose: Section | None = None
    why_the_pair: Section | None = None
    development: Section | None = None


@record
class Foreword(NamedTuple):
    """One foreword: who signed it (a person id) and its key points, verbatim."""

    by: str
    key_points: tuple[str, ...]
    source: str
    printed_in: str
    place: str | None = None
    signed_as: tuple[str, ...] = ()


@record
class ContextFigure(NamedTuple):
    """A national figure with its unit and year exactly as printed."""

    id: str
    label: str
    value: str
    about: str  # uk | kr | both
    as_printed: str
    source: str
    printed_in: str
    unit: str | None = None
    kind: str | None = None  # amount | share | rank | duration
    year: int | None = None
    about_inferred: bool = False
    conflicts_with: tuple[str, ...] = ()  # ids of figures printed differently for the same measure
    note: str | None = None


@record
class ContextEvent(NamedTuple):
    """A bilateral event, agreement or initiative that the national context names."""

    id: str
    title: str
    description: str
    source: str
    printed_in: str
    date: FuzzyDate | None = None
    date_as_printed: str | None = None
    date_inferred: bool = False
    note: str | None = None


@record
class NationalContext(NamedTuple):
    """The two countries' context as the roadmap prints it."""

    sections: tuple[Section, ...] = ()
    figures: tuple[ContextFigure, ...] = ()
    events: tuple[ContextEvent, ...] = ()


@record
class Stop(NamedTuple):
    """One place a delegation visited; ``organisation`` is an organisation id."""

    name: str
    organisation: str | None = None


@record
class Visit(NamedTuple):
    """A delegation's visit from one place of the pair to the other (place ids)."""

    id: str
    title: str
    source: str
    printed_in: str
    from_place: str | None = None  # from
    to_place: str | None = None  # to
    led_by: str | None = None
    date: FuzzyDate | None = None
    date_as_printed: str | None = None
    visited: tuple[Stop, ...] = ()
    note: str | None = None


# --- the roadmap and the programme -------------------------------------------------------------


_NO_ORGANISATIONS: FrozenMap[str, Organisation] = FrozenMap()
_NO_PEOPLE: FrozenMap[str, Person] = FrozenMap()


@record
class Roadmap(NamedTuple):
    """One city pair's roadmap; the fields of ``pair`` and ``pair.roadmap`` are its own."""

    file: str
    id: str
    name: str
    places: tuple[Place, ...]
    programme: str
    status: str
    title: str | None = None
    published: FuzzyDate | None = None
    launched_in: str | None = None
    delivered_by: tuple[str, ...] = ()  # organisation ids
    summary: str | None = None
    document_source: str | None = None  # pair.roadmap.source: the source of title, summary and launch
    sources: tuple[Source, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    organisations: FrozenMap[str, Organisation] = _NO_ORGANISATIONS
    people: FrozenMap[str, Person] = _NO_PEOPLE
    proposals: tuple[Proposal, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    snapshots: tuple[Snapshot, ...] = ()
    contacts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    updated: date | None = None  # when the file was last reviewed
    national_context: NationalContext | None = None
    forewords: tuple[Foreword, ...] = ()
    overview: Overview | None = None
    visits: tuple[Visit, ...] = ()

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


@record
class CitedText(NamedTuple):
    """A statement verbatim from a source, with where it is printed."""

    text: str
    source: str
    printed_in: str


@record
class Phase(NamedTuple):
    """One phase of the programme, as printed; the years are read from ``period``."""

    number: int
    title: str
    period: str
    source: str
    printed_in: str
    from_year: int | None = None
    to_year: int | None = None  # None: an open period (2022 onwards)
    activities: tuple[str, ...] = ()


@record
class Programme(NamedTuple):
    """The programme the roadmaps belong to, with its vocabulary."""

    id: str
    name: str
    vocabulary: Vocabulary
    description: str | None = None
    delivered_by: tuple[str, ...] = ()  # as written, not ids
    collaboration_areas: tuple[str, ...] = ()
    pairs: tuple[str, ...] = ()
    source: str | None = None
    aims: tuple[CitedText, ...] = ()
    phases: tuple[Phase, ...] = ()
    pairing_basis: tuple[CitedText, ...] = ()


@record
class PairProposals(NamedTuple):
    """Some of one roadmap's proposals in brief, with the names of the organisations that lead them.

    What a listing of proposals needs of a roadmap, read from the proposal index
    (``check/proposal_index.py``) without the whole roadmap: its proposals hold only the fields
    of the brief (no contacts, vision, description or outcomes).
    """

    id: str  # the pair's
    lead_names: FrozenMap[str, str]  # organisation id → name
    proposals: tuple[Proposal, ...]

    def organisation_name(self, organisation_id: str | None) -> str:
        """Display name of an organisation id ('' for none), as ``Roadmap.organisation_name``."""
        return "" if organisation_id is None else self.lead_names[organisation_id]


@record
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
