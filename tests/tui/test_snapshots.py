"""Snapshots of the screens on the seed call at 100x30 and 80x24, scored on a fixed date so they never drift;
review mode, guidance history and credibility over time at both sizes too (guidance history and credibility
over time on invented Northwind calls, where a guide moves and two calls are scored).

The extractor is still being tuned: after a change to it, regenerate with
`pytest tests/tui/test_snapshots.py --snapshot-update` and review the SVG diffs."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from db.actuals_csv import import_actuals_csv
from db.ingest import ingest_extraction
from db.scoring import score_all
from db.session import open_database
from tests.tui.conftest import settle
from tracker.extraction.extract import extract_file
from tui.app import FlsApp

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_AS_OF = date(2026, 3, 1)
SIZE = (100, 30)


@pytest.fixture
def seed_app(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'seed.db'}")
    with database.session() as s:
        ingest_extraction(s, extract_file(SEEDS / "canaan_2024q4_earnings_call.txt"), author="seed")
    actuals = SEEDS / "canaan_actuals.csv"
    if actuals.is_file():
        with database.session() as s:
            import_actuals_csv(s, actuals, author="seed")
    with database.session() as s:
        score_all(s, SEED_AS_OF)
    yield FlsApp(database, as_of=SEED_AS_OF, author="seed")
    database.dispose()


async def steady(pilot) -> None:
    """Settle, then wait until two screenshots in a row agree: a loaded machine may lay out later.

    The footer redraws its keys only after a refresh that follows a focus change, so on an idle
    machine it could still show the keys of the widget focused before: ask it to redraw first."""
    await settle(pilot)
    pilot.app.screen.refresh_bindings()
    await pilot.pause()
    await settle(pilot)
    before = pilot.app.export_screenshot()
    for _ in range(40):
        await pilot.pause(0.05)
        await settle(pilot)
        now = pilot.app.export_screenshot()
        if now == before:
            return
        before = now


def keys(*pressed: str):
    async def run_before(pilot) -> None:
        await steady(pilot)
        for key in pressed:
            await pilot.press(key)
            await steady(pilot)
    return run_before


MAIN_SCREENS = [
    ("companies", ()),
    ("claims", ("enter",)),
    ("claim_detail", ("enter", "enter")),
    ("transcript", ("enter", "t")),
    ("scorecard", ("s",)),
    ("claims_every_company", ("c",)),
]


@pytest.mark.parametrize("name, pressed", MAIN_SCREENS)
def test_screen(snap_compare, seed_app, name, pressed):
    assert snap_compare(seed_app, terminal_size=SIZE, run_before=keys(*pressed))


@pytest.mark.parametrize("name, pressed", [
    *MAIN_SCREENS,
    ("credibility_over_time", ("h",)),
    ("claims_searched", ("c", "slash", *"mining", "enter")),      # the words found are marked
])
def test_screen_80x24(snap_compare, seed_app, name, pressed):
    """The same screens on the smallest terminal we support: nothing cut that a reader needs."""
    assert snap_compare(seed_app, terminal_size=(80, 24), run_before=keys(*pressed))


def review(period: str, *pressed: str):
    """Review mode on the seed company's `period`, after `pressed`."""
    async def run_before(pilot) -> None:
        from tui.screens.review import ReviewScreen

        await steady(pilot)
        await pilot.app.push_screen(ReviewScreen("CAN", period))
        await steady(pilot)
        for key in pressed:
            await pilot.press(key)
            await steady(pilot)
    return run_before


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["100x30", "80x24"])
def test_review_mode(snap_compare, seed_app, size):
    assert snap_compare(seed_app, terminal_size=size, run_before=review("2025-Q1", "m", "down"))


@pytest.fixture
def guided_app(tmp_path):
    """Northwind's invented calls (Q1 revenue guided, then raised) and the quarter's reported revenue."""
    from tests.db import factories

    database = open_database(f"sqlite:///{tmp_path / 'guided.db'}")
    with database.session() as s:
        ingest_extraction(s, factories.first_call(), author="seed")
        ingest_extraction(s, factories.second_call(), author="seed")
        ingest_extraction(s, factories.extraction(call_date=date(2025, 5, 1), claims=(), actuals=(
            factories.actual("revenue", 95.1e6, factories.quarter(2025, 1), reported_on=date(2025, 5, 1)),)),
            author="seed")
        score_all(s, GUIDED_AS_OF)
    yield FlsApp(database, as_of=GUIDED_AS_OF, author="seed")
    database.dispose()


GUIDED_AS_OF = date(2025, 6, 1)


def guidance(claim_id: int, *pressed: str):
    """The guidance history of one claim's metric and period, after `pressed`."""
    async def run_before(pilot) -> None:
        from tui.screens.guidance import GuidanceScreen

        await steady(pilot)
        await pilot.app.push_screen(GuidanceScreen(claim_id=claim_id))
        await steady(pilot)
        for key in pressed:
            await pilot.press(key)
            await steady(pilot)
    return run_before


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["100x30", "80x24"])
def test_guidance_history(snap_compare, guided_app, size):
    assert snap_compare(guided_app, terminal_size=size, run_before=guidance(1, "down"))


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["100x30", "80x24"])
def test_credibility_over_time(snap_compare, guided_app, size):
    """Two calls, every speaker then the CFO: a row per call with its band."""
    assert snap_compare(guided_app, terminal_size=size, run_before=keys("h"))


def test_empty_database(snap_compare, tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        assert snap_compare(FlsApp(database, as_of=SEED_AS_OF, author="t"), terminal_size=SIZE,
                            run_before=keys())
    finally:
        database.dispose()
