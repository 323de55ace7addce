"""`fls companies`: the companies stored, with their claims and a credibility summary."""
from __future__ import annotations

import sys

import click

from cli.db_options import AS_OF_HELP, as_of_line, db_option, opened, verdicts_as_of
from cli.tables import render_json, render_table, terminal_width
from db.queries import list_companies

HEAD = ("ticker", "name", "calls", "claims", "last call", "credibility")


@click.command()
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help=AS_OF_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def companies(as_of: str | None, fmt: str, db_url: str | None) -> None:
    """List the companies with their calls, claims and credibility (from the stored verdicts). The verdicts
    are those of one as-of date, which the table's first line and the JSON's as_of say."""
    with opened(db_url) as database, database.session(write=False) as session:
        day = verdicts_as_of(session, as_of)
        rows = list_companies(session, day)
    if fmt == "json":
        sys.stdout.write(render_json([{"ticker": r.ticker, "name": r.name, "fiscal_year_end": r.fiscal_year_end,
                                       "fiscal_year_named": r.fiscal_year_named, "calls": r.documents, "claims": r.claims, "last_call": r.last_call,
                                       "credibility": r.credibility.summary, "as_of": day} for r in rows]))
        return
    click.echo(as_of_line(day))
    fixed = (8, 24, 5, 6, 10)
    rest = max(30, terminal_width() - sum(fixed) - 2 * len(fixed))
    sys.stdout.write(render_table(HEAD, [(r.ticker, r.name, r.documents, r.claims, r.last_call or "-",
                                          r.credibility.summary) for r in rows], (*fixed, rest)))
