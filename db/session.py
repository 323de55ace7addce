"""Opening a database: URL resolution, engine set-up and automatic migration to the newest schema.

Nothing here connects at import time. `open_database(url)` creates the engine, upgrades the schema when it is
behind (a new file gets the whole schema), and returns a `Database` whose `.session()` context manager commits
on success and rolls back on error.

SQLite files are opened in WAL mode with foreign keys on and a busy timeout (30 s, or FLS_BUSY_TIMEOUT
seconds). Write transactions start with BEGIN IMMEDIATE so that two processes writing the same file queue on
the lock instead of failing on a stale read snapshot; read-only sessions (`session(write=False)`) and the
schema check start a deferred transaction, which in WAL mode never waits for a writer: `fls claims` answers
while an import is writing. A writer still waiting when the timeout ends gets one line ("database is busy").

On PostgreSQL, writers of one company's data take a transaction-scoped advisory lock on its ticker
(`lock_companies`), so concurrent ingests and imports of one company run one after the other and store
exactly what a single writer would (no duplicate company, speaker, document or actual; revision links as in a
sequential run). On SQLite BEGIN IMMEDIATE already serialises writers.

Every failure a user can act on (cannot open, not a database, read-only, unreachable, unknown kind of
database, busy) leaves as a `db.errors.DatabaseError`: one line, exit 1.
"""
from __future__ import annotations

import os
import sqlite3
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from db.errors import DatabaseError, user_message
from tracker.errors import InputError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_ENV = "FLS_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT_S = 30.0
_BEGIN_OPTION = "fls_sqlite_begin"
_SYNC_OPTION = "fls_sqlite_synchronous"
_PG_MIGRATION_LOCK = 0x666C73   # "fls"
_PG_COMPANY_LOCKS = 0x666C74    # the namespace of the per-company writer locks (two-int advisory keys)
_PG_SCORING_LOCK = 0x666C75     # the namespace of the lock of whoever replaces verdicts


def busy_timeout_ms() -> int:
    """How long a SQLite writer waits for another one: FLS_BUSY_TIMEOUT seconds, else 30 s. A value that is
    not a number of seconds is an error, not silently the default ("FLS_BUSY_TIMEOUT=5m")."""
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if not raw:
        return int(DEFAULT_BUSY_TIMEOUT_S * 1000)
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86_400:
        raise InputError(f"bad {BUSY_TIMEOUT_ENV} {raw!r}: give seconds, e.g. 30")
    return int(seconds * 1000)


def default_url() -> str:
    """FLS_DATABASE_URL, else the SQLite file `fls.db` in the user's data directory (created if missing)."""
    env = os.environ.get("FLS_DATABASE_URL", "").strip()
    if env:
        return resolve_url(env)
    import platformdirs

    data_dir = Path(platformdirs.user_data_dir("fls"))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'fls.db'}"


def resolve_url(option: str | None) -> str:
    """A `--db` option as a SQLAlchemy URL: None -> default_url(); a plain path -> sqlite:///absolute/path."""
    if option is None or not option.strip():
        return default_url()
    option = option.strip()
    if "://" in option:
        try:
            make_url(option)
        except (ArgumentError, ValueError):
            scheme = option.split("://", 1)[0]
            raise DatabaseError(f"not a database URL: {scheme}://... (write e.g. sqlite:///PATH or "
                                "postgresql+psycopg://USER@HOST/NAME)") from None
        return option
    return f"sqlite:///{Path(option).expanduser().resolve()}"


def _is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_file(url: str) -> Path | None:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _use_wal(cur, timeout_ms: int) -> None:  # noqa: ANN001 - a sqlite3 cursor
    """Switch the file to WAL (a setting stored in the file). Switching needs the file to itself and SQLite
    does not wait on its busy handler for that, so retry while another process holds it, up to the timeout."""
    if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() in ("wal", "memory"):
        return
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _install_sqlite_events(engine: Engine, *, foreign_keys: bool) -> None:
    timeout_ms = busy_timeout_ms()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001 - DB-API objects
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see "begin" below).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        _use_wal(cur, timeout_ms)
        cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        options = conn.get_execution_options()
        # per transaction, as a pooled connection serves sessions of both kinds (Database.session's `durable`)
        conn.exec_driver_sql(f"PRAGMA synchronous = {options.get(_SYNC_OPTION, 'FULL')}")
        conn.exec_driver_sql(f"BEGIN {options.get(_BEGIN_OPTION, 'IMMEDIATE')}")


def _make_engine(url: str, *, foreign_keys: bool = True, pooled: bool = True) -> Engine:
    try:
        if _is_sqlite(url):
            path = _sqlite_file(url)
            if path is not None:
                if not path.parent.is_dir():
                    raise InputError(f"database folder does not exist: {path.parent}")
                if path.is_dir():
                    raise InputError(f"database is a folder, not a file: {path}")
            engine = create_engine(url, poolclass=None if pooled else NullPool)
            _install_sqlite_events(engine, foreign_keys=foreign_keys)
            return engine
        return create_engine(url, pool_pre_ping=True, poolclass=None if pooled else NullPool)
    except (ArgumentError, NoSuchModuleError, ModuleNotFoundError) as exc:
        raise DatabaseError(user_message(exc, url)) from None


def _said(exc: BaseException, url: str) -> BaseException:
    """`exc` as a one-line DatabaseError when it is a failure the user can act on, else `exc` itself."""
    message = user_message(exc, url) if isinstance(exc, SQLAlchemyError) else None
    return DatabaseError(message) if message else exc


def _pg_lock(session: Session, space: int, key: int) -> None:
    session.execute(text("SELECT pg_advisory_xact_lock(:space, :key)"), {"space": space, "key": key})


def lock_companies(session: Session, tickers: list[str] | set[str] | tuple[str, ...]) -> None:
    """Make the session's transaction the only writer of these companies' data until it ends (PostgreSQL: an
    advisory transaction lock per ticker, taken in a fixed order so that two writers cannot deadlock). Two
    analysts ingesting calls of one new company at once then store one company, one speaker list and the
    revision links a sequential run would. On SQLite BEGIN IMMEDIATE already serialises writers."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for key in sorted({zlib.crc32(t.strip().upper().encode("utf-8")) - 2**31 for t in tickers}):
        _pg_lock(session, _PG_COMPANY_LOCKS, key)


def lock_scoring(session: Session) -> None:
    """Make the session's transaction the only one replacing verdicts until it ends (PostgreSQL): two scorings
    of one date would both delete the old verdicts and then collide inserting the new ones. Taken after any
    company lock, never before one, so that it cannot close a deadlock."""
    if session.get_bind().dialect.name == "postgresql":
        _pg_lock(session, _PG_SCORING_LOCK, 0)


def alembic_config(url: str):  # -> alembic.config.Config
    """An Alembic Config for `url` with the script location inside this package (no alembic.ini needed)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database. A read: on SQLite it takes no write lock, so checking the
    schema never waits for (or blocks) another process's long write."""
    from alembic.runtime.migration import MigrationContext

    with engine.execution_options(**{_BEGIN_OPTION: "DEFERRED"}).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the schema at `url` to `revision` (`fls db upgrade`). Safe to run concurrently on SQLite: the
    whole upgrade runs in one BEGIN IMMEDIATE transaction, so a second process waits and then finds it done;
    on PostgreSQL an advisory lock does the same."""
    from alembic import command

    # Foreign keys off while migrating: SQLite batch mode re-creates tables, and dropping a parent table
    # with foreign keys on would cascade-delete the children.
    engine = _make_engine(url, foreign_keys=False, pooled=False)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Serialise concurrent upgrades (the lock ends with the transaction).
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except SQLAlchemyError as exc:
        raise _said(exc, url) from exc
    finally:
        engine.dispose()


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self, *, write: bool = True, durable: bool = True) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back if it raises.
        `write=False` takes no write lock on SQLite (for readers that may stay open a while). `durable=False`:
        the commit does not wait for the disk (SQLite: synchronous NORMAL in WAL mode; PostgreSQL:
        synchronous_commit off; neither ever corrupts the database, but a power cut may lose the last
        transactions), for writers whose work is simply done again
        (`fls ingest`: a file not stored is stored by the next run); waiting for the disk was a quarter of the
        wall time of ingesting 10,000 calls."""
        options = {}
        if _is_sqlite(self.url):
            options = {**({} if write else {_BEGIN_OPTION: "DEFERRED"}),
                       **({} if durable else {_SYNC_OPTION: "NORMAL"})}
        sess = self.sessions(bind=self.engine.execution_options(**options)) if options else self.sessions()
        try:
            if not durable and self.engine.dialect.name == "postgresql":
                # the same bargain on PostgreSQL: the commit returns before the WAL is on disk
                sess.execute(text("SET LOCAL synchronous_commit TO OFF"))
            yield sess
            sess.commit()
        except BaseException as exc:
            sess.rollback()
            said = _said(exc, self.url)
            if said is exc:
                raise
            raise said from exc
        finally:
            sess.close()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """Open `url` (default: `default_url()`), upgrading its schema to head first when it is behind."""
    url = resolve_url(url)
    engine = _make_engine(url)
    try:
        if migrate:
            head = head_revision()
            if current_revision(engine) != head:
                upgrade(url)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise _said(exc, url) from exc
    return Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


def sqlite_file_missing(url: str | None) -> bool:
    """True when `url` names a SQLite file that does not exist yet (opening it would create it)."""
    url = resolve_url(url)
    try:
        path = _sqlite_file(url) if _is_sqlite(url) else None
    except (ArgumentError, NoSuchModuleError):
        return False
    return path is not None and not path.exists()


def open_empty_database() -> Database:
    """A private in-memory database with the newest schema: what a command that only reads (or only changes
    stored rows) sees when the SQLite file it was pointed at does not exist, so that it answers "unknown
    company" or an empty list without creating the file."""
    from sqlalchemy.pool import StaticPool

    from db.models import Base

    engine = create_engine("sqlite://", poolclass=StaticPool)
    _install_sqlite_events(engine, foreign_keys=True)
    Base.metadata.create_all(engine)
    return Database(url="sqlite://", engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
