"""A Python whose SQLite is older than 3.35 (no INSERT ... RETURNING) reads but cannot write: a writing command
says so in one line and exits 1, instead of an internal error from the driver (invented Acme call)."""
from __future__ import annotations

import db.upserts
from tests.cli.conftest import ACME_CALL
from tests.cli.test_bad_input import one_line


def test_an_old_sqlite_is_one_line(fls, monkeypatch):
    monkeypatch.setattr(db.upserts.sqlite3, "sqlite_version_info", (3, 31, 1))
    monkeypatch.setattr(db.upserts.sqlite3, "sqlite_version", "3.31.1")
    one_line(fls("ingest", ACME_CALL), "fls needs SQLite 3.35 or newer to write; this Python has 3.31.1")
