"""Dismiss a false claim (kept, not scored) or restore a dismissed one."""
from __future__ import annotations

from sqlalchemy.orm import Session

from db.edits import dismiss_claim, restore_claim
from tui.claim_ref import ClaimRef
from tui.screens.form import ClaimForm, Field, FormScreen


class DismissForm(ClaimForm):
    TITLE_TEXT = "Dismiss claim"
    OK_LABEL = "Dismiss"

    def fields(self) -> list[Field]:
        return [Field("reason", "Why is this not a real claim? (required)")]

    def apply(self, session: Session, v: dict[str, str]) -> str:
        dismiss_claim(session, self.claim.id, v["reason"], author=self.app.author)
        return f"Claim {self.claim.id} dismissed (restore with x)"


class RestoreForm(ClaimForm):
    TITLE_TEXT = "Restore dismissed claim"
    OK_LABEL = "Restore"

    def apply(self, session: Session, v: dict[str, str]) -> str:
        restore_claim(session, self.claim.id, author=self.app.author)
        return f"Claim {self.claim.id} restored"


def dismiss_or_restore(claim: ClaimRef) -> FormScreen:
    return RestoreForm(claim) if claim.dismissed else DismissForm(claim)
