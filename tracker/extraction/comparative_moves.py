"""A move said as a comparison with a past period, without a number.

"We expect to haul more ore out of the Kestrel pit this year than we did in 2024." promises that ore
hauled rises this year; "lower turnaround costs this year than in 2024" that the costs fall. The metric is
the noun phrase after the comparative word, known to the lexicon or not (then `metric_known` is false); a proper
name after "out of", "at", "in" or "from" inside the comparison is the scope; the period is the sentence's future
one, else the frame's. The words are patterns `more_than_before` and `less_than_before` of
`tracker/data/patterns.toml`.
"""
from __future__ import annotations

import re
from datetime import date

from tracker.extraction.claims import Said
from tracker.extraction.metric_reading import leading_phrase_name
from tracker.model import Claim, Comparator, Hedge, Kind, Period
from tracker.vocab.patterns import pattern
from tracker.extraction.sentence_facts import SentenceFacts, is_future
from tracker.vocab.finders import scope_finders

_CAPITALISED = re.compile(r"\s*((?:[A-Z][\w'-]*\s?){1,3})")   # typography: a proper name's capitals


def _name_inside(span: str) -> str | None:
    """The proper name after "out of", "at", "in", "from" (pattern `place_before_name`): "out of Kestrel" -> "kestrel"."""
    for m in pattern("place_before_name").finditer(span):
        name = _CAPITALISED.match(span, m.end())
        if name:
            return name.group(1).strip().lower()
    return None


def comparative_claims(facts: SentenceFacts, said: Said, call_date: date, frame: Period | None,
                       numeric: frozenset[str]) -> list[Claim]:
    if not facts.forward_looking or facts.counterfactual or facts.past_marker:
        return []
    for name, comparator in (("more_than_before", Comparator.GT), ("less_than_before", Comparator.LT)):
        m = pattern(name).search(facts.text)
        if m is None or any(m.start() <= f.quantity.start < m.end() for f in facts.figures):
            continue                  # "$2 billion more than the dividends": a figure says how much
        span = facts.text[m.start():m.end()]
        word_end = m.start() + len(span.split()[0])
        known = [t for t in facts.metrics if m.start() < t.start and t.end <= m.end()]
        metric = known[0].name if known else leading_phrase_name(facts.text[word_end:m.end()])
        if metric is None or metric in numeric:
            continue
        dated = [p.period for p in facts.periods if p.period is not None and is_future(p.period, call_date)]
        period = dated[0] if dated else frame
        if period is None:
            continue
        scope = _name_inside(facts.text[word_end:m.end()])
        hedge = facts.hedge or Hedge.EXPECTED
        return [Claim(kind=Kind.DIRECTION, metric=metric, scope=scope,
                      comparator=comparator, low=None, high=None, unit=None, period=period,
                      speaker=said.speaker.name, role=said.speaker.role, quote=said.sentence.text,
                      mentions=(said.mention(),), hedge=hedge, confidence=0.6, metric_known=bool(known))]
    return []


def open_move_claims(facts: SentenceFacts, said: Said, call_date: date, frame: Period | None,
                     numeric: frozenset[str]) -> list[Claim]:
    """"We expect an increase in managed receivables driven by new dealers": a move of a metric the lexicon does not
    know is still a direction claim, on the noun phrase after "in" (`metric_known` false). A sentence naming a
    known metric or a business line is read by the direction and line readers instead."""
    if facts.metrics or not facts.forward_looking or facts.counterfactual or facts.past_marker or facts.fact_verbs:
        return []
    geo, seg = scope_finders()
    for name, comparator in (("open_rise_in", Comparator.GT), ("open_fall_in", Comparator.LT)):
        m = pattern(name).search(facts.text)
        if m is None:
            continue
        rest = facts.text[m.end():]
        if geo.find(rest[:40]) or seg.find(rest[:40]) or any(p.start == m.end() + 1 for p in facts.periods):
            continue                  # "growth in Europe", "an increase in Q3": a line or a time, not a metric
        metric = leading_phrase_name(rest)
        dated = [p.period for p in facts.periods if p.period is not None and is_future(p.period, call_date)]
        period = dated[0] if dated else frame
        if metric is None or metric in numeric or period is None:
            continue
        hedge = facts.hedge or Hedge.EXPECTED
        return [Claim(kind=Kind.DIRECTION, metric=metric, scope=None, comparator=comparator, low=None, high=None,
                      unit=None, period=period, speaker=said.speaker.name, role=said.speaker.role,
                      quote=said.sentence.text, mentions=(said.mention(),), hedge=hedge, confidence=0.6,
                      metric_known=False)]
    return []
