"""Several processes writing one database at once, on SQLite and PostgreSQL: ingests of different calls, of
calls of one new company, of one file many times, imports of one CSV, and reads during a long write. Counts
equal a sequential run's; nobody fails."""
from __future__ import annotations

import multiprocessing
import time
from datetime import date

import pytest
from sqlalchemy import func, select

from db.actuals_csv import import_actuals_csv
from db.edits import add_note
from db.ingest import ingest_extraction
from db.models import (
    ActualRecord,
    ClaimRecord,
    Company,
    Document,
    EventRecord,
    NoteRecord,
    RevisionRecord,
    SpeakerRecord,
    VerdictRecord,
)
from db.session import open_database
from tests.db import factories as f


def _many_claims(ticker: str, call_date: date, n: int):
    return f.extraction(ticker=ticker, company=f"{ticker} Holdings", call_date=call_date, claims=tuple(
        f.guidance(f"metric {i}", 1000 + i, period=f.quarter(2025, 1 + i % 4), start=i * 100) for i in range(n)))


def _ingest_in_child(url: str, ticker: str, rounds: int, barrier) -> None:  # noqa: ANN001
    barrier.wait()
    db = open_database(url)   # the first to arrive creates the schema; the other waits for it
    for r in range(rounds):
        with db.session() as s:
            ingest_extraction(s, _many_claims(ticker, date(2025, 1, 1 + r), 25), author=ticker)
    db.dispose()


@pytest.mark.parametrize("fresh_file", [True, False], ids=["new-file", "existing-file"])
def test_two_processes_ingest_into_one_sqlite_file(tmp_path, fresh_file):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    if not fresh_file:
        open_database(url).dispose()
    ctx = _context()
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_ingest_in_child, args=(url, t, 4, barrier)) for t in ("HRBR", "ACMI")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    db = open_database(url)
    try:
        with db.session(write=False) as s:
            assert s.scalar(select(func.count()).select_from(Document)) == 8
            assert s.scalar(select(func.count()).select_from(ClaimRecord)) == 2 * 4 * 25
    finally:
        db.dispose()


def test_concurrent_ingest_each_backend(db_url):
    """The same on PostgreSQL (and on a SQLite file through the fixture), both starting on an empty database."""
    ctx = _context()
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_ingest_in_child, args=(db_url, t, 3, barrier)) for t in ("HRBR", "ACMI")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    db = open_database(db_url)
    try:
        with db.session(write=False) as s:
            assert s.scalar(select(func.count()).select_from(ClaimRecord)) == 2 * 3 * 25
    finally:
        db.dispose()


# --- many writers of one company, as a team would run them -------------------------------------------------

CALL_DATES = (date(2025, 1, 20), date(2025, 4, 21), date(2025, 7, 21), date(2025, 10, 20))
Q4 = f.quarter(2025, 4)


def _company_call(i: int):
    """One of four calls of the invented Quillfeather Robotics: Q4 revenue guidance moves every call."""
    revenue = (100e6, 110e6, 105e6, 120e6)[i]
    return f.extraction(ticker="QFR", company="Quillfeather Robotics", call_date=CALL_DATES[i], claims=(
        f.guidance("revenue", revenue, revenue + 10e6, period=Q4, start=100),
        f.guidance("gross margin", 30 + i, period=Q4, unit="%", start=300),
        f.guidance(f"new stores {i}", 5, period=Q4, unit="units", start=500),
    ))


def _ingest_call(url: str, i: int, barrier) -> None:  # noqa: ANN001
    barrier.wait()
    db = open_database(url)
    with db.session() as s:
        ingest_extraction(s, _company_call(i), author=f"analyst{i}")
    db.dispose()


def _context():  # noqa: ANN202
    """Processes forked from a server that has already imported fls: real processes, started in a blink
    rather than after seconds of imports each (the machine running the suite may be busy)."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["db.ingest", "db.actuals_csv", "db.edits", "tests.db.factories"])
    return ctx


def _run_all(target, args_list) -> list[int]:  # noqa: ANN001
    ctx = _context()
    barrier = ctx.Barrier(len(args_list))
    procs = [ctx.Process(target=target, args=(*args, barrier)) for args in args_list]
    for p in procs:
        p.start()
    for p in procs:
        p.join(180)
    return [p.exitcode for p in procs]


def _links(db) -> set[tuple]:  # noqa: ANN001
    with db.session(write=False) as s:
        rows = s.execute(select(ClaimRecord.id, ClaimRecord.metric, Document.call_date)
                         .join(Document, ClaimRecord.document_id == Document.id)).all()
        name = {cid: (metric, str(day)) for cid, metric, day in rows}
        return {(name.get(r.claim_id), name[r.earlier_claim_id], r.kind)
                for r in s.scalars(select(RevisionRecord))}


def _counts(db) -> dict[str, int]:  # noqa: ANN001
    with db.session(write=False) as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m))
                for m in (Company, Document, SpeakerRecord, ClaimRecord, RevisionRecord, ActualRecord, EventRecord)}


def test_concurrent_ingests_of_a_new_company_store_what_one_writer_would(db_url, tmp_path):
    """Four analysts ingest four calls of a company nobody has stored yet, at the same moment: every ingest
    succeeds (no unique-key failure on companies or speakers) and the database holds what a sequential run
    holds, revision links included."""
    assert _run_all(_ingest_call, [(db_url, i) for i in range(4)]) == [0, 0, 0, 0]
    sequential = open_database(f"sqlite:///{tmp_path / 'sequential.db'}")
    for i in range(4):
        with sequential.session() as s:
            ingest_extraction(s, _company_call(i), author="one")
    db = open_database(db_url)
    try:
        assert _counts(db) == _counts(sequential)
        assert _counts(db)["companies"] == 1 and _counts(db)["claim_revisions"] == 6
        assert _links(db) == _links(sequential)
    finally:
        db.dispose()
        sequential.dispose()


def test_one_file_ingested_many_times_at_once_is_stored_once(db_url):
    assert _run_all(_ingest_call, [(db_url, 0)] * 4) == [0] * 4
    db = open_database(db_url)
    try:
        counts = _counts(db)
        assert (counts["companies"], counts["documents"], counts["claims"]) == (1, 1, 3)
    finally:
        db.dispose()


CSV_ROWS = [f"QFR,metric {i},,2025-Q{1 + i % 4},,{i + 1}.5M,USD,2025-11-0{1 + i % 5},filing {i},," for i in range(10)]
CSV_ROWS += [f"QFR,metric {i},,,2025-0{i + 1}-15,,,,press {i},,achieved" for i in range(5)]


def _import_csv(url: str, path: str, barrier) -> None:  # noqa: ANN001
    barrier.wait()
    db = open_database(url)
    with db.session() as s:
        import_actuals_csv(s, path, author="importer")
    db.dispose()


def test_concurrent_imports_of_one_csv_store_each_row_once(db_url, tmp_path):
    db = open_database(db_url)
    with db.session() as s:
        ingest_extraction(s, _company_call(0), author="setup")
    path = tmp_path / "reported.csv"
    path.write_text("ticker,metric,scope,period,as_of,value,unit,reported_on,source,note,event\n"
                    + "\n".join(CSV_ROWS) + "\n", encoding="utf-8")
    try:
        assert _run_all(_import_csv, [(db_url, str(path))] * 4) == [0] * 4
        counts = _counts(db)
        assert (counts["actuals"], counts["events"]) == (10, 5)
    finally:
        db.dispose()


def _hold_write_lock(url: str, started, release) -> None:  # noqa: ANN001
    db = open_database(url)
    with db.session() as s:
        ingest_extraction(s, _company_call(1), author="slow writer")
        started.set()
        release.wait(120)
    db.dispose()


def test_reads_do_not_wait_for_a_long_write_and_writers_queue(tmp_path, monkeypatch):
    """While another process holds the write lock, a reader that would give up after 0.2 s of waiting opens
    the database and reads the last committed state (so it never waited); a writer with that patience is
    told the database is busy; a writer with the default patience waits its turn and writes."""
    import threading

    from db.errors import DatabaseError

    url = f"sqlite:///{tmp_path / 'shared.db'}"
    db = open_database(url)
    with db.session() as s:
        ingest_extraction(s, _company_call(0), author="setup")
    db.dispose()
    ctx = _context()
    started, release = ctx.Event(), ctx.Event()
    writer = ctx.Process(target=_hold_write_lock, args=(url, started, release))
    writer.start()
    patient = open_database(url)
    try:
        assert started.wait(60)
        monkeypatch.setenv("FLS_BUSY_TIMEOUT", "0.2")
        impatient = open_database(url)
        with impatient.session(write=False) as s:
            assert s.scalar(select(func.count()).select_from(ClaimRecord)) == 3   # the last committed state
        with pytest.raises(DatabaseError, match="database is busy"), impatient.session() as s:
            add_note(s, 1, "checked during the import", author="impatient")
        impatient.dispose()

        def note() -> None:
            with patient.session() as s:     # waits for the writer (busy timeout 30 s), then writes
                add_note(s, 1, "checked during the import", author="reader")

        queued = threading.Thread(target=note)
        queued.start()
        time.sleep(0.5)       # (not measured) give the queued writer time to start waiting on the lock
        release.set()
        queued.join(120)
        with patient.session(write=False) as s:
            assert s.scalar(select(func.count()).select_from(NoteRecord)) == 1
            assert s.scalar(select(func.count()).select_from(ClaimRecord)) == 6
    finally:
        release.set()
        writer.join(60)
        patient.dispose()
    assert writer.exitcode == 0


class _NoBarrier:
    def wait(self) -> None:
        return None


def _score(url: str, barrier) -> None:  # noqa: ANN001
    from cli.score_cmd import score_and_table

    barrier.wait()
    db = open_database(url)
    score_and_table(db, date(2025, 12, 31), None)
    db.dispose()


def test_concurrent_scorings_of_one_date_replace_the_verdicts_in_turn(db_url):
    db = open_database(db_url)
    for i in range(2):
        with db.session() as s:
            ingest_extraction(s, _company_call(i), author="setup")
    try:
        assert _run_all(_score, [(db_url,)] * 4) == [0] * 4
        with db.session(write=False) as s:
            concurrent = s.scalar(select(func.count()).select_from(VerdictRecord))
        _score(db_url, _NoBarrier())
        with db.session(write=False) as s:
            assert s.scalar(select(func.count()).select_from(VerdictRecord)) == concurrent > 0
    finally:
        db.dispose()
