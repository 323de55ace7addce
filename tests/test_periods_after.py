"""'beyond' / 'after' a quarter: the rest of that year."""
from datetime import date

import pytest

from tracker.periods import calendar_from, resolve_period


@pytest.mark.parametrize("phrase, fye, call, label, start, end", [
    ("beyond fiscal Q2", "09-03", date(2025, 12, 17), "FY2026-H2", date(2026, 2, 27), date(2026, 9, 3)),
    ("after the third quarter", "12-31", date(2025, 3, 13), "2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
    ("beyond Q1", "12-31", date(2025, 3, 13), "2025-FY", date(2025, 4, 1), date(2025, 12, 31)),
    ("beyond the fourth quarter", "12-31", date(2025, 3, 13), "2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
])
def test_rest_of_year(phrase, fye, call, label, start, end):
    p = resolve_period(phrase, call, calendar_from(fye, anchor=call))
    assert (p.label, p.start, p.end) == (label, start, end)
