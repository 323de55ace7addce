"""Growth and direction claims read the company's own stored figures.

"We expect revenue to grow 8% to 10% year over year in the second quarter" promises a growth rate, not a
revenue level: it is scored against the growth computed from the stored actuals of 2025-Q2 and 2024-Q2, never
against the 2025-Q2 level itself. "Sequential" (quarter over quarter) growth compares with the period just
before. And "we expect revenue to be higher than last quarter" needs a baseline: when the sentence gives no
figure, it is the stored actual of that comparison period.

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
GROWTH_MEASURES = (YOY, QOQ)

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
    if measure == YOY:
        months = 12
    elif span is not None:
        months = _MONTHS[span]
    else:
        return None
    label = _shift_label(period.label, months) or ""
    if months == 12 or measure == YOY:
        start, end = _months_back(period.start, 12), _months_back(period.end, 12)
    else:
        start, end = _months_back(period.start, months), period.start - timedelta(days=1)
    return Period(label=label, start=start, end=end, fiscal=period.fiscal)


def _level(claim: Claim, period: Period, actuals, as_of: date | None) -> Actual | None:  # noqa: ANN001
    """The stored level of the claim's metric, scope and basis for `period` (any unit)."""
    probe = dataclasses.replace(claim, kind=Kind.GUIDANCE, period=period, unit=None, measure=None)
    return match_actual(probe, actuals, as_of=as_of)


@dataclass(frozen=True)
class Growth:
    current: Actual
    prior: Actual
    pct: float            # (current - prior) / |prior| * 100

    def describe(self, shown: str) -> str:
        """"growth 9.1% (2025-Q2 $90.0M vs 2024-Q2 $82.5M)"."""
        from tracker.scoring.units import format_value

        return (f"growth {shown} ({self.current.period.label} {format_value(self.current.value, self.current.unit)}"
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
    if prior_value is None or prior_value == 0:
        return None
    return Growth(current, prior, (current.value - prior_value) / abs(prior_value) * 100)


def stored_baseline(claim: Claim, actuals, as_of: date | None) -> Actual | None:  # noqa: ANN001
    """A direction claim's baseline when its sentence gives none: the stored actual of the comparison period
    ("higher than last quarter": the quarter before; "up year over year": a year earlier)."""
    if claim.period is None:
        return None
    prior_period = comparison_period(claim.period, claim.measure)
    return _level(claim, prior_period, actuals, as_of) if prior_period is not None else None
