"""A company's fiscal year naming in the database: stored from a call, kept, replaced only when given, used to
label a call that does not show it, and by calendar_of; plus the layout a document was read as and its warning.
Larkspur Cloud is invented: its year ends on Jan 31."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import create_engine, inspect, select, text

from db.companies import calendar_of, require_company
from db.ingest import ingest_extraction
from db.models import AuditRecord, ClaimRecord, Document
from db.session import head_revision, open_database, upgrade
from tests.db import factories as f
from tracker.fiscal import period_from_label
from tracker.model import Extraction, Layout, NamingSource, YearNaming

END, START = YearNaming.END, YearNaming.START
SENTENCE = "We expect revenue of about $560 million for the third quarter."


def _call(named: YearNaming | None, source: NamingSource | None, *, text: str = SENTENCE,
          call_date: date = date(2025, 8, 27)) -> Extraction:
    from tracker.extraction.extract import extract_transcript

    ex = f.extraction(ticker="LARK", company="Larkspur Cloud", call_date=call_date, text=text,
                      fiscal_year_end="01-31")
    info = replace(ex.info, fiscal_year_named=named, fiscal_year_named_from=source)
    return extract_transcript(ex.transcript, info)


def _store(db, *calls: Extraction) -> None:
    for ex in calls:
        with db.session() as s:
            ingest_extraction(s, ex, author="ana")


def _company_naming(db) -> str | None:
    with db.session(write=False) as s:
        return require_company(s, "LARK").fiscal_year_named


@pytest.mark.parametrize("first, second, stored", [
    ((END, NamingSource.TRANSCRIPT), None, "end"),             # read from the call: kept for the company
    ((END, NamingSource.OPTION), None, "end"),
    ((START, NamingSource.METADATA), None, "start"),
    ((START, NamingSource.DEFAULT), None, None),               # a default is no knowledge
    ((END, NamingSource.TRANSCRIPT), (START, NamingSource.TRANSCRIPT), "end"),   # a later reading does not win
    ((END, NamingSource.TRANSCRIPT), (START, NamingSource.OPTION), "start"),     # a given naming does
    ((END, NamingSource.OPTION), (START, NamingSource.METADATA), "start"),
], ids=["read", "option", "metadata", "default", "read-keeps", "option-replaces", "metadata-replaces"])
def test_what_is_stored_for_the_company(db, first, second, stored):
    _store(db, _call(*first))
    if second:
        _store(db, _call(*second, text=SENTENCE + " Thank you.", call_date=date(2025, 8, 28)))
    assert _company_naming(db) == stored


def test_a_replaced_naming_is_audited(db):
    _store(db, _call(END, NamingSource.TRANSCRIPT),
           _call(START, NamingSource.OPTION, text=SENTENCE + " Thanks.", call_date=date(2025, 8, 28)))
    with db.session(write=False) as s:
        rows = s.scalars(select(AuditRecord).where(AuditRecord.action == "fiscal_year_named")).all()
    assert [r.entity for r in rows] == ["company", "company"]
    assert '"start"' in rows[-1].after and '"end"' in rows[-1].before


@pytest.mark.parametrize("source, label", [
    (NamingSource.DEFAULT, "FY2026-Q3"),       # the call does not show its naming: the company's is used
    (NamingSource.TRANSCRIPT, "FY2026-Q3"),    # nor does a reading override what the company is known to do
    (NamingSource.OPTION, "FY2025-Q3"),        # a naming given for the call is used (and stored)
], ids=["default", "read", "option"])
def test_a_later_call_is_labelled_by_the_companys_naming(db, source, label):
    _store(db, _call(END, NamingSource.OPTION, call_date=date(2025, 5, 28)))
    _store(db, _call(START, source, text="For the third quarter we expect revenue of $570 million."))
    with db.session(write=False) as s:
        latest = s.scalar(select(Document.id).order_by(Document.call_date.desc()).limit(1))
        labels = s.scalars(select(ClaimRecord.period_label).where(ClaimRecord.document_id == latest)).all()
    assert labels == [label]


@pytest.mark.parametrize("stored, label, end", [
    (END, "FY2026-Q1", date(2025, 4, 30)),
    (START, "FY2026-Q1", date(2026, 4, 30)),
    (None, "FY2026-Q1", date(2026, 4, 30)),      # nothing stored: a January year end is named by its start
], ids=["end", "start", "none"])
def test_calendar_of_reads_labels_in_the_stored_naming(db, stored, label, end):
    _store(db, _call(stored, NamingSource.OPTION if stored else None, text="Revenue grew."))
    with db.session(write=False) as s:
        cal = calendar_of(s, require_company(s, "LARK"))
    assert period_from_label(label, cal).end == end


@pytest.mark.parametrize("layout, warning", [
    (Layout.COLON, None),
    (Layout.PLAIN, "no speaker turns in a 'colon' layout: read as plain text (100% of the text)"),
], ids=["read", "fallback"])
def test_document_keeps_its_layout_and_warning(db, layout, warning):
    ex = f.first_call()
    ex = replace(ex, transcript=replace(ex.transcript, layout=layout, warning=warning))
    _store(db, ex)
    with db.session(write=False) as s:
        doc = s.scalars(select(Document)).one()
    assert (doc.layout, doc.layout_warning) == (layout.value, warning)


def test_an_0001_database_upgrades_with_its_rows(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0001")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO companies (id, ticker, name, fiscal_year_end) "
                          "VALUES (1, 'LARK', 'Larkspur Cloud', '01-31')"))
        conn.execute(text("INSERT INTO documents (id, company_id, sha256, layout, ingested_at) "
                          "VALUES (1, 1, 'abc', 'colon', '2025-05-28 00:00:00')"))
    engine.dispose()
    database = open_database(url)
    try:
        with database.session(write=False) as s:
            company = require_company(s, "LARK")
            doc = s.scalars(select(Document)).one()
            assert (company.fiscal_year_end, company.fiscal_year_named) == ("01-31", None)
            assert (doc.layout, doc.layout_warning) == ("colon", None)
        columns = {c["name"]: c for c in inspect(database.engine).get_columns("documents")}
        assert columns["layout"]["nullable"] and "layout_warning" in columns
    finally:
        database.dispose()
    assert head_revision() == "0010"   # 0003 (claim basis, measure, revision), 0005 (review marks), 0006 (corrections), 0007 (fact keys), 0008 (incremental scoring), 0009 (verdict totals), 0010 (their grains)
