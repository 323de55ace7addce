"""Two processes ingesting different calls into one SQLite file at once (WAL, BEGIN IMMEDIATE): no claim lost."""
from __future__ import annotations

import multiprocessing
from datetime import date

import pytest
from sqlalchemy import func, select

from db.ingest import ingest_extraction
from db.models import ClaimRecord, Document
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
    ctx = multiprocessing.get_context("spawn")
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
    ctx = multiprocessing.get_context("spawn")
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
