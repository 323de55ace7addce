"""The claims list as plain data: filtering, sorting and the cells of each row (no widgets here).

Rows are `db.queries.ClaimRow` objects; only their attributes are read, so tests can use any look-alike.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from rich.text import Text

from tracker.display import format_amount, format_promise
from tracker.model import Verdict
from tui.fitted_columns import FittedColumn
from tui.verdicts import verdict_text

QUOTE_WIDTH = 48


@dataclass(frozen=True)
class Column:
    key: str            # DataTable column key and the sort name
    label: str
    sort_key: str       # the key (pressed on the claims screen) that sorts by this column
    width: int | None   # natural width; None: the flex column, which takes the width the others leave
    min_width: int = 0  # what it may shrink to on a narrow terminal (0: its natural width)

    @property
    def fitted(self) -> FittedColumn:
        return FittedColumn(self.key, self.label, self.width or 0, self.min_width or None)


# On a narrow terminal a verdict may shrink to its symbol ("✗ "), which still reads without colour.
TICKER = Column("ticker", "Ticker", "K", 6, 4)
COLUMNS: tuple[Column, ...] = (
    Column("verdict", "Verdict", "V", 14, 3),
    Column("deadline", "Deadline", "D", 10),
    Column("subject", "Metric/scope", "M", 22, 10),
    Column("promised", "Promised", "P", 18, 9),
    Column("actual", "Actual", "A", 10, 6),
    Column("surprise", "Surp.", "S", 7, 5),
    Column("speaker", "Speaker", "W", 16, 6),
    Column("hedge", "Hedge", "H", 9, 3),
    Column("quote", "Quote", "Q", None),     # None: takes the width the others leave (FillTable's flex)
)

# On a narrow terminal the columns give up width in this order (the least needed first).
SHRINK_ORDER = ["hedge", "speaker", "surprise", "subject", "promised", "actual", "ticker", "verdict"]


def columns(across_companies: bool) -> tuple[Column, ...]:
    """The claims list's columns: a ticker column first when it lists every company."""
    return (TICKER, *COLUMNS) if across_companies else COLUMNS


@dataclass(frozen=True)
class ClaimFilter:
    search: str = ""
    verdict: str | None = None
    metric: str | None = None
    period: str | None = None
    speaker: str | None = None
    ticker: str | None = None
    due_days: int | None = None     # due within this many days after the as-of date; negative: before it


def subject(row: Any) -> str:
    text = row.metric.replace("_", " ")
    return f"{text} ({row.scope})" if row.scope else text


def promised(row: Any) -> str:
    return format_promise(row.low, row.high, row.unit, row.comparator)


def actual(row: Any) -> str:
    return "—" if row.actual_value is None else format_amount(row.actual_value, row.actual_unit or row.unit)


def surprise(row: Any) -> str:
    return "—" if row.surprise_pct is None else f"{row.surprise_pct:+.1f}%"


def short(text: str, width: int = QUOTE_WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def plain(text: str) -> Text:
    """A plain cell, as DataTable would make it from a string but without parsing markup: a quote with
    brackets shows as typed, and thousands of rows are measured faster."""
    return Text(text, no_wrap=True, end="")


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def cells(row: Any, across_companies: bool = False, dark: bool = True) -> tuple[Text, ...]:
    """The row's cells; the quote whole (the table cuts it at the column's width, which follows the terminal)."""
    out = (verdict_text(row.verdict, row.overridden, dark), *map(plain, (
        str(row.deadline or "—"), subject(row), promised(row), actual(row), surprise(row), row.speaker or "—",
        row.hedge or "", one_line(row.quote))))
    return (plain(row.ticker), *out) if across_companies else out


def in_due_window(deadline: date | None, days: int, as_of: date) -> bool:
    """Due between the as-of date and `days` after it ("30": due in the next 30 days) or, for a negative
    number, before it ("-30": due in the last 30 days, what a review of the quarter just ended looks at)."""
    if deadline is None:
        return False
    low, high = sorted((as_of, as_of + timedelta(days=days)))
    return low <= deadline <= high


def search_words(search: str) -> list[str]:
    return search.casefold().split()


MARK_STYLE = "reverse"
MARKED = frozenset({"ticker", "subject", "speaker", "hedge", "quote"})     # the columns a search reads


def marked(cells: tuple[Text, ...], keys: tuple[str, ...], words: list[str]) -> tuple[Text, ...]:
    """The cells with every search word marked where the search found it: searching "wafer" marks "wafer" in
    "We expect wafer shipments to double", so the reason a row is listed is visible. New Text objects: the
    unmarked cells (kept for the next search) are not changed."""
    if not words:
        return cells
    out = []
    for key, cell in zip(keys, cells):
        if key in MARKED:
            cell = cell.copy()
            cell.highlight_words(words, MARK_STYLE, case_sensitive=False)
        out.append(cell)
    return tuple(out)


def _haystack(row: Any) -> str:
    return " ".join(str(x) for x in (row.ticker, row.metric, row.scope or "", row.speaker or "", row.quote or "",
                                     row.period_label or "", row.verdict or "", row.hedge or "")).casefold()


def matches(row: Any, f: ClaimFilter, as_of: date) -> bool:
    if f.verdict and (row.verdict or "") != f.verdict:
        return False
    if f.metric and row.metric != f.metric:
        return False
    if f.period and (row.period_label or "") != f.period:
        return False
    if f.speaker and (row.speaker or "") != f.speaker:
        return False
    if f.ticker and row.ticker != f.ticker:
        return False
    if f.due_days is not None and not in_due_window(row.deadline, f.due_days, as_of):
        return False
    words = search_words(f.search)
    if words:
        hay = _haystack(row)
        return all(w in hay for w in words)
    return True


# Best to worst, then still open, then out of the count: "verdicts in a meaningful order".
VERDICT_ORDER: dict[str, int] = {v.value: i for i, v in enumerate((
    Verdict.BEAT, Verdict.MET, Verdict.LATE, Verdict.MISSED, Verdict.WITHDRAWN, Verdict.AWAITING,
    Verdict.PENDING, Verdict.UNVERIFIABLE, Verdict.DISMISSED))}


def _text(value: str | None) -> str | None:
    return value.casefold() if value else None


# Each key gives None for an empty cell: empties go last whichever way the column is sorted.
SORT_KEYS: dict[str, Callable[[Any], Any]] = {
    "ticker": lambda r: r.ticker,
    "verdict": lambda r: VERDICT_ORDER.get(r.verdict, len(VERDICT_ORDER)) if r.verdict else None,
    "deadline": lambda r: r.deadline,
    "subject": lambda r: subject(r).casefold(),
    "promised": lambda r: r.low if r.low is not None else r.high,
    "actual": lambda r: r.actual_value,
    "surprise": lambda r: r.surprise_pct,
    "speaker": lambda r: _text(r.speaker),
    "hedge": lambda r: _text(r.hedge),
    "quote": lambda r: _text(one_line(r.quote)),
}


def sort_rows(rows: list[Any], column: str, reverse: bool = False) -> list[Any]:
    """Sorted by one column, stable (ties keep their order), rows with nothing in that column last in
    either direction: "—" deadlines are never the first thing a reversed sort shows."""
    key = SORT_KEYS[column]
    keyed = [(key(r), r) for r in rows]
    full = [t for t in keyed if t[0] is not None]
    full.sort(key=lambda t: t[0], reverse=reverse)
    return [r for _, r in full] + [r for k, r in keyed if k is None]


def visible(rows: Iterable[Any], f: ClaimFilter, as_of: date, sort: str | None = None,
            reverse: bool = False) -> list[Any]:
    out = [r for r in rows if matches(r, f, as_of)]
    return sort_rows(out, sort, reverse) if sort else out


def periods_by_end(rows: Iterable[Any]) -> list[str]:
    """Period labels in the order of their period end (the earliest deadline of each label), undated last:
    "FY2025-Q4" (ends Jan 2026) after "2025-Q3", where sorting the text would put it first."""
    ends: dict[str, date | None] = {}
    for r in rows:
        if r.period_label:
            known = ends.get(r.period_label)
            if r.period_label not in ends or (r.deadline is not None and (known is None or r.deadline < known)):
                ends[r.period_label] = r.deadline
    return sorted(ends, key=lambda label: (ends[label] is None, ends[label] or date.min, label))


def choices(rows: Iterable[Any], attr: str) -> list[str]:
    return sorted({str(getattr(r, attr)) for r in rows if getattr(r, attr)})
