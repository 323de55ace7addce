"""The claim fields the extractor adds (basis, measure, period source, metric_known, the sentence's own
revision) and an actual's basis are stored, read back unchanged, and updated on re-ingest; losses stay
negative end to end."""
from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from db.convert import actual_from_record, claim_from_record
from db.ingest import ingest_extraction
from db.models import ActualRecord, ClaimRecord
from tests.db import factories as f
from tracker.model import Revision, RevisionKind

LOSS = dataclasses.replace(f.guidance("adjusted ebitda", -2.25e9, -2.0e9, period=f.full_year(2025), start=40),
                           basis="adjusted")
CASES = [
    pytest.param(LOSS, id="adjusted-loss-range-stays-negative"),
    pytest.param(dataclasses.replace(f.guidance("revenue", 8, 10, period=f.full_year(2025), unit="%", start=90),
                                     measure="yoy_growth", basis="gaap"), id="gaap-growth"),
    pytest.param(dataclasses.replace(f.guidance("cloud bookings", 5e6, period=f.quarter(2025, 2), start=140),
                                     metric_known=False, period_source="frame", period_source_start=12),
                 id="unknown-metric-from-a-frame"),
    pytest.param(dataclasses.replace(f.guidance("segment margin", 21.0, 21.6, period=f.full_year(2025), unit="%",
                                                start=190),
                                     revision=Revision(RevisionKind.RAISED, 0.3, "%"), period_source="sentence"),
                 id="raised-by-30-basis-points"),
    pytest.param(dataclasses.replace(f.guidance("opex", 40e6, period=f.quarter(2025, 3), start=240),
                                     revision=Revision(RevisionKind.MAINTAINED)), id="maintained-no-delta"),
]


@pytest.mark.parametrize("claim", CASES)
def test_claim_fields_round_trip(db, claim):
    with db.session() as s:
        ingest_extraction(s, f.extraction(ticker="PLVX", company="Plover Vex", claims=(claim,)), author="ana")
    with db.session(write=False) as s:
        back = claim_from_record(s.scalars(select(ClaimRecord)).one())
    keys = ("metric_known", "basis", "measure", "period_source", "period_source_start", "revision", "low", "high")
    assert {k: getattr(back, k) for k in keys} == {k: getattr(claim, k) for k in keys}


def test_reingest_updates_the_new_fields(db):
    ex = f.extraction(ticker="PLVX", company="Plover Vex", claims=(LOSS,))
    with db.session() as s:
        ingest_extraction(s, ex, author="ana")
    changed = dataclasses.replace(LOSS, basis="non_gaap", measure=None, revision=Revision(RevisionKind.LOWERED))
    with db.session() as s:
        ingest_extraction(s, dataclasses.replace(ex, claims=(changed,)), author="ana", replace=True)
    with db.session(write=False) as s:
        back = claim_from_record(s.scalars(select(ClaimRecord)).one())
    assert (back.basis, back.revision) == ("non_gaap", Revision(RevisionKind.LOWERED))


@pytest.mark.parametrize("basis", [pytest.param("non_gaap", id="non-gaap"), pytest.param(None, id="unstated")])
def test_actual_basis_round_trips(db, basis):
    act = dataclasses.replace(f.actual("operating income", -3e6, f.quarter(2024, 4)), basis=basis)
    with db.session() as s:
        ingest_extraction(s, f.extraction(ticker="PLVX", company="Plover Vex", actuals=(act,)), author="ana")
    with db.session(write=False) as s:
        back = actual_from_record(s.scalars(select(ActualRecord)).one())
    assert (back.basis, back.value) == (basis, -3e6)
