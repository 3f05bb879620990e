"""FuzzyDate: dates as precise as the sources, compared by the span of days they stand for."""

from __future__ import annotations

import calendar
import itertools
import operator
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twins_cli.base.dates import FuzzyDate, days_in_month, month_label, parse_human

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


def test_dates_of_any_precision_sort_as_their_sort_key() -> None:
    written = ["H2 2025", "2025", "Mid 2025", "2024-04", "Q2 2025", "Early 2025", "2023-08-07", "2024-04-30", "2024"]
    dates = [FuzzyDate.parse(text) for text in written]
    assert [str(day) for day in sorted(dates)] == [
        "7 August 2023",
        "2024",
        "April 2024",
        "30 April 2024",
        "Early 2025",
        "2025",
        "Q2 2025",
        "Mid 2025",
        "H2 2025",
    ]
    assert FuzzyDate.parse("2024-04") < FuzzyDate.parse("2024-04-30") < FuzzyDate.parse("Early 2025")
    assert FuzzyDate.parse("Q1 2025") < FuzzyDate.parse("Early 2025") < FuzzyDate.parse("H1 2025")
    assert max(FuzzyDate.parse("2025"), FuzzyDate.parse("2025-12-31")) == FuzzyDate.parse("2025-12-31")


def test_a_date_is_not_a_tuple_to_compare() -> None:
    april = FuzzyDate.parse("2024-04")
    assert april != (2024, 4, None, None)
    assert april == FuzzyDate(2024, 4)
    assert hash(april) == hash(FuzzyDate(2024, 4))
    for compare in (operator.lt, operator.le, operator.gt, operator.ge):
        with pytest.raises(TypeError):
            compare(april, date(2024, 4, 1))
        with pytest.raises(TypeError):
            compare(april, (2024, 4))


_QUALIFIERS = ("Early", "Mid", "Late", "Q1", "Q2", "Q3", "Q4", "H1", "H2")
# Years close together, so that spans of every precision overlap and start on the same days.
_YEARS = st.one_of(st.integers(min_value=2023, max_value=2025), st.integers(min_value=1, max_value=9999))
fuzzy_dates = st.one_of(
    st.dates(min_value=date(2023, 1, 1), max_value=date(2025, 12, 31)).map(date.isoformat),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.builds(lambda year, month: f"{year:04d}-{month:02d}", _YEARS, st.integers(min_value=1, max_value=12)),
    _YEARS.map(lambda year: f"{year:04d}"),
    st.builds(lambda qualifier, year: f"{qualifier} {year:04d}", st.sampled_from(_QUALIFIERS), _YEARS),
).map(FuzzyDate.parse)


@given(st.lists(fuzzy_dates, max_size=30))
def test_sorting_any_dates_never_raises_and_orders_them(dates: list[FuzzyDate]) -> None:
    ordered = sorted(dates)
    assert all(earlier <= later for earlier, later in itertools.pairwise(ordered))
    assert [day.sort_key for day in ordered] == sorted(day.sort_key for day in dates)


@given(fuzzy_dates, fuzzy_dates)
def test_the_order_is_total_and_agrees_with_equality(first: FuzzyDate, second: FuzzyDate) -> None:
    assert [first < second, first == second, first > second].count(True) == 1
    assert (first <= second and second <= first) == (first == second)
    assert (first < second) == (second > first) == (first.sort_key < second.sort_key)
    assert (first <= second) == (not first > second)
    assert (first != second) is not (first == second)
    if first == second:
        assert hash(first) == hash(second) and first.label == second.label


@given(fuzzy_dates, fuzzy_dates, fuzzy_dates)
def test_the_order_is_transitive(first: FuzzyDate, second: FuzzyDate, third: FuzzyDate) -> None:
    if first <= second <= third:
        assert first <= third
    if first < second <= third or first <= second < third:
        assert first < third


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


# --- dates as a person types them --------------------------------------------------------------

HUMAN = [
    ("3 March 2025", "2025-03-03"),
    ("03 Mar 2025", "2025-03-03"),
    ("3 Sept 2025", "2025-09-03"),
    ("March 2025", "2025-03"),
    ("mar 2025", "2025-03"),
    ("2025-03", "2025-03"),
    ("2025-03-03", "2025-03-03"),
    ("2025", "2025"),
    ("Early 2025", "Early 2025"),
    ("early  2025", "Early 2025"),
    ("mid 2025", "Mid 2025"),
    ("Q2 2025", "Q2 2025"),
    ("q2 2025", "Q2 2025"),
    ("h1 2025", "H1 2025"),
]


@pytest.mark.parametrize(("typed", "stored"), HUMAN, ids=[typed for typed, _ in HUMAN])
def test_parse_human_stores_exactly_the_precision_typed(typed: str, stored: str) -> None:
    parsed = parse_human(typed)
    assert parsed.stored == stored
    assert parsed == FuzzyDate.parse(stored)


@pytest.mark.parametrize("typed", ["30 February 2025", "Foo 2025", "2025-3", "March", "Spring 2025", "", "2025-13"])
def test_parse_human_refuses_what_is_no_date_naming_it_as_typed(typed: str) -> None:
    with pytest.raises(ValueError, match=repr(typed)[1:-1] or "is not a date"):
        parse_human(typed)


@given(st.dates(min_value=date(1, 1, 1)))
def test_a_day_written_out_is_that_day(day: date) -> None:
    assert parse_human(f"{day.day} {day:%B} {day.year:04d}").stored == day.isoformat()


def test_days_in_month_is_what_calendar_says_for_every_month_of_every_year() -> None:
    every = [(year, month) for year in range(1, 10000) for month in range(1, 13)]
    assert [days_in_month(*month) for month in every] == [calendar.monthrange(*month)[1] for month in every]


def test_a_month_is_read_by_its_english_name_or_abbreviation_in_any_case() -> None:
    for number in range(1, 13):
        day = date(2025, number, 3)
        for name in (calendar.month_name[number], calendar.month_abbr[number]):
            assert parse_human(f"3 {name.upper()} 2025").first_day == day
    assert parse_human("Sept 2025").stored == "2025-09"


def test_the_parts_of_a_date_are_what_the_schemas_pattern_says() -> None:
    """``date_parts`` reads dates with string methods: the same as the pattern it replaced, near and far misses."""
    import random
    import re

    from twins_cli.base.dates import date_parts

    pattern = re.compile(
        r"(?P<year>[0-9]{4})(-(?P<month>[0-9]{2})(-(?P<day>[0-9]{2}))?)?\Z"
        r"|(?P<qualifier>Early|Mid|Late|Q[1-4]|H[12]) (?P<qyear>[0-9]{4})\Z"
    )
    rng = random.Random(2025)
    seeds = ["2025", "2025-03", "2025-03-14", "Early 2025", "Q3 2026", "H2 2024", "Mid 0000"]
    near = [*"0159-  \nQH", "\u0663", "Late", "é"]
    texts = []
    for _ in range(20_000):
        text = list(rng.choice(seeds))
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(text) + 1)
            if rng.random() < 0.4 or at == len(text):
                text.insert(at, rng.choice(near))
            elif rng.random() < 0.5:
                text[at] = rng.choice(near)
            else:
                del text[at]
        texts.append("".join(text))
    for text in texts:
        found = pattern.match(text)
        expected = found and (
            int(found["qyear"] or found["year"]),
            int(found["month"]) if found["month"] else None,
            int(found["day"]) if found["day"] else None,
            found["qualifier"],
        )
        assert date_parts(text) == (expected or None), text
    assert sum(date_parts(text) is not None for text in texts) > 1_000


def test_a_month_is_labelled_in_the_language_of_the_moment() -> None:
    """Labels are remembered per language: a run that switches language never shows the other's."""
    from twins_cli.base.dates import month_label
    from twins_cli.base.i18n import language, use_language

    before = language()
    march = FuzzyDate.parse("2024-03")
    try:
        use_language("en")
        assert month_label(march) == "Mar 2024"
        use_language("ko")
        assert month_label(march) == "2024년 3월"
        use_language("en")
        assert month_label(march) == "Mar 2024"
    finally:
        use_language(before)
