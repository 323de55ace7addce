"""A figure of an earlier sentence carried to another period by a word that points back.

"Gross margin was 45% in the first quarter. We expect the third quarter to be at about that level as well."
The second sentence names neither a metric nor a figure: "that level" points back to the 45% gross margin, and
the claim is gross margin of about 45% in the third quarter. "We expect capex of about $2 billion in 2025. We
expect 2026 to be at a similar level." is about $2 billion of capex in 2026. The pointer holds only inside one
speaker's turn, for a forward-looking sentence with a future period of its own and no figure of its own, and a
metric the sentence names must be the one pointed to. Words: referents.toml [level], checked on first use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.model import Actual, Claim, Comparator, FiscalCalendar, Hedge, Kind, Mention, Period
from tracker.periods import find_periods
from tracker.vocab.phrase_regex import phrase_pattern
from tracker.extraction.sentence_facts import SentenceFacts, is_future
from tracker.vocab.finders import metric_spec
from tracker.vocab.regex_cache import compile_cached

_KEYS = {"phrases", "approximate", "reach"}


@dataclass(frozen=True)
class _Figure:
    """What a pointer may carry: a metric's value, its unit and line."""
    kind: Kind
    metric: str
    scope: str | None
    low: float | None
    high: float | None
    unit: str | None
    comparator: Comparator | None
    basis: str | None
    measure: str | None
    metric_known: bool


@dataclass(frozen=True)
class _Words:
    pointer: re.Pattern[str]
    approximate: re.Pattern[str]
    reach: int


def _phrases(table: dict, key: str) -> list[str]:
    value = table.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w == w.lower() and w.strip()
                                                          for w in value) or len(set(value)) != len(value):
        raise LexiconError(f"referents.toml: [level] {key} must be a non-empty list of distinct lower-case phrases")
    return value


@cache
def _words() -> _Words:
    table = load("referents").get("level")
    if not isinstance(table, dict) or set(table) != _KEYS:
        raise LexiconError(f"referents.toml: [level] must hold exactly {sorted(_KEYS)}")
    reach = table["reach"]
    if not isinstance(reach, int) or isinstance(reach, bool) or not 1 <= reach <= 5:
        raise LexiconError("referents.toml: [level] reach must be a whole number from 1 to 5")
    return _Words(compile_cached(rf"(?<![\w-])(?:{phrase_pattern(_phrases(table, 'phrases'))})", re.I),
                  compile_cached(rf"(?<![\w-])(?:{phrase_pattern(_phrases(table, 'approximate'))})", re.I), reach)


def _from_claim(c: Claim) -> _Figure | None:
    if c.kind not in (Kind.GUIDANCE, Kind.TARGET) or (c.low is None and c.high is None):
        return None
    return _Figure(c.kind, c.metric, c.scope, c.low, c.high, c.unit, c.comparator, c.basis, c.measure,
                   c.metric_known)


def _from_actual(a: Actual) -> _Figure:
    kind = Kind(metric_spec(a.metric).get("kind", "guidance"))
    return _Figure(kind, a.metric, a.scope, a.value, a.value, a.unit, Comparator.EQ, a.basis, None, a.metric_known)


class LevelMemory:
    """The last figure of one speaker's turn and how many sentences ago it was said, to resolve "that level"."""

    def __init__(self) -> None:
        self.last: _Figure | None = None
        self.age = 0

    def new_turn(self) -> None:
        self.last, self.age = None, 0

    def tick(self) -> None:
        """Call at each sentence of the turn, before reading it."""
        self.age += 1

    def saw(self, claims: list[Claim], actuals: list[Actual]) -> None:
        """Call after a sentence with what it gave; its last figure is the one a pointer after it means."""
        found = [f for f in map(_from_claim, claims) if f is not None] + [_from_actual(a) for a in actuals]
        if found:
            self.last, self.age = found[-1], 0

    def points_back(self, text: str) -> bool:
        """A figure of this turn is remembered and `text` has a word that may point back to it."""
        return self.last is not None and self.age <= _words().reach and bool(_words().pointer.search(text))

    def carried(self, facts: SentenceFacts, call_date: date, speaker: Mention, cal: FiscalCalendar) -> list[Claim]:
        """The claim a pointer of the sentence makes, or nothing."""
        if any(f.metric for f in facts.figures) or not facts.forward_looking or facts.counterfactual:
            return []
        w = _words()
        m = w.pointer.search(facts.text)
        # a sentence with no figure is not read for periods ("to maintain that level through the end of the year")
        periods = facts.periods or (find_periods(facts.text, call_date, cal) if m else [])
        future = [p for p in periods if p.period is not None and is_future(p.period, call_date)]
        if m is None or len(future) != 1:
            return []
        fig = self.last if self.age <= w.reach else None
        own = {t.name for t in facts.metrics}
        if fig is None or own and fig.metric not in own and fig.metric.removesuffix("_growth") not in own:
            return []
        approx = bool(w.approximate.search(facts.text, max(0, m.start() - 20), m.end()))
        period: Period = future[0].period
        return [Claim(
            kind=fig.kind, metric=fig.metric, scope=fig.scope,
            comparator=Comparator.APPROX if approx and fig.low == fig.high else fig.comparator,
            low=fig.low, high=fig.high, unit=fig.unit, period=period, speaker=speaker.speaker, role=speaker.role,
            quote=facts.text, mentions=(speaker,), hedge=facts.hedge or Hedge.EXPECTED, confidence=0.7,
            metric_known=fig.metric_known, basis=fig.basis, measure=fig.measure)]
