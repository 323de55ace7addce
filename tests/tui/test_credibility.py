"""Credibility over time (`h`) on Northwind's invented calls with Q1's reported revenue and gross margin: one
row per call for every speaker, then the CFO's; from the companies screen and from the scorecard."""
from __future__ import annotations

from datetime import date

from textual.widgets import Static

from db.ingest import ingest_extraction
from db.scoring import score_all
from tests.db import factories
from tests.tui.conftest import AS_OF, drive, settle
from tui.charts import Band
from tui.fill_table import FillTable
from tui.screens.credibility import CredibilityScreen
from tui.screens.scorecard import ScorecardScreen


def reported(database) -> None:
    q1 = factories.quarter(2025, 1)
    with database.session() as s:
        ingest_extraction(s, factories.extraction(call_date=date(2025, 5, 1), claims=(), actuals=(
            factories.actual("revenue", 95.1e6, q1, reported_on=date(2025, 5, 1)),
            factories.actual("gross margin", 35.0, q1, unit="%", reported_on=date(2025, 5, 1)))), author="t")
        score_all(s, AS_OF)


async def over_time(pilot) -> CredibilityScreen:
    await pilot.press("h")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CredibilityScreen)
    return screen


def test_from_companies_a_row_per_call_then_per_speaker(northwind):
    reported(northwind)

    async def scenario(pilot):
        screen = await over_time(pilot)
        table = screen.query_one("#credibility", FillTable)
        rows = [[str(c) for c in table.get_row_at(i)[:5]] for i in range(table.row_count)]
        # February: revenue beat its first guide, margin missed; March: revenue met, margin missed again
        assert rows[0] == ["every speaker", "2025-02-20", "2/4", "50%", rows[0][4]]
        assert rows[1][:4] == ["", "2025-03-25", "2/3", "50%"]
        assert [r[0] for r in rows[2:]] == ["Dana Whitfield", ""]       # the only speaker: the same calls
        assert isinstance(table.get_row_at(0)[5], Band)
        assert "2 calls" in str(screen.query_one("#credibility-summary", Static).render())
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, CredibilityScreen)

    drive(northwind, scenario)


def test_from_the_scorecard(northwind):
    async def scenario(pilot):
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ScorecardScreen)
        screen = await over_time(pilot)
        assert screen.current_ticker == "NWSC"
        assert screen.query_one("#credibility", FillTable).row_count == 4

    drive(northwind, scenario)


def test_no_company_warns(database):
    async def scenario(pilot):
        await pilot.press("h")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, CredibilityScreen)
        assert any("Select a company" in n.message for n in pilot.app._notifications)

    drive(database, scenario)
