"""How a verdict looks on screen: a symbol (readable without colour) plus a colour from the theme's palette.

Colours are given as hex per theme rather than as ANSI names: a terminal's (or Textual's) ANSI palette may
map "red" and "magenta" to nearly the same colour on a dark background, so that "missed" and "withdrawn"
could not be told apart. Each palette gives every verdict its own colour, dark enough to read on white or
light enough to read on black.
"""
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

_DARK: dict[str, str] = {
    Verdict.MET: "#5fd068",
    Verdict.BEAT: "bold #4fb3ff",
    Verdict.MISSED: "bold #ff5f56",
    Verdict.LATE: "#f5b83d",
    Verdict.WITHDRAWN: "#d787ff",
    Verdict.PENDING: "#e4e4e4",
    Verdict.AWAITING: "#3fd7c8",
    Verdict.UNVERIFIABLE: "#9e9e9e",
    Verdict.DISMISSED: "#6c6c6c strike",
}

_LIGHT: dict[str, str] = {
    Verdict.MET: "#1e7b34",
    Verdict.BEAT: "bold #0b5cad",
    Verdict.MISSED: "bold #c62828",
    Verdict.LATE: "#9a5800",
    Verdict.WITHDRAWN: "#7b2fa8",
    Verdict.PENDING: "#303030",
    Verdict.AWAITING: "#00796b",
    Verdict.UNVERIFIABLE: "#6e6e6e",
    Verdict.DISMISSED: "#a8a8a8 strike",
}

UNSCORED = "unscored"
BAR_WIDTH = 20        # cells of the companies screen's verdict bar, whatever the number of claims


def styles(dark: bool = True) -> dict[str, str]:
    """The verdict → Rich style map of the dark or the light theme."""
    return _DARK if dark else _LIGHT


def verdict_style(verdict: str | None, dark: bool = True) -> str:
    return styles(dark).get(verdict or "", "")


def verdict_label(verdict: str | None, overridden: bool = False) -> str:
    """"✓ met", "✗ missed*" (the star marks a user's override); "· unscored" before any scoring."""
    if not verdict:
        return f"· {UNSCORED}"
    return f"{SYMBOLS.get(verdict, '·')} {verdict}" + ("*" if overridden else "")


def verdict_text(verdict: str | None, overridden: bool = False, dark: bool = True) -> Text:
    return Text(verdict_label(verdict, overridden), style=verdict_style(verdict, dark))


def shares(counts: dict[str, int], width: int = BAR_WIDTH) -> list[tuple[str, int]]:
    """(verdict, cells) in the enum's order, proportional to the counts and `width` cells in all (largest
    remainder), each verdict present getting at least one cell: 997 met and 3 missed still show a ✗."""
    present = [(v.value, counts.get(v.value, 0)) for v in Verdict if counts.get(v.value, 0) > 0]
    total = sum(n for _, n in present)
    if not present:
        return []
    if total <= width:
        return present                       # few claims: one cell each, as many cells as claims
    width = max(width, len(present))
    exact = [(v, n * (width - len(present)) / total) for v, n in present]
    cells = {v: 1 + int(x) for v, x in exact}
    left = width - sum(cells.values())
    for v, x in sorted(exact, key=lambda t: t[1] - int(t[1]), reverse=True)[:left]:
        cells[v] += 1
    return [(v, cells[v]) for v, _ in present]


def verdict_bar(counts: dict[str, int], width: int = BAR_WIDTH, dark: bool = True) -> Text:
    """At most `width` symbols, grouped by verdict in the enum's order and proportional to the counts:
    "✓✓▲✗…" — a bar that reads without colour and never grows with the number of claims."""
    bar = Text()
    palette = styles(dark)
    for verdict, n in shares(counts, width):
        bar.append(SYMBOLS[verdict] * n, style=palette[verdict])
    return bar
