"""Figures stated as a list (tracker/extraction/listed_figures.py): one table row per invented sentence.

Each row goes through the whole extraction; the call is dated 2025-05-01 with a calendar fiscal year.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file
from tracker.vocab.lexicon import load
from tracker.extraction.listed_figures import with_points
from tracker.quantities import find_quantities
from tracker.vocab.finders import metric_finder

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
    ("bare-count-listed-first", "We expect to open 900 and 1,200 new stores in 2025 and 2026, respectively.",
     [("stores", 900, "stores", "2025-FY"), ("stores", 1200, "stores", "2026-FY")]),
    ("money-each-period", "We expect revenue of $5 billion and $6 billion in 2025 and 2026, respectively.",
     [("revenue", 5e9, "USD", "2025-FY"), ("revenue", 6e9, "USD", "2026-FY")]),
    ("points-lower-each-period", "We expect operating margin to be roughly 14 and 16 points lower than "
                                 "our Q3 and full-year margins, respectively.",
     [("operating_margin_change", -14, "%", "2025-Q3"), ("operating_margin_change", -16, "%", "2025-FY")]),
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


def _actuals(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    return [(r["metric"], r["value"], r["unit"], r["period"])
            for r in records(extract_file(path, call_date=CALL_DATE)) if r["type"] == "actual"]


# (id, invented sentence, actuals that must be among those read)
MOVES = [
    ("share-from-to", "Stock-based compensation declined from 41% of revenue in 2023 to 34% in 2024.",
     ("stock_based_compensation", 34, "% of revenue", "2024-FY")),
    ("money-from-to", "Quillon revenue grew from $4 billion in 2023 to $5 billion in 2024.",
     ("revenue", 5e9, "USD", "2024-FY")),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in MOVES], ids=[r[0] for r in MOVES])
def test_a_move_arrives_at_what_it_started_from(tmp_path, sentence, want):
    assert want in _actuals(tmp_path, sentence)


def test_a_move_to_needs_a_start(tmp_path):
    found = _actuals(tmp_path, "Overhead was 41% of revenue, and we lowered prices to 34 stores.")
    assert not any(value == 34 and unit == "% of revenue" for _, value, unit, _ in found)
