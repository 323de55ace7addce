"""Guidance history of an invented company (Northwind): "revenue of $80-90M in Q1" (February), raised to
"$92-96M" (March), $95.1M reported; margin lowered; capex withdrawn; a target reiterated."""
from __future__ import annotations

from datetime import date

import pytest

from db.guidance import FIRST, RECORDED, GuidanceStep, Subject, change_pct, guidance_history, subject_of, subjects
from db.ingest import ingest_extraction
from db.models import EventRecord
from db.upserts import event_key
from db.scoring import score_all
from tests.db import factories

AS_OF = date(2025, 6, 1)


def reported_q1(value: float = 95.1e6):
    return factories.extraction(call_date=date(2025, 5, 1), claims=(), actuals=(
        factories.actual("revenue", value, factories.quarter(2025, 1), reported_on=date(2025, 5, 1)),))


def ingest(db, *calls) -> None:
    for call in calls:
        with db.session() as s:
            ingest_extraction(s, call, author="t")
    with db.session() as s:
        score_all(s, AS_OF)


def history(db, metric: str, period: str, scope: str | None = None):
    with db.session(write=False) as s:
        return guidance_history(s, Subject("NWSC", metric, scope, period))


def kinds(h) -> list[tuple[str, date | None]]:
    return [(step.kind, step.on) for step in h.steps]


@pytest.mark.parametrize("order", ["oldest-first", "newest-first"])
def test_raised_guide_then_the_actual(db, order):
    calls = [factories.first_call(), factories.second_call(), reported_q1()]
    ingest(db, *(calls if order == "oldest-first" else reversed(calls)))
    h = history(db, "revenue", "2025-Q1")
    assert kinds(h) == [(FIRST, date(2025, 2, 20)), ("raised", date(2025, 3, 25))]
    first, raised = h.steps
    assert (first.low, first.high, raised.low, raised.high) == (80e6, 90e6, 92e6, 96e6)
    assert first.change_pct is None and raised.change_pct == pytest.approx((94 - 85) / 85 * 100)
    assert "$80 to $90" not in first.quote and "revenue" in first.quote       # the stored quote, as said
    assert h.actual is not None and h.actual.value == 95.1e6 and h.actual.reported_on == date(2025, 5, 1)
    assert (h.first_verdict, h.verdict) == ("beat", "met")
    assert h.period_end == date(2025, 3, 31)


def test_withdrawal_is_a_step_of_its_own(db):
    ingest(db, factories.first_call(), factories.second_call())
    h = history(db, "capex", "2025-FY")
    assert kinds(h) == [(FIRST, date(2025, 2, 20)), ("withdrawn", date(2025, 3, 25))]
    assert h.steps[1].claim_id is None and "withdrawing" in h.steps[1].quote
    assert h.actual is None and h.verdict == "withdrawn"


def test_lowered_and_reiterated(db):
    ingest(db, factories.first_call(), factories.second_call())
    assert [k for k, _ in kinds(history(db, "gross margin", "2025-Q1"))] == [FIRST, "lowered"]
    steps = history(db, "wafer starts", "2025-FY").steps
    assert [s.kind for s in steps] == [FIRST, "reiterated"] and steps[1].change_pct == 0


def test_recorded_new_guidance_joins_the_history(db):
    ingest(db, factories.first_call())
    with db.session() as s:
        company_id = s.scalar(factories_company_id())
        values = dict(company_id=company_id, kind="revised", on=date(2025, 3, 1), metric="revenue",
                      period_label="2025-Q1", value=88e6, unit="USD", note="8-K: new Q1 outlook")
        s.add(EventRecord(**values, natural_key=event_key(values)))
    h = history(db, "revenue", "2025-Q1")
    assert kinds(h) == [(FIRST, date(2025, 2, 20)), (RECORDED, date(2025, 3, 1))]
    assert h.steps[1].low == 88e6 and h.steps[1].quote == "8-K: new Q1 outlook"
    assert h.steps[1].change_pct == pytest.approx((88 - 85) / 85 * 100)


def factories_company_id():
    from sqlalchemy import select

    from db.models import Company

    return select(Company.id).where(Company.ticker == "NWSC")


def test_subjects_and_subject_of_a_claim(db):
    ingest(db, factories.first_call(), factories.second_call())
    with db.session(write=False) as s:
        found = subjects(s, "NWSC")
        assert [(x.metric, x.period_label) for x in found] == [
            ("capex", "2025-FY"), ("gross margin", "2025-Q1"), ("revenue", "2025-Q1"), ("wafer starts", "2025-FY")]
        assert subject_of(s, 1) == Subject("NWSC", "revenue", None, "2025-Q1")


def _step(low, high, unit="USD") -> GuidanceStep:
    return GuidanceStep("x", None, None, low, high, unit, None, "", "", None, False, None, None)


@pytest.mark.parametrize("before, low, high, unit, expected", [
    (_step(80e6, 90e6), 92e6, 96e6, "USD", (94 - 85) / 85 * 100),     # midpoints
    (_step(10, 10, "EH/s"), 12_000, 12_000, "PH/s", 20.0),            # 10 EH/s restated as 12,000 PH/s
    (_step(40, 42, "%"), 5e6, 5e6, "USD", None),                        # units that do not compare
    (_step(None, None), 5e6, 5e6, "USD", None),                         # nothing to compare with
    (None, 5e6, 5e6, "USD", None),                                      # the first guide
])
def test_change_pct(before, low, high, unit, expected):
    got = change_pct(before, low, high, unit)
    assert got == (pytest.approx(expected) if expected is not None else None)
