"""Losses are negative numbers and read as losses; basis and measure show wherever a claim is named
(invented company: Plover Vex)."""
from __future__ import annotations

import dataclasses
import csv
import io
import json
from datetime import date

import pytest

from tracker.display import format_promise
from tracker.model import Claim, Comparator, Hedge, Kind, Period, Role
from tracker.scorecard import Scorecard, ScorecardRow, render
from tracker.scorecard.model import subject
from tracker.scoring import credibility, score_claim

FY = Period("2025-FY", date(2025, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize("low, high, unit, cmp, shown", [
    pytest.param(-2.25e9, -2.0e9, "USD", Comparator.RANGE, "$2.0B-$2.25B loss", id="loss-range"),
    pytest.param(-40e6, -40e6, "USD", Comparator.APPROX, "~$40.0M loss", id="about-a-loss"),
    pytest.param(-5.0, -3.0, "%", Comparator.RANGE, "-5%--3%", id="a-decline-is-not-a-loss"),
    pytest.param(-2e6, 3e6, "USD", Comparator.RANGE, "-$2.0M-$3.0M", id="loss-to-profit-range-keeps-signs"),
    pytest.param(2.0e9, 2.25e9, "USD", Comparator.RANGE, "$2.0B-$2.25B", id="profit-range-unchanged"),
])
def test_promise_text(low, high, unit, cmp, shown):
    assert format_promise(low, high, unit, cmp) == shown


def _claim(**kw) -> Claim:
    base = Claim(kind=Kind.GUIDANCE, metric="adjusted_ebitda", scope=None, comparator=Comparator.RANGE,
                 low=-2.25e9, high=-2.0e9, unit="USD", period=FY, speaker="Ann Vole", role=Role.EXECUTIVE,
                 quote="We expect an adjusted EBITDA loss of $2.0 to $2.25 billion.", mentions=(),
                 hedge=Hedge.EXPECTED)
    return dataclasses.replace(base, **kw)


@pytest.mark.parametrize("kw, text", [
    pytest.param({}, "adjusted ebitda, 2025-FY", id="nothing-stated"),
    pytest.param({"basis": "adjusted"}, "adjusted ebitda, 2025-FY, adjusted", id="adjusted"),
    pytest.param({"basis": "non_gaap", "measure": "yoy_growth"}, "adjusted ebitda, 2025-FY, non-GAAP, YoY growth",
                 id="non-gaap-growth"),
])
def test_subject_names_basis_and_measure(kw, text):
    assert subject(_claim(**kw)) == text


def test_scorecards_carry_basis_measure_and_the_loss():
    claim = _claim(basis="adjusted")
    result = score_claim(claim, [], [], date(2026, 3, 1))
    card = Scorecard("Plover Vex", "PLVX", date(2026, 3, 1), None, credibility([(claim, result)]),
                     (ScorecardRow(claim, result),))
    row = list(csv.DictReader(io.StringIO(render(card, "csv"))))[0]
    assert (row["basis"], row["measure"], row["low"]) == ("adjusted", "", "-2250000000")
    assert "$2.0B-$2.25B loss" in row["promise"]
    doc = json.loads(render(card, "json"))
    assert doc["rows"][0]["claim"]["basis"] == "adjusted" and doc["rows"][0]["claim"]["measure"] is None
    assert "$2.0B-$2.25B loss" in render(card, "md")
