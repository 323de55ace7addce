"""Changes a person makes by hand. Each writes an audit_log row with the state before and after, and the
verdict totals of its company again (db.totals) when it changes what a reader is shown.

The caller owns the transaction. Errors the user can fix raise InputError / NotFoundError."""
from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db import audit, totals
from db.actuals_csv import check_value, fits
from db.companies import calendar_of, require_company
from db.models import (
    STATUS_ACTIVE,
    STATUS_DISMISSED,
    ActualRecord,
    ClaimRecord,
    NoteRecord,
    OverrideRecord,
)
from db.upserts import insert_actuals
from db.values import parse_basis, parse_value, resolve_period
from tracker.callinfo import parse_date
from tracker.errors import InputError, NotFoundError
from tracker.model import SourceKind, Verdict


# Ids are 32-bit integers on PostgreSQL (64-bit on SQLite): a larger number names no claim, and asking the
# database about it would fail with an overflow instead of "no claim with id N".
MAX_ID = 2**31 - 1


def get_claim(session: Session, claim_id: int) -> ClaimRecord:
    if not 1 <= claim_id <= MAX_ID:
        raise NotFoundError(f"no claim with id {claim_id}")
    rec = session.get(ClaimRecord, claim_id)
    if rec is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    return rec


def need_text(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise InputError(f"{what} is required")
    return text


def add_actual(session: Session, ticker: str, metric: str, scope: str | None, period_label_or_asof: str,
               value: float | str, unit: str | None, reported_on: date | str | None, source: str = "",
               note: str = "", author: str = "", basis: str | None = None) -> ActualRecord:
    """Record a reported figure by hand (source kind "manual"). `value` may be text like "82.8M"; `basis` is
    gaap, non_gaap, adjusted or None (db.values.parse_basis). The figure already stored (same company, metric,
    scope, period, value, unit, date, source and basis) is answered as it is: see `added_actual`."""
    return added_actual(session, ticker, metric, scope, period_label_or_asof, value, unit, reported_on,
                        source=source, note=note, author=author, basis=basis)[0]


def added_actual(session: Session, ticker: str, metric: str, scope: str | None, period_label_or_asof: str,
                 value: float | str, unit: str | None, reported_on: date | str | None, source: str = "",
                 note: str = "", author: str = "", basis: str | None = None) -> tuple[ActualRecord, bool]:
    """`add_actual`, and whether the figure is new (False: it was stored already, by this hand or an import;
    nothing is written then, not even to the audit log)."""
    company = require_company(session, ticker)
    metric = fits(need_text(metric, "metric"), "metric")
    scope = fits((scope or "").strip() or None, "scope")
    period = resolve_period(period_label_or_asof, calendar_of(session, company))
    text = str(value)
    if isinstance(value, str):
        value, dollar = parse_value(value)
        unit = (unit or "").strip() or ("USD" if dollar else None)
    check_value(float(value), text)
    unit = (unit or "").strip() or None
    if unit is None:   # as in the CSV import: a figure without a unit cannot be compared to a promise
        raise InputError("unit is empty (e.g. USD, EH/s, units, %)")
    fits(unit, "unit")
    if isinstance(reported_on, str):
        reported_on = parse_date(reported_on, "reported-on date") if reported_on.strip() else None
    values = {"company_id": company.id, "metric": metric, "scope": scope or None, "period_label": period.label,
              "period_start": period.start, "period_end": period.end, "period_fiscal": period.fiscal,
              "value": float(value), "unit": unit, "reported_on": reported_on,
              "source_kind": SourceKind.MANUAL.value, "source_ref": source or "", "note": note or "",
              "basis": parse_basis(basis)}
    [new_id] = insert_actuals(session, [values])
    if new_id is None:
        return session.scalars(select(ActualRecord).where(
            ActualRecord.company_id == company.id, ActualRecord.natural_key == values["natural_key"])).one(), False
    row = session.get(ActualRecord, new_id)
    audit.record(session, author=author, action="add_actual", entity="actual", entity_id=row.id,
                 after=audit.snapshot(row))
    return row, True


def override_verdict(session: Session, claim_id: int, verdict: str | Verdict, reason: str,
                     author: str) -> OverrideRecord:
    """Set the claim's verdict by hand; it wins over every computed verdict until cleared."""
    try:
        verdict = Verdict(str(verdict).strip().lower())
    except ValueError:
        raise InputError(f"unknown verdict {verdict!r}: use one of {', '.join(v.value for v in Verdict)}") from None
    reason = need_text(reason, "a reason for the override")
    claim = get_claim(session, claim_id)
    before = current_override(session, claim.id)
    row = OverrideRecord(claim_id=claim.id, verdict=verdict.value, reason=reason, author=author)
    session.add(row)
    session.flush()
    audit.record(session, author=author, action="override", entity="claim", entity_id=claim.id,
                 before=audit.snapshot(before), after=audit.snapshot(row))
    totals.refresh_companies(session, [claim.company_id])
    return row


def current_override(session: Session, claim_id: int) -> OverrideRecord | None:
    return session.scalar(select(OverrideRecord).where(OverrideRecord.claim_id == claim_id)
                          .order_by(OverrideRecord.created_at.desc(), OverrideRecord.id.desc()).limit(1))


def clear_override(session: Session, claim_id: int, author: str, reason: str | None = None) -> int:
    """Remove the claim's overrides (the computed verdict applies again); the reason, when given, goes into the
    audit row. Returns how many were removed."""
    if reason is not None:
        reason = need_text(reason, "a reason for clearing the override")
    claim = get_claim(session, claim_id)
    before = current_override(session, claim.id)
    if before is None:
        raise InputError(f"claim {claim_id} has no override")
    snap = audit.snapshot(before)
    removed = session.execute(delete(OverrideRecord).where(OverrideRecord.claim_id == claim.id)).rowcount
    audit.record(session, author=author, action="clear_override", entity="claim", entity_id=claim.id,
                 before=snap, after={"reason": reason} if reason else None)
    session.flush()
    totals.refresh_companies(session, [claim.company_id])
    return removed


def add_note(session: Session, claim_id: int, text: str, author: str) -> NoteRecord:
    text = need_text(text, "note text")
    claim = get_claim(session, claim_id)
    row = NoteRecord(claim_id=claim.id, text=text, author=author)
    session.add(row)
    session.flush()
    audit.record(session, author=author, action="add_note", entity="claim", entity_id=claim.id,
                 after=audit.snapshot(row))
    return row


def dismiss_claim(session: Session, claim_id: int, reason: str, author: str) -> ClaimRecord:
    """Set aside a false claim: kept, not scored, reversible with restore_claim."""
    reason = need_text(reason, "a reason for dismissing the claim")
    claim = get_claim(session, claim_id)
    before = {"status": claim.status}
    claim.status = STATUS_DISMISSED
    session.flush()
    audit.record(session, author=author, action="dismiss", entity="claim", entity_id=claim.id,
                 before=before, after={"status": claim.status, "reason": reason})
    totals.refresh_companies(session, [claim.company_id])
    return claim


def restore_claim(session: Session, claim_id: int, author: str) -> ClaimRecord:
    claim = get_claim(session, claim_id)
    if claim.status != STATUS_DISMISSED:
        raise InputError(f"claim {claim_id} is not dismissed")
    before = {"status": claim.status}
    claim.status = STATUS_ACTIVE
    session.flush()
    audit.record(session, author=author, action="restore", entity="claim", entity_id=claim.id,
                 before=before, after={"status": claim.status})
    totals.refresh_companies(session, [claim.company_id])
    return claim
