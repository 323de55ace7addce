"""The companies screen's lower panel: the selected company's speakers with their credibility."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from textual.widgets import Static

from tests.tui.conftest import drive
from tracker.scoring import Credibility
from tui.screens.companies import MAX_SPEAKERS, speakers_text


def _speaker(name: str, title: str, summary: str, surprise: float | None, claims: int) -> SimpleNamespace:
    cred = Credibility(n_claims=claims, n_scored=0, hits=0, hit_rate=None, wilson_low=None, wilson_high=None,
                       mean_signed_surprise_pct=surprise, mean_abs_error_pct=None, withdrawn=0, late=0,
                       mean_days_late=None, by_verdict={}, enough=False, summary=summary)
    return SimpleNamespace(name=name, title=title, claims=claims, credibility=cred)


CFO = _speaker("Tom Becker", "Chief Financial Officer", "hit rate 60% (95% CI 23-88%, n=5)", -2.5, 6)
CEO = _speaker("Maya Lindqvist", "", "too few scored claims (n=2)", None, 3)
NOBODY = _speaker("", "", "too few scored claims (n=0)", None, 1)


@pytest.mark.parametrize("speakers, lines", [
    ([CFO, CEO], ["Credibility per speaker", "  Tom Becker, Chief Financial Officer",
                  "    hit rate 60% (95% CI 23-88%, n=5), bias -2.5%, 6 claims",
                  "  Maya Lindqvist", "    too few scored claims (n=2), bias —, 3 claims"]),
    ([NOBODY], ["Credibility per speaker", "  unattributed", "    too few scored claims (n=0), bias —, 1 claim"]),
    ([], ["Credibility per speaker", "  no claims yet"]),
    ([CEO] * (MAX_SPEAKERS + 2), ["Credibility per speaker"]
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
