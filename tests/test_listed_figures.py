"""Figures stated as a list (tracker/listed_figures.py): one table row per invented sentence.

Each row goes through the whole extraction; the call is dated 2025-05-01 with a calendar fiscal year.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extract import extract_file
from tracker.lexicon import load
from tracker.listed_figures import with_points
from tracker.quantities import find_quantities
from tracker.vocab import metric_finder

CALL_DATE = "2025-05-01"


def _claims(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    return [(r["metric"], r["low"], r["unit"], r["period"])
            for r in records(extract_file(path, call_date=CALL_DATE)) if r["type"] == "claim"]


# (id, invented sentence, (metric, low, unit, period) of each claim)
LISTS = [
    ("shared-percent-word", "For 2025, we expect gross margin and operating margin of 45 and 30 percent, respectively.",
     [("gross_margin", 45, "%", "2025-FY"), ("operating_margin", 30, "%", "2025-FY")]),
    ("respective-periods", "We expect gross margin of about 45 and 46 percent in Q3 and Q4, respectively.",
     [("gross_margin", 45, "%", "2025-Q3"), ("gross_margin", 46, "%", "2025-Q4")]),
    ("points-lower-each-period", "We expect operating margin to be approximately 20 and 21 points lower than "
                                 "our Q3 and full-year margins, respectively.",
     [("operating_margin_change", -20, "%", "2025-Q3"), ("operating_margin_change", -21, "%", "2025-FY")]),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in LISTS], ids=[r[0] for r in LISTS])
def test_listed_figures(tmp_path, sentence, want):
    assert _claims(tmp_path, sentence) == want


def test_points_of_a_count_metric_are_no_percent():
    text = "We expect to award 20 points per visit to loyalty members."
    qs = find_quantities(text)
    assert [q.unit for q in with_points(qs, text, metric_finder().find(text))] == [q.unit for q in qs]


def test_points_of_a_percent_metric_are_percentage_points():
    text = "We expect operating margin to be 2 points lower."
    got = with_points(find_quantities(text), text, metric_finder().find(text))
    assert [(q.low, q.unit, q.text) for q in got] == [(2, "%", "2 points")]


def test_bare_points_words_are_data():
    assert "points" in load("units")["bare_points"]["words"]
