"""incremental scoring: companies count the changes of their inputs (triggers), score_state remembers what
each company's verdicts of a date were computed from; claims indexed by company and period label (ingest)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

A database upgraded from an older release has no score_state rows: its first `fls score` of a date scores
every claim, as before, and later ones only the companies whose claims, figures, events or revision links
changed (db.inputs, db.scoring).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

from db import inputs


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('inputs_version', sa.Integer(), server_default='0', nullable=False))
    op.create_table('score_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('inputs_version', sa.Integer(), nullable=False),
    sa.Column('rules', sa.String(length=64), nullable=False),
    sa.Column('scored_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_score_state_company_id_companies'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score_state')),
    sa.UniqueConstraint('company_id', 'as_of', name=op.f('uq_score_state_company_id_as_of'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_company_id_lower_period_label', ['company_id', sa.text('lower(period_label)')],
                              unique=False)
    inputs.install(op.get_bind())


def downgrade() -> None:
    inputs.drop(op.get_bind())
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_company_id_lower_period_label')
    op.drop_table('score_state')
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.drop_column('inputs_version')
