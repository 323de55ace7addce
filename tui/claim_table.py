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
from tui.verdicts import verdict_text

QUOTE_WIDTH = 48


@dataclass(frozen=True)
class Column:
    key: str            # DataTable column key and the sort name
    label: str
    sort_key: str       # the key (pressed on the claims screen) that sorts by this column
    width: int | None


COLUMNS: tuple[Column, ...] = (
    Column("verdict", "Verdict", "V", 14),
    Column("deadline", "Deadline", "D", 10),
    Column("subject", "Metric/scope", "M", 20),
    Column("promised", "Promised", "P", 14),
    Column("actual", "Actual", "A", 9),
    Column("surprise", "Surp.", "S", 7),
    Column("speaker", "Speaker", "W", 14),
    Column("hedge", "Hedge", "H", 8),
    Column("quote", "Quote", "Q", None),
)


@dataclass(frozen=True)
class ClaimFilter:
    search: str = ""
    verdict: str | None = None
    metric: str | None = None
    period: str | None = None
    speaker: str | None = None
    due_days: int | None = None     # only claims due within this many days of the as-of date


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


def cells(row: Any) -> tuple[Text, ...]:
    return (verdict_text(row.verdict, row.overridden), *map(plain, (
        str(row.deadline or "—"), subject(row), promised(row), actual(row), surprise(row), row.speaker or "—",
        row.hedge or "", short(row.quote))))


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
    if f.due_days is not None:
        if row.deadline is None or not as_of <= row.deadline <= as_of + timedelta(days=f.due_days):
            return False
    words = f.search.casefold().split()
    if words:
        hay = _haystack(row)
        return all(w in hay for w in words)
    return True


_NONE_LAST = (1,)   # sorts after any (0, value)


def _k(value: Any) -> tuple:
    return _NONE_LAST if value is None else (0, value)


SORT_KEYS: dict[str, Callable[[Any], Any]] = {
    "verdict": lambda r: _k(r.verdict),
    "deadline": lambda r: _k(r.deadline),
    "subject": lambda r: subject(r).casefold(),
    "promised": lambda r: _k(r.low if r.low is not None else r.high),
    "actual": lambda r: _k(r.actual_value),
    "surprise": lambda r: _k(r.surprise_pct),
    "speaker": lambda r: (r.speaker or "").casefold(),
    "hedge": lambda r: r.hedge or "",
    "quote": lambda r: (r.quote or "").casefold(),
}


def visible(rows: Iterable[Any], f: ClaimFilter, as_of: date, sort: str | None = None,
            reverse: bool = False) -> list[Any]:
    out = [r for r in rows if matches(r, f, as_of)]
    if sort:
        out.sort(key=SORT_KEYS[sort], reverse=reverse)
    return out


def choices(rows: Iterable[Any], attr: str) -> list[str]:
    return sorted({str(getattr(r, attr)) for r in rows if getattr(r, attr)})
