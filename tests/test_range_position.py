"""A metric promised at one end of a range guided before, with no number in the sentence, is a dated qualitative
claim on that metric; a figure in the words ("the low end of our $30 to $40 million range") is read by its value.

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims

# (id, sentence, fields of its one qualitative claim)
POSITION = [
    ("top-of-guidance-range", "We expect third quarter buybacks at the high end of our outlook.",
     dict(kind="qualitative", metric="share_repurchases", period="2025-Q3", low=None, high=None)),
    ("low-end-of-outlook", "For 2026, we now expect capex at the low end of our outlook.",
     dict(kind="qualitative", metric="capex", period="2026-FY")),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in POSITION], ids=[r[0] for r in POSITION])
def test_a_position_in_a_range_is_a_dated_claim(tmp_path, sentence, expected):
    got = [c for c in _claims(tmp_path, sentence) if c["kind"] == "qualitative"]
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


NOT_POSITION = [
    ("figure-in-range", "We expect to land at the low end of our $30 to $40 million capex range in 2025."),
    ("report", "Buybacks came in at the high end of our outlook in the first quarter."),
    ("undated", "We expect buybacks at the high end of our outlook."),
]


@pytest.mark.parametrize("sentence", [r[1] for r in NOT_POSITION], ids=[r[0] for r in NOT_POSITION])
def test_no_position_claim(tmp_path, sentence):
    assert [c for c in _claims(tmp_path, sentence) if c["kind"] == "qualitative"] == []
