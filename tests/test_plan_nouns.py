"""A plan named by its noun ("budget", "capital program", like "guidance" and "outlook") makes its figure a promise
even with no verb of expecting: "those cost pressures are already built into the $640 million capital budget for
2026" is capex guidance.
A report against a past budget stays no claim. Wells a producer drills or brings online are counted like stores.

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims, assert_one_claim

# (id, sentence, fields of its one claim)
PLANS = [
    ("capital-budget", "Those cost pressures are already built into the $640 million capital budget for 2026.",
     dict(metric="capex", low=640e6, period="2026-FY", hedge="firm")),
    ("capital-program", "The new kilns sit inside our $95 million capital program for 2027.",
     dict(metric="capex", low=95e6, period="2027-FY")),
    ("budgeted", "We budgeted $300 million of capital spending for 2026.",
     dict(metric="capex", low=300e6, period="2026-FY")),
    ("wells-over", "We anticipate over 120 wells drilled during 2026.",
     dict(metric="wells", comparator="gt", low=120, period="2026-FY")),
    ("new-wells", "We expect about 85 new wells in 2027.",
     dict(metric="wells", comparator="approx", low=85, period="2027-FY")),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in PLANS], ids=[r[0] for r in PLANS])
def test_plan_noun(tmp_path, sentence, expected):
    assert_one_claim(tmp_path, sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Harbor Wells Partners will buy over 4,000 seats from us in 2026.",   # a name, not wells
    "We came in under our $4 billion budget last year.",        # a report against a past plan
    "Last year we drilled 180 wells.",                          # a count reported
])
def test_no_promise(tmp_path, sentence):
    assert [c for c in _claims(tmp_path, sentence) if c["metric"] in ("wells", "capex")] == []


@pytest.mark.parametrize("sentence", [
    "Our spending plan for the next three years is $400 million.",
    "Our capital plan for the next five years is $1.5 billion to $1.7 billion.",
])
def test_a_count_word_names_no_metric(tmp_path, sentence):
    """"the next three years": a number word counts, it never names what the figure measures."""
    assert [c["metric"] for c in _claims(tmp_path, sentence) if c["metric"] in ("three", "five")] == []
