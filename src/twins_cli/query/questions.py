"""Questions people ask of the roadmaps, answered as model records.

Which proposals are about cybersecurity? Who do I e-mail about P5? What is
coming up this quarter? Names typed by a person (ids, pairs, themes,
organisations) are resolved here, with "did you mean" when they miss.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from twins_cli.base.dates import FuzzyDate
from twins_cli.base.words import did_you_mean
from twins_cli.errors import NotFoundError, UsageError
from twins_cli.model.records import Catalog, Person, Proposal, Roadmap

SORT_KEYS = ("id", "start", "end", "title")
STAGES = ("priority", "future")
_FAR_FUTURE = date.max


def find_pair(catalog: Catalog, name: str) -> Roadmap:
    """The roadmap named by pair id or by one of its places (``belfast``), any case."""
    wanted = name.strip().casefold()
    for roadmap in catalog.roadmaps:
        if wanted == roadmap.id.casefold():
            return roadmap
    # A place: its id or name, or a word of its name ("liverpool" for Liverpool City Region).
    by_place = [
        roadmap
        for roadmap in catalog.roadmaps
        if any(
            wanted in (place.id.casefold(), place.name.casefold()) or wanted in place.name.casefold().split()
            for place in roadmap.places
        )
    ]
    if len(by_place) == 1:
        return by_place[0]
    known = [roadmap.id for roadmap in catalog.roadmaps]
    if by_place:
        candidates = ", ".join(roadmap.id for roadmap in by_place)
        raise UsageError(f"{name!r} names a place in several pairs: {candidates}", "give the pair id")
    raise UsageError(f"unknown pair {name!r}{did_you_mean(name, known)}", f"pairs: {', '.join(known)}")


def find_proposal(catalog: Catalog, ref: str) -> Proposal:
    """The proposal ``P5`` (when one roadmap has it) or ``belfast-sejong/P5``, any case."""
    pair_name, _, proposal_id = ref.strip().rpartition("/")
    roadmaps = [find_pair(catalog, pair_name)] if pair_name else list(catalog.roadmaps)
    matches = [
        proposal
        for roadmap in roadmaps
        for proposal in roadmap.proposals
        if proposal.id.casefold() == proposal_id.casefold()
    ]
    if len(matches) > 1:
        candidates = ", ".join(proposal.qualified_id for proposal in matches)
        raise UsageError(f"proposal id {ref!r} is in several roadmaps: {candidates}", "name one of them")
    if not matches:
        known = [proposal.id for roadmap in roadmaps for proposal in roadmap.proposals]
        qualified = [proposal.qualified_id for roadmap in roadmaps for proposal in roadmap.proposals]
        raise NotFoundError(
            f"no proposal {ref!r}{did_you_mean(proposal_id, known)}",
            "`twins list` shows every proposal" if qualified else "these roadmaps have no proposals",
        )
    return matches[0]


def _organisation_ids(catalog: Catalog, names: Sequence[str]) -> set[tuple[str, str]]:
    """(pair, organisation id) of every organisation matching any of ``names``.

    A name matches an organisation's id exactly, or any fragment of its names.
    """
    found: set[tuple[str, str]] = set()
    for name in names:
        wanted = name.strip().casefold()
        matched = {
            (roadmap.id, organisation.id)
            for roadmap in catalog.roadmaps
            for organisation in roadmap.organisations.values()
            if wanted == organisation.id or any(wanted in known.casefold() for known in organisation.names())
        }
        if not matched:
            known = sorted(
                {known for roadmap in catalog.roadmaps for o in roadmap.organisations.values() for known in o.names()}
            )
            raise UsageError(
                f"no organisation matches {name!r}{did_you_mean(name, known)}",
                "give an organisation id or part of its name; `twins contacts` shows who works where",
            )
        found |= matched
    return found


def organisations_of(roadmap: Roadmap, proposal: Proposal) -> set[str]:
    """Ids of a proposal's lead organisations and its contacts' organisations."""
    contact_orgs = {roadmap.people[person].organisation for person in proposal.contacts}
    return set(proposal.leads) | {org for org in contact_orgs if org}


class ProposalQuery(NamedTuple):
    """Filters of ``twins list``: AND across fields, OR within a repeated one."""

    themes: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    pairs: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    stage: str | None = None
    active_on: date | None = None
    search: str | None = None
    sort: str = "id"


def list_proposals(catalog: Catalog, query: ProposalQuery) -> list[Proposal]:
    """The proposals matching ``query``, sorted as it asks."""
    vocabulary = catalog.programme.vocabulary
    themes = {vocabulary.themes.require(name).slug for name in query.themes}
    types = {vocabulary.types.require(name).slug for name in query.types}
    pairs = {find_pair(catalog, name).id for name in query.pairs}
    organisations = _organisation_ids(catalog, query.organisations) if query.organisations else set()
    stage = query.stage.casefold() if query.stage is not None else None
    sort = query.sort.casefold()
    if stage is not None and stage not in STAGES:
        raise UsageError(f"unknown stage {query.stage!r}{did_you_mean(stage, STAGES)}", "use priority or future")
    if sort not in SORT_KEYS:
        raise UsageError(
            f"cannot sort by {query.sort!r}{did_you_mean(query.sort, SORT_KEYS)}",
            f"use one of {', '.join(SORT_KEYS)}",
        )
    needle = query.search.casefold() if query.search else None

    def keep(roadmap: Roadmap, proposal: Proposal) -> bool:
        return (
            (not themes or bool(themes & set(proposal.themes)))
            and (not types or bool(types & set(proposal.types)))
            and (not pairs or roadmap.id in pairs)
            and (
                not organisations
                or bool(organisations & {(roadmap.id, o) for o in organisations_of(roadmap, proposal)})
            )
            and (stage is None or proposal.stage == stage)
            and (query.active_on is None or is_active(proposal, query.active_on))
            and (needle is None or needle in searchable_text(proposal).casefold())
        )

    order = {roadmap.id: index for index, roadmap in enumerate(catalog.roadmaps)}
    found = [p for roadmap in catalog.roadmaps for p in roadmap.proposals if keep(roadmap, p)]
    by_id = sorted(found, key=lambda p: (order[p.pair], p.number))
    if sort == "start":
        return sorted(by_id, key=lambda p: p.start.first_day if p.start else _FAR_FUTURE)
    if sort == "end":
        return sorted(by_id, key=lambda p: p.end.last_day if p.end else _FAR_FUTURE)
    if sort == "title":
        return sorted(by_id, key=lambda p: p.title.casefold())
    return by_id


def is_active(proposal: Proposal, day: date) -> bool:
    """Whether the proposal's planned timeline covers ``day`` (never, without a timeline)."""
    return bool(proposal.start and proposal.end and proposal.start.first_day <= day <= proposal.end.last_day)


def searchable_text(proposal: Proposal) -> str:
    """The words ``--search`` looks in."""
    parts = (proposal.title, proposal.tagline, proposal.vision, proposal.description, *proposal.outcomes)
    return "\n".join(part for part in parts if part)


class Contact(NamedTuple):
    """A person as a contact sheet shows them, with where they appear."""

    person: Person
    roadmap: Roadmap
    pairs: tuple[str, ...]
    proposals: tuple[str, ...]  # qualified ids: belfast-sejong/P5

    @property
    def organisation(self) -> str:
        """The person's organisation's name ('' when not given)."""
        return self.roadmap.organisation_name(self.person.organisation)

    @property
    def side(self) -> str:
        """Which place of the pair the person's organisation stands on."""
        if self.person.organisation is None:
            return ""
        return self.roadmap.place_of(self.roadmap.organisations[self.person.organisation])


def proposal_contacts(catalog: Catalog, proposal: Proposal) -> list[Contact]:
    """The proposal's owners and points of contact, in the roadmap's order."""
    everyone = {contact.person.id: contact for contact in all_contacts(catalog, pairs=(proposal.pair,))}
    return [everyone[person] for person in proposal.contacts]


def all_contacts(catalog: Catalog, organisations: Sequence[str] = (), pairs: Sequence[str] = ()) -> list[Contact]:
    """Everyone in the roadmaps, one row per person (people with one e-mail are one person)."""
    wanted_pairs = {find_pair(catalog, name).id for name in pairs}
    wanted_orgs = _organisation_ids(catalog, organisations) if organisations else None
    merged: dict[str, Contact] = {}
    for roadmap in catalog.roadmaps:
        if wanted_pairs and roadmap.id not in wanted_pairs:
            continue
        for person in roadmap.people.values():
            if wanted_orgs is not None and (roadmap.id, person.organisation) not in wanted_orgs:
                continue
            on = tuple(p.qualified_id for p in roadmap.proposals if person.id in p.contacts)
            key = person.email.casefold() if person.email else f"{roadmap.id}/{person.id}"
            if key in merged:
                first = merged[key]
                merged[key] = Contact(first.person, first.roadmap, (*first.pairs, roadmap.id), first.proposals + on)
            else:
                merged[key] = Contact(person, roadmap, (roadmap.id,), on)
    return sorted(merged.values(), key=lambda contact: (contact.roadmap.id, contact.person.name.casefold()))


class Event(NamedTuple):
    """Something dated in a roadmap: a milestone, a planned start or finish, an expiry."""

    date: FuzzyDate
    title: str
    pair: str
    kind: str  # milestone | proposal-start | proposal-end | agreement-expiry
    proposal: str | None = None
    themes: tuple[str, ...] = ()
    agreement: str | None = None  # the agreement's id, for an expiry


def events(catalog: Catalog, pairs: Sequence[str] = ()) -> list[Event]:
    """Every dated thing in the roadmaps, merged and sorted by date."""
    wanted = {find_pair(catalog, name).id for name in pairs}
    found: list[Event] = []
    for roadmap in catalog.roadmaps:
        if wanted and roadmap.id not in wanted:
            continue
        themes_of = {proposal.id: proposal.themes for proposal in roadmap.proposals}
        for milestone in roadmap.milestones:
            found.append(
                Event(
                    milestone.date,
                    milestone.title,
                    roadmap.id,
                    "milestone",
                    milestone.proposal,
                    themes_of.get(milestone.proposal or "", ()),
                )
            )
        for proposal in roadmap.proposals:
            for when, verb, kind in (
                (proposal.start, "starts", "proposal-start"),
                (proposal.end, "finishes", "proposal-end"),
            ):
                if when:
                    title = f"{proposal.id} {proposal.title} {verb}"
                    found.append(Event(when, title, roadmap.id, kind, proposal.id, proposal.themes))
        for agreement in roadmap.agreements:
            if agreement.valid_until:
                found.append(
                    Event(
                        agreement.valid_until,
                        f"{agreement.title} expires",
                        roadmap.id,
                        "agreement-expiry",
                        None,
                        agreement.themes,
                        agreement.id,
                    )
                )
    return sorted(found, key=lambda event: event.date.sort_key)


def upcoming(found: Iterable[Event], as_of: date, until: date | None = None) -> list[Event]:
    """Events not yet over on ``as_of`` (a fuzzy period still under way counts), up to ``until``."""
    return [
        event for event in found if event.date.last_day >= as_of and (until is None or event.date.first_day <= until)
    ]


def parse_day(text: str) -> date:
    """A ``--as-of`` or ``--active-on`` value: ``YYYY-MM-DD`` or ``today``."""
    text = text.strip()
    if text.casefold() == "today":
        return date.today()
    try:
        if not _DAY.match(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not a date", "write it as YYYY-MM-DD, e.g. 2024-05-01") from None


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


_WINDOW = re.compile(r"([1-9][0-9]{0,3})([dwmy])\Z")


def window_end(as_of: date, text: str) -> date:
    """The last day of a ``--within`` window such as ``90d``, ``6w``, ``6m`` or ``1y``."""
    match = _WINDOW.match(text.strip().lower())
    if not match:
        raise UsageError(f"{text!r} is not a period", "write a number and d, w, m or y: 90d, 6w, 6m, 1y")
    count, unit = int(match[1]), match[2]
    try:
        if unit in "dw":
            return as_of + timedelta(days=count * (7 if unit == "w" else 1))
        months = as_of.month - 1 + count * (12 if unit == "y" else 1)
        year, month = as_of.year + months // 12, months % 12 + 1
        return date(year, month, min(as_of.day, calendar.monthrange(year, month)[1]))
    except (OverflowError, ValueError):
        raise UsageError(
            f"{text!r} from {as_of.isoformat()} runs past the year 9999", "choose a shorter period"
        ) from None
