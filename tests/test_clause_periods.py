"""A period of an earlier clause does not date a figure whose own clause names a period
(tracker/extraction/sentence_facts.py `_own_clause_first`). Invented sentences; call dated 2024-10-29, calendar year."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file


def _claims(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome to the call.\n\nAda Quill: " + sentence + "\n\n", encoding="utf-8")
    return sorted(((r["metric"], r["low"], r["period"]) for r in records(extract_file(path, call_date="2024-10-29"))
                   if r["type"] == "claim" and r["kind"] != "milestone"), key=str)


ROWS = [
    ("own-clause-next-year",
     "Our dealers plan to double their Zephyr designs in 2024, and we plan to have over 100 Zephyr "
     "commercial designs on sale next year.",
     [("zephyr_commercial_designs", 100, "2025-FY")]),
    ("own-clause-next-quarter",
     "Freight costs stayed high through the summer of 2024, but we expect gross margin of about 41% in the first "
     "quarter of 2025.",
     [("gross_margin", 41, "2025-Q1")]),
    # negative: the figure's clause names no period, so the sentence's period still dates it
    ("no-own-period", "For 2025, we expect revenue of about $3 billion.", [("revenue", 3e9, "2025-FY")]),
    # negative: a baseline in the figure's clause ("since 2014") is no period of its own
    ("baseline-in-own-clause", "For 2025, we expect a return on capital approaching 12%, our highest since 2014.",
     [("return_on_capital", 12, "2025-FY")]),
    ("period-after-figure-same-clause", "We expect revenue of about $3 billion in 2025, and margins to improve.",
     [("revenue", 3e9, "2025-FY")]),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_the_figures_own_clause_dates_it(tmp_path, sentence, want):
    assert _claims(tmp_path, sentence) == sorted(want, key=str)
