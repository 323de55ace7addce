"""A plan named by its noun ("budget", "capital program", like "guidance" and "outlook") makes its figure a promise
even with no verb of expecting: "that's factored into our $4.2 billion capital program for 2026" is capex guidance.
A report against a past budget stays no claim. Wells a producer drills or brings online are counted like stores.

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims

# (id, sentence, fields of its one claim)
PLANS = [
    ("capital-program", "And that's factored into our $4.2 billion capital program for 2026.",
     dict(metric="capex", low=4.2e9, period="2026-FY", hedge="firm")),
    ("budgeted", "We budgeted $300 million of capital spending for 2026.",
     dict(metric="capex", low=300e6, period="2026-FY")),
    ("wells-over", "We anticipate a little over 200 wells put on production in 2026.",
     dict(metric="wells", comparator="gt", low=200, period="2026-FY")),
    ("wells-drilled", "We expect to drill about 150 wells this year.",
     dict(metric="wells", comparator="approx", low=150, period="2025-FY")),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in PLANS], ids=[r[0] for r in PLANS])
def test_plan_noun(tmp_path, sentence, expected):
    got = _claims(tmp_path, sentence)
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


@pytest.mark.parametrize("sentence", [
    "We came in under our $4 billion budget last year.",        # a report against a past plan
    "Last year we drilled 180 wells.",                          # a count reported
])
def test_no_promise(tmp_path, sentence):
    assert _claims(tmp_path, sentence) == []
