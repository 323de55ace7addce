"""Scorecard as JSON: everything, structured, dates as ISO strings, enums as their values."""
from __future__ import annotations

import dataclasses
import json
from datetime import date
from enum import Enum
from typing import Any

from tracker.scorecard.model import (Scorecard, history, location, marks, outlier_text, promise, source_text,
                                     verdict_counts)

FORMAT = "fls-scorecard"
VERSION = 1


def plain(obj: Any) -> Any:
    """Dataclasses, enums, dates and tuples as JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    return obj


def render_json(card: Scorecard) -> str:
    rows = []
    for n, r in enumerate(card.rows, 1):
        rows.append({
            "n": n,
            "claim_id": r.claim_id,
            "marks": marks(r),
            "has_deadline": r.claim.deadline is not None,
            "actual_source": source_text(r.result.actual) or None,
            "correction": ({"fields": [{"field": f, "original": o, "corrected": c} for f, o, c in r.corrected],
                            "reasons": list(r.correction_reasons)} if r.corrected else None),
            "verdict": r.verdict,
            "explanation": r.shown.explanation,
            "promise": promise(r.claim),
            "claim": plain(r.claim),
            "result": plain(r.result),
            "latest": plain(r.latest),
            "source": {"document": r.document, "call_date": plain(r.call_date), "start": r.start, "end": r.end,
                       "where": location(r)},
            "revisions": [{"kind": k, "date": plain(d), "description": t} for k, d, t in r.revisions],
            "history": [{"step": k, "date": plain(d), "text": t} for k, d, t in history(r)],
            "override": {"verdict": r.override[0], "reason": r.override[1]} if r.override else None,
            "notes": list(r.notes),
        })
    doc = {
        "format": FORMAT, "version": VERSION,
        "company": card.company, "ticker": card.ticker, "as_of": card.as_of.isoformat(), "period": card.period,
        "credibility": plain(card.credibility),
        "speaker_credibility": [{"speaker": name, "credibility": plain(cred)} for name, cred in card.speakers],
        "verdict_counts": dict(verdict_counts(card)),
        "rows": rows,
        "no_deadline": [row["claim_id"] if row["claim_id"] is not None else row["n"] for row in rows
                        if not row["has_deadline"]],
        "outliers": outlier_text(card) or None,
        "unused_actuals": [{"id": u.id, "actual": plain(u.actual), "source": source_text(u.actual)}
                           for u in card.unused_actuals],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
