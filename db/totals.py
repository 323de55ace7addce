"""Every company's verdict totals of a date, kept in the database so that reading them costs what the
companies are, not what their claims are.

`fls companies`, `fls speakers`, the verdict counts and the UI's home screen sum up the effective verdict of
every claim: at a million claims that was two seconds each, whatever the index. So the sums are stored:
`verdict_totals` holds, per company and as-of date, one row per speaker and effective verdict and one per
period label and effective verdict (claims, surprise and lateness sums: GRAINS), written by `refresh` from
`live`, the one grouped query over the one SQL definition of the effective verdict (db.scoring.effective_sql).
A row is never edited in place: a company's rows of a date are replaced whole.

Whether they are still right is the database's to say, not each writer's: triggers add one to the company's
`shown_version` whenever one of its claims, computed verdicts or overrides is inserted, updated or deleted
(db.inputs.SHOWN), whatever wrote it, and `verdict_totals_state` keeps the count each company's totals of a
date were written at. `read` takes the stored rows of the companies whose count still matches and sums up the
others' claims live, in one statement (one snapshot: no company counted twice or missed while a writer
commits). So an override set a second ago ("met", reason "restated in the 10-Q") is in every figure at once:
`fls override` refreshes its company's totals in its own transaction, and a writer that does not (an ingest,
which must not pay for the company's history) only makes its companies read live until `fls score` refreshes
them. Reads of "each claim's newest verdict" (as_of None) are always live.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import (BigInteger, CompoundSelect, Float, Select, and_, case, cast, delete, func, insert, or_, select,
                        union_all)
from sqlalchemy.orm import Session, aliased

from db.models import STATUS_DISMISSED, STATUS_SUPERSEDED, ClaimRecord, Company, TotalsState, VerdictTotal

KEYS = ("company_id", "speaker", "period_label")
# the grains the totals are stored at, each its own rows of the table: per speaker (companies, speakers) and
# per period label (verdict counts, period ends); per speaker and period would be a row for every eight claims
GRAINS = {"speaker": ("company_id", "speaker"), "period": ("company_id", "period_label")}
SUMS = ("claims", "surprise_sum", "surprise_abs_sum", "surprise_n", "late_sum", "late_n")
COLUMNS = (*KEYS, "period_end", "verdict", *SUMS)
CHUNK = 500             # companies per statement when writing


def live(as_of: date | None, *where, by: tuple[str, ...] = KEYS) -> Select:  # noqa: ANN002
    """The claims (not superseded) grouped by the KEYS in `by` and their effective verdict of `as_of` (None:
    each claim's newest), with their earliest deadline and the sums their credibility is made of
    (tracker.scoring.Totals). A verdict's figures count as tracker.scoring.standing says: none for a dismissed
    claim, and for an overridden one only when the override is the computed verdict ("met" set by hand on a
    computed "met" keeps its +3% surprise; "met" over a computed "missed" has none). Columns: COLUMNS, less
    the keys not in `by`."""
    from db.scoring import effective_sql

    eff = effective_sql(as_of)
    kept = or_(eff.o.id.is_(None), eff.o.verdict == eff.v.verdict)
    counted = and_(ClaimRecord.status != STATUS_DISMISSED, kept)
    surprise = case((counted, eff.v.surprise_pct))
    late = case((counted, eff.v.days_late))
    keys = [getattr(ClaimRecord, name) for name in KEYS if name in by]
    return eff.join(select(*keys,
                           func.min(ClaimRecord.period_end).label("period_end"), eff.verdict.label("verdict"),
                           func.count().label("claims"), func.sum(surprise).label("surprise_sum"),
                           func.sum(func.abs(surprise)).label("surprise_abs_sum"),
                           func.count(surprise).label("surprise_n"), func.sum(late).label("late_sum"),
                           func.count(late).label("late_n"))
                    .where(ClaimRecord.status != STATUS_SUPERSEDED, *where)
                    .group_by(*keys, eff.verdict))


def _current(as_of: date) -> Select:
    """The companies whose stored totals of `as_of` are current (their count unchanged since written)."""
    return (select(TotalsState.company_id).join(Company, Company.id == TotalsState.company_id)
            .where(TotalsState.as_of == as_of, TotalsState.shown_version == Company.shown_version))


def stale(as_of: date) -> Select:
    """The companies whose totals of `as_of` are missing or out of date."""
    state = aliased(TotalsState)
    return (select(Company.id).outerjoin(state, and_(state.company_id == Company.id, state.as_of == as_of))
            .where(or_(state.id.is_(None), state.shown_version != Company.shown_version)))


def read(as_of: date | None, by: tuple[str, ...], company_id: int | None = None,
         where_label: bool = False) -> Select | CompoundSelect:
    """A statement for the totals grouped by `by` (names in KEYS) and verdict: columns `by`..., verdict, the
    SUMS and period_end (the earliest). Stored rows for the companies whose totals of `as_of` are current,
    the live sums for the others, in one statement; `company_id`: that company only; `where_label`: only
    claims with a period label."""
    only = [] if company_id is None else [ClaimRecord.company_id == company_id]
    labelled = [ClaimRecord.period_label.is_not(None)] if where_label else []
    if as_of is None:
        return _summed(live(None, *only, *labelled, by=by).subquery(), by)
    t = VerdictTotal
    grain = next((g for g, keys in GRAINS.items() if set(by) <= set(keys)), None)
    if grain is None:
        raise ValueError(f"no stored grain holds {by}: use one of {list(GRAINS.values())}")
    # each part summed at the grain asked: the stored rows read along their index (date, grain, company)
    stored = _summed(select(*(getattr(t, c) for c in (*by, "period_end", "verdict", *SUMS))).where(
        t.as_of == as_of, t.grain == grain, t.company_id.in_(_current(as_of)),
        *([] if company_id is None else [t.company_id == company_id]),
        *([t.period_label.is_not(None)] if where_label else [])).subquery(), by)
    computed = live(as_of, ClaimRecord.company_id.in_(stale(as_of)), *only, *labelled, by=by).subquery()
    in_order = select(*(computed.c[name] for name in (*by, "verdict", *SUMS, "period_end")))   # as `stored`
    # a company is in one part only: the parts' groups never meet, so they need no summing again
    return union_all(stored, in_order)


def _summed(parts, by: tuple[str, ...]) -> Select:  # noqa: ANN001
    """`parts` (a subquery with the keys in `by`, verdict, SUMS and period_end) summed up by `by` and verdict:
    columns `by`..., verdict, SUMS, period_end (the earliest)."""
    keys = [parts.c[name] for name in by]
    # sums of counts are numeric on PostgreSQL: cast back to what one claim's figures are
    return (select(*keys, parts.c.verdict,
                   *(cast(func.sum(parts.c[name]), Float if name in ("surprise_sum", "surprise_abs_sum")
                          else BigInteger).label(name) for name in SUMS),
                   func.min(parts.c.period_end).label("period_end"))
            .group_by(*keys, parts.c.verdict))


def refresh(session: Session, as_of: date, company_ids: Iterable[int] | None = None) -> int:
    """Write the totals of `as_of` again for these companies (None: every company whose totals of that date are
    missing or out of date), from the claims, verdicts and overrides as this transaction sees them. Returns
    the companies written. The companies' counts are read first, their rows locked on PostgreSQL, so a change
    committed meanwhile can only leave the totals marked out of date, never marked current and wrong."""
    ids = sorted(set(company_ids) if company_ids is not None else session.scalars(stale(as_of)))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        versions = dict(session.execute(select(Company.id, Company.shown_version)
                                        .where(Company.id.in_(chunk)).order_by(Company.id).with_for_update()).all())
        for table in (VerdictTotal, TotalsState):
            session.execute(delete(table).where(table.as_of == as_of, table.company_id.in_(chunk))
                            .execution_options(synchronize_session=False))
        # the claims are read once, at the finest grain, and summed up for each stored grain here
        fine = [row._asdict() for row in session.execute(live(as_of, ClaimRecord.company_id.in_(chunk)))]
        rows = [total | {"as_of": as_of, "grain": grain}
                for grain, keys in GRAINS.items() for total in _regrouped(fine, keys)]
        if rows:
            session.execute(insert(VerdictTotal), rows)
        session.execute(insert(TotalsState), [{"company_id": cid, "as_of": as_of, "shown_version": version}
                                              for cid, version in versions.items()])
    return len(ids)


def _regrouped(rows: list[dict], keys: tuple[str, ...]) -> list[dict]:
    """Rows of `live` summed up by `keys` and verdict as SQL would: a sum of nothing but NULLs is NULL, a count
    of them 0, the earliest deadline ignores NULLs."""
    out: dict[tuple, dict] = {}
    for row in rows:
        group = (*(row[k] for k in keys), row["verdict"])
        total = out.get(group)
        if total is None:
            out[group] = {**{k: row[k] for k in keys}, "verdict": row["verdict"], "period_end": row["period_end"],
                          **{name: row[name] for name in SUMS}}
            continue
        if row["period_end"] is not None and (total["period_end"] is None or row["period_end"] < total["period_end"]):
            total["period_end"] = row["period_end"]
        for name in SUMS:
            if row[name] is not None:
                total[name] = row[name] if total[name] is None else total[name] + row[name]
    return list(out.values())


def refresh_companies(session: Session, company_ids: Iterable[int]) -> None:
    """Write the totals of every date these companies have totals for again: after a change a person made
    (an override, a dismissal, a correction), in the same transaction, so that no read sums them live."""
    ids = sorted(set(company_ids))
    if not ids:
        return
    days = session.scalars(select(TotalsState.as_of).where(TotalsState.company_id.in_(ids)).distinct()).all()
    for day in days:
        refresh(session, day, ids)


def company_of(session: Session, claim_id: int) -> int | None:
    return session.scalar(select(ClaimRecord.company_id).where(ClaimRecord.id == claim_id))
