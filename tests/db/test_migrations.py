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
