"""A money metric stated "as a percentage of sales" is its margin (patterns.toml as_share_of_sales, metrics.toml
`margin`): one table row per invented sentence. The call is dated 2025-05-01 with a calendar fiscal year."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file


def _records(tmp_path: Path, sentence: str, kind: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    return [(r["metric"], r["value"] if kind == "actual" else r["low"], r["period"])
            for r in records(extract_file(path, call_date="2025-05-01")) if r["type"] == kind]


ROWS = [
    ("gross-profit-share-reported", "In the first quarter, gross profit as a percentage of net sales was 27.3%.",
     "actual", ("gross_margin", 27.3, "2025-Q1")),
    ("fronted-share-reported", "As a percentage of net sales, operating profit was 7.4% in the first quarter.",
     "actual", ("operating_margin", 7.4, "2025-Q1")),
    ("share-guided", "We expect operating profit as a percent of net revenue to be about 11% in 2025.",
     "claim", ("operating_margin", 11, "2025-FY")),
]


@pytest.mark.parametrize("sentence,kind,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_share_of_sales_is_the_margin(tmp_path, sentence, kind, want):
    assert want in _records(tmp_path, sentence, kind)


def test_a_plain_profit_figure_stays_profit(tmp_path):
    got = _records(tmp_path, "Gross profit was $4 billion in the first quarter.", "actual")
    assert got == [("gross_profit", 4e9, "2025-Q1")]
