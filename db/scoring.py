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
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, delete, exists, func, insert, inspect, literal, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from db import audit, totals
from db.companies import require_company
from db.inputs import rules_fingerprint
from db.convert import actual_from_record, claim_from_record, event_from_record
from db.session import lock_scoring
from db.models import (
    EVENT_REAFFIRMED,
    EVENT_REVISED,
    STATUS_ACTIVE,
    STATUS_DISMISSED,
    ActualRecord,
    AuditRecord,
    ClaimRecord,
    Company,
    EventRecord,
    OverrideRecord,
    RevisionRecord,
    ScoreState,
    VerdictRecord,
    utcnow,
)
from tracker.model import Claim, Comparator, Event, EventKind, RevisionKind, Verdict
from tracker.scoring.matching import ActualIndex

AGAINST_ORIGINAL = "original"
AGAINST_LATEST = "latest"
_WORD = re.compile(r"\w+")
BATCH = 2000            # claims scored per round trip: memory stays bounded whatever the database's size


@dataclasses.dataclass
class _CompanyFacts:
    actuals: ActualIndex                # indexed by metric, scope and period: a claim reads only its candidates
    actual_ids: dict[int, int]          # id(domain Actual) -> actuals.id
    events: list[Event]
    revised: list[EventRecord]          # user-recorded new or reaffirmed guidance
    # per event (same order as `events`): the only claims it may settle; None: every claim its metric, scope
    # and period fit (tracker.scoring.matching)
    targets: list[frozenset[int] | None] = dataclasses.field(default_factory=list)


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
    events, revised, rows = [], [], []
    for row in session.scalars(select(EventRecord).where(EventRecord.company_id == company.id)
                               .order_by(EventRecord.on, EventRecord.id)):
        if row.kind in (EVENT_REVISED, EVENT_REAFFIRMED):
            revised.append(row)
        else:
            events.append(event_from_record(row, company.ticker))
            rows.append(row)
    return _CompanyFacts(ActualIndex(actuals), ids, events, revised, _event_targets(session, company, events, rows))


def _words(text: str | None) -> set[str]:
    return {w for w in _WORD.findall((text or "").casefold()) if len(w) > 2}


def _event_targets(session: Session, company: Company, events: list[Event],
                   rows: list[EventRecord]) -> list[frozenset[int] | None]:
    """The claims each event may settle. An event naming a claim (claim_id) settles that claim only. An
    "achieved" event that fits several of the company's milestones (they share a scope: "Fab 3 opened" and
    "Fab 3 at full output") settles those whose words its note shares most (beyond the scope's and metric's
    words); when its note singles none out, every milestone it fits, as before."""
    from tracker.scoring.matching import achievement_matches

    out: list[frozenset[int] | None] = []
    milestones = None
    for event, row in zip(events, rows):
        if row.claim_id is not None:
            out.append(frozenset({row.claim_id}))
            continue
        if event.kind is not EventKind.ACHIEVED or not row.note:
            out.append(None)
            continue
        if milestones is None:
            milestones = [(rec.id, claim_from_record(rec, with_mentions=False)) for rec in session.scalars(
                select(ClaimRecord).where(ClaimRecord.company_id == company.id, ClaimRecord.status == STATUS_ACTIVE,
                                          ClaimRecord.event.is_not(None)))]
        fits = [(cid, c) for cid, c in milestones if achievement_matches(event, c)]
        said = _words(row.note) - _words(event.scope) - _words(event.metric)
        shared = {cid: len(said & (_words(c.event) | _words(c.quote))) for cid, c in fits}
        best = max(shared.values(), default=0)
        chosen = frozenset(cid for cid, n in shared.items() if n == best)
        out.append(chosen if len(fits) > 1 and best > 0 and len(chosen) < len(fits) else None)
    return out


def _events_for(facts: _CompanyFacts, claim_id: int, claim: Claim) -> list[Event]:
    """The company's events that may touch this claim; one that names the claim is read as about its
    metric, scope and period, whatever it says of them."""
    out = []
    for event, targets in zip(facts.events, facts.targets):
        if targets is None:
            out.append(event)
        elif claim_id in targets:
            out.append(dataclasses.replace(event, metric=claim.metric, scope=claim.scope,
                                           period_label=claim.period.label if claim.period else None)
                       if len(targets) == 1 else event)
    return out


def _guidance_fits(row: EventRecord, claim_id: int, claim: Claim) -> bool:
    """Does a user-recorded revision or reaffirmation re-guide this claim? One naming a claim re-guides that
    claim; else its metric, scope and period label must be the claim's, and its unit of the claim's family
    (a percentage revision never attaches to a dollar claim)."""
    from tracker.scoring.matching import units_comparable

    if row.claim_id is not None:
        return row.claim_id == claim_id and units_comparable(row.unit, claim.unit)
    return (_norm(row.metric) == _norm(claim.metric) and _norm(row.scope) == _norm(claim.scope)
            and (row.period_label is None or claim.period is None
                 or _norm(row.period_label) == _norm(claim.period.label))
            and units_comparable(row.unit, claim.unit))


def _revised_claim(claim: Claim, row: EventRecord) -> Claim:
    """The claim as re-guided by a user-recorded "revised" event (a figure or a range "11.97-12.17", in the
    event's unit), or as reaffirmed ("reaffirmed": the same figures, said again on a date)."""
    if row.kind == EVENT_REAFFIRMED and row.value is None:
        return dataclasses.replace(claim, quote=row.note or claim.quote, mentions=())
    high = row.high if row.high is not None else row.value
    return dataclasses.replace(claim, low=row.value, high=high, unit=row.unit or claim.unit,
                               comparator=Comparator.RANGE if high != row.value else Comparator.APPROX,
                               quote=row.note or claim.quote, mentions=())


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
    # user-recorded guidance, oldest first: (date, the claim as re-guided, "revised" or "reaffirmed")
    guidance: tuple[tuple[date, Claim, str], ...] = ()


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
            guidance = sorted(((ev.on, _revised_claim(claim, ev), ev.kind) for ev in facts.revised
                               if ev.on <= as_of and _guidance_fits(ev, rec.id, claim)),
                              key=lambda p: p[0])
            revised += [(on, new) for on, new, _ in guidance]
            revised_claims = [c for _, c in sorted(revised, key=lambda p: p[0])]
            outs = tuple(w for cid in [rec.id, *(r.claim_id for r in chain)]
                         for w in withdrawals.get(cid, []) if w.on is not None)
            first_out = min(outs, key=lambda w: w.on, default=None)
            original, latest = score_with_revisions(
                claim, revised_claims, facts.actuals, _events_for(facts, rec.id, claim), as_of, policy,
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
    session cleared between batches: time grows with the claims scored, memory with the batch. Each batch's
    verdict totals (db.totals) are written with it, and at the end those of the date's other companies whose
    totals are out of date. One audit row says what the run did."""
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
        # verdicts of another policy than the default are not what a plain `fls score` would keep: forgotten
        _mark_scored(session, as_of, {cid: todo[cid] for cid in group}, rules, now, keep=policy is None)
        totals.refresh(session, as_of, group)     # the new verdicts' totals, in this transaction
        facts_cache.clear()             # every company of the group is done
    # the others' totals of the date too, when out of date (a person's change, an ingest, an older release)
    totals.refresh(session, as_of, None if company is None else
                   [cid for cid in session.scalars(totals.stale(as_of)) if cid == company.id])
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


def _mark_scored(session: Session, as_of: date, versions: dict[int, int], rules: str, now,  # noqa: ANN001
                 keep: bool = True) -> None:
    """Remember the inputs each company's verdicts of `as_of` were computed from (one delete, one insert);
    `keep` False: forget them, so that the next scoring of the date scores these companies again."""
    session.execute(delete(ScoreState).where(ScoreState.as_of == as_of,
                                             ScoreState.company_id.in_(list(versions)))
                    .execution_options(synchronize_session=False))
    if not keep:
        return
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


def latest_per_claim(model, order_by, *where):  # noqa: ANN001, ANN202
    """An alias of `model` and the condition that joins it to the claim's newest row: the row whose id is the
    first of the claim's rows in `order_by`, found by a subquery per claim through the claim_id index. The cost
    grows with the claims read, not with the table (a window function over the table would rank every row)."""
    alias = aliased(model)
    newest = (select(model.id).where(model.claim_id == ClaimRecord.id, *where).order_by(*order_by).limit(1)
              .correlate(ClaimRecord).scalar_subquery())
    return alias, and_(alias.claim_id == ClaimRecord.id, alias.id == newest)


@dataclasses.dataclass(frozen=True)
class EffectiveSql:
    """The newest computed verdict (against the original promise) and the newest override of each claim, as
    aliases to outer-join, and the effective verdict they give: override, else dismissed, else computed."""
    v: Any
    v_on: Any
    o: Any
    o_on: Any
    verdict: Any

    def join(self, stmt: Select) -> Select:
        return (stmt.outerjoin_from(ClaimRecord, self.v, self.v_on)
                .outerjoin_from(ClaimRecord, self.o, self.o_on))


def effective_sql(as_of: date | None = None) -> EffectiveSql:
    """`as_of`: the verdicts computed on that date (a claim not scored that day has none); None: the newest
    computed verdict of each claim."""
    if as_of is not None:
        # (claim_id, as_of, against) is unique: at most one row per claim, found through the unique index
        v = aliased(VerdictRecord)
        v_on = and_(v.claim_id == ClaimRecord.id, v.as_of == as_of, v.against == AGAINST_ORIGINAL)
    else:
        # the newest as-of date alone names the newest computed verdict, and the unique index serves the
        # lookup in that order
        v, v_on = latest_per_claim(VerdictRecord, (VerdictRecord.as_of.desc(),),
                                    VerdictRecord.against == AGAINST_ORIGINAL)
    o, o_on = latest_override()
    return EffectiveSql(v, v_on, o, o_on, effective_case(o, v.verdict).label("effective"))


def latest_override():  # noqa: ANN201
    """An alias of the overrides table joined to each claim's newest override (the one in force): an override
    of the claim with no newer one (by time, then id). Most claims have none, and for them this costs one index
    probe, where a subquery per claim ordering the claim's overrides costs a sort each (a fifth of `fls
    companies` at a million claims)."""
    alias, newer = aliased(OverrideRecord), aliased(OverrideRecord)
    superseded = exists().where(newer.claim_id == alias.claim_id,
                                or_(newer.created_at > alias.created_at,
                                    and_(newer.created_at == alias.created_at, newer.id > alias.id)))
    return alias, and_(alias.claim_id == ClaimRecord.id, ~superseded)


def effective_case(override, computed):  # noqa: ANN001, ANN201
    """The one definition of the effective verdict, as SQL every reader shares: a dismissal wins over an
    override (tracker.scoring.standing: "not a claim" settles more than "met"), an override over the
    computed verdict. `override`: an alias of the overrides table joined to the claim's override in force."""
    return case((ClaimRecord.status == STATUS_DISMISSED, literal(Verdict.DISMISSED.value)),
                (override.id.is_not(None), override.verdict),
                else_=computed)


@dataclasses.dataclass(frozen=True)
class Effective:
    verdict: Verdict | None            # None: never scored
    overridden: bool
    computed: VerdictRecord | None     # the newest computed verdict against the original promise
    override: OverrideRecord | None


def effective_verdicts(session: Session, claim_ids: Iterable[int], as_of: date | None = None
                       ) -> dict[int, Effective]:
    """Effective verdicts of many claims in a few queries (for lists of thousands of claims), by the one SQL
    definition every list reads (`effective_case`). `as_of`: the verdicts computed on that date, so that a
    review of March 1 reads March 1's verdicts even after a later scoring ("pending" then, "missed" since);
    None: the newest computed verdict of each claim."""
    ids = list(claim_ids)
    eff = effective_sql(as_of)
    out: dict[int, Effective] = {}
    for start in range(0, len(ids), 500):
        stmt = eff.join(select(ClaimRecord.id, eff.verdict, eff.v, eff.o)).where(ClaimRecord.id.in_(ids[start:start + 500]))
        for cid, verdict, computed, override in session.execute(stmt):
            out[cid] = Effective(verdict=Verdict(verdict) if verdict else None, overridden=override is not None,
                                 computed=computed, override=override)
    return {cid: out.get(cid, Effective(None, False, None, None)) for cid in ids}


def effective_verdict(session: Session, claim: ClaimRecord | int, as_of: date | None = None) -> Verdict | None:
    """A dismissed claim is DISMISSED; else the claim's override if any; else the verdict computed on `as_of`
    (None: the newest computed verdict)."""
    claim_id = claim if isinstance(claim, int) else claim.id
    return effective_verdicts(session, [claim_id], as_of)[claim_id].verdict


def last_scored(session: Session) -> date | None:
    """The as-of date of the newest scoring (None: never scored). Scoring March 1 after June 1 makes March 1
    the date last scored: a reviewer who re-scored an old date is shown that date, not silently today. Each
    scoring writes one audit row saying its date, also when no company's inputs had changed and no verdict
    was written again; a database scored before those rows existed falls back on its newest verdict row."""
    from db.models import AuditRecord

    said = session.scalar(select(AuditRecord.after).where(AuditRecord.action == "score")
                          .order_by(AuditRecord.id.desc()).limit(1))
    day = (audit.loads(said) or {}).get("as_of") if said else None
    if day:
        return date.fromisoformat(str(day))
    newest = select(func.max(VerdictRecord.id)).scalar_subquery()
    return session.scalar(select(VerdictRecord.as_of).where(VerdictRecord.id == newest))


def scored_dates(session: Session) -> list[date]:
    """Every as-of date verdicts are stored for, oldest first."""
    return list(session.scalars(select(VerdictRecord.as_of).distinct().order_by(VerdictRecord.as_of)))


def is_scored_on(session: Session, as_of: date) -> bool:
    return session.scalar(select(VerdictRecord.id).where(VerdictRecord.as_of == as_of).limit(1)) is not None
