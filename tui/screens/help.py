"""The help screen (`?`): every key and what it does."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.verdicts import SYMBOLS

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Everywhere", (
        ("q", "quit"), ("?", "this help"), ("ctrl+p", "command palette: every action by name"),
        ("i", "ingest a transcript file"), ("u", "import an actuals CSV"), ("r", "re-score as of a date"),
        ("ctrl+t", "toggle light / dark theme"), ("escape", "back"),
    )),
    ("Companies", (
        ("enter", "claims of the company"), ("c", "claims of every company"), ("s", "scorecard"),
        ("v", "review mode for the company"), ("h", "credibility over time (per call, per speaker)"),
    )),
    ("Claims", (
        ("enter", "claim detail"), ("/", "search as you type (the words found are marked)"), ("f", "filters"),
        ("due ±days", "30: due in the next 30 days; -30: fell due in the last 30 days"),
        ("b / l", "save the filter under a name / apply or delete a saved one (kept in FLS_CONFIG_DIR)"),
        ("V D M P A S W H Q", "sort by verdict, deadline, metric, promised, actual, surprise, who, hedge, "
                              "quote (again: reverse; empty cells stay last)"),
        ("K", "sort by company (listing every company)"),
        ("a", "add an actual"), ("o", "override the verdict"), ("x", "dismiss / restore"), ("n", "add a note"),
        ("t", "open the transcript at the claim"), ("g", "guidance history of the claim's metric and period"),
    )),
    ("Claim detail", (
        ("c", "correct the claim (metric, scope, period, deadline, figures, unit, basis): audited, the original "
              "kept"),
        ("a o x n t", "add an actual, override, dismiss / restore, note, transcript"),
    )),
    ("Transcript", (
        ("n / p", "next / previous claim"), ("enter", "detail of the current claim"),
        ("l", "show / hide translation lines"),
    )),
    ("Scorecard", (("enter", "claim detail"), ("e", "export as Markdown, CSV, JSON or HTML"),
                   ("h", "credibility over time"))),
    ("Guidance history", (("m / p", "pick the metric / the period"), ("enter", "the claim of the row"))),
    ("Review", (
        ("m", "mark reviewed and go to the next claim (again: take the mark back)"),
        ("o n x a t g", "override, note, dismiss, add an actual, transcript, guidance history"), ("p", "pick the period"),
        ("e", "export the period's scorecard"), ("enter", "the claim in full"),
    )),
)


def help_text() -> str:
    lines: list[str] = []
    for section, keys in KEYS:
        lines.append(section)
        lines.extend(f"  {key:<18} {what}" for key, what in keys)
        lines.append("")
    lines.append("Verdicts")
    lines.extend(f"  {symbol}  {verdict}" for verdict, symbol in SYMBOLS.items())
    lines.append("  *  set by hand (override)")
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Label("fls — keys", id="help-title")
            yield Static(help_text(), markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
