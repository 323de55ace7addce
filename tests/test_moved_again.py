"""A metric with a figure in one clause, named again in a later clause with a period of its own and a move but no
figure, is a direction claim for that later period (tracker/extraction/claims.py `_moved_again`). One table row per
invented sentence; the call is dated 2025-12-10, fiscal year ending early September."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file


def _claims(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome to the call.\n\nAda Quill: " + sentence + "\n\n", encoding="utf-8")
    return sorted((r["kind"], r["metric"], r["period"], r["comparator"])
                  for r in records(extract_file(path, call_date="2025-12-10", fiscal_year_end="09-03"))
                  if r["type"] == "claim")


ROWS = [
    ("later-year-capex-up",
     "We expect capex of $20 billion in fiscal 2026, and we would expect fiscal 2027 capex to be higher.",
     [("direction", "capex", "FY2027-FY", "gt"), ("guidance", "capex", "FY2026-FY", "eq")]),
    ("apostrophe-year-before-metric",
     "We plan to double plant capex from '25 to '26, and we see '27 capex rising.",
     [("direction", "capex", "FY2027-FY", "gt"), ("guidance", "capex", "FY2026-FY", "eq")]),
    ("later-year-opex-down",
     "Operating expenses should be about $3 billion in fiscal 2026 and we see fiscal 2028 operating expenses declining.",
     [("direction", "operating_expenses", "FY2028-FY", "lt"), ("guidance", "operating_expenses", "FY2026-FY", "approx")]),
    # negative: the later period is only the baseline of the figure's move, not a period of its own
    ("baseline-is-no-later-clause", "We expect capex of $20 billion in fiscal 2026, up from fiscal 2025.",
     [("guidance", "capex", "FY2026-FY", "eq")]),
    # negative: the metric named again with no period of its own
    ("no-own-period", "We expect revenue of $5 billion in fiscal 2026, with revenue up in every quarter.",
     [("guidance", "revenue", "FY2026-FY", "eq")]),
    # negative: the later mention has a figure of its own, which is its claim
    ("own-figure-later", "We expect capex of $20 billion in fiscal 2026 and capex of $22 billion in fiscal 2027.",
     [("guidance", "capex", "FY2026-FY", "eq"), ("guidance", "capex", "FY2027-FY", "eq")]),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_a_later_clause_moves_the_metric_in_its_own_period(tmp_path, sentence, want):
    assert _claims(tmp_path, sentence) == sorted(want)
