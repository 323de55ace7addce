"""A region the sentence names inside a fronted business line narrows the line: "For the Coatings division, a rebound
in Europe should lift revenue to $900 million in 2026." is about coatings in Europe ("coatings europe"), as "Europe
services revenue" is services in Europe. "Global" narrows nothing; a fronted region stays itself.

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims

CASES = [
    ("region-in-body", "For the Coatings division, a rebound in Europe should lift revenue to $900 million in 2026.",
     "coatings europe"),
    ("region-in-other-clause",
     "For our Resins segment, Asia should recover, and we see positive equity earnings this year.", "resins asia"),
    ("global-narrows-nothing",
     "For the Coatings division, global demand should lift revenue to $900 million in 2026.", "coatings"),
    ("no-region", "For our Resins segment, we expect revenue of $2 billion in 2026.", "resins"),
    ("fronted-region", "In Asia, we expect revenue of $2 billion in 2026.", "asia"),
]


@pytest.mark.parametrize("sentence, scope", [r[1:] for r in CASES], ids=[r[0] for r in CASES])
def test_fronted_line_narrowed(tmp_path, sentence, scope):
    got = _claims(tmp_path, sentence)
    assert [c.get("scope") for c in got] == [scope]
