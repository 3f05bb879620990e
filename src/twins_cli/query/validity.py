"""How long an agreement holds, in words true on a given day: the one wording of every output.

``twins pairs``, ``twins status`` and the briefing pack all say an agreement's
validity through ``validity``, so they never disagree on whether it has expired.
"""

from __future__ import annotations

from datetime import date, timedelta

from twins_cli.base.dates import FuzzyDate, days_in_month
from twins_cli.base.i18n import _, ngettext
from twins_cli.model.records import Agreement

EXPIRY_NOTICE_DAYS = 90  # an agreement that ends this soon says in how many days


def expiry(agreement: Agreement) -> FuzzyDate | None:
    """The last day an agreement holds: ``valid_until``, else its signing plus ``duration_years``.

    A ``duration_years`` with no signing date, or one that runs past the year 9999, has no known end.
    """
    if agreement.valid_until:
        return agreement.valid_until
    signed, years = agreement.signed, agreement.duration_years
    if signed is None or not years or signed.year + years > 9999:
        return None
    day = signed.day
    if day == 29 and signed.month == 2 and days_in_month(signed.year + years, 2) == 28:
        day = 28
    return signed._replace(year=signed.year + years, day=day)


def validity(agreement: Agreement, as_of: date, soon: date | None = None) -> str:
    """How long an agreement holds, in words true on ``as_of``: the one wording of every output.

    ``expired on 6 August 2025``, ``valid until 6 August 2030``, ``valid until 6 August 2025
    (expires in 20 days)`` when it ends by ``soon`` (default: in 90 days), ``5 years from
    signing (signing date not given)``, or ``validity not given``.
    """
    end = expiry(agreement)
    term = ""
    if not agreement.valid_until and agreement.duration_years:
        years = agreement.duration_years
        if agreement.signed:
            term = ngettext("{count} year from signing on {date}", "{count} years from signing on {date}", years)
        else:
            term = ngettext(
                "{count} year from signing (signing date not given)",
                "{count} years from signing (signing date not given)",
                years,
            )
        term = term.format(count=years, date=agreement.signed.label if agreement.signed else "")
    if end is None:
        return term or _("validity not given")
    if end.last_day < as_of:
        state = (_("expired on {date}") if end.day is not None else _("expired in {date}")).format(date=end.label)
    else:
        state = _("valid until {date}").format(date=end.label)
        if end.first_day <= (soon or as_of + timedelta(days=EXPIRY_NOTICE_DAYS)):
            state += f" ({_count_down((end.last_day - as_of).days, exact=end.day is not None)})"
    return f"{term}: {state}" if term else state


def _count_down(days: int, *, exact: bool) -> str:
    """``expires in 20 days``; ``within`` when the date is a month or a period, whose last day is counted."""
    if days == 0:
        return _("expires today")
    if exact:
        return ngettext("expires in {count} day", "expires in {count} days", days).format(count=days)
    return ngettext("expires within {count} day", "expires within {count} days", days).format(count=days)
