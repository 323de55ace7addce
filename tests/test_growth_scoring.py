"""Growth claims are scored against the growth the stored levels show; direction claims without a figure take
their baseline from the stored comparison period, and are pending before their deadline (invented company:
Marlow Fenn Logistics)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from tracker.model import Actual, Claim, Comparator, Hedge, Kind, Period, Role, Verdict
from tracker.scoring import score_claim
from tracker.scoring.growth import comparison_period
from tracker.scoring.matching import ActualIndex

M = 1e6


def q(year: int, n: int) -> Period:
    start = date(year, 3 * n - 2, 1)
    end = date(year + (n == 4), (3 * n) % 12 + 1, 1)
    return Period(f"{year}-Q{n}", start, end - timedelta(days=1))


def claim(low=None, high=None, *, measure=None, kind=Kind.GUIDANCE, cmp=Comparator.RANGE, period=None,
          unit="%", baseline=None) -> Claim:
    return Claim(kind=kind, metric="revenue", scope=None, comparator=cmp, low=low, high=high, unit=unit,
                 period=period or q(2025, 2), speaker="Ines Marlow", role=Role.EXECUTIVE,
                 quote="Marlow Fenn expects revenue to grow 8% to 10% year over year in the second quarter.",
                 mentions=(), hedge=Hedge.EXPECTED, measure=measure, baseline=baseline)


def level(value, period) -> Actual:
    """Reported a month after the period ends."""
    return Actual("revenue", None, value, "USD", period, reported_on=period.end + timedelta(days=32))


LEVELS = [level(82.5 * M, q(2024, 2)), level(88 * M, q(2025, 1)), level(90 * M, q(2025, 2))]
AFTER = date(2025, 12, 1)


@pytest.mark.parametrize("label, start, end, measure, want", [
    ("2025-Q2", date(2025, 4, 1), date(2025, 6, 30), "yoy_growth", ("2024-Q2", date(2024, 4, 1), date(2024, 6, 30))),
    ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31), "qoq_growth", ("2024-Q4", date(2024, 10, 1), date(2024, 12, 31))),
    ("FY2026-Q1", date(2025, 2, 1), date(2025, 4, 30), "qoq_growth",
     ("FY2025-Q4", date(2024, 11, 1), date(2025, 1, 31))),
    ("2025-H1", date(2025, 1, 1), date(2025, 6, 30), None, ("2024-H2", date(2024, 7, 1), date(2024, 12, 31))),
    ("2025-FY", date(2025, 1, 1), date(2025, 12, 31), None, ("2024-FY", date(2024, 1, 1), date(2024, 12, 31))),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "yoy_growth", ("2023-02", date(2023, 2, 1), date(2023, 2, 28))),
], ids=["yoy-quarter", "sequential-across-a-year", "fiscal-quarter", "half-year", "full-year", "leap-february"])
def test_comparison_period(label, start, end, measure, want):
    got = comparison_period(Period(label, start, end), measure)
    assert (got.label, got.start, got.end) == want


CASES = [
    # (id, claim, actuals, verdict, explanation starts with)
    ("yoy-growth-met", claim(8, 10, measure="yoy_growth"), LEVELS, Verdict.MET,
     "growth 9.09% (2025-Q2 $90.0M vs 2024-Q2 $82.5M) vs 8%-10%: within range, met"),
    ("qoq-growth-missed", claim(5, 6, measure="qoq_growth"), LEVELS, Verdict.MISSED,
     "growth 2.27% (2025-Q2 $90.0M vs 2025-Q1 $88.0M) vs 5%-6%"),
    ("growth-never-against-the-level", claim(8, 10, measure="yoy_growth"), LEVELS[1:], Verdict.AWAITING,
     "deadline 2025-06-30 passed"),
    ("growth-at-least", claim(5, None, measure="yoy_growth", cmp=Comparator.GE), LEVELS, Verdict.BEAT, "growth 9.09%"),
    ("a-level-claim-still-reads-the-level", claim(85 * M, 95 * M, unit="USD"), LEVELS, Verdict.MET, "actual $90.0M vs $85.0M-$95.0M"),
]


@pytest.mark.parametrize("wanted, actuals, verdict, text", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_growth_claims(wanted, actuals, verdict, text):
    for pool in (actuals, ActualIndex(actuals)):
        result = score_claim(wanted, pool, [], AFTER, polarity="up")
        assert result.verdict is verdict, result.explanation
        assert result.explanation.startswith(text), result.explanation


UP = claim(kind=Kind.DIRECTION, cmp=Comparator.GT, unit=None)
YOY_UP = claim(kind=Kind.DIRECTION, cmp=Comparator.GT, unit=None, measure="yoy_growth")
DOWN = claim(kind=Kind.DIRECTION, cmp=Comparator.LT, unit=None)

DIRECTION = [
    ("higher-than-last-quarter-met", UP, LEVELS, AFTER, Verdict.MET,
     "actual $90.0M (2025-Q2) vs 2025-Q1 $88.0M: +2.3% (up), met"),
    ("up-year-over-year", YOY_UP, LEVELS, AFTER, Verdict.MET, "actual $90.0M (2025-Q2) vs 2024-Q2 $82.5M"),
    ("lower-than-last-quarter-missed", DOWN, LEVELS, AFTER, Verdict.MISSED, "actual $90.0M (2025-Q2) vs 2025-Q1"),
    ("before-the-deadline-pending-without-baseline", UP, [], date(2025, 5, 1), Verdict.PENDING,
     "due 2025-06-30: pending"),
    ("before-the-deadline-pending-with-baseline", UP, LEVELS[:2], date(2025, 5, 1), Verdict.PENDING,
     "due 2025-06-30: pending"),
    ("after-the-deadline-baseline-but-not-reported", UP, LEVELS[:2], date(2025, 7, 20), Verdict.AWAITING,
     "deadline 2025-06-30 passed"),
    ("after-the-deadline-no-baseline-ever", UP, LEVELS[2:], AFTER, Verdict.UNVERIFIABLE,
     "no baseline to compare against"),
    ("a-stated-baseline-wins", claim(kind=Kind.DIRECTION, cmp=Comparator.GT, unit="USD", baseline=95 * M), LEVELS,
     AFTER, Verdict.MISSED, "actual $90.0M vs baseline $95.0M"),
]


@pytest.mark.parametrize("wanted, actuals, as_of, verdict, text", [c[1:] for c in DIRECTION],
                         ids=[c[0] for c in DIRECTION])
def test_direction_claims(wanted, actuals, as_of, verdict, text):
    result = score_claim(wanted, ActualIndex(actuals), [], as_of)
    assert result.verdict is verdict, result.explanation
    assert result.explanation.startswith(text), result.explanation
