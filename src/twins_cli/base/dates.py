"""Dates as precise as the sources: a day, a month, a year or a qualified period.

A roadmap says "April 2024" or "Early 2025"; writing 2025-01-01 for the latter
would invent precision. ``FuzzyDate`` keeps what was written, shows it as
written, and still sorts and compares by the span of days it stands for.

The order is total and explicit: by first day, then by last day (the more
precise first), so a day, a month, a year and a period such as "Early 2025"
compare without ever raising. No two dates that ``parse`` can make stand for
the same span (a quarter is three months, a third of a year four), so the
order agrees with ``==``, which compares what was written.
"""

import re
from datetime import date
from functools import lru_cache

from twins_cli.base.i18n import N_, _, language
from twins_cli.base.tuples import NamedTuple

# English names, whatever the locale (``calendar`` follows LC_TIME); ``_`` gives the reader's word for them.
_MONTH_NAMES = (
    "",
    *(
        N_("January"),
        N_("February"),
        N_("March"),
        N_("April"),
        N_("May"),
        N_("June"),
        N_("July"),
        N_("August"),
        N_("September"),
        N_("October"),
        N_("November"),
        N_("December"),
    ),
)
_MONTH_ABBREVIATIONS = (
    "",
    *(
        N_("Jan"),
        N_("Feb"),
        N_("Mar"),
        N_("Apr"),
        N_("May"),
        N_("Jun"),
        N_("Jul"),
        N_("Aug"),
        N_("Sep"),
        N_("Oct"),
        N_("Nov"),
        N_("Dec"),
    ),
)
# How each qualified period reads, as a pattern of its year: ``Early 2025``, ``2025년 초``.
_PERIOD_LABELS = {
    "Early": N_("Early {year}"),
    "Mid": N_("Mid {year}"),
    "Late": N_("Late {year}"),
    "Q1": N_("Q1 {year}"),
    "Q2": N_("Q2 {year}"),
    "Q3": N_("Q3 {year}"),
    "Q4": N_("Q4 {year}"),
    "H1": N_("H1 {year}"),
    "H2": N_("H2 {year}"),
}
# First and last month of each qualified period. Early/Mid/Late split a year in thirds.
_PERIOD_MONTHS = {
    "Early": (1, 4),
    "Mid": (5, 8),
    "Late": (9, 12),
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "H1": (1, 6),
    "H2": (7, 12),
}


def date_parts(text: str) -> tuple[int, int | None, int | None, str | None] | None:
    """The year, month, day and period of a date as stored (``2025-03-14``, ``2025-03``, ``2025``, ``Early 2025``).

    None for any other text, as the schema's pattern says: ASCII digits, nothing around it.
    Read with string methods: a regular expression cost every query 0.15 ms to compile.
    """
    period, space, year = text.rpartition(" ")
    if space:
        return (int(year), None, None, period) if period in _PERIOD_MONTHS and _digits(year, 4) else None
    if not _digits(text[:4], 4) or len(text) not in (4, 7, 10):
        return None
    month = day = None
    if len(text) > 4:
        if text[4] != "-" or not _digits(text[5:7], 2):
            return None
        month = int(text[5:7])
    if len(text) > 7:
        if text[7] != "-" or not _digits(text[8:], 2):
            return None
        day = int(text[8:])
    return int(text[:4]), month, day, None


def _digits(text: str, count: int) -> bool:
    return len(text) == count and not text.strip("0123456789")


def is_date_shaped(text: str) -> bool:
    """Whether ``text`` has the form of a date (it may still be unreal: 2024-13)."""
    return date_parts(text.strip()) is not None


class FuzzyDate(NamedTuple):
    """A date with honest precision. Build it with ``FuzzyDate.parse`` (or from a real day).

    A NamedTuple for cheap creation, but not a tuple to compare: it equals only
    a ``FuzzyDate`` written the same way, and orders by ``sort_key``.
    """

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: str | None = None

    @classmethod
    def parse(cls, text: str) -> "FuzzyDate":
        """Parse ``2023-08-07``, ``2024-04``, ``2025`` or ``Early 2025``; ``ValueError`` says what is wrong."""
        parts = date_parts(text.strip())
        if parts is None:
            raise ValueError(
                _("{text!r} is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or a period such as 'Early 2025'").format(
                    text=text
                )
            )
        year, month, day, qualifier = parts
        if year == 0:  # the pattern allows 0000, which no calendar (nor datetime.date) has
            raise ValueError(_("{text!r} is not a real date: there is no year 0").format(text=text))
        if qualifier:
            return cls(year, qualifier=qualifier)
        if month is not None and not 1 <= month <= 12:
            raise ValueError(_("{text!r} is not a real date: there is no month {month}").format(text=text, month=month))
        if day is not None:
            assert month is not None
            try:
                date(year, month, day)
            except ValueError:
                raise ValueError(
                    _("{text!r} is not a real date: {month} {year} has no day {day}").format(
                        text=text, month=_(_MONTH_NAMES[month]), year=year, day=day
                    )
                ) from None
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        """The ISO 8601 prefix that is true: ``2025-08-06``, ``2024-06`` or ``2025``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def label(self) -> str:
        """As a person writes it in the reader's language: ``7 August 2023``, ``April 2024``, ``2025``, ``Early 2025``.

        In Korean: ``2023년 8월 7일``, ``2024년 4월``, ``2025년``, ``2025년 초``. The year has its four
        digits, as in the file: ``January 0001`` is no day of January.
        """
        year = f"{self.year:04d}"
        if self.qualifier:
            return _(_PERIOD_LABELS[self.qualifier]).format(year=year)
        if self.month is None:
            return _("{year}").format(year=year)
        month = _(_MONTH_NAMES[self.month])
        if self.day is None:
            return _("{month} {year}").format(month=month, year=year)
        return _("{day} {month} {year}").format(day=self.day, month=month, year=year)

    @property
    def written(self) -> str:
        """As a roadmap file writes it, in any language: ``2025-06``, ``Early 2025``."""
        return f"{self.qualifier} {self.year:04d}" if self.qualifier else self.iso

    @property
    def first_day(self) -> date:
        """The first day the date may stand for."""
        if self.qualifier:
            return date(self.year, _PERIOD_MONTHS[self.qualifier][0], 1)
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        """The last day the date may stand for."""
        if self.day is not None:
            return self.first_day
        last_month = _PERIOD_MONTHS[self.qualifier][1] if self.qualifier else self.month or 12
        return date(self.year, last_month, days_in_month(self.year, last_month))

    @property
    def sort_key(self) -> tuple[date, date]:
        """The order: by first day, then the more precise first (2025-01-01, January 2025, Q1 2025, 2025)."""
        return (self.first_day, self.last_day)

    @property
    def stored(self) -> str:
        """As a roadmap file stores it: ``2025-08-06``, ``2024-06``, ``2025`` or ``Early 2025``."""
        return self.label if self.qualifier else self.iso

    def __str__(self) -> str:
        return self.label

    # Tuple comparison would compare month None with month 4 and raise TypeError; a plain tuple is no date.
    def __eq__(self, other: object) -> bool:
        return isinstance(other, FuzzyDate) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return tuple.__hash__(self)

    def __lt__(self, other: object) -> bool:
        return self.sort_key < _comparable(other, "<").sort_key

    def __le__(self, other: object) -> bool:
        return self.sort_key <= _comparable(other, "<=").sort_key

    def __gt__(self, other: object) -> bool:
        return self.sort_key > _comparable(other, ">").sort_key

    def __ge__(self, other: object) -> bool:
        return self.sort_key >= _comparable(other, ">=").sort_key


def days_in_month(year: int, month: int) -> int:
    """28 to 31, as ``calendar.monthrange`` says; ``calendar`` itself costs every query's start a third of a ms."""
    if month == 12:  # December has 31 days, and the year 9999 no next month
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def _comparable(other: object, operator: str) -> FuzzyDate:
    """``other`` if it is a FuzzyDate; raised rather than NotImplemented, which would let tuple compare them."""
    if isinstance(other, FuzzyDate):
        return other
    raise TypeError(f"'{operator}' not supported between a FuzzyDate and {type(other).__name__!r}")


def month_label(month: FuzzyDate | None) -> str:
    """A timeline end as a table shows it: ``Mar 2024`` (``2024년 3월``), or ``—`` when not given."""
    return "—" if month is None else _month_label(month, language())


@lru_cache(maxsize=4096)
def _month_label(month: FuzzyDate, reader_language: str) -> str:
    """``month_label`` once per date and language: a long listing shows the same few months thousands of times."""
    if month.month is None or month.qualifier:
        return month.label
    return _("{month} {year}").format(month=_(_MONTH_ABBREVIATIONS[month.month]), year=f"{month.year:04d}")


# "3 March 2025", "March 2025", "Mar 2025", "3 Mar 2025": a month by its English name or abbreviation.
_MONTH_NUMBERS = {
    **{name.casefold(): number for number, name in enumerate(_MONTH_NAMES) if name},
    **{name.casefold(): number for number, name in enumerate(_MONTH_ABBREVIATIONS) if name},
    "sept": 9,
}
# Compiled on first use (``re`` keeps them): only an edit reads a date as a person types it.
_HUMAN = r"(?:(?P<day>[0-9]{1,2})\s+)?(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>[0-9]{4})\Z"
_QUALIFIED = r"(?i)(?P<qualifier>early|mid|late|q[1-4]|h[12])\s+(?P<year>[0-9]{4})\Z"


def parse_human(text: str) -> FuzzyDate:
    """A date as a person types it, exactly as precise as typed; ``ValueError`` says what is wrong.

    Takes the stored forms (``2025-03-03``, ``2025-03``, ``2025``, ``Early 2025``) and the ways people
    write them: ``3 March 2025``, ``March 2025``, ``Mar 2025``, ``early 2025``, ``q2 2025``. A day is never
    made up for a month, nor a month for a year: ``March 2025`` is stored as ``2025-03``.
    """
    written = " ".join(text.split())
    qualified = re.match(_QUALIFIED, written)
    human = re.match(_HUMAN, written)
    if qualified:
        qualifier = qualified["qualifier"]
        written = f"{qualifier.capitalize() if len(qualifier) > 2 else qualifier.upper()} {qualified['year']}"
    elif human:
        month = _MONTH_NUMBERS.get(human["month"].casefold())
        if month is None:
            raise ValueError(f"{text!r} is not a date: {human['month']!r} is not the name of a month")
        written = f"{human['year']}-{month:02d}" + (f"-{int(human['day']):02d}" if human["day"] else "")
    try:
        return FuzzyDate.parse(written)
    except ValueError as error:  # said of the text as typed, not of the form it was read as
        raise ValueError(str(error).replace(repr(written), repr(text), 1)) from None
