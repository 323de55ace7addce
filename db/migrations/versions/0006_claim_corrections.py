"""analysts' corrections: a claim_corrections table, and claims say whether a person added them; events
name the claim they settle (claim_id) and a revised range's high end (high); review marks keep the as-of
date of the verdicts their reviewer read

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('claim_corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.Column('original', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_corrections_claim_id_claims'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_corrections'))
    )
    with op.batch_alter_table('claim_corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_corrections_claim_id'), ['claim_id'], unique=False)
    # every claim stored so far was extracted; the server default says so for old rows
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.String(length=16), server_default='extracted', nullable=False))
    # an event names the claim it settles (None: every claim its metric, scope and period fit); a revised
    # range "11.97-12.17" keeps its high end (value is the low end; None: one figure)
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claim_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('high', sa.Float(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_events_claim_id_claims'), 'claims', ['claim_id'], ['id'],
                                    ondelete='SET NULL')
    # marks made before have no date: they stay None ("reviewed", date unknown)
    with op.batch_alter_table('review_marks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('as_of', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('review_marks', schema=None) as batch_op:
        batch_op.drop_column('as_of')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_events_claim_id_claims'), type_='foreignkey')
        batch_op.drop_column('high')
        batch_op.drop_column('claim_id')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_column('origin')
    with op.batch_alter_table('claim_corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_corrections_claim_id'))
    op.drop_table('claim_corrections')
