"""Guidance history: how one metric's guidance for one period moved from call to call, and how it ended.

"We expect Q1 revenue of $80 to $90 million" (February), "we now expect $92 to $96 million" (March), then the
quarter's reported $95.1 million: the history lists the first guide, each raise, lower or reaffirmation with
its call date and quote, every withdrawal, the final actual and the verdict. It reads the revision links that
ingest stored (claim_revisions) and the new guidance or withdrawals a user recorded (events); nothing is
computed afresh, so it shows what the claims list and the scorecard show.

A subject is a company's metric, scope and period label (the same keys revisions are linked by); claims about
it that no link joins (a restatement in an incomparable unit) are still listed, in call order.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.companies import require_company
from db.edits import get_claim
from db.models import (
    EVENT_REVISED,
    STATUS_SUPERSEDED,
    ActualRecord,
    ClaimRecord,
    Company,
    Document,
    EventRecord,
    RevisionRecord,
)
from db.scoring import effective_verdicts
from tracker.model import EventKind, RevisionKind
from tracker.scoring.matching import norm
from tracker.scoring.units import convert

FIRST = "first guide"          # the step that opens a history (no earlier claim it revises)
RESTATED = "restated"          # a later claim about the subject that no revision link joins to the others
RECORDED = "revised (recorded)"    # new guidance a user recorded as an event


@dataclass(frozen=True)
class Subject:
    """A metric (and scope) and a period label of one company: what a guidance history is about."""
    ticker: str
    metric: str
    scope: str | None
    period_label: str | None

    @property
    def name(self) -> str:
        """"revenue (data center)"."""
        text = self.metric.replace("_", " ")
        return f"{text} ({self.scope})" if self.scope else text


@dataclass(frozen=True)
class GuidanceStep:
    kind: str                      # FIRST, RESTATED, RECORDED or a RevisionKind value (raised, withdrawn, ...)
    on: date | None                # the call date (or the event's date)
    claim_id: int | None           # None: a withdrawal or a recorded revision
    low: float | None
    high: float | None
    unit: str | None
    comparator: str | None
    speaker: str
    quote: str
    verdict: str | None            # the claim's effective verdict (None: not scored, or not a claim)
    overridden: bool
    surprise_pct: float | None
    change_pct: float | None       # the midpoint's change from the previous guide, in percent


@dataclass(frozen=True)
class FinalActual:
    value: float
    unit: str | None
    period_label: str
    reported_on: date | None
    source: str                    # "csv: 10-Q" / "transcript"


@dataclass(frozen=True)
class GuidanceHistory:
    subject: Subject
    period_end: date | None
    steps: tuple[GuidanceStep, ...]        # in call order
    actual: FinalActual | None             # what was reported for the period (the newest verdict's actual)
    verdict: str | None                    # the latest guide's effective verdict
    first_verdict: str | None              # the first guide's: was the original promise kept?


def subject_of(session: Session, claim_id: int) -> Subject:
    rec = get_claim(session, claim_id)
    ticker = session.scalar(select(Company.ticker).where(Company.id == rec.company_id))
    return Subject(ticker, rec.metric, rec.scope, rec.period_label)


def subjects(session: Session, ticker: str) -> list[Subject]:
    """Every (metric, scope, period label) the company's claims are about, by metric, then scope, then period
    end (one grouped query: the picker never loads claims)."""
    company = require_company(session, ticker)
    stmt = (select(ClaimRecord.metric, ClaimRecord.scope, ClaimRecord.period_label, func.min(ClaimRecord.period_end))
            .where(ClaimRecord.company_id == company.id, ClaimRecord.status != STATUS_SUPERSEDED)
            .group_by(ClaimRecord.metric, ClaimRecord.scope, ClaimRecord.period_label))
    seen: dict[tuple[str, str, str], tuple[Subject, date | None]] = {}
    for metric, scope, label, end in session.execute(stmt):
        key = (norm(metric), norm(scope), norm(label))
        if key not in seen:
            seen[key] = (Subject(company.ticker, metric, scope, label), end)
    ordered = sorted(seen.values(), key=lambda t: (norm(t[0].metric), norm(t[0].scope), t[1] is None,
                                                    t[1] or date.min, norm(t[0].period_label)))
    return [s for s, _ in ordered]


def _subject_claims(session: Session, company_id: int, subject: Subject) -> list[tuple[ClaimRecord, date | None]]:
    stmt = (select(ClaimRecord, Document.call_date).join(Document, Document.id == ClaimRecord.document_id)
            .where(ClaimRecord.company_id == company_id, ClaimRecord.status != STATUS_SUPERSEDED,
                   func.lower(ClaimRecord.metric) == subject.metric.lower()))
    stmt = stmt.where(ClaimRecord.period_label.is_(None) if subject.period_label is None
                      else func.lower(ClaimRecord.period_label) == subject.period_label.lower())
    rows = [(rec, on) for rec, on in session.execute(stmt) if norm(rec.scope) == norm(subject.scope)]
    return sorted(rows, key=lambda t: (t[1] is None, t[1] or date.min, t[0].position, t[0].id))


def _midpoint(low: float | None, high: float | None) -> float | None:
    values = [v for v in (low, high) if v is not None]
    return sum(values) / len(values) if values else None


def change_pct(before: GuidanceStep | None, low: float | None, high: float | None, unit: str | None) -> float | None:
    """How far the guided midpoint moved from the previous guide's, in percent ($80-90M to $92-96M: +10.6%);
    None when either has no figure or the units do not compare."""
    if before is None:
        return None
    old, new = _midpoint(before.low, before.high), _midpoint(low, high)
    if old is None or new is None or old == 0:
        return None
    new = convert(new, unit, before.unit)
    return None if new is None else (new - old) / abs(old) * 100


def _final_actual(session: Session, company_id: int, subject: Subject, actual_ids: list[int]) -> FinalActual | None:
    """The actual the newest verdict used; else the newest figure reported for the subject's period."""
    row = session.get(ActualRecord, actual_ids[-1]) if actual_ids else None
    if row is None and subject.period_label:
        candidates = session.scalars(
            select(ActualRecord).where(ActualRecord.company_id == company_id,
                                       func.lower(ActualRecord.metric) == subject.metric.lower(),
                                       func.lower(ActualRecord.period_label) == subject.period_label.lower())
            .order_by(ActualRecord.reported_on.desc(), ActualRecord.id.desc())).all()
        row = next((a for a in candidates if norm(a.scope) == norm(subject.scope)), None)
    if row is None:
        return None
    source = row.source_kind + (f": {row.source_ref}" if row.source_ref and row.source_kind != "transcript" else "")
    return FinalActual(row.value, row.unit, row.period_label, row.reported_on, source)


def guidance_history(session: Session, subject: Subject) -> GuidanceHistory:
    """The subject's guidance in call order: claims (with the revision kind that links each to the one it
    revised), withdrawals, recorded revisions; then the final actual and verdicts."""
    company = require_company(session, subject.ticker)
    claims = _subject_claims(session, company.id, subject)
    ids = [rec.id for rec, _ in claims]
    links: dict[int, RevisionRecord] = {}
    withdrawals: dict[tuple[date | None, str], RevisionRecord] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for rev in session.scalars(select(RevisionRecord).where(RevisionRecord.earlier_claim_id.in_(chunk))
                                   .order_by(RevisionRecord.on, RevisionRecord.id)):
            if rev.kind == RevisionKind.WITHDRAWN.value:
                withdrawals.setdefault((rev.on, rev.quote), rev)      # one call's withdrawal, said once
            elif rev.claim_id is not None:
                links[rev.claim_id] = rev
    effective = effective_verdicts(session, ids)
    # (date, order within the date, step without its change); claims first on a date, then what undid them
    raw: list[tuple[date | None, int, dict]] = []
    for i, (rec, on) in enumerate(claims):
        link = links.get(rec.id)
        kind = link.kind if link is not None else (FIRST if i == 0 else RESTATED)
        eff = effective[rec.id]
        raw.append((on, i, dict(kind=kind, on=on, claim_id=rec.id, low=rec.low, high=rec.high, unit=rec.unit,
                                comparator=rec.comparator, speaker=rec.speaker, quote=rec.quote,
                                verdict=eff.verdict.value if eff.verdict else None, overridden=eff.overridden,
                                surprise_pct=eff.computed.surprise_pct if eff.computed is not None else None)))
    for (on, quote), rev in withdrawals.items():
        raw.append((on, len(claims), dict(kind=RevisionKind.WITHDRAWN.value, on=on, claim_id=None, low=None,
                                          high=None, unit=None, comparator=None, speaker="", quote=quote,
                                          verdict=None, overridden=False, surprise_pct=None)))
    for ev in _events(session, company.id, subject):
        recorded = ev.kind == EVENT_REVISED
        raw.append((ev.on, len(claims) + 1, dict(
            kind=RECORDED if recorded else f"{ev.kind} (recorded)", on=ev.on, claim_id=None,
            low=ev.value if recorded else None, high=ev.value if recorded else None,
            unit=ev.unit if recorded else None, comparator="approx" if recorded and ev.value is not None else None,
            speaker="", quote=ev.note or ev.source, verdict=None, overridden=False, surprise_pct=None)))
    raw.sort(key=lambda t: (t[0] is None, t[0] or date.min, t[1]))
    steps: list[GuidanceStep] = []
    guide: GuidanceStep | None = None          # the last step with a figure
    for _, _, fields in raw:
        step = GuidanceStep(change_pct=change_pct(guide, fields["low"], fields["high"], fields["unit"]), **fields)
        steps.append(step)
        if step.low is not None or step.high is not None:
            guide = step
    computed = [effective[i].computed for i in ids if effective[i].computed is not None]
    actual_ids = [c.actual_id for c in computed if c.actual_id is not None]
    period_end = min((rec.period_end for rec, _ in claims if rec.period_end), default=None)
    claim_steps = [s for s in steps if s.claim_id is not None]
    return GuidanceHistory(subject=subject, period_end=period_end, steps=tuple(steps),
                           actual=_final_actual(session, company.id, subject, actual_ids),
                           verdict=claim_steps[-1].verdict if claim_steps else None,
                           first_verdict=claim_steps[0].verdict if claim_steps else None)


def _events(session: Session, company_id: int, subject: Subject) -> list[EventRecord]:
    """Recorded new guidance and withdrawals of the subject's metric (and period, when the event names one)."""
    kinds = (EVENT_REVISED, EventKind.WITHDRAWN.value)
    rows = session.scalars(select(EventRecord).where(EventRecord.company_id == company_id,
                                                     EventRecord.kind.in_(kinds),
                                                     func.lower(EventRecord.metric) == subject.metric.lower())
                           .order_by(EventRecord.on, EventRecord.id)).all()
    return [r for r in rows if norm(r.scope) == norm(subject.scope)
            and (r.period_label is None or norm(r.period_label) == norm(subject.period_label))]
