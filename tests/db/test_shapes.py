"""Growth and direction claims scored from the stored actuals, through the database (invented company:
Marlow Fenn Logistics)."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import select

from db.edits import add_actual
from db.ingest import ingest_extraction
from db.models import ActualRecord, VerdictRecord
from db.scoring import score_all
from tests.db import factories as f
from tracker.model import Comparator, Kind

GROWTH = dataclasses.replace(f.guidance("revenue", 8, 10, period=f.quarter(2025, 2), unit="%", start=10),
                             measure="yoy_growth")
UP = dataclasses.replace(f.guidance("revenue", 0, period=f.quarter(2025, 2), unit="USD", start=90),
                         kind=Kind.DIRECTION, comparator=Comparator.GT, low=None, high=None)


@pytest.mark.parametrize("claim, as_of, verdict, used, text", [
    pytest.param(GROWTH, date(2025, 12, 1), "met", "2025-Q2", "growth 9.09% (2025-Q2 $90.0M vs 2024-Q2 $82.5M)",
                 id="growth-from-two-stored-quarters"),
    pytest.param(UP, date(2025, 12, 1), "met", "2025-Q2", "actual $90.0M (2025-Q2) vs 2025-Q1 $88.0M",
                 id="direction-baseline-from-the-stored-quarter-before"),
    pytest.param(UP, date(2025, 5, 1), "pending", None, "due 2025-06-30: pending", id="direction-before-deadline"),
])
def test_shapes_through_the_database(db, claim, as_of, verdict, used, text):
    with db.session() as s:
        ingest_extraction(s, f.extraction(ticker="MFLX", company="Marlow Fenn", claims=(claim,)), author="ana")
        for label, value, reported in (("2024-Q2", "82.5M", "2024-08-01"), ("2025-Q1", "88M", "2025-05-01"),
                                       ("2025-Q2", "90M", "2025-08-01")):
            add_actual(s, "MFLX", "revenue", None, label, value, "USD", reported)
    with db.session() as s:
        score_all(s, as_of)
    with db.session(write=False) as s:
        v = s.scalars(select(VerdictRecord)).one()
        label = s.scalar(select(ActualRecord.period_label).where(ActualRecord.id == v.actual_id)) if v.actual_id else None
    assert (v.verdict, label) == (verdict, used)
    assert v.explanation.startswith(text), v.explanation
