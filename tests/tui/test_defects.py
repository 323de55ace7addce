"""The defects of the quarterly review (issue 11), each driven through the app: the reader finds a claim in a
one-line transcript, every verdict has its own colour in both themes, columns follow the terminal's width,
empties sort last, Enter is in the footer, the override form, CSV errors, export overwrites, money, the
as-of date, the verdict bar and the scorecard table."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from rich.style import Style
from textual.widgets import Button, Select, Static
from textual.widgets._header import HeaderTitle

from db.ingest import ingest_extraction
from db.scoring import score_all
from tests.db import factories
from tests.tui.conftest import AS_OF, DATA, drive, settle
from tui import claim_table
from tui.fill_table import FillTable
from tui.fitted_columns import fit_widths
from tui.screens.claim_detail import ClaimDetailScreen
from tui.screens.claims import ClaimsScreen
from tui.screens.form import FormScreen, error_lines
from tui.screens.override_form import OverrideForm
from tui.screens.scorecard import ScorecardScreen
from tui.screens.transcript import PIECE, TranscriptScreen
from tui.verdicts import shares, styles, verdict_bar
from tui.virtual_table import VirtualTable


def fill(app, **values: str) -> None:
    for name, value in values.items():
        app.screen.query_one(f"#field-{name}").value = value


async def claims(pilot, key: str = "enter") -> ClaimsScreen:
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(pilot.app.screen, ClaimsScreen)
    return pilot.app.screen


# --- the reader in a one-line transcript ---------------------------------------------------------------

def test_reader_scrolls_to_the_claim_in_a_one_line_transcript(database):
    from tracker.extraction.extract import extract_file

    with database.session() as s:
        ingest_extraction(s, extract_file(DATA / "quillfield_2025q2_oneline.txt"), author="fixture")

    async def scenario(pilot):
        await claims(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TranscriptScreen)
        offset = screen.stops[screen.current][0]
        assert offset > 10 * PIECE                        # the claim is far along the only line
        current = screen.query_one(".current", Static)
        start = screen.line_starts[int(current.id.removeprefix("line-"))]
        assert offset - start < 2 * PIECE                  # the piece shown holds the claim near its top
        body = screen.query_one("#transcript")
        top = current.virtual_region.y - body.scroll_y
        assert 0 <= top < body.size.height - 2             # ...and is on screen
        assert "third quarter of 2025" in str(current.render())

    drive(database, scenario)


# --- colours -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("dark", [True, False], ids=["dark", "light"])
def test_every_verdict_has_its_own_colour(dark):
    colours = [Style.parse(s).color for s in styles(dark).values()]
    assert None not in colours
    assert len({c.name for c in colours}) == len(colours)


def test_claims_list_recolours_with_the_theme(northwind):
    async def scenario(pilot):
        screen = await claims(pilot)
        row = screen.selected_row()
        assert screen.cells[row.id][0].style == styles(True)[row.verdict]
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert not pilot.app.current_theme.dark
        row = screen.selected_row()
        assert screen._cells(row)[0].style == styles(False)[row.verdict]

    drive(northwind, scenario)


# --- widths --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("width, key, quote_at_least", [(100, "enter", 19), (100, "c", 19), (200, "enter", 70),
                                                        (200, "c", 64)],
                         ids=["100-one-company", "100-every-company", "200-one-company", "200-every-company"])
def test_claims_columns_use_the_terminal_width(northwind, width, key, quote_at_least):
    async def scenario(pilot):
        screen = await claims(pilot, key)
        table = screen.query_one("#claims", FillTable)
        used = sum(c.get_render_width(table) for c in table.columns.values())
        assert width - 4 <= used <= table.size.width      # nothing cut off, nothing left unused
        assert table.columns["quote"].width >= quote_at_least  # type: ignore[index]

    drive(northwind, scenario, size=(width, 30))


@pytest.mark.parametrize("available, expected", [
    (40, {"a": 10, "b": 20, "c": 10}),        # everything fits
    (35, {"a": 10, "b": 20, "c": 5}),         # the last added gives first, down to its minimum
    (26, {"a": 10, "b": 11, "c": 5}),
    (10, {"a": 5, "b": 10, "c": 5}),          # never below the minimums
])
def test_fit_widths(available, expected):
    assert fit_widths({"a": 10, "b": 20, "c": 10}, {"a": 5, "b": 10, "c": 5}, available) == expected


# --- sorting -------------------------------------------------------------------------------------------

def _row(i, deadline=None, verdict=None, speaker=None):
    return SimpleNamespace(id=i, deadline=deadline, verdict=verdict, speaker=speaker)


ROWS = [_row(1, date(2025, 6, 30), "missed", "b"), _row(2, None, None, None), _row(3, date(2025, 3, 31), "beat", "a"),
        _row(4, None, "met", "")]


@pytest.mark.parametrize("column, reverse, ids", [
    ("deadline", False, [3, 1, 2, 4]), ("deadline", True, [1, 3, 2, 4]),
    ("verdict", False, [3, 4, 1, 2]), ("verdict", True, [1, 4, 3, 2]),
    ("speaker", False, [3, 1, 2, 4]), ("speaker", True, [1, 3, 2, 4]),
])
def test_empties_sort_last_in_either_direction(column, reverse, ids):
    assert [r.id for r in claim_table.sort_rows(ROWS, column, reverse)] == ids


def test_period_filter_in_period_end_order(northwind):
    async def scenario(pilot):
        screen = await claims(pilot)
        select = screen.query_one("#filter-period", Select)
        assert [str(o[0]) for o in select._options if o[1] is not Select.NULL] == ["2025-Q1", "2025-FY"]

    drive(northwind, scenario)


# --- footer, forms -------------------------------------------------------------------------------------

@pytest.mark.parametrize("keys", [(), ("enter",), ("s",), ("v",)], ids=["companies", "claims", "scorecard", "review"])
def test_enter_is_shown_in_the_footer(northwind, keys):
    async def scenario(pilot):
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        enter = pilot.app.screen.active_bindings.get("enter")
        assert enter is not None and enter.binding.show

    drive(northwind, scenario)


def test_override_form_preselects_the_current_verdict(northwind):
    async def scenario(pilot):
        screen = await claims(pilot)
        verdict = screen.selected_row().verdict
        await pilot.press("o")
        form = pilot.app.screen
        assert isinstance(form, OverrideForm)
        select = form.query_one("#field-verdict", Select)
        assert select.value == verdict
        assert "dismissed" not in [o[1] for o in select._options]

    drive(northwind, scenario)


def test_csv_errors_one_line_each_in_a_scrolling_list(northwind, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("ticker,metric,scope,period,as_of,value,unit,reported_on,source,note,event\n"
                   + "".join(f"NWSC,revenue,,2025-Q1,,lots{i},USD,,,,\n" for i in range(60)), encoding="utf-8")

    async def scenario(pilot):
        await pilot.press("u")
        fill(pilot.app, path=str(bad))
        await pilot.click("#ok")
        await settle(pilot)
        assert isinstance(pilot.app.screen, FormScreen)
        lines = str(pilot.app.screen.query_one("#form-error", Static).render()).splitlines()
        assert len(lines) == 61 and lines[1].startswith("line 2:") and lines[-1].startswith("line 61:")
        box = pilot.app.screen.query_one("#form-errors")
        assert box.size.height <= 10 and box.virtual_size.height > box.size.height

    drive(northwind, scenario)


@pytest.mark.parametrize("message, lines", [
    ("no such file: x.csv", ["no such file: x.csv"]),
    ("actuals CSV has 2 bad rows: line 2: value is empty; line 5: unknown ticker ZZZ",
     ["actuals CSV has 2 bad rows:", "line 2: value is empty", "line 5: unknown ticker ZZZ"]),
    ("", []),
])
def test_error_lines(message, lines):
    assert error_lines(message) == lines


def test_export_asks_before_overwriting_and_shows_the_full_path(northwind, tmp_path):
    target = tmp_path / "card.md"
    target.write_text("keep me", encoding="utf-8")

    async def scenario(pilot):
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        fill(pilot.app, format="md", path=str(target))
        await settle(pilot)
        form = pilot.app.screen
        assert str(target.resolve()) in str(form.query_one("#export-target", Static).render())
        await pilot.click("#ok")
        await settle(pilot)
        assert pilot.app.screen is form and target.read_text(encoding="utf-8") == "keep me"
        assert str(target.resolve()) in str(form.query_one("#form-error", Static).render())
        assert str(form.query_one("#ok", Button).label) == "Overwrite"
        await pilot.click("#ok")
        await settle(pilot)
        assert pilot.app.screen is not form

    drive(northwind, scenario)
    assert "Northwind Semiconductor" in target.read_text(encoding="utf-8")


def test_money_is_shown_as_dollars(northwind):
    async def scenario(pilot):
        await claims(pilot)
        await pilot.press("a")
        fill(pilot.app, value="8.5B")
        await pilot.click("#ok")
        await settle(pilot)
        messages = [n.message for n in pilot.app._notifications]
        assert any("$8.5B" in m for m in messages) and not any("e+09" in m for m in messages)

    drive(northwind, scenario)


@pytest.mark.parametrize("keys", [(), ("enter",), ("enter", "enter"), ("enter", "t"), ("s",), ("v",), ("question_mark",)],
                         ids=["companies", "claims", "detail", "transcript", "scorecard", "review", "help"])
def test_as_of_date_on_every_screen(northwind, keys):
    async def scenario(pilot):
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        # a modal (help) shows over the screen below it, whose header stays in view
        shown = next(s for s in reversed(pilot.app.screen_stack) if s.query(HeaderTitle))
        assert f"as of {AS_OF}" in str(shown.query_one(HeaderTitle).render())

    drive(northwind, scenario)


# --- the verdict bar and the scorecard table ----------------------------------------------------------

@pytest.mark.parametrize("counts, width, cells", [
    ({"met": 3, "missed": 1}, 20, [("met", 3), ("missed", 1)]),              # few: one cell a claim
    ({"met": 997, "missed": 3}, 20, [("met", 19), ("missed", 1)]),           # a rare verdict still shows
    ({"met": 500, "beat": 250, "missed": 250}, 20, [("beat", 5), ("met", 10), ("missed", 5)]),
    ({}, 20, []),
])
def test_verdict_bar_shares(counts, width, cells):
    assert shares(counts, width) == cells
    assert len(verdict_bar(counts, width)) == sum(n for _, n in cells) <= width


def test_companies_bar_does_not_grow_with_claims(database):
    with database.session() as s:
        ingest_extraction(s, factories.extraction(claims=tuple(
            factories.guidance("revenue", 1e6 + i, period=factories.quarter(2025, 1 + i % 4), start=40 * i)
            for i in range(120))), author="t")
        score_all(s, AS_OF)

    async def scenario(pilot):
        table = pilot.app.screen.query_one("#companies", FillTable)
        bar = table.get_cell_at((0, 5))
        assert 0 < len(bar) <= 12
        assert table.get_cell_at((0, 6)) != ""                    # "Next due" still in its column

    drive(database, scenario)


def test_scorecard_is_a_table_whose_rows_open_their_claim(northwind):
    async def scenario(pilot):
        await pilot.press("s")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ScorecardScreen)
        table = screen.query_one("#scorecard", VirtualTable)
        assert table.row_count == len(screen.data.card.rows) == 7
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ClaimDetailScreen)
        assert pilot.app.screen.claim_id == screen.data.claim_ids[1]
        assert pilot.app.screen.data.detail.claim.metric == screen.data.card.rows[1].claim.metric

    drive(northwind, scenario)


# --- across companies ----------------------------------------------------------------------------------

def test_every_company_list_has_a_ticker_column_and_a_company_filter(northwind):
    with northwind.session() as s:
        ingest_extraction(s, factories.extraction(ticker="OKAF", company="Okafor Freight", claims=(
            factories.guidance("revenue", 5e6, period=factories.quarter(2025, 2), start=10),
            factories.guidance("capex", 2e6, period=factories.quarter(2025, 3), start=90))), author="t")

    async def scenario(pilot):
        screen = await claims(pilot, "c")
        table = screen.query_one("#claims", FillTable)
        assert list(table.columns)[0].value == "ticker"
        assert {r.ticker for r in screen.shown} == {"NWSC", "OKAF"}
        screen.query_one("#filter-ticker", Select).value = "OKAF"
        await settle(pilot)
        assert [r.ticker for r in screen.shown] == ["OKAF", "OKAF"]
        screen.query_one("#filter-ticker", Select).clear()
        await settle(pilot)
        await pilot.press("K", "K")                        # sort by company, then the other way
        await settle(pilot)
        assert [r.ticker for r in screen.shown][0] == "OKAF" and screen.sort_column == "ticker"
        await pilot.press("escape")
        await settle(pilot)
        screen = await claims(pilot)                       # one company: no ticker column, no company filter
        assert "ticker" not in [k.value for k in screen.query_one("#claims", FillTable).columns]
        assert not screen.query("#filter-ticker")

    drive(northwind, scenario)
