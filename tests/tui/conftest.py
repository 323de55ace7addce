"""Fixtures for the UI tests: a fresh SQLite file (empty, or with two invented Northwind calls scored), and a
helper that drives the app with Pilot from a plain (synchronous) test."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from textual.worker import WorkerCancelled

from db.ingest import ingest_extraction
from db.scoring import score_all
from db.session import Database, open_database
from tests.db import factories
from tui.app import FlsApp

AS_OF = date(2025, 6, 1)
DATA = Path(__file__).parent / "data"


@pytest.fixture
def database(tmp_path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{tmp_path / 'fls.db'}")
    yield db
    db.dispose()


@pytest.fixture
def northwind(database) -> Database:
    """Northwind's two calls (7 claims; Q1 revenue raised, capex withdrawn), scored as of AS_OF."""
    with database.session() as s:
        ingest_extraction(s, factories.first_call(), author="fixture")
        ingest_extraction(s, factories.second_call(), author="fixture")
        score_all(s, AS_OF)
    return database


async def settle(pilot) -> None:
    """Wait until every worker (and what its callback started) is done and the screen has refreshed."""
    for _ in range(50):     # a worker's callback may start the next worker: wait until none is left
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:     # an exclusive worker replaced by a newer one (the cursor moved on)
            continue
        await pilot.pause()
        if not any(w.is_running or w.state.name == "PENDING" for w in pilot.app.workers):
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()        # a refresh may schedule more (scrolling to a line after layout)
            await pilot.pause()
            if not any(w.is_running for w in pilot.app.workers):
                return


def drive(database: Database, scenario: Callable[..., Awaitable[None]], *, size=(100, 30)) -> FlsApp:
    """Run the app headless on `database`, play `scenario(pilot)` once the first screen has loaded."""
    app = FlsApp(database, as_of=AS_OF, author="tester")

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await scenario(pilot)

    asyncio.run(main())
    return app


def count(database: Database, model, *where) -> int:
    with database.session(write=False) as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))
