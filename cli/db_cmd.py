"""`fls db upgrade|path`: the database's schema and where it is."""
from __future__ import annotations

import click
from sqlalchemy import make_url

from cli.db_options import db_option
from db.session import head_revision, resolve_url, upgrade


def shown_url(url: str) -> str:
    """The URL with any password masked."""
    return make_url(url).render_as_string(hide_password=True)


@click.group("db")
def db_group() -> None:
    """The database: schema upgrades and its location."""


@db_group.command("upgrade")
@db_option
def upgrade_cmd(db_url: str | None) -> None:
    """Bring the database schema to the newest revision (other commands do this on their own too)."""
    url = resolve_url(db_url)
    upgrade(url)
    click.echo(f"{shown_url(url)}: schema at revision {head_revision()}")


@db_group.command("path")
@db_option
def path_cmd(db_url: str | None) -> None:
    """Print the database URL the commands use (--db, else FLS_DATABASE_URL, else fls.db in the data folder)."""
    click.echo(shown_url(resolve_url(db_url)))
