"""Named days and shopping seasons as deadlines (periods.toml [holidays], [seasons]), table-driven.

Each case is an invented sentence of an invented retailer; the id says what the rule is.
"""
from datetime import date

import pytest

from tracker.errors import LexiconError
from tracker.fiscal import calendar_from
from tracker.holidays import parse_holidays
from tracker.periods import find_periods

AUG = date(2025, 8, 21)            # a late-August call of a calendar-year company
CAL = calendar_from("12-31")


def periods(text: str, call: date = AUG, past: bool = False) -> list[tuple[str, date | None]]:
    return [(p.phrase, p.period.end if p.period else None) for p in find_periods(text, call, CAL, past=past)]


@pytest.mark.parametrize("text, phrase, end", [
    pytest.param("We aim to hire up to 12,000 associates by Labor Day.", "by Labor Day", date(2025, 9, 1),
                 id="labor-day-first-monday-of-september"),
    pytest.param("The new stores should open in time for Thanksgiving.", "for Thanksgiving", date(2025, 11, 27),
                 id="thanksgiving-fourth-thursday"),
    pytest.param("We plan to have the app live before Black Friday.", "before Black Friday", date(2025, 11, 28),
                 id="black-friday-day-after-thanksgiving"),
    pytest.param("The refresh will be in all stores by Memorial Day.", "by Memorial Day", date(2026, 5, 25),
                 id="memorial-day-passed-this-year-means-next-year"),
    pytest.param("We expect the line to ship by Christmas 2026.", "by Christmas 2026", date(2026, 12, 25),
                 id="year-given"),
    pytest.param("Delivery should start by Labor Day.", "by Labor Day", date(2025, 9, 1),
                 id="holiday-ahead-this-year"),
    pytest.param("We expect comparable sales to improve through the back-to-school season.",
                 "through the back-to-school season", date(2025, 9, 15), id="back-to-school-season"),
])
def test_named_days_date_a_promise(text, phrase, end):
    assert (phrase, end) in periods(text)


@pytest.mark.parametrize("text, end", [
    pytest.param("Traffic over Memorial Day was strong.", date(2025, 5, 26), id="past-sentence-the-last-one"),
])
def test_named_days_in_a_report_are_the_last_one(text, end):
    assert any(e == end for _, e in periods(text, past=True))


@pytest.mark.parametrize("text", [
    pytest.param("Our Black Friday event drew record traffic.", id="a-name-in-passing-dates-nothing"),
    pytest.param("Thanksgiving traffic was strong.", id="no-preposition-no-deadline"),
])
def test_named_days_without_a_preposition_date_nothing(text):
    assert periods(text) == []


@pytest.mark.parametrize("raw, why", [
    pytest.param({"Labor Day": {"month": 9, "weekday": "monday"}}, "lower-case", id="capitalised-name"),
    pytest.param({"x day": {"month": 13, "day": 1}}, "month", id="month-out-of-range"),
    pytest.param({"x day": {"month": 2, "day": 30}}, "no day", id="no-such-day"),
    pytest.param({"x day": {"month": 9}}, "either a day or a weekday", id="neither-day-nor-weekday"),
    pytest.param({"x day": {"month": 9, "day": 1, "weekday": "monday"}}, "either", id="both"),
    pytest.param({"x day": {"month": 9, "weekday": "mon"}}, "weekday must be", id="weekday-misspelt"),
    pytest.param({"x day": {"month": 9, "weekday": "monday", "nth": 0}}, "nth", id="nth-zero"),
    pytest.param({"x day": {"month": 9, "weekday": "monday", "nth": 5}}, "fifth", id="fifth-weekday"),
    pytest.param({"x day": {"month": 9, "day": 3, "nth": 2}}, "nth", id="nth-with-a-fixed-day"),
    pytest.param({"x day": {"month": 9, "day": 3, "when": 2}}, "expected a table", id="unknown-key"),
    pytest.param({}, "non-empty", id="empty-table"),
])
def test_holiday_table_is_checked(raw, why):
    with pytest.raises(LexiconError, match=why):
        parse_holidays(raw)


def test_moving_holidays_by_year():
    table = parse_holidays({"labor day": {"month": 9, "weekday": "monday", "nth": 1},
                            "memorial day": {"month": 5, "weekday": "monday", "nth": -1},
                            "cyber monday": {"month": 11, "weekday": "thursday", "nth": 4, "days_after": 4}})
    assert table["labor day"].in_year(2021) == date(2021, 9, 6)
    assert table["memorial day"].in_year(2024) == date(2024, 5, 27)
    assert table["cyber monday"].in_year(2025) == date(2025, 12, 1)
