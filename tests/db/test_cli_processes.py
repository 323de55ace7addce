"""`fls` commands run as separate programs on one database, as a team runs them: two ingests of one call at
the same moment leave one copy of it (SQLite and PostgreSQL); on SQLite a writer that finds the file busy past
FLS_BUSY_TIMEOUT says so in one line and exits 1, while readers answer and a later writer succeeds."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from cli.main import main
from db.models import ClaimRecord, Company, Document
from db.session import open_database

ROOT = Path(__file__).resolve().parents[2]
ACME_CALL = ROOT / "tests" / "cli" / "data" / "acme_2025q1_call.txt"
FLS = [sys.executable, "-m", "cli.main"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FLS_DATABASE_URL", "FLS_DEBUG")}
    return env | {"PYTHONPATH": str(ROOT)} | extra


def _start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen([*FLS, *args], cwd=ROOT, env=env or _env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen) -> tuple[int, str]:
    _out, err = proc.communicate(timeout=300)
    return proc.returncode, err


def test_two_ingests_of_one_call_at_once_leave_one_copy(db_url, tmp_path):
    open_database(db_url).dispose()   # an existing, empty database: the race is over the call, not the schema
    runs = [_finish(p) for p in [_start("ingest", str(ACME_CALL), "--db", db_url) for _ in range(2)]]
    assert [code for code, _ in runs] == [0, 0], runs
    assert all("Traceback" not in err for _, err in runs)
    db = open_database(db_url)
    try:
        with db.session(write=False) as s:
            assert s.scalar(select(func.count()).select_from(Company)) == 1
            assert s.scalar(select(func.count()).select_from(Document)) == 1
            claims = s.scalar(select(func.count()).select_from(ClaimRecord))
    finally:
        db.dispose()
    assert main(["ingest", str(ACME_CALL), "--db", str(tmp_path / "alone.db")]) == 0   # one writer alone
    alone = open_database(f"sqlite:///{tmp_path / 'alone.db'}")
    try:
        with alone.session(write=False) as s:
            assert claims == s.scalar(select(func.count()).select_from(ClaimRecord)) > 0
    finally:
        alone.dispose()


# A program that holds the SQLite write lock until its standard input closes.
_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO notes (claim_id, text, author, created_at) VALUES (1, 'x', 'y', '2025-01-01')")
print("holding", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


def test_a_busy_sqlite_file_is_one_line_and_exit_1_while_readers_answer(tmp_path):
    path = tmp_path / "team.db"
    assert subprocess.run([*FLS, "ingest", str(ACME_CALL), "--db", str(path)], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=300).returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        quick = _env(FLS_BUSY_TIMEOUT="0.3")
        code, err = _finish(_start("note", "1", "restated in the filing", "--db", str(path), env=quick))
        assert (code, err) == (1, "fls: database is busy: another fls is writing; try again\n")
        code, err = _finish(_start("claims", "ACME", "--db", str(path), env=quick))
        assert (code, err) == (0, "")
    finally:
        holder.stdin.close()
        holder.wait(60)
    code, err = _finish(_start("note", "1", "restated in the filing", "--db", str(path)))
    assert (code, err) == (0, "")
