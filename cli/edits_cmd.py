"""`fls override|note|dismiss|restore`: a person's corrections to a claim, each recorded in the audit log."""
from __future__ import annotations

import click

from cli.db_options import author, db_option, opened
from db.edits import add_note, clear_override, dismiss_claim, override_verdict, restore_claim
from tracker.errors import InputError
from tracker.model import Verdict

VERDICTS = ", ".join(v.value for v in Verdict)


@click.command(help="Set the verdict of claim CLAIM_ID by hand; it wins over every computed verdict.\n\n"
                    f"VERDICT is one of: {VERDICTS}. With --clear instead of a VERDICT, the claim's override is "
                    "removed and the computed verdict applies again.")
@click.argument("claim_id", type=int)
@click.argument("verdict", required=False)
@click.option("--clear", is_flag=True, help="Remove the override instead of setting one.")
@click.option("--reason", required=True, help="Why the computed verdict is wrong, or why the override goes "
                                              "(kept in the audit log).")
@db_option
def override(claim_id: int, verdict: str | None, clear: bool, reason: str, db_url: str | None) -> None:
    if clear == (verdict is not None):
        raise InputError("give a VERDICT or --clear (one of them)")
    with opened(db_url) as database, database.session() as session:
        if clear:
            clear_override(session, claim_id, author(), reason)
            text = f"claim {claim_id}: override cleared; the computed verdict applies"
        else:
            row = override_verdict(session, claim_id, verdict, reason, author())
            text = f"claim {claim_id}: verdict set to {row.verdict}"
    click.echo(text)


@click.command()
@click.argument("claim_id", type=int)
@click.argument("text")
@db_option
def note(claim_id: int, text: str, db_url: str | None) -> None:
    """Attach the note TEXT to claim CLAIM_ID (shown in claim detail and scorecards)."""
    with opened(db_url) as database, database.session() as session:
        add_note(session, claim_id, text, author())
    click.echo(f"claim {claim_id}: note added")


@click.command()
@click.argument("claim_id", type=int)
@click.option("--reason", required=True, help="Why this is not a real claim (kept in the audit log).")
@db_option
def dismiss(claim_id: int, reason: str, db_url: str | None) -> None:
    """Set aside claim CLAIM_ID (a false extraction): kept, shown as dismissed, not scored."""
    with opened(db_url) as database, database.session() as session:
        dismiss_claim(session, claim_id, reason, author())
    click.echo(f"claim {claim_id}: dismissed")


@click.command()
@click.argument("claim_id", type=int)
@db_option
def restore(claim_id: int, db_url: str | None) -> None:
    """Undo `fls dismiss` on claim CLAIM_ID."""
    with opened(db_url) as database, database.session() as session:
        restore_claim(session, claim_id, author())
    click.echo(f"claim {claim_id}: restored")
