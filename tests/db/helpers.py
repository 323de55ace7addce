"""Small queries the db tests share."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import models

COUNTED = (models.Company, models.Document, models.SpeakerRecord, models.ClaimRecord, models.MentionRecord,
           models.ActualRecord, models.EventRecord, models.RevisionRecord, models.VerdictRecord,
           models.OverrideRecord, models.NoteRecord)


def row_counts(session: Session) -> dict[str, int]:
    return {m.__tablename__: session.scalar(select(func.count()).select_from(m)) for m in COUNTED}


def claim_id(session: Session, metric: str, call_date=None) -> int:  # noqa: ANN001
    stmt = (select(models.ClaimRecord.id).join(models.Document)
            .where(models.ClaimRecord.metric == metric).order_by(models.Document.call_date))
    if call_date is not None:
        stmt = stmt.where(models.Document.call_date == call_date)
    return session.scalars(stmt).first()
