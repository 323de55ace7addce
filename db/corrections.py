"""Analysts' corrections of claims (`fls claim edit`) and claims a person adds (`fls claim add`).

A correction writes the corrected values into the claim's row, so every list, score and scorecard reads them,
and keeps a claim_corrections row with the values before: "the original" a reader is shown. Re-ingesting the
call writes the extracted values again and `reapply` then replays the claim's corrections, oldest first, so a
correction survives re-ingesting and re-scoring like an override. A correction of the claim's subject (metric,
scope, period, unit) recomputes its revision links (db.ingest.relink_claim).

An added claim is stored with origin "added": a re-extraction of its call neither updates nor removes it. Its
quote must be found in the stored transcript (the file the call was ingested from, unchanged since).

Each edit writes an audit_log row. The caller owns the transaction; bad input is an InputError said before
anything is written.
"""
from __future__ import annotations

import json
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import audit, totals
from db.actuals_csv import check_value, fits
from db.companies import calendar_of, require_company
from db.convert import claim_columns
from db.edits import need_text, get_claim
from db.ingest import relink_claim
from db.models import (
    ORIGIN_ADDED,
    STATUS_SUPERSEDED,
    ClaimRecord,
    Company,
    CorrectionRecord,
    Document,
    MentionRecord,
    SpeakerRecord,
)
from db.values import as_of_period, parse_basis, parse_value, resolve_period
from tracker.callinfo import parse_date
from tracker.errors import InputError, NotFoundError, TranscriptError
from tracker.model import Claim, Comparator, Hedge, Kind, Mention, PeriodSource, Role, Transcript
from tracker.vocab.typed_names import metric_name, unit_name

# What `fls claim edit` can correct, in the order they are shown ("period 2025-Q2 -> 2025-Q3, high ...").
FIELDS = ("metric", "scope", "period", "deadline", "low", "high", "unit", "basis")
CLEAR = "none"                                  # `--scope none`, `--basis none`: not stated
_DATE_COLUMNS = ("period_start", "period_end")
# the columns each field is shown from
_SHOWN = {"metric": "metric", "scope": "scope", "period": "period_label", "deadline": "period_end", "low": "low",
          "high": "high", "unit": "unit", "basis": "basis"}
# a change to one of these makes it another promise: its revision links are recomputed
_SUBJECT = ("metric", "scope", "period_label", "period_end", "unit")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _column_value(column: str, value: Any) -> Any:
    return date.fromisoformat(value) if column in _DATE_COLUMNS and isinstance(value, str) else value


def _number(text: str, what: str) -> tuple[float, bool]:
    value, dollar = parse_value(text)
    check_value(value, text)
    return value, dollar


def _changes(session: Session, rec: ClaimRecord, values: Mapping[str, str | None]) -> dict[str, Any]:
    """The columns `values` (field -> text as typed, None: not given) set, each checked; unknown fields and
    empty texts are InputErrors."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise InputError(f"cannot correct {', '.join(sorted(unknown))}: use {', '.join(FIELDS)}")
    given = {k: v.strip() for k, v in values.items() if v is not None}
    for field, text in given.items():
        if not text:
            raise InputError(f"--{field} is empty: give a value or leave the option out")
    cols: dict[str, Any] = {}
    if "metric" in given:
        name, known = metric_name(given["metric"])
        cols["metric"] = fits(name, "metric")
        cols["metric_known"] = known
    if "scope" in given:
        scope = " ".join(given["scope"].split()).casefold()
        cols["scope"] = None if scope == CLEAR else fits(scope, "scope")
    if "period" in given:
        company = session.get(Company, rec.company_id)
        doc = session.get(Document, rec.document_id)
        period = resolve_period(given["period"], calendar_of(session, company, on=doc.call_date if doc else None))
        cols.update(period_label=period.label, period_start=period.start, period_end=period.end,
                    period_fiscal=period.fiscal, period_phrase="", period_source=PeriodSource.PERSON.value)
    if "deadline" in given:
        day = parse_date(given["deadline"], "deadline")
        start = cols.get("period_start", rec.period_start)
        if "period" not in given and rec.period_label is None:
            period = as_of_period(day)      # "by D": a claim that had no period is due on D
            cols.update(period_label=period.label, period_start=period.start, period_fiscal=False)
        elif start is not None and day < start:
            raise InputError(f"deadline {day} is before the period starts ({start})")
        cols.update(period_end=day, period_source=PeriodSource.PERSON.value)
    dollar = False
    for bound in ("low", "high"):
        if bound in given:
            cols[bound], was_dollar = _number(given[bound], f"--{bound}")
            dollar = dollar or was_dollar
    if "unit" in given:
        cols["unit"] = fits(unit_name(given["unit"]), "unit")
    elif dollar and rec.unit is None:
        cols["unit"] = "USD"
    if "basis" in given:
        cols["basis"] = None if given["basis"].casefold() == CLEAR else parse_basis(given["basis"])
    if "low" in cols or "high" in cols:
        cols.update(_bounds(rec, cols.get("low", rec.low), cols.get("high", rec.high)))
    return cols


def _bounds(rec: Any, low: float | None, high: float | None) -> dict[str, Any]:
    """The comparator that fits new bounds: two different figures are a range ("$220-240M"), one figure an
    approximate point; "at least" / "at most" claims keep theirs."""
    if low is not None and high is not None and low > high:
        raise InputError(f"--low {low:g} is above --high {high:g}")
    comparator = rec.comparator
    if comparator in (None, Comparator.APPROX.value, Comparator.EQ.value, Comparator.RANGE.value):
        if low is not None and high is not None and low != high:
            comparator = Comparator.RANGE.value
        elif low is not None or high is not None:
            comparator = Comparator.APPROX.value if comparator == Comparator.RANGE.value else comparator
            comparator = comparator or Comparator.APPROX.value
    return {"comparator": comparator}


def edit_claim(session: Session, claim_id: int, values: Mapping[str, str | None], reason: str,
               author: str) -> CorrectionRecord:
    """Correct the claim's fields (`values`: field -> text as typed; see FIELDS); audited. A claim that already
    says all of it is an InputError, so is a superseded one (its call no longer yields it)."""
    reason = need_text(reason, "a reason for the correction")
    if not any(v is not None for v in values.values()):
        raise InputError("nothing to correct: give at least one of " + ", ".join(f"--{f}" for f in FIELDS))
    rec = get_claim(session, claim_id)
    if rec.status == STATUS_SUPERSEDED:
        raise InputError(f"claim {claim_id} is superseded (a re-extraction no longer finds it): nothing to correct")
    cols = _changes(session, rec, values)
    changed = {k: v for k, v in cols.items() if getattr(rec, k) != v}
    if not changed:
        raise InputError(f"claim {claim_id} already says that: nothing to correct")
    original = {k: _plain(getattr(rec, k)) for k in changed}
    old_label = rec.period_label
    for key, value in changed.items():
        setattr(rec, key, value)
    row = CorrectionRecord(claim_id=rec.id, changes=json.dumps({k: _plain(v) for k, v in changed.items()},
                                                               sort_keys=True),
                           original=json.dumps(original, sort_keys=True), reason=reason, author=author)
    session.add(row)
    session.flush()
    audit.record(session, author=author, action="edit_claim", entity="claim", entity_id=rec.id,
                 before=original, after={k: _plain(v) for k, v in changed.items()} | {"reason": reason})
    if any(k in changed for k in _SUBJECT):
        relink_claim(session, rec, old_label)
    totals.refresh_companies(session, [rec.company_id])
    return row


def reapply(session: Session, records: Iterable[ClaimRecord]) -> set[int]:
    """Replay the corrections of these claims (just rewritten from a re-extraction) onto their rows, oldest
    first. Returns the ids of the claims that have any."""
    by_id = {rec.id: rec for rec in records}
    done: set[int] = set()
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        for row in session.scalars(select(CorrectionRecord).where(CorrectionRecord.claim_id.in_(ids[start:start + 500]))
                                   .order_by(CorrectionRecord.created_at, CorrectionRecord.id)):
            rec = by_id[row.claim_id]
            for key, value in json.loads(row.changes).items():
                setattr(rec, key, _column_value(key, value))
            done.add(rec.id)
    if done:
        session.flush()
    return done


# --- reading corrections -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Correction:
    """What people corrected on one claim: (field, original, corrected) per field as text ("high", "$240.0M",
    "$250.0M"; "—" for none), the original from the oldest edit of the field and the corrected value the
    claim's own; their reasons and who made them."""
    fields: tuple[tuple[str, str, str], ...]
    reasons: tuple[str, ...]
    authors: tuple[str, ...]
    at: datetime

    @property
    def text(self) -> str:
        """"period 2025-Q2 -> 2025-Q3, high $240.0M -> $250.0M (guidance was for Q3)"."""
        parts = ", ".join(f"{name} {old} -> {new}" for name, old, new in self.fields)
        return parts + (f" ({'; '.join(self.reasons)})" if self.reasons else "")


def _shown(name: str, value: Any, unit: str | None) -> str:
    from tracker.display import format_amount

    if value is None:
        return "—"
    if name in ("low", "high"):
        return format_amount(value, unit)
    return str(_plain(value))


def corrections_of(session: Session, claim_ids: Iterable[int]) -> dict[int, Correction]:
    """{claim id: its Correction} for the claims that have been corrected."""
    ids = list(claim_ids)
    rows: dict[int, list[CorrectionRecord]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        for row in session.scalars(select(CorrectionRecord)
                                   .where(CorrectionRecord.claim_id.in_(ids[start:start + 500]))
                                   .order_by(CorrectionRecord.created_at, CorrectionRecord.id)):
            rows[row.claim_id].append(row)
    if not rows:
        return {}
    current = {rec.id: rec for rec in session.scalars(select(ClaimRecord).where(ClaimRecord.id.in_(list(rows))))}
    out = {}
    for claim_id, edits in rows.items():
        original: dict[str, Any] = {}
        for row in edits:
            for key, value in json.loads(row.original).items():
                original.setdefault(key, _column_value(key, value))
        rec = current[claim_id]
        old_unit = original.get("unit", rec.unit)
        fields = tuple((name, _shown(name, original[col], old_unit), _shown(name, getattr(rec, col), rec.unit))
                       for name, col in _SHOWN.items() if col in original and original[col] != getattr(rec, col))
        out[claim_id] = Correction(fields, tuple(r.reason for r in edits),
                                   tuple(dict.fromkeys(r.author for r in edits)), edits[-1].created_at)
    return out


# --- claims a person adds ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Found:
    document: Document
    transcript: Transcript
    start: int
    end: int


def _quote_pattern(quote: str) -> re.Pattern[str]:
    """The quote's words in order, any run of white space (a line break) between them, any case."""
    words = quote.split()
    if not words:
        raise InputError("the quote is empty: give the claim's words as the transcript says them")
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)


def find_quote(session: Session, company: Company, quote: str, document_id: int | None = None) -> Found:
    """Where the company's stored transcripts say `quote` (the file each call was ingested from, unchanged
    since). Not found, found in several calls, or no transcript readable: an InputError saying which."""
    pattern = _quote_pattern(quote)
    stmt = select(Document).where(Document.company_id == company.id).order_by(Document.call_date, Document.id)
    if document_id is not None:
        stmt = stmt.where(Document.id == document_id)
    docs = list(session.scalars(stmt))
    if document_id is not None and not docs:
        raise NotFoundError(f"no document {document_id} of {company.ticker}")
    hits: list[Found] = []
    unreadable: list[str] = []
    for doc in docs:
        from tracker.transcript import read_transcript

        try:
            transcript = read_transcript(doc.path) if doc.path else None
        except TranscriptError:
            transcript = None
        if transcript is None or transcript.sha256 != doc.sha256:
            unreadable.append(f"{doc.path or doc.sha256[:12]} ({'changed since it was ingested' if transcript else 'not found'})")
            continue
        m = pattern.search(transcript.text)
        if m is not None:
            hits.append(Found(doc, transcript, m.start(), m.end()))
    if len(hits) > 1:
        ids = ", ".join(str(h.document.id) for h in hits)
        raise InputError(f"the quote is in {len(hits)} calls of {company.ticker} (documents {ids}): "
                         "pass --document ID")
    if not hits:
        where = f"; not readable: {', '.join(unreadable)}" if unreadable else ""
        raise InputError(f"quote not found in the stored transcripts of {company.ticker}{where}")
    return hits[0]


def _speaker_at(transcript: Transcript, offset: int) -> tuple[str, Role]:
    for turn in transcript.turns:
        if turn.start <= offset < turn.end:
            return turn.speaker.name, Role(turn.speaker.role)
    return "", Role.UNKNOWN


def add_claim(session: Session, ticker: str, quote: str, values: Mapping[str, str | None], *,
              kind: str | None = None, hedge: str | None = None, document_id: int | None = None,
              reason: str = "", author: str) -> ClaimRecord:
    """Store a commitment the extractor missed, said where `quote` stands in the company's stored transcript
    (its speaker is whoever's turn that is: an analyst's question is no claim). `values` as for edit_claim;
    a metric is required. Kind: milestone without a figure, else the metric's own kind (guidance or target).
    Audited; its revision links are made like an ingested claim's."""
    company = require_company(session, ticker)
    need_text(values.get("metric"), "--metric")
    found = find_quote(session, company, quote, document_id)
    speaker, role = _speaker_at(found.transcript, found.start)
    if role in (Role.ANALYST, Role.OPERATOR):
        raise InputError(f"the quote is said by {speaker or 'the operator'} ({role.value}): only the company's "
                         "speakers make claims")
    blank = ClaimRecord(company_id=company.id, document_id=found.document.id, comparator=None, low=None,
                        high=None, unit=None, period_label=None, period_start=None, period_end=None)
    cols = _changes(session, blank, values)
    claim = _claim(cols, found, speaker, role, kind, hedge)
    position = session.scalar(select(func.count()).select_from(ClaimRecord)
                              .where(ClaimRecord.document_id == found.document.id)) or 0
    speaker_id = session.scalar(select(SpeakerRecord.id).where(SpeakerRecord.company_id == company.id,
                                                                SpeakerRecord.name == speaker))
    rec = ClaimRecord(company_id=company.id, document_id=found.document.id, speaker_id=speaker_id,
                      fingerprint=f"added-{uuid.uuid4().hex}", position=position, origin=ORIGIN_ADDED,
                      **claim_columns(claim))
    rec.mentions = [MentionRecord(speaker_id=speaker_id, position=0, speaker=speaker, role=role.value,
                                  quote=claim.quote, start=found.start, end=found.end)]
    session.add(rec)
    session.flush()
    audit.record(session, author=author, action="add_claim", entity="claim", entity_id=rec.id,
                 after=audit.snapshot(rec) | ({"reason": reason.strip()} if reason.strip() else {}))
    relink_claim(session, rec, None)
    totals.refresh_companies(session, [rec.company_id])
    return rec


def _claim(cols: dict[str, Any], found: Found, speaker: str, role: Role, kind: str | None,
           hedge: str | None) -> Claim:
    from tracker.vocab.finders import metric_spec

    from db.convert import period_from_columns

    low, high = cols.get("low"), cols.get("high")
    if kind is None:
        kind = Kind.MILESTONE.value if low is None and high is None else metric_spec(cols["metric"]).get(
            "kind", Kind.GUIDANCE.value)
    try:
        kind_value, hedge_value = Kind(kind.strip().lower()), Hedge((hedge or Hedge.EXPECTED.value).strip().lower())
    except ValueError:
        raise InputError(f"bad --kind {kind!r} or --hedge {hedge!r}: kinds are {', '.join(k.value for k in Kind)}; "
                         f"hedges {', '.join(h.value for h in Hedge)}") from None
    text = found.transcript.text[found.start:found.end]
    period = period_from_columns(cols.get("period_label"), cols.get("period_start"), cols.get("period_end"),
                                 "", cols.get("period_fiscal", False))
    return Claim(kind=kind_value, metric=cols["metric"], scope=cols.get("scope"), comparator=(
                     Comparator(cols["comparator"]) if cols.get("comparator") else None),
                 low=low, high=high, unit=cols.get("unit"), period=period, speaker=speaker, role=role, quote=text,
                 mentions=(Mention(speaker=speaker, quote=text, start=found.start, end=found.end, role=role),),
                 hedge=hedge_value, confidence=1.0, event=text if kind_value is Kind.MILESTONE else None,
                 period_source=PeriodSource.PERSON if period is not None else None,
                 metric_known=cols.get("metric_known", True), basis=cols.get("basis"))
