"""`fls tui`: the terminal UI on a database (default: FLS_DATABASE_URL or the user's fls.db)."""
from __future__ import annotations

import click


@click.command("tui")
@click.option("--db", "db_url", metavar="URL", default=None,
              help="Database URL or SQLite file (default: FLS_DATABASE_URL, else fls.db in the user data folder).")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", default=None,
              help="Show verdicts and deadlines as of this date (default: today).")
def tui(db_url: str | None, as_of: str | None) -> None:
    """Browse companies, claims, transcripts and scorecards; record actuals, overrides and notes."""
    from db.session import open_database
    from db.values import parse_date
    from tui.app import FlsApp

    day = parse_date(as_of, "as-of date") if as_of else None
    database = open_database(db_url)
    try:
        FlsApp(database, as_of=day).run()
    finally:
        database.dispose()
