"""A direction without a number is scoped like a figure: the business line named right before the metric that
moves ("a quicker pace of membership revenue growth in the back half" is about membership). Invented calls."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import claim_record
from tracker.extraction.extract import extract_file

HEAD = "Company: Larkspur Systems\n\nOperator: Welcome to the first quarter call.\n\n"


def claims(tmp_path: Path, text: str, call_date: str = "2025-05-20") -> list[dict]:
    path = tmp_path / "call.txt"
    path.write_text(HEAD + "Dana Whitlow: " + text + "\n", encoding="utf-8")
    return [claim_record(c) for c in extract_file(path, call_date=call_date, fiscal_year_end="12-31").claims]


@pytest.mark.parametrize("text, metric, scope", [
    pytest.param("We still see a somewhat quicker pace of maintenance revenue growth over the second half of "
                 "this year.", "revenue_growth", "maintenance", id="line-before-growth-noun"),
    pytest.param("We expect hosting revenue to increase in the fourth quarter.", "revenue", "hosting",
                 id="line-before-moving-metric"),
    pytest.param("We expect revenue to increase in the fourth quarter.", "revenue", None,
                 id="no-line-no-scope"),
])
def test_direction_scope(tmp_path, text, metric, scope):
    got = [c for c in claims(tmp_path, text) if c["kind"] == "direction" and c["metric"] == metric]
    assert got, claims(tmp_path, text)
    assert got[0]["scope"] == scope


def test_conditional_move_is_the_metric_clause_move(tmp_path):
    """"If rates fall, hosting revenue could increase": the fall is the rates', the promise (conditional) is up."""
    got = [c for c in claims(tmp_path, "If rates fall, hosting revenue could increase in the fourth quarter.")
           if c["kind"] == "direction"]
    assert [(c["comparator"], c["hedge"], c["scope"]) for c in got] == [("gt", "conditional", "hosting")]


@pytest.mark.parametrize("text", [
    pytest.param("Maintenance revenue growth was faster in the first quarter.", id="past-fact"),
    pytest.param("Had we kept the old pricing, hosting revenue would have increased in the fourth quarter.",
                 id="counterfactual"),
    pytest.param("I will come back to how hosting revenue grows in the second half in a moment.", id="signpost"),
    pytest.param("We do not expect hosting revenue to increase in the fourth quarter.", id="negated"),
])
def test_no_direction_claim(tmp_path, text):
    assert [c for c in claims(tmp_path, text) if c["kind"] == "direction"] == []
