"""A move said as a comparison with a past period, without a number, is a direction claim on the metric named
between the comparative word and "than" (known or open), scoped by a proper name inside; a quality or a time
clause around an event word promises no event.

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims

# (id, sentence, fields of its one direction claim)
MOVES = [
    ("more-open-metric-scoped", "We expect to haul more ore out of Kestrel this year than we did in 2024.",
     dict(metric="ore", metric_known=False, scope="kestrel", comparator="gt", period="2025-FY")),
    ("lower-than-in", "We expect lower turnaround costs this year than in 2024.",
     dict(metric="turnaround_costs", comparator="lt", period="2025-FY")),
    ("higher-known-metric", "In 2026 we expect higher capex than last year.",
     dict(metric="capex", metric_known=True, comparator="gt", period="2026-FY")),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in MOVES], ids=[r[0] for r in MOVES])
def test_a_comparative_move(tmp_path, sentence, expected):
    got = [c for c in _claims(tmp_path, sentence) if c["kind"] == "direction"]
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


NOT_MOVES = [
    ("report", "We hauled more ore out of Kestrel last year than we did in 2023."),
    ("undated", "We expect to haul more ore out of Kestrel than we did in 2024."),
    ("figure-says-how-much", "We expect licensing income to be $300 million higher than capex in 2025."),
]


@pytest.mark.parametrize("sentence", [r[1] for r in NOT_MOVES], ids=[r[0] for r in NOT_MOVES])
def test_no_comparative_move(tmp_path, sentence):
    assert [c for c in _claims(tmp_path, sentence) if c["kind"] == "direction"] == []


NO_EVENT = [
    ("have-a-quality", "We'll have a strong second half in 2025."),
    ("quality-before-event-word", "We expect solid operational results in 2025."),
    ("time-clause", "As we complete this outage, we expect better output in 2025."),
]


@pytest.mark.parametrize("sentence", [r[1] for r in NO_EVENT], ids=[r[0] for r in NO_EVENT])
def test_no_event(tmp_path, sentence):
    assert [c for c in _claims(tmp_path, sentence) if c["kind"] == "milestone"] == []


def test_an_event_is_still_an_event(tmp_path):
    got = [c for c in _claims(tmp_path, "We'll complete the outage by the end of the year.") if c["kind"] == "milestone"]
    assert [c["deadline"] for c in got] == ["2025-12-31"]


# (id, turn, the sentence and fields of its direction claim)
OPEN_MOVES = [
    ("increase-in-open-metric-under-line",
     "For Quillon Finance, we expect EBT of $1.5 billion to $1.8 billion in 2025. "
     "We expect an increase in managed receivables driven by new dealer accounts.",
     dict(metric="managed_receivables", metric_known=False, scope="quillon finance", comparator="gt", period="2025-FY")),
    ("decline-in-open-metric", "We expect a further decline in warranty claims in 2026.",
     dict(metric="warranty_claims", comparator="lt", period="2026-FY")),
]


@pytest.mark.parametrize("sentences, expected", [r[1:] for r in OPEN_MOVES], ids=[r[0] for r in OPEN_MOVES])
def test_an_open_metric_moves(tmp_path, sentences, expected):
    got = [c for c in _claims(tmp_path, sentences) if c["kind"] == "direction"]
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


NO_OPEN_MOVE = [
    ("line", "We expect an increase in Europe in 2026."),
    ("known-metric", "We expect an increase in gross margin in 2026, driven by pricing."),
    ("report", "We saw an increase in managed receivables in 2024."),
]


@pytest.mark.parametrize("sentence", [r[1] for r in NO_OPEN_MOVE], ids=[r[0] for r in NO_OPEN_MOVE])
def test_no_open_move(tmp_path, sentence):
    assert [c for c in _claims(tmp_path, sentence) if c["kind"] == "direction" and not c["metric_known"]] == []
