"""Entry point of the `fls` command.

Every command lives in its own module under cli/ and is registered here. Errors the user can fix arrive
as `tracker.errors.FlsError` and leave as one line on stderr with exit status 1; nothing prints a traceback.
"""
from __future__ import annotations

import os
import sys

import click

from tracker.errors import FlsError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="fls")
def cli() -> None:
    """fls: track what management promised on earnings calls, and whether they delivered."""


def _register() -> None:
    from cli import (actuals_cmd, claims_cmd, companies_cmd, db_cmd, demo_cmd, edits_cmd, extract_cmd,
                     ingest_cmd, score_cmd, scorecard_cmd, speakers_cmd)

    cli.add_command(extract_cmd.extract)
    cli.add_command(ingest_cmd.ingest)
    cli.add_command(actuals_cmd.actuals)
    cli.add_command(claims_cmd.claims)
    cli.add_command(score_cmd.score)
    cli.add_command(companies_cmd.companies)
    cli.add_command(speakers_cmd.speakers)
    cli.add_command(scorecard_cmd.scorecard)
    for command in (edits_cmd.override, edits_cmd.note, edits_cmd.dismiss, edits_cmd.restore):
        cli.add_command(command)
    cli.add_command(db_cmd.db_group)
    cli.add_command(demo_cmd.demo)
    cli.add_command(__import__("cli.tui_cmd", fromlist=["tui"]).tui)


_register()


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
