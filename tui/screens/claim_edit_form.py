"""Correct a claim as extracted (`c` on the claim detail): the same correction `fls claim edit` makes.

The extractor read "revenue of $220 to $240 million for the third quarter" as a Q2 claim: the analyst types
2025-Q3 into Period and a reason, and only that field changes. Each field starts empty with the claim's value
as its placeholder; an empty field is left as it is, "none" clears a scope or a basis. The correction goes
through db.corrections.edit_claim (audited, the original kept, replayed after a re-ingest), then the company is
scored again on the app's as-of date so the claim shows the verdict its corrected values give.
"""
from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from db.corrections import FIELDS, corrections_of, edit_claim
from db.scoring import score_all
from tui.claim_ref import ClaimRef
from tui.screens.form import ClaimForm, Field

LABELS = {
    "metric": "Metric (revenue, gross margin, or your own words)",
    "scope": "Scope (segment or product line; none: company-wide)",
    "period": "Period (2025-Q3, FY2026-Q1, 2025-H2, 2025-FY)",
    "deadline": "Deadline (YYYY-MM-DD; default: the period's end)",
    "low": "Low (220M, $1.1B, 31, -2.0B for a loss)",
    "high": "High (the same as low for one figure)",
    "unit": "Unit (USD, %, EH/s, units ...)",
    "basis": "Basis (gaap, non_gaap, adjusted; none: not stated)",
}


class ClaimEditForm(ClaimForm):
    TITLE_TEXT = "Correct the claim"
    OK_LABEL = "Correct"

    def __init__(self, claim: ClaimRef, current: Mapping[str, str]) -> None:
        """`current`: the claim's values as text, by field (shown as placeholders)."""
        super().__init__(claim)
        self.current = dict(current)

    def intro(self) -> str:
        return f"{self.claim.summary}\nFill in only what is wrong; empty fields stay as they are."

    def fields(self) -> list[Field]:
        return [*(Field(name, LABELS[name], placeholder=self.current.get(name) or "—") for name in FIELDS),
                Field("reason", "Reason (required; kept in the audit log)")]

    def apply(self, session: Session, v: dict[str, str]) -> str:
        values = {name: (v[name] or None) for name in FIELDS}
        edit_claim(session, self.claim.id, values, v["reason"], author=self.app.author)
        score_all(session, self.app.as_of, ticker=self.claim.ticker)
        return f"Claim {self.claim.id} corrected: {corrections_of(session, [self.claim.id])[self.claim.id].text}"
