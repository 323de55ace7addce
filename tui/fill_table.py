"""A DataTable that is filled in batches and fits its columns to the terminal's width.

DataTable draws only the rows on screen, but adding a row costs a little on the UI thread: `fill` adds the
first rows at once and the rest in batches between refreshes, so thousands of rows never freeze the screen.
Its columns follow the terminal's width (tui.fitted_columns).
Enter is shown in the footer (DataTable hides its own binding).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import DataTable

from tui.fitted_columns import FLEX_SHARE, MIN_FLEX, FittedColumns, fit_widths

FIRST_BATCH = 200      # rows shown at once; the rest follow in larger batches between screen refreshes
BATCH = 500


class FillTable(FittedColumns, DataTable):
    BINDINGS = [Binding("enter", "select_cursor", "Open", key_display="⏎")]

    def __init__(self, *, flex: str | None = None, flex_share: float = FLEX_SHARE, **kwargs: Any) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(**kwargs)
        self._init_fitting(flex, flex_share)
        self._generation = 0
        self.filling = False

    # --- batches -------------------------------------------------------------------------------------

    def fill(self, items: Sequence[Any], cells: Callable[[Any], Sequence[Text]], key: Callable[[Any], str],
             keep: str | None = None, done: Callable[[], None] | None = None) -> None:
        """Replace the rows by one row per item; `keep` is the key of the row to leave the cursor on."""
        self._generation += 1
        self.clear()
        self.filling = True
        self._add(self._generation, items, cells, key, 0, FIRST_BATCH, keep, done)

    def _add(self, generation: int, items: Sequence[Any], cells: Callable, key: Callable, start: int, size: int,
             keep: str | None, done: Callable[[], None] | None) -> None:
        if generation != self._generation:
            return      # a newer fill replaced these rows
        batch = items[start:start + size]
        for item in batch:
            self.add_row(*cells(item), key=key(item))
        if keep is not None and any(key(item) == keep for item in batch):
            self.move_cursor(row=self.get_row_index(keep))
        end = start + len(batch)
        if end < len(items):
            self.call_after_refresh(self._add, generation, items, cells, key, end, BATCH, keep, done)
            return
        self.filling = False
        if done is not None:
            done()

    def _update_dimensions(self, new_rows: Any) -> None:
        """Every column of a FillTable has a set width and every row one line, so there is nothing to measure:
        only the table's size changes. (DataTable measures every cell of every new row, which was most of the
        cost of adding thousands of rows.) Overrides a private DataTable method; falls back to it for any
        auto-width column."""
        if any(c.auto_width for c in self.columns.values()) or self._labelled_row_exists:
            super()._update_dimensions(new_rows)
            return
        width = sum(c.get_render_width(self) for c in self.columns.values()) + self._row_label_column_width
        self.virtual_size = Size(width, self._total_row_height + (self.header_height if self.show_header else 0))

    # --- widths --------------------------------------------------------------------------------------

    def _append_column(self, label: str, key: str, width: int) -> None:
        self.add_column(label, key=key, width=width)

    def on_resize(self, _event: events.Resize) -> None:
        self.fit_flex()

    def fit_flex(self) -> None:
        """Fit the columns to the width: the fixed ones shrink if they must, the flex one takes the rest."""
        if self.flex is None or self.flex not in self.columns or not self.size.width:
            return
        padding = 2 * self.cell_padding * len(self.columns)
        available = self.size.width - padding - self.styles.scrollbar_size_vertical
        unfitted = sum(c.get_render_width(self) for k, c in self.columns.items()
                       if k.value != self.flex and k.value not in self.natural) - 2 * self.cell_padding * sum(
            1 for k in self.columns if k.value != self.flex and k.value not in self.natural)
        flex_min = max(MIN_FLEX, int(available * self.flex_share))
        widths = fit_widths(self.natural, self.minimum, available - unfitted - flex_min, self.shrink_order)
        widths[self.flex] = max(MIN_FLEX, available - unfitted - sum(widths.values()))
        changed = False
        for key, width in widths.items():
            column = self.columns[key]  # type: ignore[index]
            if column.width != width or column.auto_width:
                column.width, column.auto_width, changed = width, False, True
        if changed:
            # DataTable has no public way to change a column's width: drop its render caches and let it
            # recompute its size on the next idle (what it does itself after adding rows).
            self._clear_caches()
            self._require_update_dimensions = True
            self.refresh()
