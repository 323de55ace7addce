"""Credibility over time on invented verdicts: Northwind's February call kept one of its two promises, its March
call all three; Dana Reyes made most of them."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from tests.test_scorecard_render import CARD
from tracker.model import Verdict
from tracker.scorecard import render
from tracker.scorecard.over_time import over_time, over_time_svg, scorecard_over_time, surprise_text
from tracker.scoring.verdicts import VerdictResult

FEB, MAR = date(2025, 2, 20), date(2025, 3, 25)


def result(verdict: Verdict, surprise: float | None = None) -> VerdictResult:
    return VerdictResult(verdict, "invented", date(2025, 6, 1), surprise_pct=surprise)


SAID = [
    (MAR, "Dana Reyes", result(Verdict.MET, 2.0)),
    (FEB, "Dana Reyes", result(Verdict.BEAT, 6.0)),
    (FEB, "Lee <Ops>", result(Verdict.MISSED, -10.0)),
    (MAR, "Dana Reyes", result(Verdict.BEAT, 4.0)),
    (MAR, None, result(Verdict.MET, 0.0)),
    (None, "Dana Reyes", result(Verdict.AWAITING)),
]


def test_company_then_speakers_by_most_claims_each_oldest_call_first():
    series = over_time(SAID)
    assert [s.name for s in series] == ["every speaker", "Dana Reyes", "Lee <Ops>", "unattributed"]
    company = series[0]
    assert [p.on for p in company.points] == [FEB, MAR, None]
    feb, mar, undated = (p.credibility for p in company.points)
    assert (feb.hits, feb.n_scored, mar.hits, mar.n_scored, undated.n_scored) == (1, 2, 3, 3, 0)
    assert surprise_text(feb) == "-2.0%" and surprise_text(undated) == ""
    assert feb.wilson_low < 0.5 < feb.wilson_high           # two claims prove little: a wide band
    dana = series[1]
    assert [(p.on, p.credibility.hits, p.credibility.n_scored) for p in dana.points] == [
        (FEB, 1, 1), (MAR, 2, 2), (None, 0, 0)]


def test_nothing_said_no_series():
    assert over_time([]) == ()


def test_svg_has_a_band_and_a_dot_per_scored_call_and_escapes_names():
    company, _dana, lee, _ = over_time(SAID)
    svg = over_time_svg(company)
    assert all(ET.fromstring(over_time_svg(s)).tag.endswith("svg") for s in over_time(SAID))   # well-formed
    assert svg.count('class="band"') == 2 and svg.count('class="rate"') == 2     # the undated call scored none
    assert "2025-02-20" in svg and "n=0" in svg and "+2.0%" in svg and "<polyline" in svg
    lee_svg = over_time_svg(lee)
    assert 'aria-label="hit rate per call, Lee &lt;Ops&gt;"' in lee_svg and "<Ops>" not in lee_svg
    assert "<polyline" not in lee_svg                       # one point: no line to draw


def test_html_scorecard_has_the_chart():
    page = render(CARD, "html")
    assert "<h2>Credibility over time</h2>" in page
    assert 'aria-label="hit rate per call, every speaker"' in page
    assert len(scorecard_over_time(CARD)[0].points) == 1     # all three claims were said on one call
