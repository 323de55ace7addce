"""`fls scorecard`: one company's claims scored on a date, as Markdown, CSV, JSON or HTML."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from cli.db_options import db_option, day_option, opened
from db.queries import build_scorecard
from tracker.errors import InputError
from tracker.scorecard import FORMATS, render


def write_output(text: str, output: str | None) -> None:
    """To stdout, or to the file OUTPUT with "wrote OUTPUT" on stderr."""
    if output is None:
        sys.stdout.write(text)
        return
    path = Path(output)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from None
    click.echo(f"wrote {output}", err=True)


@click.command()
@click.argument("ticker")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Score as of this date (default: today).")
@click.option("--period", metavar="LABEL", help="Only claims about this period label (e.g. 2025-Q2).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")
@db_option
def scorecard(ticker: str, as_of: str | None, period: str | None, fmt: str, output: str | None,
              db_url: str | None) -> None:
    """The scorecard of TICKER: every claim scored on the date (computed afresh, nothing stored), with
    revisions, overrides and notes, and a credibility summary."""
    day = day_option(as_of, "--as-of date") or date.today()
    with opened(db_url) as database, database.session(write=False) as session:
        card = build_scorecard(session, ticker, day, period)
    write_output(render(card, fmt), output)
