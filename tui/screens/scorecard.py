"""The scorecard of one company (the same content as `fls scorecard`), for all periods or one."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Markdown, Select

from db.queries import build_scorecard, list_claims
from tracker.scorecard import Scorecard, render
from tui.jobs import run_db


@dataclass(frozen=True)
class ScorecardData:
    card: Scorecard
    markdown: str
    periods: list[str]


def load(session: Session, ticker: str, as_of, period: str | None) -> ScorecardData:  # noqa: ANN001
    card = build_scorecard(session, ticker, as_of, period)
    periods = sorted({r.period_label for r in list_claims(session, ticker=ticker) if r.period_label})
    return ScorecardData(card, render(card, "md"), periods)


class ScorecardScreen(Screen):
    CSS_PATH = "scorecard.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("e", "export", "Export"),
        Binding("f", "focus_period", "Period"),
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
        with VerticalScroll(id="scorecard-scroll"):
            yield Markdown("loading…", id="scorecard")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.sub_title = f"scorecard {self.current_ticker} as of {self.app.as_of}"
        ticker, as_of, period = self.current_ticker, self.app.as_of, self.period
        run_db(self, lambda s: load(s, ticker, as_of, period), self._show, group="scorecard", exclusive=True)

    async def _show(self, data: ScorecardData) -> None:
        self.data = data
        select = self.query_one("#scorecard-period", Select)
        with select.prevent(Select.Changed):
            select.set_options([(p, p) for p in data.periods])
            if self.period in data.periods:
                select.value = self.period
        await self.query_one("#scorecard", Markdown).update(data.markdown)

    @on(Select.Changed, "#scorecard-period")
    def _period_changed(self, event: Select.Changed) -> None:
        period = None if event.value is Select.NULL else str(event.value)
        if period != self.period:
            self.period = period
            self.reload()

    def action_focus_period(self) -> None:
        self.query_one("#scorecard-period", Select).focus()

    def action_export(self) -> None:
        from tui.screens.export_form import ExportForm

        if self.data is None:
            self.notify("The scorecard is still loading.", severity="warning")
            return
        self.app.push_screen(ExportForm(self.data.card))
