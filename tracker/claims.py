"""Forward-looking claims from analysed sentences, with restatements merged into one claim.

A sentence promises something when it carries a forward cue (expect, will, target...) and a figure, a
direction or an event tied to a period that has not ended at the time of the call. Restating the same figure
for the same metric, scope and period adds a mention to the claim; a different value or period is a new claim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from tracker.model import Claim, Comparator, Hedge, Kind, Mention, Period, Role, Sentence, Speaker
from tracker.sentence_facts import Figure, SentenceFacts, is_future, is_past, product_scope
from tracker.vocab import metric_spec, scope_finders

_BEING = re.compile(r"\b(being|to be|will be|should be|are|is)\s+\w+ed\b", re.I)
_TARGET_WORDS = re.compile(r"\b(target|goal|reach|reaching|achieve|achieving|objective|aim)\w*\b", re.I)


@dataclass(frozen=True)
class Said:
    """Who said a sentence, and where."""
    speaker: Speaker
    sentence: Sentence

    def mention(self) -> Mention:
        return Mention(speaker=self.speaker.name, quote=self.sentence.text, start=self.sentence.start,
                       end=self.sentence.end, role=self.speaker.role)


def _unit_and_values(fig: Figure) -> tuple[str | None, float | None, float | None]:
    q = fig.quantity
    unit = q.unit or metric_spec(fig.metric or "").get("unit")
    return unit, q.low, q.high


def _comparator(fig: Figure, kind: Kind, text: str) -> Comparator | None:
    comp = fig.quantity.comparator
    if comp in (None, Comparator.EQ) and kind is Kind.TARGET and _TARGET_WORDS.search(text):
        return Comparator.GE       # "a goal of reaching 10" is a floor, not a point
    if comp is None:
        return Comparator.RANGE if fig.quantity.is_range else Comparator.EQ
    return comp


def _confidence(period: Period | None, has_value: bool, hedge: Hedge) -> float:
    score = 0.4 + (0.25 if period and period.end else 0) + (0.2 if has_value else 0)
    score += {Hedge.FIRM: 0.15, Hedge.EXPECTED: 0.1, Hedge.ASPIRATIONAL: 0.05, Hedge.CONDITIONAL: 0.0}[hedge]
    return round(min(score, 1.0), 2)


def figure_claims(facts: SentenceFacts, said: Said, call_date: date,
                  neighbour_period: Period | None) -> list[Claim]:
    """Numeric claims: one per figure that names a metric and is not already past."""
    if not facts.forward_looking or facts.counterfactual:
        return []
    out = []
    hedge = facts.hedge or Hedge.EXPECTED
    for fig in facts.figures:
        if fig.metric is None or fig.is_comparison or fig.prior or fig.tense == "fact":
            continue
        unit, low, high = _unit_and_values(fig)
        if unit is None:
            continue
        # a vague phrase ("over time") leaves the claim undated on purpose; no phrase at all borrows the
        # period of the sentence before, which often sets the frame ("For Q2, ... We expect revenue of ...")
        period = fig.period.period if fig.period else (None if facts.fact_verbs else neighbour_period)
        if is_past(period, call_date):
            continue
        spec = metric_spec(fig.metric)
        kind = Kind(spec.get("kind", "guidance"))
        comparator = _comparator(fig, kind, facts.text)
        if comparator in (Comparator.LE, Comparator.LT) and not fig.quantity.is_range:
            low, high = None, high if high is not None else low
        elif comparator in (Comparator.GE, Comparator.GT) and not fig.quantity.is_range:
            high = None
        out.append(Claim(
            kind=kind, metric=fig.metric, scope=fig.scope, comparator=comparator, low=low, high=high, unit=unit,
            period=period, speaker=said.speaker.name, role=said.speaker.role, quote=said.sentence.text,
            mentions=(said.mention(),), hedge=hedge, confidence=_confidence(period, True, hedge),
        ))
    return out


def _sentence_scope(text: str) -> str | None:
    geo, seg = scope_finders()
    found = geo.search(text) or seg.search(text)
    return found.name if found else None


def _future_period(facts: SentenceFacts, call_date: date) -> Period | None:
    for p in facts.periods:
        if p.period is not None and is_future(p.period, call_date):
            return p.period
    return None


def direction_claim(facts: SentenceFacts, said: Said, call_date: date) -> Claim | None:
    """"We expect X to reach a new high / improve in Q1": a move against a baseline, without a number."""
    if not (facts.forward_looking and facts.direction and facts.metrics) or facts.counterfactual:
        return None
    if any(f.metric and not f.is_comparison and not f.is_change for f in facts.figures):
        return None
    period = _future_period(facts, call_date)
    if period is None:
        return None
    metric = facts.metrics[0].name
    hedge = facts.hedge or Hedge.EXPECTED
    return Claim(
        kind=Kind.DIRECTION, metric=metric, scope=_sentence_scope(facts.text),
        comparator=Comparator.GT if facts.direction == "up" else Comparator.LT, low=None, high=None,
        unit=metric_spec(metric).get("unit"), period=period, speaker=said.speaker.name, role=said.speaker.role,
        quote=said.sentence.text, mentions=(said.mention(),), hedge=hedge,
        confidence=_confidence(period, False, hedge),
    )


def milestone_claim(facts: SentenceFacts, said: Said, call_date: date) -> Claim | None:
    """An event promised by a date: a launch, a delivery, a start of production."""
    if not facts.milestone_verbs or facts.counterfactual or facts.past_marker:
        return None
    if not (facts.forward_looking or _BEING.search(facts.text)):
        return None
    if any(f.metric for f in facts.figures if not f.is_comparison):
        return None
    period = _future_period(facts, call_date)
    if period is None:
        return None
    hedge = facts.hedge or Hedge.FIRM
    verb = facts.milestone_verbs[0]
    return Claim(
        kind=Kind.MILESTONE, metric="milestone", scope=product_scope(facts.text), comparator=None, low=None,
        high=None, unit=None, period=period, speaker=said.speaker.name, role=said.speaker.role,
        quote=said.sentence.text, mentions=(said.mention(),), hedge=hedge,
        confidence=_confidence(period, True, hedge), event=facts.text[verb.start:].strip()[:160],
    )


@dataclass
class ClaimSet:
    """Claims in order of first mention; restatements merged."""
    claims: list[Claim] = field(default_factory=list)

    @staticmethod
    def _key(c: Claim) -> tuple:
        label = c.period.label if c.period else None
        if c.kind is Kind.MILESTONE:
            return (c.kind, label, c.scope or id(c))
        return (c.kind, c.metric, label, c.low, c.high)

    def add(self, claim: Claim) -> None:
        key = self._key(claim)
        for i, old in enumerate(self.claims):
            if self._key(old) != key:
                continue
            if old.scope and claim.scope and old.scope != claim.scope:
                continue
            if any(m.start == claim.mentions[0].start for m in old.mentions):
                return
            self.claims[i] = replace(
                old, scope=old.scope or claim.scope, mentions=old.mentions + claim.mentions,
                confidence=min(1.0, round(old.confidence + 0.05, 2)),
            )
            return
        self.claims.append(claim)
