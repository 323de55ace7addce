"""Attach a note to a claim."""
from __future__ import annotations

from sqlalchemy.orm import Session

from db.edits import add_note
from tui.screens.form import ClaimForm, Field


class NoteForm(ClaimForm):
    TITLE_TEXT = "Add a note"
    OK_LABEL = "Add"

    def fields(self) -> list[Field]:
        return [Field("text", "Note")]

    def apply(self, session: Session, v: dict[str, str]) -> str:
        add_note(session, self.claim.id, v["text"], author=self.app.author)
        return f"Note added to claim {self.claim.id}"
