"""score_all in batches: the same verdicts whatever the batch size, and a session that scores a date twice
reads the new verdicts, not stale objects of the deleted ones."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

import db.scoring
from db.actuals_csv import import_actuals_csv
from db.ingest import ingest_extraction
from db.models import VerdictRecord
from db.scoring import score_all
from tests.db import factories as f
from tests.db.helpers import claim_id
from tracker.model import Verdict

AS_OF = date(2025, 6, 30)


def _verdicts(session) -> list[tuple]:
    return [(v.claim_id, v.against, v.verdict, v.explanation, v.actual_id)
            for v in session.scalars(select(VerdictRecord).order_by(VerdictRecord.claim_id, VerdictRecord.against))]


@pytest.fixture
def two_calls(db, tmp_path):
    csv = tmp_path / "a.csv"
    csv.write_text("ticker,metric,period,as_of,value,unit,reported_on,event\n"
                   "NWSC,revenue,2025-Q1,,93M,USD,2025-04-30,\n", encoding="utf-8")
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
        ingest_extraction(s, f.second_call(), author="ana")
        import_actuals_csv(s, csv, author="ana")
    return db


@pytest.mark.parametrize("batch", [1, 2, 3], ids=["one claim", "two claims", "three claims"])
def test_batch_size_changes_nothing(two_calls, monkeypatch, batch):
    with two_calls.session() as s:
        assert score_all(s, AS_OF) == 7
        whole = _verdicts(s)
    monkeypatch.setattr(db.scoring, "BATCH", batch)
    seen = []
    with two_calls.session() as s:
        assert score_all(s, AS_OF, full=True, progress=lambda done, total: seen.append((done, total))) == 7
        assert _verdicts(s) == whole
    assert seen[0] == (0, 7) and seen[-1] == (7, 7) and len(seen) == 1 + -(-7 // batch)


def test_scoring_a_date_twice_in_one_session_reads_the_new_verdicts(db, tmp_path):
    csv = tmp_path / "a.csv"
    csv.write_text("ticker,metric,period,as_of,value,unit,reported_on,event\n"
                   "NWSC,revenue,2025-Q1,,93M,USD,2025-04-30,\n", encoding="utf-8")
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
        score_all(s, AS_OF)
        cid = claim_id(s, "revenue")
        first = s.scalars(select(VerdictRecord).where(VerdictRecord.claim_id == cid)).one()
        assert Verdict(first.verdict) is Verdict.AWAITING
        import_actuals_csv(s, csv, author="ana")
        score_all(s, AS_OF)
        again = s.scalars(select(VerdictRecord).where(VerdictRecord.claim_id == cid)).one()
        assert Verdict(again.verdict) is Verdict.BEAT
