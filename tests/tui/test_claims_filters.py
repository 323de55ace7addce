"""The claims list across companies: the due window behind as well as ahead, search words marked in the cells
(Northwind's invented calls, as of 2025-06-01: four Q1 claims fell due on 2025-03-31, three FY claims are due
on 2025-12-31)."""
from __future__ import annotations

from datetime import date

import pytest
from rich.text import Text
from textual.widgets import Input

from tests.tui.conftest import drive, settle
from tui.claim_table import MARK_STYLE, in_due_window, marked
from tui.fill_table import FillTable

AS_OF = date(2025, 6, 1)


@pytest.mark.parametrize("deadline, days, inside", [
    (date(2025, 6, 20), 30, True),        # due in the next 30 days
    (date(2025, 6, 20), -30, False),      # not in the last 30
    (date(2025, 5, 10), -30, True),       # fell due in the last 30 days
    (date(2025, 5, 10), 30, False),
    (AS_OF, 0, True),                     # due today is in either window
    (None, 30, False),                    # no deadline: in no window
])
def test_due_window_either_way(deadline, days, inside):
    assert in_due_window(deadline, days, AS_OF) is inside


def test_marks_only_the_searched_columns_and_leaves_the_kept_cells_alone():
    quote, verdict = Text("We expect Wafer starts to double."), Text("wafer")
    cells = (verdict, quote)
    out = marked(cells, ("verdict", "quote"), ["wafer"])
    assert [(s.start, s.end, s.style) for s in out[1].spans] == [(10, 15, MARK_STYLE)]
    assert out[0].spans == [] and quote.spans == []
    assert marked(cells, ("verdict", "quote"), []) is cells


async def claims(pilot):
    await pilot.press("c")
    await settle(pilot)
    return pilot.app.screen


@pytest.mark.parametrize("typed, expected", [("-30", 0), ("-90", 4), ("250", 3), ("-400", 4)])
def test_due_window_behind_typed(northwind, typed, expected):
    async def scenario(pilot):
        screen = await claims(pilot)
        screen.query_one("#due", Input).focus()
        await pilot.press(*typed)
        await settle(pilot)
        assert len(screen.shown) == expected
        assert all(r.deadline <= AS_OF for r in screen.shown) == typed.startswith("-")

    drive(northwind, scenario)


def test_search_hits_are_marked_in_the_table(northwind):
    async def scenario(pilot):
        screen = await claims(pilot)
        await pilot.press("slash", *"wafer")
        await pilot.pause(0.3)
        await settle(pilot)
        table = screen.query_one("#claims", FillTable)
        assert table.row_count == 2
        quote = table.get_row_at(0)[screen.keys.index("quote")]
        hits = [quote.plain[s.start:s.end] for s in quote.spans if s.style == MARK_STYLE]
        assert hits == ["wafer"]
        await pilot.press("ctrl+a", "ctrl+k")       # the search cleared: nothing marked
        await pilot.pause(0.3)
        await settle(pilot)
        quote = table.get_row_at(0)[screen.keys.index("quote")]
        assert not [s for s in quote.spans if s.style == MARK_STYLE]

    drive(northwind, scenario)
