"""tracker.scoring.standing: what an overridden or dismissed verdict counts for (invented figures)."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.model import Verdict
from tracker.scoring import VerdictResult, credibility
from tracker.scoring.standing import dismissed, overridden

MISS = VerdictResult(Verdict.MISSED, "actual $20.0M vs ~$50.0M: -60.0%, missed", date(2026, 3, 1), surprise_pct=-60.0)
LATE = VerdictResult(Verdict.LATE, "achieved 2025-10-15, 15 days after 2025-09-30: late", date(2026, 3, 1),
                     days_late=15)


@pytest.mark.parametrize("result, verdict, reason, text, surprise, days_late", [
    (MISS, "met", "filing shows $50.4M", "overridden: met (filing shows $50.4M); computed missed: actual $20.0M",
     None, None),
    (MISS, "missed", "", "overridden: missed; computed missed:", -60.0, None),
    (LATE, "met", "shipped on time, announced late", "overridden: met (shipped on time, announced late)", None, None),
    (LATE, "late", "confirmed", "overridden: late (confirmed)", None, 15),
], ids=["met-drops-surprise", "agreeing-keeps-surprise", "met-drops-lateness", "agreeing-keeps-lateness"])
def test_overridden(result, verdict, reason, text, surprise, days_late):
    got = overridden(result, verdict, reason)
    assert got.verdict is Verdict(verdict) and got.explanation.startswith(text)
    assert (got.surprise_pct, got.days_late) == (surprise, days_late)


def test_dismissed_counts_nowhere():
    cred = credibility([(None, MISS), (None, dismissed(MISS, "analyst's figure"))])
    assert (cred.n_claims, cred.n_scored, cred.mean_signed_surprise_pct) == (1, 1, -60.0)
    assert cred.by_verdict == {"missed": 1, "dismissed": 1}
