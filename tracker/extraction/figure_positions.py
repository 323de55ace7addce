"""Figures a sentence states by position or by a word rather than by a number of their own.

- "gross margin and operating margin to be 45% and 30%, respectively": the i-th figure listed belongs to the i-th
  metric listed (`respective_terms`).
- "positive free cash flow in 2026", "to be EBITDA positive": a money metric above (below) zero, a figure of zero
  with a comparator (`sign_figures`; the sign words are metrics.toml [sign]).

Split from tracker/extraction/metric_reading.py, which names the metric of a figure that has a number.
"""
from __future__ import annotations

import re
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.extraction.metric_reading import _units_of
from tracker.vocab.metric_vocab import _words
from tracker.model import Comparator, Quantity
from tracker.vocab.patterns import pattern
from tracker.vocab.finders import Term


def respective_terms(metrics: list[Term], quantities: list[Quantity], text: str) -> dict[int, Term]:
    """"gross margin and operating margin to be 45% and 30%, respectively": the i-th figure listed belongs to the
    i-th metric listed. Returns {index of the quantity: its term}; empty when the sentence lists nothing."""
    words = load("units")["ranges"]["respectively"]
    low = text.casefold()
    pos = min((low.find(w) for w in words if w in low), default=-1)
    if pos < 0 or len(metrics) < 2:
        return {}
    listed = [i for i, q in enumerate(quantities) if q.end <= pos]
    if len(listed) < 2:
        return {}
    first = quantities[listed[0]].start
    before = [t for t in metrics if t.end <= first]
    run: list[Term] = []
    for t in reversed(before):
        if run and not pattern("list_joiner").match(text[t.end:run[0].start]):
            break
        run.insert(0, t)
    if len(run) != len(listed):
        return {}
    return dict(zip(listed, run))


@cache
def sign_words() -> dict[str, str]:
    sign = load("metrics").get("sign")
    if not isinstance(sign, dict) or set(sign) != {"positive", "negative"}:
        raise LexiconError("metrics.toml [sign] must list exactly `positive` and `negative` words")
    return {w.casefold(): k for k in ("positive", "negative") for w in _words(sign, k, "sign")}


def sign_figures(metrics: list[Term], text: str, quantities: list[Quantity]) -> list[Quantity]:
    """"positive free cash flow in 2026", "to be EBITDA positive": a money metric above (below) zero, as a
    figure of zero with a comparator. Only where no figure already sits next to the metric."""
    words = sign_words()
    out = []
    for t in metrics:
        if "money" not in _units_of(t.name):
            continue
        before = re.search(r"([A-Za-z]+)\s+$", text[max(0, t.start - 12):t.start])
        after = re.match(r"^[\s-]+([A-Za-z]+)", text[t.end:t.end + 12])
        for m, base in ((before, max(0, t.start - 12)), (after, t.end)):
            if m is None or m.group(1).casefold() not in words:
                continue
            s, e = base + m.start(1), base + m.end(1)
            if any(q.start <= e + 25 and q.end >= s - 25 for q in quantities):
                continue
            up = words[m.group(1).casefold()] == "positive"
            out.append(Quantity(0.0, None, None, Comparator.GT if up else Comparator.LT, m.group(1), s, e))
            break
    return out
