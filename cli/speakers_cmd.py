"""`fls speakers`: everyone who made claims, per company, with a credibility summary each."""
from __future__ import annotations

import sys

import click

from cli.db_options import AS_OF_HELP, as_of_line, db_option, opened, verdicts_as_of
from cli.tables import render_json, render_table
from db.queries import list_speakers

HEAD = ("ticker", "speaker", "title", "claims", "scored", "surprise", "credibility")
UNATTRIBUTED = "(unattributed)"   # claims from a transcript without speaker labels


def _surprise(cred) -> str:  # noqa: ANN001
    pct = cred.mean_signed_surprise_pct
    return "-" if pct is None else f"{pct:+.1f}%"


@click.command()
@click.argument("ticker", required=False)
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help=AS_OF_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def speakers(ticker: str | None, as_of: str | None, fmt: str, db_url: str | None) -> None:
    """List who made claims (for TICKER, or every company), with credibility per speaker (from the stored
    verdicts, like `fls companies`). Too few scored claims are said, not hidden."""
    with opened(db_url) as database, database.session(write=False) as session:
        day = verdicts_as_of(session, as_of)
        rows = list_speakers(session, ticker, day)
    if fmt == "json":
        sys.stdout.write(render_json([{
            "ticker": r.ticker, "speaker": r.name, "title": r.title, "role": r.role, "claims": r.claims,
            "scored": r.scored, "hits": r.credibility.hits, "hit_rate": r.credibility.hit_rate,
            "wilson_low": r.credibility.wilson_low, "wilson_high": r.credibility.wilson_high,
            "mean_surprise_pct": r.credibility.mean_signed_surprise_pct, "enough": r.credibility.enough,
            "credibility": r.credibility.summary, "as_of": day} for r in rows]))
        return
    click.echo(as_of_line(day))
    # the credibility summary goes last and is never cut: "too few scored claims (n=2)" must stay readable
    fixed = (8, 22, 24, 6, 6, 8)
    sys.stdout.write(render_table(HEAD, [(r.ticker, r.name or UNATTRIBUTED, r.title or "-", r.claims, r.scored,
                                          _surprise(r.credibility), r.credibility.summary) for r in rows],
                                  (*fixed, 0)))
