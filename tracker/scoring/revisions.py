"""How a later statement of the same claim changed it: raised, lowered, narrowed, widened, maintained."""
from __future__ import annotations

import re

from tracker.model import Claim, RevisionKind
from tracker.scoring.describe import has_numbers, shape_of
from tracker.scoring.matching import same_subject
from tracker.scoring.units import convert

# words that make a restatement an explicit "we stand by it" rather than a plain repeat
_MAINTAIN_CUES = re.compile(
    r"\b(maintain\w*|reaffirm\w*|re-affirm\w*|reiterat\w*|still expects?|still expecting|"
    r"remains? on track|remaining on track)\b", re.IGNORECASE)
_REL = 1e-9


def says_maintained(claim: Claim) -> bool:
    return bool(_MAINTAIN_CUES.search(claim.quote)) or any(_MAINTAIN_CUES.search(m.quote) for m in claim.mentions)


def _bigger(a: float, b: float) -> bool:
    """a > b beyond float noise."""
    return a - b > _REL * max(abs(a), abs(b), 1e-300)


def classify_revision(old: Claim, new: Claim) -> RevisionKind | None:
    """What `new` did to `old`; None when they are not the same claim (metric, scope, period label).
    Raised/lowered are about the number, whatever the metric's polarity."""
    if not same_subject(old, new):
        return None
    repeat = RevisionKind.MAINTAINED if says_maintained(new) else RevisionKind.REITERATED
    if not (has_numbers(old) and has_numbers(new)):
        return repeat
    a, b = shape_of(old), shape_of(new)
    lo, hi = convert(b.low, new.unit, old.unit), convert(b.high, new.unit, old.unit)
    if lo is None or hi is None:
        return None   # restated in an incomparable unit: not the same promise
    old_mid, new_mid = (a.low + a.high) / 2, (lo + hi) / 2
    if _bigger(new_mid, old_mid):
        return RevisionKind.RAISED
    if _bigger(old_mid, new_mid):
        return RevisionKind.LOWERED
    old_width, new_width = a.high - a.low, hi - lo
    if _bigger(old_width, new_width):
        return RevisionKind.NARROWED
    if _bigger(new_width, old_width):
        return RevisionKind.WIDENED
    return repeat
