"""`fls scorecard`: one company's claims scored on a date, as Markdown, CSV, JSON or HTML."""
from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

import click

from cli.db_options import db_option, day_option, opened
from cli.options import period_option
from db.queries import build_scorecard
from db.scoring import last_scored
from tracker.errors import InputError
from tracker.scorecard import FORMATS, render


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to a new file beside `path`, then rename it over `path`: a reader never sees half a
    scorecard, a failed write leaves the old file, and a symbolic link at `path` is replaced by the file
    rather than followed (`-o review.html` never writes into whatever the link points at)."""
    if path.is_dir() and not path.is_symlink():
        raise InputError(f"cannot write {path}: it is a folder")
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"cannot write {path}: folder does not exist: {folder}")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {exc.strerror}") from None


def write_output(text: str, output: str | None) -> None:
    """To stdout (no OUTPUT, or "-"), or to the file OUTPUT with "wrote OUTPUT" on stderr."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    if not output.strip():
        raise InputError("-o is empty: give a file name, or - for stdout")
    write_atomically(Path(output).expanduser(), text)
    click.echo(f"wrote {output}", err=True)


@click.command()
@click.argument("ticker")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD",
              help="Score as of this date (default: the date last scored, else today); the scorecard says which.")
@click.option("--period", metavar="LABEL", help="Only claims about this period label (e.g. 2025-Q2).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True)
@click.option("-o", "--output", metavar="FILE",
              help="Write to FILE (replaced at once, a link at FILE is replaced, not followed); - is stdout.")
@db_option
def scorecard(ticker: str, as_of: str | None, period: str | None, fmt: str, output: str | None,
              db_url: str | None) -> None:
    """The scorecard of TICKER: every claim scored on the date (computed afresh, nothing stored), with
    revisions, overrides and notes, and a credibility summary."""
    day = day_option(as_of, "--as-of date")
    period = period_option(period)
    with opened(db_url) as database, database.session(write=False) as session:
        # the date the lists and the UI read, so that a scorecard of a review agrees with them
        day = day or last_scored(session) or date.today()
        card = build_scorecard(session, ticker, day, period)
    write_output(render(card, fmt), output)
