"""Growth and direction claims read the company's own stored figures.

"We expect revenue to grow 8% to 10% year over year in the second quarter" promises a growth rate, not a
revenue level: it is scored against the growth computed from the stored actuals of 2025-Q2 and 2024-Q2, never
against the 2025-Q2 level itself. "Sequential" (quarter over quarter) growth compares with the period just
before. And "we expect revenue to be higher than last quarter" needs a baseline: when the sentence gives no
figure, it is the stored actual of that comparison period.

Increments are changes, not growth rates: "we expect to increase capex by $20 million" (capex_change, measure
yoy_change) is scored against the difference of the stored capex of the two periods, and so is a move of a
percentage ("improve gross margin by 50 basis points": the margin's growth in percentage points, never the
margin's relative growth). An extracted growth or change claim names its metric with a suffix
("revenue_growth", "capex_change"): the stored levels are those of the metric without it.

Comparison periods are found by label (2025-Q2 -> 2024-Q2 a year back, 2025-Q1 -> 2024-Q4 sequentially) and by
dates shifted the same way (for as-of figures near the comparison period's end).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.model import Actual, Claim, Kind, Period
from tracker.scoring.matching import match_actual
from tracker.scoring.units import convert

YOY, QOQ = "yoy_growth", "qoq_growth"
YOY_CHANGE, QOQ_CHANGE = "yoy_change", "qoq_change"
CHANGES = (YOY_CHANGE, QOQ_CHANGE)
GROWTH_MEASURES = (YOY, QOQ, *CHANGES)
_LEVEL_SUFFIXES = ("_growth", "_change")     # the extractor's names of a level's growth and change

_LABEL = re.compile(r"^(?P<fy>FY)?(?P<year>\d{4})(?:-(?P<part>Q[1-4]|H[12]|FY|\d{2}))?$", re.IGNORECASE)
_MONTHS = {"Q": 3, "H": 6, "M": 1, "Y": 12}


def _months_back(d: date, months: int) -> date:
    """The same day `months` earlier, clamped to the month's end (31 May - 3 months = 28/29 February)."""
    total = d.year * 12 + d.month - 1 - months
    year, month = divmod(total, 12)
    first_next = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return date(year, month + 1, min(d.day, (first_next - timedelta(days=1)).day))


def _span(part: str | None) -> str:
    if not part or part.upper() == "FY":
        return "Y"
    return part[0].upper() if part[0].upper() in "QH" else "M"


def _shift_label(label: str, months: int) -> str | None:
    m = _LABEL.match(label.strip())
    if m is None:
        return None
    year, part, fy = int(m["year"]), m["part"], m["fy"] or ""
    if months == 12:
        return f"{fy}{year - 1}" + (f"-{part}" if part else "")
    span = _span(part)
    if span == "Y":
        return f"{fy}{year - 1}" + (f"-{part}" if part else "")
    count = {"Q": 4, "H": 2, "M": 12}[span]
    index = int(part[1:]) if span in "QH" else int(part)
    index -= 1
    if index == 0:
        year, index = year - 1, count
    text = f"{span}{index}" if span in "QH" else f"{index:02d}"
    return f"{fy}{year}-{text}"


def comparison_period(period: Period, measure: str | None) -> Period | None:
    """The period a growth or direction claim compares with: a year earlier for year-over-year growth, else the
    period of the same length just before (sequential). None when the period cannot be placed."""
    if period.start is None or period.end is None or period.start == period.end:
        return None
    m = _LABEL.match(period.label.strip())
    span = _span(m["part"]) if m else None
    if measure in (YOY, YOY_CHANGE):
        months = 12
    elif span is not None:
        months = _MONTHS[span]
    else:
        return None
    label = _shift_label(period.label, months) or ""
    if months == 12 or measure in (YOY, YOY_CHANGE):
        start, end = _months_back(period.start, 12), _months_back(period.end, 12)
    else:
        start, end = _months_back(period.start, months), period.start - timedelta(days=1)
    return Period(label=label, start=start, end=end, fiscal=period.fiscal)


def level_metric(claim: Claim) -> str:
    """The metric whose stored levels a growth or change claim reads: "capex_change" -> "capex"."""
    if claim.measure in GROWTH_MEASURES:
        for suffix in _LEVEL_SUFFIXES:
            if claim.metric.endswith(suffix) and len(claim.metric) > len(suffix):
                return claim.metric[:-len(suffix)]
    return claim.metric


def _level(claim: Claim, period: Period, actuals, as_of: date | None) -> Actual | None:  # noqa: ANN001
    """The stored level of the claim's metric (without a growth/change suffix), scope and basis for `period`
    (any unit)."""
    probe = dataclasses.replace(claim, kind=Kind.GUIDANCE, period=period, unit=None, measure=None)
    found = match_actual(probe, actuals, as_of=as_of)
    level = level_metric(claim)
    if found is None and level != claim.metric:
        found = match_actual(dataclasses.replace(probe, metric=level), actuals, as_of=as_of)
    return found


@dataclass(frozen=True)
class Growth:
    current: Actual
    prior: Actual
    pct: float            # (current - prior) / |prior| * 100; for a change: current - prior, in the claim's unit
    change: bool = False

    def describe(self, shown: str) -> str:
        """"growth 9.1% (2025-Q2 $90.0M vs 2024-Q2 $82.5M)", "change $21.0M (...)"."""
        from tracker.scoring.units import format_value

        return (f"{'change' if self.change else 'growth'} {shown} ({self.current.period.label} "
                f"{format_value(self.current.value, self.current.unit)}"
                f" vs {self.prior.period.label} {format_value(self.prior.value, self.prior.unit)})")


def growth_of(claim: Claim, actuals, as_of: date | None) -> Growth | None:  # noqa: ANN001
    """The growth the stored actuals show for a growth claim; None when either level is missing (or the prior
    one is zero, or their units cannot be compared)."""
    if claim.period is None:
        return None
    prior_period = comparison_period(claim.period, claim.measure)
    if prior_period is None:
        return None
    current = _level(claim, claim.period, actuals, as_of)
    prior = _level(claim, prior_period, actuals, as_of)
    if current is None or prior is None:
        return None
    prior_value = convert(prior.value, prior.unit, current.unit)
    if prior_value is None:
        return None
    if claim.measure in CHANGES or _points(claim, current):
        # an increment: the difference, in the claim's unit ("by $20 million", "by 50 basis points" = 0.5 %)
        diff = convert(current.value - prior_value, current.unit, claim.unit) if claim.unit else current.value - prior_value
        return Growth(current, prior, diff, change=True) if diff is not None else None
    if prior_value == 0:
        return None
    return Growth(current, prior, (current.value - prior_value) / abs(prior_value) * 100)


def _points(claim: Claim, level: Actual) -> bool:
    """A percentage's move is in percentage points: a margin of 42.0% "improved by 50 basis points" is 42.5%,
    not 42.0% * 1.005."""
    from tracker.scoring.units import comparison_family

    return comparison_family(level.unit)[0] == "percent" and comparison_family(claim.unit)[0] == "percent"


def stored_baseline(claim: Claim, actuals, as_of: date | None) -> Actual | None:  # noqa: ANN001
    """A direction claim's baseline when its sentence gives none: the stored actual of the comparison period
    ("higher than last quarter": the quarter before; "up year over year": a year earlier)."""
    if claim.period is None:
        return None
    prior_period = comparison_period(claim.period, claim.measure)
    return _level(claim, prior_period, actuals, as_of) if prior_period is not None else None
