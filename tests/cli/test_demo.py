"""`fls demo`: the seed stored, scored and printed; a second run changes nothing."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from db.session import open_database

TABLES = ("companies", "documents", "claims", "actuals", "events", "verdicts", "claim_revisions")


def counts(db_path: Path) -> dict[str, int]:
    database = open_database(str(db_path))
    try:
        with database.engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
    finally:
        database.dispose()


def test_demo_twice(fls, db_path):
    first = fls("demo", "--no-ui")
    assert first.code == 0, first.err
    assert first.out.startswith("ingested canaan_2024q4_earnings_call.txt: ")
    assert "verdicts as of 2026-03-01" in first.out
    assert "# Scorecard: Canaan Inc. (CAN)" in first.out
    after_first = counts(db_path)

    second = fls("demo", "--no-ui")
    assert second.code == 0, second.err
    lines = second.out.splitlines()
    assert lines[0] == "unchanged canaan_2024q4_earnings_call.txt (already ingested)"
    assert lines[1].startswith("imported canaan_actuals.csv: 0 actuals, 0 events (")
    assert counts(db_path) == after_first
    # everything after the two loading lines (verdicts and scorecard) is the same
    assert first.out.splitlines()[2:] == lines[2:]


def test_demo_default_database_is_in_the_data_folder(fls, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    run = fls("demo", "--no-ui", db=False)
    assert run.code == 0, run.err
    assert (tmp_path / "data" / "fls" / "demo.db").is_file()


def test_demo_says_where_it_stored_the_call(fls, db_path):
    run = fls("demo", "--no-ui")
    assert run.code == 0, run.err
    assert f"--db {db_path}`" in run.out.splitlines()[-1]
    assert fls("claims", "CAN").code == 0
