"""Text from the data (company and speaker names, titles, metrics, quotes, notes) is shown as it is written,
never read as Rich markup: a company called "[b]X[/b] [/]" is a name, not a crash of the first screen."""
from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable

from db.edits import add_note
from db.ingest import ingest_extraction
from db.models import ClaimRecord
from db.scoring import score_all
from tests.db import factories as f
from tests.tui.conftest import AS_OF, drive, settle
from tracker.model import Role, Speaker
from tui.screens.claim_detail import ClaimDetailScreen
from tui.screens.claims import ClaimsScreen
from tui.screens.companies import CompaniesScreen
from tui.screens.help import HelpScreen
from tui.screens.scorecard import ScorecardScreen
from tui.screens.transcript import TranscriptScreen

HOSTILE = ("[b]X[/b] [/]", "[@click=app.quit]q[/] [link=file:///etc/passwd]x[/link]")


def hostile_call(text: str):
    who = Speaker(name=f"{text} Vance", title=f"CFO {text}", role=Role.EXECUTIVE)
    claims = (f.guidance("revenue", 80e6, 90e6, period=f.quarter(2025, 3), start=10, speaker=who,
                         quote=f"We expect revenue of $80 to $90 million {text} in the third quarter."),
              f.guidance("gross margin", 40, 42, period=f.quarter(2025, 3), unit="%", scope=text, start=200,
                         speaker=who, quote=f"={text} margin of 40% to 42%."))
    return f.extraction(ticker="HSTL", company=text, call_date=date(2025, 4, 20), claims=claims)


@pytest.fixture(params=HOSTILE, ids=["bold-and-stray-close", "action-and-link"])
def hostile(request, database):
    with database.session() as s:
        ingest_extraction(s, hostile_call(request.param), author=request.param)
    with database.session() as s:
        claim_id = s.query(ClaimRecord.id).order_by(ClaimRecord.id).first()[0]
        add_note(s, claim_id, f"note {request.param}", author=request.param)
        score_all(s, AS_OF)
    return database, request.param


def test_every_screen_shows_markup_in_data_as_text(hostile):
    database, text = hostile

    async def scenario(pilot):
        companies = pilot.app.screen.query_one("#companies", DataTable)
        assert companies.row_count == 1
        assert text in str(companies.get_row_at(0)[1])
        steps = (("enter", ClaimsScreen), ("enter", ClaimDetailScreen), ("t", TranscriptScreen),
                 ("escape", ClaimDetailScreen), ("escape", ClaimsScreen), ("escape", CompaniesScreen),
                 ("s", ScorecardScreen), ("escape", CompaniesScreen), ("question_mark", HelpScreen),
                 ("escape", CompaniesScreen))
        for key, screen in steps:
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(pilot.app.screen, screen), key
        assert pilot.app.return_code in (None, 0)
        assert pilot.app.is_running

    drive(database, scenario)
