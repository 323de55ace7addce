"""A move stated against the year just ended is a promise about the year after it (tracker/extraction/baseline_periods.py):
one table row per invented sentence. The call is dated 2025-02-10 with a calendar fiscal year, so 2024 is the
year just ended and 2025 the current one."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file


def _claims(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    return [(r["kind"], r["metric"], r["comparator"], r["period"])
            for r in records(extract_file(path, call_date="2025-02-10")) if r["type"] == "claim"]


# (id, invented sentence, (kind, metric, comparator, period) of each claim)
ROWS = [
    ("moderate-compared-to-last-year", "Capital expenditure growth, as we noted on our last call, will moderate "
                                       "compared to 2024.",
     [("direction", "capex", "gt", "2025-FY")]),
    ("decline-versus-last-year", "We expect operating expenses at Quillon to decline versus 2024.",
     [("direction", "operating_expenses", "lt", "2025-FY")]),
    ("a-year-two-back-lends-nothing", "We expect capex to be higher than in 2023.", []),
    ("a-report-is-no-promise", "Revenue grew compared to 2024.", []),
    ("from-the-prior-year-is-too-loose", "We will keep lapping robust gross margin results from the "
                                         "prior year.", []),
    ("own-future-period-wins", "We expect opex to decline in Q3 versus 2024.",
     [("direction", "operating_expenses", "lt", "2025-Q3")]),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_the_year_after_the_baseline(tmp_path, sentence, want):
    assert _claims(tmp_path, sentence) == want
