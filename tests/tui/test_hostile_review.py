"""Review mode shows markup in the data as text too: the claim pane of a claim whose quote, speaker and
scope carry "[b]X[/b] [/]" or a Rich link/action shows those characters as they are, and marking, the
export form and leaving all work (invented company)."""
from __future__ import annotations

from textual.widgets import Static

from tests.tui.conftest import drive, settle
from tests.tui.test_hostile_text import hostile  # noqa: F401 - a fixture
from tui.screens.companies import CompaniesScreen
from tui.screens.export_form import ExportForm
from tui.screens.review import ReviewScreen


def test_review_mode_shows_markup_in_data_as_text(hostile):   # noqa: F811
    database, text = hostile

    async def scenario(pilot):
        await pilot.press("v")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        body = str(screen.query_one("#review-detail-body", Static).render())
        assert text in body, body
        for key, kind in (("m", ReviewScreen), ("e", ExportForm), ("escape", ReviewScreen),
                          ("escape", CompaniesScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(pilot.app.screen, kind), key
        assert pilot.app.return_code in (None, 0) and pilot.app.is_running

    drive(database, scenario)
