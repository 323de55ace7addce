"""Figures on either side of "than".

- After a figure of the sentence, "than the" introduces the baseline ("capex of $15 billion in 2026, lower than
  last year's $17 billion": $17 billion is no promise; pattern `than_baseline_before`, read in sentence_facts).
- Alone, "than the" makes a bound: "we expect the return to stay higher than the 17%" promises more than 17%
  (`floor_than_before`), "lower than the 3%" less than 3% (`ceiling_than_before`).
- "than" after a figure makes it a difference of two metrics: "licensing income should run about $300 million
  higher than capex" promises licensing income less capex = $300 million, not capex of $300 million;
  the metric after "than" is the base (`difference_after`), the one before is the subject, and "lower" makes
  the difference negative (`difference_down`). The difference is named `<subject>_less_<base>`, an open metric.
"""
from __future__ import annotations

from dataclasses import replace

from tracker.extraction.metric_reading import Reading, read_metric
from tracker.model import Comparator, Quantity
from tracker.vocab.patterns import pattern
from tracker.vocab.finders import Term

_BEFORE = 30    # characters before a figure in which "higher than the" may stand
_AFTER = 30     # characters after a figure in which "higher than the" may stand


def bound(q: Quantity, text: str, first: bool) -> Quantity:
    """"higher than the 17%" with no figure before it in the sentence: a floor (a ceiling for "lower than the")."""
    if not first or q.is_range or q.comparator not in (None, Comparator.EQ):
        return q
    before = text[max(0, q.start - _BEFORE):q.start]
    if pattern("floor_than_before").search(before):
        return replace(q, comparator=Comparator.GT)
    if pattern("ceiling_than_before").search(before):
        return replace(q, comparator=Comparator.LT)
    return q


def difference(q: Quantity, metrics: list[Term], lo: int, hi: int, text: str) -> Reading | None:
    """The reading of a figure said as the gap between two metrics, or None when it is not one."""
    after = text[q.end:q.end + _AFTER]
    m = pattern("difference_after").match(after)
    if m is None:
        return None
    at = q.end + m.end()
    base = next((t for t in metrics if at <= t.start <= at + 1), None)
    if base is None:
        return None
    clause = max(text.rfind(",", 0, q.start), text.rfind(";", 0, q.start)) + 1   # the subject's own clause
    subject = read_metric(q, [t for t in metrics if clause <= t.start and t.end <= q.start], max(lo, clause),
                          min(hi, q.end), text[:q.end])
    if subject.metric is None or subject.measure is not None or subject.metric == base.name:
        return Reading(None)          # the gap of something unnamed to capex is still no level of capex
    down = bool(pattern("difference_down").match(after))
    return replace(subject, metric=f"{subject.metric}_less_{base.name}", known=False, falling=down)


def is_difference_word(at: int, quantities: list[Quantity], text: str) -> bool:
    """The direction word at `at` says how big a difference is ("$300 million higher than capex"), not that a
    metric moves: it stands right after a figure and before "than"."""
    return any(0 <= at - q.end <= 1 and pattern("difference_after").match(text[q.end:q.end + _AFTER])
               for q in quantities)


def without_than(text: str, q: Quantity) -> str:
    """The text with a difference's "higher than the" blanked out: "in 2025" after "than capex" dates the
    difference, it is no baseline period."""
    m = pattern("difference_after").match(text[q.end:q.end + _AFTER])
    if m is None:
        return text
    return text[:q.end] + " " * m.end() + text[q.end + m.end():]
