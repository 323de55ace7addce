"""Moving around the app: first screen on an empty database, search, filters, sorting, help, theme,
command palette, the transcript reader, and a small terminal."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Select, Static

from tests.tui.conftest import DATA, drive, settle
from tui.claim_table import VERDICT_ORDER
from tui.screens.claim_detail import ClaimDetailScreen
from tui.screens.claims import ClaimsScreen
from tui.screens.help import HelpScreen
from tui.screens.rescore_form import RescoreForm
from tui.screens.scorecard import ScorecardScreen
from tui.screens.transcript import TranscriptScreen


def test_empty_database_shows_how_to_start(database):
    async def scenario(pilot):
        hint = pilot.app.screen.query_one("#companies-empty", Static)
        assert hint.display
        assert "fls ingest FILE" in str(hint.render())
        assert not pilot.app.screen.query_one("#companies", DataTable).display

    drive(database, scenario)


async def claims(pilot) -> ClaimsScreen:
    await pilot.press("c")
    await settle(pilot)
    return pilot.app.screen


@pytest.mark.parametrize("typed, expected", [("margin", 2), ("revenue", 2), ("wafer", 2), ("zzz", 0), ("", 7)])
def test_search_filters_as_you_type(northwind, typed, expected):
    async def scenario(pilot):
        screen = await claims(pilot)
        await pilot.press("slash", *typed)
        await pilot.pause(0.3)
        assert len(screen.shown) == expected
        assert screen.query_one("#claims", DataTable).row_count == expected
        assert str(screen.query_one("#claims-status", Static).render()).startswith(f"{expected} of 7 claims")

    drive(northwind, scenario)


@pytest.mark.parametrize("widget, value, expected", [
    ("#filter-verdict", "awaiting", 4),
    ("#filter-metric", "capex", 1),
    ("#filter-period", "2025-FY", 3),
    ("#due", "30", 0),
    ("#due", "250", 3),
])
def test_filters(northwind, widget, value, expected):
    async def scenario(pilot):
        screen = await claims(pilot)
        screen.query_one(widget).value = value
        await settle(pilot)
        assert len(screen.shown) == expected

    drive(northwind, scenario)


@pytest.mark.parametrize("keys, column, reverse", [("M", "subject", False), ("MM", "subject", True),
                                                    ("V", "verdict", False)])
def test_sort_by_column_key(northwind, keys, column, reverse):
    async def scenario(pilot):
        screen = await claims(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        key = {"subject": lambda r: r.metric,
               "verdict": lambda r: VERDICT_ORDER.get(r.verdict, 99) if r.verdict else None}[column]
        values = [key(r) for r in screen.shown if key(r) is not None]
        assert values == sorted(values, reverse=reverse)
        assert (screen.sort_column, screen.sort_reverse) == (column, reverse)

    drive(northwind, scenario)


def test_detail_and_back(northwind):
    async def scenario(pilot):
        await claims(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ClaimDetailScreen)
        body = str(pilot.app.screen.query_one("#detail-body", Static).render())
        assert "Revisions" in body and "raised" in body
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ClaimsScreen)

    drive(northwind, scenario)


def test_help_theme_and_quit(northwind):
    async def scenario(pilot):
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        dark = pilot.app.current_theme.dark
        await pilot.press("ctrl+t")
        assert pilot.app.current_theme.dark is not dark
        await pilot.press("q")

    app = drive(northwind, scenario)
    assert app.return_code == 0


def test_command_palette_runs_an_action(northwind):
    async def scenario(pilot):
        await pilot.press("ctrl+p", *"re-score")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, RescoreForm)

    drive(northwind, scenario)


def test_scorecard_period_choice(northwind):
    async def scenario(pilot):
        await pilot.press("s")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ScorecardScreen)
        screen.query_one("#scorecard-period", Select).value = "2025-FY"
        await settle(pilot)
        assert screen.data.card.period == "2025-FY"
        assert len(screen.data.card.rows) == 3

    drive(northwind, scenario)


def test_transcript_jumps_between_claims(database):
    from db.ingest import ingest_extraction
    from tracker.extraction.extract import extract_file

    with database.session() as s:
        ingest_extraction(s, extract_file(DATA / "harbor_2025q1_call.txt"), author="fixture")

    async def scenario(pilot):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TranscriptScreen)
        assert len(screen.stops) >= 3      # every claim's mentions are marked
        first = screen.current
        await pilot.press("n")
        assert screen.current == (first + 1) % len(screen.stops)
        assert len(screen.query(".current")) == 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ClaimDetailScreen)
        assert pilot.app.screen.claim_id == screen.stops[screen.current][1]
        await pilot.press("escape")
        assert pilot.app.screen is screen

    drive(database, scenario)


def test_small_terminal(northwind):
    async def scenario(pilot):
        await claims(pilot)
        assert pilot.app.screen.query_one("#claims", DataTable).row_count == 7
        assert pilot.app.screen.query_one("#search", Input).region.width >= 10

    drive(northwind, scenario, size=(80, 24))
