"""A read-only table that draws only the rows on screen from a sequence it is handed: nothing on the UI thread
grows with the number of rows.

A DataTable copies every row into itself (`add_row`), so 10,000 scorecard rows cost 10,000 calls on the UI
thread before the last one shows, however they are batched. `VirtualTable.set_rows(rows)` keeps a reference
to a sequence of rows (each a tuple of cells: Text, or any renderable a line tall) made in a worker, and
`render_line` draws a row only when it is on screen (the header stays on the first line). The cursor moves
with the arrow keys, page keys, home and end; enter posts `RowSelected`, a cursor move `RowHighlighted`.
Columns fit the width like FillTable's (one flex column takes the rest; the others shrink in `shrink_order`).
Looks come from the component classes (app.tcss).
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.fitted_columns import FLEX_SHARE, MIN_FLEX, FittedColumns, fit_widths

CACHE_ROWS = 400     # drawn rows kept (a few screens' worth)
PADDING = 1          # cells of space either side of a column


@dataclass
class VirtualColumn:
    key: str
    label: str
    width: int


class VirtualTable(FittedColumns, ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"virtual-table--header", "virtual-table--cursor", "virtual-table--odd"}
    BINDINGS = [
        Binding("enter", "select", "Open", key_display="⏎"),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=False, repaint=False)

    class RowHighlighted(Message):
        def __init__(self, table: VirtualTable, row: int) -> None:
            super().__init__()
            self.table, self.row = table, row

        @property
        def control(self) -> VirtualTable:
            return self.table

    class RowSelected(RowHighlighted):
        pass

    def __init__(self, *, flex: str | None = None, flex_share: float = FLEX_SHARE, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._init_fitting(flex, flex_share)
        self.columns: list[VirtualColumn] = []
        self.rows: Sequence[Sequence[Any]] = ()
        self._drawn: OrderedDict[tuple[int, bool], Strip] = OrderedDict()

    # --- columns and rows ----------------------------------------------------------------------------

    def _append_column(self, label: str, key: str, width: int) -> None:
        self.columns.append(VirtualColumn(key, label, width))

    def fit_flex(self) -> None:
        if not self.size.width:
            return
        # room for a vertical scrollbar whether or not it shows (it comes and goes with the number of rows)
        available = self.size.width - self.styles.scrollbar_size_vertical - 2 * PADDING * len(self.columns)
        flex_min = max(MIN_FLEX, int(available * self.flex_share)) if self.flex else 0
        widths = fit_widths(self.natural, self.minimum, available - flex_min, self.shrink_order)
        if self.flex is not None:
            widths[self.flex] = max(MIN_FLEX, available - sum(widths.values()))
        for column in self.columns:
            column.width = max(1, widths.get(column.key, column.width))
        self._redraw()

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """Show `rows` (kept by reference, drawn when on screen); the cursor goes to the first row."""
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor_row = 0
        self._redraw()
        if rows:
            self.post_message(self.RowHighlighted(self, 0))

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def get_row_at(self, index: int) -> Sequence[Any]:
        return self.rows[index]

    def _redraw(self) -> None:
        self._drawn.clear()
        self.refresh()

    # --- drawing -------------------------------------------------------------------------------------

    def _cells(self, cells: Sequence[Any], style: Style) -> list[Segment]:
        console = self.app.console
        out: list[Segment] = []
        pad = Segment(" " * PADDING, style)
        for column, cell in zip(self.columns, cells):
            renderable = cell if not isinstance(cell, str) else Text(cell, no_wrap=True, end="")
            options = console.options.update(width=column.width, height=1, no_wrap=True, overflow="ellipsis")
            lines = console.render_lines(renderable, options, style=style, pad=True)
            out += [pad, *(lines[0] if lines else [Segment(" " * column.width, style)]), pad]
        return out

    def _row_strip(self, index: int, cursor: bool, width: int) -> Strip:
        key = (index, cursor)
        strip = self._drawn.get(key)
        if strip is None:
            base = self.rich_style
            if index % 2:
                base = base + self.get_component_rich_style("virtual-table--odd", partial=True)
            segments = self._cells(self.rows[index], base)
            if cursor:
                segments = list(Segment.apply_style(
                    segments, post_style=self.get_component_rich_style("virtual-table--cursor", partial=True)))
            strip = self._drawn[key] = Strip(segments).crop_extend(0, width, base)
            if len(self._drawn) > CACHE_ROWS:
                self._drawn.popitem(last=False)
        return strip

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            style = self.rich_style + self.get_component_rich_style("virtual-table--header", partial=True)
            header = [Text(c.label, no_wrap=True, end="") for c in self.columns]
            return Strip(self._cells(header, style)).crop_extend(0, width, style)
        index = self.scroll_offset.y + y - 1
        if not 0 <= index < len(self.rows):
            return Strip.blank(width, self.rich_style)
        return self._row_strip(index, index == self.cursor_row, width)

    # --- events and keys -----------------------------------------------------------------------------

    def on_resize(self, _event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self.fit_flex()

    def on_focus(self) -> None:
        self._redraw()

    def on_blur(self) -> None:
        self._redraw()

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def move_cursor(self, row: int) -> None:
        if not self.rows:
            return
        row = max(0, min(len(self.rows) - 1, row))
        if row != self.cursor_row:
            old, self.cursor_row = self.cursor_row, row
            self._drawn.pop((old, True), None)
            self.post_message(self.RowHighlighted(self, row))
        top = round(self.scroll_offset.y)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + self._page:
            self.scroll_to(y=row - self._page + 1, animate=False, immediate=True)
        self.refresh()

    def action_move(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor_row + direction * self._page)

    def action_edge(self, end: int) -> None:
        self.move_cursor(len(self.rows) - 1 if end else 0)

    def action_select(self) -> None:
        if 0 <= self.cursor_row < len(self.rows):
            self.post_message(self.RowSelected(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return
        row = self.scroll_offset.y + event.y - 1
        if 0 <= row < len(self.rows):
            if row == self.cursor_row and event.chain > 1:
                self.action_select()
            self.move_cursor(row)
