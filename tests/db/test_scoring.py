from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from db import edits
from db.actuals_csv import import_actuals_csv
from db.ingest import ingest_extraction
from db.models import VerdictRecord
from db.scoring import effective_verdict, effective_verdicts, score_all
from tests.db import factories as f
from tests.db.helpers import claim_id
from tracker.model import Verdict

AS_OF = date(2025, 6, 30)


@pytest.fixture
def two_calls(db, tmp_path):
    csv = tmp_path / "a.csv"
    csv.write_text("ticker,metric,period,as_of,value,unit,reported_on,event\n"
                   "NWSC,revenue,2025-Q1,,93M,USD,2025-04-30,\n"
                   "NWSC,gross margin,2025-Q1,,38,%,2025-04-30,\n", encoding="utf-8")
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
        ingest_extraction(s, f.second_call(), author="ana")
        import_actuals_csv(s, csv, author="ana")


@pytest.mark.parametrize("metric, call, original, latest", [
    ("revenue", date(2025, 2, 20), Verdict.BEAT, Verdict.MET),       # 80-90M then raised to 92-96M; 93M
    ("gross margin", date(2025, 2, 20), Verdict.MISSED, Verdict.MET),  # 40-42% then lowered to 37-39%; 38%
    ("capex", date(2025, 2, 20), Verdict.WITHDRAWN, None),          # withdrawn on the second call
    ("revenue", date(2025, 3, 25), Verdict.MET, None),
])
def test_verdicts_against_original_and_latest(db, two_calls, metric, call, original, latest):
    with db.session() as s:
        assert score_all(s, AS_OF) == 7
    with db.session() as s:
        cid = claim_id(s, metric, call)
        rows = {v.against: v for v in s.scalars(select(VerdictRecord).where(VerdictRecord.claim_id == cid))}
        assert Verdict(rows["original"].verdict) is original
        assert (Verdict(rows["latest"].verdict) if "latest" in rows else None) is latest
        assert effective_verdict(s, cid) is original


def test_rescoring_replaces_only_that_as_of(db, two_calls):
    with db.session() as s:
        score_all(s, AS_OF)
        score_all(s, date(2025, 3, 1))
        score_all(s, AS_OF)
        n_rows = len(s.scalars(select(VerdictRecord)).all())
        # on AS_OF revenue, margin and wafer starts (reiterated) are also scored against their latest revision;
        # on March 1 the revisions (March 25) had not been made yet
        assert n_rows == (7 + 3) + 7


def test_progress_and_ticker_filter(db, two_calls):
    seen = []
    with db.session() as s:
        assert score_all(s, AS_OF, ticker="nwsc", progress=lambda done, total: seen.append((done, total))) == 7
    assert seen[0] == (0, 7) and seen[-1] == (7, 7)


def test_revised_event_counts_as_a_revision(db, tmp_path):
    csv = tmp_path / "r.csv"
    csv.write_text("ticker,metric,period,as_of,value,unit,reported_on,event\n"
                   "NWSC,capex,2025-FY,,150M,USD,2025-05-01,revised\n"
                   "NWSC,capex,2025-FY,,152M,USD,2026-02-15,\n", encoding="utf-8")
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
        import_actuals_csv(s, csv, author="ana")
        score_all(s, date(2026, 3, 1))
        cid = claim_id(s, "capex")
        rows = {v.against: Verdict(v.verdict) for v in s.scalars(
            select(VerdictRecord).where(VerdictRecord.claim_id == cid))}
    assert rows == {"original": Verdict.MISSED, "latest": Verdict.MET}


def test_dismissed_claims_are_not_scored(db, two_calls):
    with db.session() as s:
        cid = claim_id(s, "capex")
        edits.dismiss_claim(s, cid, "not guidance", "bo")
        assert score_all(s, AS_OF) == 6
        assert effective_verdicts(s, [cid])[cid].verdict is Verdict.DISMISSED
