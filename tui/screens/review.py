"""Review mode, the screen a quarterly review meeting runs on.

Pick a company and a period (periods in the order they end); the claims due in that period are listed on the
left and the claim under the cursor is shown in full on the right (promise, actual and its source, verdict
and its explanation, the quote in its transcript context, revisions, notes), following the cursor. Keys act
on that claim: override (the current verdict preselected), note, dismiss, add an actual, and `m` marks it
reviewed (stored and audited; again to take the mark back). The progress line reads "12 of 19 reviewed";
"changed since review" lists only claims whose verdict moved after they were marked. `e` exports the
period's scorecard.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.text import Text
from sqlalchemy.orm import Session
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Select, Static

from db.queries import build_scorecard
from db.review import (
    ReviewItem,
    by_period_end,
    default_period,
    mark_reviewed,
    period_ends,
    review_queue,
    tickers,
    unmark_reviewed,
)
from tui.claim_ref import ClaimRef
from tui.claim_table import promised, subject
from tui.fill_table import FillTable
from tui.fitted_columns import FittedColumn
from tui.jobs import run_db
from tui.screens.claim_actions import ClaimActions, claim_ref
from tui.screens.claim_detail import DetailData
from tui.screens.claim_detail import load as load_detail
from tui.screens.review_pane import detail_text
from tui.verdicts import verdict_text

SHOW = (("all claims", "all"), ("not reviewed", "todo"), ("changed since review", "changed"))
REVIEWED = "✔"

# the claim column takes the rest: the pane beside the queue shows the promise in full
COLUMNS = (FittedColumn("reviewed", "", 2), FittedColumn("verdict", "Verdict", 14, 11), FittedColumn("subject", "Claim", 0))


@dataclass(frozen=True)
class Periods:
    ticker: str
    periods: list[str]            # sorted by period end
    default: str | None


def load_periods(session: Session, ticker: str, as_of: date) -> Periods:
    ends = {label: end for (_, label), end in period_ends(session, ticker).items()}
    periods = by_period_end(ends, ends)
    return Periods(ticker, periods, default_period(periods, ends, as_of))


def shown_items(items: list[ReviewItem], show: str) -> list[ReviewItem]:
    if show == "todo":
        return [i for i in items if not i.reviewed]
    if show == "changed":
        return [i for i in items if i.changed]
    return list(items)


def progress_text(items: list[ReviewItem]) -> Text:
    """"12 of 19 reviewed · 2 changed since review"."""
    done = sum(i.reviewed for i in items)
    text = Text(f"{done} of {len(items)} reviewed", style="bold" if items and done == len(items) else "")
    changed = sum(i.changed for i in items)
    if changed:
        text.append(f" · {changed} changed since review", style="bold")
    return text


def queue_cells(item: ReviewItem, dark: bool = True) -> tuple[Text, ...]:
    mark = REVIEWED + ("!" if item.changed else "") if item.reviewed else ""
    row = item.claim
    return (Text(mark, no_wrap=True, end=""), verdict_text(row.verdict, row.overridden, dark),
            Text(f"{subject(row)}: {promised(row)}", no_wrap=True, end=""))


class ReviewScreen(ClaimActions, Screen):
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("m", "mark", "Reviewed"),
        Binding("e", "export", "Export"),
        Binding("p", "focus_period", "Period"),
        *ClaimActions.CLAIM_BINDINGS,
    ]

    def __init__(self, ticker: str | None = None, period: str | None = None) -> None:
        super().__init__()
        self.current_ticker = ticker
        self.period = period
        self.items: list[ReviewItem] = []
        self.shown: list[ReviewItem] = []
        self.detail: DetailData | None = None
        self._detail_wanted: int | None = None     # the claim whose detail is being loaded

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-bar"):
            yield Select([], prompt="company", id="review-company", compact=True)
            yield Select([], prompt="period", id="review-period", compact=True)
            yield Select(SHOW, value="all", allow_blank=False, id="review-show", compact=True)
            yield Static("", id="review-progress")
        with Horizontal(id="review-body"):
            yield FillTable(id="review-queue", flex="subject")
            with VerticalScroll(id="review-detail"):
                yield Static("Pick a company and a period.", id="review-detail-body", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "review"
        table = self.query_one("#review-queue", FillTable)
        table.set_columns(COLUMNS)
        table.focus()
        run_db(self, tickers, self._companies, group="review-companies")

    # --- picking company and period --------------------------------------------------------------------

    def _companies(self, names: list[str]) -> None:
        select = self.query_one("#review-company", Select)
        with select.prevent(Select.Changed):
            select.set_options([(t, t) for t in names])
        if self.current_ticker not in names:
            self.current_ticker = names[0] if names else None
        if self.current_ticker:
            with select.prevent(Select.Changed):
                select.value = self.current_ticker
            self._load_periods()

    def _load_periods(self) -> None:
        ticker, as_of = self.current_ticker, self.app.as_of
        if ticker:
            run_db(self, lambda s: load_periods(s, ticker, as_of), self._periods, group="review-periods",
                   exclusive=True)

    def _periods(self, p: Periods) -> None:
        if p.ticker != self.current_ticker:
            return
        if self.period not in p.periods:
            self.period = p.default
        select = self.query_one("#review-period", Select)
        with select.prevent(Select.Changed):
            select.set_options([(x, x) for x in p.periods])
            if self.period:
                select.value = self.period
        self.reload()

    @on(Select.Changed, "#review-company")
    def _company_changed(self, event: Select.Changed) -> None:
        ticker = None if event.value is Select.NULL else str(event.value)
        if ticker != self.current_ticker:
            self.current_ticker, self.period = ticker, None
            self._load_periods()

    @on(Select.Changed, "#review-period")
    def _period_changed(self, event: Select.Changed) -> None:
        period = None if event.value is Select.NULL else str(event.value)
        if period != self.period:
            self.period = period
            self.reload()

    @on(Select.Changed, "#review-show")
    def _show_changed(self) -> None:
        self._fill()

    # --- the queue -------------------------------------------------------------------------------------

    def reload(self) -> None:
        ticker, period = self.current_ticker, self.period
        if not ticker or not period:
            return
        self.sub_title = f"review {ticker} {period}"
        self.detail = None          # data changed (a note, an override): the pane loads its claim again
        as_of = self.app.as_of
        run_db(self, lambda s: review_queue(s, ticker, period, as_of), lambda items: self._queue(ticker, period, items),
               group="review-queue", exclusive=True)

    def _queue(self, ticker: str, period: str, items: list[ReviewItem]) -> None:
        if (ticker, period) != (self.current_ticker, self.period):
            return     # the user picked another period meanwhile
        self.items = items
        self._fill()

    def _fill(self, keep: str | None = None) -> None:
        show = str(self.query_one("#review-show", Select).value)
        current = self.selected_item()
        keep = keep or (str(current.claim.id) if current else None)
        self.shown = shown_items(self.items, show)
        dark = self.app.current_theme.dark
        self.query_one("#review-queue", FillTable).fill(self.shown, lambda i: queue_cells(i, dark),
                                                        lambda i: str(i.claim.id), keep, self._follow)
        self.query_one("#review-progress", Static).update(progress_text(self.items))
        if not self.shown:
            self.detail = None
            self.query_one("#review-detail-body", Static).update(
                Text("No claims here." if not self.items else "Nothing to show with this filter.", style="dim"))

    def selected_item(self) -> ReviewItem | None:
        table = self.query_one("#review-queue", FillTable)
        row = table.cursor_row
        return self.shown[row] if self.shown and table.row_count and 0 <= row < len(self.shown) else None

    def selected_claim(self) -> ClaimRef | None:
        item = self.selected_item()
        return claim_ref(item.claim) if item else None

    # --- the detail pane follows the cursor ------------------------------------------------------------

    def on_data_table_row_highlighted(self, _event: FillTable.RowHighlighted) -> None:
        self._follow()

    def _follow(self) -> None:
        item = self.selected_item()
        if item is None or (self.detail is not None and self.detail.detail.id == item.claim.id):
            return
        claim_id = item.claim.id
        if claim_id == self._detail_wanted:
            return     # already on its way
        self._detail_wanted = claim_id
        as_of = self.app.as_of
        run_db(self, lambda s: load_detail(s, claim_id, as_of), self._detail, self._detail_failed, group="review-detail",
               exclusive=True)

    def _detail(self, data: DetailData) -> None:
        item = self.selected_item()
        if data.detail.id == self._detail_wanted:
            self._detail_wanted = None
        if item is None or item.claim.id != data.detail.id:
            return     # the cursor moved on while this one loaded
        self.detail = data
        body = detail_text(data, item, self.app.current_theme.dark)
        self.query_one("#review-detail-body", Static).update(body)
        self.query_one("#review-detail", VerticalScroll).scroll_home(animate=False)

    def _detail_failed(self, message: str) -> None:
        self._detail_wanted = None
        self.app.show_error(message)

    def on_data_table_row_selected(self, _event: FillTable.RowSelected) -> None:
        from tui.screens.claim_detail import ClaimDetailScreen

        item = self.selected_item()
        if item is not None:
            self.app.push_screen(ClaimDetailScreen(item.claim.id))

    # --- actions ---------------------------------------------------------------------------------------

    def action_mark(self) -> None:
        """Mark the claim reviewed and go to the next one; on a reviewed claim, take the mark back."""
        item = self.selected_item()
        if item is None:
            self.notify("No claim selected.", severity="warning")
            return
        claim_id, author, unmark, as_of = item.claim.id, self.app.author, item.reviewed, self.app.as_of
        index = self.shown.index(item)
        following = self.shown[index + 1] if not unmark and index + 1 < len(self.shown) else item

        def work(session: Session) -> Any:
            if unmark:
                return unmark_reviewed(session, claim_id, author=author)
            return mark_reviewed(session, claim_id, author=author, as_of=as_of)

        def done(_: Any) -> None:
            self._after_mark(str(following.claim.id))

        run_db(self, work, done, write=True, group="review-mark")

    def _after_mark(self, keep: str) -> None:
        ticker, period = self.current_ticker, self.period
        if not ticker or not period:
            return

        def refreshed(items: list[ReviewItem]) -> None:
            if (ticker, period) == (self.current_ticker, self.period):
                self.items = items
                self.detail = None      # its "reviewed" line changed
                self._fill(keep)

        as_of = self.app.as_of
        run_db(self, lambda s: review_queue(s, ticker, period, as_of), refreshed, group="review-queue", exclusive=True)

    def action_export(self) -> None:
        from tui.screens.export_form import ExportForm

        ticker, period, as_of = self.current_ticker, self.period, self.app.as_of
        if not ticker or not period:
            self.notify("Pick a company and a period first.", severity="warning")
            return
        run_db(self, lambda s: build_scorecard(s, ticker, as_of, period),
               lambda card: self.app.push_screen(ExportForm(card)), group="review-export", exclusive=True)

    def action_focus_period(self) -> None:
        self.query_one("#review-period", Select).focus()

    def action_back(self) -> None:
        table = self.query_one("#review-queue", FillTable)
        if self.focused is not table:
            table.focus()
        else:
            self.app.pop_screen()
