"""How far a speaker's (or company's) promises can be trusted: hit rate with a Wilson interval, surprise."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.model import Claim, Verdict
from tracker.scoring.policy import ScoringPolicy
from tracker.scoring.verdicts import VerdictResult

SCORED = (Verdict.BEAT, Verdict.MET, Verdict.MISSED, Verdict.LATE)
HITS = (Verdict.BEAT, Verdict.MET)   # late is not a hit: the promise was the date too


@dataclass(frozen=True)
class Credibility:
    n_claims: int
    n_scored: int
    hits: int
    hit_rate: float | None
    wilson_low: float | None
    wilson_high: float | None
    mean_signed_surprise_pct: float | None   # raw mean of surprise_pct: > 0 means actuals came in above promises
    mean_abs_error_pct: float | None
    withdrawn: int
    late: int
    mean_days_late: float | None
    by_verdict: dict[str, int]
    enough: bool
    summary: str      # "hit rate 62% (95% CI 41-79%, n=13)" or "too few scored claims (n=2)"


def wilson_interval(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for a proportion; (0, 1) when there is nothing to go on."""
    if n < 0 or hits < 0 or hits > n:
        raise ValueError(f"need 0 <= hits <= n, got hits={hits}, n={n}")
    if n == 0:
        return 0.0, 1.0
    p = hits / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def credibility(results: Iterable[tuple[Claim, VerdictResult]], policy: ScoringPolicy = ScoringPolicy()) -> Credibility:
    """Summarise verdicts. Dismissed claims (set aside by a user as not real claims) are counted in
    `by_verdict` only."""
    verdicts: list[VerdictResult] = [r for _, r in results]
    counts = Counter(str(r.verdict) for r in verdicts)
    live = [r for r in verdicts if r.verdict is not Verdict.DISMISSED]
    scored = [r for r in live if r.verdict in SCORED]
    hits = sum(r.verdict in HITS for r in scored)
    n = len(scored)
    surprises = [r.surprise_pct for r in scored if r.surprise_pct is not None]
    lates = [r.days_late for r in scored if r.verdict is Verdict.LATE and r.days_late is not None]
    enough = n >= policy.min_scored_for_credibility
    low, high = wilson_interval(hits, n) if n else (None, None)
    rate = hits / n if n else None
    if enough:
        summary = f"hit rate {rate:.0%} (95% CI {low * 100:.0f}-{high * 100:.0f}%, n={n})"
    else:
        summary = f"too few scored claims (n={n})"
    return Credibility(
        n_claims=len(live), n_scored=n, hits=hits, hit_rate=rate, wilson_low=low, wilson_high=high,
        mean_signed_surprise_pct=_mean(surprises), mean_abs_error_pct=_mean([abs(s) for s in surprises]),
        withdrawn=counts.get(str(Verdict.WITHDRAWN), 0), late=counts.get(str(Verdict.LATE), 0),
        mean_days_late=_mean([float(d) for d in lates]), by_verdict=dict(counts), enough=enough, summary=summary)
