"""What must happen, read from the words around the event verb (tracker/extraction/events.py): one table row per invented
sentence. The call is dated 2025-05-22 with a calendar fiscal year."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file

ROWS = [
    ("subject-before-a-relative-clause", "The copilots that we unveiled earlier this month become available to "
                                         "customers in H2 of this year.", [("copilots available", "2025-H2")]),
    ("expect-the-deal-to-close", "We expect the Larchmont deal to close in the third quarter.",
     [("Larchmont deal closes", "2025-Q3")]),
    ("close-by-thanking-is-no-event", "Let me close by thanking all our staff for their efforts in 2025.", []),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_event_subject(tmp_path: Path, sentence, want):
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    got = [(r["event"], r["period"]) for r in records(extract_file(path, call_date="2025-05-22"))
           if r["type"] == "claim" and r["kind"] == "milestone"]
    assert got == want
