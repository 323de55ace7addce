"""What must happen, read from the words around the event verb (tracker/extraction/events.py): one table row per invented
sentence. The call is dated 2025-05-22 with a calendar fiscal year."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file

ROWS = [
    ("subject-before-a-relative-clause", "The assistants that we announced earlier this week become available in "
                                         "the second half of the year.", [("assistants available", "2025-H2")]),
    ("expect-the-deal-to-close", "We expect the Larchmont deal to close in the third quarter.",
     [("Larchmont deal closes", "2025-Q3")]),
    ("close-by-thanking-is-no-event", "I want to close by thanking our team for their work in 2025.", []),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_event_subject(tmp_path: Path, sentence, want):
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    got = [(r["event"], r["period"]) for r in records(extract_file(path, call_date="2025-05-22"))
           if r["type"] == "claim" and r["kind"] == "milestone"]
    assert got == want
