"""What a verdict counts for in the figures once a person has had their say.

- A dismissed claim (set aside as not a real claim, or overridden to "dismissed") is out of every figure: hit
  rate, mean surprise, mean error, late and withdrawn counts. A dismissal wins over an override: "not a claim"
  settles more than "met".
- An override replaces the verdict, and its standing in the figures with it: "we expect revenue of about
  $50 million", computed "missed" against the wrong segment's $20 million (-60%), overridden to "met" because the
  filing shows $50.4 million, counts as a hit, and its -60% leaves the mean surprise. The computed surprise,
  attainment and lateness are kept only when the override agrees with the computed verdict (they still measure
  what the person confirmed). The explanation says so first: "overridden: met (restated in the 10-Q)".
"""
from __future__ import annotations

import dataclasses

from tracker.model import Verdict
from tracker.scoring.verdicts import VerdictResult


def override_explanation(verdict: Verdict | str, reason: str, computed: VerdictResult | None) -> str:
    """"overridden: met (restated in the 10-Q); computed missed: actual $20.0M vs ~$50.0M: -60.0%, missed"."""
    text = f"overridden: {Verdict(verdict)}" + (f" ({' '.join(reason.split())})" if reason and reason.strip() else "")
    if computed is not None and computed.explanation:
        text += f"; computed {computed.verdict}: {computed.explanation}"
    return text


def overridden(result: VerdictResult, verdict: Verdict | str, reason: str) -> VerdictResult:
    """The result as a person set it: their verdict, an explanation that says so, and the computed figures only
    when the verdict is the computed one."""
    verdict = Verdict(verdict)
    keep = verdict is result.verdict
    return dataclasses.replace(
        result, verdict=verdict, explanation=override_explanation(verdict, reason, result),
        surprise_pct=result.surprise_pct if keep else None, attainment=result.attainment if keep else None,
        days_late=result.days_late if keep else None)


def dismissed(result: VerdictResult, reason: str = "") -> VerdictResult:
    """A claim set aside: out of every figure (tracker.scoring.credibility counts it in by_verdict only)."""
    text = "dismissed by a user" + (f" ({' '.join(reason.split())})" if reason and reason.strip() else "")
    return dataclasses.replace(result, verdict=Verdict.DISMISSED, explanation=text, surprise_pct=None,
                               attainment=None, days_late=None)
