"""What the action forms need to know about the claim they act on."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClaimRef:
    id: int
    ticker: str
    metric: str
    scope: str | None
    period_label: str | None
    unit: str | None
    dismissed: bool
    summary: str           # one line: "revenue (mining), 2025-Q1: $80M to $90M"
    verdict: str | None = None    # the effective verdict now (None: not scored yet)
