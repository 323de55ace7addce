"""The audit trail: one audit_log row per change a person (or an ingest) made, with before/after as JSON."""
from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from db.models import AuditRecord, Base


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(record: Base | None) -> dict[str, Any] | None:
    """The column values of an ORM object, JSON-ready (dates as ISO strings)."""
    if record is None:
        return None
    mapper = inspect(record).mapper
    return {attr.key: _plain(getattr(record, attr.key)) for attr in mapper.column_attrs}


def _dump(data: dict[str, Any] | None) -> str | None:
    if data is None:
        return None
    return json.dumps({k: _plain(v) for k, v in data.items()}, sort_keys=True, ensure_ascii=False)


def record(session: Session, *, author: str, action: str, entity: str, entity_id: int | None,
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> AuditRecord:
    row = AuditRecord(author=author, action=action, entity=entity, entity_id=entity_id,
                      before=_dump(before), after=_dump(after))
    session.add(row)
    return row


def trail(session: Session, entity: str, entity_id: int) -> list[AuditRecord]:
    """Every audit row about one entity, oldest first."""
    stmt = (select(AuditRecord).where(AuditRecord.entity == entity, AuditRecord.entity_id == entity_id)
            .order_by(AuditRecord.at, AuditRecord.id))
    return list(session.scalars(stmt))


def loads(text: str | None) -> dict[str, Any] | None:
    return json.loads(text) if text else None
