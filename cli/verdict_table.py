"""The verdict table `fls score` and `fls demo` print: one row per claim scored on a date."""
from __future__ import annotations

from collections.abc import Sequence

from cli.tables import render_table, terminal_width
from db.queries import VerdictRow
from tracker.display import format_amount, format_promise

HEAD = ("id", "deadline", "metric / scope", "promise", "actual", "verdict", "explanation")


def subject(metric: str, scope: str | None) -> str:
    return metric + (f" / {scope}" if scope else "")


def verdict_table(rows: Sequence[VerdictRow]) -> str:
    """Overridden verdicts carry a "*", and their explanation says "overridden: met (reason); computed ..."."""
    fixed = (5, 10, 24, 18, 12, 12)
    rest = max(30, terminal_width() - sum(fixed) - 2 * len(fixed))
    body = [(r.claim_id, r.deadline or "-", subject(r.metric, r.scope),
             format_promise(r.low, r.high, r.unit, r.comparator),
             format_amount(r.actual_value, r.actual_unit) if r.actual_value is not None else "-",
             r.verdict + ("*" if r.overridden else ""), r.shown_explanation) for r in rows]
    text = render_table(HEAD, body, (*fixed, rest))
    if any(r.overridden for r in rows):
        text += "* set by a user (fls override); the explanation says why, then what was computed\n"
    return text
