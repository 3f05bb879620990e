"""What needs attention in the roadmaps on a given day: drift, expiries, staleness, fragile contacts.

A roadmap is written once and then has to be kept true. Each check here is a
small function in ``CHECKS`` that reads one roadmap and yields ``Finding``s;
``twins status`` runs them all, one roadmap at a time, and ``formats.attention``
shows them as one table per roadmap or as JSON.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from twins_cli.base.dates import FuzzyDate
from twins_cli.base.i18n import _
from twins_cli.base.vocabulary import word
from twins_cli.errors import UsageError
from twins_cli.model.records import Catalog, Roadmap
from twins_cli.query.days import window_end
from twins_cli.query.events import events, upcoming
from twins_cli.query.find import selected_roadmaps
from twins_cli.query.progress import overdue
from twins_cli.query.validity import expiry, validity


@dataclass(frozen=True)
class Options:
    """The thresholds of ``twins status``."""

    as_of: date
    stale_after: str = "12m"  # a roadmap not reviewed for longer is stale
    expiring_within: str = "90d"  # an agreement expiring this soon needs attention
    max_proposals_per_contact: int = 4  # one person on this many proposals is a single point of failure

    def __post_init__(self) -> None:
        for period in (self.stale_after, self.expiring_within):
            window_end(self.as_of, period)  # a malformed period is a UsageError now, not later
        if self.max_proposals_per_contact < 2:
            raise UsageError(
                _("--max-proposals-per-contact must be at least 2, not {count}").format(
                    count=self.max_proposals_per_contact
                ),
                _("one proposal per person is never a single point of failure"),
            )


@dataclass(frozen=True)
class Finding:
    """One thing in a roadmap that needs attention."""

    pair: str
    check: str
    message: str
    subject: str | None = None  # proposal id, agreement id, person id or milestone title
    date: FuzzyDate | None = None  # the date at issue, as the roadmap gives it


@dataclass(frozen=True)
class AttentionContext:
    """What a check reads: the roadmap, the rest of the catalog, and the options."""

    catalog: Catalog
    roadmap: Roadmap
    options: Options

    @property
    def as_of(self) -> date:
        """The day taken as today."""
        return self.options.as_of


def _exact_day(day: date) -> FuzzyDate:
    """A day known to the day, as a roadmap's dates are compared."""
    return FuzzyDate(day.year, day.month, day.day)


def finish_passed(ctx: AttentionContext) -> Iterator[Finding]:
    """Proposals whose planned finish has passed with no recorded completion."""
    for proposal in ctx.roadmap.proposals:
        if proposal.end and overdue(proposal, ctx.as_of) == "finish":
            progress = proposal.progress
            recorded = (
                _("last recorded as {status} on {date}").format(
                    status=word(progress.status), date=progress.as_of.isoformat()
                )
                if progress
                else _("no progress recorded")
            )
            yield Finding(
                ctx.roadmap.id,
                "finish-passed",
                _("{proposal}: planned to finish {date}; {recorded}").format(
                    proposal=f"{proposal.id} {proposal.title}", date=proposal.end.label, recorded=recorded
                ),
                proposal.id,
                proposal.end,
            )


def start_passed(ctx: AttentionContext) -> Iterator[Finding]:
    """Proposals whose planned start has passed with no recorded start (and whose finish has not)."""
    for proposal in ctx.roadmap.proposals:
        if proposal.start and overdue(proposal, ctx.as_of) == "start":
            yield Finding(
                ctx.roadmap.id,
                "start-passed",
                _("{proposal}: planned to start {date}; no start recorded").format(
                    proposal=f"{proposal.id} {proposal.title}", date=proposal.start.label
                ),
                proposal.id,
                proposal.start,
            )


def agreement_expiry(ctx: AttentionContext) -> Iterator[Finding]:
    """Agreements that have expired, or expire within ``--expiring-within``."""
    horizon = window_end(ctx.as_of, ctx.options.expiring_within)
    for agreement in ctx.roadmap.agreements:
        until = expiry(agreement)
        if until is None or until.first_day > horizon:
            continue
        message = _("{agreement}: {validity}; renew it or record that it ended").format(
            agreement=agreement.title, validity=validity(agreement, ctx.as_of, horizon)
        )
        yield Finding(ctx.roadmap.id, "agreement-expiry", message, agreement.id, until)


def milestone_unrecorded(ctx: AttentionContext) -> Iterator[Finding]:
    """Milestones whose date has passed with no record of whether they happened."""
    for milestone in ctx.roadmap.milestones:
        if milestone.happened is None and milestone.date.last_day < ctx.as_of:
            yield Finding(
                ctx.roadmap.id,
                "milestone-unrecorded",
                _("{milestone}: no record of whether it happened").format(milestone=milestone.title),
                milestone.title,
                milestone.date,
            )


def no_date_ahead(ctx: AttentionContext) -> Iterator[Finding]:
    """Roadmaps with no date ahead at all: no milestone, planned start or finish, nor expiry."""
    dated = events(ctx.catalog, (ctx.roadmap.id,))
    if upcoming(dated, ctx.as_of):
        return
    if dated:
        last = dated[-1].date
        yield Finding(
            ctx.roadmap.id,
            "nothing-upcoming",
            _("nothing planned after {day}; the last date is {date} ({title})").format(
                day=ctx.as_of.isoformat(), date=last.label, title=dated[-1].title
            ),
            None,
            last,
        )
    else:
        yield Finding(ctx.roadmap.id, "nothing-upcoming", _("no dates at all: no milestone, timeline or expiry"))


def last_reviewed(roadmap: Roadmap) -> tuple[FuzzyDate, str] | None:
    """How recent a roadmap's data is, and by what: ``updated`` (the day it was last reviewed), else the
    newest of ``published`` and its sources' dates (a source by its file name); None if none is given."""
    if roadmap.updated:
        return _exact_day(roadmap.updated), "updated"
    dated = [(roadmap.published, "published")] + [(source.date, source.file) for source in roadmap.sources]
    known = [(when, what) for when, what in dated if when]
    return max(known, key=lambda found: found[0].last_day) if known else None


def stale(ctx: AttentionContext) -> Iterator[Finding]:
    """Roadmaps not reviewed for longer than ``--stale-after``: by ``updated``, else the newest dated source."""
    roadmap, period = ctx.roadmap, ctx.options.stale_after
    found = last_reviewed(roadmap)
    if found is None:
        message = _("no updated date, and no published or source date: when was it last reviewed?")
        yield Finding(roadmap.id, "stale", message)
        return
    reviewed, what = found
    if what == "updated":
        basis = _("last reviewed (updated)")
    else:
        told = _("published") if what == "published" else _("newest dated source {file}").format(file=what)
        basis = _("no updated date; {basis}").format(basis=told)
    if window_end(reviewed.last_day, period) < ctx.as_of:
        message = _("{basis}: {date}, more than {period} before {day}").format(
            basis=basis, date=reviewed.label, period=period, day=ctx.as_of.isoformat()
        )
        yield Finding(roadmap.id, "stale", message, None, reviewed)


def shared_contact(ctx: AttentionContext) -> Iterator[Finding]:
    """People who are the contact for many proposals: a single point of failure."""
    roadmap, most = ctx.roadmap, ctx.options.max_proposals_per_contact
    on = Counter(person for proposal in roadmap.proposals for person in proposal.contacts)
    for person_id, count in on.items():
        if count >= most:
            person = roadmap.people[person_id]
            where = f" ({roadmap.organisation_name(person.organisation)})" if person.organisation else ""
            ids = ", ".join(p.id for p in roadmap.proposals if person_id in p.contacts)
            yield Finding(
                roadmap.id,
                "shared-contact",
                _("{person} is the contact for {count} proposals ({ids}): a single point of failure").format(
                    person=f"{person.full_name}{where}", count=count, ids=ids
                ),
                person_id,
            )


def one_sided_contacts(ctx: AttentionContext) -> Iterator[Finding]:
    """Proposals with no contact on one side of the pair (sides by the contacts' organisations' country)."""
    roadmap = ctx.roadmap
    for proposal in roadmap.proposals:
        countries = {
            roadmap.organisations[organisation].country
            for organisation in (roadmap.people[person].organisation for person in proposal.contacts)
            if organisation
        }
        missing = [place.name for place in roadmap.places if place.country not in countries]
        if not missing:
            continue
        if len(missing) == 1:
            said = _("{proposal}: no contact on the {place} side").format(
                proposal=f"{proposal.id} {proposal.title}", place=missing[0]
            )
        else:
            said = _("{proposal}: no contact on either side").format(proposal=f"{proposal.id} {proposal.title}")
        yield Finding(roadmap.id, "one-sided-contacts", said, proposal.id)


Check = Callable[[AttentionContext], Iterator[Finding]]
# In order of urgency, most urgent first: a lapsed agreement, then work that is late (to finish,
# to start), then dates gone unrecorded or none ahead, then upkeep of the roadmap and its contacts.
CHECKS: dict[str, Check] = {
    "agreement-expiry": agreement_expiry,
    "finish-passed": finish_passed,
    "start-passed": start_passed,
    "milestone-unrecorded": milestone_unrecorded,
    "nothing-upcoming": no_date_ahead,
    "stale": stale,
    "one-sided-contacts": one_sided_contacts,
    "shared-contact": shared_contact,
}
URGENCY = {name: rank for rank, name in enumerate(CHECKS)}


def by_urgency(finding: Finding) -> tuple[int, date, date, str]:
    """The order of ``twins status``: by the check's urgency, then the earliest date (undated last), then pair."""
    first, last = finding.date.sort_key if finding.date else (date.max, date.max)
    return URGENCY[finding.check], first, last, finding.pair


@dataclass(frozen=True)
class StatusReport:
    """The roadmaps checked and what needs attention in each."""

    as_of: date
    roadmaps: tuple[Roadmap, ...]
    findings: tuple[Finding, ...]

    @property
    def needs_attention(self) -> bool:
        """True when anything was found (``--strict`` then exits 1)."""
        return bool(self.findings)


def check_status(catalog: Catalog, options: Options, pairs: Sequence[str] = ()) -> StatusReport:
    """Run every check on the roadmaps (those of ``pairs`` only, when given); findings most urgent first."""
    roadmaps = selected_roadmaps(catalog, pairs)
    found = [
        finding
        for roadmap in roadmaps
        for check in CHECKS.values()
        for finding in check(AttentionContext(catalog, roadmap, options))
    ]
    findings = tuple(sorted(found, key=by_urgency))  # stable: ties keep the roadmap's own order
    return StatusReport(options.as_of, roadmaps, findings)
