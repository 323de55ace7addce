"""Entry point of the `fls` command.

Every command lives in its own module under cli/ and is registered here. Errors the user can fix arrive
as `tracker.errors.FlsError` and leave as one line on stderr with exit status 1; nothing prints a traceback.
"""
from __future__ import annotations

import os
import sys

import click

from cli.lazy import LazyCommand, LazyGroup
from tracker.errors import FlsError


# name -> where the command lives and the summary `fls --help` shows. A command's module is imported only
# when it runs (cli/lazy.py), so `fls extract` and `fls --help` load no database code; tests/cli/test_lazy.py
# keeps these summaries equal to the commands' own help.
COMMANDS = {
    "extract": LazyCommand("cli.extract_cmd:extract",
                           "Extract dated claims and reported actuals from the call transcript FILE."),
    "ingest": LazyCommand("cli.ingest_cmd:ingest",
                          "Extract the call transcripts FILE... and store their claims and actuals."),
    "actuals": LazyCommand("cli.actuals_cmd:actuals",
                           "Record reported figures and events (from a CSV file or one by one)."),
    "claims": LazyCommand("cli.claims_cmd:claims",
                          "List the stored claims (of TICKER, or of every company), soonest deadline first."),
    "score": LazyCommand("cli.score_cmd:score", "Score every active claim against the actuals and events known "
                                                "on the date, and print the verdicts."),
    "companies": LazyCommand("cli.companies_cmd:companies", "List the companies with their calls, claims and "
                                                            "credibility (from the stored verdicts)."),
    "speakers": LazyCommand("cli.speakers_cmd:speakers", "List who made claims (for TICKER, or every company), "
                                                         "with credibility per speaker (from the stored verdicts, "
                                                         "like `fls companies`)."),
    "scorecard": LazyCommand("cli.scorecard_cmd:scorecard", "The scorecard of TICKER: every claim scored on the "
                                                            "date (computed afresh, nothing stored), with "
                                                            "revisions, overrides and notes, and a credibility "
                                                            "summary."),
    "claim": LazyCommand("cli.claim_cmd:claim", "Correct a stored claim, or add one the extractor missed (both "
                                                "audited, kept across re-ingests)."),
    "override": LazyCommand("cli.edits_cmd:override", "Set the verdict of claim CLAIM_ID by hand; it wins over "
                                                      "every computed verdict."),
    "note": LazyCommand("cli.edits_cmd:note", "Attach the note TEXT to claim CLAIM_ID (shown in claim detail and "
                                              "scorecards)."),
    "dismiss": LazyCommand("cli.edits_cmd:dismiss", "Set aside claim CLAIM_ID (a false extraction): kept, shown "
                                                    "as dismissed, not scored."),
    "restore": LazyCommand("cli.edits_cmd:restore", "Undo `fls dismiss` on claim CLAIM_ID."),
    "db": LazyCommand("cli.db_cmd:db_group", "The database: schema upgrades and its location."),
    "demo": LazyCommand("cli.demo_cmd:demo", "Store the bundled sample call and the figures reported later, score "
                                             "it as of 2026-03-01, print the verdicts and the scorecard, then open "
                                             "the terminal UI (when run in a terminal)."),
    "tui": LazyCommand("cli.tui_cmd:tui", "Browse companies, claims, transcripts and scorecards; record actuals, "
                                          "overrides and notes."),
}


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="fls")
def cli() -> None:
    """fls: track what management promised on earnings calls, and whether they delivered."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (also used by tests)."""
    try:
        # without standalone mode click returns a command's `Exit(code)` instead of raising it
        code = cli.main(args=argv, prog_name="fls", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("fls: aborted", err=True)
        return 130
    except FlsError as exc:
        click.echo(f"fls: {exc}", err=True)
        return 1
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - a bug still gets one line; FLS_DEBUG=1 shows the traceback
        if os.environ.get("FLS_DEBUG"):
            raise
        click.echo(f"fls: internal error: {type(exc).__name__}: {exc} (set FLS_DEBUG=1 for details)", err=True)
        return 70
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
