"""`fls ingest`: extract transcripts and store their claims and actuals, one transaction per file."""
from __future__ import annotations

import hashlib
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import click

from cli.db_options import author, db_option, opened, show_progress
from cli.options import text_option
from db.companies import StoredCalendars, stored_calendars
from db.errors import DatabaseError
from db.ingest import IngestResult, already_stored, ingest_extraction, require_ticker, stored_hashes
from db.session import Database
from tracker.callinfo import resolve_call_info
from tracker.errors import FlsError
from tracker.extraction.extract import extract_file, extract_transcript
from tracker.fiscal_naming import naming_note
from tracker.model import Extraction
from tracker.transcript import read_transcript


def describe(name: str, result: IngestResult, replace: bool) -> str:
    if not result.created and not replace:
        return f"unchanged {name} (already ingested)"
    verb = "ingested" if result.created else "re-ingested"
    text = f"{verb} {name}: {result.claims} claims, {result.actuals} actuals, {result.revisions} revisions"
    return text + (f", {result.withdrawn} withdrawn" if result.withdrawn else "")


@dataclass(frozen=True)
class CallOptions:
    """The options that say which call a file is (the same for every file of one `fls ingest`), and what the
    database held of each company's calendar when the run started (sent to the worker processes)."""
    call_date: str | None
    company: str | None
    fiscal_year_end: str | None
    fiscal_year_named: str | None
    known: StoredCalendars


def extract_one(path: str, options: CallOptions) -> Extraction | FlsError:
    """Extract one file (in a worker process): the extraction, or the error to report for it."""
    try:
        return extract_file(path, call_date=options.call_date, company=options.company,
                            fiscal_year_end=options.fiscal_year_end, fiscal_year_named=options.fiscal_year_named,
                            known=options.known)
    except FlsError as exc:
        return exc


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
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Extract in N worker processes (default: the number of cores); one process writes.")
@db_option
def ingest(files: tuple[str, ...], company: str | None, call_date: str | None, fiscal_year_end: str | None,
           fiscal_year_named: str | None, replace: bool, jobs: int | None, db_url: str | None) -> None:
    """Extract the call transcripts FILE... and store their claims and actuals.

    Each file is stored in its own transaction: a file that cannot be read or extracted is reported on
    stderr and nothing of it is written; the files before it stay stored, the next ones are still tried.
    Ingesting a file again changes nothing (unless --replace), and a file already stored is not re-extracted.
    """
    call_date = text_option(call_date, "--call-date", is_date=True)
    company = text_option(company, "--company")
    fiscal_year_end = text_option(fiscal_year_end, "--fiscal-year-end")
    if company is not None:
        require_ticker(company)
    who = author()
    failed = 0
    done: list[str] = []   # printed after the progress bar, so that bar and lines do not interleave
    workers = min(jobs or os.cpu_count() or 1, len(files))
    # the worker processes start before the database is opened, so that none of them inherits a connection
    with _pool(workers) as pool, ExitStack() as stack, _progress(len(files)) as bar:
        # Read through a connection that creates no file; the database to write is opened at the first file
        # that extracts, so a run whose every file is bad leaves no database behind.
        reader = stack.enter_context(opened(db_url))
        with reader.session(write=False) as session:
            known = stored_calendars(session)
            stored = set() if replace else stored_hashes(session)
        options = CallOptions(call_date, company, fiscal_year_end, fiscal_year_named, known)
        writer: list[Database] = []

        def database() -> Database:
            if not writer:
                writer.append(stack.enter_context(opened(db_url, create=True)))
            return writer[0]

        for path, outcome in _outcomes(files, options, stored, pool, ahead=4 * workers):
            try:
                result = _store(database, path, outcome, options, who, replace)
            except DatabaseError:
                raise   # the database, not this file: the next files would fail the same way
            except FlsError as exc:
                failed += 1
                click.echo(f"fls: {path}: {exc}", err=True)
            else:
                done.append(describe(path, result, replace))
            if bar is not None:
                bar.update(1)
    for line in done:
        click.echo(line)
    if failed:
        raise click.exceptions.Exit(1)


def _store(database: Callable[[], Database], path: str, outcome: Extraction | FlsError | str,
           options: CallOptions, who: str, replace: bool) -> IngestResult:
    """Store one file's extraction; `outcome` is a file hash when the file may be stored already (then it is
    read, but extracted only when it is not)."""
    if isinstance(outcome, FlsError):
        raise outcome
    if isinstance(outcome, str):
        transcript = read_transcript(path)
        info = resolve_call_info(transcript.header, path=path, call_date=options.call_date,
                                 company=options.company, fiscal_year_end=options.fiscal_year_end,
                                 fiscal_year_named=options.fiscal_year_named, known=options.known)
        with database().session() as session:
            found = already_stored(session, info, transcript.sha256)
        if found is not None:
            return found
        outcome = extract_transcript(transcript, info)
    require_ticker(outcome.info.ticker)
    note = naming_note(outcome.info)
    if note:
        click.echo(f"fls: {path}: {note}", err=True)
    # a file lost to a power cut is stored by the next run: its commit need not wait for the disk
    with database().session(durable=False) as session:
        return ingest_extraction(session, outcome, author=who, replace=replace)


def _outcomes(files: tuple[str, ...], options: CallOptions, stored: set[str], pool: Executor | None,
              ahead: int) -> Iterator[tuple[str, Extraction | FlsError | str]]:
    """Each file with its extraction (from the pool, at most `ahead` files in flight, in the order given), or
    its hash when a document with that hash is stored (decided by the caller, without extracting)."""
    queue: deque[tuple[str, Future | str | None]] = deque()
    pending = iter(files)
    while True:
        while len(queue) < ahead and (path := next(pending, None)) is not None:
            sha = _file_hash(path) if stored else None
            if sha is not None and sha in stored:
                queue.append((path, sha))
            else:
                queue.append((path, pool.submit(extract_one, path, options) if pool is not None else None))
        if not queue:
            return
        path, work = queue.popleft()
        if isinstance(work, Future):
            yield path, work.result()
        else:
            yield path, work if work is not None else extract_one(path, options)


def _file_hash(path: str) -> str | None:
    """The sha256 of the file's bytes (as a stored document has it); None when it cannot be read (the
    extraction then says why)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


@contextmanager
def _pool(workers: int) -> Iterator[Executor | None]:
    """Worker processes for extraction; none for one worker (or one file): the work is done right here."""
    if workers <= 1:
        yield None
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield pool


def _progress(total: int):  # noqa: ANN202 - a click progress bar or None
    if show_progress(total):
        return click.progressbar(length=total, label="ingesting", file=sys.stderr, show_pos=True)
    return nullcontext(None)
