"""A quarter is never scored against a year (issue 10, item 2: a quarterly claim read against the full-year
actual was "+368%, missed"). Invented company: Tallow Creek Outfitters guided Q2 2025 revenue of $40-44M."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.model import Actual, Claim, Comparator, Hedge, Kind, Period, Role
from tracker.scoring import score_claim

Q2 = Period("2025-Q2", date(2025, 4, 1), date(2025, 6, 30))
FY = Period("2025-FY", date(2025, 1, 1), date(2025, 12, 31))
AS_OF = date(2026, 3, 1)


def _claim(period: Period) -> Claim:
    return Claim(kind=Kind.GUIDANCE, metric="revenue", scope=None, comparator=Comparator.RANGE, low=40e6, high=44e6,
                 unit="USD", period=period, speaker="Gil Amaro", role=Role.EXECUTIVE,
                 quote="We expect revenue of $40 to $44 million.", mentions=(), hedge=Hedge.EXPECTED)


def _actual(value: float, period: Period) -> Actual:
    return Actual("revenue", None, value, "USD", period, reported_on=date(2026, 2, 10))


CASES = [
    # (what, the claim's period, the stored actuals, verdict, surprise)
    ("a quarter with only the year reported", Q2, [_actual(187e6, FY)], "unverifiable", None),
    ("a quarter with its own quarter reported", Q2, [_actual(187e6, FY), _actual(43e6, Q2)], "met", 2.38),
    ("a year with only a quarter reported", FY, [_actual(43e6, Q2)], "awaiting", None),
]


@pytest.mark.parametrize(("period", "actuals", "verdict", "surprise"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_quarter_is_never_read_against_a_year(period, actuals, verdict, surprise):
    result = score_claim(_claim(period), actuals, [], AS_OF, polarity="up")
    assert str(result.verdict) == verdict
    assert (round(result.surprise_pct, 2) if result.surprise_pct is not None else None) == surprise
    assert result.actual is None or result.actual.period.label == period.label
