"""Short readable descriptions of what a claim promised ("~$75.0M", "$120.0M-$150.0M", "≥15 EH/s")."""
from __future__ import annotations

from dataclasses import dataclass

from tracker.model import Claim, Comparator, Kind
from tracker.scoring.units import format_value, is_money

_BOUND_SIGN = {Comparator.GE: "≥", Comparator.GT: ">", Comparator.LE: "≤", Comparator.LT: "<"}
FLOORS = (Comparator.GE, Comparator.GT)
CEILINGS = (Comparator.LE, Comparator.LT)


@dataclass(frozen=True)
class Shape:
    """A numeric promise reduced to one of: a range, a point, a floor or a ceiling."""
    form: str                 # "range" | "point" | "floor" | "ceiling"
    low: float
    high: float
    comparator: Comparator

    @property
    def reference(self) -> float:
        """The promised figure surprises are measured from: a range's midpoint, else the single value."""
        return (self.low + self.high) / 2


def has_numbers(claim: Claim) -> bool:
    return claim.low is not None or claim.high is not None


def shape_of(claim: Claim) -> Shape | None:
    """The claim's numeric promise; None when it states no number."""
    return shape_from(claim.low, claim.high, claim.comparator)


def shape_from(low: float | None, high: float | None, comparator: Comparator | str | None) -> Shape | None:
    """A numeric promise from its parts; None when there is no number. A missing comparator reads as a range
    when two different numbers are given, else as a point."""
    if low is None and high is None:
        return None
    lo = low if low is not None else high
    hi = high if high is not None else low
    lo, hi = min(lo, hi), max(lo, hi)
    cmp = Comparator(comparator) if comparator else None
    if cmp in FLOORS:
        return Shape("floor", lo, lo, cmp)
    if cmp in CEILINGS:
        return Shape("ceiling", hi, hi, cmp)
    if lo != hi and cmp in (Comparator.RANGE, None):
        return Shape("range", lo, hi, Comparator.RANGE)
    if lo != hi:
        # "approximately $75-80M": a range with a fuzzy edge is still scored as the range
        return Shape("range", lo, hi, Comparator.RANGE)
    return Shape("point", lo, lo, cmp or Comparator.EQ)


def describe_shape(shape: Shape, unit: str | None) -> str:
    """"$120.0M-$150.0M", "~$75.0M", "≥15 EH/s". A promise of money entirely below zero is a loss and reads as
    one: "an adjusted EBITDA loss of $2.0 to $2.25 billion" is stored as -2.25e9..-2.0e9 and shown
    "$2.0B-$2.25B loss" (a negative growth range stays "-5%--3%": a decline is not a loss)."""
    if is_money(unit) and shape.form in ("range", "point") and shape.high < 0:
        if shape.form == "range":
            return f"{format_value(-shape.high, unit)}-{format_value(-shape.low, unit)} loss"
        prefix = "~" if shape.comparator is Comparator.APPROX else ""
        return f"{prefix}{format_value(-shape.low, unit)} loss"
    if shape.form == "range":
        return f"{format_value(shape.low, unit)}-{format_value(shape.high, unit)}"
    if shape.form in ("floor", "ceiling"):
        return f"{_BOUND_SIGN[shape.comparator]}{format_value(shape.low, unit)}"
    prefix = "~" if shape.comparator is Comparator.APPROX else ""
    return prefix + format_value(shape.low, unit)


def direction_baseline(claim: Claim) -> float | None:
    return claim.baseline if claim.baseline is not None else claim.low


def describe_promise(claim: Claim) -> str:
    """What was promised, in a few words, for tables."""
    if claim.kind is Kind.DIRECTION:
        base = direction_baseline(claim)
        word = "below" if claim.comparator in CEILINGS else "above"
        return f"{word} {format_value(base, claim.unit)}" if base is not None else ("down" if word == "below" else "up")
    if claim.kind is Kind.MILESTONE and not has_numbers(claim):
        return claim.event or "milestone"
    shape = shape_of(claim)
    if shape is None:
        return "qualitative"
    return describe_shape(shape, claim.unit)
