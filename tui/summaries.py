"""Per-company readings for the companies screen, from `db.queries.VerdictCount` rows (claims counted per
period and effective verdict in SQL): verdict counts and verdicts per period."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from db.review import by_period_end


def verdict_counts(counts: Iterable[Any]) -> dict[str, int]:
    out: Counter[str] = Counter()
    for c in counts:
        if c.verdict:
            out[c.verdict] += c.count
    return dict(out)


def by_period(counts: Iterable[Any], ends: Mapping[str, date | None] | None = None,
              limit: int = 8) -> list[tuple[str, dict[str, int]]]:
    """(period label, verdict counts) for the latest `limit` periods by period end (`ends`), oldest first."""
    groups: dict[str, Counter] = defaultdict(Counter)
    for c in counts:
        if c.period_label and c.verdict:
            groups[c.period_label][c.verdict] += c.count
    labels = by_period_end(groups, ends or {})[-limit:]
    return [(label, dict(groups[label])) for label in labels]
