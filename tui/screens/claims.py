"""The claims list: filter, search as you type, sort by any column, act on the highlighted claim.

Rows are loaded once in a worker; filtering, sorting and counting run on those rows in memory in a thread
worker too (nothing on the UI thread grows with the number of claims), and the table is refilled in batches
(FillTable) so that thousands of claims never freeze the screen. A row's cells are made
when it is first added to the table (and kept), so the first rows show without waiting for every claim's cells.
Listing every company, a ticker column comes first and a company filter joins the others; the quote column
takes whatever width the terminal leaves. The search words are marked where they were found; the due window
looks ahead ("30") or behind ("-30": what fell due in the last 30 days). `b` saves the filter under a name,
`l` applies a saved one (tui/saved_filters.py).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.text import Text
from sqlalchemy.orm import Session
from textual import on
from textual.worker import get_current_worker
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Select, Static

from db.queries import list_claims
from tui import claim_table
from tui.claim_table import COLUMNS, TICKER, ClaimFilter
from tui.fill_table import FillTable
from tui.jobs import run_db
from tui.screens.claim_actions import ClaimActions, claim_ref
from tui.verdicts import SYMBOLS, styles

INLINE_ROWS = 2000     # up to this many claims, filtering takes a few ms: done at once, without a thread hop
SEARCH_DELAY = 0.15    # seconds of typing pause before the list is filtered again
SELECTS = ("ticker", "verdict", "metric", "period", "speaker")


@dataclass(frozen=True)
class ClaimsData:
    rows: list[Any]                    # db.queries.ClaimRow
    options: dict[str, list[str]]      # the choices of each filter (periods in the order they end)


@dataclass(frozen=True)
class Filtered:
    shown: list[Any]
    counts: Counter
    words: list[str]                   # the search words, marked in the cells


def load(session: Session, ticker: str | None, selects: tuple[str, ...], as_of: date | None = None) -> ClaimsData:
    """The claims with their verdicts of `as_of` (the app's date: the one in the title)."""
    rows = list_claims(session, ticker=ticker, as_of=as_of)
    return ClaimsData(rows, {name: claim_table.periods_by_end(rows) if name == "period"
                             else claim_table.choices(rows, name) for name in selects})


class ClaimsScreen(ClaimActions, Screen):
    CSS_PATH = "claims.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "focus_search", "Search", key_display="/"),
        Binding("f", "focus_filters", "Filters"),
        Binding("b", "save_filter", "Save filter", show=False),     # said by the `l` list and help
        Binding("l", "saved_filters", "Saved filters"),
        *ClaimActions.CLAIM_BINDINGS,
        *(Binding(c.sort_key, f"sort('{c.key}')", f"Sort {c.label}", show=False) for c in (TICKER, *COLUMNS)),
    ]

    def __init__(self, ticker: str | None = None) -> None:
        super().__init__()
        self.ticker = ticker
        self.rows: list[Any] = []
        self.shown: list[Any] = []
        self.counts: Counter = Counter()
        self.words: list[str] = []
        self.options: dict[str, list[str]] = {}
        self.cells: dict[int, tuple] = {}
        self.sort_column: str | None = "deadline"
        self.sort_reverse = False
        self.across = ticker is None
        self.keys = tuple(c.key for c in claim_table.columns(self.across))
        self._search_timer: Timer | None = None

    @property
    def current_ticker(self) -> str | None:
        row = self.selected_row()
        return self.ticker or (row.ticker if row else None)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield Input(placeholder="search…", id="search", compact=True)
            for name in SELECTS:
                if name != "ticker" or self.across:
                    yield Select([], prompt="company" if name == "ticker" else name, id=f"filter-{name}",
                                 compact=True)
            yield Input(placeholder="due ±days", id="due", type="integer", compact=True,
                        tooltip="30: due in the next 30 days; -30: due in the last 30 days")
        yield FillTable(id="claims", flex="quote")
        yield Static("loading…", id="claims-status", classes="status-line")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"claims of {self.ticker}" if self.ticker else "claims of every company"
        table = self.query_one("#claims", FillTable)
        table.set_columns((c.fitted for c in claim_table.columns(self.across)), claim_table.SHRINK_ORDER)
        table.focus()
        self.reload()

    def reload(self) -> None:
        ticker, selects = self.ticker, self._selects()
        as_of = self.app.as_of
        run_db(self, lambda s: load(s, ticker, selects, as_of), self._loaded, group="claims", exclusive=True)

    def _loaded(self, data: ClaimsData) -> None:
        self.rows, self.options = data.rows, data.options
        self.cells = {}
        for name, options in data.options.items():
            select = self.query_one(f"#filter-{name}", Select)
            keep = select.value
            with select.prevent(Select.Changed):
                select.set_options([(o, o) for o in options])
                if keep in options:
                    select.value = keep
        self.refilter()

    def _selects(self) -> tuple[str, ...]:
        return SELECTS if self.across else tuple(n for n in SELECTS if n != "ticker")

    # --- filtering and sorting -------------------------------------------------------------------------

    def current_filter(self) -> ClaimFilter:
        def picked(name: str) -> str | None:
            if name not in self._selects():
                return None
            value = self.query_one(f"#filter-{name}", Select).value
            return None if value is Select.NULL else str(value)

        due = self.query_one("#due", Input).value.strip()
        return ClaimFilter(search=self.query_one("#search", Input).value, verdict=picked("verdict"),
                           metric=picked("metric"), period=picked("period"), speaker=picked("speaker"),
                           ticker=picked("ticker"),
                           due_days=int(due) if due.lstrip("-").isdigit() else None)

    def refilter(self) -> None:
        """Filter, sort and count (in a thread worker beyond INLINE_ROWS claims); show the result (the newest
        request wins)."""
        rows, f, as_of = self.rows, self.current_filter(), self.app.as_of
        column, reverse = self.sort_column, self.sort_reverse

        def work() -> Filtered:
            shown = claim_table.visible(rows, f, as_of, column, reverse)
            return Filtered(shown, Counter(r.verdict for r in shown), claim_table.search_words(f.search))

        if len(rows) <= INLINE_ROWS:
            self._filtered(rows, work())
            return

        def job() -> None:
            result = work()
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._filtered, rows, result)

        self.run_worker(job, thread=True, exclusive=True, group="claims-filter", name="claims-filter")

    def _filtered(self, rows: list[Any], result: Filtered) -> None:
        if rows is not self.rows:
            return      # reloaded meanwhile: a newer filter is on its way
        table = self.query_one("#claims", FillTable)
        keep = self.selected_row()
        self.shown, self.counts, self.words = result.shown, result.counts, result.words
        table.fill(self.shown, self._cells, lambda r: str(r.id), str(keep.id) if keep else None)
        self._update_status()

    def _cells(self, row: Any) -> tuple:
        made = self.cells.get(row.id)
        if made is None:
            made = self.cells[row.id] = claim_table.cells(row, self.across, self.app.current_theme.dark)
        return claim_table.marked(made, self.keys, self.words)

    def _update_status(self) -> None:
        counts = self.counts
        palette = styles(self.app.current_theme.dark)
        text = Text(f"{len(self.shown)} of {len(self.rows)} claims ")
        for verdict, symbol in SYMBOLS.items():
            if counts.get(verdict):
                text.append(f" {symbol}{counts[verdict]}", style=palette[verdict])
        if counts.get(None):
            text.append(f"  ·{counts[None]} unscored")
        if self.sort_column:
            text.append(f"   sort: {self.sort_column} {'↓' if self.sort_reverse else '↑'}")
        self.query_one("#claims-status", Static).update(text)

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self.refilter)

    @on(Input.Changed, "#due")
    @on(Select.Changed)
    def _filter_changed(self) -> None:
        self.refilter()

    @on(Input.Submitted)
    def _search_submitted(self) -> None:
        self.query_one("#claims", FillTable).focus()

    def on_data_table_header_selected(self, event: FillTable.HeaderSelected) -> None:
        self.action_sort(str(event.column_key.value))

    def action_sort(self, column: str) -> None:
        if self.sort_column == column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.refilter()

    # --- selection and navigation ----------------------------------------------------------------------

    def selected_row(self) -> Any | None:
        table = self.query_one("#claims", FillTable)
        if table.row_count == 0 or not self.shown:
            return None
        row = table.cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def selected_claim(self):
        row = self.selected_row()
        return claim_ref(row) if row else None

    def on_data_table_row_selected(self, _event: FillTable.RowSelected) -> None:
        self.action_open_detail()

    def action_open_detail(self) -> None:
        from tui.screens.claim_detail import ClaimDetailScreen

        row = self.selected_row()
        if row is not None:
            self.app.push_screen(ClaimDetailScreen(row.id))

    # --- saved filters ---------------------------------------------------------------------------------

    def action_save_filter(self) -> None:
        from tui.screens.save_filter_form import SaveFilterForm

        self.app.push_screen(SaveFilterForm(self.app.config_dir, self.current_filter()))

    def action_saved_filters(self) -> None:
        from tui.screens.saved_filters import SavedFiltersScreen

        self.app.push_screen(SavedFiltersScreen(self.app.config_dir), self.apply_filter)

    def apply_filter(self, f: ClaimFilter | None) -> None:
        """Set the search, pickers and due window from a saved filter, then filter once. A choice this list
        does not offer (a metric no claim here has, a company on one company's list) is left out and said."""
        if f is None:
            return
        missing = []
        with self.prevent(Input.Changed, Select.Changed):
            self.query_one("#search", Input).value = f.search
            self.query_one("#due", Input).value = "" if f.due_days is None else str(f.due_days)
            for name in self._selects():
                select, wanted = self.query_one(f"#filter-{name}", Select), getattr(f, name)
                if wanted is None:
                    select.clear()
                elif wanted in self.options.get(name, []):
                    select.value = wanted
                else:
                    select.clear()
                    missing.append(f"{name} {wanted}")
            if f.ticker and not self.across:
                missing.append(f"ticker {f.ticker}")
        if missing:
            self.notify(f"Not in this list, left out: {', '.join(missing)}", severity="warning", markup=False)
        self.refilter()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_filters(self) -> None:
        self.query_one(Select).focus()

    def action_back(self) -> None:
        if self.focused is not self.query_one("#claims", FillTable):
            self.query_one("#claims", FillTable).focus()
        else:
            self.app.pop_screen()
