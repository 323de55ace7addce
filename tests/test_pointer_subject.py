"""A sentence whose subject points at what the sentence before promised ("This increase rests on ...", "That
outlook assumes ...", patterns.toml pointer_subject) is about the same business line: its figures that name no line
take the previous claim's scope, never its metric.

Every sentence is invented; each case is one speaker's turn on a call dated 2025-05-01 (calendar fiscal year).
"""
from __future__ import annotations

import pytest

from tests.test_anaphora import _turn_claims

# (id, one turn, fields of the claim quoting its last sentence)
POINTED = [
    ("increase-rests-on",
     "Ada Quill: We see Nordic revenue of about $300 million in 2026. This increase rests on roughly 12 new stores.",
     dict(metric="stores", scope="nordic", low=12)),
    ("outlook-assumes",
     "Ada Quill: We expect Europe revenue of $2 billion in 2025. That outlook assumes 30 new stores.",
     dict(metric="stores", scope="europe", low=30)),
    ("own-line-wins",
     "Ada Quill: We expect Europe revenue of $2 billion in 2025. That outlook assumes 30 new stores in Asia.",
     dict(metric="stores", scope="asia", low=30)),
    ("no-line-to-lend",
     "Ada Quill: We expect revenue of $3 billion in 2025. This growth assumes 12 new stores.",
     dict(metric="stores", scope=None, low=12)),
    ("no-pointer-no-line",
     "Ada Quill: We expect Europe revenue of $2 billion in 2025. We also expect to open 30 new stores this year.",
     dict(metric="stores", scope=None, low=30)),
]


@pytest.mark.parametrize("turn, expected", [r[1:] for r in POINTED], ids=[r[0] for r in POINTED])
def test_pointer_subject_lends_the_line(tmp_path, turn, expected):
    last = turn.rsplit(". ", 1)[1]
    got = [c for c in _turn_claims(tmp_path, turn) if c["quote"] == last]
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


def test_the_line_is_not_lent_across_turns(tmp_path):
    got = _turn_claims(tmp_path, "Ada Quill: We expect Europe revenue of $2 billion in 2025.",
                       "Bo Rand: That outlook assumes 30 new stores.")
    assert [c.get("scope") for c in got if c["metric"] == "stores"] == [None]
