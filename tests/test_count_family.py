"""Counts of things are one family when scoring (issue 10, item 2): a promise counted in one noun is scored
against a report counted in another. Invented company: Fenwick Rail promised railcars in Q2 2025."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.model import Actual, Claim, Comparator, Hedge, Kind, Period, Role
from tracker.scoring import score_claim
from tracker.scoring.units import comparison_family

Q2 = Period("2025-Q2", date(2025, 4, 1), date(2025, 6, 30))


def _claim(unit: str) -> Claim:
    return Claim(kind=Kind.GUIDANCE, metric="deliveries", scope=None, comparator=Comparator.APPROX, low=5000,
                 high=5000, unit=unit, period=Q2, speaker="Ines Marlowe", role=Role.EXECUTIVE,
                 quote=f"We expect to deliver about 5,000 {unit} in the second quarter.", mentions=(),
                 hedge=Hedge.EXPECTED)


CASES = [
    # (promised in, reported in, verdict)
    ("vehicles", "deliveries", "met"),
    ("units", "vehicles", "met"),
    ("subscribers", "units", "met"),
    ("vehicles", "vehicles", "met"),
    ("vehicles", "USD", "awaiting"),             # a count never against money: still waiting
    ("vehicles", "%", "awaiting"),
]


@pytest.mark.parametrize(("promised", "reported", "verdict"), CASES)
def test_counts_compare_as_counts(promised, reported, verdict):
    actual = Actual("deliveries", None, 5030, reported, Q2, reported_on=date(2025, 7, 20))
    result = score_claim(_claim(promised), [actual], [], date(2025, 9, 1), polarity="up")
    assert str(result.verdict) == verdict


@pytest.mark.parametrize(("unit", "family"), [("railcars", "unit:railcars"), ("stores", "count"),
                                              ("EH/s", "hashrate"), ("bps", "unit:bps")])
def test_families(unit, family):
    assert comparison_family(unit)[0] == family
