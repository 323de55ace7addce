"""The scorecard of one company, for all periods or one: its credibility, its verdict counts and one table
row per claim (verdict, deadline, promise, actual, explanation).

The rows are a VirtualTable: their cells are made in the worker and only the rows on screen are drawn, so
nothing on the UI thread grows with the number of claims and a company with 10,000 claims shows as quickly as
one with ten; the Markdown, CSV, JSON and HTML renderings are for files (`e` exports).
Enter opens the claim under the cursor.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from sqlalchemy.orm import Session
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Select, Static

from db.queries import build_scorecard
from db.review import review_periods
from tracker.display import format_amount, format_promise
from tracker.scorecard import Scorecard, ScorecardRow
from tracker.scorecard.model import subject, verdict_counts
from tui.fitted_columns import FittedColumn
from tui.jobs import run_db
from tui.verdicts import SYMBOLS, styles, verdict_text
from tui.virtual_table import VirtualTable

# (key, label, natural width, narrowest); the explanation takes the rest
COLUMNS = tuple(FittedColumn(*c) for c in (
    ("verdict", "Verdict", 14, 11), ("deadline", "Deadline", 10, 10), ("subject", "Claim", 30, 20),
    ("promised", "Promised", 18, 10), ("actual", "Actual", 10, 7), ("explanation", "Explanation", 0, 0)))


@dataclass(frozen=True)
class ScorecardData:
    card: Scorecard
    periods: list[str]          # sorted by period end
    claim_ids: list[int]        # the claim behind each row; empty if they could not be matched up
    cells: list[tuple[Text, ...]]   # each row's cells, made in the worker (nothing per row on the UI thread)


def load(session: Session, ticker: str, as_of: date, period: str | None, dark: bool = True) -> ScorecardData:
    card = build_scorecard(session, ticker, as_of, period)
    ids = [r.claim_id for r in card.rows]
    return ScorecardData(card, review_periods(session, ticker), ids if None not in ids else [],
                         [row_cells(r, dark) for r in card.rows])


def row_cells(row: ScorecardRow, dark: bool = True) -> tuple[Text, ...]:
    c, r = row.claim, row.result
    actual = format_amount(r.actual.value, r.actual.unit) if r.actual is not None else "—"
    return (verdict_text(row.verdict, row.override is not None, dark),
            *(Text(x, no_wrap=True, end="") for x in (
                str(c.period.end) if c.period and c.period.end else "—", subject(c),
                format_promise(c.low, c.high, c.unit, c.comparator), actual,
                " ".join((row.override[1] if row.override else r.explanation).split()))))


def summary_text(card: Scorecard, dark: bool = True) -> Text:
    """"Harbor Labs (HRBR), all periods: hit rate 62% (95% CI 41-79%, n=13)   ✓4 ▲2 ✗1"."""
    text = Text(f"{card.company} ({card.ticker}), {card.period or 'all periods'}: ", style="bold")
    text.append(card.credibility.summary)
    palette = styles(dark)
    text.append("  ")
    for verdict, n in verdict_counts(card):
        text.append(f" {SYMBOLS.get(verdict, '·')}{n}", style=palette.get(verdict, ""))
    text.append(f"   {len(card.rows)} claims", style="dim")
    return text


class ScorecardScreen(Screen):
    CSS_PATH = "scorecard.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("e", "export", "Export"),
        Binding("f", "focus_period", "Period"),
        Binding("h", "app.show_credibility", "Over time"),
    ]

    def __init__(self, ticker: str, period: str | None = None) -> None:
        super().__init__()
        self.current_ticker = ticker
        self.period = period
        self.data: ScorecardData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="scorecard-bar"):
            yield Label("Period ")
            yield Select([], prompt="all periods", id="scorecard-period", compact=True)
        yield Static("loading…", id="scorecard-summary")
        yield VirtualTable(id="scorecard", flex="explanation")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#scorecard", VirtualTable)
        table.set_columns(COLUMNS, shrink_order=["subject", "verdict", "actual", "promised"])
        table.focus()
        self.reload()

    def reload(self) -> None:
        self.sub_title = f"scorecard {self.current_ticker}"
        ticker, as_of, period, dark = self.current_ticker, self.app.as_of, self.period, self.app.current_theme.dark
        run_db(self, lambda s: load(s, ticker, as_of, period, dark), self._show, group="scorecard", exclusive=True)

    def _show(self, data: ScorecardData) -> None:
        self.data = data
        dark = self.app.current_theme.dark
        select = self.query_one("#scorecard-period", Select)
        with select.prevent(Select.Changed):
            select.set_options([(p, p) for p in data.periods])
            if self.period in data.periods:
                select.value = self.period
        self.query_one("#scorecard-summary", Static).update(summary_text(data.card, dark))
        self.query_one("#scorecard", VirtualTable).set_rows(data.cells)

    @on(Select.Changed, "#scorecard-period")
    def _period_changed(self, event: Select.Changed) -> None:
        period = None if event.value is Select.NULL else str(event.value)
        if period != self.period:
            self.period = period
            self.reload()

    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        from tui.screens.claim_detail import ClaimDetailScreen

        if self.data is None:
            return
        claim_id = self._claim_id(event.row)
        if claim_id is not None:
            self.app.push_screen(ClaimDetailScreen(claim_id))

    def _claim_id(self, index: int) -> int | None:
        ids = self.data.claim_ids if self.data is not None else []
        return ids[index] if 0 <= index < len(ids) else None

    def action_focus_period(self) -> None:
        self.query_one("#scorecard-period", Select).focus()

    def action_export(self) -> None:
        from tui.screens.export_form import ExportForm

        if self.data is None:
            self.notify("The scorecard is still loading.", severity="warning")
            return
        self.app.push_screen(ExportForm(self.data.card))
