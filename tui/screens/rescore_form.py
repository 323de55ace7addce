"""Score every claim again as of a date; that date becomes the app's as-of date."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from db.scoring import score_all
from tracker.callinfo import parse_date
from tui.screens.form import Field, FormScreen


class RescoreForm(FormScreen):
    TITLE_TEXT = "Re-score"
    OK_LABEL = "Score"
    SHOWS_PROGRESS = True

    def __init__(self, as_of: date) -> None:
        super().__init__()
        self.initial = as_of
        self.scored_as_of: date | None = None

    def fields(self) -> list[Field]:
        return [Field("as_of", "As of (YYYY-MM-DD)", self.initial.isoformat())]

    def prepare(self, v: dict[str, str]) -> date:
        return parse_date(v["as_of"], "as-of date")

    def apply(self, session: Session, as_of: date) -> str:
        n = score_all(session, as_of, progress=self.progress)
        self.scored_as_of = as_of
        if n == 0:      # scoring is incremental (db.scoring): nothing changed since that date was scored
            return f"Verdicts as of {as_of} are up to date: nothing changed since they were computed"
        return f"Scored {n} claims as of {as_of}"

    def after(self) -> None:
        if self.scored_as_of is not None:
            self.app.as_of = self.scored_as_of
