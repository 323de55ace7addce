"""A direction stated at the end of a sentence, with the frame's period: one table row per invented turn.

"We expect gross margin to expand modestly" under "Now to our outlook for 2026." is a move up in 2026; "to be
relatively unchanged year over year" is a level held (comparator approx), and restates a guided level of the
same metric and period rather than making a second promise. A header that also opens with a hand-over phrase
("Let me start with some commentary for fiscal 2026.") still opens the frame. The call is dated 2025-07-30
with a calendar fiscal year; every sentence of a row is one turn.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file


def _claims(tmp_path: Path, *sentences: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome to the call.\n\nAda Quill: " + " ".join(sentences) + "\n\n", encoding="utf-8")
    return [(r["kind"], r["metric"], r["comparator"], r["low"], r["period"], len(r["mentions"]))
            for r in records(extract_file(path, call_date="2025-07-30")) if r["type"] == "claim"]


# (id, invented sentences of one turn, (kind, metric, comparator, low, period, mentions) of each claim)
ROWS = [
    ("expand-modestly", ["Now to our outlook for 2026.", "We expect gross margin to expand modestly."],
     [("direction", "gross_margin", "gt", None, "2026-FY", 1)]),
    ("down-slightly", ["In the fourth quarter, we expect operating expenses to be down slightly."],
     [("direction", "operating_expenses", "lt", None, "2025-Q4", 1)]),
    ("relatively-unchanged", ["Now to our outlook for 2026.",
                              "We expect operating margin to be relatively unchanged on a year-over-year basis."],
     [("direction", "operating_margin", "approx", None, "2026-FY", 1)]),
    ("remain-stable", ["We expect gross margin to remain stable in the fourth quarter."],
     [("direction", "gross_margin", "approx", None, "2025-Q4", 1)]),
    ("hand-over-header-opens-the-frame", ["Let me start with some commentary for fiscal 2026.",
                                          "We remain focused on our customers.",
                                          "Overall, we expect our operating margins to be relatively unchanged."],
     [("direction", "operating_margin", "approx", None, "2026-FY", 1)]),
    ("flat-restates-the-guide", ["For Q4, we expect gross margin of about 53.5%.",
                                 "So we're guiding Q4 gross margin roughly flat sequentially."],
     [("guidance", "gross_margin", "approx", 53.5, "2025-Q4", 2)]),
    ("step-up-in", ["You can expect a step-up in operating expenses in the fourth quarter."],
     [("direction", "operating_expenses", "gt", None, "2025-Q4", 1)]),
    ("pullback-in", ["We expect a pullback in capex in 2026."],
     [("direction", "capex", "lt", None, "2026-FY", 1)]),
    ("guidance-named-is-no-move", ["We are revising our full-year bookings and EPS guidance, which builds on our "
                                   "solid first-half results in 2025."], []),
    ("a-move-of-the-metric-stays", ["We expect strong revenue growth in 2026."],
     [("direction", "revenue_growth", "gt", None, "2026-FY", 1)]),
    ("flat-reported-is-no-claim", ["Revenue was flat in the quarter."], []),
    ("flat-to-down-is-a-range", ["We expect revenue to be flat to down 3% in Q4."],
     [("guidance", "revenue_growth", "range", -3, "2025-Q4", 1)]),
]


@pytest.mark.parametrize("sentences,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_direction_ends(tmp_path, sentences, want):
    assert _claims(tmp_path, *sentences) == want
