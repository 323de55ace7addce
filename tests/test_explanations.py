"""A verb inside the explanation of a promise reports nothing (patterns.toml explanation): one table row per
invented turn. The call is dated 2025-07-30 with a calendar fiscal year."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file


def _records(tmp_path: Path, *sentences: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome to the call.\n\nAda Quill: " + " ".join(sentences) + "\n\n", encoding="utf-8")
    return [(r["type"], r["metric"], r.get("low", r.get("value")), r["period"])
            for r in records(extract_file(path, call_date="2025-07-30"))]


ROWS = [
    ("explained-promise-keeps-its-frame", ["Now to our outlook for the fourth quarter.",
                                           "Other income is expected to be negative $400 million, largely because of "
                                           "stakes carried under the equity method."],
     [("claim", "other_income", -400e6, "2025-Q4")]),
    ("a-report-before-the-explanation-stays", ["Revenue grew to $5 billion in the second quarter, driven by demand "
                                               "that we expect to continue."],
     [("actual", "revenue", 5e9, "2025-Q2")]),
]


@pytest.mark.parametrize("sentences,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_explanations(tmp_path, sentences, want):
    assert _records(tmp_path, *sentences) == want
