"""Storing a call reads only the earlier claims it can link to (db.ingest._earlier_claims): those about its own
quarters and about what its withdrawals cover, so that its cost does not grow with the company's history; and
withdrawals still take back every claim they cover."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, select

from db.ingest import ingest_extraction
from db.models import ClaimRecord, RevisionRecord
from tests.db import factories as f

# an invented company's history: a call a quarter guiding that quarter's bookings
HISTORY = [(date(2023 + q // 4, 3 * (q % 4) + 2, 10), f.quarter(2023 + q // 4, q % 4 + 1)) for q in range(8)]


def history_call(day: date, period) -> object:  # noqa: ANN001
    return f.extraction(ticker="ORBT", company="Orbit Pumps", call_date=day, claims=(
        f.guidance("bookings", 50e6, 60e6, period=period, start=10),))


@pytest.fixture
def orbit(db):
    with db.session() as s:
        for day, period in HISTORY:
            ingest_extraction(s, history_call(day, period), author="ana")
        ingest_extraction(s, f.extraction(ticker="ORBT", company="Orbit Pumps", call_date=date(2024, 11, 5), claims=(
            f.guidance("pump shipments", 5000, period=f.full_year(2025), unit="units", start=40),
            f.guidance("bookings", 70e6, 80e6, period=f.quarter(2025, 3), start=90),)), author="ana")
    return db


def _loaded_claims(db, extraction) -> tuple[list[int], object]:  # noqa: ANN001
    """The ids of the stored claims the store of `extraction` read, and what it returned."""
    seen: list[int] = []

    def on_load(target, _context) -> None:  # noqa: ANN001
        seen.append(target.id)

    event.listen(ClaimRecord, "load", on_load)
    try:
        with db.session() as s:
            result = ingest_extraction(s, extraction, author="bo")
    finally:
        event.remove(ClaimRecord, "load", on_load)
    return seen, result


def test_a_call_reads_only_the_earlier_claims_about_its_quarters(orbit):
    """A call guiding 2025-Q3 bookings again reads the one earlier claim about 2025-Q3, none of the eight
    quarters of history before it."""
    call = f.extraction(ticker="ORBT", company="Orbit Pumps", call_date=date(2025, 2, 10), claims=(
        f.guidance("bookings", 72e6, 82e6, period=f.quarter(2025, 3), start=15),))
    with orbit.session(write=False) as s:
        q3 = s.scalars(select(ClaimRecord.id).where(ClaimRecord.period_label == "2025-Q3")).all()
    seen, result = _loaded_claims(orbit, call)
    assert len(q3) == 1 and set(seen) == set(q3)
    assert result.revisions == 1


@pytest.mark.parametrize("withdrawal, taken_back", [
    (f.withdrawal("bookings", f.full_year(2025)), {"2025-Q3"}),          # a year covers its quarters
    (f.withdrawal(None, f.full_year(2025)), {"2025-Q3", "2025-FY"}),     # every metric of the year
    (f.withdrawal("bookings", f.quarter(2023, 2)), {"2023-Q2"}),         # a past quarter by its label
    (f.withdrawal(None), {q.label for _, q in HISTORY} | {"2025-Q3", "2025-FY"}),   # no period: everything
], ids=["year-covers-quarter", "year-any-metric", "one-quarter", "no-period"])
def test_withdrawals_still_take_back_what_they_cover(orbit, withdrawal, taken_back):
    call = f.extraction(ticker="ORBT", company="Orbit Pumps", call_date=date(2025, 2, 10), withdrawals=(withdrawal,))
    seen, result = _loaded_claims(orbit, call)
    with orbit.session(write=False) as s:
        withdrawn = set(s.scalars(select(ClaimRecord.period_label)
                                  .join(RevisionRecord, RevisionRecord.earlier_claim_id == ClaimRecord.id)
                                  .where(RevisionRecord.kind == "withdrawn")))
    assert withdrawn == taken_back
    assert result.withdrawn == len(taken_back)
    if withdrawal.period is not None:       # only the claims of the withdrawn period were read
        assert len(seen) < len(HISTORY)
