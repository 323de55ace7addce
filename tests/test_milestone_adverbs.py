"""A softening adverb between the modal and the verb keeps the promise an event ("we'll probably have ... by the end
of the year"); it only softens the hedge.

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims

SOFTENED = [
    ("probably-have", "We'll probably have the Harwick bakery line in place by the end of the year."),
    ("likely-have", "Quillon will likely have the new bakery line in place by the end of 2026."),
    ("hopefully-have", "We will hopefully have the Marlow depot running by the end of 2026."),
]


@pytest.mark.parametrize("sentence", [r[1] for r in SOFTENED], ids=[r[0] for r in SOFTENED])
def test_a_softened_have_is_still_a_milestone(tmp_path, sentence):
    got = [c for c in _claims(tmp_path, sentence) if c["kind"] == "milestone"]
    assert len(got) == 1, got
    assert got[0]["deadline"] in ("2025-12-31", "2026-12-31")


def test_a_past_have_is_no_milestone(tmp_path):
    assert [c for c in _claims(tmp_path, "Last year we probably had the depot running by the end of 2024.")
            if c["kind"] == "milestone"] == []


def test_a_change_of_rank_is_an_event(tmp_path):
    """"we think the line will become our biggest one later in 2026": an event dated by its own period."""
    got = [c for c in _claims(tmp_path, "The Kestrel line will drive our growth in 2026, and we think the line will "
                                        "become our biggest one later in 2026.") if c["kind"] == "milestone"]
    assert [(c["deadline"], c["event"]) for c in got] == [("2026-12-31", "becomes biggest one")]
