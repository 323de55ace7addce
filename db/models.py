"""The database schema as SQLAlchemy 2.0 typed models.

Enumerations are stored as short strings (the `.value` of the tracker enums) rather than native database
enums, so adding a value never needs a migration. Timestamps are naive UTC. Every constraint is named by
the MetaData naming convention so that Alembic can alter them on SQLite (batch mode) and PostgreSQL alike.
The Alembic migration in db/migrations/versions must match these models exactly (a test checks it).
"""
from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from db import inputs
from db.upserts import actual_key, event_key

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Claim.status values. "superseded": a re-extraction no longer produced the claim, but it carries user
# edits (override, note or dismissal) and so is kept instead of deleted; it is not scored or listed.
STATUS_ACTIVE = "active"
STATUS_DISMISSED = "dismissed"
STATUS_SUPERSEDED = "superseded"

# ClaimRecord.origin values: "extracted" by `fls ingest`, or "added" by a person (`fls claim add`), which a
# re-extraction of its document neither updates nor removes.
ORIGIN_EXTRACTED = "extracted"
ORIGIN_ADDED = "added"

# Event.kind values beyond tracker.model.EventKind: "revised" is new guidance a user recorded by hand.
EVENT_REVISED = "revised"
# ... and "reaffirmed": the company said its guidance stands (the figure unchanged, on a date).
EVENT_REAFFIRMED = "reaffirmed"


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Company(Base):
    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticker: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    fiscal_year_end: Mapped[str] = mapped_column(String(5), default="12-31")   # MM-DD
    # "end" (FY2026 ends in 2026) or "start" (FY2025 ends in January 2026); NULL: not known, each call's own
    # reading (or the default of its year end) is used. Every label of the company is written and read with it.
    fiscal_year_named: Mapped[str | None] = mapped_column(String(5))
    # How many times a claim, figure, event or revision link of the company changed: written by triggers only
    # (db.inputs), read by the scorer to skip companies whose verdicts of a date are still what it wrote.
    inputs_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # How many times a claim, computed verdict or override of the company changed (triggers, db.totals): its
    # verdict totals of a date are current while their state row says this count.
    shown_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    documents: Mapped[list[Document]] = relationship(back_populates="company")


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("company_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    path: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(String(300))
    call_date: Mapped[date | None] = mapped_column(Date)
    period_label: Mapped[str | None] = mapped_column(String(32))   # the fiscal period the call reports
    layout: Mapped[str | None] = mapped_column(String(32))       # the transcript layout it was read as
    layout_warning: Mapped[str | None] = mapped_column(Text)     # what the reader said about it (plain fallback)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    company: Mapped[Company] = relationship(back_populates="documents")
    claims: Mapped[list[ClaimRecord]] = relationship(back_populates="document")


class SpeakerRecord(Base):
    __tablename__ = "speakers"
    __table_args__ = (UniqueConstraint("company_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(16), default="unknown")


class ClaimRecord(Base):
    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("document_id", "fingerprint"),
        # The claims table of one company sorted by deadline: the UI's main list.
        Index("ix_claims_company_id_period_end", "company_id", "period_end"),
        Index("ix_claims_metric_scope", "metric", "scope"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # company_id repeats document.company_id so that listing a company's claims needs no join to filter.
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    fingerprint: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer, default=0)   # order within the extraction
    status: Mapped[str] = mapped_column(String(16), default=STATUS_ACTIVE)

    kind: Mapped[str] = mapped_column(String(16))
    metric: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str | None] = mapped_column(String(64))
    comparator: Mapped[str | None] = mapped_column(String(8))
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(32))
    period_label: Mapped[str | None] = mapped_column(String(32))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)      # the deadline
    period_phrase: Mapped[str] = mapped_column(Text, default="")
    period_fiscal: Mapped[bool] = mapped_column(Boolean, default=False)
    speaker: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16), default="unknown")
    quote: Mapped[str] = mapped_column(Text, default="")
    hedge: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    event: Mapped[str | None] = mapped_column(Text)
    baseline: Mapped[float | None] = mapped_column(Float)
    specific: Mapped[bool] = mapped_column(Boolean, default=False)
    # False: `metric` is the noun phrase the lexicon does not know ("cloud_bookings"); rows older than 0003 say True
    metric_known: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    basis: Mapped[str | None] = mapped_column(String(16))            # gaap / non_gaap / adjusted; NULL: not stated
    measure: Mapped[str | None] = mapped_column(String(16))          # NULL: a level; yoy_growth, qoq_growth, ...
    period_source: Mapped[str | None] = mapped_column(String(16))    # sentence / call_date / frame
    period_source_start: Mapped[int | None] = mapped_column(Integer)
    # how the claim's own sentence restates earlier guidance (tracker.model.Revision); NULL kind: it does not
    revision_kind: Mapped[str | None] = mapped_column(String(16))
    revision_delta: Mapped[float | None] = mapped_column(Float)
    revision_unit: Mapped[str | None] = mapped_column(String(32))
    origin: Mapped[str] = mapped_column(String(16), default=ORIGIN_EXTRACTED, server_default=ORIGIN_EXTRACTED)

    document: Mapped[Document] = relationship(back_populates="claims")
    mentions: Mapped[list[MentionRecord]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="MentionRecord.position"
    )


# A company's claims about one period label, case-insensitive: what linking a new call's claims to the ones
# they revise reads (db.ingest), so that storing a call costs the same whatever the company's history.
Index("ix_claims_company_id_lower_period_label", ClaimRecord.company_id, func.lower(ClaimRecord.period_label))
# Every company's claims in the order every list shows them (deadline, undated last, then id): a page of the
# claims of every company ("fls claims --verdict missed", the first 200) reads its rows in order and stops,
# instead of sorting a million claims for each page.
Index("ix_claims_deadline_order", ClaimRecord.period_end.is_(None), ClaimRecord.period_end, ClaimRecord.id)


class MentionRecord(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    speaker: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16), default="unknown")
    quote: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    claim: Mapped[ClaimRecord] = relationship(back_populates="mentions")


class ActualRecord(Base):
    __tablename__ = "actuals"
    __table_args__ = (
        Index("ix_actuals_company_id_metric_scope_period_label", "company_id", "metric", "scope", "period_label"),
        # one row per reported fact, however many people import it at once (db.upserts.actual_key)
        UniqueConstraint("company_id", "natural_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    metric: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str | None] = mapped_column(String(64))
    period_label: Mapped[str] = mapped_column(String(32))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    period_fiscal: Mapped[bool] = mapped_column(Boolean, default=False)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(32))
    reported_on: Mapped[date | None] = mapped_column(Date)
    source_kind: Mapped[str] = mapped_column(String(16))
    source_ref: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    quote: Mapped[str] = mapped_column(Text, default="")
    speaker: Mapped[str] = mapped_column(String(200), default="")
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    # The earlier stored actual this one repeats (same company/metric/scope/period and value).
    restates_id: Mapped[int | None] = mapped_column(ForeignKey("actuals.id", ondelete="SET NULL"))
    basis: Mapped[str | None] = mapped_column(String(16))            # gaap / non_gaap / adjusted; NULL: not stated
    natural_key: Mapped[str] = mapped_column(String(64), default=lambda ctx: _keyed(actual_key, ctx))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def _keyed(key, context) -> str:  # noqa: ANN001
    """A row added without its natural key (an ORM object, a test's fixture) gets the one db.upserts computes
    from the row's own values, so every writer keys a fact alike."""
    return key(context.get_current_parameters())


class EventRecord(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_company_id_metric", "company_id", "metric"),
        UniqueConstraint("company_id", "natural_key"),                 # db.upserts.event_key
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))        # achieved / withdrawn / revised
    on: Mapped[date] = mapped_column(Date)
    metric: Mapped[str | None] = mapped_column(String(64))
    scope: Mapped[str | None] = mapped_column(String(64))
    period_label: Mapped[str | None] = mapped_column(String(32))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    # For kind "revised": the new guidance figure (a range: value is its low end, high its high end).
    value: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    # the claim the event settles (`claim_id` column of the CSV, `fls actuals add --claim`); None: every
    # claim the event's metric, scope, period and words fit
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="SET NULL"))
    unit: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    natural_key: Mapped[str] = mapped_column(String(64), default=lambda ctx: _keyed(event_key, ctx))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RevisionRecord(Base):
    """`earlier_claim_id` was revised (raised, lowered, ...) by `claim_id` said on `on`, in `document_id`.
    For kind "withdrawn", `claim_id` is NULL: the earlier claim was withdrawn, not replaced."""
    __tablename__ = "claim_revisions"
    __table_args__ = (UniqueConstraint("earlier_claim_id", "claim_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    earlier_claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    on: Mapped[date | None] = mapped_column(Date)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    quote: Mapped[str] = mapped_column(Text, default="")


class VerdictRecord(Base):
    """A computed verdict; replaced whenever claims are scored again for the same as-of date."""
    __tablename__ = "verdicts"
    __table_args__ = (
        UniqueConstraint("claim_id", "as_of", "against"),
        Index("ix_verdicts_claim_id_computed_at", "claim_id", "computed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    as_of: Mapped[date] = mapped_column(Date)
    verdict: Mapped[str] = mapped_column(String(16))
    explanation: Mapped[str] = mapped_column(Text, default="")
    surprise_pct: Mapped[float | None] = mapped_column(Float)
    attainment: Mapped[float | None] = mapped_column(Float)
    days_late: Mapped[int | None] = mapped_column(Integer)
    actual_id: Mapped[int | None] = mapped_column(ForeignKey("actuals.id", ondelete="SET NULL"))
    against: Mapped[str] = mapped_column(String(16), default="original")   # original / latest guidance
    computed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class OverrideRecord(Base):
    __tablename__ = "overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    verdict: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CorrectionRecord(Base):
    """A person corrected some of the claim's fields (`fls claim edit`): `changes` maps each corrected column to
    its new value, `original` to the value it had before (both JSON, dates as ISO strings). The claim row holds
    the corrected values, so every reader sees them; re-ingesting the call writes the extracted values again
    and then re-applies the claim's corrections, oldest first (db.corrections)."""
    __tablename__ = "claim_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    changes: Mapped[str] = mapped_column(Text)
    original: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class NoteRecord(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditRecord(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str | None] = mapped_column(Text)   # JSON
    after: Mapped[str | None] = mapped_column(Text)    # JSON


class ReviewMark(Base):
    """A person marked the claim reviewed in a review meeting, having seen `verdict` (the effective verdict
    then): a later verdict that differs means the claim changed since its last review."""
    __tablename__ = "review_marks"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    verdict: Mapped[str | None] = mapped_column(String(16))
    author: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # the as-of date of the verdicts the reviewer read, so the review can be read again as it was (None: a
    # mark made before 0006, or without a date)
    as_of: Mapped[date | None] = mapped_column(Date)


class ScoreState(Base):
    """The company's verdicts of `as_of` were computed from its inputs at `inputs_version` with the rules of
    `rules` (db.inputs): while both still hold, scoring that date again would write the same verdicts."""
    __tablename__ = "score_state"
    __table_args__ = (UniqueConstraint("company_id", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    as_of: Mapped[date] = mapped_column(Date)
    inputs_version: Mapped[int] = mapped_column(Integer)
    rules: Mapped[str] = mapped_column(String(64))
    scored_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class VerdictTotal(Base):
    """How many of the company's claims (not superseded) by `speaker` (grain "speaker") or about
    `period_label` (grain "period") had the effective verdict `verdict` (None: not scored) on `as_of`, with the
    sums their credibility is made of: the rows of db.totals' one grouped query, stored so that every company's
    figures read in a few milliseconds."""
    __tablename__ = "verdict_totals"
    __table_args__ = (Index("ix_verdict_totals_as_of_grain_company_id", "as_of", "grain", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    as_of: Mapped[date] = mapped_column(Date)
    grain: Mapped[str] = mapped_column(String(8))             # db.totals.GRAINS: "speaker" or "period"
    speaker: Mapped[str | None] = mapped_column(String(200))
    period_label: Mapped[str | None] = mapped_column(String(32))
    period_end: Mapped[date | None] = mapped_column(Date)          # the earliest of these claims' deadlines
    verdict: Mapped[str | None] = mapped_column(String(16))
    claims: Mapped[int] = mapped_column(Integer)
    surprise_sum: Mapped[float | None] = mapped_column(Float)
    surprise_abs_sum: Mapped[float | None] = mapped_column(Float)
    surprise_n: Mapped[int] = mapped_column(Integer)
    late_sum: Mapped[int | None] = mapped_column(Integer)
    late_n: Mapped[int] = mapped_column(Integer)


class TotalsState(Base):
    """The company's verdict totals of `as_of` were written when its `shown_version` was this: they are
    current while the company's count still says it (db.totals)."""
    __tablename__ = "verdict_totals_state"
    __table_args__ = (UniqueConstraint("company_id", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    as_of: Mapped[date] = mapped_column(Date)
    shown_version: Mapped[int] = mapped_column(Integer)


# a schema made by create_all (not by the migrations) gets the inputs_version and shown_version triggers too
inputs.attach(Base.metadata)
inputs.SHOWN.attach(Base.metadata)
