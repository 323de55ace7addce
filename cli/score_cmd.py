"""`fls score`: compute and store verdicts on a date, then print them."""
from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date

import click

from cli.db_options import author, db_option, day_option, opened
from cli.verdict_table import verdict_table
from db.scoring import score_all
from db.session import Database, lock_scoring

LONG_RUN = 500   # claims: below this scoring is quick and a progress bar would only flicker


class _Bar:
    """A progress callback for db.scoring that opens a bar on stderr only for long runs."""

    def __init__(self) -> None:
        self.bar = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None and total >= LONG_RUN:
            self.bar = click.progressbar(length=total, label="scoring", file=sys.stderr)
            self.bar.__enter__()
        if self.bar is not None:
            self.bar.update(done - self.shown)
            self.shown = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def score_and_table(database: Database, as_of: date, ticker: str | None,
                    progress: Callable[[int, int], None] | None = None, full: bool = False) -> str:
    """Score (one transaction) and return the verdict table of that date."""
    from db.queries import verdicts_on

    with database.session() as session:
        # Two scorings of one date replace the same verdicts: on PostgreSQL they take turns.
        lock_scoring(session)
        score_all(session, as_of, ticker=ticker, progress=progress, full=full, author=author())
    with database.session(write=False) as session:
        return verdict_table(verdicts_on(session, as_of, ticker))


@click.command()
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Score as of this date (default: today).")
@click.option("--company", "ticker", metavar="TICKER", help="Only this company's claims (default: all).")
@click.option("--full", is_flag=True, help="Score every claim again, not only those whose inputs changed.")
@db_option
def score(as_of: str | None, ticker: str | None, full: bool, db_url: str | None) -> None:
    """Score every active claim against the actuals and events known on the date, and print the verdicts.

    Only the companies whose claims, actuals, events or revisions changed since the date was last scored are
    scored again (the others' verdicts would come out the same); --full scores every claim. Verdicts computed
    earlier for the same date are replaced; overrides and notes are kept.
    """
    day = day_option(as_of, "--as-of date") or date.today()
    bar = _Bar()
    with opened(db_url) as database:
        try:
            table = score_and_table(database, day, ticker, bar, full)
        finally:
            bar.close()
    click.echo(f"verdicts as of {day}")
    sys.stdout.write(table)
