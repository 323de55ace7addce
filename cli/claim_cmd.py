"""`fls claim edit|add`: an analyst corrects a stored claim, or adds one the extractor missed."""
from __future__ import annotations

import click

from cli.claim_add_cmd import add
from cli.claim_edit_cmd import edit


@click.group()
def claim() -> None:
    """Correct a stored claim, or add one the extractor missed (both audited, kept across re-ingests)."""


claim.add_command(edit)
claim.add_command(add)
