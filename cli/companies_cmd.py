"""`fls companies`: the companies stored, with their claims and a credibility summary."""
from __future__ import annotations

import sys

import click

from cli.db_options import db_option, opened
from cli.tables import render_json, render_table, terminal_width
from db.queries import list_companies

HEAD = ("ticker", "name", "calls", "claims", "last call", "credibility")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def companies(fmt: str, db_url: str | None) -> None:
    """List the companies with their calls, claims and credibility (from the stored verdicts)."""
    with opened(db_url) as database, database.session(write=False) as session:
        rows = list_companies(session)
    if fmt == "json":
        sys.stdout.write(render_json([{"ticker": r.ticker, "name": r.name, "fiscal_year_end": r.fiscal_year_end,
                                       "fiscal_year_named": r.fiscal_year_named, "calls": r.documents, "claims": r.claims, "last_call": r.last_call,
                                       "credibility": r.credibility.summary} for r in rows]))
        return
    fixed = (8, 24, 5, 6, 10)
    rest = max(30, terminal_width() - sum(fixed) - 2 * len(fixed))
    sys.stdout.write(render_table(HEAD, [(r.ticker, r.name, r.documents, r.claims, r.last_call or "-",
                                          r.credibility.summary) for r in rows], (*fixed, rest)))
