"""Per-company readings for the companies screen: verdicts per period and the next deadlines."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any


def verdict_counts(rows: Iterable[Any]) -> dict[str, int]:
    return dict(Counter(r.verdict for r in rows if r.verdict))


def by_period(rows: Iterable[Any], limit: int = 8) -> list[tuple[str, dict[str, int]]]:
    """(period label, verdict counts) for the latest `limit` periods, oldest first."""
    groups: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r.period_label and r.verdict:
            groups[r.period_label][r.verdict] += 1
    labels = sorted(groups)[-limit:]
    return [(label, dict(groups[label])) for label in labels]


def next_deadlines(rows: Iterable[Any], as_of: date, n: int = 3) -> list[Any]:
    """The `n` claims due soonest on or after `as_of`."""
    due = [r for r in rows if r.deadline is not None and r.deadline >= as_of and r.verdict != "dismissed"]
    return sorted(due, key=lambda r: (r.deadline, r.id))[:n]
