"""A verbless header names the topic of a later move that names nothing: "A few words on our SX recall reserves. The
balance stood at $80 million in March. We expect further declines during 2026." is SX recall reserves down in 2026
(patterns.toml topic_header; tracker.extraction.topic_headers). A known metric keeps its name; an open one is kept
with metric_known false; an acronym opening the phrase is its line.

Every sentence is invented; each case is one speaker's turn on a call dated 2025-05-01 (calendar fiscal year).
"""
from __future__ import annotations

import pytest

from tests.test_anaphora import _turn_claims
from tracker.extraction.topic_headers import header_topic

# (id, one turn, fields of the claim quoting its last sentence, or None for no claim)
TURNS = [
    ("open-topic-with-line",
     "Ada Quill: A few words on our SX recall reserves. The balance stood at $80 million in March. "
     "We expect further declines during 2026.",
     dict(kind="direction", metric="recall_reserves", scope="sx", comparator="lt", period="2026-FY",
          metric_known=False)),
    ("known-topic", "Ada Quill: Turning to gross margin. We expect further improvement in 2026.",
     dict(kind="direction", metric="gross_margin", comparator="gt", period="2026-FY", metric_known=True)),
    ("too-far", "Ada Quill: Turning to gross margin. It was a busy year. Our teams did well. We hired widely. "
                "We expect further improvement in 2026.", None),
    ("report-is-no-move", "Ada Quill: Turning to gross margin. We saw further improvement in 2024.", None),
]


@pytest.mark.parametrize("turn, expected", [r[1:] for r in TURNS], ids=[r[0] for r in TURNS])
def test_header_topic_moves(tmp_path, turn, expected):
    last = turn.rsplit(". ", 1)[1]
    got = [c for c in _turn_claims(tmp_path, turn) if c["quote"] == last]
    if expected is None:
        assert got == []
        return
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


@pytest.mark.parametrize("text, want", [
    ("A few words on our SX recall reserves.", ("recall_reserves", "sx", False)),
    ("Turning to gross margin.", ("gross_margin", None, True)),
    ("Turning to the outlook, we expect growth.", None),      # a clause, not a header
    ("We turned to gross margin.", None),                     # no opener
    ("Turning to questions.", None),                          # the call's agenda, not a topic
    ("Moving to our results.", None),
])
def test_header_topic(text, want):
    assert header_topic(text) == want
