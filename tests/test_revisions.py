"""Revision classification between two statements of the same claim (invented company: Harbor Retail)."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.model import Claim, Comparator, Hedge, Kind, Mention, Period, RevisionKind, Role
from tracker.scoring import classify_revision

FY = Period("2025-FY", date(2025, 1, 1), date(2025, 12, 31))
M = 1e6


def c(low=None, high=None, cmp=Comparator.RANGE, *, quote="We expect sales of $120 to $150 million.",
      metric="net_sales", scope=None, period=FY, unit="USD", kind=Kind.GUIDANCE, mentions=()) -> Claim:
    return Claim(kind=kind, metric=metric, scope=scope, comparator=cmp, low=low, high=high, unit=unit,
                 period=period, speaker="Lee Park", role=Role.EXECUTIVE, quote=quote, mentions=mentions,
                 hedge=Hedge.EXPECTED)


BASE = c(120 * M, 150 * M)

CASES = [
    ("raised-both-ends", BASE, c(130 * M, 160 * M), RevisionKind.RAISED),
    ("raised-low-end-only", BASE, c(125 * M, 150 * M), RevisionKind.RAISED),
    ("lowered", BASE, c(100 * M, 140 * M), RevisionKind.LOWERED),
    ("narrowed", BASE, c(130 * M, 140 * M), RevisionKind.NARROWED),
    ("widened", BASE, c(110 * M, 160 * M), RevisionKind.WIDENED),
    ("reiterated", BASE, c(120 * M, 150 * M), RevisionKind.REITERATED),
    ("maintained", BASE, c(120 * M, 150 * M, quote="We are maintaining our outlook of $120 to $150 million."),
     RevisionKind.MAINTAINED),
    ("reaffirm", BASE, c(120 * M, 150 * M, quote="We reaffirm the range."), RevisionKind.MAINTAINED),
    ("still-expect", BASE, c(120 * M, 150 * M, quote="We still expect $120 to $150 million."),
     RevisionKind.MAINTAINED),
    ("on-track", BASE, c(120 * M, 150 * M, quote="We remain on track for that range."), RevisionKind.MAINTAINED),
    ("cue-in-mention", BASE, c(120 * M, 150 * M, quote="Same range.",
                               mentions=(Mention("Lee Park", "Let me reiterate that range.", 10, 40),)),
     RevisionKind.MAINTAINED),
    ("cue-with-new-number-is-raise", BASE, c(130 * M, 160 * M, quote="We reaffirm, and raise, to $130-160M."),
     RevisionKind.RAISED),
    ("point-to-range-same-mid", c(135 * M, 135 * M, Comparator.APPROX), BASE, RevisionKind.WIDENED),
    ("range-to-point-same-mid", BASE, c(135 * M, None, Comparator.APPROX), RevisionKind.NARROWED),
    ("float-noise-is-same", c(0.1 + 0.2, None, Comparator.APPROX), c(0.3, None, Comparator.APPROX),
     RevisionKind.REITERATED),
    ("cost-lowered-is-lowered", c(50 * M, 60 * M, metric="opex"), c(40 * M, 50 * M, metric="opex"),
     RevisionKind.LOWERED),
    ("unit-converted-raise", c(15, None, Comparator.GE, unit="EH/s", metric="hashrate", kind=Kind.TARGET),
     c(16_000, None, Comparator.GE, unit="PH/s", metric="hashrate", kind=Kind.TARGET), RevisionKind.RAISED),
    ("unit-converted-same", c(15, None, Comparator.GE, unit="EH/s", metric="hashrate"),
     c(15_000, None, Comparator.GE, unit="PH/s", metric="hashrate"), RevisionKind.REITERATED),
    ("incomparable-units", BASE, c(120, 150, unit="%"), None),
    ("other-metric", BASE, c(120 * M, 150 * M, metric="capex"), None),
    ("other-scope", BASE, c(120 * M, 150 * M, scope="Online"), None),
    ("other-period", BASE, c(120 * M, 150 * M, period=Period("2026-FY", date(2026, 1, 1), date(2026, 12, 31))),
     None),
    ("no-numbers-on-track", c(None, None, None, kind=Kind.MILESTONE, metric="milestone"),
     c(None, None, None, kind=Kind.MILESTONE, metric="milestone", quote="The new store remains on track."),
     RevisionKind.MAINTAINED),
    ("no-numbers-repeat", c(None, None, None, kind=Kind.MILESTONE, metric="milestone"),
     c(None, None, None, kind=Kind.MILESTONE, metric="milestone", quote="The store opens in the fall."),
     RevisionKind.REITERATED),
]


@pytest.mark.parametrize("old, new, kind", [r[1:] for r in CASES], ids=[r[0] for r in CASES])
def test_classify_revision(old, new, kind):
    assert classify_revision(old, new) is kind


def test_negative_midpoints():
    # a smaller loss is a raise of the number
    assert classify_revision(c(-20 * M, -10 * M, metric="net_income"),
                             c(-15 * M, -5 * M, metric="net_income")) is RevisionKind.RAISED
