"""Guidance history on Northwind's invented calls: `g` opens it from claim detail and from review mode, the
pickers switch metric and period, the quote of the row under the cursor is shown, enter opens its claim."""
from __future__ import annotations

from datetime import date

from textual.widgets import Select, Static

from db.ingest import ingest_extraction
from db.scoring import score_all
from tests.db import factories
from tests.tui.conftest import AS_OF, drive, settle
from tui.fill_table import FillTable
from tui.screens.claim_detail import ClaimDetailScreen
from tui.screens.guidance import GuidanceScreen


def reported(database) -> None:
    with database.session() as s:
        ingest_extraction(s, factories.extraction(call_date=date(2025, 5, 1), claims=(), actuals=(
            factories.actual("revenue", 95.1e6, factories.quarter(2025, 1), reported_on=date(2025, 5, 1)),)),
            author="t")
        score_all(s, AS_OF)


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def guidance(pilot) -> GuidanceScreen:
    await pilot.press("g")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, GuidanceScreen)
    return screen


def test_from_claim_detail_every_call_then_the_actual(northwind):
    reported(northwind)

    async def scenario(pilot):
        await pilot.press("enter")               # the claims list, sorted by deadline: Q1 revenue first
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ClaimDetailScreen)
        screen = await guidance(pilot)
        h = screen.data.history
        assert (h.subject.metric, h.subject.period_label) == ("revenue", "2025-Q1")
        table = screen.query_one("#guidance", FillTable)
        assert table.row_count == 3                                    # first guide, raised, reported
        cells = [[str(c) for c in table.get_row_at(i)[:5]] for i in range(3)]
        assert cells[0][:3] == ["2025-02-20", "first guide", "$80.0M-$90.0M"] and cells[0][4] == "▲ beat"
        assert cells[1][:4] == ["2025-03-25", "raised", "$92.0M-$96.0M", "+10.6%"] and cells[1][4] == "✓ met"
        assert cells[2][:3] == ["2025-05-01", "reported", "$95.1M"]
        summary = text(screen, "#guidance-summary")
        assert "raised" in summary and "reported $95.1M" in summary and "first guide ▲ beat, latest ✓ met" in summary
        assert "2025-02-20 · first guide" in text(screen, "#guidance-quote")
        await pilot.press("down")
        await settle(pilot)
        assert "We expect revenue of 9.2e+07" in text(screen, "#guidance-quote")
        await pilot.press("enter")                                     # the raised guide's claim
        await settle(pilot)
        assert isinstance(pilot.app.screen, ClaimDetailScreen)
        assert pilot.app.screen.claim_id == h.steps[1].claim_id

    drive(northwind, scenario)


def test_from_review_mode_and_switching_metric(northwind):
    async def scenario(pilot):
        await pilot.press("v")
        await settle(pilot)
        claim = pilot.app.screen.selected_item().claim
        screen = await guidance(pilot)
        assert screen.data.history.subject.metric == claim.metric
        screen.query_one("#guidance-metric", Select).value = "capex"
        await settle(pilot)
        h = screen.data.history
        assert (h.subject.metric, h.subject.period_label) == ("capex", "2025-FY")
        assert [s.kind for s in h.steps] == ["first guide", "withdrawn"]
        assert "nothing reported yet" in text(screen, "#guidance-summary")
        assert [str(o[0]) for o in screen.query_one("#guidance-period", Select)._options
                if o[1] is not Select.NULL] == ["2025-FY"]
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is not screen

    drive(northwind, scenario)


def test_g_without_a_claim_warns(database):
    async def scenario(pilot):
        await pilot.press("c")                   # every company's claims, of none
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, GuidanceScreen)
        assert any("No claim selected" in n.message for n in pilot.app._notifications)

    drive(database, scenario)
