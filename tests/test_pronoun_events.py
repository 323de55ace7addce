"""A thing expected by a date and named by a pronoun ("our export licence was held up in the spring, and we expect it
later this year") is a dated event; "expect it to be 12%" is not, nor is a pronoun whose thing was named in another sentence.

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims


def test_a_thing_expected_later_this_year(tmp_path):
    got = _claims(tmp_path, "Our export licence was held up in the spring, and we expect it later this year.")
    assert [(c["kind"], c["deadline"], c["event"]) for c in got] == [
        ("milestone", "2025-12-31", "export licence arrives")]


NOT_EVENTS = [
    ("a-level", "We expect it to be about 12% this year."),
    ("no-thing-in-sentence", "We now expect it sometime this year."),
    ("no-date", "We did not receive the grant and expect it soon."),
]


@pytest.mark.parametrize("sentence", [r[1] for r in NOT_EVENTS], ids=[r[0] for r in NOT_EVENTS])
def test_no_pronoun_event(tmp_path, sentence):
    assert [c for c in _claims(tmp_path, sentence) if c["kind"] == "milestone"] == []
