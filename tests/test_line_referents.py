"""A move with no metric and no line of its own is about the line the speaker just named
(tracker/extraction/line_referents.py): one table row per invented turn. The call is dated 2025-05-01 (calendar year)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file


def _claims(tmp_path: Path, turns: list[list[str]]) -> list[tuple]:
    path = tmp_path / "call.txt"
    speakers = ["Ada Quill", "Ben Rook"]
    path.write_text("Operator: Welcome to the call.\n\n" + "".join(
        f"{speakers[i % 2]}: {' '.join(t)}\n\n" for i, t in enumerate(turns)), encoding="utf-8")
    return [(r["kind"], r["metric"], r["scope"], r["comparator"], r["period"])
            for r in records(extract_file(path, call_date="2025-05-01")) if r["type"] == "claim"]


ROWS = [
    ("improvement-of-the-line-named-before", [["We've seen some improvement in the kiln business.",
                                               "We expect some modest improvement in Q3."]],
     [("direction", "revenue", "kiln", "gt", "2025-Q3")]),
    ("decline-of-the-line-named-before", [["We saw weakness in our marine segment.",
                                           "We expect a further decline in Q3."]],
     [("direction", "revenue", "marine", "lt", "2025-Q3")]),
    ("no-line-named-no-claim", [["Our teams did well.", "We expect some modest improvement in Q3."]], []),
    ("too-far-back", [["We've seen some improvement in the kiln business.", "Our teams did well.",
                       "Customers are happy.", "Demand is solid.", "We expect some modest improvement in Q3."]], []),
    ("never-across-turns", [["We've seen some improvement in the kiln business."],
                            ["We expect some modest improvement in Q3."]], []),
    ("an-article-is-no-line", [["We showed we can both grow the business and cut costs.",
                                "We expect some modest improvement in Q3."]], []),
    ("a-metric-of-its-own-wins", [["We've seen some improvement in the kiln business.",
                                   "We expect gross margin to improve in Q3."]],
     [("direction", "gross_margin", None, "gt", "2025-Q3")]),
]


@pytest.mark.parametrize("turns,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_move_of_the_line_named_before(tmp_path, turns, want):
    assert _claims(tmp_path, turns) == want


def test_a_rise_and_a_fall_are_two_claims(tmp_path):
    got = _claims(tmp_path, [["For Q3, we expect gross margin to decline.",
                              "We expect some gross margin improvement in Q3 in the kiln line, though."]])
    assert sorted(c[3] for c in got) == ["gt", "lt"]
