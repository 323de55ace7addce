"""The database itself keeps one row of each fact: writers that never take the company writer lock
(`db.session.lock_companies`, here switched off in every child process) still store one company, one speaker
per name, one document per file and one row per imported figure and event, because each goes in with
`INSERT ... ON CONFLICT DO NOTHING` on its unique key (db.upserts). Real processes, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from db.session import open_database
from tests.db.test_concurrency import CSV_ROWS, _company_call, _counts, _run_all


def _without_company_locks() -> None:
    import db.actuals_csv
    import db.ingest

    def no_lock(_session, _tickers) -> None:  # noqa: ANN001
        return None

    db.ingest.lock_companies = no_lock
    db.actuals_csv.lock_companies = no_lock


def _ingest_unlocked(url: str, i: int, barrier) -> None:  # noqa: ANN001
    from db.ingest import ingest_extraction

    _without_company_locks()
    barrier.wait()
    database = open_database(url)
    with database.session() as s:
        ingest_extraction(s, _company_call(i), author=f"analyst{i}")
    database.dispose()


def _import_unlocked(url: str, path: str, barrier) -> None:  # noqa: ANN001
    from db.actuals_csv import import_actuals_csv

    _without_company_locks()
    barrier.wait()
    database = open_database(url)
    with database.session() as s:
        import_actuals_csv(s, path, author="importer")
    database.dispose()


@pytest.mark.parametrize("stored_before", [False, True], ids=["new-company", "stored-company"])
def test_unlocked_ingests_of_a_company_store_one_company_and_one_speaker_each(db_url, stored_before):
    database = open_database(db_url)    # the schema first: this test is about rows, not the migration
    if stored_before:                   # a company with a call stored, whose next calls come in at once
        from db.ingest import ingest_extraction
        with database.session() as s:
            ingest_extraction(s, _company_call(3), author="setup")
    database.dispose()
    assert _run_all(_ingest_unlocked, [(db_url, i) for i in range(4)] + [(db_url, 0)] * 2) == [0] * 6
    database = open_database(db_url)
    try:
        counts = _counts(database)
        assert (counts["companies"], counts["documents"], counts["claims"]) == (1, 4, 12)
        assert counts["speakers"] == 1
    finally:
        database.dispose()


def test_unlocked_imports_of_one_csv_store_each_row_once(db_url, tmp_path):
    database = open_database(db_url)
    with database.session() as s:
        from db.ingest import ingest_extraction
        ingest_extraction(s, _company_call(0), author="setup")
    path = tmp_path / "reported.csv"
    path.write_text("ticker,metric,scope,period,as_of,value,unit,reported_on,source,note,event\n"
                    + "\n".join(CSV_ROWS) + "\n", encoding="utf-8")
    try:
        assert _run_all(_import_unlocked, [(db_url, str(path))] * 4) == [0] * 4
        counts = _counts(database)
        assert (counts["actuals"], counts["events"]) == (10, 5)
    finally:
        database.dispose()
