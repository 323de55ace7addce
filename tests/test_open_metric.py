"""A commitment whose metric the lexicon does not know is still a claim: its metric is the noun phrase the figure
belongs to (`metric_known` false), read past qualifiers that name no metric ("annual", "additional").

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims

# (id, sentence, fields of its one numeric claim)
OPEN = [
    ("qualifier-annual", "We expect around $500 million of annual savings in 2025.",
     dict(metric="savings", metric_known=False, low=500e6, comparator="approx", period="2025-FY")),
    ("qualifier-additional", "Our guidance includes around $200 million of additional cost reductions in 2026.",
     dict(metric="cost_reductions", metric_known=False, low=200e6, period="2026-FY")),
    ("counted-thing", "We expect to open about 40 showrooms in 2025.",
     dict(metric="showrooms", metric_known=False, low=40, unit="showrooms")),
    ("known-metric-untouched", "We expect about $40 million of incremental revenue in 2025.",
     dict(metric="revenue", metric_known=True, low=40e6)),
    # a range as a place the figure lands: each wording of the class, like "to be in the ... range"
    ("range-land-in-the", "We expect freight surcharges to land in the $40 million to $50 million range in 2025.",
     dict(metric="freight_surcharges", low=40e6, high=50e6, comparator="range", period="2025-FY")),
    ("range-be-in-a", "We expect freight surcharges to be in a $40 million to $50 million range in 2025.",
     dict(metric="freight_surcharges", low=40e6, high=50e6, comparator="range", period="2025-FY")),
    ("range-fall-in-the", "We expect freight surcharges to fall in the $40 million to $50 million range in 2025.",
     dict(metric="freight_surcharges", low=40e6, high=50e6, comparator="range", period="2025-FY")),
    # "sees" with a future period named is a forward cue, like "we see"
    ("company-sees", "For 2026, Bramble Foods sees freight surcharges of $60 million.",
     dict(metric="freight_surcharges", low=60e6, period="2026-FY")),
    # a bare count after "on track to" and a verb of making or adding counts what the count before it counts
    ("elided-count-install", "We added 30,000 kiosks and are on track to install some 60,000 in 2025.",
     dict(metric="kiosks", low=60000, period="2025-FY")),
    ("elided-count-deploy-another", "We added 30,000 kiosks and are on track to deploy another 20,000 in 2025.",
     dict(metric="kiosks", low=20000, period="2025-FY")),
    ("elided-count-reach", "We added 30,000 kiosks and remain on track to reach 60,000 in 2025.",
     dict(metric="kiosks", low=60000, period="2025-FY")),
    ("company-sees-known-metric", "Bramble Foods sees 2026 revenue of $5 billion.",
     dict(metric="revenue", metric_known=True, low=5e9, period="2026-FY")),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in OPEN], ids=[r[0] for r in OPEN])
def test_an_unknown_metric_is_still_a_claim(tmp_path, sentence, expected):
    numeric = [c for c in _claims(tmp_path, sentence) if c["kind"] in ("guidance", "target")]
    assert len(numeric) == 1, numeric
    assert {k: numeric[0][k] for k in expected} == expected


def test_a_share_of_a_total_is_not_read_past_total(tmp_path):
    """"97% of total orders" is a share of orders, not orders: "total" is no qualifier to skip."""
    got = _claims(tmp_path, "We expect repeat usage to stay above 95% of total orders in 2025.")
    assert all(c["metric"] != "orders" for c in got), got


def test_cash_returns_to_shareholders_are_one_metric(tmp_path):
    """"cash returns to shareholders" is shareholder returns (dividends and buybacks), not cash."""
    got = _claims(tmp_path, "We expect cash returns to shareholders to increase in 2026.")
    assert [(c["kind"], c["metric"], c["comparator"]) for c in got] == [("direction", "shareholder_returns", "gt")]
