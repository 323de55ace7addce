"""`fls claim edit`: correct a stored claim's metric, scope, period, figures, unit, basis or deadline."""
from __future__ import annotations

import click

from cli.claim_fields import field_options, given_fields
from cli.db_options import author, db_option, opened
from db.corrections import corrections_of, edit_claim


@click.command("edit")
@click.argument("claim_id", type=int)
@field_options
@click.option("--reason", required=True, help="Why the claim is wrong as extracted (kept in the audit log).")
@db_option
def edit(claim_id: int, reason: str, db_url: str | None, **kwargs: str | None) -> None:
    """Correct claim CLAIM_ID (the id `fls claims` and scorecards show). Only the options given change; the
    original values are kept and shown beside the corrected ones, and the correction survives re-ingesting
    the call and re-scoring. Score again (`fls score`) to see the verdict it gives."""
    fields = given_fields(kwargs)
    with opened(db_url) as database, database.session() as session:
        edit_claim(session, claim_id, fields, reason, author())
        text = f"claim {claim_id} corrected: {corrections_of(session, [claim_id])[claim_id].text}"
    click.echo(text)
