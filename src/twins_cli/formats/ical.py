"""Roadmap dates as an iCalendar file (RFC 5545) that calendar programs import.

Written with the ``icalendar`` library rather than by hand: line folding,
escaping and the date value types are easy to get subtly wrong.

Each event is all-day (``DTSTART;VALUE=DATE``, ``DTEND`` the day after the
last, as RFC 5545 wants, or ``DURATION`` in days for an event that ends on the
last day a date can have, 31 December 9999) and transparent, so a four-month "Early 2025" does not
show anyone as busy. A date is never made more precise than the roadmap: "Early
2025" spans January to April, "June 2024" the whole month, and the label as
written stays in the summary and in ``X-TWINS-DATE-LABEL``.

A ``UID`` is built from what the item is, never from its date: the pair, the
kind, and the proposal, the agreement id or the milestone's title. So when a
roadmap moves a milestone, importing the file again moves the event instead of
adding a second one. The right-hand side is ``identity.UID_DOMAIN``, shared
with the vCards.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone

from twins_cli.base.dates import FuzzyDate
from twins_cli.base.i18n import _
from twins_cli.base.vocabulary import word
from twins_cli.formats.identity import UID_DOMAIN
from twins_cli.formats.inference import AGREEMENT_THEMES_LEGEND, LINK_LEGEND, THEMES_LEGEND, Marks
from twins_cli.model.records import Catalog
from twins_cli.query.events import Event

PRODID = "-//twins//Innovation Twins roadmaps//EN"
CALENDAR_NAME = "Innovation Twins roadmaps"
_NOT_WORD = re.compile(r"[\W_]+")


def slug(text: str) -> str:
    """``sejong-sme-mission-to-belfast``: a title as a UID part (letters of any script are kept)."""
    return _NOT_WORD.sub("-", text.casefold()).strip("-") or "untitled"


def event_key(event: Event) -> str:
    """What the event is, without its date: ``belfast-sejong/proposal/P5/finish``."""
    if event.kind == "milestone":
        return f"{event.pair}/milestone/{slug(event.title)}"
    if event.kind == "agreement-expiry":
        return f"{event.pair}/agreement/{event.agreement}/expiry"
    step = {"proposal-start": "start", "proposal-end": "finish"}[event.kind]
    return f"{event.pair}/proposal/{event.proposal}/{step}"


def uids(found: Sequence[Event]) -> list[str]:
    """One UID per event; a second milestone with the same title in a pair gets ``-2``, and so on."""
    seen: dict[str, int] = {}
    result = []
    for event in found:
        key = event_key(event)
        seen[key] = seen.get(key, 0) + 1
        result.append(f"{key}{'' if seen[key] == 1 else f'-{seen[key]}'}@{UID_DOMAIN}")
    return result


def stamp_for(as_of: date) -> datetime:
    """``DTSTAMP``: now, or midnight UTC of an ``--as-of`` day (so that a run for a given day is reproducible)."""
    if as_of == date.today():
        return datetime.now(timezone.utc).replace(microsecond=0)
    return datetime.combine(as_of, time(0), tzinfo=timezone.utc)


def _day_label(day: date) -> str:
    return FuzzyDate(day.year, day.month, day.day).label


def _description(catalog: Catalog, event: Event) -> str:
    """What a calendar shows of the event; an inferred link or theme is marked, the legend and reason follow."""
    roadmap = catalog.roadmap(event.pair)
    marks = Marks()
    lines = [_("Pair: {pair}").format(pair=f"{roadmap.name} ({roadmap.id})")]
    if event.proposal:
        titles = {proposal.id: proposal.title for proposal in roadmap.proposals}
        linked = marks.mark(event.proposal, event.proposal_inferred, LINK_LEGEND, event.inference_reason)
        lines.append(_("Proposal: {proposal}").format(proposal=f"{linked} {titles.get(event.proposal, '')}".rstrip()))
    if event.agreement:
        titles = {agreement.id: agreement.title for agreement in roadmap.agreements}
        lines.append(_("Agreement: {title}").format(title=titles[event.agreement]))
    lines.append(_("Kind: {kind}").format(kind=word(event.kind)))
    if event.themes:
        legend = AGREEMENT_THEMES_LEGEND if event.agreement else THEMES_LEGEND
        themes = marks.each(event.themes, event.themes_inferred, legend)
        lines.append(_("Themes: {names}").format(names=", ".join(themes)))
    first, last = event.date.first_day, event.date.last_day
    if first == last:
        lines.append(_("Date: {date}").format(date=event.date.label))
    else:
        lines.append(
            _("Date as the roadmap gives it: {date} (shown as {first} to {last})").format(
                date=event.date.label, first=_day_label(first), last=_day_label(last)
            )
        )
    return "\n".join([*lines, *marks.legend, *marks.reasons])


def to_ics(catalog: Catalog, found: Sequence[Event], stamp: datetime) -> str:
    """An iCalendar file with one all-day event per dated item (CRLF line ends, as RFC 5545 requires)."""
    from icalendar import Calendar
    from icalendar import Event as VEvent

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for event, uid in zip(found, uids(found), strict=True):
        item = VEvent()
        item.add("uid", uid)
        item.add("dtstamp", stamp)
        item.add("dtstart", event.date.first_day)
        if event.date.last_day < date.max:
            item.add("dtend", event.date.last_day + timedelta(days=1))
        else:  # 31 December 9999 has no day after it to end on: say how long the event is instead
            item.add("duration", event.date.last_day - event.date.first_day + timedelta(days=1))
        exact = event.date.first_day == event.date.last_day
        summary = event.title if exact else f"{event.title} ({event.date.label})"
        if event.proposal_inferred:
            summary += f" (link to {event.proposal} inferred)"
        item.add("summary", summary)
        item.add("description", _description(catalog, event))
        if event.themes:
            item.add("categories", list(event.themes))
        item.add("transp", "TRANSPARENT")
        item.add("x-twins-date-label", event.date.label)
        calendar.add_component(item)
    serialised: bytes = calendar.to_ical()
    return serialised.decode("utf-8")
