"""A metric promised at one end of a range guided before, without a number in the sentence.

"Third quarter buybacks should land at the high end of our outlook." promises where buybacks land within a
range given earlier (or elsewhere): a claim on buybacks for the first quarter, whose value this sentence does not
state. It is a qualitative claim (no low, no high) so that it is seen and dated, never scored as a level.

The rule: a forward sentence with the words of pattern `range_position` (`tracker/data/patterns.toml`) and no
figure after them in its clause; the metric is the known metric named nearest before those words in the same
clause, with no verb of fact near it ("came in at the top of our range" reports); the period is the one named nearest before the metric ("third quarter buybacks"), else the sentence's one
future period, else the frame's.
"""
from __future__ import annotations

from datetime import date

from tracker.extraction.claims import Said
from tracker.model import Claim, Hedge, Kind, Period
from tracker.vocab.patterns import pattern
from tracker.extraction.sentence_facts import SentenceFacts, is_future

_REACH = 80     # characters between the metric and "at the top of"


def position_claims(facts: SentenceFacts, said: Said, call_date: date, frame: Period | None,
                    numeric: frozenset[str]) -> list[Claim]:
    if not facts.forward_looking or facts.counterfactual:
        return []
    m = pattern("range_position").search(facts.text)
    if m is None or any(f.quantity.start >= m.start() for f in facts.figures if f.quantity.start < m.end() + 20):
        return []                     # "at the top of the $3 to $6 billion range we set": the figure says it (range_ends)
    before = [t for t in facts.metrics if m.start() - _REACH <= t.end <= m.start()
              and not pattern("clause_break").search(facts.text[t.end:m.start()])]
    if not before or before[-1].name in numeric:
        return []
    term = before[-1]
    if any(term.start - 30 <= v.start <= m.end() for v in facts.fact_verbs):
        return []                     # "buybacks came in at the top of our range": a report
    dated = [p for p in facts.periods if p.period is not None and is_future(p.period, call_date)]
    near = [p for p in dated if p.end <= term.start and term.start - p.end <= 3]
    period = (near[-1].period if near else dated[0].period if len(dated) == 1 else None) or frame
    if period is None:
        return []
    hedge = facts.hedge or Hedge.EXPECTED
    return [Claim(kind=Kind.QUALITATIVE, metric=term.name, scope=None, comparator=None, low=None, high=None,
                  unit=None, period=period, speaker=said.speaker.name, role=said.speaker.role,
                  quote=said.sentence.text, mentions=(said.mention(),), hedge=hedge, confidence=0.6)]
