"""Records from checked data: the programme file and each roadmap file.

The data has passed the schema and the rules, so the builders trust its
shape: a missing required field here is a bug, not a user's mistake. Lists
become tuples, mappings become records, dates are parsed once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

from twins_cli.base.dates import FuzzyDate
from twins_cli.base.vocabulary import Vocabulary
from twins_cli.model.records import (
    Agreement,
    Ambition,
    CitedText,
    ContextEvent,
    ContextFigure,
    Ecosystem,
    Figure,
    Foreword,
    FrozenMap,
    GdpPerHead,
    Milestone,
    NationalContext,
    Organisation,
    Overview,
    PairProposals,
    Party,
    Person,
    Phase,
    Place,
    Population,
    Programme,
    Progress,
    ProgressNote,
    Proposal,
    Roadmap,
    Section,
    Snapshot,
    Source,
    Stop,
    Subsection,
    Visit,
)

_T = TypeVar("_T")
_Item = Mapping[str, Any]


def _date(value: str | None) -> FuzzyDate | None:
    return _parsed(value) if value else None


@lru_cache(maxsize=1024)
def _parsed(value: str) -> FuzzyDate:
    """``FuzzyDate.parse``, once per spelling: roadmaps repeat the same months, and a FuzzyDate never changes."""
    return FuzzyDate.parse(value)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _plain(cls: Callable[..., _T], item: _Item, **built: Any) -> _T:
    """A record whose fields are named as the item's keys: lists (of texts) as tuples, ``built`` as given."""
    fields = {key: tuple(value) if isinstance(value, list) else value for key, value in item.items()}
    return cls(**{**fields, **built})


def _optional(cls: Callable[..., _T], item: _Item | None) -> _T | None:
    return None if item is None else _plain(cls, item)


def programme_from_data(data: _Item) -> Programme:
    """Build the programme from a valid programme file."""
    programme = data["programme"]
    return _plain(
        Programme,
        programme,
        vocabulary=Vocabulary.from_data(data["vocabulary"]),
        aims=tuple(_plain(CitedText, item) for item in programme.get("aims", ())),
        phases=tuple(_plain(Phase, item) for item in programme.get("phases", ())),
        pairing_basis=tuple(_plain(CitedText, item) for item in programme.get("pairing_basis", ())),
    )


def roadmap_from_data(file: str, data: _Item) -> Roadmap:
    """Build a roadmap from a valid roadmap file's data."""
    pair = data["pair"]
    pair_id = pair["id"]
    document = pair["roadmap"]
    return Roadmap(
        file=file,
        id=pair_id,
        name=pair["name"],
        places=tuple(Place(**place) for place in pair["places"]),
        programme=pair["programme"],
        status=document["status"],
        title=document.get("title"),
        published=_date(document.get("published")),
        launched_in=document.get("launched_in"),
        delivered_by=tuple(document.get("delivered_by", ())),
        summary=document.get("summary"),
        document_source=document.get("source"),
        sources=tuple(_plain(Source, item, date=_date(item.get("date"))) for item in data["sources"]),
        agreements=tuple(_agreement(pair_id, item) for item in data.get("agreements", ())),
        organisations=FrozenMap((item["id"], _plain(Organisation, item)) for item in data.get("organisations", ())),
        people=FrozenMap((item["id"], Person(**item)) for item in data.get("people", ())),
        proposals=tuple(proposal_from_data(pair_id, item) for item in data.get("proposals", ())),
        milestones=tuple(
            _plain(
                Milestone,
                item,
                pair=pair_id,
                date=_parsed(item["date"]),
                happened_on=_date(item.get("happened_on")),
            )
            for item in data.get("milestones", ())
        ),
        snapshots=tuple(_snapshot(item) for item in data.get("snapshots", ())),
        contacts=tuple(data.get("contacts", ())),
        notes=tuple(data.get("notes", ())),
        updated=_day(data.get("updated")),
        national_context=_national_context(data["national_context"]) if "national_context" in data else None,
        forewords=tuple(_plain(Foreword, item) for item in data.get("forewords", ())),
        overview=Overview(**{key: _section(item) for key, item in data["overview"].items()})
        if "overview" in data
        else None,
        visits=tuple(_visit(item) for item in data.get("visits", ())),
    )


def _agreement(pair: str, item: _Item) -> Agreement:
    return _plain(
        Agreement,
        item,
        pair=pair,
        parties=tuple(Party(**party) for party in item["parties"]),
        signed=_date(item.get("signed")),
        valid_until=_date(item.get("valid_until")),
        themes_inferred=frozenset(item.get("themes_inferred", ())),
    )


def pair_proposals_from_brief(pair: str, lead_names: Mapping[str, str], items: Iterable[_Item]) -> PairProposals:
    """Build a roadmap's proposals in brief from the proposal index's checked data (``check/proposal_index.py``)."""
    return PairProposals(pair, FrozenMap(lead_names.items()), tuple(proposal_from_data(pair, item) for item in items))


def proposal_from_data(pair: str, item: _Item) -> Proposal:
    """Build one proposal of the pair ``pair`` from its checked data, whole or in brief."""
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
        start_as_printed=timeline.get("start_as_printed"),
        end_as_printed=timeline.get("end_as_printed"),
        types=tuple(item.get("types", ())),
        themes=tuple(item.get("themes", ())),
        inferred_types=frozenset(inferred.get("types", ())),
        inferred_themes=frozenset(inferred.get("themes", ())),
        inference_reason=inferred.get("reason"),
        progress=_progress(item["progress"]) if "progress" in item else None,
    )


def _progress(item: _Item) -> Progress:
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


def _snapshot(item: _Item) -> Snapshot:
    return _plain(
        Snapshot,
        item,
        population=_optional(Population, item.get("population")),
        gdp_per_head=_optional(GdpPerHead, item.get("gdp_per_head")),
        facts=tuple(Figure(**fact) for fact in item.get("facts", ())),
        ambition=_optional(Ambition, item.get("ambition")),
        ecosystem=_optional(Ecosystem, item.get("ecosystem")),
    )


def _section(item: _Item) -> Section:
    return _plain(Section, item, subsections=tuple(_plain(Subsection, sub) for sub in item.get("subsections", ())))


def _national_context(item: _Item) -> NationalContext:
    return NationalContext(
        sections=tuple(_section(section) for section in item.get("sections", ())),
        figures=tuple(_plain(ContextFigure, figure) for figure in item.get("figures", ())),
        events=tuple(_plain(ContextEvent, event, date=_date(event.get("date"))) for event in item.get("events", ())),
    )


def _visit(item: _Item) -> Visit:
    fields = {key: value for key, value in item.items() if key not in ("from", "to")}
    return _plain(
        Visit,
        fields,
        from_place=item.get("from"),
        to_place=item.get("to"),
        date=_date(item.get("date")),
        visited=tuple(Stop(**stop) for stop in item.get("visited", ())),
    )
