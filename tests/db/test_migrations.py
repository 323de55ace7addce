from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from db.models import Base
from db.session import current_revision, head_revision, open_database, resolve_url, upgrade


def test_fresh_database_gets_every_table_and_matches_the_models(db_url):
    db = open_database(db_url)
    try:
        assert current_revision(db.engine) == head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == []
    finally:
        db.dispose()


def test_upgrade_twice_is_harmless(db_url):
    upgrade(db_url)
    upgrade(db_url)
    db = open_database(db_url)
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.dispose()


def test_sqlite_pragmas(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'p.db'}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    finally:
        db.dispose()


@pytest.mark.parametrize("option, expected_suffix", [
    ("some/file.db", "/some/file.db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
    ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
])
def test_resolve_url(option, expected_suffix, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = resolve_url(option)
    assert url.endswith(expected_suffix)
    if "://" not in option:
        assert url == f"sqlite:///{tmp_path / option}"


def test_default_url_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv("FLS_DATABASE_URL", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"


def test_default_url_in_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("FLS_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    url = resolve_url(None)
    assert url.startswith("sqlite:///") and url.endswith("fls.db")
    assert (tmp_path / "xdg" / "fls").is_dir()


def _fill_0002(url: str) -> None:
    """A database as release 0002 left it: an invented company's claim and actual, an override, a note and an
    audit row, written with plain SQL (the 0002 schema, not today's models)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO companies (id, ticker, name, fiscal_year_end) "
                              "VALUES (1, 'QRLX', 'Quarrel Lux', '12-31')"))
            conn.execute(text("INSERT INTO documents (id, company_id, sha256, ingested_at) "
                              "VALUES (1, 1, 'ab', '2025-03-01 00:00:00')"))
            conn.execute(text("INSERT INTO claims (id, company_id, document_id, fingerprint, position, status, kind, "
                              "metric, low, high, unit, period_label, period_phrase, period_fiscal, speaker, role, "
                              "quote, hedge, confidence, specific) VALUES (1, 1, 1, 'fp', 0, 'active', 'guidance', "
                              "'revenue', 10, 12, 'USD', '2025-Q2', '', false, 'Ann Vole', 'executive', "
                              "'We expect revenue of $10-12M.', 'expected', 0.8, true)"))
            conn.execute(text("INSERT INTO actuals (id, company_id, metric, period_label, period_fiscal, value, "
                              "unit, source_kind, source_ref, note, quote, speaker, created_at) VALUES (1, 1, "
                              "'revenue', '2025-Q2', false, 11, 'USD', 'csv', '', '', '', '', "
                              "'2025-08-01 00:00:00')"))
            conn.execute(text("INSERT INTO overrides (claim_id, verdict, reason, author, created_at) "
                              "VALUES (1, 'met', 'restated in the filing', 'ana', '2025-09-01 00:00:00')"))
            conn.execute(text("INSERT INTO notes (claim_id, text, author, created_at) "
                              "VALUES (1, 'check the segment split', 'ana', '2025-09-01 00:00:00')"))
            conn.execute(text("INSERT INTO audit_log (at, author, action, entity, entity_id) "
                              "VALUES ('2025-09-01 00:00:00', 'ana', 'override', 'claim', 1)"))
    finally:
        engine.dispose()


def test_upgrading_a_0002_database_keeps_overrides_notes_and_audit(db_url):
    """0003 adds claim and actual columns (0005 review marks, 0006 corrections, 0007 fact keys); the rows a user
    made under 0002 all survive, and the old claim reads
    back as a level with no stated basis and a known metric."""
    from db.convert import actual_from_record, claim_from_record
    from db.models import ActualRecord, AuditRecord, ClaimRecord, NoteRecord, OverrideRecord
    from sqlalchemy import func, select

    upgrade(db_url, "0002")
    _fill_0002(db_url)
    db = open_database(db_url)     # upgrades to head
    try:
        assert current_revision(db.engine) == head_revision() == "0010"
        with db.session(write=False) as s:
            assert [o.reason for o in s.scalars(select(OverrideRecord))] == ["restated in the filing"]
            assert [n.text for n in s.scalars(select(NoteRecord))] == ["check the segment split"]
            assert s.scalar(select(func.count()).select_from(AuditRecord)) == 1
            claim = claim_from_record(s.get(ClaimRecord, 1))
            assert (claim.metric_known, claim.basis, claim.measure, claim.revision) == (True, None, None, None)
            assert actual_from_record(s.get(ActualRecord, 1)).basis is None
    finally:
        db.dispose()
