"""Fixtures for the db tests: `db_url` is a fresh SQLite file, and a fresh PostgreSQL database when
FLS_TEST_POSTGRES_URL points at a server (start one with `bash .ci/pg.sh`); `db` is that URL opened."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url, text

from db.session import Database, open_database

PG_ENV = "FLS_TEST_POSTGRES_URL"


def _fresh_pg_database(server_url: str) -> Iterator[str]:
    base = make_url(server_url)
    name = f"fls_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield base.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fls.db'}"
        return
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"{PG_ENV} not set (start a server with: bash .ci/pg.sh)")
    yield from _fresh_pg_database(server)


@pytest.fixture
def db(db_url) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()

