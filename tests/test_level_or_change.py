"""A move TO a figure ends at a level; a move BY a figure is a change: one table row per invented sentence.

"Quillon expects overhead to decrease to 23% of revenue in 2026" guides the level overhead reaches, not a 23%
decline; "from 41% of revenue ... to 34%" names revenue as the base of a share, never the metric the later share
belongs to. The call is dated 2025-05-01 with a calendar fiscal year.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file


def _claims(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    return [(r["metric"], r["measure"], r["low"], r["unit"], r["period"])
            for r in records(extract_file(path, call_date="2025-05-01")) if r["type"] == "claim"]


# (id, invented sentence, (metric, measure, low, unit, period) of each claim)
ROWS = [
    ("decrease-to-a-share", "We expect stock-based compensation to decrease to 23% of revenue in 2026.",
     [("stock_based_compensation", "ratio", 23, "% of revenue", "2026-FY")]),
    ("share-after-shares-of-the-past", "Stock-based compensation fell from 46% of revenue in 2023 to 41% in 2024, "
                                       "and we expect it to decrease further to 38% of revenue in 2026.",
     [("stock_based_compensation", "ratio", 38, "% of revenue", "2026-FY")]),
    ("improve-to-a-level", "We expect gross margin to improve to 45% in 2026.",
     [("gross_margin", None, 45, "%", "2026-FY")]),
    ("grow-to-money", "We expect revenue to grow to $5 billion in 2026.",
     [("revenue", None, 5e9, "USD", "2026-FY")]),
    ("decrease-from-is-no-change", "We expect stock-based compensation to decrease from 31% of revenue "
                                   "to 23% of revenue in 2026.",
     [("stock_based_compensation", "ratio", 23, "% of revenue", "2026-FY")]),
    ("decrease-by-is-a-change", "We expect stock-based compensation to decrease by 5% in 2026.",
     [("stock_based_compensation_growth", "yoy_growth", -5, "%", "2026-FY")]),
    ("grow-at-a-rate-of", "We expect revenue to grow at a rate of 20% in 2026.",
     [("revenue_growth", "yoy_growth", 20, "%", "2026-FY")]),
    ("growth-of-in-the-metric", "We expect growth of 20% in revenue in 2026.",
     [("revenue_growth", "yoy_growth", 20, "%", "2026-FY")]),
    ("growth-of-is-growth", "We expect revenue growth of 20% in 2026 and revenue of $5 billion.",
     [("revenue_growth", None, 20, "%", "2026-FY"), ("revenue", None, 5e9, "USD", "2026-FY")]),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_level_or_change(tmp_path, sentence, want):
    assert _claims(tmp_path, sentence) == want
