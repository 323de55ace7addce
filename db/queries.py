"""Read-only queries for the CLI, the UI and scorecards. Results are frozen dataclasses, detached from the
session, so a caller may keep them after the session closes.

`list_claims` does its filtering, the effective verdict (override, else dismissed, else the newest computed
verdict) and the paging in SQL, so that a company with tens of thousands of claims lists quickly.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from db import audit
from db.companies import require_company
from db.convert import actual_from_record, claim_from_record
from db.edits import get_claim
from db.totals import read as totals_sql
from db.models import (
    EVENT_REAFFIRMED,
    ORIGIN_ADDED,
    STATUS_DISMISSED,
    STATUS_SUPERSEDED,
    ActualRecord,
    ClaimRecord,
    Company,
    Document,
    NoteRecord,
    OverrideRecord,
    RevisionRecord,
    SpeakerRecord,
    VerdictRecord,
)
from db.scoring import (
    AGAINST_ORIGINAL,
    effective_case,
    effective_sql as _effective,
    effective_verdicts,
    latest_override,
    score_records,
)
from tracker.model import Actual, Claim, Mention, Verdict


# --- companies -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CompanyRow:
    id: int
    ticker: str
    name: str
    fiscal_year_end: str
    documents: int
    claims: int
    last_call: date | None
    credibility: object            # tracker.scoring.Credibility, from the effective verdicts stored
    fiscal_year_named: str | None = None   # "end" / "start"; None when not known


def _stored_credibility(session: Session, by: tuple[str, ...], company_id: int | None = None,
                        as_of: date | None = None) -> dict[tuple, tuple[int, Any]]:
    """Claims (not superseded) grouped by the db.totals keys in `by`: {group: (claims,
    tracker.scoring.Credibility)}, from the effective verdicts' totals (db.totals: stored per company and date,
    summed live for a company changed since): one row per group and verdict comes back, not one per claim.
    Companies and speakers are both summed up here, so they agree."""
    from tracker.scoring import Totals, credibility_from_totals

    claims: Counter = Counter()
    totals: dict[tuple, Totals] = defaultdict(lambda: Totals(Counter()))
    for row in session.execute(totals_sql(as_of, by, company_id)):
        group = tuple(row[:len(by)])
        verdict, count, s_sum, s_abs, s_n, late_sum, late_n = row[len(by):len(by) + 7]
        claims[group] += count
        if verdict is None:          # not scored yet: a claim, not a verdict
            continue
        totals[group].add(verdict, count, surprise_sum=s_sum, surprise_abs_sum=s_abs, surprise_n=s_n,
                          late_days_sum=late_sum, late_n=late_n)
    return {group: (n, credibility_from_totals(totals[group]) if group in totals
                    else credibility_from_totals(Totals(Counter())))
            for group, n in claims.items()}


def list_companies(session: Session, as_of: date | None = None) -> list[CompanyRow]:
    """Every company with its counts and its credibility, read from the stored effective verdicts of `as_of`
    (None: each claim's newest)."""
    from tracker.scoring import credibility

    docs = dict(session.execute(select(Document.company_id, func.count()).group_by(Document.company_id)).all())
    last = dict(session.execute(select(Document.company_id, func.max(Document.call_date))
                                .group_by(Document.company_id)).all())
    stored = _stored_credibility(session, ("company_id",), as_of=as_of)
    out = []
    for company in session.scalars(select(Company).order_by(Company.ticker)):
        claims, cred = stored.get((company.id,)) or (0, credibility([]))
        out.append(CompanyRow(id=company.id, ticker=company.ticker, name=company.name,
                              fiscal_year_end=company.fiscal_year_end, documents=docs.get(company.id, 0),
                              claims=claims, last_call=last.get(company.id), credibility=cred,
                              fiscal_year_named=company.fiscal_year_named))
    return out


# --- speakers ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SpeakerRow:
    ticker: str
    name: str                      # "" for claims no speaker was named for (speech-to-text without labels)
    title: str                     # "Chief Financial Officer", or "" when the transcript gave none
    role: str                      # tracker.model.Role value: executive, analyst, operator, unknown
    claims: int                    # claims not superseded, dismissed ones included
    scored: int                    # claims with a scored verdict (beat, met, missed, late)
    credibility: object            # tracker.scoring.Credibility, from the effective verdicts stored


def list_speakers(session: Session, ticker: str | None = None, as_of: date | None = None) -> list[SpeakerRow]:
    """Everyone who made claims, per company, with a credibility computed exactly like the company's (the
    stored effective verdicts of `as_of`); sorted by ticker, then most claims first, then name."""
    speakers = select(SpeakerRecord.company_id, SpeakerRecord.name, SpeakerRecord.title, SpeakerRecord.role)
    only = None
    if ticker:
        only = require_company(session, ticker).id
        speakers = speakers.where(SpeakerRecord.company_id == only)
    stored = _stored_credibility(session, ("company_id", "speaker"), only, as_of=as_of)
    tickers = dict(session.execute(select(Company.id, Company.ticker)).all())
    # plain rows, not objects: every company's speakers are thousands at a million claims
    known = {(company_id, name): (title, role) for company_id, name, title, role in session.execute(speakers)}
    rows = []
    for (company_id, name), (n, cred) in stored.items():
        title, role = known.get((company_id, name), ("", "unknown"))
        rows.append(SpeakerRow(ticker=tickers[company_id], name=name or "", title=title or "", role=role,
                               claims=n, scored=cred.n_scored, credibility=cred))
    return sorted(rows, key=lambda r: (r.ticker, -r.claims, r.name.lower(), r.name))


class VerdictCount(NamedTuple):
    """A named tuple, not a dataclass: a million claims give some 50,000 of them, made in a few ms."""
    ticker: str
    period_label: str | None
    verdict: str | None               # effective verdict; None: not scored yet
    count: int


def verdict_counts(session: Session, as_of: date | None = None) -> list[VerdictCount]:
    """How many claims (not superseded) have each effective verdict (of `as_of`), per company and period, in
    one query over the verdict totals (db.totals)."""
    tickers = dict(session.execute(select(Company.id, Company.ticker)).all())
    return [VerdictCount(tickers[company_id], label, verdict, count)
            for company_id, label, verdict, count, *_ in session.execute(
                totals_sql(as_of, ("company_id", "period_label")))]


@dataclass(frozen=True)
class DueClaim:
    id: int
    ticker: str
    deadline: date
    metric: str
    scope: str | None
    period_label: str | None


def next_deadlines(session: Session, as_of: date, per_company: int = 3) -> list[DueClaim]:
    """Per company, the `per_company` claims (not dismissed, not superseded) due soonest on or after `as_of`,
    by deadline then id: a few claims read per company through its deadline index, whatever its history."""
    eff = _effective(as_of)
    soonest = (eff.join(select(ClaimRecord.id)
                        .where(ClaimRecord.company_id == Company.id, ClaimRecord.status != STATUS_SUPERSEDED,
                               ClaimRecord.period_end >= as_of,
                               or_(eff.verdict.is_(None), eff.verdict != Verdict.DISMISSED.value)))
               .order_by(ClaimRecord.period_end, ClaimRecord.id).limit(per_company).correlate(Company))
    claim = aliased(ClaimRecord)
    stmt = (select(claim.id, Company.ticker, claim.period_end, claim.metric, claim.scope, claim.period_label)
            .select_from(Company).join(claim, claim.id.in_(soonest))
            .order_by(Company.ticker, claim.period_end, claim.id))
    return [DueClaim(*row) for row in session.execute(stmt)]


# --- the claims table ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ClaimRow:
    id: int
    ticker: str
    deadline: date | None
    metric: str
    scope: str | None
    comparator: str | None
    low: float | None
    high: float | None
    unit: str | None
    period_label: str | None
    actual_value: float | None        # the actual the newest computed verdict used
    actual_unit: str | None
    verdict: str | None               # effective: override, else "dismissed", else newest computed; None if unscored
    overridden: bool
    surprise_pct: float | None
    speaker: str
    hedge: str
    quote: str
    kind: str
    status: str
    call_date: date | None
    document_id: int
    confidence: float
    basis: str | None = None          # gaap / non_gaap / adjusted; None: not stated
    measure: str | None = None        # None: a level; yoy_growth, qoq_growth, cagr, multiple, ratio


def list_claims(session: Session, ticker: str | None = None, due_before: date | None = None,
                verdict: str | None = None, metric: str | None = None, speaker: str | None = None,
                period: str | None = None, search: str | None = None, limit: int | None = None,
                offset: int = 0, include_superseded: bool = False, as_of: date | None = None) -> list[ClaimRow]:
    """Claims sorted by deadline (undated last), then id. `verdict` filters on the effective verdict
    ("unscored" for none yet) of `as_of` (None: each claim's newest computed verdict); `speaker`/`search`
    match case-insensitive substrings."""
    eff = _effective(as_of)
    columns = select(ClaimRecord.id, Company.ticker, ClaimRecord.period_end, ClaimRecord.metric, ClaimRecord.scope,
                     ClaimRecord.comparator, ClaimRecord.low, ClaimRecord.high, ClaimRecord.unit,
                     ClaimRecord.period_label, ActualRecord.value, ActualRecord.unit, eff.verdict,
                     eff.o.id.is_not(None), eff.v.surprise_pct, ClaimRecord.speaker, ClaimRecord.hedge,
                     ClaimRecord.quote, ClaimRecord.kind, ClaimRecord.status, Document.call_date,
                     ClaimRecord.document_id, ClaimRecord.confidence, ClaimRecord.basis, ClaimRecord.measure)
    stmt = (eff.join(columns.join(Company, Company.id == ClaimRecord.company_id)
                     .join(Document, Document.id == ClaimRecord.document_id))
            .outerjoin(ActualRecord, ActualRecord.id == eff.v.actual_id))
    if not include_superseded:
        stmt = stmt.where(ClaimRecord.status != STATUS_SUPERSEDED)
    if ticker:
        stmt = stmt.where(ClaimRecord.company_id == require_company(session, ticker).id)
    if due_before is not None:
        stmt = stmt.where(ClaimRecord.period_end <= due_before)
    if metric:
        stmt = stmt.where(func.lower(ClaimRecord.metric) == metric.strip().lower())
    if period:
        stmt = stmt.where(func.lower(ClaimRecord.period_label) == period.strip().lower())
    if speaker:
        stmt = stmt.where(ClaimRecord.speaker.ilike(f"%{_like(speaker)}%", escape="\\"))
    if search:
        pattern = f"%{_like(search)}%"
        stmt = stmt.where(or_(ClaimRecord.quote.ilike(pattern, escape="\\"),
                              ClaimRecord.metric.ilike(pattern, escape="\\"),
                              ClaimRecord.scope.ilike(pattern, escape="\\"),
                              ClaimRecord.speaker.ilike(pattern, escape="\\")))
    if verdict:
        wanted = verdict.strip().lower()
        stmt = stmt.where(eff.verdict.is_(None) if wanted == "unscored" else eff.verdict == wanted)
    stmt = stmt.order_by(ClaimRecord.period_end.is_(None), ClaimRecord.period_end, ClaimRecord.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return [ClaimRow(*row) for row in session.execute(stmt)]


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- one claim in full ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class RevisionLink:
    kind: str
    on: date | None
    claim_id: int | None       # the other claim: the later one (for `later`) or the earlier one (for `earlier`)
    description: str
    quote: str


@dataclass(frozen=True)
class VerdictInfo:
    as_of: date
    verdict: str
    explanation: str
    surprise_pct: float | None
    attainment: float | None
    days_late: int | None
    actual_id: int | None
    against: str
    computed_at: datetime


@dataclass(frozen=True)
class OverrideInfo:
    verdict: str
    reason: str
    author: str
    created_at: datetime


@dataclass(frozen=True)
class NoteInfo:
    text: str
    author: str
    created_at: datetime


@dataclass(frozen=True)
class AuditInfo:
    at: datetime
    author: str
    action: str
    before: dict | None
    after: dict | None


@dataclass(frozen=True)
class ClaimDetail:
    id: int
    ticker: str
    status: str
    claim: Claim
    mentions: tuple[Mention, ...]
    document_id: int
    document_path: str | None
    call_date: date | None
    earlier: tuple[RevisionLink, ...]      # what this claim revised (the chain back, nearest first)
    later: tuple[RevisionLink, ...]        # what revised or withdrew it (the chain forward, oldest first)
    actuals: tuple[tuple[int, Actual], ...]   # (actual id, actual) about the claim's metric, scope and period
    verdicts: tuple[VerdictInfo, ...]      # newest as-of first
    effective: str | None
    overrides: tuple[OverrideInfo, ...]    # newest first; the first one is in force
    notes: tuple[NoteInfo, ...]
    audit: tuple[AuditInfo, ...]
    as_of: date | None = None              # the date `effective` is read for (None: the newest verdict)
    correction: Any = None                 # db.corrections.Correction when a person corrected the claim
    origin: str = "extracted"              # "added": a person added it (fls claim add)


def _describe(session: Session, claim_id: int | None) -> str:
    from tracker.scoring import describe_promise

    if claim_id is None:
        return ""
    rec = session.get(ClaimRecord, claim_id)
    return describe_promise(claim_from_record(rec, with_mentions=False)) if rec is not None else ""


def _chain_back(session: Session, claim_id: int) -> list[RevisionLink]:
    out, seen, current = [], {claim_id}, claim_id
    while True:
        rev = session.scalars(select(RevisionRecord).where(RevisionRecord.claim_id == current)
                              .order_by(RevisionRecord.on.desc(), RevisionRecord.id.desc())).first()
        if rev is None or rev.earlier_claim_id in seen:
            return out
        out.append(RevisionLink(rev.kind, rev.on, rev.earlier_claim_id, _describe(session, rev.earlier_claim_id),
                                rev.quote))
        seen.add(rev.earlier_claim_id)
        current = rev.earlier_claim_id


def _chain_forward(session: Session, claim_id: int) -> list[RevisionLink]:
    out, seen, current = [], {claim_id}, claim_id
    while current is not None:
        revs = session.scalars(select(RevisionRecord).where(RevisionRecord.earlier_claim_id == current)
                               .order_by(RevisionRecord.on, RevisionRecord.id)).all()
        nxt = None
        for rev in revs:
            if rev.claim_id in seen:
                continue
            out.append(RevisionLink(rev.kind, rev.on, rev.claim_id, _describe(session, rev.claim_id), rev.quote))
            if rev.claim_id is not None:
                nxt = rev.claim_id
        if nxt is not None:
            seen.add(nxt)
        current = nxt
    return out


def claim_detail(session: Session, claim_id: int, as_of: date | None = None) -> ClaimDetail:
    """The claim in full; its effective verdict is the one of `as_of` (None: its newest), and every verdict
    stored for it is listed, newest as-of first."""
    from db.corrections import corrections_of
    from tracker.scoring.matching import match_tier, norm

    rec = get_claim(session, claim_id)
    claim = claim_from_record(rec)
    doc = session.get(Document, rec.document_id)
    company = session.get(Company, rec.company_id)
    actual_rows = session.scalars(select(ActualRecord).where(ActualRecord.company_id == rec.company_id,
                                                             func.lower(ActualRecord.metric) == rec.metric.lower())
                                  .order_by(ActualRecord.period_end, ActualRecord.id)).all()
    actuals = tuple((a.id, actual_from_record(a)) for a in actual_rows
                    if norm(a.scope) == norm(rec.scope) and match_tier(claim, actual_from_record(a)) > 0)
    verdicts = tuple(VerdictInfo(v.as_of, v.verdict, v.explanation, v.surprise_pct, v.attainment, v.days_late,
                                 v.actual_id, v.against, v.computed_at)
                     for v in session.scalars(select(VerdictRecord).where(VerdictRecord.claim_id == rec.id)
                                              .order_by(VerdictRecord.as_of.desc(), VerdictRecord.against.desc())))
    overrides = tuple(OverrideInfo(o.verdict, o.reason, o.author, o.created_at)
                      for o in session.scalars(select(OverrideRecord).where(OverrideRecord.claim_id == rec.id)
                                               .order_by(OverrideRecord.created_at.desc(), OverrideRecord.id.desc())))
    notes = tuple(NoteInfo(n.text, n.author, n.created_at)
                  for n in session.scalars(select(NoteRecord).where(NoteRecord.claim_id == rec.id)
                                           .order_by(NoteRecord.created_at, NoteRecord.id)))
    trail = tuple(AuditInfo(a.at, a.author, a.action, audit.loads(a.before), audit.loads(a.after))
                  for a in audit.trail(session, "claim", rec.id))
    eff = effective_verdicts(session, [rec.id], as_of)[rec.id].verdict
    return ClaimDetail(id=rec.id, ticker=company.ticker, status=rec.status, claim=claim, mentions=claim.mentions,
                       document_id=doc.id, document_path=doc.path, call_date=doc.call_date,
                       earlier=tuple(_chain_back(session, rec.id)), later=tuple(_chain_forward(session, rec.id)),
                       actuals=actuals, verdicts=verdicts, effective=eff.value if eff else None,
                       overrides=overrides, notes=notes, audit=trail, as_of=as_of,
                       correction=corrections_of(session, [rec.id]).get(rec.id), origin=rec.origin)


# --- scorecards ----------------------------------------------------------------------------------------

def build_scorecard(session: Session, ticker: str, as_of: date, period: str | None = None, *,
                    policy=None):  # noqa: ANN001, ANN201 -> tracker.scorecard.Scorecard
    """The company's claims scored on `as_of` (computed afresh, nothing written), with overrides, notes,
    revisions, dismissals and corrections applied, and the figures reported by then (for periods ending after
    the company's first call) that no claim's verdict used. `period`: only claims (and unused figures) about
    that period label."""
    from db.corrections import corrections_of
    from tracker.scorecard import Scorecard, ScorecardRow
    from tracker.scorecard.model import UnusedActual
    from tracker.scoring import classify_revision, credibility, describe_promise
    from tracker.scoring.matching import known_on
    from tracker.scoring.standing import dismissed

    company = require_company(session, ticker)
    stmt = (select(ClaimRecord).where(ClaimRecord.company_id == company.id,
                                      ClaimRecord.status != STATUS_SUPERSEDED)
            .options(selectinload(ClaimRecord.mentions), selectinload(ClaimRecord.document)))
    if period:
        stmt = stmt.where(func.lower(ClaimRecord.period_label) == period.strip().lower())
    records = list(session.scalars(stmt.order_by(ClaimRecord.period_end.is_(None), ClaimRecord.period_end,
                                                 ClaimRecord.id)))
    eff = effective_verdicts(session, [r.id for r in records])
    fixes = corrections_of(session, [r.id for r in records])
    used: set[int] = set()
    notes: dict[int, list[str]] = {}
    for n in session.scalars(select(NoteRecord).where(NoteRecord.claim_id.in_([r.id for r in records]))
                             .order_by(NoteRecord.created_at, NoteRecord.id)):
        notes.setdefault(n.claim_id, []).append(n.text)
    rows, pairs = [], []
    for scored in score_records(session, records, as_of, policy):
        rec, claim = scored.record, scored.claim
        result = scored.original
        used.update(i for i in (scored.original_actual_id, scored.latest_actual_id) if i is not None)
        fix = fixes.get(rec.id)
        if rec.status == STATUS_DISMISSED:
            result = dismissed(result)
        override = eff[rec.id].override
        revisions = [(r.kind, r.on, describe_promise(claim_from_record(session.get(ClaimRecord, r.claim_id),
                                                                       with_mentions=False)))
                     for r in scored.revisions]
        revisions += [(w.kind, w.on, w.quote) for w in scored.withdrawals]
        # new guidance a user recorded ("revised" events): raised/lowered against the original promise
        revisions += [(kind if kind == EVENT_REAFFIRMED else str(classify_revision(claim, new) or "revised"), on,
                       describe_promise(new)) for on, new, kind in scored.guidance]
        first = min(claim.mentions, key=lambda m: m.start, default=None)
        rows.append(ScorecardRow(
            claim=claim, result=result, latest=scored.latest,
            document=Path(rec.document.path).name if rec.document.path else rec.document.sha256[:12],
            call_date=rec.document.call_date, start=first.start if first else None,
            end=first.end if first else None, revisions=tuple(sorted(revisions, key=lambda t: t[1] or date.min)),
            override=(override.verdict, override.reason) if override else None,
            notes=tuple(notes.get(rec.id, ())), claim_id=rec.id,
            corrected=fix.fields if fix else (), correction_reasons=fix.reasons if fix else (),
            added=rec.origin == ORIGIN_ADDED))
        pairs.append((claim, rows[-1].shown))
    actuals = select(ActualRecord).where(ActualRecord.company_id == company.id)
    if period:
        actuals = actuals.where(func.lower(ActualRecord.period_label) == period.strip().lower())
    # figures of periods over before the company's first call are its history ("Q3 2024 gross margin was
    # 22%", said on the Q4 call), not results of anything promised: they are not listed
    first_call = session.scalar(select(func.min(Document.call_date)).where(Document.company_id == company.id))
    unused = []
    for a in session.scalars(actuals.order_by(ActualRecord.period_end, ActualRecord.metric, ActualRecord.id)):
        actual = actual_from_record(a)
        history = first_call is not None and a.period_end is not None and a.period_end <= first_call
        if a.id not in used and known_on(actual, as_of) and not history:
            unused.append(UnusedActual(a.id, actual))
    return Scorecard(company=company.name, ticker=company.ticker, as_of=as_of, period=period,
                     credibility=credibility(pairs), rows=tuple(rows), speakers=_by_speaker(pairs),
                     unused_actuals=tuple(unused))


def _by_speaker(pairs: list) -> tuple:  # -> tuple[tuple[str, Credibility], ...]
    """The scorecard's verdicts summed up per speaker like the company's, most claims first, then by name."""
    from tracker.scoring import credibility

    grouped: dict[str, list] = defaultdict(list)
    for claim, result in pairs:
        grouped[claim.speaker or ""].append((claim, result))
    order = sorted(grouped, key=lambda name: (-len(grouped[name]), name.lower(), name))
    return tuple((name, credibility(grouped[name])) for name in order)


# --- verdicts computed on one date ---------------------------------------------------------------------

@dataclass(frozen=True)
class VerdictRow:
    claim_id: int
    ticker: str
    deadline: date | None
    metric: str
    scope: str | None
    comparator: str | None
    low: float | None
    high: float | None
    unit: str | None
    period_label: str | None
    actual_value: float | None
    actual_unit: str | None
    verdict: str                      # effective: a user's override wins over the computed verdict
    computed: str                     # as computed on `as_of`
    explanation: str                  # the computed verdict's
    overridden: bool
    override_reason: str | None = None

    @property
    def shown_explanation(self) -> str:
        """"overridden: met (reason); computed missed: ..." for an overridden verdict, else the computed one."""
        from tracker.scoring import VerdictResult
        from tracker.scoring.standing import override_explanation

        if self.verdict == Verdict.DISMISSED.value:
            return "dismissed by a user"
        if not self.overridden:
            return self.explanation
        computed = VerdictResult(Verdict(self.computed), self.explanation, date.min)
        return override_explanation(self.verdict, self.override_reason or "", computed)


def verdicts_on(session: Session, as_of: date, ticker: str | None = None) -> list[VerdictRow]:
    """The verdicts stored for `as_of` (against the original promise), sorted like `list_claims`; each shown
    as a person sees it (their newest override, else "dismissed" for a dismissed claim), in one query."""
    o, o_on = latest_override()
    shown = effective_case(o, VerdictRecord.verdict)
    stmt = (select(ClaimRecord.id, Company.ticker, ClaimRecord.period_end, ClaimRecord.metric, ClaimRecord.scope,
                   ClaimRecord.comparator, ClaimRecord.low, ClaimRecord.high, ClaimRecord.unit,
                   ClaimRecord.period_label, ActualRecord.value, ActualRecord.unit, shown, VerdictRecord.verdict,
                   VerdictRecord.explanation, o.id.is_not(None), o.reason)
            .select_from(VerdictRecord)
            .join(ClaimRecord, ClaimRecord.id == VerdictRecord.claim_id)
            .join(Company, Company.id == ClaimRecord.company_id)
            .outerjoin(ActualRecord, ActualRecord.id == VerdictRecord.actual_id)
            .outerjoin_from(ClaimRecord, o, o_on)
            .where(VerdictRecord.as_of == as_of, VerdictRecord.against == AGAINST_ORIGINAL,
                   ClaimRecord.status != STATUS_SUPERSEDED))
    if ticker:
        stmt = stmt.where(ClaimRecord.company_id == require_company(session, ticker).id)
    stmt = stmt.order_by(Company.ticker, ClaimRecord.period_end.is_(None), ClaimRecord.period_end, ClaimRecord.id)
    return [VerdictRow(*row) for row in session.execute(stmt)]
