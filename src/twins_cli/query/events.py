"""What is dated in the roadmaps: milestones, planned starts and finishes, agreement expiries.

``twins milestones``, ``twins status``, the briefing pack and the calendar export
read the same ``Event``s, so they never disagree on what is coming up; when
nothing is, ``nothing_upcoming_notice`` says so in the same words for each.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from twins_cli.base.dates import FuzzyDate
from twins_cli.model.records import Catalog
from twins_cli.query.find import selected_roadmaps


class Event(NamedTuple):
    """Something dated in a roadmap: a milestone, a planned start or finish, an expiry."""

    date: FuzzyDate
    title: str
    pair: str
    kind: str  # milestone | proposal-start | proposal-end | agreement-expiry
    proposal: str | None = None
    themes: tuple[str, ...] = ()
    agreement: str | None = None  # the agreement's id, for an expiry
    proposal_inferred: bool = False  # the roadmap infers the milestone's link to ``proposal``
    themes_inferred: frozenset[str] = frozenset()  # which of ``themes`` are inferred
    inference_reason: str | None = None  # why the link to the proposal is inferred


def events(catalog: Catalog, pairs: Sequence[str] = ()) -> list[Event]:
    """Every dated thing in the roadmaps, merged and sorted by date."""
    found: list[Event] = []
    for roadmap in selected_roadmaps(catalog, pairs):
        by_id = {proposal.id: proposal for proposal in roadmap.proposals}
        for milestone in roadmap.milestones:
            linked = by_id.get(milestone.proposal or "")
            found.append(
                Event(
                    milestone.date,
                    milestone.title,
                    roadmap.id,
                    "milestone",
                    milestone.proposal,
                    linked.themes if linked else (),
                    proposal_inferred=milestone.proposal_inferred,
                    themes_inferred=linked.inferred_themes if linked else frozenset(),
                    inference_reason=milestone.inference_reason,
                )
            )
        for proposal in roadmap.proposals:
            for when, verb, kind in (
                (proposal.start, "starts", "proposal-start"),
                (proposal.end, "finishes", "proposal-end"),
            ):
                if when:
                    title = f"{proposal.id} {proposal.title} {verb}"
                    found.append(
                        Event(
                            when,
                            title,
                            roadmap.id,
                            kind,
                            proposal.id,
                            proposal.themes,
                            themes_inferred=proposal.inferred_themes,
                        )
                    )
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
                        themes_inferred=agreement.themes_inferred,
                    )
                )
    return sorted(found, key=lambda event: event.date.sort_key)


def upcoming(found: Iterable[Event], as_of: date, until: date | None = None) -> list[Event]:
    """Events not yet over on ``as_of`` (a fuzzy period still under way counts), up to ``until``."""
    return [
        event for event in found if event.date.last_day >= as_of and (until is None or event.date.first_day <= until)
    ]


def nothing_upcoming_notice(everything: Sequence[Event], day: date, within: str | None) -> tuple[str, list[Event], str]:
    """What to say when nothing falls in the window: the next dates beyond it, else the latest past ones."""
    later = upcoming(everything, day)[:3]
    if within and later:
        return (
            f"Nothing within {within} after {day.isoformat()}. The next:",
            later,
            "Widen the window with --within, or leave it out.",
        )
    recent = [event for event in everything if event.date.last_day < day][-3:]
    if recent:
        return (
            f"Nothing upcoming after {day.isoformat()}. The most recent:",
            recent,
            "See every date with --all, or look from an earlier day with --as-of "
            f"{recent[0].date.first_day.isoformat()}.",
        )
    return f"Nothing upcoming after {day.isoformat()}: these roadmaps have no dates.", [], ""
