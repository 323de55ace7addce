"""Bands named in words: where a position word puts a figure inside "the teens" or "single digits"."""
from __future__ import annotations

import pytest

from tracker.quantities import find_quantities


@pytest.mark.parametrize("text, low, high", [
    ("growth in the low teens", 10, 13),
    ("growth in the low to mid-teens", 10, 16),
    ("growth in the high teens", 17, 19),
    ("growth in the mid single digits", 4, 6),
], ids=["low-teens-from-ten", "low-to-mid-teens", "high-teens", "mid-single-digits"])
def test_bands(text: str, low: float, high: float) -> None:
    (q,) = find_quantities(text)
    assert (q.low, q.high) == (low, high)
