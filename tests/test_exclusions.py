"""What a measure leaves out.

- "X ex Y" / "X excluding Y" right after a metric is the measure of the part without Y: "revenue ex fuel of about $5
  billion" is revenue with scope "ex fuel" (patterns.toml exclusion_after); "EBITDA and EBITDA ex Mining of about $4
  billion" is two claims, the whole and the part, never merged as one restatement.
- A metric inside a fronted or set-off exclusion is what is left out, not what is promised: "Excluding store
  closures and divested bakery sales, we see a 1% to 2% rise in traffic" says nothing about sales
  (patterns.toml exclusion_before); "Pet Supplies ex Freight revenue growth" still measures revenue growth.

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims

# (id, sentence, [(metric, scope, low) of every claim])
CASES = [
    ("ex-after-metric", "We expect revenue ex fuel of about $5 billion in 2025.",
     [("revenue", "ex fuel", 5e9)]),
    ("excluding-after-metric", "We expect operating expenses excluding litigation of about $2 billion in 2025.",
     [("operating_expenses", "ex litigation", 2e9)]),
    ("to-be-after-exclusion", "We expect EPS excluding items to be $3 in 2025.", [("eps", "ex items", 3)]),
    ("whole-and-part", "We still see EBITDA and EBITDA ex Mining of about $4 billion for 2026.",
     [("ebitda", None, 4e9), ("ebitda", "ex mining", 4e9)]),
    ("fronted-exclusion-names-no-metric",
     "Excluding store closures and divested bakery sales, we see a 1% to 2% rise in traffic in 2026.",
     [("comparable_transactions", None, 1)]),
    ("set-off-exclusion", "We expect, excluding divested store sales, a 3% increase in traffic in 2025.",
     [("comparable_transactions", None, 3)]),
    ("line-ex-part-before-metric", "Pet Supplies ex Freight revenue growth will likely land in the low teens for 2025.",
     [("revenue_growth", "pet supplies ex freight", 10)]),
    ("set-off-after-metric",
     "We see 2026 operating expenses, excluding severance and plant closures, at about $9.5 billion.",
     [("operating_expenses", "ex severance", 9.5e9)]),
    ("no-exclusion", "We expect revenue of about $5 billion in 2025.", [("revenue", None, 5e9)]),
]


@pytest.mark.parametrize("sentence, want", [r[1:] for r in CASES], ids=[r[0] for r in CASES])
def test_exclusion(tmp_path, sentence, want):
    got = sorted(((c["metric"], c.get("scope"), c["low"]) for c in _claims(tmp_path, sentence)),
                 key=lambda t: (t[0], t[1] or ""))
    assert got == sorted(want, key=lambda t: (t[0], t[1] or ""))
