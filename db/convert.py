"""Row <-> domain object converters. The domain objects (tracker.model) stay free of SQLAlchemy; these
functions are the only place that knows how a Claim, Actual, Event, Period or Mention maps to columns."""
from __future__ import annotations

from typing import Any

from db.models import ActualRecord, ClaimRecord, EventRecord, MentionRecord
from tracker.model import (
    Actual,
    Claim,
    Comparator,
    Event,
    EventKind,
    Hedge,
    Kind,
    Mention,
    Period,
    Revision,
    RevisionKind,
    Role,
    SourceKind,
)


# --- periods -------------------------------------------------------------------------------------------

def period_columns(period: Period | None) -> dict[str, Any]:
    if period is None:
        return {"period_label": None, "period_start": None, "period_end": None}
    return {"period_label": period.label, "period_start": period.start, "period_end": period.end}


def period_from_columns(label: str | None, start, end, phrase: str = "", fiscal: bool = False) -> Period | None:  # noqa: ANN001
    if label is None and start is None and end is None:
        return None
    return Period(label=label or "", start=start, end=end, phrase=phrase or "", fiscal=bool(fiscal))


# --- mentions ------------------------------------------------------------------------------------------

def mention_columns(mention: Mention, position: int) -> dict[str, Any]:
    return {"position": position, "speaker": mention.speaker, "role": Role(mention.role).value,
            "quote": mention.quote, "start": mention.start, "end": mention.end}


def mention_from_record(rec: MentionRecord) -> Mention:
    return Mention(speaker=rec.speaker, quote=rec.quote, start=rec.start, end=rec.end, role=Role(rec.role))


# --- claims --------------------------------------------------------------------------------------------

def claim_columns(claim: Claim) -> dict[str, Any]:
    """Every Claim field as ClaimRecord columns (mentions excluded: they are rows of their own)."""
    cols = {
        "kind": Kind(claim.kind).value,
        "metric": claim.metric,
        "scope": claim.scope,
        "comparator": Comparator(claim.comparator).value if claim.comparator is not None else None,
        "low": claim.low,
        "high": claim.high,
        "unit": claim.unit,
        "period_phrase": claim.period.phrase if claim.period else "",
        "period_fiscal": claim.period.fiscal if claim.period else False,
        "speaker": claim.speaker,
        "role": Role(claim.role).value,
        "quote": claim.quote,
        "hedge": Hedge(claim.hedge).value,
        "confidence": claim.confidence,
        "event": claim.event,
        "baseline": claim.baseline,
        "specific": claim.specific,
        "metric_known": claim.metric_known,
        "basis": claim.basis,
        "measure": claim.measure,
        "period_source": claim.period_source,
        "period_source_start": claim.period_source_start,
    }
    cols.update(period_columns(claim.period))
    cols.update(revision_columns(claim.revision))
    return cols


def revision_columns(revision: Revision | None) -> dict[str, Any]:
    """A claim's own restatement ("raising ... by 30 basis points") as three columns; all NULL for none."""
    if revision is None:
        return {"revision_kind": None, "revision_delta": None, "revision_unit": None}
    return {"revision_kind": RevisionKind(revision.kind).value, "revision_delta": revision.delta,
            "revision_unit": revision.unit}


def revision_from_columns(kind: str | None, delta: float | None, unit: str | None) -> Revision | None:
    return None if kind is None else Revision(kind=RevisionKind(kind), delta=delta, unit=unit)


def claim_from_record(rec: ClaimRecord, *, with_mentions: bool = True) -> Claim:
    return Claim(
        kind=Kind(rec.kind),
        metric=rec.metric,
        scope=rec.scope,
        comparator=Comparator(rec.comparator) if rec.comparator else None,
        low=rec.low,
        high=rec.high,
        unit=rec.unit,
        period=period_from_columns(rec.period_label, rec.period_start, rec.period_end,
                                   rec.period_phrase, rec.period_fiscal),
        speaker=rec.speaker,
        role=Role(rec.role),
        quote=rec.quote,
        mentions=tuple(mention_from_record(m) for m in rec.mentions) if with_mentions else (),
        hedge=Hedge(rec.hedge),
        confidence=rec.confidence,
        event=rec.event,
        baseline=rec.baseline,
        period_source=rec.period_source,
        period_source_start=rec.period_source_start,
        metric_known=bool(rec.metric_known),
        basis=rec.basis,
        measure=rec.measure,
        revision=revision_from_columns(rec.revision_kind, rec.revision_delta, rec.revision_unit),
    )


# --- actuals -------------------------------------------------------------------------------------------

def actual_columns(actual: Actual) -> dict[str, Any]:
    cols = {
        "metric": actual.metric,
        "scope": actual.scope,
        "value": actual.value,
        "unit": actual.unit,
        "period_fiscal": actual.period.fiscal,
        "quote": actual.quote,
        "speaker": actual.speaker,
        "start": actual.start,
        "end": actual.end,
        "source_kind": SourceKind(actual.source_kind).value,
        "source_ref": actual.source_ref,
        "reported_on": actual.reported_on,
        "basis": actual.basis,
    }
    cols.update(period_columns(actual.period))
    return cols


def actual_from_record(rec: ActualRecord) -> Actual:
    period = period_from_columns(rec.period_label, rec.period_start, rec.period_end, "", rec.period_fiscal)
    return Actual(
        metric=rec.metric,
        scope=rec.scope,
        value=rec.value,
        unit=rec.unit,
        period=period if period is not None else Period(label="", start=None, end=None),
        quote=rec.quote,
        speaker=rec.speaker,
        start=rec.start,
        end=rec.end,
        source_kind=SourceKind(rec.source_kind),
        source_ref=rec.source_ref,
        reported_on=rec.reported_on,
        basis=rec.basis,
    )


# --- events --------------------------------------------------------------------------------------------

def event_columns(event: Event) -> dict[str, Any]:
    return {"kind": EventKind(event.kind).value, "on": event.on, "metric": event.metric, "scope": event.scope,
            "period_label": event.period_label, "source": event.source, "note": event.note}


def event_from_record(rec: EventRecord, ticker: str) -> Event:
    """Only achieved/withdrawn rows are Events; "revised" rows are guidance revisions (see db.scoring)."""
    return Event(ticker=ticker, kind=EventKind(rec.kind), on=rec.on, metric=rec.metric, scope=rec.scope,
                 period_label=rec.period_label, source=rec.source, note=rec.note)
