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


def _mean(total: float, n: int) -> float | None:
    return total / n if n else None


@dataclass
class Totals:
    """What credibility is computed from, summed over verdicts: how many of each verdict, and the sums and counts
    of the scored verdicts' surprises and of the late ones' days late. A database sums these up without sending
    every verdict ("fls companies" over a million claims); `credibility` sums them over results in memory."""
    by_verdict: Counter
    surprise_sum: float = 0.0
    surprise_abs_sum: float = 0.0
    surprise_n: int = 0
    late_days_sum: float = 0.0
    late_n: int = 0

    def add(self, verdict: Verdict | str, count: int = 1, *, surprise_sum: float | None = None,
            surprise_abs_sum: float | None = None, surprise_n: int = 0, late_days_sum: float | None = None,
            late_n: int = 0) -> None:
        """Count `count` verdicts of one kind with their sums; the sums of verdicts that are not scored (or, for
        days late, not late) are left out, as `credibility` leaves them out."""
        verdict = Verdict(verdict)
        self.by_verdict[str(verdict)] += count
        if verdict in SCORED and surprise_n:
            self.surprise_sum += surprise_sum or 0.0
            self.surprise_abs_sum += surprise_abs_sum or 0.0
            self.surprise_n += surprise_n
        if verdict is Verdict.LATE and late_n:
            self.late_days_sum += late_days_sum or 0.0
            self.late_n += late_n


def credibility(results: Iterable[tuple[Claim, VerdictResult]], policy: ScoringPolicy = ScoringPolicy()) -> Credibility:
    """Summarise verdicts. Dismissed claims (set aside by a user as not real claims) are counted in
    `by_verdict` only."""
    totals = Totals(Counter())
    for _, r in results:
        surprise = r.surprise_pct
        late = r.days_late if r.verdict is Verdict.LATE else None
        totals.add(r.verdict, surprise_sum=surprise, surprise_abs_sum=abs(surprise) if surprise is not None else None,
                   surprise_n=int(surprise is not None), late_days_sum=float(late) if late is not None else None,
                   late_n=int(late is not None))
    return credibility_from_totals(totals, policy)


def credibility_from_totals(totals: Totals, policy: ScoringPolicy = ScoringPolicy()) -> Credibility:
    """Credibility from summed verdicts (`Totals`): the same figures `credibility` gives for those verdicts."""
    counts = {k: v for k, v in totals.by_verdict.items() if v}
    n = sum(counts.get(str(v), 0) for v in SCORED)
    hits = sum(counts.get(str(v), 0) for v in HITS)
    live = sum(counts.values()) - counts.get(str(Verdict.DISMISSED), 0)
    enough = n >= policy.min_scored_for_credibility
    low, high = wilson_interval(hits, n) if n else (None, None)
    rate = hits / n if n else None
    if enough:
        summary = f"hit rate {rate:.0%} (95% CI {low * 100:.0f}-{high * 100:.0f}%, n={n})"
    else:
        summary = f"too few scored claims (n={n})"
    return Credibility(
        n_claims=live, n_scored=n, hits=hits, hit_rate=rate, wilson_low=low, wilson_high=high,
        mean_signed_surprise_pct=_mean(totals.surprise_sum, totals.surprise_n),
        mean_abs_error_pct=_mean(totals.surprise_abs_sum, totals.surprise_n),
        withdrawn=counts.get(str(Verdict.WITHDRAWN), 0), late=counts.get(str(Verdict.LATE), 0),
        mean_days_late=_mean(totals.late_days_sum, totals.late_n), by_verdict=counts, enough=enough,
        summary=summary)
