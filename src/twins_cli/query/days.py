"""Days and periods as a person types them: ``--as-of 2024-05-01``, ``today``, ``--within 6m``."""

from __future__ import annotations

import re
from datetime import date, timedelta

from twins_cli.base.dates import days_in_month
from twins_cli.base.i18n import _
from twins_cli.errors import UsageError

# Compiled on first use (``re`` keeps them): most queries are given no day and no period.
_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"
_WINDOW = r"([1-9][0-9]{0,3})([dwmy])\Z"


def parse_day(text: str) -> date:
    """A ``--as-of`` or ``--active-on`` value: ``YYYY-MM-DD`` or ``today``."""
    text = text.strip()
    if text.casefold() == "today":
        return date.today()
    try:
        if not re.match(_DAY, text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            _("{text!r} is not a date").format(text=text), _("write it as YYYY-MM-DD, e.g. 2024-05-01")
        ) from None


def window_end(as_of: date, text: str) -> date:
    """The last day of a ``--within`` window such as ``90d``, ``6w``, ``6m`` or ``1y``."""
    match = re.match(_WINDOW, text.strip().lower())
    if not match:
        raise UsageError(
            _("{text!r} is not a period").format(text=text), _("write a number and d, w, m or y: 90d, 6w, 6m, 1y")
        )
    count, unit = int(match[1]), match[2]
    try:
        if unit in "dw":
            return as_of + timedelta(days=count * (7 if unit == "w" else 1))
        months = as_of.month - 1 + count * (12 if unit == "y" else 1)
        year, month = as_of.year + months // 12, months % 12 + 1
        return date(year, month, min(as_of.day, days_in_month(year, month)))
    except (OverflowError, ValueError):
        raise UsageError(
            _("{text!r} from {date} runs past the year 9999").format(text=text, date=as_of.isoformat()),
            _("choose a shorter period"),
        ) from None
