"""What the database commands share: the `--db URL` option, opening the database, dates, the audit author."""
from __future__ import annotations

import getpass
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import click

from db.session import Database, open_database, open_empty_database, resolve_url, sqlite_file_missing
from tracker.callinfo import parse_date

DB_HELP = "Database URL or SQLite file (default: FLS_DATABASE_URL, else fls.db in the user data folder)."


def db_option(func: Callable) -> Callable:
    """The `--db URL` option, passed to the command as `db_url`."""
    return click.option("--db", "db_url", metavar="URL", default=None, help=DB_HELP)(func)


@contextmanager
def opened(db_url: str | None, *, create: bool = False) -> Iterator[Database]:
    """The database at `--db` (migrated to the newest schema), disposed when the block ends.

    Only commands that add a company's calls (`create=True`: ingest, demo, tui, db upgrade) create a missing
    SQLite file. The others, pointed at a file that does not exist, see an empty private database: `fls
    claims ACME` says "unknown company" and `fls note 3 ...` "no claim with id 3", and no empty file is left
    behind by a command that failed."""
    url = resolve_url(db_url)
    database = open_database(url) if create or not sqlite_file_missing(url) else open_empty_database()
    try:
        yield database
    finally:
        database.dispose()


def day_option(value: str | None, what: str) -> date | None:
    """A YYYY-MM-DD option as a date (None stays None); anything else is one clear InputError."""
    return parse_date(value, what) if value is not None else None


def verdicts_as_of(session, value: str | None) -> date | None:  # noqa: ANN001 (a db Session)
    """The date whose stored verdicts a reading command shows: `--as-of` (verdicts must be stored for it:
    `fls claims --as-of 2026-03-01` after scoring only June 1 is an error, not a silent list of "unscored"),
    else the date last scored; None when nothing was ever scored."""
    from db.scoring import is_scored_on, last_scored
    from tracker.errors import InputError

    if value is None:
        return last_scored(session)
    day = parse_date(value, "--as-of date")
    if not is_scored_on(session, day):
        raise InputError(f"no verdicts stored as of {day}: run fls score --as-of {day} first")
    return day


def as_of_line(day: date | None) -> str:
    """The line a table starts with, so that no one reads verdicts without their date."""
    return f"verdicts as of {day}" if day is not None else "not scored yet (fls score --as-of YYYY-MM-DD)"


AS_OF_HELP = "Show the verdicts stored for this date (default: the date last scored)."


def author() -> str:
    """Who made a change, for the audit log: the login name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):   # no login name in some containers: the audit still needs an author
        return "unknown"


def show_progress(count: int) -> bool:
    """A progress bar (on stderr) for several items when someone is watching; in a pipe or a log it would
    only add noise."""
    return count > 1 and sys.stderr.isatty()
