"""`fls tui`: the terminal UI on a database (default: FLS_DATABASE_URL or the user's fls.db)."""
from __future__ import annotations

import sys

import click

from cli.db_options import DB_HELP
from tracker.errors import InputError

# Exit status of a UI that stopped on an error of its own (Textual has printed what happened).
CRASHED = 70


def interactive() -> bool:
    """True when a person can see and drive the UI: stdin and stdout are both terminals."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@click.command("tui")
@click.option("--db", "db_url", metavar="URL", default=None, help=DB_HELP)
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", default=None,
              help="Show verdicts and deadlines as of this date (default: the date last scored, else today).")
def tui(db_url: str | None, as_of: str | None) -> None:
    """Browse companies, claims, transcripts and scorecards; record actuals, overrides and notes."""
    from cli.db_options import opened
    from tracker.callinfo import parse_date

    day = parse_date(as_of, "as-of date") if as_of is not None else None
    if not interactive():
        # Drawn into a pipe the UI would wait for keys that never come; say so instead.
        raise InputError("fls tui needs a terminal (stdin and stdout); use fls claims, fls scorecard or "
                         "fls companies in scripts")
    from tui.app import FlsApp

    with opened(db_url, create=True) as database:
        app = FlsApp(database, as_of=day)
        app.run()
    if app.return_code:
        raise click.exceptions.Exit(CRASHED)
