"""Reported figures: what a call states as fact for the period it reports, or as of a date.

A figure is an actual when its sentence reports rather than promises (a verb of fact, no forward cue for it)
and its period has ended. Growth rates and comparisons are not levels and are left out. A figure introduced
as earlier guidance ("beating our guidance of $80 million") becomes a prior claim scored by its sibling figure.
"""
from __future__ import annotations

import re
from datetime import date

from tracker.model import Actual, Claim, Comparator, FiscalCalendar, Hedge, Kind, Period, PriorClaim, Speaker
from tracker.periods import resolve_period
from tracker.sentence_facts import Figure, SentenceFacts, is_future

_AS_OF = re.compile(r"\b(end of|as of|as at|at the end|by the end|ended|closing)\b", re.I)


def _as_of(period: Period) -> Period:
    """An as-of figure is labelled with its date ("2025-02-28")."""
    if period.end is None:
        return period
    return Period(label=period.end.isoformat(), start=period.end, end=period.end, phrase=period.phrase,
                  fiscal=False)


def _actual_period(fig: Figure, reported: Period, call_date: date, cal: FiscalCalendar) -> Period | None:
    if fig.period is None or fig.period.period is None:
        return reported
    period = fig.period.period
    if is_future(period, call_date):
        # a report of fact about "the full year" or "this quarter" means the ended one
        period = resolve_period(fig.period.phrase, call_date, cal, past=True)
        if period is None or is_future(period, call_date):
            return None
    if _AS_OF.search(fig.period.phrase):
        return _as_of(period)
    return period


def sentence_actuals(facts: SentenceFacts, speaker: Speaker, reported: Period, call_date: date,
                     cal: FiscalCalendar, start: int, end: int) -> tuple[list[Actual], list[PriorClaim]]:
    """Actuals and prior claims stated by one sentence."""
    if not facts.fact_verbs or facts.boilerplate or facts.counterfactual:
        return [], []
    actuals: list[Actual] = []
    priors: list[Claim] = []
    for fig in facts.figures:
        if fig.metric is None or fig.is_change or fig.is_comparison or fig.tense == "forward":
            continue
        unit = fig.unit
        value = fig.quantity.low if fig.quantity.low is not None else fig.quantity.high
        if unit is None or value is None:
            continue
        period = _actual_period(fig, reported, call_date, cal)
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
