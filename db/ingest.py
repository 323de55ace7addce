"""Storing one Extraction (a transcript's claims and actuals) in the database.

`ingest_extraction` is idempotent: a document is identified by (company, sha256 of the file), and a second
ingest of the same file changes nothing. With `replace=True` the claims of an already stored document are
re-stored from the new extraction; claims are matched on their `fingerprint` so that their ids, and with them
the user's overrides, notes and dismissals, survive. Claims that the new extraction no longer produces are
deleted, unless a user edited them: those are kept with status "superseded".

New claims are linked to the latest earlier claim (earlier call, same company) about the same subject with a
claim_revisions row (raised, lowered, ...), and the call's withdrawals mark the earlier claims they cover.
Links follow call dates, not the order files arrive in: a call older than some stored ones is also offered to
the later calls' claims, and becomes what they revise when it is the latest earlier call saying the same
thing ("Q3 revenue of $90 million" in May re-links to the March call ingested afterwards, not to January's).
The caller owns the transaction (one per file: `with db.session() as s: ingest_extraction(s, ...)`); on
PostgreSQL the ingest holds its company's writer lock (`db.session.lock_companies`) until it ends.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import and_, delete, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from db import audit
from db.companies import calendar_of, ensure_company, find_company, settle_naming
from db.convert import actual_columns, claim_columns, claim_from_record, mention_columns
from db.models import (
    ORIGIN_ADDED,
    STATUS_ACTIVE,
    STATUS_DISMISSED,
    STATUS_SUPERSEDED,
    ActualRecord,
    ClaimRecord,
    Company,
    CorrectionRecord,
    Document,
    MentionRecord,
    NoteRecord,
    OverrideRecord,
    RevisionRecord,
    SpeakerRecord,
    utcnow,
)
from db.session import lock_companies
from tracker.extraction.company_name import company_in_welcome
from db.upserts import insert_actuals, insert_or_get
from tracker.errors import InputError
from tracker.model import Actual, CallInfo, Claim, Extraction, RevisionKind, Role


# A ticker as exchanges write them: letters and digits, with "." or "-" for share classes and markets
# ("BRK.B", "RDS-A", "0700.HK"), at most 16 characters (the column's width).
_TICKER = re.compile(r"[A-Z0-9](?:[A-Z0-9.\-]{0,14}[A-Z0-9])?")


def require_ticker(ticker: str | None) -> str:
    """The ticker a call is stored under, upper-cased; none, or one like "'; DROP TABLE claims;--", is an
    InputError said before anything is written."""
    if not ticker or not ticker.strip():
        raise InputError("unknown company: pass --company TICKER")
    norm = ticker.strip().upper()
    if not _TICKER.fullmatch(norm):
        raise InputError(f"bad ticker {ticker.strip()!r}: use letters and digits, with . or - inside "
                         "(e.g. ACME, BRK.B), at most 16 characters")
    return norm


def _fit(model: type, values: dict) -> dict:
    """Text values cut to their column's width. The extractor names a metric after its noun phrase and a
    speaker after a transcript line, so either can be longer than the column ("revenue from the sale of ...
    (sixty more words)"): PostgreSQL would refuse the whole call for it and SQLite keep it uncut."""
    widths = _widths(model)
    out = {}
    for key, value in values.items():
        width = widths.get(key)
        out[key] = value[:width] if width and isinstance(value, str) and len(value) > width else value
    return out


@cache
def _widths(model: type) -> dict[str, int]:
    """{column: its width} of the model's text columns that have one (read once: _fit runs for every claim
    and mention of every call ingested)."""
    return {c.key: c.type.length for c in model.__table__.columns if getattr(c.type, "length", None)}


def _speaker_key(name: str | None) -> str | None:
    """A speaker's name as stored (cut to the column), the key of `_speaker_ids`."""
    return _fit(SpeakerRecord, {"name": name})["name"]


@dataclass(frozen=True)
class IngestResult:
    """What one ingest wrote: all zeros (and created False) when the document was already stored."""
    document_id: int
    created: bool
    claims: int
    actuals: int
    revisions: int
    withdrawn: int


def claim_fingerprint(document_sha: str, claim: Claim, occurrence: int = 0) -> str:
    """The natural key of a claim within its document; stable across re-extractions of the same file.
    `occurrence` tells apart claims that agree on every keyed field."""
    first_start = min((m.start for m in claim.mentions), default=-1)
    parts = [document_sha, " ".join(claim.metric.split()).casefold(), (claim.scope or "").casefold(),
             claim.period.label if claim.period else "", str(claim.kind), repr(claim.low), repr(claim.high),
             str(first_start)]
    if occurrence:
        parts.append(f"#{occurrence}")
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def fingerprints(document_sha: str, claims: tuple[Claim, ...]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for claim in claims:
        base = claim_fingerprint(document_sha, claim)
        out.append(claim_fingerprint(document_sha, claim, seen[base]) if seen[base] else base)
        seen[base] += 1
    return out


def _document_sha(extraction: Extraction) -> str:
    if extraction.transcript.sha256:
        return extraction.transcript.sha256
    return hashlib.sha256(extraction.transcript.text.encode("utf-8")).hexdigest()


def _reported_period(session: Session, company: Company, call_date: date | None,
                     actuals: tuple[Actual, ...]) -> str | None:
    """The fiscal period the call reports on: the quarter last ended by the call date in the company's
    calendar (anchored on the call date, as the extractor's is); without a call date, the most common span
    label among the transcript's actuals."""
    if call_date is not None:
        from tracker.periods import reported_period

        return reported_period(call_date, calendar_of(session, company, on=call_date)).label
    labels = Counter(a.period.label for a in actuals
                     if a.period.label and not (a.period.start is not None and a.period.start == a.period.end))
    return labels.most_common(1)[0][0] if labels else None


def _speaker_ids(session: Session, company: Company, extraction: Extraction) -> dict[str, int]:
    existing = {s.name: s for s in session.scalars(
        select(SpeakerRecord).where(SpeakerRecord.company_id == company.id))}
    for sp in extraction.transcript.speakers:
        if not sp.name:
            continue
        cols = _fit(SpeakerRecord, {"name": sp.name, "title": sp.title})
        row = existing.get(cols["name"])
        if row is None:   # new to us, perhaps not to a writer of another call of the company right now
            row, created = insert_or_get(session, SpeakerRecord, {"company_id": company.id, "name": cols["name"]},
                                         {"title": cols["title"] or "", "role": Role(sp.role).value})
            existing[cols["name"]] = row
            if created:
                continue
        if cols["title"] and not row.title:
            row.title = cols["title"]
    session.flush()
    return {name: row.id for name, row in existing.items()}


def _new_claim(company: Company, doc: Document, claim: Claim, fingerprint: str, position: int,
               speakers: dict[str, int]) -> ClaimRecord:
    rec = ClaimRecord(company_id=company.id, document_id=doc.id, fingerprint=fingerprint, position=position,
                      status=STATUS_ACTIVE, speaker_id=speakers.get(_speaker_key(claim.speaker)),
                      **_fit(ClaimRecord, claim_columns(claim)))
    rec.mentions = _mentions(claim, speakers)
    return rec


def _mentions(claim: Claim, speakers: dict[str, int]) -> list[MentionRecord]:
    return [MentionRecord(speaker_id=speakers.get(_speaker_key(m.speaker)),
                          **_fit(MentionRecord, mention_columns(m, i))) for i, m in enumerate(claim.mentions)]


def _store_actuals(session: Session, company: Company, doc: Document, actuals: tuple[Actual, ...]) -> int:
    """Store the figures the call reports, each pointing at the earliest stored figure it restates. A figure
    read twice at the same place of the call is one row."""
    rows = []
    for actual in actuals:
        cols = _fit(ActualRecord, actual_columns(actual))
        if cols["reported_on"] is None:
            cols["reported_on"] = doc.call_date
        cols["source_ref"] = cols["source_ref"] or (doc.path or doc.sha256)
        rows.append({"company_id": company.id, "document_id": doc.id, **cols})
    return sum(rid is not None for rid in insert_actuals(session, rows))


def _earlier_claims(session: Session, company: Company, call_date: date, labels: set[str] | None = None,
                    spans: tuple[tuple[date, date], ...] = ()) -> list[tuple[ClaimRecord, date]]:
    """Claims of the company's earlier calls, latest call first (without their mentions: linking reads only
    the claims' own columns). `labels`: only claims about these period labels, case-insensitive ("" takes
    undated claims too), or inside one of the `spans` (first day, last day); None: every claim."""
    stmt = (select(ClaimRecord, Document.call_date).join(Document, ClaimRecord.document_id == Document.id)
            .where(ClaimRecord.company_id == company.id, Document.call_date < call_date,
                   ClaimRecord.status != STATUS_SUPERSEDED)
            .order_by(Document.call_date.desc(), ClaimRecord.position.desc(), ClaimRecord.id.desc()))
    if labels is not None:
        about = [func.lower(ClaimRecord.period_label).in_(sorted(labels))]
        if "" in labels:
            about.append(ClaimRecord.period_label.is_(None))
        about += [and_(ClaimRecord.period_start >= first, ClaimRecord.period_end <= last) for first, last in spans]
        stmt = stmt.where(or_(*about))
    return [(rec, when) for rec, when in session.execute(stmt)]


def _linking_reads(claims: list[Claim], withdrawals: tuple) -> tuple[set[str] | None, tuple[tuple[date, date], ...]]:
    """The labels and spans of the earlier claims that linking the call can touch (`_earlier_claims`): its
    claims' own labels (a revision is of the same label), and what its withdrawals cover (tracker.scoring.
    withdrawal_covers: the same label, or a span inside the withdrawn period's). A withdrawal of no period
    ("we are withdrawing our guidance") may cover any claim: then every one is read (None)."""
    labels = {(c.period.label if c.period else "").lower() for c in claims}
    spans = []
    for w in withdrawals:
        if w.period is None:
            return None, ()
        labels.add((w.period.label or "").lower())
        if w.period.start is not None and w.period.end is not None:
            spans.append((w.period.start, w.period.end))
    return labels, tuple(spans)


def _first_revised(claim: Claim, candidates: list[tuple[ClaimRecord, Claim]]) -> tuple[ClaimRecord, str] | None:
    """The first candidate (latest call first) that `claim` restates, and how (raised, lowered, ...). A
    same-subject claim in an incomparable unit is not the same promise and does not stop the search."""
    from tracker.scoring import classify_revision, same_subject

    for old_rec, old in candidates:
        kind = classify_revision(old, claim) if same_subject(old, claim) else None
        if kind is not None:
            return old_rec, kind
    return None


def _relink_later(session: Session, company: Company, doc: Document,
                  new: list[tuple[ClaimRecord, Claim]]) -> int:
    """Offer the claims of `doc` (an older call than some stored ones) to the claims of later calls. A later
    claim whose link points before `doc`'s date, or that has none, now revises `doc`'s claim when it says the
    same thing: a link to a call between the two stays, being the later one. Returns the links made."""
    if not new:
        return 0
    # the later calls first (a few of the company's documents; usually none, calls arriving in order), so that
    # their claims are read through the document index instead of along every claim the company ever made
    later_docs = list(session.scalars(select(Document.id).where(Document.company_id == company.id,
                                                                Document.call_date > doc.call_date)))
    if not later_docs:
        return 0
    later = list(session.execute(
        select(ClaimRecord, Document).join(Document, ClaimRecord.document_id == Document.id)
        .where(ClaimRecord.document_id.in_(later_docs), ClaimRecord.status != STATUS_SUPERSEDED)
        .options(selectinload(ClaimRecord.mentions))))
    if not later:
        return 0
    ids = [rec.id for rec, _ in later]
    current = {link.claim_id: (link, when) for link, when in session.execute(
        select(RevisionRecord, Document.call_date)
        .join(ClaimRecord, RevisionRecord.earlier_claim_id == ClaimRecord.id)
        .join(Document, ClaimRecord.document_id == Document.id)
        .where(RevisionRecord.claim_id.in_(ids), RevisionRecord.kind != RevisionKind.WITHDRAWN.value))}
    candidates = sorted(new, key=lambda pair: pair[0].position, reverse=True)
    made = 0
    for rec, later_doc in later:
        link, linked_on = current.get(rec.id, (None, None))
        if link is not None and linked_on is not None and linked_on >= doc.call_date:
            continue
        found = _first_revised(claim_from_record(rec), candidates)
        if found is None:
            continue
        if link is not None:
            session.delete(link)
            session.flush()
        old_rec, kind = found
        session.add(RevisionRecord(claim_id=rec.id, earlier_claim_id=old_rec.id, kind=RevisionKind(kind).value,
                                   on=later_doc.call_date, document_id=later_doc.id))
        made += 1
    session.flush()
    return made


def _link_revisions(session: Session, company: Company, doc: Document, new: list[tuple[ClaimRecord, Claim]],
                    extraction: Extraction) -> tuple[int, int]:
    """Link the document's claims to earlier claims (and later calls' claims to its own) and apply its
    withdrawals. Returns (revisions made, withdrawn)."""
    from tracker.scoring import withdrawal_covers

    if doc.call_date is None:
        return 0, 0
    # only the earlier claims about the call's own labels (and its withdrawals' periods) are read, so a file
    # costs the same whatever the company's history
    labels, spans = _linking_reads([c for _, c in new], extraction.withdrawals)
    earlier = [(rec, claim_from_record(rec, with_mentions=False))
               for rec, _ in _earlier_claims(session, company, doc.call_date, labels, spans)]
    revisions = 0
    for rec, claim in new:
        found = _first_revised(claim, earlier)   # latest call first: the first match is the one revised
        if found is not None:
            old_rec, kind = found
            session.add(RevisionRecord(claim_id=rec.id, earlier_claim_id=old_rec.id,
                                       kind=RevisionKind(kind).value, on=doc.call_date, document_id=doc.id))
            revisions += 1
    session.flush()
    revisions += _relink_later(session, company, doc, new)
    withdrawn = 0
    done: set[int] = set()
    for w in extraction.withdrawals:
        for old_rec, old in earlier:
            if old_rec.id in done or not withdrawal_covers(w, old):
                continue
            session.add(RevisionRecord(claim_id=None, earlier_claim_id=old_rec.id,
                                       kind=RevisionKind.WITHDRAWN.value, on=doc.call_date,
                                       document_id=doc.id, quote=w.quote))
            done.add(old_rec.id)
            withdrawn += 1
    session.flush()
    return revisions, withdrawn


def _link_back(session: Session, company: Company, rec: ClaimRecord) -> int:
    """Make the claim's own link to the claim it revises (the latest earlier call's claim saying the same
    thing), replacing the one it had. Returns 1 when it revises one, else 0."""
    session.execute(delete(RevisionRecord).where(RevisionRecord.claim_id == rec.id))
    doc = session.get(Document, rec.document_id)
    if doc is None or doc.call_date is None or rec.status == STATUS_SUPERSEDED:
        return 0
    earlier = [(old, claim_from_record(old, with_mentions=False))
               for old, _ in _earlier_claims(session, company, doc.call_date, {(rec.period_label or "").lower()})]
    found = _first_revised(claim_from_record(rec, with_mentions=False), earlier)
    if found is None:
        return 0
    old_rec, kind = found
    session.add(RevisionRecord(claim_id=rec.id, earlier_claim_id=old_rec.id, kind=RevisionKind(kind).value,
                               on=doc.call_date, document_id=doc.id))
    return 1


def relink_claim(session: Session, rec: ClaimRecord, old_label: str | None) -> int:
    """Recompute the revision links of a claim a person corrected (or added): what it revises, and what the
    later calls' claims revise among it and the claims they linked to before ("Q3 revenue of $90 million",
    corrected to Q4, no longer revises the earlier Q3 guidance, and the later Q4 guidance now revises it).
    `old_label`: the claim's period label before the correction. Withdrawals said in the calls stay as they
    are. Returns the links made."""
    company = session.get(Company, rec.company_id)
    doc = session.get(Document, rec.document_id)
    session.flush()
    affected = set(session.scalars(select(RevisionRecord.claim_id).where(
        RevisionRecord.earlier_claim_id == rec.id, RevisionRecord.claim_id.is_not(None))))
    if doc is not None and doc.call_date is not None:
        labels = sorted({(label or "").lower() for label in (old_label, rec.period_label)})
        about = func.lower(ClaimRecord.period_label).in_(labels)
        claim = claim_from_record(rec, with_mentions=False)
        from tracker.scoring import same_subject

        for later in session.scalars(
                select(ClaimRecord).join(Document, ClaimRecord.document_id == Document.id)
                .where(ClaimRecord.company_id == rec.company_id, Document.call_date > doc.call_date,
                       ClaimRecord.status != STATUS_SUPERSEDED,
                       or_(about, ClaimRecord.period_label.is_(None)) if "" in labels else about)):
            if same_subject(claim, claim_from_record(later, with_mentions=False)):
                affected.add(later.id)
    made = _link_back(session, company, rec)
    later_recs = [session.get(ClaimRecord, cid) for cid in affected]
    dated = sorted((r for r in later_recs if r is not None),
                   key=lambda r: (session.get(Document, r.document_id).call_date or date.min, r.position, r.id))
    for later in dated:
        made += _link_back(session, company, later)
    session.flush()
    return made


def _has_user_edits(session: Session, rec: ClaimRecord) -> bool:
    if rec.status == STATUS_DISMISSED:
        return True
    return bool(session.scalar(select(
        exists().where(OverrideRecord.claim_id == rec.id) | exists().where(NoteRecord.claim_id == rec.id)
        | exists().where(CorrectionRecord.claim_id == rec.id))))


def _store_claims(session: Session, company: Company, doc: Document, extraction: Extraction,
                  speakers: dict[str, int]) -> tuple[list[tuple[ClaimRecord, Claim]], int]:
    """Insert the extraction's claims, updating in place those whose fingerprint is already stored (and
    replaying a person's corrections onto them: the pairs then hold the corrected claim). Claims a person added
    are left alone. Returns the (row, claim) pairs and how many stored claims were superseded or deleted."""
    from db.corrections import reapply

    stored = {rec.fingerprint: rec for rec in session.scalars(
        select(ClaimRecord).where(ClaimRecord.document_id == doc.id, ClaimRecord.origin != ORIGIN_ADDED)
        .options(selectinload(ClaimRecord.mentions)))}
    pairs: list[tuple[ClaimRecord, Claim]] = []
    for position, (claim, fp) in enumerate(zip(extraction.claims, fingerprints(doc.sha256, extraction.claims))):
        rec = stored.pop(fp, None)
        if rec is None:
            rec = _new_claim(company, doc, claim, fp, position, speakers)
            session.add(rec)
        else:
            for key, value in _fit(ClaimRecord, claim_columns(claim)).items():
                setattr(rec, key, value)
            rec.position = position
            rec.speaker_id = speakers.get(_speaker_key(claim.speaker))
            if rec.status == STATUS_SUPERSEDED:
                rec.status = STATUS_ACTIVE
            rec.mentions = _mentions(claim, speakers)
        pairs.append((rec, claim))
    gone = 0
    for rec in stored.values():
        gone += 1
        if _has_user_edits(session, rec):
            if rec.status == STATUS_ACTIVE:
                rec.status = STATUS_SUPERSEDED
        else:
            session.delete(rec)
    session.flush()
    corrected = reapply(session, [rec for rec, _ in pairs if rec.id is not None])
    if corrected:
        pairs = [(rec, claim_from_record(rec)) if rec.id in corrected else (rec, claim) for rec, claim in pairs]
    return pairs, gone


def ingest_extraction(session: Session, extraction: Extraction, *, author: str,
                      replace: bool = False) -> IngestResult:
    info = extraction.info
    ticker = require_ticker(info.ticker)
    lock_companies(session, [ticker])
    # a header that names no company: the operator's welcome may ("welcome to the Tallow Creek Outfitters
    # fourth quarter call"), so that scorecards name the company, not only its ticker
    name = info.company or company_in_welcome(extraction.transcript.text)
    company = ensure_company(session, ticker, _fit(Company, {"name": name})["name"], info.fiscal_year_end)
    sha = _document_sha(extraction)
    doc = session.scalar(select(Document).where(Document.company_id == company.id, Document.sha256 == sha))
    before = audit.snapshot(doc)
    created = False
    if doc is None:   # stored now, unless another writer of the same file got there first
        doc, created = insert_or_get(session, Document, {"company_id": company.id, "sha256": sha}, {})
    if not created and not replace:
        return IngestResult(document_id=doc.id, created=False, claims=0, actuals=0, revisions=0, withdrawn=0)

    extraction = settle_naming(session, company, extraction, author=author)   # the company's fiscal year labels
    transcript = extraction.transcript
    doc.path = transcript.path
    doc.title = _fit(Document, {"title": info.title})["title"]
    doc.call_date = info.call_date
    doc.layout = transcript.layout.value
    doc.layout_warning = transcript.warning
    doc.period_label = _reported_period(session, company, info.call_date, extraction.actuals)
    doc.ingested_at = utcnow()
    session.flush()

    if not created:
        # Re-extraction: this document's own revision links and actuals are rebuilt from scratch.
        session.execute(delete(RevisionRecord).where(RevisionRecord.document_id == doc.id))
        session.execute(delete(ActualRecord).where(ActualRecord.document_id == doc.id))
        session.flush()

    speakers = _speaker_ids(session, company, extraction)
    pairs, gone = _store_claims(session, company, doc, extraction, speakers)
    actuals = _store_actuals(session, company, doc, extraction.actuals)
    revisions, withdrawn = _link_revisions(session, company, doc, pairs, extraction)

    result = IngestResult(document_id=doc.id, created=created, claims=len(pairs), actuals=actuals,
                          revisions=revisions, withdrawn=withdrawn)
    after = audit.snapshot(doc) | {"claims": len(pairs), "actuals": actuals, "revisions": revisions,
                                   "withdrawn": withdrawn, "claims_dropped": gone}
    audit.record(session, author=author, action="ingest" if created else "reextract", entity="document",
                 entity_id=doc.id, before=before, after=after)
    session.flush()
    return result


def stored_hashes(session: Session) -> set[str]:
    """The sha256 of every stored document: a file whose hash is not here is new, whatever its company."""
    return set(session.scalars(select(Document.sha256)))


def already_stored(session: Session, info: CallInfo, sha: str) -> IngestResult | None:
    """What `ingest_extraction` answers for a file already stored (company `info.ticker`, file hash `sha`),
    found without extracting it: nothing written but the company's name when it had none. None: not stored."""
    if not info.ticker:
        return None
    company = find_company(session, info.ticker)
    if company is None:
        return None
    doc_id = session.scalar(select(Document.id).where(Document.company_id == company.id, Document.sha256 == sha))
    if doc_id is None:
        return None
    ensure_company(session, info.ticker, info.company, info.fiscal_year_end)
    return IngestResult(document_id=doc_id, created=False, claims=0, actuals=0, revisions=0, withdrawn=0)
