"""Period labels a user types or imports resolve in the 52/53-week calendar the extractor used for the
company's calls (anchored on the latest call), not in one where the MM-DD is a fixed date every year."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from db.models import ActualRecord, Document
from db.session import open_database

# Widget Foundry's year ends on the Thursday nearest Aug 31 ("09-03" read in fiscal 2026): FY2025 ended
# Thu 2025-08-28, so FY2026-Q2 ends 26 weeks later. A fixed Sep 3 would give 2026-03-04.
CALL = """Widget Foundry Fiscal First Quarter 2026 Earnings Call
December 17, 2025

Mara Quinlan - Chief Financial Officer: For the second quarter of fiscal 2026 we expect revenue of about $40 million.
"""


@pytest.fixture
def foundry(fls, tmp_path):
    call = tmp_path / "foundry_call.txt"
    call.write_text(CALL, encoding="utf-8")
    run = fls("ingest", call, "--company", "WDGT", "--fiscal-year-end", "09-03")
    assert run.code == 0, run.err
    return fls


def stored(db_path, model, column):  # noqa: ANN001, ANN201
    database = open_database(str(db_path))
    try:
        with database.session(write=False) as s:
            return s.scalars(select(column)).all()
    finally:
        database.dispose()


def test_call_reports_the_anchored_quarter(foundry, db_path):
    assert stored(db_path, Document, Document.period_label) == ["FY2026-Q1"]


@pytest.mark.parametrize("how", ["add", "import"])
def test_period_label_resolves_in_the_calls_calendar(foundry, db_path, tmp_path, how):
    if how == "add":
        run = foundry("actuals", "add", "--company", "WDGT", "--metric", "revenue", "--period", "FY2026-Q2",
                      "--value", "41M", "--unit", "USD")
    else:
        csv = tmp_path / "reported.csv"
        csv.write_text("ticker,metric,period,value,unit\nWDGT,revenue,FY2026-Q2,41M,USD\n", encoding="utf-8")
        run = foundry("actuals", "import", csv)
    assert run.code == 0, run.err
    assert stored(db_path, ActualRecord, ActualRecord.period_end) == [date(2026, 2, 26)]
    assert stored(db_path, ActualRecord, ActualRecord.period_start) == [date(2025, 11, 28)]
