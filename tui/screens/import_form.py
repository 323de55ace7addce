"""Import reported figures and events from a CSV file, then re-score."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from db.actuals_csv import import_actuals_csv
from db.scoring import score_all
from tracker.errors import InputError
from tui.screens.form import Field, FormScreen


class ImportForm(FormScreen):
    TITLE_TEXT = "Import actuals CSV"
    OK_LABEL = "Import"
    SHOWS_PROGRESS = True

    def intro(self) -> str:
        return "Columns: ticker, metric, scope, period or as_of, value, unit, reported_on, source, note, event."

    def fields(self) -> list[Field]:
        return [Field("path", "CSV file", placeholder="actuals.csv")]

    def prepare(self, v: dict[str, str]) -> Path:
        if not v["path"]:
            raise InputError("a CSV file is required")
        path = Path(v["path"]).expanduser()
        if not path.is_file():
            raise InputError(f"no such file: {path}")
        return path

    def apply(self, session: Session, path: Path) -> str:
        result = import_actuals_csv(session, path, author=self.app.author)
        score_all(session, self.app.as_of, progress=self.progress)
        return (f"Imported {result.actuals} actuals and {result.events} events from {path.name}"
                + (f" ({result.skipped} already stored)" if result.skipped else ""))
