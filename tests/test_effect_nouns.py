"""A figure named as a headwind or tailwind is an effect on the metric of the sentence before: "We see free cash flow
staying healthy. That said, we anticipate headwinds of about $400 million to $600 million from the absence of supplier
prepayments received in 2025." is an adverse effect of $400-600 million on 2026 free cash flow (measure impact,
signed), whose line is where it comes from ("supplier prepayments"). A metric named in the cause ("from distributor
inventory rebuilds") is not what the effect is on; a past year, a past word or a verb of fact after the figure tells
the cause, not the effect. The sentence before may be undated.

Every sentence is invented; each case is one speaker's turn on a call dated 2026-01-28 (calendar fiscal year).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file

LEAD = ("Ada Quill: Turning to the 2026 outlook, we expect revenue of $6 billion. "
        "We see free cash flow staying healthy. ")


def _claims_of(tmp_path: Path, turn: str, last: str) -> list[dict]:
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome to the call.\n\n" + turn + "\n\n", encoding="utf-8")
    return [r for r in records(extract_file(path, call_date="2026-01-28"))
            if r["type"] == "claim" and r["quote"] == last]


# (id, last sentence, fields of its one claim, or None for no claim on free cash flow)
EFFECTS = [
    ("headwinds-from-cause",
     "That said, we anticipate headwinds of about $400 million to $600 million from the absence of supplier "
     "prepayments received in 2025, mostly from distributor inventory rebuilds.",
     dict(metric="free_cash_flow", scope="supplier prepayments", low=-600e6, high=-400e6, measure="impact",
          period="2026-FY")),
    ("tailwind-of", "We also expect a tailwind of about $90 million from recycling rebates.",
     dict(metric="free_cash_flow", scope="recycling rebates", low=90e6, measure="impact", period="2026-FY")),
    ("reported-headwind", "Last year we absorbed headwinds of $200 million from higher rates.", None),
]


@pytest.mark.parametrize("last, expected", [r[1:] for r in EFFECTS], ids=[r[0] for r in EFFECTS])
def test_effect_on_previous_metric(tmp_path, last, expected):
    got = _claims_of(tmp_path, LEAD + last, last)
    if expected is None:
        assert [c for c in got if c["metric"] == "free_cash_flow"] == []
        return
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


def test_no_antecedent_no_effect(tmp_path):
    """Without a metric in the sentence before, nothing is lent: the headwind stays an open figure of its own."""
    last = "We anticipate headwinds of $70 million in 2026."
    got = _claims_of(tmp_path, "Ada Quill: It was a busy year. " + last, last)
    assert [(c["metric"], c.get("measure")) for c in got] == [("headwinds", None)]
