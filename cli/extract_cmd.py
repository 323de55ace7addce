"""`fls extract`: print the claims and actuals of one transcript."""
from __future__ import annotations

import shutil
import sys

import click

from cli.options import text_option
from tracker.contract import to_json, to_jsonl
from tracker.display import format_amount, format_promise
from tracker.extraction.extract import extract_file
from tracker.fiscal_naming import naming_note
from tracker.model import Extraction


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def render_table(ex: Extraction, width: int) -> str:
    quote_w = max(20, width - 78)
    lines = [f"{ex.info.company or ex.info.ticker or 'call'} · call {ex.info.call_date} · "
             f"{len(ex.claims)} claims, {len(ex.actuals)} actuals", ""]
    head = f"{'deadline':10}  {'kind':9}  {'metric / scope':24}  {'promise':18}  {'hedge':12}  quote"
    lines += ["CLAIMS", head, "-" * min(width, len(head) + quote_w)]
    for c in sorted(ex.claims, key=lambda c: (c.deadline is None, c.deadline or 0, c.metric)):
        what = c.metric + (f" / {c.scope}" if c.scope else "")
        promise = format_promise(c.low, c.high, c.unit, c.comparator)
        n = f" (x{len(c.mentions)})" if len(c.mentions) > 1 else ""
        lines.append(f"{str(c.deadline or '-'):10}  {c.kind:9}  {_short(what, 24):24}  {_short(promise, 18):18}  "
                     f"{c.hedge:12}  {_short(c.quote, quote_w - len(n))}{n}")
    if ex.actuals:
        lines += ["", "ACTUALS", f"{'period':10}  {'metric / scope':34}  {'value':18}  quote"]
        for a in ex.actuals:
            what = a.metric + (f" / {a.scope}" if a.scope else "")
            lines.append(f"{a.period.label:10}  {_short(what, 34):34}  {format_amount(a.value, a.unit):18}  "
                         f"{_short(a.quote, quote_w + 14)}")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("file", type=str)
@click.option("--call-date", help="Date of the call (YYYY-MM-DD); used when the transcript header states none.")
@click.option("--company", help="Ticker of the company (default: the metadata file's or the header's).")
@click.option("--fiscal-year-end", help="Fiscal year end as MM-DD (default: the metadata file's, else 12-31).")
@click.option("--fiscal-year-named", type=click.Choice(["end", "start"], case_sensitive=False),
              help="Which calendar year names a fiscal year: 'end' (FY2026 ends in 2026) or 'start' (FY2025 ends "
                   "in January 2026). Default: the metadata file's, else read from the call.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default="table", show_default=True)
def extract(file: str, call_date: str | None, company: str | None, fiscal_year_end: str | None,
            fiscal_year_named: str | None, fmt: str) -> None:
    """Extract dated claims and reported actuals from the call transcript FILE.

    A transcript with no forward-looking statements gives empty output and exit status 0.
    """
    ex = extract_file(file, call_date=text_option(call_date, "--call-date", is_date=True),
                      company=text_option(company, "--company"),
                      fiscal_year_end=text_option(fiscal_year_end, "--fiscal-year-end"),
                      fiscal_year_named=fiscal_year_named)
    note = naming_note(ex.info)
    if note:
        click.echo(f"fls: {file}: {note}", err=True)
    if ex.transcript.warning:
        # never silent: a layout that could not be read is said on stderr, and the call still extracted
        click.echo(f"warning: {file}: {ex.transcript.warning}", err=True)
    if fmt == "jsonl":
        sys.stdout.write(to_jsonl(ex))
    elif fmt == "json":
        sys.stdout.write(to_json(ex))
    else:
        sys.stdout.write(render_table(ex, shutil.get_terminal_size((120, 24)).columns))
