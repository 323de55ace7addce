"""A figure whose sentence names no metric but refers back ("it", "that number", "our 8% to 10% range") is a claim on
the metric of the speaker's previous sentence, with its scope, and its period when the sentence names none.

Every sentence is invented; each case is one speaker's turn on a call dated 2025-05-01 (calendar fiscal year).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file


def _turn_claims(tmp_path: Path, *turns: str) -> list[dict]:
    text = "Operator: Welcome to the call.\n\n" + "".join(f"{t}\n\n" for t in turns)
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    return [r for r in records(extract_file(path, call_date="2025-05-01")) if r["type"] == "claim"]


# (id, one turn, fields of the claim quoting its last sentence)
REFERS_BACK = [
    ("range-after-impact",
     "Ada Quill: The new plant will weigh on our Europe margin by 30 basis points this year. "
     "Even so, we should still land inside our 12% to 14% range.",
     dict(metric="margin", scope="europe", low=12, high=14, measure=None, period="2025-FY")),
    ("it-with-own-period",
     "Ada Quill: We expect gross margin of 41% in Q3. We expect it to be about 42% in Q4.",
     dict(metric="gross_margin", low=42, high=42, period="2025-Q4")),
    ("that-number-lends-period",
     "Ada Quill: We expect freight costs of about $40 million in 2026. Our expectation for that number could be "
     "closer to $45 million.",
     dict(metric="freight_costs", low=45e6, period="2026-FY")),
    ("metric-promised-without-number",
     "Ada Quill: We expect gross margin to improve in 2026. We expect it to reach about 42%.",
     dict(metric="gross_margin", low=42, period="2026-FY")),
    ("this-figure-known-metric",
     "Ada Quill: In Q3 we expect operating expenses of $310 million. This figure should rise to $330 million in Q4.",
     dict(metric="operating_expenses", low=330e6, period="2025-Q4")),
]


@pytest.mark.parametrize("turn, expected", [r[1:] for r in REFERS_BACK], ids=[r[0] for r in REFERS_BACK])
def test_a_figure_referring_back_measures_the_previous_metric(tmp_path, turn, expected):
    last = turn.rsplit(". ", 1)[1]
    got = [c for c in _turn_claims(tmp_path, turn) if c["quote"] == last]
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


# (id, turns, the sentence that must give no claim)
NO_ANTECEDENT = [
    ("other-speaker",
     ("Ada Quill: We expect gross margin of 41% in Q3.", "Bo Renn: We expect it to be about 42% in Q4."),
     "We expect it to be about 42% in Q4."),
    ("not-the-next-sentence",
     ("Ada Quill: We expect gross margin of 41% in Q3. The team did well. We expect it to be about 42% in Q4.",),
     "We expect it to be about 42% in Q4."),
    ("unit-of-another-family",
     ("Ada Quill: We expect gross margin of 41% in Q3. We expect it to cost about $42 million in Q4.",),
     "We expect it to cost about $42 million in Q4."),
    ("a-report-refers-back",
     ("Ada Quill: We expect capital spending of $15 billion in 2026. It fell from $17 billion to "
      "$16 billion over the past two years.",),
     "It fell from $17 billion to $16 billion over the past two years."),
    ("money-for-a-margin",
     ("Ada Quill: We expect gross margin to improve in 2026. We expect it to reach about $42 million.",),
     "We expect it to reach about $42 million."),
    ("two-metrics-named",
     ("Ada Quill: We expect gross margin and operating margin to improve in 2026. We expect it to reach 42%.",),
     "We expect it to reach 42%."),
    ("no-reference",
     ("Ada Quill: We expect gross margin of 41% in Q3. We will also hire about 42 engineers in Q4.",),
     "We will also hire about 42 engineers in Q4."),
]


@pytest.mark.parametrize("turns, sentence", [r[1:] for r in NO_ANTECEDENT], ids=[r[0] for r in NO_ANTECEDENT])
def test_no_antecedent_no_borrowed_metric(tmp_path, turns, sentence):
    got = [c for c in _turn_claims(tmp_path, *turns) if c["quote"] == sentence]
    assert all(c["metric"] not in ("gross_margin", "operating_margin", "capex") for c in got), got
