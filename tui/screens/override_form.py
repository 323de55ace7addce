"""Override a claim's verdict by hand; a reason is required (it goes into the audit log)."""
from __future__ import annotations

from sqlalchemy.orm import Session

from db.edits import override_verdict
from tracker.model import Verdict
from tui.screens.form import ClaimForm, Field


class OverrideForm(ClaimForm):
    TITLE_TEXT = "Override verdict"
    OK_LABEL = "Override"

    def fields(self) -> list[Field]:
        """The current verdict is preselected; "dismissed" is not offered (dismissing is its own action, x)."""
        choices = tuple(v.value for v in Verdict if v is not Verdict.DISMISSED)
        current = self.claim.verdict if self.claim.verdict in choices else ""
        return [Field("verdict", "Verdict", value=current or "", choices=choices),
                Field("reason", "Reason (required)")]

    def apply(self, session: Session, v: dict[str, str]) -> str:
        row = override_verdict(session, self.claim.id, v["verdict"], v["reason"], author=self.app.author)
        return f"Claim {self.claim.id} set to {row.verdict}"
