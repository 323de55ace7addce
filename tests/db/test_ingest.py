from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import select

from db.edits import add_note, dismiss_claim, override_verdict
from db.ingest import ingest_extraction
from db.models import (
    STATUS_DISMISSED,
    STATUS_SUPERSEDED,
    ActualRecord,
    AuditRecord,
    ClaimRecord,
    Company,
    Document,
    RevisionRecord,
)
from db.scoring import effective_verdict, score_all
from tests.db import factories as f
from tests.db.helpers import claim_id, row_counts
from tracker.errors import InputError
from tracker.model import Verdict


def test_same_extraction_twice_changes_nothing(db):
    ex = f.first_call()
    with db.session() as s:
        first = ingest_extraction(s, ex, author="ana")
    with db.session() as s:
        counts = row_counts(s)
    with db.session() as s:
        second = ingest_extraction(s, ex, author="ana")
    with db.session() as s:
        assert row_counts(s) == counts
    assert first.created and not second.created
    assert first.document_id == second.document_id
    assert (first.claims, first.actuals) == (4, 1)
    assert (second.claims, second.actuals, second.revisions, second.withdrawn) == (0, 0, 0, 0)
    assert counts["claims"] == 4 and counts["mentions"] == 4 and counts["documents"] == 1


def test_company_created_with_name_and_fiscal_year(db):
    with db.session() as s:
        ingest_extraction(s, f.extraction(ticker="hrbr", company="Harbor Retail", fiscal_year_end="01-31",
                                          claims=(f.guidance("revenue", 5e9, period=f.full_year(2025)),)),
                          author="ana")
    with db.session() as s:
        company = s.scalar(select(Company))
        assert (company.ticker, company.name, company.fiscal_year_end) == ("HRBR", "Harbor Retail", "01-31")
        # a call on 2025-02-20 reports the fiscal quarter that ended on 31 January 2025
        assert s.scalar(select(Document.period_label)) == "FY2024-Q4"


def test_document_reports_the_last_ended_quarter(db):
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
    with db.session() as s:
        doc = s.scalar(select(Document))
        assert (doc.period_label, doc.call_date, doc.layout) == ("2024-Q4", date(2025, 2, 20), "colon")


def test_missing_ticker_is_an_input_error(db):
    with db.session() as s, pytest.raises(InputError, match="unknown company: pass --company TICKER"):
        ingest_extraction(s, f.extraction(ticker=None), author="ana")


def test_claim_fields_round_trip(db):
    ex = f.first_call()
    with db.session() as s:
        ingest_extraction(s, ex, author="ana")
    from db.convert import claim_from_record

    with db.session() as s:
        stored = [claim_from_record(r) for r in s.scalars(select(ClaimRecord).order_by(ClaimRecord.position))]
    assert stored == list(ex.claims)


def test_ingest_is_audited(db):
    with db.session() as s:
        result = ingest_extraction(s, f.first_call(), author="ana")
    with db.session() as s:
        rows = s.scalars(select(AuditRecord)).all()
    assert [(r.action, r.entity, r.entity_id, r.author) for r in rows] == [
        ("ingest", "document", result.document_id, "ana")]


@pytest.mark.parametrize("metric, kind", [
    ("revenue", "raised"),
    ("gross margin", "lowered"),
    ("wafer starts", "reiterated"),
    ("capex", "withdrawn"),
])
def test_revisions_link_two_calls(db, metric, kind):
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
    with db.session() as s:
        result = ingest_extraction(s, f.second_call(), author="ana")
    assert (result.revisions, result.withdrawn) == (3, 1)
    with db.session() as s:
        old = claim_id(s, metric, date(2025, 2, 20))
        revs = s.scalars(select(RevisionRecord).where(RevisionRecord.earlier_claim_id == old)).all()
        assert [r.kind for r in revs] == [kind]
        assert revs[0].on == date(2025, 3, 25)
        new = claim_id(s, metric, date(2025, 3, 25))
        assert revs[0].claim_id == new   # None for the withdrawn capex, which the second call does not restate


def test_restated_actual_points_at_the_first(db):
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
        ingest_extraction(s, f.second_call(), author="ana")
    with db.session() as s:
        first, second = s.scalars(select(ActualRecord).order_by(ActualRecord.id)).all()
        assert first.restates_id is None and second.restates_id == first.id
        assert second.reported_on == date(2025, 3, 25)


def _reextracted(ex):
    """The same file extracted again by a better extractor: one claim gone, one new, one changed hedge."""
    revenue, margin, capex, wafers = ex.claims
    return dataclasses.replace(ex, claims=(
        dataclasses.replace(revenue, confidence=0.95),
        margin,
        wafers,
        f.guidance("opex", 30e6, period=f.quarter(2025, 1), start=900),
    ))


def test_reextract_keeps_user_edits(db):
    ex = f.first_call()
    with db.session() as s:
        ingest_extraction(s, ex, author="ana")
        revenue, margin, capex = (claim_id(s, m) for m in ("revenue", "gross margin", "capex"))
        override_verdict(s, revenue, "met", "company confirmed in a press release", "ana")
        add_note(s, capex, "capex was cut in the 10-K", "ana")
        dismiss_claim(s, margin, "a restatement of last year's figure, not guidance", "ana")
    with db.session() as s:
        score_all(s, date(2025, 6, 30))
    with db.session() as s:
        result = ingest_extraction(s, _reextracted(ex), author="ana", replace=True)
    assert not result.created and result.claims == 4
    with db.session() as s:
        score_all(s, date(2025, 6, 30))
    with db.session() as s:
        assert claim_id(s, "revenue") == revenue
        assert s.get(ClaimRecord, revenue).confidence == 0.95
        assert effective_verdict(s, revenue) is Verdict.MET
        assert s.get(ClaimRecord, margin).status == STATUS_DISMISSED
        assert effective_verdict(s, margin) is Verdict.DISMISSED
        # capex vanished from the extraction but carries a note: kept, superseded
        assert s.get(ClaimRecord, capex).status == STATUS_SUPERSEDED
        assert s.scalar(select(Document.id)) == result.document_id
        metrics = sorted(s.scalars(select(ClaimRecord.metric)))
        assert metrics == ["capex", "gross margin", "opex", "revenue", "wafer starts"]
        actions = [r.action for r in s.scalars(select(AuditRecord).where(AuditRecord.entity == "document"))]
        assert actions == ["ingest", "reextract"]


def test_reextract_twice_is_stable(db):
    ex = f.first_call()
    with db.session() as s:
        ingest_extraction(s, ex, author="ana")
        ingest_extraction(s, f.second_call(), author="ana")
    with db.session() as s:
        counts = row_counts(s)
    with db.session() as s:
        ingest_extraction(s, f.second_call(), author="ana", replace=True)
    with db.session() as s:
        assert row_counts(s) == counts
