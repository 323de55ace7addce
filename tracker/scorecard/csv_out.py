"""Scorecard as CSV: one row per claim, stable columns, safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import io
import re

from tracker.scorecard.model import (Scorecard, ScorecardRow, correction_text, history_text, marks_text,
                                     override_text, promise, revision_lines, source_text)

COLUMNS = (
    "ticker", "company", "as_of", "n", "kind", "metric", "scope", "period", "deadline", "comparator", "low", "high",
    "unit", "promise", "speaker", "role", "hedge", "verdict", "computed_verdict", "explanation", "actual_value",
    "actual_unit", "actual_period", "surprise_pct", "attainment", "days_late", "latest_verdict",
    "latest_explanation", "override", "document", "call_date", "start", "end", "quote", "revisions", "notes",
    "basis", "measure", "claim_id", "marks", "actual_source", "actual_reported_on", "correction", "history",
)
# new columns go last: a spreadsheet reading the old ones by position keeps working
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def neutralise(cell: str) -> str:
    """Stop spreadsheets from reading a cell as a formula ("=HYPERLINK(...)"). Plain numbers such as -16.5
    are left alone: they cannot run anything and must stay numbers."""
    if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _num(value: float | int | None, digits: int = 6) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{round(float(value), digits)}"


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _row(card: Scorecard, n: int, r: ScorecardRow) -> list[str]:
    c, res, a = r.claim, r.result, r.result.actual
    return [
        card.ticker, card.company, str(card.as_of), str(n), str(c.kind), c.metric, _text(c.scope),
        c.period.label if c.period else "", _text(c.deadline), _text(c.comparator), _num(c.low), _num(c.high),
        _text(c.unit), promise(c), c.speaker, str(c.role), str(c.hedge), r.verdict, str(res.verdict),
        r.shown.explanation, _num(a.value) if a else "", _text(a.unit) if a else "", a.period.label if a else "",
        _num(res.surprise_pct, 2), _num(res.attainment, 4), _num(res.days_late),
        str(r.latest.verdict) if r.latest else "", r.latest.explanation if r.latest else "", override_text(r),
        r.document, _text(r.call_date), _num(r.start), _num(r.end), c.quote, "; ".join(revision_lines(r)),
        "; ".join(r.notes), _text(c.basis), _text(c.measure), _num(r.claim_id), marks_text(r),
        source_text(a), _text(a.reported_on) if a else "", correction_text(r), history_text(r) if r.revisions else "",
    ]


def render_csv(card: Scorecard) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for n, r in enumerate(card.rows, 1):
        writer.writerow([neutralise(cell) for cell in _row(card, n, r)])
    return buf.getvalue()
