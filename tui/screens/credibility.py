"""Credibility over time: one company's hit rate per call date, with its 95% Wilson band and the mean
surprise, for every speaker together and then for each speaker (`h` on the companies or scorecard screen).

A row per call: "2025-02-20  n=2  50%  -2.0%  ···[━━━━●━━━━━━]···"; a call that kept three promises of
three reads 100% with a band still reaching down to 44%, so a short run of good calls is not taken for a
trend. The verdicts are the scorecard's (computed on the as-of date, overrides and dismissals applied), so
this screen, the scorecard screen and the HTML scorecard's charts agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.text import Text
from sqlalchemy.orm import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from db.queries import build_scorecard
from tracker.scorecard.over_time import CallPoint, Series, scorecard_over_time, surprise_text
from tui.charts import Band
from tui.fill_table import FillTable
from tui.fitted_columns import FittedColumn
from tui.jobs import run_db

# (key, label, natural width, narrowest); the band takes what is left
COLUMNS = tuple(FittedColumn(*c) for c in (
    ("who", "Speaker", 18, 8), ("on", "Call", 10, 10), ("scored", "Scored", 6, 6), ("rate", "Hit rate", 8, 5),
    ("surprise", "Surprise", 8, 8), ("band", "Hit rate, 95% band (0-100%)", 0, 0)))


@dataclass(frozen=True)
class CredibilityData:
    company: str
    series: tuple[Series, ...]


def load(session: Session, ticker: str, as_of: date) -> CredibilityData:
    card = build_scorecard(session, ticker, as_of)
    return CredibilityData(card.company, scorecard_over_time(card))


def rows_of(series: tuple[Series, ...]) -> list[tuple[Series, int]]:
    """(series, index of its point): every speaker's calls, then each speaker's."""
    return [(s, i) for s in series for i in range(len(s.points))]


def point_cells(s: Series, index: int) -> tuple[Any, ...]:
    p: CallPoint = s.points[index]
    c = p.credibility
    company = s.speaker is None
    who = Text(s.name if index == 0 else "", style="bold" if company else "", no_wrap=True, end="")
    rate = "—" if c.hit_rate is None else f"{c.hit_rate:.0%}"
    return (who, Text(str(p.on or "undated"), no_wrap=True, end=""),
            Text(f"{c.n_scored}/{c.n_claims}", no_wrap=True, end="", justify="right"),
            Text(rate, no_wrap=True, end="", justify="right", style="bold" if company else ""),
            Text(surprise_text(c), no_wrap=True, end="", justify="right"),
            Band(c.hit_rate, c.wilson_low, c.wilson_high, style="bold" if company else "", faint=not c.enough))


def summary_text(data: CredibilityData) -> Text:
    """"Northwind (NWSC): 2 calls; hit rate per call with its 95% band (faint: too few claims to judge)"."""
    calls = len(data.series[0].points) if data.series else 0
    text = Text(f"{data.company}: ", style="bold")
    if not calls:
        text.append("no claims yet")
        return text
    text.append(f"{calls} call{'s' if calls != 1 else ''}; hit rate per call with its 95% band")
    text.append(" (faint: too few scored claims to judge)", style="dim")
    return text


class CredibilityScreen(Screen):
    CSS_PATH = "credibility.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, ticker: str) -> None:
        super().__init__()
        self.current_ticker = ticker
        self.data: CredibilityData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("loading…", id="credibility-summary")
        yield FillTable(id="credibility", flex="band", flex_share=0.3)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"credibility over time {self.current_ticker}"
        table = self.query_one("#credibility", FillTable)
        table.set_columns(COLUMNS, shrink_order=["surprise", "who", "rate"])
        table.focus()
        self.reload()

    def reload(self) -> None:
        ticker, as_of = self.current_ticker, self.app.as_of
        run_db(self, lambda s: load(s, ticker, as_of), self._show, group="credibility", exclusive=True)

    def _show(self, data: CredibilityData) -> None:
        self.data = data
        self.query_one("#credibility-summary", Static).update(summary_text(data))
        self.query_one("#credibility", FillTable).fill(
            rows_of(data.series), lambda r: point_cells(*r), lambda r: f"{r[0].name}|{r[1]}")
