"""Add a reported figure (an actual) for a claim's metric and period, then re-score the company."""
from __future__ import annotations

from sqlalchemy.orm import Session

from db.edits import added_actual
from db.scoring import score_all
from tracker.display import format_amount
from tui.screens.form import ClaimForm, Field


class ActualForm(ClaimForm):
    TITLE_TEXT = "Add an actual"
    OK_LABEL = "Add"

    def fields(self) -> list[Field]:
        c = self.claim
        return [
            Field("value", "Value (e.g. 82.8M, $1.1B, 41.5)", placeholder="82.8M"),
            Field("unit", "Unit", c.unit or ""),
            Field("metric", "Metric", c.metric),
            Field("scope", "Scope (empty: company-wide)", c.scope or ""),
            Field("period", "Period label or as-of date", c.period_label or "", placeholder="2025-Q1"),
            Field("reported_on", "Reported on (YYYY-MM-DD, optional)"),
            Field("source", "Source (optional)"),
        ]

    def apply(self, session: Session, v: dict[str, str]) -> str:
        row, new = added_actual(session, self.claim.ticker, v["metric"], v["scope"] or None, v["period"],
                                v["value"], v["unit"] or None, v["reported_on"] or None, source=v["source"],
                                author=self.app.author)
        score_all(session, self.app.as_of, ticker=self.claim.ticker)
        said = "Added actual" if new else "Already stored: actual"
        return f"{said} {row.metric} {row.period_label} = {format_amount(row.value, row.unit)}"
