"""Reported figures: what a call states as fact for the period it reports, or as of a date.

A figure is an actual when its sentence reports rather than promises (a verb of fact, no forward cue for it)
and its period has ended. Growth rates and comparisons are not levels and are left out. A figure introduced
as earlier guidance ("topping the $35 million we had guided") becomes a prior claim scored by its sibling figure.

- A count reported as fact names its own metric when the lexicon knows none: "we added 410 net new clients"
  is net_new_clients, "we repurchased 2.4 million shares" is shares.
- A change stated with its new level reports the level: "inventory rose by $90 million to $2.1 billion" is
  inventory of $2.1 billion, not a range.
- A period named past another figure of the sentence, and earlier than the quarter reported, is that figure's
  baseline: "sales fell 0.4% to $8.7 billion, following a 24% increase in Q2 of last year" reports the current
  quarter's $8.7 billion.
- An open name that a report of money means as a known metric takes that metric (metrics.toml
  [reported_names]): "full year earnings were over $6 billion" is net income.
- A count the company owns is a level stated as fact, verb or not: "helping our 1,200 partners" (cues.toml
  [owned]); its period is the quarter reported.
- On a call that reports a fiscal year's last quarter, "this year, we delivered $9 billion of revenue" and
  "cloud annual revenue was $3 billion" report the fiscal year just ended, not the quarter or the year begun.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from tracker.extraction.metric_reading import snake
from tracker.errors import LexiconError
from tracker.fiscal import period_from_label
from tracker.vocab.lexicon import load
from tracker.model import Actual, Claim, Comparator, FiscalCalendar, Hedge, Kind, Period, PriorClaim, Speaker
from tracker.vocab.patterns import pattern
from tracker.periods import resolve_period
from tracker.numbers import number_words
from tracker.vocab.phrase_regex import phrase_pattern
from tracker.quantities import unit_family
from tracker.extraction.sentence_facts import Figure, SentenceFacts, is_future
from tracker.vocab.finders import Finder, cue_finder

_WORD = re.compile(r"[A-Za-z][\w'-]*")


def counted_metric(fig: Figure) -> str | None:
    """The metric a bare count names by its own noun: "410 net new clients" -> "net_new_clients",
    "2.4 million shares" -> "shares". Scale words are the number's; a capitalised product name before the noun is
    a scope, not the metric ("1,200 Zephyr kiosks" -> "kiosks")."""
    q = fig.quantity
    if fig.metric is not None or unit_family(q.unit) != "count":
        return None
    digits = [i for i, c in enumerate(q.text) if c.isdigit()]
    if not digits:
        return None
    words = _counted_words(q.text, digits[-1] + 1)
    kept = [w for w in words[:-1] if not _is_name(w)] + words[-1:]
    return snake(kept) or None


def counted_name(fig: Figure) -> str | None:
    """The product or format name before a count's noun, its scope: "1,200 Zephyr kiosks" -> "zephyr", "50 zOomshop
    stores" -> "zoomshop" (a camel-case brand is a name too)."""
    q = fig.quantity
    digits = [i for i, c in enumerate(q.text) if c.isdigit()]
    if not digits or unit_family(q.unit) != "count":
        return None
    words = _counted_words(q.text, digits[-1] + 1)
    return " ".join(w.casefold() for w in words[:-1] if _is_name(w)) or None


def _counted_words(text: str, start: int) -> list[str]:
    scales = number_words().multipliers
    return [w for w in _WORD.findall(text[start:]) if w.casefold() not in scales]


def _is_name(word: str) -> bool:
    return word[:1].isupper() or any(c.isupper() for c in word[1:4])


def _level(fig: Figure, text: str) -> float | None:
    """The reported value: the level a change reached where the range reads "by X to Y"."""
    q = fig.quantity
    if q.is_range and pattern("by_before").search(text[max(0, q.start - 10):q.start]):
        return q.high
    return q.low if q.low is not None else q.high


def _as_of(period: Period) -> Period:
    """An as-of figure is labelled with its date ("2025-02-28")."""
    if period.end is None:
        return period
    return Period(label=period.end.isoformat(), start=period.end, end=period.end, phrase=period.phrase,
                  fiscal=False)


@cache
def _annual() -> Finder:
    """The words that name a metric as the year's total (cues.toml [annual]), checked at load."""
    section = load("cues").get("annual")
    words = section.get("words") if isinstance(section, dict) else None
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise LexiconError("cues.toml [annual] must list the words of a year's total under `words`")
    if set(section) != {"words"}:
        raise LexiconError(f"cues.toml [annual]: unknown keys {sorted(set(section) - {'words'})}")
    return cue_finder("annual")


@cache
def _reported_names() -> dict[str, str]:
    """metrics.toml [reported_names]: open name -> known metric, checked at load."""
    table = load("metrics").get("reported_names")
    known = load("metrics")["metrics"]
    if not isinstance(table, dict) or not table:
        raise LexiconError("metrics.toml [reported_names] must map open names to metrics")
    bad = sorted(k for k, v in table.items() if v not in known)
    if bad:
        raise LexiconError(f"metrics.toml [reported_names]: not a metric for {bad}")
    return dict(table)


def _reported_name(fig: Figure) -> Figure:
    """"earnings of $5.1 billion", reported: net income."""
    if fig.metric_known or fig.metric is None or unit_family(fig.unit) != "money":
        return fig
    name = _reported_names().get(fig.metric)
    return replace(fig, metric=name, metric_known=True) if name else fig


@cache
def _owned() -> re.Pattern[str]:
    """cues.toml [owned]: the words that make a count the company's own, right before the figure; checked at load."""
    section = load("cues").get("owned")
    words = section.get("words") if isinstance(section, dict) else None
    if not isinstance(words, list) or not words or set(section) != {"words"}:
        raise LexiconError("cues.toml [owned] must list the possessive words under `words` only")
    return re.compile(rf"(?:{phrase_pattern(words)})\s+$", re.I)


def _owned_count(fig: Figure, text: str) -> bool:
    """"value for our more than 9,000 customers": a count the company has now."""
    q = fig.quantity
    return unit_family(q.unit) == "count" and fig.tense != "forward" and bool(
        _owned().search(text, max(0, q.start - 12), q.start))


def _year_reported(reported: Period, cal: FiscalCalendar) -> Period | None:
    """The fiscal year the call reports, when the reported quarter is its last one ("FY2025-Q4" -> "FY2025-FY")."""
    if not reported.label.endswith("-Q4"):
        return None
    return period_from_label(reported.label[:-2] + "FY", cal)


def _named_annual(fig: Figure, text: str) -> bool:
    """"cloud annual revenue was $3 billion", "surpassed $90 billion in annual revenue": the metric's own words
    say it is the year's total."""
    term = fig.metric_term
    if term is None:
        return False
    return any(t.end <= term.start and not text[t.end:term.start].strip() for t in _annual().find(text))


def _beyond_another(fig: Figure, figures: list[Figure], reported: Period, text: str) -> bool:
    """The figure's period is an earlier one named on the far side of another figure of the sentence, or a balance
    date in an earlier clause with another figure between."""
    p, q = fig.period, fig.quantity
    if p is None or p.period is None or p.period.end is None or reported.start is None:
        return False
    between = [f.quantity for f in figures if f.quantity is not q]
    opens = len(text[:p.start].split()) <= 1     # "By the end of 2024, ...": a date that opens the sentence
    if pattern("as_of").search(p.phrase) and not opens and p.end <= q.start and (any(
            p.end <= o.start and o.end <= q.start for o in between) and pattern("clause_break").search(
            text[p.end:q.start]) or pattern("subordinate_clause").search(text[p.end:q.start])):
        return True         # "order book at quarter close stood at $8 billion, up 11%, and renewals held at
                            # 95%", "net leverage stood at 2.6x at period end once we retired $700 million": the
                            # balance date is the first clause's, not the later figure's
    if p.period.end >= reported.start:
        return False
    if opens:
        return False        # a period that opens the sentence frames all of it: "Last year, we saw attach rates of
                            # 20% off a base of 9,000 vehicles"
    return any(q.end <= o.start and o.end <= p.start or p.end <= o.start and o.end <= q.start for o in between)


_TO_DATE = {"Q1": "Q1", "Q2": "H1", "Q4": "FY"}     # a year to date through a quarter, by its label


def _year_to_date(period: Period | None, cal: FiscalCalendar, text: str) -> Period | None:
    """"Through Q2 so far this year, free cash flow came to $640 million": the fiscal year's first half, not the quarter; through
    Q4 it is the year; through Q3 there is no label, and no actual."""
    if period is None or not pattern("year_to_date").search(text):
        return period
    head, _, part = period.label.rpartition("-")
    if part not in ("Q1", "Q2", "Q3", "Q4"):
        return period
    return period_from_label(f"{head}-{_TO_DATE[part]}", cal) if part in _TO_DATE else None


def _actual_period(fig: Figure, reported: Period, call_date: date, cal: FiscalCalendar, text: str) -> Period | None:
    return _year_to_date(_period_said(fig, reported, call_date, cal, text), cal, text)


def _period_said(fig: Figure, reported: Period, call_date: date, cal: FiscalCalendar, text: str) -> Period | None:
    if fig.period is None or fig.period.period is None:
        year = _year_reported(reported, cal) if _named_annual(fig, text) else None
        return year or reported
    period = fig.period.period
    if is_future(period, call_date):
        # a report of fact about "the full year" or "this quarter" means the ended one
        period = resolve_period(fig.period.phrase, call_date, cal, past=True)
        if period is not None and is_future(period, call_date) and period.label.endswith("-FY"):
            # "this year, we delivered ...", said on the call that reports the year's last quarter
            year = _year_reported(reported, cal)
            period = year if year is not None and year.end is not None and year.end < period.end else period
        if period is None or is_future(period, call_date):
            return None
    if pattern("as_of").search(fig.period.phrase) and unit_family(fig.unit) not in ("percent", "ratio"):
        return _as_of(period)           # (a rate is over a period: "by the end of 2021, a 10% return" is 2021's)
    return period


def sentence_actuals(facts: SentenceFacts, speaker: Speaker, reported: Period, call_date: date,
                     cal: FiscalCalendar, start: int, end: int,
                     carried: Period | None = None) -> tuple[list[Actual], list[PriorClaim]]:
    """Actuals and prior claims stated by one sentence; `carried` is the year a run of sentences about the year
    just ended gives an amount or a rate with no period of its own (tracker.extraction.year_run)."""
    if facts.boilerplate or facts.counterfactual:
        return [], []
    figures = facts.figures
    if not (facts.fact_verbs or facts.count_verbs):
        # a count the company has ("our more than 9,000 customers"), or one of a fronted "With 1,200 stores, ..."
        figures = [f for f in figures if _owned_count(f, facts.text) or f.tense == "fact"]
    actuals: list[Actual] = []
    priors: list[Claim] = []
    for fig in figures:
        counted = counted_metric(fig)
        if counted is not None:
            fig = replace(fig, metric=counted, metric_known=False)
        fig = _reported_name(fig)
        if fig.metric is None or fig.is_change or fig.is_comparison or fig.tense == "forward":
            continue
        unit = fig.unit
        value = _level(fig, facts.text)
        if unit is None or value is None:
            continue
        if _beyond_another(fig, facts.figures, reported, facts.text):
            fig = replace(fig, period=None)
        own = carried if carried is not None and unit_family(unit) in ("money", "percent") else reported
        period = _actual_period(fig, own, call_date, cal, facts.text)
        if period is None:
            continue
        if fig.prior:
            priors.append(Claim(
                kind=Kind.GUIDANCE, metric=fig.metric, scope=fig.scope, comparator=fig.quantity.comparator
                or Comparator.EQ, low=fig.quantity.low, high=fig.quantity.high, unit=unit, period=period,
                speaker=speaker.name, role=speaker.role, quote=facts.text, mentions=(), hedge=Hedge.EXPECTED,
            ))
            continue
        actuals.append(Actual(
            metric=fig.metric, scope=fig.scope, value=-abs(value) if fig.negative else value, unit=unit,
            period=period, quote=facts.text, speaker=speaker.name, start=start, end=end,
            metric_known=fig.metric_known, basis=fig.basis,
        ))
    prior_claims = []
    for claim in priors:
        match = next((a for a in actuals if a.metric == claim.metric and a.scope == claim.scope), None)
        prior_claims.append(PriorClaim(claim=claim, actual=match))
    return actuals, prior_claims
