"""Restatements merged into one claim.

Restating the same figure for the same metric, scope and period adds a mention to the claim; a different value or
period is a new claim. "Revenue of $7.5 billion" said twice is one claim with two mentions; "$7.5 billion" and
"$8 billion" are two.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace

from tracker.extraction.scopes import leaves_out
from tracker.model import Claim, Comparator, Kind, Period
from tracker.units import unit_family
from tracker.vocab.patterns import pattern

_GROWTH_MEASURES = frozenset({"yoy_growth", "qoq_growth", "cagr"})


class _Entry:
    """One claim of a ClaimSet while it is being built: the claim as merged so far, its mentions (kept in a
    list, so that the thousandth restatement costs no more than the first), where they start, and its place."""
    __slots__ = ("claim", "mentions", "starts", "seq", "keys")

    def __init__(self, claim: Claim, seq: int) -> None:
        self.claim = claim
        self.mentions = list(claim.mentions)
        self.starts = {m.start for m in claim.mentions}
        self.seq = seq
        self.keys: set[tuple] = set()           # where the ClaimSet's indexes hold it

    def built(self) -> Claim:
        if len(self.mentions) == len(self.claim.mentions):
            return self.claim
        return replace(self.claim, mentions=tuple(self.mentions))


def _label(period: Period | None) -> str | None:
    return period.label if period else None


# Figures within 0.5% of each other restate one another (a point and a range's midpoint): buckets this wide on
# a log scale, with each bucket's neighbours, hold every figure that close.
_NEAR = math.log1p(0.005)


def _nested_target(old: Claim, new: Claim) -> bool:
    """"gradual deleveraging to our 3.0x goal, which we see by mid-2029" and "that 3.0x leverage goal in 2029": an
    operating target restated for a period that the first one's deadline falls in (or the other way round)
    is one promise. Money guidance is not: "$1 billion in the quarter" and "$1 billion for the year" are two."""
    a, b = old.period, new.period
    if not (old.kind is new.kind is Kind.TARGET and a and b and a.start and a.end and b.start and b.end) \
            or unit_family(old.unit) == "money":
        return False
    return a.start <= b.end <= a.end or b.start <= a.end <= b.end      # one is due within the other


def _near_value(c: Claim) -> float | None:
    """The figure a point or a range stands for: the point, or the range's midpoint; a floor's or ceiling's bound."""
    if c.low is None or c.high is None:
        return c.low if c.high is None else c.high
    return (c.low + c.high) / 2


def _bucket(v: float) -> tuple[int, int]:
    """(sign, log bucket) of a figure; zero is its own bucket."""
    if v == 0:
        return 0, 0
    return (1 if v > 0 else -1), int(math.floor(math.log(abs(v)) / _NEAR))


def _near_buckets(v: float) -> list[tuple[int, int]]:
    """The figure's bucket and its neighbours: every figure within 0.5% of it is in one of them."""
    sign, b = _bucket(v)
    return [(0, 0)] if sign == 0 else [(sign, b - 1), (sign, b), (sign, b + 1)]


class ClaimSet:
    """Claims in order of first mention; restatements merged.

    A restatement is looked for only among the claims that could be one: of the same subject key (kind and
    metric, or a milestone's period and scope), and for figures of the same period (or undated) with an equal
    value or one within 0.5%; its sentence among the mentions by their start. So a call repeating one sentence
    50,000 times, or stating thousands of different figures of one metric, is merged in linear time."""

    def __init__(self) -> None:
        self._entries: list[_Entry] = []
        self._by_subject: dict[tuple, list[_Entry]] = {}
        self._labels: dict[tuple, set[str | None]] = {}
        self._exact: dict[tuple, list[_Entry]] = {}
        self._near: dict[tuple, list[_Entry]] = {}
        self._events: dict[str | None, list[_Entry]] = {}     # milestones by period label

    @property
    def claims(self) -> list[Claim]:
        return [entry.built() for entry in self._entries]

    @staticmethod
    def _key(c: Claim) -> tuple[tuple, str | None]:
        """(what the claim is about, its period label)."""
        label = c.period.label if c.period else None
        if c.kind is Kind.MILESTONE:
            return (c.kind, label, c.scope or id(c)), label
        if c.kind is Kind.DIRECTION:
            # growth on the prior quarter and growth on the prior year are different promises; so are a rise and
            # a fall ("decline year over year" and "some improvement in Q4" on the quarter before)
            return (c.kind, c.metric, bool(pattern("sequential").search(c.quote)), c.comparator), label
        return (c.kind, c.metric), label

    @staticmethod
    def _same_value(a: Claim, b: Claim) -> bool:
        """Equal figures, or a point restating a range's midpoint ("about $2.46 billion" for "$2.46 billion,
        plus or minus $30 million")."""
        if (a.low, a.high) == (b.low, b.high):
            return True
        points = [c for c in (a, b) if c.low is not None and c.low == c.high]
        ranges = [c for c in (a, b) if c.low is not None and c.high is not None and c.low != c.high]
        if len(points) == 1 and len(ranges) == 1:
            mid = (ranges[0].low + ranges[0].high) / 2
            return abs(points[0].low - mid) <= 0.005 * abs(mid)
        # "we aim to reach 2 million meals a day" and "2 million meals a day is within reach": a
        # bound and a point of one figure restate one promise
        bounds = [c for c in (a, b) if (c.low is None) != (c.high is None)]
        if len(points) == 1 and len(bounds) == 1:
            return points[0].low == (bounds[0].low if bounds[0].low is not None else bounds[0].high)
        return False

    @staticmethod
    def _same_event(old: Claim, new: Claim) -> bool:
        """Two milestones of one period about one product, however it is spelled: "the MI500" and "MI500X
        production", "Aster-2" and "Aster 2"."""
        if not (old.kind is new.kind is Kind.MILESTONE and old.scope and new.scope and old.period and new.period
                and old.period.label == new.period.label):
            return False
        a, b = (re.sub(r"[\s.\-]", "", c.scope.lower()) for c in (old, new))
        return min(len(a), len(b)) >= 3 and (a in b or b in a)

    @classmethod
    def _same_subject(cls, old: Claim, new: Claim) -> bool:
        if cls._same_event(old, new):
            return True
        (a, a_label), (b, b_label) = cls._key(old), cls._key(new)
        if a != b or not cls._same_value(old, new):
            return False
        # an undated restatement of a dated figure ("which will add 4.7 EH/s") is the same promise
        same_period = a_label == b_label or (old.kind is not Kind.MILESTONE and None in (a_label, b_label)
                                             and old.low is not None) or _nested_target(old, new)
        # "NII and NII ex Markets of about $91 billion": the part without Markets is never the whole restated
        return (same_period and not (old.scope and new.scope and old.scope != new.scope)
                and leaves_out(old.scope) == leaves_out(new.scope))

    def _restates_level(self, claim: Claim) -> _Entry | None:
        """"Bookings of $2.6 billion, 8% higher than a year ago": a growth rate of a metric already guided as a level
        for the same period and scope restates that guide; it is a mention of it, not a second promise."""
        if claim.kind is Kind.DIRECTION and claim.comparator is Comparator.APPROX:
            level = claim.metric          # "gross margin essentially flat in Q4" restates the Q4 gross margin guide
        elif claim.measure not in _GROWTH_MEASURES or not claim.metric.endswith("_growth"):
            return None
        else:
            level = claim.metric[:-len("_growth")]
        for kind in (Kind.GUIDANCE, Kind.TARGET):
            for entry in self._by_subject.get((kind, level), ()):
                old = entry.claim
                if (old.measure is None and old.low is not None and _label(old.period) == _label(claim.period)
                        and old.scope == claim.scope):
                    return entry
        return None

    def add(self, claim: Claim) -> None:
        level = self._restates_level(claim)
        if level is not None:
            if claim.mentions[0].start not in level.starts:
                level.mentions.extend(claim.mentions)
                level.starts.update(m.start for m in claim.mentions)
            return
        subject = self._key(claim)[0]
        for entry in self._candidates(subject, claim):
            old = entry.claim
            if not self._same_subject(old, claim):
                continue
            if claim.mentions[0].start in entry.starts:
                return
            merged = replace(old, scope=old.scope or claim.scope, period=old.period or claim.period,
                             revision=old.revision or claim.revision,
                             confidence=min(1.0, round(old.confidence + 0.05, 2)))
            if old.low == old.high and claim.low != claim.high:    # the range says more than its midpoint
                merged = replace(merged, low=claim.low, high=claim.high, comparator=claim.comparator)
            entry.claim = merged
            entry.mentions.extend(claim.mentions)
            entry.starts.update(m.start for m in claim.mentions)
            self._index(subject, entry)          # its period or value may have changed: findable by both
            return
        entry = _Entry(claim, len(self._entries))
        self._entries.append(entry)
        self._by_subject.setdefault(subject, []).append(entry)
        if claim.kind is Kind.MILESTONE:
            self._events.setdefault(_label(claim.period), []).append(entry)
        self._index(subject, entry)

    def _index(self, subject: tuple, entry: _Entry) -> None:
        c = entry.claim
        if c.kind is Kind.MILESTONE:
            return                               # milestones are few a subject: looked for by subject alone
        label = _label(c.period)
        self._labels.setdefault(subject, set()).add(label)
        keys = [(self._exact, (subject, label, c.low, c.high))]
        v = _near_value(c)
        if v is not None:
            keys.append((self._near, (subject, label, _bucket(v))))
        for index, key in keys:
            if key not in entry.keys:
                entry.keys.add(key)
                index.setdefault(key, []).append(entry)

    def _candidates(self, subject: tuple, claim: Claim) -> list[_Entry]:
        """The entries that may be the claim restated, first stated first (as a scan of all of them would meet
        them): the subject's every claim for a milestone; else those of the claim's period or undated (every
        period when the claim is undated) with the same figures or a figure within 0.5%."""
        if claim.kind is Kind.MILESTONE:
            # every milestone of the period: "the MI500" and "MI500X production" are one product however spelled
            return self._events.get(_label(claim.period), [])
        label = _label(claim.period)
        labels = self._labels.get(subject, set()) | {None} if label is None or claim.kind is Kind.TARGET \
            else (label, None)
        v = _near_value(claim)
        found: dict[int, _Entry] = {}
        for lab in labels:
            for entry in self._exact.get((subject, lab, claim.low, claim.high), ()):
                found[entry.seq] = entry
            if v is not None:
                for bucket in _near_buckets(v):
                    for entry in self._near.get((subject, lab, bucket), ()):
                        found[entry.seq] = entry
        return [found[k] for k in sorted(found)]

