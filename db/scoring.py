"""Scoring stored claims: computed verdicts are replaced per as-of date; overrides and notes are never touched.

`score_all` gathers, for each active claim, the company's actuals and events, the chain of later claims that
revised it (plus "revised" events a user recorded: new guidance on a date), and the earliest withdrawal known
from the transcripts, then stores the verdict against the original promise (and, when revised, against the
latest one). It is incremental: a company whose inputs have not changed since the date was last scored
(db.inputs: "Q3 revenue of $90 million" scored on 2025-12-31, and no figure, claim, event or link of its
company written since) keeps its verdicts of that date, and the others are scored in batches of whole
companies, set-based (a few queries a batch, none a claim). `effective_verdict` is what a person sees:
"dismissed" for a dismissed claim, else their override if any, else the newest computed one.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from sqlalchemy import delete, func, insert, inspect, select
from sqlalchemy.orm import Session, aliased, selectinload

from db import audit
from db.companies import require_company
from db.inputs import rules_fingerprint
from db.convert import actual_from_record, claim_from_record, event_from_record
from db.session import lock_scoring
from db.models import (
    EVENT_REVISED,
    STATUS_ACTIVE,
    STATUS_DISMISSED,
    ActualRecord,
    ClaimRecord,
    Company,
    EventRecord,
    OverrideRecord,
    RevisionRecord,
    ScoreState,
    VerdictRecord,
    utcnow,
)
from tracker.model import Claim, Comparator, Event, RevisionKind, Verdict
from tracker.scoring.matching import ActualIndex

AGAINST_ORIGINAL = "original"
AGAINST_LATEST = "latest"
BATCH = 2000            # claims scored per round trip: memory stays bounded whatever the database's size


@dataclasses.dataclass
class _CompanyFacts:
    actuals: ActualIndex                # indexed by metric, scope and period: a claim reads only its candidates
    actual_ids: dict[int, int]          # id(domain Actual) -> actuals.id
    events: list[Event]
    revised: list[EventRecord]          # user-recorded new guidance


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _company_facts(session: Session, company: Company) -> _CompanyFacts:
    actual_rows = session.scalars(select(ActualRecord).where(ActualRecord.company_id == company.id)
                                  .order_by(ActualRecord.id)).all()
    actuals, ids = [], {}
    for row in actual_rows:
        obj = actual_from_record(row)
        actuals.append(obj)
        ids[id(obj)] = row.id
    events, revised = [], []
    for row in session.scalars(select(EventRecord).where(EventRecord.company_id == company.id)
                               .order_by(EventRecord.on, EventRecord.id)):
        if row.kind == EVENT_REVISED:
            revised.append(row)
        else:
            events.append(event_from_record(row, company.ticker))
    return _CompanyFacts(ActualIndex(actuals), ids, events, revised)


def _revised_claim(claim: Claim, row: EventRecord) -> Claim:
    """The claim as re-guided by a user-recorded "revised" event (a point figure, in the event's unit)."""
    return dataclasses.replace(claim, low=row.value, high=row.value, unit=row.unit or claim.unit,
                               comparator=Comparator.APPROX, quote=row.note or claim.quote, mentions=())


def _revision_links(session: Session, claim_ids: Iterable[int]) -> tuple[dict[int, list[RevisionRecord]],
                                                                         dict[int, list[RevisionRecord]]]:
    """(successors by earlier claim id, withdrawals by claim id) for every revision touching the claims."""
    successors: dict[int, list[RevisionRecord]] = defaultdict(list)
    withdrawals: dict[int, list[RevisionRecord]] = defaultdict(list)
    ids = list(claim_ids)
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        for rev in session.scalars(select(RevisionRecord).where(RevisionRecord.earlier_claim_id.in_(chunk))
                                   .order_by(RevisionRecord.on, RevisionRecord.id)):
            if rev.kind == RevisionKind.WITHDRAWN.value:
                withdrawals[rev.earlier_claim_id].append(rev)
            elif rev.claim_id is not None:
                successors[rev.earlier_claim_id].append(rev)
    return successors, withdrawals


def _chain(claim_id: int, successors: dict[int, list[RevisionRecord]]) -> list[RevisionRecord]:
    """The revisions that replaced this claim by later ones, oldest first (following the latest revision
    at each step)."""
    out, seen, current = [], {claim_id}, claim_id
    while successors.get(current):
        rev = successors[current][-1]
        if rev.claim_id in seen:
            break
        out.append(rev)
        seen.add(rev.claim_id)
        current = rev.claim_id
    return out


@dataclasses.dataclass(frozen=True)
class Scored:
    """One claim scored on a date: against the original promise and, when revised, the latest one."""
    record: ClaimRecord                  # or, from score_all, a row of the claims table (same attributes)
    claim: Claim
    original: object                     # tracker.scoring.VerdictResult
    latest: object | None
    original_actual_id: int | None
    latest_actual_id: int | None
    revisions: tuple[RevisionRecord, ...]    # the chain of later claims that revised it, oldest first
    withdrawals: tuple[RevisionRecord, ...]  # transcript withdrawals of it or of its revisions
    guidance: tuple[tuple[date, Claim], ...] = ()  # user-recorded new guidance ("revised" events), oldest first


def score_records(session: Session, claims: list[ClaimRecord], as_of: date, policy=None,  # noqa: ANN001
                  progress: Callable[[int, int], None] | None = None,
                  facts_cache: dict[int, _CompanyFacts] | None = None,
                  with_mentions: bool = True) -> Iterator[Scored]:
    """Score stored claims on `as_of` without writing anything (claims need their mentions loaded, unless
    `with_mentions` is False: verdicts never read them, so `score_all` passes plain rows of the claims table).
    `facts_cache` keeps each company's actuals and events across calls (one batch after another)."""
    from tracker.scoring import ScoringPolicy, score_with_revisions

    policy = policy or ScoringPolicy()
    total = len(claims)
    if progress:
        progress(0, total)
    by_company: dict[int, list[ClaimRecord]] = defaultdict(list)
    for rec in claims:
        by_company[rec.company_id].append(rec)
    domain = {rec.id: claim_from_record(rec, with_mentions=with_mentions) for rec in claims}
    successors, withdrawals = _revision_links(session, domain)
    missing = {r.claim_id for revs in successors.values() for r in revs if r.claim_id not in domain}
    if missing:   # successors that are not themselves scored (dismissed) still carry the revised figure
        for rec in session.scalars(select(ClaimRecord).where(ClaimRecord.id.in_(missing))
                                   .options(selectinload(ClaimRecord.mentions))):
            domain[rec.id] = claim_from_record(rec)
    done = 0
    for company_id, records in by_company.items():
        facts = facts_cache.get(company_id) if facts_cache is not None else None
        if facts is None:
            facts = _company_facts(session, session.get(Company, company_id))
            if facts_cache is not None:
                facts_cache[company_id] = facts
        for rec in records:
            claim = domain[rec.id]
            chain = [r for r in _chain(rec.id, successors) if (r.on or date.min) <= as_of]
            revised = [(r.on or date.min, domain[r.claim_id]) for r in chain]
            guidance = sorted(((ev.on, _revised_claim(claim, ev)) for ev in facts.revised
                               if ev.on <= as_of and _norm(ev.metric) == _norm(claim.metric)
                               and _norm(ev.scope) == _norm(claim.scope)
                               and (ev.period_label is None or claim.period is None
                                    or _norm(ev.period_label) == _norm(claim.period.label))),
                              key=lambda p: p[0])
            revised += guidance
            revised_claims = [c for _, c in sorted(revised, key=lambda p: p[0])]
            outs = tuple(w for cid in [rec.id, *(r.claim_id for r in chain)]
                         for w in withdrawals.get(cid, []) if w.on is not None)
            first_out = min(outs, key=lambda w: w.on, default=None)
            original, latest = score_with_revisions(
                claim, revised_claims, facts.actuals, facts.events, as_of, policy,
                withdrawn_on=first_out.on if first_out else None,
                withdrawn_note=first_out.quote if first_out else "")

            def actual_id(result):  # noqa: ANN001, ANN202
                if result is None or result.actual is None:
                    return None
                return facts.actual_ids.get(id(result.actual))

            yield Scored(rec, claim, original, latest, actual_id(original), actual_id(latest), tuple(chain), outs,
                         tuple(guidance))
            done += 1
            if progress and (done % 100 == 0 or done == total):
                progress(done, total)


def score_all(session: Session, as_of: date, *, ticker: str | None = None, policy=None,  # noqa: ANN001
              progress: Callable[[int, int], None] | None = None, full: bool = False,
              author: str = "") -> int:
    """Compute and store verdicts on `as_of` for the active claims (of `ticker`, or of every company) whose
    inputs changed since that date was last scored, replacing their computed verdicts of that date. Returns the
    number of claims scored; the claims of companies with no change keep the verdicts they have.

    A company is scored again when it has no score_state row for the date, when its `inputs_version` (counted
    by the database's triggers, db.inputs) or the rules' fingerprint differ from the row's, or with `full`
    (also: a `policy` other than the default, which score_state does not record). Its claims are read, scored
    and written in batches of about BATCH claims (whole companies, a company larger than that in id ranges),
    each batch's old verdicts deleted in one statement and its new ones inserted in one executemany, and the
    session cleared between batches: time grows with the claims scored, memory with the batch. One audit row
    says what the run did."""
    lock_scoring(session)            # two scorings of one date would collide inserting the new verdicts
    company = require_company(session, ticker) if ticker else None
    rules = rules_fingerprint()
    # the versions are read before any input: an input written meanwhile leaves a version this run did not see
    todo = _companies_to_score(session, as_of, rules, company.id if company else None, full or policy is not None)
    sizes = _active_claims(session, list(todo)) if todo else {}
    total = sum(sizes.get(cid, 0) for cid in todo)
    _forget_verdicts(session, as_of)
    if progress:
        progress(0, total)
    kept = {id(obj) for obj in session.identity_map.values()}
    facts_cache: dict[int, _CompanyFacts] = {}
    now = utcnow()
    done = 0
    for group in _groups(sorted(todo), sizes):
        claims_of = select(ClaimRecord.id).where(ClaimRecord.status == STATUS_ACTIVE,
                                                 ClaimRecord.company_id.in_(group))
        session.execute(delete(VerdictRecord)
                        .where(VerdictRecord.as_of == as_of, VerdictRecord.claim_id.in_(claims_of))
                        .execution_options(synchronize_session=False))
        for claims in _claims_of(session, group, sizes):
            rows = [_verdict_row(scored, result, against, actual_id, as_of, now)
                    for scored in score_records(session, claims, as_of, policy, facts_cache=facts_cache,
                                                with_mentions=False)
                    for result, against, actual_id in ((scored.original, AGAINST_ORIGINAL,
                                                        scored.original_actual_id),
                                                       (scored.latest, AGAINST_LATEST, scored.latest_actual_id))
                    if result is not None]
            if rows:
                session.execute(insert(VerdictRecord.__table__), rows)
            done += len(claims)
            _let_go(session, kept)
            if progress:
                progress(done, total)
        _mark_scored(session, as_of, {cid: todo[cid] for cid in group}, rules, now)
        facts_cache.clear()             # every company of the group is done
    audit.record(session, author=author, action="score", entity="verdicts", entity_id=None,
                 after={"as_of": as_of, "company": company.ticker if company else None, "full": bool(full),
                        "companies": len(todo), "claims": done})
    return done


def _companies_to_score(session: Session, as_of: date, rules: str, only: int | None,
                        full: bool) -> dict[int, int]:
    """{company id: its inputs_version now} of the companies whose verdicts of `as_of` may be out of date."""
    state = aliased(ScoreState)
    stmt = (select(Company.id, Company.inputs_version)
            .outerjoin(state, (state.company_id == Company.id) & (state.as_of == as_of)))
    if only is not None:
        stmt = stmt.where(Company.id == only)
    if not full:
        stmt = stmt.where(state.id.is_(None) | (state.inputs_version != Company.inputs_version)
                          | (state.rules != rules))
    return dict(session.execute(stmt).all())


def _active_claims(session: Session, company_ids: list[int]) -> dict[int, int]:
    """{company id: its active claims} for the companies to score: through the company index when they are a
    few (one company's new figure), in one pass over the claims when they are many (the first scoring)."""
    stmt = (select(ClaimRecord.company_id, func.count()).where(ClaimRecord.status == STATUS_ACTIVE)
            .group_by(ClaimRecord.company_id))
    if len(company_ids) <= 500:
        return dict(session.execute(stmt.where(ClaimRecord.company_id.in_(company_ids))).all())
    wanted = set(company_ids)
    return {cid: n for cid, n in session.execute(stmt).all() if cid in wanted}


def _claims_of(session: Session, group: list[int], sizes: dict[int, int]) -> Iterator[list]:
    """The active claims of the companies in `group` as plain rows of the claims table (a verdict needs the
    claim's columns only), in id order: in one query for a group of BATCH claims or fewer, else (one large
    company) in id ranges of BATCH. Both read through the company index, never along the whole table."""
    where = [ClaimRecord.status == STATUS_ACTIVE, ClaimRecord.company_id.in_(group)]
    if sum(sizes.get(cid, 0) for cid in group) <= BATCH:
        yield session.execute(select(ClaimRecord.__table__).where(*where).order_by(ClaimRecord.id)).all()
        return
    last = 0
    while True:
        claims = session.execute(select(ClaimRecord.__table__).where(*where, ClaimRecord.id > last)
                                 .order_by(ClaimRecord.id).limit(BATCH)).all()
        if not claims:
            return
        last = claims[-1].id
        yield claims


def _groups(company_ids: list[int], sizes: dict[int, int]) -> Iterator[list[int]]:
    """The companies in groups of about BATCH active claims (a larger company alone), in id order."""
    group: list[int] = []
    claims = 0
    for cid in company_ids:
        if group and claims + sizes.get(cid, 0) > BATCH:
            yield group
            group, claims = [], 0
        group.append(cid)
        claims += sizes.get(cid, 0)
    if group:
        yield group


def _mark_scored(session: Session, as_of: date, versions: dict[int, int], rules: str, now) -> None:  # noqa: ANN001
    """Remember the inputs each company's verdicts of `as_of` were computed from (one delete, one insert)."""
    session.execute(delete(ScoreState).where(ScoreState.as_of == as_of,
                                             ScoreState.company_id.in_(list(versions)))
                    .execution_options(synchronize_session=False))
    session.execute(insert(ScoreState.__table__),
                    [{"company_id": cid, "as_of": as_of, "inputs_version": version, "rules": rules,
                      "scored_at": now} for cid, version in versions.items()])


def _verdict_row(scored: Scored, result, against: str, actual_id: int | None, as_of: date,  # noqa: ANN001
                 now) -> dict:  # noqa: ANN001
    return {"claim_id": scored.record.id, "as_of": as_of, "verdict": Verdict(result.verdict).value,
            "explanation": result.explanation, "surprise_pct": result.surprise_pct, "attainment": result.attainment,
            "days_late": result.days_late, "actual_id": actual_id, "against": against, "computed_at": now}


def _forget_verdicts(session: Session, as_of: date) -> None:
    """Verdict rows of `as_of` deleted in bulk may still be objects in the session: let them go, so that a row
    inserted later under a reused id is never read back as the stale object (an expired one, whose date is not
    known without reading the deleted row, goes too)."""
    for obj in [o for o in session.identity_map.values() if isinstance(o, VerdictRecord)]:
        if inspect(obj).dict.get("as_of", as_of) == as_of:
            session.expunge(obj)


def _let_go(session: Session, kept: set[int]) -> None:
    """Detach what a scoring batch loaded (claims, mentions, revisions, companies) and nothing the caller had."""
    for obj in [o for o in session.identity_map.values() if id(o) not in kept]:
        session.expunge(obj)


@dataclasses.dataclass(frozen=True)
class Effective:
    verdict: Verdict | None            # None: never scored
    overridden: bool
    computed: VerdictRecord | None     # the newest computed verdict against the original promise
    override: OverrideRecord | None


def effective_verdicts(session: Session, claim_ids: Iterable[int]) -> dict[int, Effective]:
    """Effective verdicts of many claims in a few queries (for lists of thousands of claims)."""
    ids = list(claim_ids)
    status: dict[int, str] = {}
    computed: dict[int, VerdictRecord] = {}
    overrides: dict[int, OverrideRecord] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        status.update(session.execute(select(ClaimRecord.id, ClaimRecord.status)
                                      .where(ClaimRecord.id.in_(chunk))).all())
        for v in session.scalars(select(VerdictRecord)
                                 .where(VerdictRecord.claim_id.in_(chunk), VerdictRecord.against == AGAINST_ORIGINAL)
                                 .order_by(VerdictRecord.as_of, VerdictRecord.computed_at, VerdictRecord.id)):
            computed[v.claim_id] = v          # ordered ascending: the last one wins
        for o in session.scalars(select(OverrideRecord).where(OverrideRecord.claim_id.in_(chunk))
                                 .order_by(OverrideRecord.created_at, OverrideRecord.id)):
            overrides[o.claim_id] = o
    out = {}
    for cid in ids:
        o, c = overrides.get(cid), computed.get(cid)
        if status.get(cid) == STATUS_DISMISSED:      # a dismissal wins over an override
            verdict = Verdict.DISMISSED
        elif o is not None:
            verdict = Verdict(o.verdict)
        else:
            verdict = Verdict(c.verdict) if c is not None else None
        out[cid] = Effective(verdict=verdict, overridden=o is not None, computed=c, override=o)
    return out


def effective_verdict(session: Session, claim: ClaimRecord | int) -> Verdict | None:
    """A dismissed claim is DISMISSED; else the claim's override if any; else the newest computed verdict."""
    claim_id = claim if isinstance(claim, int) else claim.id
    return effective_verdicts(session, [claim_id])[claim_id].verdict
