"""Figures stated as a list: the unit they share, and the periods they pair with.

- "margins 20 and 21 percent lower", "1,000 and 1,200 stores": the unit written after the last figure of a list
  is the unit of the bare numbers listed before it.
- "operating margin about 20 and 21 points lower": next to a metric measured in percent, "points" are
  percentage points (units.toml [bare_points]); elsewhere ("20 loyalty points") they name nothing.
- "about 14 and 16 points below our Q3 and annual adjusted margins, respectively": the i-th
  figure listed belongs to the i-th period listed (as `respective_terms` pairs figures with metrics).
- "up to 40 Harbor stores by December, along with another 20 shop-in-shop concepts": a count of a format
  noun added to a count of outlets counts outlets of that format (metrics.toml [format_counts]).

The words are data (units.toml [bare_points], [ranges] respectively; patterns.toml list_joiner).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.model import Quantity
from tracker.quantities import find_quantities
from tracker.vocab.patterns import pattern
from tracker.periods import PeriodMatch
from tracker.vocab.phrase_regex import phrase_pattern
from tracker.units import unit_family
from tracker.vocab.finders import Term, metric_spec

_BARE_NUMBER = re.compile(r"(?<![\w$€£¥.,])\d[\d.,]*$")


@cache
def _points_after() -> re.Pattern[str]:
    section = load("units").get("bare_points")
    words = section.get("words") if isinstance(section, dict) else None
    if not isinstance(words, list) or not words or set(section) != {"words"}:
        raise LexiconError("units.toml [bare_points] must list the words of a bare point under `words` only")
    return re.compile(rf"\s+(?:{phrase_pattern(words)})(?![\w-])", re.I)


def _bare(q: Quantity) -> bool:
    """A number with no unit or scale word after it: "20", "approximately 20" in "20 and 21 percent"."""
    return q.unit is None and not q.is_range and bool(_BARE_NUMBER.search(q.text))


def with_points(quantities: list[Quantity], text: str, metrics: list[Term]) -> list[Quantity]:
    """"21 points lower" of a percent metric is 21 percentage points; the word joins the figure."""
    if not any("percent" in (metric_spec(t.name).get("units") or []) for t in metrics):
        return quantities
    out = []
    for q in quantities:
        m = _points_after().match(text, q.end) if _bare(q) else None
        out.append(replace(q, unit="%", text=text[q.start:m.end()], end=m.end()) if m else q)
    return out


def shared_units(quantities: list[Quantity], text: str) -> list[Quantity]:
    """"20 and 21 percent": a bare number listed right before a figure with a unit has that unit."""
    out = list(quantities)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if _bare(a) and b.unit is not None and unit_family(b.unit) in ("percent", "count") \
                and pattern("list_joiner").match(text[a.end:b.start]):
            out[i] = replace(a, unit=b.unit)
    return out


def respective_periods(periods: list[PeriodMatch], quantities: list[Quantity], text: str) -> dict[int, PeriodMatch]:
    """"14 and 16 points below our Q3 and annual margins, respectively": {index of the quantity: its
    period} for the figures listed before "respectively", paired in order with as many periods listed together
    after the first figure; empty when the counts differ or nothing is listed."""
    words = load("units")["ranges"]["respectively"]
    low = text.casefold()
    pos = min((low.find(w) for w in words if w in low), default=-1)
    if pos < 0:
        return {}
    listed = [i for i, q in enumerate(quantities) if q.end <= pos]
    if len(listed) < 2 or not all(pattern("list_joiner").match(text[quantities[a].end:quantities[b].start])
                                  for a, b in zip(listed, listed[1:])):
        return {}
    runs: list[list[PeriodMatch]] = []
    for p in (p for p in periods if p.period is not None and p.end <= pos):
        if runs and pattern("list_joiner").match(text[runs[-1][-1].end:p.start]):
            runs[-1].append(p)
        else:
            runs.append([p])
    fitting = [r for r in runs if len(r) == len(listed)]
    if not fitting:
        return {}
    first = quantities[listed[0]].end
    run = next((r for r in fitting if r[0].start >= first), fitting[-1])
    return dict(zip(listed, run))


def shared_tail(figures: list, text: str) -> list:
    """"roughly 14 and 17 points weaker": the words after a list's last figure say what every figure of the
    list is; a level read for an earlier figure of the same metric becomes the change the last one is, and a bare
    count listed first ("900 and 1,200 new stores") counts what the last one counts."""
    out = list(figures)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if (a.metric is None and b.metric is not None and a.unit is not None and a.unit == b.unit and a.tense == b.tense
                and pattern("list_joiner").match(text[a.quantity.end:b.quantity.start])):
            # "to open 900 and 1,200 new stores": the bare count listed first counts the same stores
            out[i] = replace(a, metric=b.metric, metric_term=b.metric_term, scope=b.scope,
                             metric_known=b.metric_known, basis=b.basis, measure=b.measure)
            continue
        if (a.metric is None or b.metric is None or a.measure is not None or b.measure is None or a.unit != b.unit
                or b.metric not in (f"{a.metric}_change", f"{a.metric}_growth")
                or not pattern("list_joiner").match(text[a.quantity.end:b.quantity.start])):
            continue
        out[i] = replace(a, metric=b.metric, measure=b.measure, is_change=b.is_change, negative=b.negative)
    return out


def _format_nouns() -> frozenset[str]:
    """metrics.toml [format_counts]: the nouns a business format is counted by, checked at load."""
    return _format_words("nouns")


@cache
def _format_words(key: str) -> frozenset[str]:
    """metrics.toml [format_counts] `nouns` (what a format is counted by) or `skip` (words before a format's name
    that are no part of it: "an additional 20 new drive-thru formats"), checked at load."""
    section = load("metrics").get("format_counts")
    words = section.get(key) if isinstance(section, dict) else None
    if set(section or {}) != {"nouns", "skip"} or not isinstance(words, list) or not words \
            or not all(isinstance(n, str) and n == n.lower() and n.strip() for n in words):
        raise LexiconError("metrics.toml [format_counts] must hold exactly `nouns` and `skip`, lists of lower-case words")
    return frozenset(words)


def format_counts(figures: list, text: str) -> list:
    """"by December we plan to run up to 40 Harbor stores, along with another 20
    shop-in-shop concepts": the count of a format noun (concepts, formats) added ("as well as", "plus", patterns.toml
    added_count_before) to a count of outlets in the same sentence counts outlets too, of that format: stores,
    scope "shop-in-shop". A count of formats on its own ("we run three concepts") is left as it is."""
    out = list(figures)
    for i in range(1, len(out)):
        f, prev = out[i], out[i - 1]
        if f.metric_known or not f.unit or f.unit.casefold() not in _format_nouns() \
                or prev.unit is None or unit_family(prev.unit) != "count" \
                or prev.metric is not None and (not prev.metric_known or metric_spec(prev.metric).get("units") != ["count"]) \
                or not pattern("added_count_before").search(text[prev.quantity.end:f.quantity.end]):
            continue
        tail = text[f.quantity.end:f.quantity.end + 60]
        at = tail.casefold().find(f.unit.casefold())
        words = [w for w in tail[:at].split() if w.casefold() not in _format_words("skip")] if at > 0 else []
        # what the format's own name says it is ("store-in-store formats" are stores), else the outlets
        # counted before: their metric, or their own noun ("120 Maple clinics" counts clinics)
        head = _outlet_named(words)
        metric = head or prev.metric or prev.unit
        out[i] = replace(f, metric=metric, metric_term=None if head else prev.metric_term, unit=head or prev.unit,
                         metric_known=bool(head or prev.metric), scope=" ".join(words).casefold() or f.scope)
    return out


def _outlet_named(words: list[str]) -> str | None:
    """"store-in-store": a format named after an outlet the lexicon counts as a metric (stores), or None."""
    if not words:
        return None
    found = find_quantities("1 " + words[0].split("-")[0])
    unit = found[0].unit if found else None
    return unit if unit and unit_family(unit) == "count" and metric_spec(unit) else None
