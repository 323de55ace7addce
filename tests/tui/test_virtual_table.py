"""VirtualTable: 10,000 invented rows handed over at once, only the rows on screen drawn, the cursor moved by
keys, enter selecting the row under it."""
from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import App, ComposeResult

from tui.virtual_table import VirtualTable

ROWS = [(Text(f"claim {i}"), Text(f"We expect line {i} of revenue to grow by more than the market as a whole, and faster.")) for i in range(10_000)]


class TableApp(App):
    CSS_PATH = "../../tui/app.tcss"

    def __init__(self) -> None:
        super().__init__()
        self.selected: list[int] = []
        self.highlighted: list[int] = []

    def compose(self) -> ComposeResult:
        yield VirtualTable(id="t", flex="quote")

    def on_mount(self) -> None:
        table = self.query_one(VirtualTable)
        table.add_fitted_column("Claim", "claim", 12, 8)
        table.add_fitted_column("Quote", "quote", 0)
        table.fit_flex()
        table.focus()
        table.set_rows(ROWS)

    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        self.selected.append(event.row)

    def on_virtual_table_row_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        self.highlighted.append(event.row)


def run(scenario) -> None:
    async def main() -> None:
        app = TableApp()
        async with app.run_test(size=(60, 12)) as pilot:
            await pilot.pause()
            await scenario(pilot, app, app.query_one(VirtualTable))

    asyncio.run(main())


def test_keys_move_the_cursor_and_the_view_and_only_visible_rows_are_drawn():
    async def scenario(pilot, app, table):
        assert table.row_count == 10_000 and table.cursor_row == 0
        assert len(table._drawn) <= 11                       # one screen of rows, not ten thousand
        await pilot.press("down", "down")
        assert table.cursor_row == 2 and app.highlighted[-1] == 2
        await pilot.press("pagedown")
        assert table.cursor_row == 2 + 11                    # a page: the 11 lines under the header
        assert table.scroll_offset.y > 0
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 9_999
        assert table.scroll_offset.y == 10_000 + 1 - 12      # the last row on the last line
        assert len(table._drawn) <= 40
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [9_999]
        await pilot.press("home", "up")
        assert table.cursor_row == 0 and table.scroll_offset.y == 0

    run(scenario)


def test_header_and_rows_are_drawn_with_cut_cells():
    async def scenario(pilot, app, table):
        await pilot.pause()
        header = "".join(s.text for s in table.render_line(0))
        first = "".join(s.text for s in table.render_line(1))
        assert header.split() == ["Claim", "Quote"]
        assert first.startswith(" claim 0 ") and "We expect line 0" in first
        assert len(first) == table.scrollable_content_region.width
        assert table.columns[1].width < len(str(ROWS[0][1])) and first.rstrip().endswith("…")

    run(scenario)


def test_new_rows_put_the_cursor_back_on_top():
    async def scenario(pilot, app, table):
        await pilot.press("end")
        table.set_rows(ROWS[:3])
        await pilot.pause()
        assert (table.row_count, table.cursor_row, table.scroll_offset.y) == (3, 0, 0)
        await pilot.press("end", "down")
        assert table.cursor_row == 2
        table.set_rows([])
        await pilot.press("enter", "down")
        assert app.selected == [] and table.row_count == 0

    run(scenario)
