"""What is dated in the roadmaps: milestones, planned starts and finishes, agreement expiries.

``twins milestones``, ``twins status``, the briefing pack and the calendar export
read the same ``Event``s, so they never disagree on what is coming up; when
nothing is, ``nothing_upcoming_notice`` says so in the same words for each.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from twins_cli.base.dates import FuzzyDate
from twins_cli.base.i18n import _
from twins_cli.base.tuples import NamedTuple
from twins_cli.base.words import did_you_mean
from twins_cli.errors import UsageError
from twins_cli.model.records import Catalog, Proposal
from twins_cli.query.find import selected_roadmaps
from twins_cli.query.progress import finished, started

KINDS = ("milestone", "proposal-start", "proposal-end", "agreement-expiry")


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
    source: str | None = None  # the source file that gives it; None: the roadmap's sources apply
    recorded: bool = False  # the roadmap records whether it happened (a milestone) or that it did (a start, an end)


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
                    source=milestone.source,
                    recorded=milestone.happened is not None,
                )
            )
        for proposal in roadmap.proposals:
            for when, said, kind, recorded in (
                (proposal.start, _("{proposal} starts"), "proposal-start", started(proposal.progress)),
                (proposal.end, _("{proposal} finishes"), "proposal-end", finished(proposal.progress)),
            ):
                if when:
                    title = said.format(proposal=f"{proposal.id} {proposal.title}")
                    found.append(
                        Event(
                            when,
                            title,
                            roadmap.id,
                            kind,
                            proposal.id,
                            proposal.themes,
                            themes_inferred=proposal.inferred_themes,
                            recorded=recorded,
                        )
                    )
        for agreement in roadmap.agreements:
            if agreement.valid_until:
                found.append(
                    Event(
                        agreement.valid_until,
                        _("{agreement} expires").format(agreement=agreement.title),
                        roadmap.id,
                        "agreement-expiry",
                        None,
                        agreement.themes,
                        agreement.id,
                        themes_inferred=agreement.themes_inferred,
                        source=agreement.source,
                    )
                )
    return sorted(found, key=lambda event: event.date.sort_key)


def upcoming(found: Iterable[Event], as_of: date, until: date | None = None) -> list[Event]:
    """Events not yet over on ``as_of`` (a fuzzy period still under way counts), up to ``until``."""
    return between(found, as_of, until)


def between(found: Iterable[Event], first: date | None, last: date | None) -> list[Event]:
    """Events whose dates touch ``first``..``last`` (a fuzzy period counts if any of it does); None: unbounded."""
    return [
        event
        for event in found
        if (first is None or event.date.last_day >= first) and (last is None or event.date.first_day <= last)
    ]


def bounded(
    found: Iterable[Event], as_of: date, first: date | None, last: date | None, *, overdue: bool, every: bool
) -> list[Event]:
    """What ``--from``/``--to``/``--overdue``/``--all`` show: from ``first`` (else ``as_of``, or the
    beginning with ``every`` or ``overdue``) to ``last``; with ``overdue``, only the overdue on ``as_of``."""
    shown = between(found, first if first is not None or every or overdue else as_of, last)
    return [event for event in shown if is_overdue(event, as_of)] if overdue else shown


def of_proposals(found: Iterable[Event], proposals: Iterable[Proposal]) -> list[Event]:
    """The events of these proposals: their planned starts and finishes and the milestones linked to them."""
    wanted = {(proposal.pair, proposal.id) for proposal in proposals}
    return [event for event in found if (event.pair, event.proposal) in wanted]


def is_overdue(event: Event, as_of: date) -> bool:
    """A planned milestone, start or finish wholly before ``as_of`` with nothing recorded (an expiry never is)."""
    return event.kind != "agreement-expiry" and event.date.last_day < as_of and not event.recorded


def of_kinds(found: Iterable[Event], kinds: Sequence[str]) -> list[Event]:
    """The events of any of ``kinds`` (all with none); an unknown kind is a usage error."""
    wanted = {kind.strip().casefold() for kind in kinds}
    for kind in sorted(wanted - set(KINDS)):
        raise UsageError(
            _("unknown kind {kind!r}{suggestion}").format(kind=kind, suggestion=did_you_mean(kind, KINDS)),
            _("use {names}").format(names=", ".join(KINDS)),
        )
    return [event for event in found if not wanted or event.kind in wanted]


def nothing_upcoming_notice(everything: Sequence[Event], day: date, within: str | None) -> tuple[str, list[Event], str]:
    """What to say when nothing falls in the window: the next dates beyond it, else the latest past ones."""
    later = upcoming(everything, day)[:3]
    if within and later:
        return (
            _("Nothing within {period} after {date}. The next:").format(period=within, date=day.isoformat()),
            later,
            _("Widen the window with --within, or leave it out."),
        )
    recent = [event for event in everything if event.date.last_day < day][-3:]
    if recent:
        return (
            _("Nothing upcoming after {date}. The most recent:").format(date=day.isoformat()),
            recent,
            _("See every date with --all, or look from an earlier day with --as-of {date}.").format(
                date=recent[0].date.first_day.isoformat()
            ),
        )
    return _("Nothing upcoming after {date}: these roadmaps have no dates.").format(date=day.isoformat()), [], ""
