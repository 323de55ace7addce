"""A verbless fragment continues the sentence before it: "I think 2026 Delaware output will be a little better than
we planned. And roughly speaking, up around maybe 10% compared to the 2025 average." promises Delaware output up
about 10% in 2026. The fragment opens with a conjunction (patterns.toml continuation_fragment) and has no cue, verb of
fact or metric of its own; what it moves is the noun phrase before the previous sentence's modal (subject_modal), in
that sentence's one future period; a date in the fragment is the baseline's.

Every sentence is invented; each case is one speaker's turn on a call dated 2025-05-01 (calendar fiscal year).
"""
from __future__ import annotations

import pytest

from tests.test_anaphora import _turn_claims

LEAD = "Ada Quill: I think 2026 Delaware output will be a little better than we planned. "

# (id, the fragment after LEAD, fields of its one claim or None for no claim)
FRAGMENTS = [
    ("up-around", "And roughly speaking, up around maybe 10% compared to the 2025 average.",
     dict(metric="delaware_output_growth", low=10, high=10, period="2026-FY", measure="yoy_growth")),
    ("down", "But down 3% on a like-for-like basis.",
     dict(metric="delaware_output_growth", low=-3, high=-3, period="2026-FY")),
    ("own-verb-is-no-fragment", "And we delivered 10% growth in 2024.", None),
    ("no-conjunction", "Roughly speaking, up around 10% compared to the 2025 average.", None),
    ("money-is-not-moved", "And roughly $40 million of it from new wells.", None),
]


@pytest.mark.parametrize("fragment, expected", [r[1:] for r in FRAGMENTS], ids=[r[0] for r in FRAGMENTS])
def test_fragment_continues(tmp_path, fragment, expected):
    got = [c for c in _turn_claims(tmp_path, LEAD + fragment) if c["quote"] == fragment]
    if expected is None:
        assert got == []
        return
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


def test_a_report_lends_no_subject(tmp_path):
    """The sentence before must look forward: a report's subject is no antecedent."""
    got = _turn_claims(tmp_path, "Ada Quill: Delaware output was a little better than we planned in 2024. "
                                 "And roughly speaking, up around 10% compared to 2023.")
    assert [c for c in got if "growth" in c["metric"]] == []
