"""How a verdict looks on screen: a symbol (readable without colour) plus a colour."""
from __future__ import annotations

from rich.text import Text

from tracker.model import Verdict

SYMBOLS: dict[str, str] = {
    Verdict.MET: "✓",
    Verdict.BEAT: "▲",
    Verdict.MISSED: "✗",
    Verdict.LATE: "⏱",
    Verdict.WITHDRAWN: "⊘",
    Verdict.PENDING: "…",
    Verdict.AWAITING: "⌛",
    Verdict.UNVERIFIABLE: "?",
    Verdict.DISMISSED: "–",
}

# Plain ANSI colour names: the terminal maps them to something legible on light and dark backgrounds alike.
STYLES: dict[str, str] = {
    Verdict.MET: "green",
    Verdict.BEAT: "bold green",
    Verdict.MISSED: "bold red",
    Verdict.LATE: "yellow",
    Verdict.WITHDRAWN: "magenta",
    Verdict.PENDING: "",
    Verdict.AWAITING: "cyan",
    Verdict.UNVERIFIABLE: "dim",
    Verdict.DISMISSED: "dim strike",
}

UNSCORED = "unscored"


def verdict_label(verdict: str | None, overridden: bool = False) -> str:
    """"✓ met", "✗ missed*" (the star marks a user's override); "· unscored" before any scoring."""
    if not verdict:
        return f"· {UNSCORED}"
    return f"{SYMBOLS.get(verdict, '·')} {verdict}" + ("*" if overridden else "")


def verdict_text(verdict: str | None, overridden: bool = False) -> Text:
    return Text(verdict_label(verdict, overridden), style=STYLES.get(verdict or "", ""))


def verdict_bar(counts: dict[str, int]) -> Text:
    """One symbol per claim, grouped by verdict in the enum's order: "✓✓▲✗…" — a bar that reads without colour."""
    bar = Text()
    for verdict in Verdict:
        n = counts.get(verdict.value, 0)
        if n:
            bar.append(SYMBOLS[verdict] * n, style=STYLES[verdict])
    return bar
