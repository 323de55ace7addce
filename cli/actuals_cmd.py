"""`fls actuals import|add`: record the figures and events a company reported after its call."""
from __future__ import annotations

import click

from cli.db_options import author, db_option, day_option, opened
from db.actuals_csv import read_actuals_csv, store_actuals
from db.edits import added_actual
from tracker.display import format_amount
from tracker.errors import InputError


@click.group()
def actuals() -> None:
    """Record reported figures and events (from a CSV file or one by one)."""


@actuals.command("import")
@click.argument("file", metavar="FILE.csv")
@db_option
def import_(file: str, db_url: str | None) -> None:
    """Import reported figures and events from FILE.csv.

    Columns: ticker, metric, scope, period, as_of, value, unit, reported_on, source, note, event (see
    `db/actuals_csv.py`). Every bad row is reported as "line N: ..." and then nothing is written.
    Importing the same rows again changes nothing.
    """
    with opened(db_url) as database:
        # Checking the rows only reads; the write lock is held only while the checked rows are written.
        with database.session(write=False) as session:
            parsed = read_actuals_csv(session, file)
        with database.session() as session:
            result = store_actuals(session, parsed, author=author())
    text = f"imported {file}: {result.actuals} actuals, {result.events} events"
    click.echo(text + (f" ({result.skipped} rows already stored)" if result.skipped else ""))


@actuals.command("add")
@click.option("--company", "ticker", required=True, metavar="TICKER", help="The company's ticker.")
@click.option("--metric", required=True, help='What was measured, as in the claims ("revenue", "hashrate").')
@click.option("--scope", default=None, help="The segment or product line (default: company-wide).")
@click.option("--period", default=None, metavar="LABEL", help="A period label: 2025-Q1, 2025-H1, 2025-FY.")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD", help="A figure at a point in time.")
@click.option("--value", default=None, help="The figure: 82.8M, 1.1B, $100.2M, 8.75; a revised range: 92M-96M.")
@click.option("--unit", default=None, help="USD, EH/s, USD/TH, units, % ...")
@click.option("--reported-on", default=None, metavar="YYYY-MM-DD", help="The day the figure was made public.")
@click.option("--source", default="", help="Where it comes from (a filing, a press release URL).")
@click.option("--note", default="", help="Free text.")
@click.option("--basis", default=None, metavar="BASIS",
              help="gaap, non_gaap or adjusted: the basis the figure is reported on (default: not stated).")
@click.option("--event", default=None, metavar="KIND",
              help="Record an event instead of a figure: achieved, withdrawn (dated by --as-of), revised, "
                   "reaffirmed (new or restated guidance for --period, dated by --reported-on).")
@click.option("--claim", "claim_id", default=None, type=int, metavar="ID",
              help="With --event: the claim it settles (the id fls claims shows); only that claim.")
@db_option
def add(ticker: str, metric: str, scope: str | None, period: str | None, as_of: str | None, value: str | None,
        unit: str | None, reported_on: str | None, source: str, note: str, basis: str | None, event: str | None,
        claim_id: int | None, db_url: str | None) -> None:
    """Record one reported figure by hand (give --period or --as-of, --value and --unit), or one event
    (--event: a milestone achieved, guidance withdrawn, revised or reaffirmed)."""
    if event is not None:
        _add_event(ticker, metric, scope, period, as_of, value, unit, reported_on, source, note, event, claim_id,
                   db_url)
        return
    if claim_id is not None:
        raise InputError("--claim names the claim an event settles: give --event too")
    if value is None or unit is None:
        raise InputError("give --value and --unit (or --event for an event)")
    if (period is None) == (as_of is None):
        raise InputError("give --period or --as-of (one of them)")
    when = period if period is not None else day_option(as_of, "--as-of date").isoformat()
    day_option(reported_on, "--reported-on date")
    with opened(db_url) as database, database.session() as session:
        row, new = added_actual(session, ticker, metric, scope, when, value, unit, reported_on, source=source,
                                note=note, author=author(), basis=basis)
        said = f"added actual {row.id}" if new else f"already stored as actual {row.id}"
        text = (f"{said}: {row.metric}" + (f" / {row.scope}" if row.scope else "")
                + f" {row.period_label} {format_amount(row.value, row.unit)}")
    click.echo(text)


def _add_event(ticker: str, metric: str, scope: str | None, period: str | None, as_of: str | None,
               value: str | None, unit: str | None, reported_on: str | None, source: str, note: str, event: str,
               claim_id: int | None, db_url: str | None) -> None:
    """`fls actuals add --event`: the row an actuals CSV would hold, checked by the same rules."""
    from db.actuals_csv import add_event

    fields = {"ticker": ticker, "metric": metric, "scope": scope, "period": period, "as_of": as_of,
              "value": value, "unit": unit, "reported_on": reported_on, "source": source, "note": note,
              "event": event, "claim_id": str(claim_id) if claim_id is not None else ""}
    with opened(db_url) as database, database.session() as session:
        row = add_event(session, fields, author=author())
        text = (f"added event {row.id}: {row.kind} {row.on} {row.metric or ''}"
                + (f" / {row.scope}" if row.scope else "") + (f" {row.period_label}" if row.period_label else "")
                + (f" (claim {row.claim_id})" if row.claim_id else ""))
    click.echo(" ".join(text.split()))
