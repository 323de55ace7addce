"""`fls claim add`: store a commitment the extractor missed, found by its quote in the stored transcript."""
from __future__ import annotations

import click

from cli.claim_fields import field_options, given_fields
from cli.db_options import author, db_option, opened
from db.corrections import add_claim
from tracker.model import Hedge, Kind


@click.command("add")
@click.argument("ticker")
@click.option("--quote", required=True, help="The claim's words as the transcript says them (case and line "
                                             "breaks do not matter).")
@field_options
@click.option("--kind", default=None, help=f"{', '.join(k.value for k in Kind)} (default: milestone without a "
                                           "figure, else the metric's kind).")
@click.option("--hedge", default=None, help=f"{', '.join(h.value for h in Hedge)} (default: expected).")
@click.option("--document", "document_id", type=int, default=None,
              help="The stored call to search (default: every call of TICKER; the quote must be in one).")
@click.option("--reason", default="", help="Why it is added (kept in the audit log).")
@db_option
def add(ticker: str, quote: str, kind: str | None, hedge: str | None, document_id: int | None, reason: str,
        db_url: str | None, **kwargs: str | None) -> None:
    """Add a claim of TICKER that the extractor missed. --quote is searched in the transcripts TICKER's calls
    were ingested from (the files must still be there, unchanged); the claim points at it and its speaker is
    whoever says it. --metric is required. Re-ingesting the call keeps the claim."""
    fields = given_fields(kwargs)
    with opened(db_url) as database, database.session() as session:
        rec = add_claim(session, ticker, quote, fields, kind=kind, hedge=hedge, document_id=document_id,
                        reason=reason, author=author())
        first = rec.mentions[0]
        text = (f"added claim {rec.id}: {rec.metric}" + (f" / {rec.scope}" if rec.scope else "")
                + (f" {rec.period_label}" if rec.period_label else "")
                + f" (document {rec.document_id}, chars {first.start}-{first.end}, said by "
                + f"{first.speaker or 'an unnamed speaker'})")
    click.echo(text)
