"""Database failures a user can act on, said in one line.

A database that cannot be opened, is not a database, is read-only, is busy with another writer or cannot be
reached is not a bug in fls: `user_message` turns the driver's multi-line text into one sentence naming the
database (never its password), and `DatabaseError` carries it to the command line (exit 1). An error it does
not recognise is left alone, so a real bug still surfaces as an internal error.
"""
from __future__ import annotations

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from tracker.errors import FlsError

BUSY = "database is busy: another fls is writing; try again"


class DatabaseError(FlsError):
    """The database cannot be used as asked (busy, unreadable, read-only, unreachable, unknown kind)."""


def shown(url: str) -> str:
    """Where the database is, as a user named it: the file of a SQLite URL, else the URL without password."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return url.split("://", 1)[0] + "://..."
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    return parsed.render_as_string(hide_password=True)


# (words in the driver's message, what the user reads); the first match wins.
_SQLITE_MESSAGES = (
    ("database is locked", "{busy}"),
    ("database is busy", "{busy}"),
    ("file is not a database", "not a SQLite database: {where}"),
    ("unable to open database file", "cannot open database {where}"),
    ("readonly database", "database is read-only: {where} (this command writes)"),
    ("disk i/o error", "cannot read or write database {where}: disk I/O error"),
    ("database or disk is full", "cannot write database {where}: the disk is full"),
    ("database disk image is malformed", "database {where} is damaged (malformed)"),
)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), text.strip())


def user_message(exc: BaseException, url: str) -> str | None:
    """One line for a database failure a user can act on, or None when `exc` is not one (a bug)."""
    where = shown(url)
    if isinstance(exc, NoSuchModuleError):
        return (f"unknown kind of database {make_url(url).drivername!r} in {where} "
                "(give a file path, sqlite:///PATH or postgresql+psycopg://USER@HOST/NAME)")
    if isinstance(exc, ArgumentError):
        return f"not a database URL: {where}"
    if isinstance(exc, ModuleNotFoundError):
        return f"cannot use database {where}: its driver is not installed ({exc.name})"
    if not isinstance(exc, DBAPIError):
        return None
    orig = exc.orig if exc.orig is not None else exc
    text = str(orig).lower()
    for words, message in _SQLITE_MESSAGES:
        if words in text:
            return message.format(busy=BUSY, where=where)
    if type(orig).__module__.startswith("psycopg"):
        if exc.connection_invalidated or isinstance(exc, OperationalError):
            return f"cannot connect to database {where}: {_first_line(str(orig))}"
        if type(orig).__name__ in ("InsufficientPrivilege", "ReadOnlySqlTransaction"):
            return f"database refuses the change: {where}: {_first_line(str(orig))}"
    return None
