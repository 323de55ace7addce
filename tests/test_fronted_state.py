"""A count in a fronted "With ..." phrase is what the company has now (tracker/extraction/fronted_state.py): one table row
per invented sentence. The call is dated 2025-05-01 with a calendar fiscal year (Q1 2025 reported)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file


def _records(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    return [(r["type"], r["metric"], r["value"] if r["type"] == "actual" else r["low"], r["period"])
            for r in records(extract_file(path, call_date="2025-05-01"))]


ROWS = [
    ("state-of-today", "And with more than 1,200 stores within 10 miles of most of our customers, we believe we are "
                       "well positioned to keep growing.",
     [("actual", "stores", 1200, "2025-Q1")]),
    ("a-plan-names-its-period", "With 500 new stores planned for 2026, we expect to keep growing.",
     [("claim", "stores", 500, "2026-FY")]),
    ("with-inside-a-promise", "We expect to open 300 stores in 2026 with our partners.",
     [("claim", "stores", 300, "2026-FY")]),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_fronted_with(tmp_path, sentence, want):
    assert _records(tmp_path, sentence) == want
