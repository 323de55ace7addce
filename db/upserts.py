"""Rows that two writers may add at the same moment, added so that the database keeps one of each.

Two analysts ingest calls of a company nobody has stored yet; four people import the same CSV: each writer
first looks for what is stored, finds nothing, and inserts. On SQLite, BEGIN IMMEDIATE makes them take turns;
on PostgreSQL the company writer lock (`db.session.lock_companies`) does, but the database itself is the last
word: every such row has a unique key and is written with `INSERT ... ON CONFLICT DO NOTHING`, then read back.
A writer that loses the race (or never took the lock) finds the winner's row instead of failing on a duplicate
key, and nothing is stored twice.

- companies by ticker, speakers by (company, name), documents by (company, file hash): `insert_or_get`.
- reported figures and events by (company, `natural_key`): `insert_new`, which says which rows were new.

`natural_key` is a hash of what makes a figure the same fact: "revenue / 2025-Q1 / 82.8 USD, reported
2025-05-01 in the 10-Q" imported twice is one figure; the same figure read from a call is another row (it
names its document and where in it), and a figure reported again with a new date or source is a restatement
(a row of its own pointing at the first, `restates_id`). NULL never equals NULL in a unique index, so the key
is one non-null text rather than a constraint over columns that are often empty (scope, basis).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from db.errors import DatabaseError

# What makes two reported figures one: the import key of a CSV row (its note does not count), plus, for a
# figure read from a call, the document and the offset it was read at.
ACTUAL_KEY = ("metric", "scope", "period_label", "value", "unit", "reported_on", "source_ref", "basis",
              "document_id", "start")
# What makes two events one ("achieved" on 2025-06-30 for the 10 EH/s milestone, from the same press release).
# A revised range's high end and the claim an event names are part of what it says.
EVENT_KEY = ("kind", "on", "metric", "scope", "period_label", "value", "unit", "source", "high", "claim_id")
# Columns whose default is the empty text: missing, None and "" are the same value in a key.
_EMPTY_TEXT = ("source_ref", "source")


def _part(name: str, value: Any) -> Any:
    if value is None and name in _EMPTY_TEXT:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | int) and not isinstance(value, bool) and name == "value":
        return repr(float(value) + 0.0)   # 82800000 and 82800000.0 alike; -0.0 is 0.0
    return value


def natural_key(columns: tuple[str, ...], values: Mapping[str, Any]) -> str:
    """The hash of `values`' key columns (a column left out counts as NULL, or "" for source texts)."""
    parts = [_part(name, values.get(name)) for name in columns]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def actual_key(values: Mapping[str, Any]) -> str:
    return natural_key(ACTUAL_KEY, values)


def event_key(values: Mapping[str, Any]) -> str:
    return natural_key(EVENT_KEY, values)


def _insert_ignoring_duplicates(session: Session, table: Table):  # -> an Insert with ON CONFLICT DO NOTHING
    """`INSERT ... ON CONFLICT DO NOTHING` in the session's dialect: a row whose unique key is stored (or is
    being stored by a transaction still open, whose end PostgreSQL waits for) is skipped, not an error."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
        if sqlite3.sqlite_version_info < (3, 35):   # ON CONFLICT ... RETURNING came with SQLite 3.35 (2021)
            raise DatabaseError(f"fls needs SQLite 3.35 or newer to write; this Python has {sqlite3.sqlite_version}")
    else:
        raise NotImplementedError(f"fls stores its data in SQLite or PostgreSQL, not {dialect}")
    return dialect_insert(table).on_conflict_do_nothing()


def insert_or_get(session: Session, model: type, match: Mapping[str, Any], values: Mapping[str, Any]):  # noqa: ANN201
    """The `model` row whose unique key is `match`, inserted with `values` when there is none: (row, created).

    Two writers storing a new company at once both insert; one row is kept and the other writer reads it
    (on PostgreSQL after the first writer commits). `values` fill only a new row; the caller updates an old one.
    """
    session.flush()   # the session's pending rows first: they may be what this row refers to
    table = model.__table__
    stmt = _insert_ignoring_duplicates(session, table).values({**match, **values})
    created = session.execute(stmt.returning(table.c.id)).scalar() is not None
    row = session.scalars(select(model).where(*(getattr(model, k) == v for k, v in match.items()))
                          .execution_options(populate_existing=True)).one()
    return row, created


def insert_new(session: Session, model: type, rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Insert the figure or event rows (each with its `natural_key`) that are not stored; returns the new rows'
    ids by natural key. A row already stored, or repeated in `rows`, is skipped: its key is not in the answer
    unless an earlier row of `rows` stored it."""
    session.flush()
    table = model.__table__
    rows = _not_stored(session, table, rows)
    if not rows:
        return {}
    stmt = _insert_ignoring_duplicates(session, table).returning(table.c.id, table.c.natural_key)
    new: dict[str, int] = {}
    for row_id, key in session.execute(stmt, rows):
        new[key] = row_id
    return new


def _not_stored(session: Session, table: Table, rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """`rows` less those whose key is stored or came earlier in `rows`: importing a file again then reads
    its keys instead of asking the database to refuse 20,000 inserts one by one (6 s on PostgreSQL). The
    companies' keys are read whole: a lookup of 500 keys at a time chose a sequential scan per lookup on a
    table PostgreSQL had not analysed since the first import (25 s)."""
    unique: dict[tuple[int, str], Mapping[str, Any]] = {}
    for row in rows:
        unique.setdefault((row["company_id"], row["natural_key"]), row)
    companies = {c for c, _ in unique}
    stored = set(session.execute(select(table.c.company_id, table.c.natural_key)
                                 .where(table.c.company_id.in_(companies))).all())   # one scan, whatever the plan
    return [row for key, row in unique.items() if key not in stored]


def _figure(values: Mapping[str, Any]) -> tuple:
    """What a restatement repeats: company, metric, scope, period, value, unit and basis."""
    return (values["company_id"], values["metric"], values.get("scope"), values["period_label"],
            float(values["value"]), values.get("unit"), values.get("basis"))


def insert_actuals(session: Session, rows: list[dict[str, Any]]) -> list[int | None]:
    """Store reported figures (column values, every row with the same columns), each once: the id of each row
    stored now, None for a row already stored (by anyone, or earlier in `rows`). A new figure that repeats a
    stored one with another date or source restates the earliest of them (`restates_id`)."""
    from db.models import ActualRecord

    if not rows:
        return []
    session.flush()
    for row in rows:
        row["natural_key"] = actual_key(row)
    first: dict[tuple, int] = {}
    stored = (select(ActualRecord.id, ActualRecord.company_id, ActualRecord.metric, ActualRecord.scope,
                     ActualRecord.period_label, ActualRecord.value, ActualRecord.unit, ActualRecord.basis)
              .where(ActualRecord.company_id.in_({r["company_id"] for r in rows}),
                     ActualRecord.metric.in_({r["metric"] for r in rows}))
              .order_by(ActualRecord.id))
    for rid, cid, metric, scope, label, value, unit, basis in session.execute(stored):
        first.setdefault((cid, metric, scope, label, float(value), unit, basis), rid)
    for row in rows:
        row["restates_id"] = first.get(_figure(row))
    new = insert_new(session, ActualRecord, rows)
    ids: list[int | None] = []
    later: list[dict[str, int]] = []
    for row in rows:
        rid = new.pop(row["natural_key"], None)   # popped: a repeat of the key in `rows` was not stored
        ids.append(rid)
        if rid is None:
            continue
        kept = first.setdefault(_figure(row), rid)
        if kept != rid and row["restates_id"] is None:   # repeats a figure stored a moment ago, in `rows`
            later.append({"id": rid, "restates_id": kept})
    if later:
        session.execute(update(ActualRecord), later)
    return ids
