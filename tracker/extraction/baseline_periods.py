"""A move stated against the year just ended is a promise about the year after it.

"Capital expenditure growth will moderate compared to fiscal 2025" said early in fiscal 2026 names only the
baseline year; the promise is about fiscal 2026, the year that follows it. A sentence with a future period of
its own never needs this, and only a full year named as the baseline of a comparison (patterns.toml
move_baseline: "compared to", "versus", "than in" ...; not "from": "we will cycle strong margins from the prior
year" is no promise) lends the year after it, and only when that year began before the call and is not over.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from tracker.fiscal import period_from_label
from tracker.model import FiscalCalendar, Period
from tracker.vocab.patterns import pattern
from tracker.extraction.sentence_facts import SentenceFacts, is_future


def _year_after(label: str) -> str | None:
    """"FY2025-FY" -> "FY2026-FY", "2025-FY" -> "2026-FY"; None for any other period."""
    if not label.endswith("-FY"):
        return None
    fy = label.startswith("FY")
    year = label[2:6] if fy else label[:4]
    if not year.isdigit():
        return None
    return f"{'FY' if fy else ''}{int(year) + 1}-FY"


def after_baseline(facts: SentenceFacts, call_date: date, cal: FiscalCalendar) -> Period | None:
    """The year after the full year a sentence compares with, when the sentence names no future period."""
    dated = [p for p in facts.periods if p.period is not None]
    if not dated or any(is_future(p.period, call_date) for p in dated):
        return None
    for p in dated:
        if not pattern("move_baseline").search(facts.text[max(0, p.start - 40):p.start]):
            continue
        label = _year_after(p.period.label)
        if label is None:
            continue
        nxt = period_from_label(label, cal)
        if is_future(nxt, call_date) and nxt.start is not None and nxt.start <= call_date:
            return replace(nxt, phrase=p.phrase)
    return None
