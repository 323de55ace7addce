"""A growth for a business the sentence names ("sequential growth for our pumps business") is a direction of that
business; moves named after it in the same direction ("with strength in both consumer and industrial") are its
drivers, not lines of their own (tracker/extraction/claims.py segment_directions; cues.toml [segment_move]). Invented sentences; call dated 2024-10-29, calendar year."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file


def _directions(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome to the call.\n\nAda Quill: " + sentence + "\n\n", encoding="utf-8")
    return [(r["scope"], r["comparator"], r["period"]) for r in records(extract_file(path, call_date="2024-10-29"))
            if r["type"] == "claim" and r["kind"] == "direction"]


ROWS = [
    ("growth-for-a-business-with-drivers",
     "For the fourth quarter we see one more quarter of sequential growth for our pumps business, with strength in "
     "both consumer and industrial.", [("pumps", "gt", "2024-Q4")]),
    ("growth-on-a-sequential-basis-for",
     "We expect growth on a sequential basis for the valves business in the fourth quarter, with strength in cloud.",
     [("valves", "gt", "2024-Q4")]),
    ("sequential-growth-for", "We expect sequential growth for our gaming business in the fourth quarter.",
     [("gaming", "gt", "2024-Q4")]),
    # negatives: lines named with no business first are each their own, so is a second named business; a fall is no
    # driver of a rise
    ("two-named-businesses", "In the fourth quarter we expect growth in our pumps business and growth in our valves "
     "business.", [("pumps", "gt", "2024-Q4"), ("valves", "gt", "2024-Q4")]),
    ("lines-without-a-business", "In the fourth quarter we expect strength in both consumer and industrial.",
     [("consumer", "gt", "2024-Q4"), ("industrial", "gt", "2024-Q4")]),
    ("a-fall-is-its-own", "In the fourth quarter we expect growth in our gaming business and softness in embedded.",
     [("gaming", "gt", "2024-Q4"), ("embedded", "lt", "2024-Q4")]),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_a_named_business_and_its_drivers(tmp_path, sentence, want):
    assert _directions(tmp_path, sentence) == want
