"""A figure that measures an action on an object (tracker/extraction/moved_objects.py): one table row per invented sentence.
The call is dated 2025-05-01 with a calendar fiscal year."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tracker.extraction import moved_objects
from tracker.contract import records
from tracker.errors import LexiconError
from tracker.extraction.extract import extract_file
from tracker.vocab.lexicon import load


def _claims(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    return [(r["kind"], r["metric"], r["measure"], r["low"], r["unit"])
            for r in records(extract_file(path, call_date="2025-05-01")) if r["type"] == "claim"]


def _actuals(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    return [(r["metric"], r["value"]) for r in records(extract_file(path, call_date="2025-05-01"))
            if r["type"] == "actual"]


# (id, invented sentence, (kind, metric, measure, low, unit) of each claim)
ROWS = [
    ("reduce-an-open-object-by-percent", "By the end of 2025, Wexley expects to reach its target of cutting its "
                                         "in-store SKU count by 12%.",
     [("guidance", "in_store_sku_count_reduction", None, 12, "%")]),
    ("reduce-a-known-metric-by-percent", "We expect to reduce operating expenses by 5% in 2026.",
     [("guidance", "operating_expenses_reduction", None, 5, "%")]),
    ("reduce-by-money-is-no-level", "We expect to reduce our operating expenses by $50 million in 2026.",
     [("guidance", "operating_expenses_reduction", None, 5e7, "USD")]),
    ("cut-costs-by-money", "We expect to reduce costs by $500 million in 2025.",
     [("guidance", "costs_reduction", None, 5e8, "USD")]),
    ("grow-an-object-by-percent", "We expect to grow our subscriber base by 10% in 2026.",
     [("guidance", "subscriber_base_growth", "yoy_growth", 10, "%")]),
    ("increase-by-money-is-a-change", "We expect to increase capex by $1 billion in 2026.",
     [("guidance", "capex_change", "yoy_change", 1e9, "USD")]),
    ("grow-revenue-by-percent-unchanged", "We expect to grow revenue by 10% in 2026.",
     [("guidance", "revenue_growth", "yoy_growth", 10, "%")]),
    ("a-noun-cut-is-no-action", "We expect a rate cut of 25 basis points in Q3.",
     [("guidance", "rate_cut", None, 0.25, "%")]),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_action_on_an_object(tmp_path, sentence, want):
    assert _claims(tmp_path, sentence) == want


def test_a_move_and_its_end_keeps_the_end_as_the_level(tmp_path):
    got = _actuals(tmp_path, "Inventory rose sequentially by $260 million to $3.9 billion in the quarter.")
    assert ("inventory", 3.9e9) in got


def test_a_reported_reduction_is_an_amount(tmp_path):
    assert ("debt_reduction", 2.7e9) in _actuals(tmp_path, "During the quarter, we reduced debt by $2.7 billion.")


BROKEN = [
    ("object-words-zero", lambda d: d["growth"].__setitem__("object_words", 0)),
    ("object-words-text", lambda d: d["growth"].__setitem__("object_words", "five")),
    ("object-link-empty", lambda d: d["growth"].__setitem__("object_link", [])),
    ("no-growth-table", lambda d: d.pop("growth")),
]


@pytest.mark.parametrize("breaks", [r[1] for r in BROKEN], ids=[r[0] for r in BROKEN])
def test_a_broken_growth_table_is_an_error(monkeypatch, breaks):
    data = copy.deepcopy(load("metrics"))
    breaks(data)
    monkeypatch.setattr(moved_objects, "load", lambda name: data)
    moved_objects._moves.cache_clear()
    try:
        with pytest.raises(LexiconError):
            moved_objects._moves()
    finally:
        moved_objects._moves.cache_clear()
