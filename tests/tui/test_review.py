"""Review mode end to end on Northwind's invented calls: pick, walk the queue with the detail pane following,
override, mark reviewed, export; and what the database holds afterwards."""
from __future__ import annotations

from datetime import date

from textual.widgets import Select, Static

from db.ingest import ingest_extraction
from db.models import AuditRecord, OverrideRecord, ReviewMark
from db.review import by_period_end, default_period, review_periods
from tests.db import factories
from tests.tui.conftest import count, drive, settle
from tui.screens.export_form import ExportForm
from tui.screens.override_form import OverrideForm
from tui.screens.review import ReviewScreen


def fill(app, **values: str) -> None:
    for name, value in values.items():
        app.screen.query_one(f"#field-{name}").value = value


async def open_review(pilot) -> ReviewScreen:
    await pilot.press("v")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


def progress(screen: ReviewScreen) -> str:
    return str(screen.query_one("#review-progress", Static).render())


def pane(screen: ReviewScreen) -> str:
    return str(screen.query_one("#review-detail-body", Static).render())


def test_review_flow(northwind, tmp_path):
    target = tmp_path / "q1.md"
    seen: dict[str, object] = {}

    async def scenario(pilot):
        screen = await open_review(pilot)
        assert (screen.current_ticker, screen.period) == ("NWSC", "2025-Q1")   # the quarter ended by the as-of
        total = len(screen.items)
        assert total == 4 and progress(screen) == f"0 of {total} reviewed"
        first = screen.selected_item()
        assert screen.detail.detail.id == first.claim.id                       # the pane shows the cursor's claim
        assert first.claim.quote.split()[0] in pane(screen)
        await pilot.press("down")
        await settle(pilot)
        second = screen.selected_item()
        assert second.claim.id != first.claim.id and screen.detail.detail.id == second.claim.id

        await pilot.press("o")                                                 # override, current verdict preselected
        form = pilot.app.screen
        assert isinstance(form, OverrideForm)
        assert form.query_one("#field-verdict", Select).value == second.claim.verdict
        fill(pilot.app, verdict="met", reason="restated in the 10-Q")
        await pilot.click("#ok")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert screen.selected_item().claim.verdict == "met"                  # reloaded in place
        assert "restated in the 10-Q" in pane(screen)

        await pilot.press("m")                                                 # mark reviewed, cursor moves on
        await settle(pilot)
        assert progress(screen) == f"1 of {total} reviewed"
        assert screen.selected_item().claim.id != second.claim.id
        seen["reviewed"] = second.claim.id

        await pilot.press("e")                                                 # export the period's scorecard
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExportForm)
        fill(pilot.app, format="md", path=str(target))
        await pilot.click("#ok")
        await settle(pilot)
        assert pilot.app.screen is screen

    drive(northwind, scenario)
    assert count(northwind, OverrideRecord, OverrideRecord.verdict == "met") == 1
    assert count(northwind, ReviewMark, ReviewMark.claim_id == seen["reviewed"], ReviewMark.verdict == "met") == 1
    assert count(northwind, AuditRecord, AuditRecord.action == "mark_reviewed") == 1
    assert "2025-Q1" in target.read_text(encoding="utf-8")


def test_mark_again_takes_the_mark_back(northwind):
    async def scenario(pilot):
        screen = await open_review(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("up")
        await settle(pilot)
        assert screen.selected_item().reviewed
        await pilot.press("m")
        await settle(pilot)
        assert progress(screen) == f"0 of {len(screen.items)} reviewed"

    drive(northwind, scenario)
    assert count(northwind, ReviewMark) == 0
    assert count(northwind, AuditRecord, AuditRecord.action == "unmark_reviewed") == 1


def test_changed_since_review_filter(northwind):
    async def scenario(pilot):
        screen = await open_review(pilot)
        claim = screen.selected_item().claim
        await pilot.press("m", "up")
        await settle(pilot)
        await pilot.press("o")
        fill(pilot.app, verdict="withdrawn" if claim.verdict != "withdrawn" else "met", reason="new 8-K")
        await pilot.click("#ok")
        await settle(pilot)
        screen.query_one("#review-show", Select).value = "changed"
        await settle(pilot)
        assert [i.claim.id for i in screen.shown] == [claim.id]
        assert "changed since review" in progress(screen)
        screen.query_one("#review-show", Select).value = "todo"
        await settle(pilot)
        assert claim.id not in [i.claim.id for i in screen.shown] and len(screen.shown) == len(screen.items) - 1

    drive(northwind, scenario)


def half(year: int, h: int) -> factories.Period:
    return factories.Period(label=f"{year}-H{h}", start=date(year, 1 + 6 * (h - 1), 1),
                            end=date(year, 6, 30) if h == 1 else date(year, 12, 31), phrase=f"the half {h}")


def test_periods_sort_by_period_end(database):
    """As text "2025-H2" sorts before "2025-Q3"; by the day it ends it comes after."""
    with database.session() as s:
        ingest_extraction(s, factories.extraction(claims=(
            factories.guidance("revenue", 5e6, period=half(2025, 2), start=10),
            factories.guidance("revenue", 3e6, period=factories.quarter(2025, 3), start=90),
            factories.guidance("revenue", 2e6, period=factories.quarter(2025, 1), start=170),
        )), author="t")
        assert review_periods(s, "NWSC") == ["2025-Q1", "2025-Q3", "2025-H2"]

    async def scenario(pilot):
        screen = await open_review(pilot)
        select = screen.query_one("#review-period", Select)
        assert [str(o[0]) for o in select._options if o[1] is not Select.NULL] == ["2025-Q1", "2025-Q3", "2025-H2"]

    drive(database, scenario)


def test_default_period_is_the_latest_ended():
    ends = {"2025-Q1": date(2025, 3, 31), "2025-Q2": date(2025, 6, 30), "2025-FY": date(2025, 12, 31), "x": None}
    periods = by_period_end(ends, ends)
    assert periods == ["2025-Q1", "2025-Q2", "2025-FY", "x"]
    assert default_period(periods, ends, date(2025, 7, 1)) == "2025-Q2"
    assert default_period(periods, ends, date(2025, 1, 1)) == "2025-Q1"
    assert default_period([], {}, date(2025, 1, 1)) is None
