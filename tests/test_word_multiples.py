"""A multiple stated by a verb multiplies the noun phrase before it: "we expect our subscriber base to double in
2025" is the subscriber base at 2x, even when the lexicon does not know the phrase; a fleet is a count of the units
in service ("by the end of 2026, our charter fleet should roughly triple" is units at about 3x, scoped to the charter
line).

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims, assert_one_claim

# (id, sentence, fields of its one claim)
MULTIPLES = [
    ("open-subject-double", "We expect our subscriber base to double in 2025.",
     dict(metric="subscriber_base", metric_known=False, measure="multiple", low=2, high=2, unit="x",
          period="2025-FY")),
    ("open-subject-modal-triple", "Our loyalty membership should triple by 2027.",
     dict(metric="loyalty_membership", measure="multiple", low=3, period="2027-FY")),
    ("approx-fleet", "By the end of 2026, our charter fleet should roughly triple.",
     dict(metric="units", scope="charter", measure="multiple", comparator="approx", low=3, period="2026-FY")),
    ("known-metric-wins", "We expect service revenue to double in 2026.",
     dict(metric="revenue", measure="multiple", low=2, period="2026-FY")),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in MULTIPLES], ids=[r[0] for r in MULTIPLES])
def test_word_multiple(tmp_path, sentence, expected):
    assert_one_claim(tmp_path, sentence, expected)


@pytest.mark.parametrize("sentence", [
    "We expect it to double in 2025.",                   # no noun phrase: nothing named
    "We expect 3x in 2025.",                             # a digit multiple of nothing
    "Our order book has more than doubled versus last year.",   # a past comparison, not a promise
])
def test_no_multiple_of_nothing(tmp_path, sentence):
    assert [c for c in _claims(tmp_path, sentence) if c.get("measure") == "multiple"] == []
