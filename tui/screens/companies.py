"""The home screen: every company with its credibility, verdict counts and next deadlines; below, the
selected company's verdicts per period, next deadlines and credibility per speaker, with its hit rate per
call over time as a sparkline ("over time ▅█  last call 100% (44-100%, n=3)").

On an empty database it says how to get started instead.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.text import Text
from sqlalchemy.orm import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from db.queries import list_companies, list_speakers, next_deadlines, verdict_counts
from db.review import period_ends
from tui import summaries
from tracker.scorecard.over_time import Series
from tui.charts import sparkline
from tui.fill_table import FillTable
from tui.fitted_columns import FittedColumn
from tui.jobs import run_db
from tui.verdicts import BAR_WIDTH, verdict_bar

EMPTY_HINT = """No transcripts yet.

To start, ingest an earnings-call transcript:

  • press  i  here and give the file's path, or
  • run    fls ingest FILE   in a shell.

Then import reported figures with  u  (or  fls actuals import FILE.csv)
and the claims are scored against them. Press ? for every key."""


@dataclass(frozen=True)
class CompaniesData:
    companies: list[Any]
    counts_by_ticker: dict[str, list[Any]]      # db.queries.VerdictCount rows
    due_by_ticker: dict[str, list[Any]]         # db.queries.DueClaim rows, soonest first
    speakers_by_ticker: dict[str, list[Any]]    # db.queries.SpeakerRow rows, most claims first
    period_ends: dict[str, dict[str, date | None]]   # ticker -> period label -> period end


def load(session: Session, as_of: date) -> CompaniesData:
    """Counts and deadlines come from SQL aggregates: the home screen never loads every claim."""
    counts: dict[str, list[Any]] = defaultdict(list)
    for c in verdict_counts(session, as_of):
        counts[c.ticker].append(c)
    due: dict[str, list[Any]] = defaultdict(list)
    for d in next_deadlines(session, as_of):
        due[d.ticker].append(d)
    speakers: dict[str, list[Any]] = defaultdict(list)
    for sp in list_speakers(session, as_of=as_of):
        speakers[sp.ticker].append(sp)
    ends: dict[str, dict[str, date | None]] = defaultdict(dict)
    for (ticker, label), end in period_ends(session, as_of=as_of).items():
        ends[ticker][label] = end
    return CompaniesData(list_companies(session, as_of), dict(counts), dict(due), dict(speakers), dict(ends))


def bias(cred: Any) -> str:
    pct = cred.mean_signed_surprise_pct
    return "—" if pct is None else f"{pct:+.1f}%"


# (label, key, natural width, narrowest): the name takes what is left; the verdict bar never grows
TABLE_BAR = 12       # the table's verdict bar; the lower panel's per-period bars have BAR_WIDTH cells
COMPANY_COLUMNS = tuple(FittedColumn(*c) for c in (
    ("ticker", "Ticker", 6, 5), ("name", "Company", 0, 0), ("credibility", "Credibility", 33, 18),
    ("bias", "Bias", 7, 6), ("claims", "Claims", 6, 6), ("verdicts", "Verdicts", TABLE_BAR, 8),
    ("due", "Next due", 10, 10)))

MAX_SPEAKERS = 4     # two lines each in the lower panel; `fls speakers TICKER` lists them all


def trend_text(series: Series) -> Text:
    """A series' hit rate per call as a sparkline, then the last scored call's rate with its 95% Wilson band:
    "▂▅█  last call 100% (44-100%, n=3)"; "▂·  last call 25% (5-70%, n=4)" when the newest call has nothing
    scored yet."""
    text = sparkline((p.credibility.hit_rate, p.credibility.enough) for p in series.points)
    scored = [p.credibility for p in series.points if p.credibility.hit_rate is not None]
    if not scored:
        text.append("  no call scored yet", style="dim")
        return text
    c = scored[-1]
    low, high = (c.wilson_low or 0.0) * 100, (c.wilson_high or 0.0) * 100
    text.append(f"  last call {c.hit_rate:.0%} ({low:.0f}-{high:.0f}%, n={c.n_scored})",
                style="" if c.enough else "dim")
    return text


def speakers_text(speakers: list[Any], trend: tuple[Series, ...] | None = None) -> Text:
    """Who made the claims and how far each can be trusted; too few scored claims are said, not hidden.
    `trend` (tracker.scorecard.over_time, as the `h` screen and the HTML scorecard draw it): the company's hit
    rate per call on one line under the title, each speaker's sparkline after their name; None while it is
    being read. Lines are cut rather than wrapped (companies.tcss), so a long title cannot push the figures
    down."""
    text = Text()
    text.append("Credibility per speaker\n", style="bold")
    by_name = {s.speaker: s for s in trend[1:]} if trend else {}
    if trend is None:
        text.append("  over time …\n", style="dim")
    elif trend:
        text.append("  over time ", style="bold")
        text.append_text(trend_text(trend[0]))
        text.append("\n")
    for sp in speakers[:MAX_SPEAKERS]:
        text.append(f"  {sp.name or 'unattributed'}")
        if sp.title:
            text.append(f", {sp.title}", style="dim")
        if (own := by_name.get(sp.name or "")) is not None:
            text.append("  ")
            text.append_text(sparkline((p.credibility.hit_rate, p.credibility.enough) for p in own.points))
        claims = f"{sp.claims} claim" + ("" if sp.claims == 1 else "s")
        text.append(f"\n    {sp.credibility.summary}, bias {bias(sp.credibility)}, {claims}\n")
    if len(speakers) > MAX_SPEAKERS:
        text.append(f"  and {len(speakers) - MAX_SPEAKERS} more\n", style="dim")
    if not speakers:
        text.append("  no claims yet\n")
    return text


class CompaniesScreen(Screen):
    CSS_PATH = "companies.tcss"
    BINDINGS = [
        Binding("c", "all_claims", "All claims"),
        Binding("s", "app.show_scorecard", "Scorecard"),
        Binding("v", "review", "Review"),
        Binding("h", "app.show_credibility", "Over time"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.data: CompaniesData | None = None
        self.trends: dict[str, tuple[Series, ...]] = {}   # ticker -> credibility over time, read on first view

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(EMPTY_HINT, id="companies-empty", markup=False)
        yield FillTable(id="companies", flex="name", flex_share=0.1)
        with Horizontal(id="company-detail"):
            yield Static("", id="company-periods")
            yield Static("", id="company-speakers")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#companies", FillTable)
        table.set_columns(COMPANY_COLUMNS)
        self.query_one("#companies-empty").display = False
        self.reload()

    def reload(self) -> None:
        self.query_one("#companies", FillTable).loading = True
        self.trends = {}
        as_of = self.app.as_of
        run_db(self, lambda s: load(s, as_of), self._show, group="companies", exclusive=True)

    @property
    def current_ticker(self) -> str | None:
        table = self.query_one("#companies", FillTable)
        if not self.data or not self.data.companies or table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _show(self, data: CompaniesData) -> None:
        self.data = data
        table = self.query_one("#companies", FillTable)
        table.loading = False
        keep = self.current_ticker if table.row_count else None
        table.clear()
        empty = not data.companies
        self.query_one("#companies-empty").display = empty
        table.display = not empty
        self.query_one("#company-detail").display = not empty
        dark = self.app.current_theme.dark
        for c in data.companies:
            due = data.due_by_ticker.get(c.ticker)
            table.add_row(Text(c.ticker), Text(c.name), Text(c.credibility.summary), bias(c.credibility),
                          Text(str(c.claims), justify="right"),
                          verdict_bar(summaries.verdict_counts(data.counts_by_ticker.get(c.ticker, [])), TABLE_BAR, dark),
                          str(due[0].deadline) if due else "—", key=c.ticker)
        if keep and keep in data.counts_by_ticker:
            table.move_cursor(row=table.get_row_index(keep))
        if not empty:
            table.focus()
        self._show_detail()

    def on_data_table_row_highlighted(self, _event: FillTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, _event: FillTable.RowSelected) -> None:
        self.action_open_claims()

    def _show_detail(self) -> None:
        ticker = self.current_ticker
        if ticker is None or self.data is None:
            return
        text = Text()
        text.append(f"{ticker} — verdicts per period\n", style="bold")
        periods = summaries.by_period(self.data.counts_by_ticker.get(ticker, []),
                                      self.data.period_ends.get(ticker, {}))
        dark = self.app.current_theme.dark
        for label, counts in periods:
            text.append(f"  {label:<12} ")
            text.append_text(verdict_bar(counts, width=BAR_WIDTH, dark=dark))
            text.append("\n")
        if not periods:
            text.append("  no scored claims yet\n")
        text.append("Next deadlines\n", style="bold")
        for r in self.data.due_by_ticker.get(ticker, []):
            text.append(f"  {r.deadline}  {r.metric}{f' ({r.scope})' if r.scope else ''}  {r.period_label or ''}\n")
        self.query_one("#company-periods", Static).update(text)
        self._show_speakers(ticker)
        if ticker not in self.trends:
            self._read_trend(ticker)

    def _show_speakers(self, ticker: str) -> None:
        if self.data is not None:
            self.query_one("#company-speakers", Static).update(
                speakers_text(self.data.speakers_by_ticker.get(ticker, []), self.trends.get(ticker)))

    def _read_trend(self, ticker: str) -> None:
        """The over-time line needs the company's scorecard (every claim scored), so it is read for the company
        shown only, once, in a worker; the table's aggregates never wait for it."""
        from tui.screens.credibility import load as load_over_time

        as_of = self.app.as_of

        def done(data: Any) -> None:
            self.trends[ticker] = data.series
            if self.current_ticker == ticker:
                self._show_speakers(ticker)

        run_db(self, lambda s: load_over_time(s, ticker, as_of), done, group="company-trend", exclusive=True)

    def action_open_claims(self) -> None:
        from tui.screens.claims import ClaimsScreen

        if self.current_ticker:
            self.app.push_screen(ClaimsScreen(ticker=self.current_ticker))

    def action_review(self) -> None:
        from tui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(ticker=self.current_ticker))

    def action_all_claims(self) -> None:
        from tui.screens.claims import ClaimsScreen

        self.app.push_screen(ClaimsScreen(ticker=None))
