"""Scorecard as JSON: everything, structured, dates as ISO strings, enums as their values."""
from __future__ import annotations

import dataclasses
import json
from datetime import date
from enum import Enum
from typing import Any

from tracker.scorecard.model import Scorecard, location, promise, verdict_counts

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
            "verdict": r.verdict,
            "explanation": r.shown.explanation,
            "promise": promise(r.claim),
            "claim": plain(r.claim),
            "result": plain(r.result),
            "latest": plain(r.latest),
            "source": {"document": r.document, "call_date": plain(r.call_date), "start": r.start, "end": r.end,
                       "where": location(r)},
            "revisions": [{"kind": k, "date": plain(d), "description": t} for k, d, t in r.revisions],
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
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
