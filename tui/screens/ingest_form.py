"""Ingest a transcript: extract its claims (slow, outside the transaction), store them, score the company."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from db.companies import known_calendars
from db.ingest import ingest_extraction
from db.scoring import score_all
from tracker.errors import InputError
from tracker.extraction.extract import extract_file
from tracker.model import Extraction
from tui.screens.form import Field, FormScreen


# "as read": the stored company's naming, else the call's own (tracker.fiscal_naming); "end" / "start": given.
NAMING_CHOICES = ("as read", "end", "start")


class IngestForm(FormScreen):
    TITLE_TEXT = "Ingest a transcript"
    OK_LABEL = "Ingest"
    SHOWS_PROGRESS = True

    def intro(self) -> str:
        return ("Call date, ticker and fiscal year end come from the file or a .toml beside it when left empty; "
                "fiscal years are named as the company's stored calls or this call show.")

    def fields(self) -> list[Field]:
        return [Field("path", "Transcript file", placeholder="calls/acme_2025q1.txt"),
                Field("call_date", "Call date (YYYY-MM-DD, optional)"),
                Field("company", "Ticker (optional)"),
                Field("fiscal_year_end", "Fiscal year end MM-DD (optional)"),
                Field("fiscal_year_named", "Fiscal years named by", choices=NAMING_CHOICES)]

    def prepare(self, v: dict[str, str]) -> Extraction:
        if not v["path"]:
            raise InputError("a transcript file is required")
        path = Path(v["path"]).expanduser()
        if not path.is_file():
            raise InputError(f"no such file: {path}")
        named = v.get("fiscal_year_named") or ""
        return extract_file(path, call_date=v["call_date"] or None, company=v["company"] or None,
                            fiscal_year_end=v["fiscal_year_end"] or None,
                            fiscal_year_named=named if named in ("end", "start") else None,
                            known=known_calendars(self.app.database))    # type: ignore[attr-defined]

    def apply(self, session: Session, extraction: Extraction) -> str:
        result = ingest_extraction(session, extraction, author=self.app.author)
        if not result.created:
            return f"{extraction.info.ticker}: this transcript is already stored; nothing changed"
        score_all(session, self.app.as_of, ticker=extraction.info.ticker, progress=self.progress)
        return (f"{extraction.info.ticker}: ingested {result.claims} claims, {result.actuals} actuals, "
                f"{result.revisions} revisions")
