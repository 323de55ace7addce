"""The JSON Lines contract (shared/eval README): one record per claim, actual, prior claim and withdrawal."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from tracker.model import Actual, Claim, Extraction, PriorClaim, Withdrawal


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 1e15 else x


def claim_record(c: Claim) -> dict[str, Any]:
    return {
        "type": "claim",
        "kind": str(c.kind),
        "metric": c.metric,
        "metric_known": c.metric_known,
        "basis": c.basis,
        "measure": c.measure,
        "scope": c.scope,
        "comparator": str(c.comparator) if c.comparator else None,
        "low": _num(c.low),
        "high": _num(c.high),
        "unit": c.unit,
        "period": c.period.label if c.period else None,
        "deadline": c.deadline.isoformat() if c.deadline else None,
        "period_phrase": c.period.phrase if c.period else None,
        "period_source": str(c.period_source) if c.period_source else None,
        "period_source_start": c.period_source_start,
        "speaker": c.speaker,
        "role": str(c.role),
        "quote": c.quote,
        "mentions": [{"speaker": m.speaker, "quote": m.quote, "start": m.start, "end": m.end} for m in c.mentions],
        "hedge": str(c.hedge),
        "confidence": c.confidence,
        "specific": c.specific,
        "event": c.event,
        "baseline": _num(c.baseline),
        "revision": ({"kind": str(c.revision.kind), "delta": _num(c.revision.delta), "unit": c.revision.unit}
                     if c.revision else None),
    }


def actual_record(a: Actual, restated: tuple[Actual, ...] = ()) -> dict[str, Any]:
    """One reported figure; `restated` are later sentences that state the same figure again, kept as mentions."""
    return {
        "type": "actual",
        "metric": a.metric,
        "metric_known": a.metric_known,
        "basis": a.basis,
        "scope": a.scope,
        "value": _num(a.value),
        "unit": a.unit,
        "period": a.period.label,
        "period_end": a.period.end.isoformat() if a.period.end else None,
        "quote": a.quote,
        "speaker": a.speaker,
        "start": a.start,
        "end": a.end,
        "mentions": [{"speaker": m.speaker, "quote": m.quote, "start": m.start, "end": m.end} for m in (a, *restated)],
    }


def _restatements(actuals: tuple[Actual, ...]) -> list[tuple[Actual, tuple[Actual, ...]]]:
    """Actuals grouped by the figure they state: "operating margin reached 10.5%" in the CEO's remarks and
    "operating margin was 10.5%" in the CFO's are one reported figure with two mentions, as a restated claim is."""
    groups: dict[tuple, list[Actual]] = {}
    for a in actuals:
        groups.setdefault((a.metric, a.scope, a.value, a.unit, a.period.label), []).append(a)
    return [(first, tuple(rest)) for first, *rest in groups.values()]


def prior_record(p: PriorClaim) -> dict[str, Any]:
    rec = claim_record(p.claim)
    rec["type"] = "prior_claim"
    rec["actual"] = actual_record(p.actual) if p.actual else None
    return rec


def withdrawal_record(w: Withdrawal) -> dict[str, Any]:
    return {"type": "withdrawal", "metric": w.metric, "scope": w.scope,
            "period": w.period.label if w.period else None, "quote": w.quote, "speaker": w.speaker,
            "start": w.start, "end": w.end}


def records(ex: Extraction) -> Iterator[dict[str, Any]]:
    yield from (claim_record(c) for c in ex.claims)
    yield from (actual_record(a, rest) for a, rest in _restatements(ex.actuals))
    yield from (prior_record(p) for p in ex.prior_claims)
    yield from (withdrawal_record(w) for w in ex.withdrawals)


def to_jsonl(ex: Extraction) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(ex))


def to_json(ex: Extraction) -> str:
    info = ex.info
    doc = {
        "call": {"company": info.company, "ticker": info.ticker, "title": info.title,
                 "call_date": info.call_date.isoformat() if info.call_date else None,
                 "fiscal_year_end": info.fiscal_year_end, "fiscal_year_named": info.fiscal_year_named,
                 "fiscal_year_named_from": info.fiscal_year_named_from, "layout": str(ex.transcript.layout),
                 "sha256": ex.transcript.sha256},
        "claims": [claim_record(c) for c in ex.claims],
        "actuals": [actual_record(a, rest) for a, rest in _restatements(ex.actuals)],
        "prior_claims": [prior_record(p) for p in ex.prior_claims],
        "withdrawals": [withdrawal_record(w) for w in ex.withdrawals],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
