"""`fls claims`: list stored claims with their effective verdicts."""
from __future__ import annotations

import dataclasses
import sys

import click

from cli.db_options import AS_OF_HELP, as_of_line, db_option, day_option, opened, verdicts_as_of
from cli.options import period_option
from cli.tables import render_csv, render_json, render_table, terminal_width
from cli.verdict_table import subject
from db.queries import ClaimRow, list_claims
from tracker.display import format_amount, format_promise
from tracker.errors import InputError
from tracker.model import Verdict

VERDICTS = (*(v.value for v in Verdict), "unscored")
HEAD = ("id", "ticker", "deadline", "metric / scope", "promise", "actual", "verdict", "hedge", "speaker", "quote")
CSV_HEAD = (*HEAD[:4], "basis", "measure", *HEAD[4:7], "as_of", *HEAD[7:])   # the quote stays the last column


def _cells(r: ClaimRow) -> tuple:
    return (r.id, r.ticker, r.deadline or "", subject(r.metric, r.scope),
            format_promise(r.low, r.high, r.unit, r.comparator),
            format_amount(r.actual_value, r.actual_unit) if r.actual_value is not None else "",
            (r.verdict or "unscored") + ("*" if r.overridden else ""), r.hedge, r.speaker, r.quote)


@click.command()
@click.argument("ticker", required=False)
@click.option("--due-before", metavar="YYYY-MM-DD", help="Only claims due on or before this date.")
@click.option("--verdict", metavar="VERDICT", help=f"Only claims with this verdict: {', '.join(VERDICTS)}.")
@click.option("--metric", help="Only claims about this metric (e.g. revenue).")
@click.option("--speaker", help="Only claims by a speaker whose name contains this text.")
@click.option("--period", metavar="LABEL", help="Only claims about this period label (e.g. 2025-Q2).")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help=AS_OF_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@db_option
def claims(ticker: str | None, due_before: str | None, verdict: str | None, metric: str | None,
           speaker: str | None, period: str | None, as_of: str | None, fmt: str, db_url: str | None) -> None:
    """List the stored claims (of TICKER, or of every company), soonest deadline first. Their verdicts are
    those of one as-of date: the table's first line says which, CSV and JSON have an as_of column."""
    due = day_option(due_before, "--due-before date")
    period = period_option(period)
    if verdict is not None and verdict.strip().lower() not in VERDICTS:
        raise InputError(f"unknown verdict {verdict!r}: use one of {', '.join(VERDICTS)}")
    with opened(db_url) as database, database.session(write=False) as session:
        day = verdicts_as_of(session, as_of)
        rows = list_claims(session, ticker=ticker, due_before=due, verdict=verdict, metric=metric,
                           speaker=speaker, period=period, as_of=day)
    if fmt == "json":
        sys.stdout.write(render_json([dataclasses.asdict(r) | {"as_of": day} for r in rows]))
    elif fmt == "csv":
        cells = [_cells(r) for r in rows]
        sys.stdout.write(render_csv(CSV_HEAD, [(*c[:4], r.basis or "", r.measure or "", *c[4:7], day or "", *c[7:])
                                               for c, r in zip(cells, rows)]))
    else:
        click.echo(as_of_line(day))
        fixed = (5, 6, 10, 24, 18, 12, 12, 12, 16)
        rest = max(30, terminal_width() - sum(fixed) - 2 * len(fixed))
        sys.stdout.write(render_table(HEAD, [_cells(r) for r in rows], (*fixed, rest)))
