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
