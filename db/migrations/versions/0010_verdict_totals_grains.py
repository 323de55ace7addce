"""verdict totals at two grains: a row per speaker and verdict, and one per period label and verdict (the
`grain` column), instead of one per speaker, period label and verdict (a row for every eight claims)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

The totals are a cache the database can rebuild: both directions empty them, and the next `fls score` (or a
person's change) writes them again; until then every read sums the claims live (db.totals).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def _forget() -> None:
    op.execute("DELETE FROM verdict_totals")
    op.execute("DELETE FROM verdict_totals_state")


def upgrade() -> None:
    _forget()
    with op.batch_alter_table('verdict_totals', schema=None) as batch_op:
        batch_op.drop_index('ix_verdict_totals_as_of_company_id')
        batch_op.add_column(sa.Column('grain', sa.String(length=8), nullable=False))
        batch_op.create_index('ix_verdict_totals_as_of_grain_company_id', ['as_of', 'grain', 'company_id'],
                              unique=False)


def downgrade() -> None:
    _forget()
    with op.batch_alter_table('verdict_totals', schema=None) as batch_op:
        batch_op.drop_index('ix_verdict_totals_as_of_grain_company_id')
        batch_op.drop_column('grain')
        batch_op.create_index('ix_verdict_totals_as_of_company_id', ['as_of', 'company_id'], unique=False)
