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


def _install_periods_stand_in() -> None:
    """Until tracker.periods lands (another helper writes it), a calendar-year stand-in with the same two
    functions so that the CSV tests can run. Removed as soon as the real module imports."""
    import re
    import sys
    import types
    from datetime import date, timedelta

    from tracker.errors import PeriodError
    from tracker.model import FiscalCalendar, Period

    def calendar_from(fiscal_year_end: str) -> FiscalCalendar:
        month, day = (int(x) for x in fiscal_year_end.split("-"))
        return FiscalCalendar(year_end_month=month, year_end_day=day)

    def period_from_label(label: str, cal: FiscalCalendar) -> Period:
        m = re.fullmatch(r"(FY)?(\d{4})-(Q[1-4]|H[12]|FY)", label.strip(), re.IGNORECASE)
        if not m:
            raise PeriodError(f"not a period label: {label!r}")
        year, part = int(m[2]), m[3].upper()
        months = {"FY": (1, 12), "H1": (1, 6), "H2": (7, 12)}.get(part) or (
            3 * int(part[1]) - 2, 3 * int(part[1]))
        end = date(year + (months[1] == 12), months[1] % 12 + 1, 1) - timedelta(days=1)
        return Period(label=label.strip().upper(), start=date(year, months[0], 1), end=end,
                      fiscal=bool(m[1]))

    module = types.ModuleType("tracker.periods")
    module.calendar_from = calendar_from
    module.period_from_label = period_from_label
    sys.modules["tracker.periods"] = module


try:
    import tracker.periods  # noqa: F401
except ImportError:
    _install_periods_stand_in()
