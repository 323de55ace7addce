"""verdict totals: each company's effective verdicts of a date summed up per speaker, period and verdict
(verdict_totals), the count they were written at (verdict_totals_state) and the triggers that count changes of
claims, verdicts and overrides (companies.shown_version); claims indexed in the order every list sorts them

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

An upgraded database has no totals yet: its reads sum the claims live, as before, until `fls score` (or an
override) writes them (db.totals).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

from db import inputs


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shown_version', sa.Integer(), server_default='0', nullable=False))
    op.create_table('verdict_totals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('speaker', sa.String(length=200), nullable=True),
    sa.Column('period_label', sa.String(length=32), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('verdict', sa.String(length=16), nullable=True),
    sa.Column('claims', sa.Integer(), nullable=False),
    sa.Column('surprise_sum', sa.Float(), nullable=True),
    sa.Column('surprise_abs_sum', sa.Float(), nullable=True),
    sa.Column('surprise_n', sa.Integer(), nullable=False),
    sa.Column('late_sum', sa.Integer(), nullable=True),
    sa.Column('late_n', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_verdict_totals_company_id_companies'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verdict_totals'))
    )
    with op.batch_alter_table('verdict_totals', schema=None) as batch_op:
        batch_op.create_index('ix_verdict_totals_as_of_company_id', ['as_of', 'company_id'], unique=False)
    op.create_table('verdict_totals_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('shown_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'],
                            name=op.f('fk_verdict_totals_state_company_id_companies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verdict_totals_state')),
    sa.UniqueConstraint('company_id', 'as_of', name=op.f('uq_verdict_totals_state_company_id_as_of'))
    )
    op.create_index('ix_claims_deadline_order', 'claims', [sa.text('(period_end IS NULL)'), 'period_end', 'id'],
                    unique=False)
    # (adding a column alters the companies table in place, also on SQLite: 0008's triggers stay)
    inputs.SHOWN.install(op.get_bind())


def downgrade() -> None:
    inputs.SHOWN.drop(op.get_bind())
    op.drop_index('ix_claims_deadline_order', table_name='claims')
    op.drop_table('verdict_totals_state')
    with op.batch_alter_table('verdict_totals', schema=None) as batch_op:
        batch_op.drop_index('ix_verdict_totals_as_of_company_id')
    op.drop_table('verdict_totals')
    # SQLite re-creates the companies table to drop a column, which every trigger that counts into it would
    # stop: they go first and 0008's come back after
    inputs.drop(op.get_bind())
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.drop_column('shown_version')
    inputs.install(op.get_bind())
