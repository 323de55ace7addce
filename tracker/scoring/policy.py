"""Scoring knobs and metric polarity (which side of a promise is the good side)."""
from __future__ import annotations

from dataclasses import dataclass

from tracker.vocab import lexicon
from tracker.errors import LexiconError

POLARITIES = ("up", "down", "neutral")


@dataclass(frozen=True)
class ScoringPolicy:
    approx_tolerance: float = 0.05      # relative band around a point/"approximately" value counted as met
    grace_days: int = 75                # after period end: still AWAITING (report not yet due/in)
    unverifiable_after_days: int = 180  # after period end with no actual/event: UNVERIFIABLE
    min_scored_for_credibility: int = 5


def check_polarity(polarity: str) -> str:
    if polarity not in POLARITIES:
        raise LexiconError(f"polarity {polarity!r} is not one of {', '.join(POLARITIES)}")
    return polarity


def polarity_of(metric: str) -> str:
    """The metric's polarity from the metric lexicon; a metric the lexicon does not know defaults to "up"
    (most promised figures are things a company wants more of)."""
    entry = lexicon.load("metrics").get("metrics", {}).get(metric.strip().casefold())
    if entry is None or "polarity" not in entry:
        return "up"
    return check_polarity(entry["polarity"])
