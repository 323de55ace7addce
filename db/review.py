"""The quarterly review: which claims are due in a period, which a person has marked reviewed, and marking.

Read-only queries plus two audited edits (mark / unmark). A mark keeps the effective verdict its reviewer saw,
so a claim whose verdict has moved since ("pending" then, "missed" now) shows as changed since its review.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db import audit
from db.companies import require_company
from db.edits import get_claim
from db.models import STATUS_SUPERSEDED, ClaimRecord, Company, ReviewMark
from db.queries import ClaimRow, list_claims
from db.scoring import effective_verdicts
from tracker.errors import InputError


def period_ends(session: Session, ticker: str | None = None,
                as_of: date | None = None) -> dict[tuple[str, str], date | None]:
    """{(ticker, period label): the label's period end} (the earliest, should claims disagree), in one query.
    `as_of`: a date scored, whose verdict totals (db.totals) hold the same earliest ends per company, so that
    every company's labels read in milliseconds instead of in a pass over every claim."""
    only = require_company(session, ticker).id if ticker else None
    if as_of is not None:
        from db.totals import read

        tickers = dict(session.execute(select(Company.id, Company.ticker)).all())
        ends: dict[tuple[str, str], date | None] = {}
        sums = read(as_of, ("company_id", "period_label"), only, where_label=True).subquery()
        for company_id, label, end in session.execute(
                select(sums.c.company_id, sums.c.period_label, func.min(sums.c.period_end))
                .group_by(sums.c.company_id, sums.c.period_label)):
            ends[(tickers[company_id], label)] = end
        return ends
    stmt = (select(Company.ticker, ClaimRecord.period_label, func.min(ClaimRecord.period_end))
            .join(Company, Company.id == ClaimRecord.company_id)
            .where(ClaimRecord.period_label.is_not(None), ClaimRecord.status != STATUS_SUPERSEDED)
            .group_by(Company.ticker, ClaimRecord.period_label))
    if only is not None:
        stmt = stmt.where(ClaimRecord.company_id == only)
    return {(t, label): end for t, label, end in session.execute(stmt)}


def by_period_end(labels: Any, ends: dict[str, date | None]) -> list[str]:
    """Labels in the order of their period end, undated last: fiscal "FY2025-Q4" (ending January 2026) after
    "2025-Q3", where sorting the text would put it first."""
    return sorted(labels, key=lambda label: (ends.get(label) is None, ends.get(label) or date.min, label))


def review_periods(session: Session, ticker: str) -> list[str]:
    """The company's period labels, sorted by period end."""
    ends = {label: end for (_, label), end in period_ends(session, ticker).items()}
    return by_period_end(ends, ends)


@dataclass(frozen=True)
class ReviewItem:
    claim: ClaimRow
    reviewed: bool
    changed: bool             # reviewed, and its effective verdict is no longer the one its reviewer saw
    seen: str | None = None           # the verdict its reviewer saw (None: not reviewed, or not scored then)
    seen_as_of: date | None = None    # the as-of date of the verdicts the reviewer read (None: a mark of 0005)


def review_queue(session: Session, ticker: str, period: str, as_of: date | None = None) -> list[ReviewItem]:
    """The claims due in `period` (sorted like the claims list) with their review state and their verdicts of
    `as_of` (None: each claim's newest)."""
    rows = list_claims(session, ticker=ticker, period=period, as_of=as_of)
    marks = last_marks(session, [r.id for r in rows])
    return [ReviewItem(r, r.id in marks, r.id in marks and marks[r.id].verdict != r.verdict,
                       marks[r.id].verdict if r.id in marks else None,
                       marks[r.id].as_of if r.id in marks else None) for r in rows]


def last_marks(session: Session, claim_ids: list[int]) -> dict[int, ReviewMark]:
    """{claim id: its newest review mark (the verdict seen, the as-of date read)} for the claims that have
    one."""
    out: dict[int, ReviewMark] = {}
    for start in range(0, len(claim_ids), 500):
        chunk = claim_ids[start:start + 500]
        for m in session.scalars(select(ReviewMark).where(ReviewMark.claim_id.in_(chunk))
                                 .order_by(ReviewMark.created_at, ReviewMark.id)):
            out[m.claim_id] = m          # ascending: the newest wins
    return out


def mark_reviewed(session: Session, claim_id: int, author: str, as_of: date | None = None) -> ReviewMark:
    """Mark the claim reviewed, keeping the effective verdict seen now (the one of `as_of`, the date the
    reviewer reads); audited."""
    claim = get_claim(session, claim_id)
    seen = effective_verdicts(session, [claim.id], as_of)[claim.id].verdict
    row = ReviewMark(claim_id=claim.id, verdict=seen.value if seen else None, author=author, as_of=as_of)
    session.add(row)
    session.flush()
    audit.record(session, author=author, action="mark_reviewed", entity="claim", entity_id=claim.id,
                 after=audit.snapshot(row))
    return row


def unmark_reviewed(session: Session, claim_id: int, author: str) -> int:
    """Take back the claim's review marks; audited. Returns how many were removed."""
    claim = get_claim(session, claim_id)
    marks = list(session.scalars(select(ReviewMark).where(ReviewMark.claim_id == claim.id)))
    if not marks:
        raise InputError(f"claim {claim_id} is not marked reviewed")
    before = audit.snapshot(marks[-1])
    session.execute(delete(ReviewMark).where(ReviewMark.claim_id == claim.id))
    audit.record(session, author=author, action="unmark_reviewed", entity="claim", entity_id=claim.id,
                 before=before, after=None)
    session.flush()
    return len(marks)


def tickers(session: Session) -> list[str]:
    """Every company's ticker, sorted (no counts: cheap enough for a picker)."""
    return list(session.scalars(select(Company.ticker).order_by(Company.ticker)))


def default_period(periods: list[str], ends: dict[str, date | None], as_of: date) -> str | None:
    """The period a review on `as_of` is about: the latest one ended by then, else the first one."""
    ended = [p for p in periods if ends.get(p) is not None and ends[p] <= as_of]
    return ended[-1] if ended else (periods[0] if periods else None)
