"""The ends of a range said apart, and a point said as one end of a range.

- "For 2026 we expect revenue between $4 billion at the low end and $4.5 billion at the high end": one range,
  4e9..4.5e9, not two claims of a level; the ends may stand in two clauses ("$4 billion at the low end, and at
  the high end $4.5 billion").
- "We expect to land at the low end of our $30 to $40 million range": the promise is the low end, about $30
  million, not the whole range; "the top end of the $60 to $70 million range" is about $70 million.

The words are patterns of `tracker/data/patterns.toml` (`low_end_word`, `high_end_word`, `low_end_of`,
`high_end_of`).
"""
from __future__ import annotations

from dataclasses import replace

from tracker.model import Comparator, Quantity
from tracker.vocab.patterns import pattern
from tracker.units import unit_family

_REACH = 30     # characters after the high end's figure in which "at the high end" may stand
_BEFORE = 45    # characters before a range in which "the low end of our" may stand


def joined_ends(quantities: list[Quantity], text: str) -> list[Quantity]:
    """Two figures of one unit family tied by "at the low end" and "at the high end" become one range."""
    out: list[Quantity] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if nxt is not None and _split_range(q, nxt, text):
            lo, hi = sorted((q.low, nxt.high if nxt.high is not None else nxt.low))
            out.append(Quantity(lo, hi, q.unit or nxt.unit, Comparator.RANGE, text[q.start:nxt.end], q.start, nxt.end))
            i += 2
            continue
        out.append(q)
        i += 1
    return out


def _split_range(a: Quantity, b: Quantity, text: str) -> bool:
    if a.is_range or b.is_range or a.low is None or b.low is None:
        return False
    if unit_family(a.unit) != unit_family(b.unit) and a.unit and b.unit:
        return False
    between = text[a.end:b.start]
    after = text[b.end:b.end + _REACH]
    low_high = pattern("low_end_word").search(between) and pattern("high_end_word").search(between + after)
    high_low = pattern("high_end_word").search(between) and pattern("low_end_word").search(between + after)
    return bool(low_high or high_low)


def range_end(q: Quantity, text: str) -> Quantity:
    """"at the low end of our $30 to $40 million range": the low end, about; the high end likewise."""
    if not q.is_range:
        return q
    before = text[max(0, q.start - _BEFORE):q.start]
    if pattern("low_end_of").search(before):
        return replace(q, high=q.low, comparator=Comparator.APPROX)
    if pattern("high_end_of").search(before):
        return replace(q, low=q.high, comparator=Comparator.APPROX)
    return q
