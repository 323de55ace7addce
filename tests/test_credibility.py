"""Credibility summary: hit rate, Wilson interval, surprise, lateness (invented company: Acme Industrial)."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.model import Claim, Hedge, Kind, Role, Verdict
from tracker.scoring import Credibility, ScoringPolicy, VerdictResult, credibility, wilson_interval

ON = date(2025, 9, 1)
CLAIM = Claim(kind=Kind.GUIDANCE, metric="revenue", scope=None, comparator=None, low=1.0, high=None, unit="USD",
              period=None, speaker="Sam Ortiz", role=Role.EXECUTIVE, quote="q", mentions=(), hedge=Hedge.FIRM)


def r(verdict: Verdict, surprise=None, days_late=None) -> tuple[Claim, VerdictResult]:
    return CLAIM, VerdictResult(verdict, "", ON, surprise_pct=surprise, days_late=days_late)


WILSON = [
    # hits, n, low, high (reference values of the Wilson score interval, z = 1.96)
    (0, 0, 0.0, 1.0),
    (0, 10, 0.0, 0.2775),
    (10, 10, 0.7225, 1.0),
    (5, 10, 0.2366, 0.7634),
    (8, 13, 0.3552, 0.8229),
    (81, 100, 0.7222, 0.8749),
]


@pytest.mark.parametrize("hits, n, low, high", WILSON)
def test_wilson_interval(hits, n, low, high):
    lo, hi = wilson_interval(hits, n)
    assert lo == pytest.approx(low, abs=1e-4)
    assert hi == pytest.approx(high, abs=1e-4)


@pytest.mark.parametrize("hits, n", [(-1, 5), (6, 5), (0, -1)])
def test_wilson_rejects_nonsense(hits, n):
    with pytest.raises(ValueError):
        wilson_interval(hits, n)


MIXED = [r(Verdict.BEAT, 10.0), r(Verdict.MET, 2.0), r(Verdict.MET, -1.0), r(Verdict.MISSED, -15.0),
         r(Verdict.LATE, days_late=15), r(Verdict.LATE, days_late=45), r(Verdict.WITHDRAWN), r(Verdict.PENDING),
         r(Verdict.AWAITING), r(Verdict.UNVERIFIABLE), r(Verdict.DISMISSED)]

FIELDS = [
    ("n_claims", 10),          # dismissed claims are set aside
    ("n_scored", 6),
    ("hits", 3),
    ("hit_rate", 0.5),
    ("withdrawn", 1),
    ("late", 2),
    ("mean_days_late", 30.0),
    ("mean_signed_surprise_pct", -1.0),
    ("mean_abs_error_pct", 7.0),
    ("enough", True),
    ("summary", "hit rate 50% (95% CI 19-81%, n=6)"),
]


@pytest.mark.parametrize("field, expected", FIELDS)
def test_credibility_fields(field, expected):
    cred = credibility(MIXED)
    assert getattr(cred, field) == (pytest.approx(expected) if isinstance(expected, float) else expected)


def test_by_verdict_counts_everything():
    assert credibility(MIXED).by_verdict == {"beat": 1, "met": 2, "missed": 1, "late": 2, "withdrawn": 1,
                                             "pending": 1, "awaiting": 1, "unverifiable": 1, "dismissed": 1}


TOO_FEW = [
    ("two-scored", [r(Verdict.MET, 1.0), r(Verdict.MISSED, -9.0), r(Verdict.PENDING)], 5,
     "too few scored claims (n=2)", False),
    ("none-scored", [r(Verdict.PENDING)], 5, "too few scored claims (n=0)", False),
    ("nothing", [], 5, "too few scored claims (n=0)", False),
    ("lower-threshold", [r(Verdict.MET, 1.0), r(Verdict.MISSED, -9.0)], 2, "hit rate 50% (95% CI 9-91%, n=2)", True),
]


@pytest.mark.parametrize("results, minimum, summary, enough", [t[1:] for t in TOO_FEW], ids=[t[0] for t in TOO_FEW])
def test_threshold(results, minimum, summary, enough):
    cred = credibility(results, ScoringPolicy(min_scored_for_credibility=minimum))
    assert (cred.summary, cred.enough) == (summary, enough)


def test_empty_has_no_rates():
    cred = credibility([])
    assert isinstance(cred, Credibility)
    assert (cred.hit_rate, cred.wilson_low, cred.mean_signed_surprise_pct, cred.mean_days_late) == (None,) * 4


def test_accepts_a_generator():
    assert credibility(x for x in MIXED).n_scored == 6
