"""A move named by a noun ("further reductions", "increases") is a direction like "improvement" is; a topic fronted by
"Regarding" or "Concerning" names the metric, never a business line called "regarding".

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims, assert_one_claim

# (id, sentence, fields of its one claim)
MOVES = [
    ("fronted-topic-reductions", "As for inventory, we expect further reductions through 2026.",
     dict(kind="direction", metric="inventory", comparator="lt", period="2026-FY")),
    ("reductions-in", "We expect further reductions in inventory through 2026.",
     dict(kind="direction", metric="inventory", comparator="lt", period="2026-FY")),
    ("increases-in", "We expect further increases in capital spending in 2026.",
     dict(kind="direction", metric="capex", comparator="gt", period="2026-FY")),
    ("regarding-is-no-line", "Regarding gross margin, we expect further improvement in 2026.",
     dict(kind="direction", metric="gross_margin", scope=None, comparator="gt")),
    ("concerning-is-no-line", "Concerning operating expenses, we expect further declines in 2026.",
     dict(kind="direction", metric="operating_expenses", scope=None, comparator="lt")),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in MOVES], ids=[r[0] for r in MOVES])
def test_move_noun(tmp_path, sentence, expected):
    assert_one_claim(tmp_path, sentence, expected)


def test_a_past_reduction_is_no_claim(tmp_path):
    assert _claims(tmp_path, "Inventory reductions in 2024 were larger than we planned.") == []


@pytest.mark.parametrize("turn", [
    "Ada Quill: For the next four years our capex guidance is $600 million to $700 million. "
    "It has come down from $800 million to $900 million pre-pandemic.",
    "Ada Quill: For the next four years our capex guidance is $600 million to $700 million. "
    "It has gone down from $800 million to $900 million pre-pandemic.",
])
def test_a_present_perfect_move_is_a_report(tmp_path, turn):
    """"It has come down from $800 million to $900 million pre-pandemic": a move in the present perfect has happened
    (cues.toml [fact] verbs); only the guide before it is a promise (before, the earlier range was promised as a
    metric named "pre_pandemic")."""
    from tests.test_anaphora import _turn_claims
    last = turn.rsplit(". ", 1)[1]
    assert [c for c in _turn_claims(tmp_path, turn) if c["quote"] == last] == []
