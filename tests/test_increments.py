"""Increments and changes are scored as changes (issue 10, item 2), and extracted growth claims ("revenue_growth")
read the stored levels of their metric ("revenue"). Invented company: Fenwick Rail."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.model import Actual, Claim, Comparator, Hedge, Kind, Period, Role
from tracker.scoring import score_claim

FY24, FY25 = (Period(f"{y}-FY", date(y, 1, 1), date(y, 12, 31)) for y in (2024, 2025))
Q2_24, Q2_25 = (Period(f"{y}-Q2", date(y, 4, 1), date(y, 6, 30)) for y in (2024, 2025))
AS_OF = date(2026, 4, 1)


def _claim(metric, low, high, unit, period, measure, quote) -> Claim:
    return Claim(kind=Kind.GUIDANCE, metric=metric, scope=None,
                 comparator=Comparator.RANGE if low != high else Comparator.EQ, low=low, high=high, unit=unit,
                 period=period, speaker="Ines Marlowe", role=Role.EXECUTIVE, quote=quote, mentions=(),
                 hedge=Hedge.EXPECTED, measure=measure)


def _actual(metric, value, unit, period) -> Actual:
    return Actual(metric, None, value, unit, period, reported_on=period.end.replace(day=28) if period.end.month != 12
                  else date(period.end.year + 1, 2, 10))


CASES = [
    # (what, claim, stored actuals, verdict, explanation starts with)
    ("an increment in dollars is a change of the level",
     _claim("capex_change", 20e6, 20e6, "USD", FY25, "yoy_change", "We expect to increase capex by $20 million."),
     [_actual("capex", 100e6, "USD", FY24), _actual("capex", 120e6, "USD", FY25)], "met", "change $20.0M (2025-FY $120.0M vs 2024-FY $100.0M)"),
    ("an increment too small is missed",
     _claim("capex_change", 20e6, 20e6, "USD", FY25, "yoy_change", "We expect to increase capex by $20 million."),
     [_actual("capex", 100e6, "USD", FY24), _actual("capex", 104e6, "USD", FY25)], "missed", "change $4.0M"),
    ("basis points move a margin in points, not relatively",     # 40.0% -> 40.2%: +0.2 points (relatively +0.5%)
     _claim("gross_margin_growth", 0.5, 0.5, "%", FY25, "yoy_growth", "We expect to improve gross margin by 50 bps."),
     [_actual("gross_margin", 40.0, "%", FY24), _actual("gross_margin", 40.2, "%", FY25)], "missed", "change 0.2%"),
    ("an extracted growth claim reads its metric's levels",
     _claim("revenue_growth", 8, 10, "%", Q2_25, "yoy_growth", "We expect revenue to grow 8% to 10% in Q2."),
     [_actual("revenue", 82.5e6, "USD", Q2_24), _actual("revenue", 90e6, "USD", Q2_25)], "met", "growth 9.09% (2025-Q2 $90.0M vs 2024-Q2 $82.5M)"),
    ("no prior level: waiting",
     _claim("capex_change", 20e6, 20e6, "USD", FY25, "yoy_change", "We expect to increase capex by $20 million."),
     [_actual("capex", 120e6, "USD", FY25)], "awaiting", ""),
]


@pytest.mark.parametrize(("claim", "actuals", "verdict", "explained"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_changes_are_scored_as_changes(claim, actuals, verdict, explained):
    result = score_claim(claim, actuals, [], AS_OF, polarity="up")
    assert str(result.verdict) == verdict, result.explanation
    assert result.explanation.startswith(explained), result.explanation
