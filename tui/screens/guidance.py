"""Guidance history: one metric's guidance for one period, call after call, and how it ended.

Opened with `g` on a claim (claims list, claim detail, review mode): "revenue, 2025-Q1" lists the first
guide, each raise, lower or reaffirmation with its call date, the change of the guided midpoint, each guide's
verdict, then the reported figure. A bar per row puts every guide and the reported figure on one scale, so
the calls read side by side; the highlighted row's quote is shown in full below. The pickers switch to any
other metric or period of the company; enter opens the claim of the row.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from sqlalchemy.orm import Session
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Select, Static

from db.guidance import FIRST, GuidanceHistory, GuidanceStep, Subject, guidance_history, subject_of, subjects
from tracker.display import format_amount, format_promise
from tracker.scoring.units import convert
from tui.charts import RangeBar, axis_of
from tui.fill_table import FillTable
from tui.fitted_columns import FittedColumn
from tui.jobs import run_db
from tui.verdicts import verdict_style, verdict_text

# (key, label, natural width, narrowest); the bar takes what is left
COLUMNS = tuple(FittedColumn(*c) for c in (
    ("on", "Call", 10, 10), ("step", "Step", 11, 11), ("guide", "Guidance", 16, 13), ("change", "Change", 7, 6),
    ("verdict", "Verdict", 11, 3), ("bar", "Side by side", 0, 0)))
REPORTED = "reported"


@dataclass(frozen=True)
class GuidanceData:
    subject: Subject
    subjects: list[Subject]           # every subject of the company, for the pickers
    history: GuidanceHistory


def load(session: Session, claim_id: int | None, subject: Subject | None) -> GuidanceData:
    chosen = subject if subject is not None else subject_of(session, claim_id)   # type: ignore[arg-type]
    return GuidanceData(chosen, subjects(session, chosen.ticker), guidance_history(session, chosen))


def _in_unit(value: float | None, unit: str | None, axis_unit: str | None) -> float | None:
    return None if value is None else convert(value, unit, axis_unit)


def change_text(pct: float | None) -> str:
    return "" if pct is None else ("±0%" if abs(pct) < 0.05 else f"{pct:+.1f}%")


def step_cells(step: GuidanceStep, history: GuidanceHistory, axis_unit: str | None, axis: Any,
               dark: bool = True) -> tuple[Any, ...]:
    actual = history.actual
    mark = _in_unit(actual.value, actual.unit, axis_unit) if actual else None
    guided = step.low is not None or step.high is not None
    bar = RangeBar(_in_unit(step.low, step.unit, axis_unit), _in_unit(step.high, step.unit, axis_unit), mark, axis,
                   style=verdict_style(step.verdict, dark) or "bold")
    return (Text(str(step.on or "—"), no_wrap=True, end=""), Text(step.kind, no_wrap=True, end="",
                                                                   style="bold" if step.kind == FIRST else ""),
            Text(format_promise(step.low, step.high, step.unit, step.comparator) if guided else "—",
                 no_wrap=True, end=""),
            Text(change_text(step.change_pct), no_wrap=True, end="", justify="right"),
            verdict_text(step.verdict, step.overridden, dark) if step.claim_id else Text(""),
            bar if guided else Text(""))


def reported_cells(history: GuidanceHistory, axis_unit: str | None, axis: Any, dark: bool = True) -> tuple[Any, ...]:
    a = history.actual
    assert a is not None
    mark = _in_unit(a.value, a.unit, axis_unit)
    return (Text(str(a.reported_on or "—"), no_wrap=True, end=""), Text(REPORTED, style="bold", no_wrap=True, end=""),
            Text(format_amount(a.value, a.unit), style="bold", no_wrap=True, end=""), Text(""),
            verdict_text(history.verdict, dark=dark), RangeBar(None, None, mark, axis, mark_style="bold"))


def chart_axis(history: GuidanceHistory) -> tuple[str | None, Any]:
    """The unit of the first guide with a figure and an axis holding every guide and the reported figure."""
    guides = [s for s in history.steps if s.low is not None or s.high is not None]
    unit = guides[0].unit if guides else (history.actual.unit if history.actual else None)
    values = [_in_unit(v, s.unit, unit) for s in guides for v in (s.low, s.high)]
    if history.actual is not None:
        values.append(_in_unit(history.actual.value, history.actual.unit, unit))
    return unit, axis_of(values)


def summary_text(h: GuidanceHistory, dark: bool = True) -> Text:
    """"NWSC · revenue, 2025-Q1 (ends 2025-03-31): 2 guides on 2 calls, raised 1; reported $95.1M on 2025-05-01:
    first guide ▲ beat, latest ✓ met"."""
    s = h.subject
    text = Text(f"{s.ticker} · {s.name}, {s.period_label or 'no period'}", style="bold")
    if h.period_end:
        text.append(f" (ends {h.period_end})", style="dim")
    guides = [x for x in h.steps if x.claim_id is not None]
    calls = len({x.on for x in guides})
    text.append(f": {len(guides)} guide{'s' if len(guides) != 1 else ''} on {calls} call{'s' if calls != 1 else ''}")
    moves: dict[str, int] = {}
    for x in h.steps[1:]:
        if x.kind != FIRST:
            moves[x.kind] = moves.get(x.kind, 0) + 1
    if moves:
        text.append(", " + ", ".join(f"{k} {n}" if n > 1 else k for k, n in moves.items()))
    if h.actual is not None:
        a = h.actual
        text.append(f"; reported {format_amount(a.value, a.unit)}" + (f" on {a.reported_on}" if a.reported_on else ""))
    else:
        text.append("; nothing reported yet", style="dim")
    if guides:
        text.append(": " if h.actual is not None else " — ")
        if len(guides) > 1:
            text.append("first guide ")
            text.append_text(verdict_text(h.first_verdict, dark=dark))
            text.append(", latest ")
        text.append_text(verdict_text(h.verdict, dark=dark))
    return text


def quote_text(h: GuidanceHistory, index: int) -> Text:
    """The full quote of the row under the cursor (the reported figure's row says where it came from)."""
    if index >= len(h.steps):
        a = h.actual
        if a is None:
            return Text("")
        return Text(f"reported {format_amount(a.value, a.unit)} for {a.period_label}"
                    + (f" on {a.reported_on}" if a.reported_on else "") + f" ({a.source})")
    step = h.steps[index]
    text = Text(f"{step.on or 'undated'} · {step.kind}", style="bold")
    if step.speaker:
        text.append(f" · {step.speaker}")
    if step.claim_id is not None:
        text.append(f" · claim {step.claim_id} (enter opens it)", style="dim")
    text.append("\n")
    text.append(f"“{' '.join(step.quote.split())}”" if step.quote else "(no quote)", style="italic")
    return text


def _options(subs: list[Subject]) -> tuple[list[str], dict[str, list[str]]]:
    """The metric picker's names and, per name, its period labels (in the order `subjects` gives)."""
    periods: dict[str, list[str]] = {}
    for s in subs:
        periods.setdefault(s.name, [])
        if s.period_label and s.period_label not in periods[s.name]:
            periods[s.name].append(s.period_label)
    return list(periods), periods


class GuidanceScreen(Screen):
    CSS_PATH = "guidance.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("m", "focus_metric", "Metric"),
        Binding("p", "focus_period", "Period"),
    ]

    def __init__(self, claim_id: int | None = None, subject: Subject | None = None) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.subject = subject
        self.data: GuidanceData | None = None

    @property
    def current_ticker(self) -> str | None:
        return self.subject.ticker if self.subject else None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="guidance-bar"):
            yield Select([], prompt="metric", id="guidance-metric", compact=True)
            yield Select([], prompt="period", id="guidance-period", compact=True)
        yield Static("loading…", id="guidance-summary")
        yield FillTable(id="guidance", flex="bar", flex_share=0.2)
        with VerticalScroll(id="guidance-quote-box"):
            yield Static("", id="guidance-quote")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "guidance history"
        table = self.query_one("#guidance", FillTable)
        table.set_columns(COLUMNS, shrink_order=["change", "guide", "verdict", "step"])
        table.focus()
        self.reload()

    def reload(self) -> None:
        claim_id, subject = self.claim_id, self.subject
        run_db(self, lambda s: load(s, claim_id, subject), self._show, group="guidance", exclusive=True)

    def _show(self, data: GuidanceData) -> None:
        self.data, self.subject = data, data.subject
        self.sub_title = f"guidance {data.subject.ticker} {data.subject.name} {data.subject.period_label or ''}".strip()
        names, periods = _options(data.subjects)
        metric = self.query_one("#guidance-metric", Select)
        period = self.query_one("#guidance-period", Select)
        with metric.prevent(Select.Changed), period.prevent(Select.Changed):
            metric.set_options([(n, n) for n in names])
            if data.subject.name in names:
                metric.value = data.subject.name
            labels = periods.get(data.subject.name, [])
            period.set_options([(p, p) for p in labels])
            if data.subject.period_label in labels:
                period.value = data.subject.period_label
        h, dark = data.history, self.app.current_theme.dark
        self.query_one("#guidance-summary", Static).update(summary_text(h, dark))
        unit, axis = chart_axis(h)
        rows = list(range(len(h.steps) + (h.actual is not None)))
        self.query_one("#guidance", FillTable).fill(
            rows, lambda i: step_cells(h.steps[i], h, unit, axis, dark) if i < len(h.steps)
            else reported_cells(h, unit, axis, dark), str, done=self._show_quote)

    def on_data_table_row_highlighted(self, _event: FillTable.RowHighlighted) -> None:
        self._show_quote()

    def _show_quote(self) -> None:
        if self.data is None:
            return
        row = self.query_one("#guidance", FillTable).cursor_row
        self.query_one("#guidance-quote", Static).update(quote_text(self.data.history, max(row, 0)))

    def _step(self) -> GuidanceStep | None:
        if self.data is None:
            return None
        row = self.query_one("#guidance", FillTable).cursor_row
        steps = self.data.history.steps
        return steps[row] if 0 <= row < len(steps) else None

    def on_data_table_row_selected(self, _event: FillTable.RowSelected) -> None:
        from tui.screens.claim_detail import ClaimDetailScreen

        step = self._step()
        if step is not None and step.claim_id is not None:
            self.app.push_screen(ClaimDetailScreen(step.claim_id))

    # --- the pickers -----------------------------------------------------------------------------------

    @on(Select.Changed, "#guidance-metric")
    def _metric_changed(self, event: Select.Changed) -> None:
        if self.data is None or event.value is Select.NULL:
            return
        wanted = [s for s in self.data.subjects if s.name == event.value]
        if not wanted:
            return
        same_period = [s for s in wanted if s.period_label == self.data.subject.period_label]
        self._switch((same_period or wanted)[-1 if not same_period else 0])

    @on(Select.Changed, "#guidance-period")
    def _period_changed(self, event: Select.Changed) -> None:
        if self.data is None or event.value is Select.NULL:
            return
        name = self.data.subject.name
        chosen = next((s for s in self.data.subjects if s.name == name and s.period_label == event.value), None)
        if chosen is not None:
            self._switch(chosen)

    def _switch(self, subject: Subject) -> None:
        if self.data is not None and subject == self.data.subject:
            return
        self.subject, self.claim_id = subject, None
        self.reload()

    def action_focus_metric(self) -> None:
        self.query_one("#guidance-metric", Select).focus()

    def action_focus_period(self) -> None:
        self.query_one("#guidance-period", Select).focus()

    def action_back(self) -> None:
        table = self.query_one("#guidance", FillTable)
        if self.focused is not table:
            table.focus()
        else:
            self.app.pop_screen()

