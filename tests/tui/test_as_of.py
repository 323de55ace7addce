"""One as-of in the UI: it opens on the date last scored (never silently today), says it in the title, and
every screen reads the verdicts of that date. Invented company: Northwind (tests/db/factories.py)."""
from __future__ import annotations

from datetime import date

from db.scoring import score_all
from tests.tui.conftest import AS_OF, drive, settle
from tui.app import FlsApp
from tui.screens.claims import ClaimsScreen

EARLY = date(2025, 3, 1)        # before Q1 ended: Northwind's Q1 claims are pending


def test_the_app_opens_on_the_date_last_scored(northwind):
    assert FlsApp(northwind).as_of == AS_OF
    with northwind.session() as s:
        score_all(s, EARLY)                   # an earlier date scored last
    app = FlsApp(northwind)
    assert app.as_of == EARLY and app.title == f"fls · as of {EARLY}"


def test_an_empty_database_opens_on_today(database):
    assert FlsApp(database).as_of == date.today()


def test_the_claims_screen_reads_the_verdicts_of_the_app_date(northwind):
    with northwind.session() as s:
        score_all(s, EARLY)
    shown: dict[date, set] = {}

    async def scenario(pilot):
        for day in (EARLY, AS_OF):
            pilot.app.as_of = day
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(pilot.app.screen, ClaimsScreen)
            shown[day] = {r.verdict for r in pilot.app.screen.rows}
            await pilot.press("escape")
            await settle(pilot)

    drive(northwind, scenario)
    assert shown[EARLY] == {"pending"}
    assert shown[AS_OF] != shown[EARLY]
