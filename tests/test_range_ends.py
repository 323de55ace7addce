"""A range whose ends are said apart is one range; a point said as one end of a range is that end.

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims

# (id, sentence, fields of its one numeric claim)
ENDS = [
    ("between-low-end-and-high-end",
     "For 2025 Quillon expects revenue between $4 billion at the low end and $4.5 billion at the high end.",
     dict(metric="revenue", comparator="range", low=4e9, high=4.5e9, period="2025-FY")),
    ("ends-in-two-clauses",
     "In 2025 we expect revenue of $4 billion at the low end, and at the high end $4.5 billion.",
     dict(metric="revenue", comparator="range", low=4e9, high=4.5e9)),
    ("high-end-first",
     "For Q3 we expect operating expenses of $320 million at the high end and $300 million at the low end.",
     dict(metric="operating_expenses", comparator="range", low=300e6, high=320e6, period="2025-Q3")),
    ("point-at-low-end-of-range",
     "For 2025 we now see truck EBIT at the low end of our $30 to $40 million target.",
     dict(metric="operating_income", comparator="approx", low=30e6, high=30e6)),
    ("point-at-top-end-of-range",
     "We expect capex to come in at the top end of the $60 million to $70 million range in 2025.",
     dict(metric="capex", comparator="approx", low=70e6, high=70e6)),
    ("plain-range-untouched",
     "We expect revenue of $4 billion to $4.5 billion in 2025.",
     dict(metric="revenue", comparator="range", low=4e9, high=4.5e9)),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in ENDS], ids=[r[0] for r in ENDS])
def test_range_ends(tmp_path, sentence, expected):
    numeric = [c for c in _claims(tmp_path, sentence) if c["kind"] in ("guidance", "target")]
    assert len(numeric) == 1, numeric
    assert {k: numeric[0][k] for k in expected} == expected


def test_two_levels_of_two_metrics_stay_apart(tmp_path):
    """No end words: "$4 billion of revenue and $500 million of capex" are two claims."""
    got = _claims(tmp_path, "In 2025 we expect revenue of $4 billion and capex of $500 million.")
    assert sorted((c["metric"], c["low"]) for c in got) == [("capex", 500e6), ("revenue", 4e9)]
