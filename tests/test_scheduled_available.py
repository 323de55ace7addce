"""A product that "becomes available" on a date ahead is scheduled, without a forward cue (cues.toml [scheduled]):
"The six new copilots become available to customers in H2 of this year." The call is dated 2025-05-22 with a
calendar fiscal year."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file

ROWS = [
    ("become-available", "The six new Quillon copilots become available to customers in H2 of this year.",
     [("milestone", "2025-H2")]),
    ("becomes-generally-available", "The Quillon planner becomes generally available in the fourth quarter.",
     [("milestone", "2025-Q4")]),
    ("announced-earlier-then-available", "The Quillon copilots that we unveiled earlier this month become "
                                         "available to customers in H2 of this year.",
     [("milestone", "2025-H2")]),
    ("became-available-is-a-report", "The Quillon planner became available in the first quarter.", []),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_becomes_available(tmp_path: Path, sentence, want):
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    got = [(r["kind"], r["period"]) for r in records(extract_file(path, call_date="2025-05-22"))
           if r["type"] == "claim"]
    assert got == want
