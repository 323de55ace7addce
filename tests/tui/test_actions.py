"""Each action in the app, driven by keys: what the database holds afterwards, and that bad input shows a
message and writes nothing."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from textual.widgets import Input, Select, Static

from db.models import ActualRecord, AuditRecord, ClaimRecord, Company, NoteRecord, OverrideRecord, VerdictRecord
from tests.tui.conftest import AS_OF, DATA, count, drive, settle
from tui.screens.claims import ClaimsScreen
from tui.screens.form import FormScreen


def fill(app, **values: str) -> None:
    for name, value in values.items():
        widget = app.screen.query_one(f"#field-{name}")
        widget.value = value


async def submit(pilot) -> None:
    await pilot.click("#ok")
    await settle(pilot)


def form_error(app) -> str:
    return str(app.screen.query_one("#form-error", Static).render())


async def open_claims(pilot) -> ClaimsScreen:
    await pilot.press("enter")          # the highlighted company's claims
    await settle(pilot)
    assert isinstance(pilot.app.screen, ClaimsScreen)
    return pilot.app.screen


# --- claim edits ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, written", [("95M", 1), ("lots", 0), ("", 0)])
def test_add_actual(northwind, value, written):
    async def scenario(pilot):
        screen = await open_claims(pilot)
        claim = screen.selected_row()
        await pilot.press("a")
        fill(pilot.app, value=value)
        await submit(pilot)
        if written:
            assert not isinstance(pilot.app.screen, FormScreen)
            row = next(r for r in screen.rows if r.id == claim.id)
            assert row.actual_value == 95e6       # re-scored: the claim now shows the figure
        else:
            assert isinstance(pilot.app.screen, FormScreen)
            assert form_error(pilot.app)

    drive(northwind, scenario)
    assert count(northwind, ActualRecord, ActualRecord.source_kind == "manual") == written


@pytest.mark.parametrize("reason, written", [("restated in the 10-Q", 1), ("  ", 0)])
def test_override_needs_a_reason(northwind, reason, written):
    async def scenario(pilot):
        await open_claims(pilot)
        await pilot.press("o")
        fill(pilot.app, verdict="met", reason=reason)
        await submit(pilot)
        assert isinstance(pilot.app.screen, FormScreen) is not bool(written)

    drive(northwind, scenario)
    assert count(northwind, OverrideRecord, OverrideRecord.verdict == "met") == written
    assert count(northwind, AuditRecord, AuditRecord.action == "override") == written


def test_dismiss_then_restore(northwind):
    claim_ids = []

    async def scenario(pilot):
        screen = await open_claims(pilot)
        claim_ids.append(screen.selected_row().id)
        await pilot.press("x")
        fill(pilot.app, reason="an analyst's question, not a promise")
        await submit(pilot)
        assert screen.selected_row().verdict == "dismissed"
        await pilot.press("x")              # the same key restores
        assert "Restore" in pilot.app.screen.TITLE_TEXT
        await submit(pilot)

    drive(northwind, scenario)
    assert count(northwind, ClaimRecord, ClaimRecord.id == claim_ids[0], ClaimRecord.status == "active") == 1
    actions = {"dismiss", "restore"}
    assert count(northwind, AuditRecord, AuditRecord.action.in_(actions)) == 2


@pytest.mark.parametrize("text, written", [("CFO repeated this on the June call", 1), ("", 0)])
def test_add_note(northwind, text, written):
    async def scenario(pilot):
        await open_claims(pilot)
        await pilot.press("n")
        fill(pilot.app, text=text)
        await submit(pilot)

    drive(northwind, scenario)
    assert count(northwind, NoteRecord) == written


# --- whole-database actions ----------------------------------------------------------------------------

@pytest.mark.parametrize("as_of, written", [("2025-12-31", 7), ("next week", 0)])
def test_rescore(northwind, as_of, written):
    async def scenario(pilot):
        await pilot.press("r")
        fill(pilot.app, as_of=as_of)
        await submit(pilot)
        if written:
            assert pilot.app.as_of == date.fromisoformat(as_of)
        else:
            assert "YYYY-MM-DD" in form_error(pilot.app)

    drive(northwind, scenario)
    assert count(northwind, VerdictRecord, VerdictRecord.as_of == date(2025, 12, 31),
                 VerdictRecord.against == "original") == written


@pytest.mark.parametrize("path, companies, error", [
    (str(DATA / "harbor_2025q1_call.txt"), 1, ""),
    (str(DATA / "no_such_call.txt"), 0, "no such file"),
    ("", 0, "required"),
])
def test_ingest(database, path, companies, error):
    async def scenario(pilot):
        await pilot.press("i")
        fill(pilot.app, path=path)
        await submit(pilot)
        if error:
            assert error in form_error(pilot.app)
        else:
            assert pilot.app.screen.data.companies[0].ticker == "HRBR"

    drive(database, scenario)
    assert count(database, Company) == companies
    assert count(database, ClaimRecord) == (3 if companies else 0)


@pytest.mark.parametrize("choice, stored", [
    ("as read", "start"),     # "the first quarter 2025" reported in May 2025 with a January year end
    ("end", "end"),           # given in the form: wins over the call, and is stored
])
def test_ingest_with_a_fiscal_year_naming(database, choice, stored):
    async def scenario(pilot):
        await pilot.press("i")
        fill(pilot.app, path=str(DATA / "harbor_2025q1_call.txt"), fiscal_year_end="01-31",
             fiscal_year_named=choice)
        await submit(pilot)

    drive(database, scenario)
    with database.session(write=False) as s:
        assert [c.fiscal_year_named for c in s.scalars(select(Company))] == [stored]


@pytest.fixture
def harbor(database):
    from db.ingest import ingest_extraction
    from tracker.extraction.extract import extract_file

    with database.session() as s:
        ingest_extraction(s, extract_file(DATA / "harbor_2025q1_call.txt"), author="fixture")
    return database


@pytest.mark.parametrize("name, written, error", [
    ("harbor_actuals.csv", 1, ""),
    ("harbor_bad.csv", 0, "line 2"),
    ("missing.csv", 0, "no such file"),
])
def test_import_csv(harbor, name, written, error):
    async def scenario(pilot):
        await pilot.press("u")
        fill(pilot.app, path=str(DATA / name))
        await submit(pilot)
        if error:
            assert error in form_error(pilot.app)

    drive(harbor, scenario)
    assert count(harbor, ActualRecord, ActualRecord.source_kind == "csv") == written


def test_export_scorecard(northwind, tmp_path):
    target = tmp_path / "nwsc.md"

    async def scenario(pilot):
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("e")
        fill(pilot.app, format="md", path=str(target))
        await submit(pilot)

    drive(northwind, scenario)
    assert "Northwind Semiconductor" in target.read_text(encoding="utf-8")


def test_export_to_missing_folder_shows_error(northwind, tmp_path):
    async def scenario(pilot):
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("e")
        fill(pilot.app, format="csv", path=str(tmp_path / "nope" / "card.csv"))
        await submit(pilot)
        assert "folder does not exist" in form_error(pilot.app)

    drive(northwind, scenario)
