"""A plan over "the next N years" counts whole years, this one included; a count of months runs from the call."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.fiscal import calendar_from
from tracker.periods import resolve_period

CALL = date(2022, 1, 28)


@pytest.mark.parametrize("phrase, year_end, end", [
    ("for the next five years", "12-31", date(2026, 12, 31)),
    ("over the next 3 years", "12-31", date(2024, 12, 31)),
    ("over the coming two years", "12-31", date(2023, 12, 31)),
    ("over the next five years", "06-30", date(2026, 6, 30)),
    ("within the next 18 months", "12-31", date(2023, 7, 28)),
    ("in a year or two", "12-31", date(2024, 1, 28)),
    ("two years from now", "12-31", date(2024, 1, 28)),
], ids=["five-years", "digits", "coming", "june-year-end", "months-run-from-the-call", "or-two-runs-from-the-call",
        "from-now"])
def test_year_plans(phrase: str, year_end: str, end: date) -> None:
    period = resolve_period(phrase, CALL, calendar_from(year_end, anchor=CALL))
    assert period is not None and period.end == end
