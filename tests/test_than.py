"""Figures on either side of "than": a baseline after a figure, a bound alone, a difference of two metrics.

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims

# (id, sentence, fields of its one numeric claim)
THAN = [
    ("baseline-after-figure", "We expect capex of $15 billion in 2025, lower than last year's $17 billion.",
     dict(metric="capex", comparator="eq", low=15e9, high=15e9)),
    ("baseline-the", "We expect Q3 freight costs of $40 million, higher than the $35 million of the second quarter.",
     dict(metric="freight_costs", low=40e6, period="2025-Q3")),
    ("floor-alone", "We expect gross margin to stay higher than the 17% in 2025.",
     dict(metric="gross_margin", comparator="gt", low=17, high=None)),
    ("ceiling-alone", "We expect the tax rate to be lower than the 22% in 2026.",
     dict(metric="tax_rate", comparator="lt", low=None, high=22)),
    ("floor-no-article", "We expect to open more than 40 stores in 2025.",
     dict(metric="stores", comparator="gt", low=40)),
    ("difference-known-metrics", "In 2025 we expect operating income to be about $700 million higher than capex.",
     dict(metric="operating_income_less_capex", metric_known=False, low=700e6, high=700e6)),
    ("difference-open-subject", "Licensing income should be about $100 million lower than capex in 2025.",
     dict(metric="licensing_income_less_capex", metric_known=False, low=-100e6, high=-100e6)),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in THAN], ids=[r[0] for r in THAN])
def test_than(tmp_path, sentence, expected):
    numeric = [c for c in _claims(tmp_path, sentence) if c["kind"] in ("guidance", "target")]
    assert len(numeric) == 1, numeric
    assert {k: numeric[0][k] for k in expected} == expected


def test_a_difference_is_no_move_of_the_base(tmp_path):
    """"$300 million higher than capex" says nothing of where capex goes: no direction claim."""
    got = _claims(tmp_path, "Licensing income should be about $300 million higher than capex in 2025.")
    assert [c["kind"] for c in got] == ["guidance"]


def test_a_reports_baseline_is_an_actual_of_its_period(tmp_path):
    """"margin rose to 38%, well up and higher than the 31% in Q1" reports Q1's 31%: no promise makes it a baseline."""
    from tracker.contract import records
    from tracker.extraction.extract import extract_file
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome.\n\nAda Quill: In Q2 our gross margin rose to 38%, well up and higher than the "
                    "31% in Q1.\n\n", encoding="utf-8")
    got = [r for r in records(extract_file(path, call_date="2025-08-01")) if r["type"] == "actual"]
    assert {(r["value"], r["period"]) for r in got} >= {(31, "2025-Q1")}, got


def test_a_gap_to_a_metric_is_never_its_level(tmp_path):
    """"... run about $300 million higher than capex" with no readable subject: no claim of capex at $300 million."""
    got = _claims(tmp_path, "It should run about $300 million higher than capex in 2025.")
    assert all(c["metric"] != "capex" for c in got), got
