"""Fiscal years as the company names them, in relative phrases: one table row per invented phrase and calendar.

"our upcoming fiscal year" said in May 2025 by a company whose fiscal year ends in January is the year that
starts next February: FY2027 when years are named by their end, FY2026 when named by their start.
"""
from __future__ import annotations

from datetime import date

import pytest

from tracker.fiscal import calendar_from
from tracker.periods import find_periods

CALL = date(2025, 5, 22)

# (id, phrase, year end, naming, label of the period, its last day)
ROWS = [
    ("upcoming-end-named", "for our upcoming fiscal year", "01-31", "end", "FY2027-FY", date(2027, 1, 31)),
    ("upcoming-start-named", "for our upcoming fiscal year", "01-31", "start", "FY2026-FY", date(2027, 1, 31)),
    ("the-upcoming-year", "in the upcoming year", "01-31", "end", "FY2027-FY", date(2027, 1, 31)),
    ("our-current-fiscal-year", "for our current fiscal year", "01-31", "end", "FY2026-FY", date(2026, 1, 31)),
    ("our-next-fiscal-year", "in our next fiscal year", "06-30", "end", "FY2026-FY", date(2026, 6, 30)),
    ("upcoming-calendar", "in the upcoming year", "12-31", None, "2026-FY", date(2026, 12, 31)),
]


@pytest.mark.parametrize("phrase,year_end,naming,label,end", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_relative_fiscal_years(phrase, year_end, naming, label, end):
    found = [p.period for p in find_periods(phrase, CALL, calendar_from(year_end, naming)) if p.period]
    assert [(p.label, p.end) for p in found] == [(label, end)]


def test_our_alone_is_no_relative_year():
    """"our year-over-year growth": "our" points at no year."""
    assert find_periods("our year-over-year growth", CALL, calendar_from("12-31")) == []


# (id, phrase, label of the period): the rest of a period is that period, its end the deadline
REST = [
    ("rest-of-the-year", "for the rest of the year", "2025-FY"),
    ("remainder-of-the-year", "through the remainder of the year", "2025-FY"),
    ("balance-of-the-quarter", "for the balance of the quarter", "2025-Q2"),
]


@pytest.mark.parametrize("phrase,label", [r[1:] for r in REST], ids=[r[0] for r in REST])
def test_the_rest_of_a_period(phrase, label):
    found = [p.period.label for p in find_periods(phrase, CALL, calendar_from("12-31")) if p.period]
    assert found == [label]


def test_the_rest_of_a_business_is_no_period():
    assert find_periods("the rest of our business", CALL, calendar_from("12-31")) == []
