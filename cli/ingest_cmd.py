"""`fls ingest`: extract transcripts and store their claims and actuals, one transaction per file."""
from __future__ import annotations

import sys
from collections.abc import Iterable
from contextlib import ExitStack, nullcontext
from typing import ContextManager

import click

from cli.db_options import author, db_option, opened, show_progress
from cli.options import text_option
from db.companies import known_calendars
from db.errors import DatabaseError
from db.ingest import IngestResult, ingest_extraction, require_ticker
from db.session import Database
from tracker.errors import FlsError
from tracker.extract import extract_file
from tracker.fiscal_naming import naming_note


def describe(name: str, result: IngestResult, replace: bool) -> str:
    if not result.created and not replace:
        return f"unchanged {name} (already ingested)"
    verb = "ingested" if result.created else "re-ingested"
    text = f"{verb} {name}: {result.claims} claims, {result.actuals} actuals, {result.revisions} revisions"
    return text + (f", {result.withdrawn} withdrawn" if result.withdrawn else "")


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--company", metavar="TICKER",
              help="Ticker of the company (default: the metadata file's or the header's).")
@click.option("--call-date", metavar="YYYY-MM-DD", help="Date of the call, when the transcript header states none.")
@click.option("--fiscal-year-end", metavar="MM-DD",
              help="Fiscal year end (default: the metadata file's, else the stored company's, else 12-31).")
@click.option("--fiscal-year-named", type=click.Choice(["end", "start"], case_sensitive=False),
              help="Which calendar year names a fiscal year: 'end' (FY2026 ends in 2026) or 'start' (FY2025 ends "
                   "in January 2026); stored with the company. Default: the metadata file's, else the stored "
                   "company's, else read from the call.")
@click.option("--replace", is_flag=True,
              help="Re-extract files already stored; claim ids, overrides and notes are kept.")
@db_option
def ingest(files: tuple[str, ...], company: str | None, call_date: str | None, fiscal_year_end: str | None,
           fiscal_year_named: str | None, replace: bool, db_url: str | None) -> None:
    """Extract the call transcripts FILE... and store their claims and actuals.

    Each file is stored in its own transaction: a file that cannot be read or extracted is reported on
    stderr and nothing of it is written; the files before it stay stored, the next ones are still tried.
    Ingesting a file again changes nothing (unless --replace).
    """
    call_date = text_option(call_date, "--call-date", is_date=True)
    company = text_option(company, "--company")
    fiscal_year_end = text_option(fiscal_year_end, "--fiscal-year-end")
    if company is not None:
        require_ticker(company)
    who = author()
    failed = 0
    done: list[str] = []   # printed after the progress bar, so that bar and lines do not interleave
    # The database is opened at the first file that extracts: a run whose every file is bad creates no file.
    database: Database | None = None
    with ExitStack() as stack, _progress(files) as items:
        # what is stored of each company's calendar; read through a connection that creates no file
        known = known_calendars(stack.enter_context(opened(db_url)))
        for path in items:
            try:
                extraction = extract_file(path, call_date=call_date, company=company,
                                          fiscal_year_end=fiscal_year_end, fiscal_year_named=fiscal_year_named,
                                          known=known)
                require_ticker(extraction.info.ticker)
                note = naming_note(extraction.info)
                if note:
                    click.echo(f"fls: {path}: {note}", err=True)
                if database is None:
                    database = stack.enter_context(opened(db_url, create=True))
                with database.session() as session:
                    result = ingest_extraction(session, extraction, author=who, replace=replace)
            except DatabaseError:
                raise   # the database, not this file: the next files would fail the same way
            except FlsError as exc:
                failed += 1
                click.echo(f"fls: {path}: {exc}", err=True)
                continue
            done.append(describe(path, result, replace))
    for line in done:
        click.echo(line)
    if failed:
        raise click.exceptions.Exit(1)


def _progress(files: tuple[str, ...]) -> ContextManager[Iterable[str]]:
    if show_progress(len(files)):
        return click.progressbar(files, label="ingesting", file=sys.stderr)
    return nullcontext(files)
