"""`fls extract`: print the claims and actuals of one transcript."""
from __future__ import annotations

import click


@click.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--call-date", help="Date of the call (YYYY-MM-DD); read from the transcript header or metadata file if absent.")
@click.option("--company", help="Ticker of the company.")
@click.option("--fiscal-year-end", help="Fiscal year end as MM-DD (default 12-31 or the metadata file's).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default="table", show_default=True)
def extract(file: str, call_date: str | None, company: str | None, fiscal_year_end: str | None, fmt: str) -> None:
    """Extract dated claims and reported actuals from a call transcript FILE."""
    raise click.ClickException("not implemented yet")
