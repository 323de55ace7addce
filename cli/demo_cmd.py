"""`fls demo`: the bundled sample call, stored, scored and shown, end to end."""
from __future__ import annotations

import shlex
import sys
from datetime import date
from pathlib import Path

import click

import cli
from cli.db_options import author, opened
from cli.ingest_cmd import describe
from cli.score_cmd import score_and_table
from db.actuals_csv import import_actuals_csv
from db.ingest import ingest_extraction
from db.queries import build_scorecard
from db.errors import shown
from db.session import Database
from tracker.extraction.extract import extract_file
from tracker.scorecard import render

SEED_CALL = "canaan_2024q4_earnings_call.txt"
SEED_ACTUALS = "canaan_actuals.csv"
DEMO_AS_OF = date(2026, 3, 1)   # after every reported figure in the sample actuals


def seeds_dir() -> Path:
    """seeds/ of the installed project (the folder beside the cli package)."""
    return Path(cli.__file__).resolve().parents[1] / "seeds"


def demo_url() -> str:
    import platformdirs

    data_dir = Path(platformdirs.user_data_dir("fls"))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'demo.db'}"


def load_seed(database: Database, seeds: Path) -> tuple[str, str]:
    """Ingest the sample call and import its actuals (each in its own transaction, both idempotent).
    Returns (ticker, what was done, one line each)."""
    who = author()
    extraction = extract_file(seeds / SEED_CALL)
    with database.session() as session:
        result = ingest_extraction(session, extraction, author=who)
    with database.session() as session:
        imported = import_actuals_csv(session, seeds / SEED_ACTUALS, author=who)
    lines = [describe(SEED_CALL, result, replace=False),
             f"imported {SEED_ACTUALS}: {imported.actuals} actuals, {imported.events} events"
             + (f" ({imported.skipped} rows already stored)" if imported.skipped else "")]
    return extraction.info.ticker, "\n".join(lines)


def _open_ui(database: Database, as_of: date) -> None:
    try:
        from tui.app import FlsApp
    except ModuleNotFoundError as exc:   # the terminal UI is optional: the printed output is the demo
        click.echo(f"(no terminal UI: {exc})", err=True)
        return
    FlsApp(database, as_of=as_of).run()


@click.command()
@click.option("--db", "db_url", metavar="URL", default=None,
              help="Database URL or SQLite file (default: demo.db in the user data folder).")
@click.option("--no-ui", is_flag=True, help="Only print; do not open the terminal UI afterwards.")
def demo(db_url: str | None, no_ui: bool) -> None:
    """Store the bundled sample call and the figures reported later, score it as of 2026-03-01, print the
    verdicts and the scorecard, then open the terminal UI (when run in a terminal).

    Running it again changes nothing.
    """
    seeds = seeds_dir()
    with opened(db_url or demo_url(), create=True) as database:
        ticker, done = load_seed(database, seeds)
        click.echo(done)
        table = score_and_table(database, DEMO_AS_OF, ticker)
        with database.session(write=False) as session:
            card = build_scorecard(session, ticker, DEMO_AS_OF)
        click.echo(f"\nverdicts as of {DEMO_AS_OF}")
        sys.stdout.write(table + "\n")
        sys.stdout.write(render(card, "md"))
        where = shlex.quote(shown(database.url))
        click.echo(f"\nThe demo is stored in {where} (not in the default database): look at it again with "
                   f"`fls claims {ticker} --db {where}` or `fls tui --db {where}`.")
        if not no_ui and sys.stdin.isatty() and sys.stdout.isatty():
            _open_ui(database, DEMO_AS_OF)
