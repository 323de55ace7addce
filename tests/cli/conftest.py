"""Fixtures for the CLI tests: `fls(...)` runs the command line in-process on a fresh SQLite file."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cli.main import main

DATA = Path(__file__).parent / "data"
ACME_CALL = DATA / "acme_2025q1_call.txt"
ACME_ACTUALS = DATA / "acme_actuals.csv"
ACME_BAD = DATA / "acme_bad.csv"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "fls.db"


@pytest.fixture
def fls(capsys, db_path, monkeypatch) -> Callable[..., Run]:
    """`fls("claims", "ACME")`: run with `--db` pointing at the test's file (unless `db=False`)."""
    monkeypatch.delenv("FLS_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str, db: bool = True) -> Run:
        capsys.readouterr()
        argv = [str(a) for a in args] + (["--db", str(db_path)] if db else [])
        code = main(argv)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def acme(fls) -> Callable[..., Run]:
    """The invented Acme call ingested and its actuals imported."""
    assert fls("ingest", ACME_CALL).code == 0
    assert fls("actuals", "import", ACME_ACTUALS).code == 0
    return fls
