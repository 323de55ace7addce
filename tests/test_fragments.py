"""A verbless fragment continues the sentence before it: "Our 2026 cement dispatches will be somewhat stronger than the
plan. And broadly, up maybe 6% on the 2025 level." promises cement dispatches up about 6% in 2026. The fragment opens
with a conjunction (patterns.toml continuation_fragment) and has no cue, verb of fact or metric of its own; what it
moves is the noun phrase before the previous sentence's modal (subject_modal), in that sentence's one future period;
a date in the fragment is the baseline's.

Every sentence is invented; each case is one speaker's turn on a call dated 2025-05-01 (calendar fiscal year).
"""
from __future__ import annotations

import pytest

from tests.test_anaphora import _turn_claims

LEAD = "Ada Quill: Our 2026 cement dispatches will be somewhat stronger than the plan. "

# (id, the fragment after LEAD, fields of its one claim or None for no claim)
FRAGMENTS = [
    ("up-maybe", "And broadly, up maybe 6% on the 2025 level.",
     dict(metric="cement_dispatches_growth", low=6, high=6, period="2026-FY", measure="yoy_growth")),
    ("down", "But down 2% in the coastal plants.",
     dict(metric="cement_dispatches_growth", low=-2, high=-2, period="2026-FY")),
    ("own-verb-is-no-fragment", "And we shipped 9% more in 2024.", None),
    ("no-conjunction", "Broadly, up maybe 6% on the 2025 level.", None),
    ("money-is-not-moved", "And about $15 million of freight savings.", None),
]


@pytest.mark.parametrize("fragment, expected", [r[1:] for r in FRAGMENTS], ids=[r[0] for r in FRAGMENTS])
def test_fragment_continues(tmp_path, fragment, expected):
    got = [c for c in _turn_claims(tmp_path, LEAD + fragment) if c["quote"] == fragment]
    if expected is None:
        assert [c for c in got if "dispatches" in c["metric"]] == []
        return
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


def test_a_report_lends_no_subject(tmp_path):
    """The sentence before must look forward: a report's subject is no antecedent."""
    got = _turn_claims(tmp_path, "Ada Quill: Cement dispatches were somewhat stronger than the plan in 2024. "
                                 "And broadly, up maybe 6% on the 2023 level.")
    assert [c for c in got if "growth" in c["metric"]] == []
