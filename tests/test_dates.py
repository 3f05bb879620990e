"""FuzzyDate: dates as precise as the sources, compared by the span of days they stand for."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twins_cli.base.dates import FuzzyDate, month_label

# text, iso, label, first day, last day
CASES = [
    ("2023-08-07", "2023-08-07", "7 August 2023", date(2023, 8, 7), date(2023, 8, 7)),
    ("2024-04", "2024-04", "April 2024", date(2024, 4, 1), date(2024, 4, 30)),
    ("2024-02", "2024-02", "February 2024", date(2024, 2, 1), date(2024, 2, 29)),
    ("2025", "2025", "2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("Early 2025", "2025", "Early 2025", date(2025, 1, 1), date(2025, 4, 30)),
    ("Mid 2025", "2025", "Mid 2025", date(2025, 5, 1), date(2025, 8, 31)),
    ("Late 2024", "2024", "Late 2024", date(2024, 9, 1), date(2024, 12, 31)),
    ("Q2 2025", "2025", "Q2 2025", date(2025, 4, 1), date(2025, 6, 30)),
    ("H2 2025", "2025", "H2 2025", date(2025, 7, 1), date(2025, 12, 31)),
]


@pytest.mark.parametrize(("text", "iso", "label", "first", "last"), CASES, ids=[case[0] for case in CASES])
def test_parse(text: str, iso: str, label: str, first: date, last: date) -> None:
    parsed = FuzzyDate.parse(text)
    assert parsed.iso == iso
    assert parsed.label == label
    assert str(parsed) == label
    assert parsed.first_day == first
    assert parsed.last_day == last
    assert parsed.sort_key == (first, last)


def test_parse_keeps_the_precision_written() -> None:
    assert FuzzyDate.parse("2023-08-07") == FuzzyDate(2023, 8, 7)
    assert FuzzyDate.parse("2024-04") == FuzzyDate(2024, 4)
    assert FuzzyDate.parse("2025") == FuzzyDate(2025)
    assert FuzzyDate.parse("Early 2025") == FuzzyDate(2025, qualifier="Early")


def test_sorting_by_first_day_then_the_more_precise_first() -> None:
    written = ["H2 2025", "2025", "Mid 2025", "2024-04", "Q2 2025", "Early 2025", "2023-08-07", "2024-04-30"]
    ordered = sorted(written, key=lambda text: FuzzyDate.parse(text).sort_key)
    assert ordered == ["2023-08-07", "2024-04", "2024-04-30", "Early 2025", "2025", "Q2 2025", "Mid 2025", "H2 2025"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-13", "'2024-13' is not a real date: there is no month 13"),
        ("2024-00", "there is no month 0"),
        ("2023-02-30", "'2023-02-30' is not a real date: February 2023 has no day 30"),
        ("2023-02-29", "February 2023 has no day 29"),
        ("2024-04-31", "April 2024 has no day 31"),
        ("0000", "there is no year 0"),
        ("Early 0000", "there is no year 0"),
        ("April 2024", "'April 2024' is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or a period"),
        ("2024-4", "is not a date"),
        ("Q5 2025", "is not a date"),
        ("early 2025", "is not a date"),
        ("24-04", "is not a date"),
        ("", "is not a date"),
    ],
)
def test_parse_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        FuzzyDate.parse(text)
    assert message in str(raised.value)


def test_leap_day_is_a_date() -> None:
    assert FuzzyDate.parse("2024-02-29").label == "29 February 2024"


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_every_real_day_round_trips(day: date) -> None:
    parsed = FuzzyDate.parse(day.isoformat())
    assert parsed.iso == day.isoformat()
    assert parsed.first_day == parsed.last_day == day


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12))
def test_a_month_spans_its_days(year: int, month: int) -> None:
    parsed = FuzzyDate.parse(f"{year:04d}-{month:02d}")
    assert parsed.first_day == date(year, month, 1)
    following = parsed.last_day + timedelta(days=1) if parsed.last_day < date.max else None
    assert following is None or following.day == 1


@pytest.mark.parametrize(
    ("text", "shown"), [(None, "—"), ("2024-03", "Mar 2024"), ("Early 2025", "Early 2025"), ("2025", "2025")]
)
def test_month_label(text: str | None, shown: str) -> None:
    assert month_label(FuzzyDate.parse(text) if text else None) == shown
