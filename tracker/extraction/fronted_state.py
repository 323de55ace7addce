"""A count in a fronted "with" phrase states what the company has now, not what it promises.

"And with over 1,300 clinics a short drive from most of our patients, we think we are set up nicely to
keep expanding." The main clause looks ahead, but the 1,300 clinics are a state of today: the figure is read as a
fact (an actual as of the call), never as a target. Only a count, only before the first comma, only when the
phrase names no period of its own ("With 500 new stores planned for 2026, ..." is a plan). The opening words are
data: patterns.toml fronted_with.
"""
from __future__ import annotations

from tracker.model import Quantity
from tracker.vocab.patterns import pattern
from tracker.periods import PeriodMatch
from tracker.units import unit_family


def in_fronted_with(text: str, q: Quantity, periods: list[PeriodMatch]) -> bool:
    """True when `q` is a count inside a sentence-opening "With ..." phrase that names no period."""
    if unit_family(q.unit) != "count" or not pattern("fronted_with").match(" " + text[:q.start]):
        return False
    comma = text.find(",", q.end)
    if comma < 0:
        return False
    return not any(p.start < comma for p in periods)
