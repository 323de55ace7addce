"""A count in an event's subject, reported or told in words, does not take the event's date for itself: "the
additional five bots that we unveiled this month become available in the second half" is an event of the second
half (tracker/extraction/claims.py milestone_claims). Invented sentences; call 2025-05-22, calendar year."""
from __future__ import annotations

import pytest

from tests.test_events import milestones

ROWS = [
    ("words-count-subject",
     "Demand should firm as the additional five bots that we unveiled earlier this month become generally "
     "available in the back half of this year.", ["2025-12-31"]),
    ("reported-count-subject",
     "The 12 new modules that we introduced last month become generally available in the fourth quarter.",
     ["2025-12-31"]),
    # negative: a promised count in digits owns its date ("we expect 300 stores to open by year-end" is a count claim)
    ("digit-count-promise", "We expect 300 new stores to open by the end of the year.", []),
]


@pytest.mark.parametrize("text,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_a_count_in_the_subject_leaves_the_date_to_the_event(text, want):
    assert [c.deadline.isoformat() for c in milestones(text)] == want
