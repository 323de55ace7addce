"""The companies screen's lower panel: the selected company's speakers with their credibility."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from textual.widgets import Static

from tests.tui.conftest import drive
from tests.tui.test_credibility import reported
from tracker.scorecard.over_time import CallPoint, Series
from tracker.scoring import Credibility
from tracker.scoring.credibility import wilson_interval
from tui.charts import sparkline
from tui.screens.companies import MAX_SPEAKERS, speakers_text, trend_text


def _speaker(name: str, title: str, summary: str, surprise: float | None, claims: int) -> SimpleNamespace:
    cred = Credibility(n_claims=claims, n_scored=0, hits=0, hit_rate=None, wilson_low=None, wilson_high=None,
                       mean_signed_surprise_pct=surprise, mean_abs_error_pct=None, withdrawn=0, late=0,
                       mean_days_late=None, by_verdict={}, enough=False, summary=summary)
    return SimpleNamespace(name=name, title=title, claims=claims, credibility=cred)


CFO = _speaker("Tom Becker", "Chief Financial Officer", "hit rate 60% (95% CI 23-88%, n=5)", -2.5, 6)
CEO = _speaker("Maya Lindqvist", "", "too few scored claims (n=2)", None, 3)
NOBODY = _speaker("", "", "too few scored claims (n=0)", None, 1)


@pytest.mark.parametrize("speakers, lines", [
    ([CFO, CEO], ["Credibility per speaker", "  over time …", "  Tom Becker, Chief Financial Officer",
                  "    hit rate 60% (95% CI 23-88%, n=5), bias -2.5%, 6 claims",
                  "  Maya Lindqvist", "    too few scored claims (n=2), bias —, 3 claims"]),
    ([NOBODY], ["Credibility per speaker", "  over time …", "  unattributed", "    too few scored claims (n=0), bias —, 1 claim"]),
    ([], ["Credibility per speaker", "  over time …", "  no claims yet"]),
    ([CEO] * (MAX_SPEAKERS + 2), ["Credibility per speaker", "  over time …"]
     + ["  Maya Lindqvist", "    too few scored claims (n=2), bias —, 3 claims"] * MAX_SPEAKERS + ["  and 2 more"]),
])
def test_speakers_text(speakers, lines):
    assert speakers_text(speakers).plain.splitlines() == lines


def test_panel_shows_the_selected_companys_speakers(northwind):
    seen: dict[str, str] = {}

    async def scenario(pilot) -> None:  # noqa: ANN001
        seen["panel"] = str(pilot.app.screen.query_one("#company-speakers", Static).render())

    drive(northwind, scenario)
    # the fixture's seven claims are all the CFO's; scored ones are too few for a hit rate
    assert "Dana Whitfield, Chief Financial Officer" in seen["panel"]
    assert "too few scored claims (n=" in seen["panel"]
    assert "7 claims" in seen["panel"]


def _dim_cells(text) -> list[int]:
    return [i for span in text.spans if "dim" in str(span.style) for i in range(span.start, span.end)]


@pytest.mark.parametrize("calls, cells, dim", [
    pytest.param([(0.0, True), (0.5, True), (1.0, True)], "▁▅█", [], id="rising"),
    pytest.param([(1.0, True), (0.6, True), (0.2, True)], "█▅▂", [], id="falling"),
    pytest.param([(0.75, True)], "▆", [], id="one-call"),
    pytest.param([(0.5, False), (None, False), (1.0, True)], "▅·█", [0, 1], id="too-few-and-unscored"),
    pytest.param([], "", [], id="no-calls"),
])
def test_sparkline(calls, cells, dim):
    line = sparkline(calls)
    assert line.plain == cells
    assert _dim_cells(line) == dim


def _point(on: date, hits: int, scored: int, enough: bool) -> CallPoint:
    rate = hits / scored if scored else None
    low, high = wilson_interval(hits, scored) if scored else (None, None)
    cred = Credibility(n_claims=scored, n_scored=scored, hits=hits, hit_rate=rate, wilson_low=low, wilson_high=high,
                       mean_signed_surprise_pct=None, mean_abs_error_pct=None, withdrawn=0, late=0,
                       mean_days_late=None, by_verdict={}, enough=enough, summary="")
    return CallPoint(on, cred)


FEB, MAR = date(2025, 2, 20), date(2025, 5, 20)


@pytest.mark.parametrize("points, line", [
    ((_point(FEB, 1, 2, False), _point(MAR, 3, 3, False)), "▅█  last call 100% (44-100%, n=3)"),
    ((_point(FEB, 3, 6, True), _point(MAR, 0, 0, False)), "▅·  last call 50% (19-81%, n=6)"),
    ((_point(FEB, 0, 0, False),), "·  no call scored yet"),
])
def test_trend_text(points, line):
    assert trend_text(Series(None, points)).plain == line


def test_speakers_text_with_their_trend():
    trend = (Series(None, (_point(FEB, 1, 2, False), _point(MAR, 3, 3, False))),
             Series("Maya Lindqvist", (_point(FEB, 1, 2, False),)))
    lines = speakers_text([CEO], trend).plain.splitlines()
    assert lines[:3] == ["Credibility per speaker", "  over time ▅█  last call 100% (44-100%, n=3)",
                         "  Maya Lindqvist  ▅"]
    assert speakers_text([CEO]).plain.splitlines()[1] == "  over time …"     # while it is being read


def test_panel_draws_the_companys_hit_rate_over_time(northwind):
    """Northwind's two invented calls with Q1 reported: each kept two of its scored promises, so two half-height
    dim cells (too few claims to judge) and the March call's rate with its band, on an 80x24 terminal."""
    reported(northwind)
    seen: dict[str, list[str]] = {}

    async def scenario(pilot) -> None:  # noqa: ANN001
        seen["panel"] = pilot.app.screen.query_one("#company-speakers", Static).render().plain.splitlines()

    drive(northwind, scenario, size=(80, 24))
    assert seen["panel"][:3] == ["Credibility per speaker", "  over time ▅▅  last call 50% (9-91%, n=2)",
                                 "  Dana Whitfield, Chief Financial Officer  ▅▅"]
