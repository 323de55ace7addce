"""Text charts drawn at whatever width they are given (a table cell, a panel): Rich renderables, no widgets.

`RangeBar` puts one guided range on an axis shared by every row of a table, with the reported figure as a
mark in each row, so the rows read side by side: "revenue of $80-90M" in February, "$92-96M" in March and the
$95.1M reported line up on one scale. `Band` draws a hit rate with its 95% Wilson interval on 0-100%.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

EMPTY = "·"
RANGE = "━"
POINT = "●"
MARK = "┃"         # the reported figure, in every row
BOTH = "╋"         # the reported figure inside the guided range
REPORTED = "◆"     # the reported figure's own row


@dataclass(frozen=True)
class Axis:
    low: float
    high: float

    def cell(self, value: float, width: int) -> int:
        """The cell (0..width-1) a value falls in."""
        if width <= 1 or self.high <= self.low:
            return max(0, width // 2)
        share = (value - self.low) / (self.high - self.low)
        return min(width - 1, max(0, round(share * (width - 1))))


def axis_of(values: Iterable[float | None], pad: float = 0.08) -> Axis | None:
    """An axis around every value given (None ignored), with a margin on both sides; None without values."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    low, high = min(known), max(known)
    margin = (high - low) * pad or abs(high) * pad or 1.0
    return Axis(low - margin, high + margin)


def range_cells(low: float | None, high: float | None, mark: float | None, axis: Axis | None,
                width: int) -> str:
    """The bar as plain characters: "··━━━━··┃··" (a point guide is "●"; the reported figure's own row has only
    its "◆"). Blank when there is no axis."""
    if axis is None or width <= 0:
        return " " * max(width, 0)
    cells = [EMPTY] * width
    if low is not None or high is not None:
        a = axis.cell(low if low is not None else high, width)   # type: ignore[arg-type]
        b = axis.cell(high if high is not None else low, width)  # type: ignore[arg-type]
        a, b = min(a, b), max(a, b)
        for i in range(a, b + 1):
            cells[i] = RANGE if b > a else POINT
        if mark is not None:
            m = axis.cell(mark, width)
            cells[m] = BOTH if a <= m <= b else MARK
    elif mark is not None:
        cells[axis.cell(mark, width)] = REPORTED
    return "".join(cells)


class RangeBar:
    """A table cell that draws `range_cells` at the column's width."""

    def __init__(self, low: float | None, high: float | None, mark: float | None, axis: Axis | None,
                 style: str = "", mark_style: str = "bold") -> None:
        self.low, self.high, self.mark, self.axis = low, high, mark, axis
        self.style, self.mark_style = style, mark_style

    def text(self, width: int) -> Text:
        chars = range_cells(self.low, self.high, self.mark, self.axis, width)
        out = Text(no_wrap=True, end="")
        for ch in chars:
            style = {EMPTY: "dim", RANGE: self.style, POINT: self.style}.get(ch, self.mark_style)
            out.append(ch, style=style)
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(8, options.max_width)


def band_cells(rate: float | None, low: float | None, high: float | None, width: int) -> str:
    """A hit rate on 0-100%: "····[━━━●━━]······" (the Wilson interval in brackets, the rate as "●");
    blank dots when nothing was scored."""
    if width <= 0:
        return ""
    cells = [EMPTY] * width
    if rate is None or low is None or high is None:
        return "".join(cells)
    axis = Axis(0.0, 1.0)
    a, b, r = axis.cell(low, width), axis.cell(high, width), axis.cell(rate, width)
    for i in range(a, b + 1):
        cells[i] = RANGE
    if b - a >= 2:
        cells[a], cells[b] = "[", "]"
    cells[r] = POINT
    return "".join(cells)


class Band:
    """A table cell or panel line that draws `band_cells` at the width it is given."""

    def __init__(self, rate: float | None, low: float | None, high: float | None, style: str = "",
                 faint: bool = False) -> None:
        self.rate, self.low, self.high, self.style, self.faint = rate, low, high, style, faint

    def text(self, width: int) -> Text:
        out = Text(no_wrap=True, end="")
        for ch in band_cells(self.rate, self.low, self.high, width):
            style = "dim" if ch == EMPTY else ("bold " if ch == POINT else "") + self.style
            out.append(ch, style=f"{style} dim" if self.faint and ch != EMPTY else style)
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(8, options.max_width)


SPARKS = "▁▂▃▄▅▆▇█"   # 0% .. 100%
UNSCORED = "·"        # a call none of whose claims could be scored yet


def sparkline(calls: Iterable[tuple[float | None, bool]]) -> Text:
    """One cell per call, oldest first, from (hit rate, enough scored claims to judge): the rate as a block's
    height, "▁" for 0% up to "█" for 100%. A February call that kept one promise of two and a March call that
    kept three of three read "▅█", both dim because two or three claims are too few to judge; a call with no
    scored claim is a dim "·", so the cells still count the calls."""
    out = Text(no_wrap=True, end="")
    for rate, enough in calls:
        if rate is None:
            out.append(UNSCORED, style="dim")
        else:
            cell = SPARKS[min(len(SPARKS) - 1, max(0, round(rate * (len(SPARKS) - 1))))]
            out.append(cell, style="" if enough else "dim")
    return out
