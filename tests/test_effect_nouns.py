"""A figure named as a headwind or tailwind is an effect on the metric of the sentence before: "We are forecasting
another year of robust free cash flow. However, we anticipate headwinds in the range of $1 to $3 billion from the
non-repeat of working capital benefits realized in 2024." is an adverse effect of $1-3 billion on 2025 free cash flow
(measure impact, signed), whose line is where it comes from ("working capital benefits"). A metric named in the
cause ("from dealer inventory restocking") is not what the effect is on; a past year or a past word after the figure
dates the cause, not the effect. The previous sentence may be undated ("another year of").

Every sentence is invented; each case is one speaker's turn on a call dated 2025-01-28 (calendar fiscal year).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file

LEAD = ("Ada Quill: Moving to our 2025 guidance, we expect revenue of $10 billion. "
        "We are forecasting another year of robust free cash flow. ")


def _last_claims(tmp_path: Path, last: str) -> list[dict]:
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome to the call.\n\n" + LEAD + last + "\n\n", encoding="utf-8")
    return [r for r in records(extract_file(path, call_date="2025-01-28"))
            if r["type"] == "claim" and r["quote"] == last]


# (id, last sentence, fields of its one claim, or None for no claim)
EFFECTS = [
    ("headwinds-from-cause",
     "However, we anticipate headwinds in the range of $1 to $3 billion from the non-repeat of working capital "
     "benefits realized in 2024, primarily from dealer inventory restocking.",
     dict(metric="free_cash_flow", scope="working capital benefits", low=-3e9, high=-1e9, measure="impact",
          period="2025-FY")),
    ("tailwind-of", "We also expect a tailwind of about $500 million from recycling rebates.",
     dict(metric="free_cash_flow", scope="recycling rebates", low=500e6, measure="impact", period="2025-FY")),
    ("reported-headwind", "Last year we absorbed headwinds of $2 billion from higher rates.", None),
]


@pytest.mark.parametrize("last, expected", [r[1:] for r in EFFECTS], ids=[r[0] for r in EFFECTS])
def test_effect_on_previous_metric(tmp_path, last, expected):
    got = _last_claims(tmp_path, last)
    if expected is None:
        assert [c for c in got if c["metric"] == "free_cash_flow"] == []
        return
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


def test_no_antecedent_no_effect(tmp_path):
    """Without a metric in the sentence before, nothing is lent: the headwind stays an open figure of its own."""
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome.\n\nAda Quill: It was a busy year. We anticipate headwinds of $1 billion "
                    "in 2025.\n\n", encoding="utf-8")
    got = [r for r in records(extract_file(path, call_date="2025-01-28")) if r["type"] == "claim"]
    assert [(c["metric"], c.get("measure")) for c in got] == [("headwinds", None)]
