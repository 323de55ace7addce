"""claims carry basis, measure, period source, metric_known and their own sentence's revision; actuals a basis

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('metric_known', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('basis', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('measure', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('period_source', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('period_source_start', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('revision_kind', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('revision_delta', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('revision_unit', sa.String(length=32), nullable=True))

    with op.batch_alter_table('actuals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('basis', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('actuals', schema=None) as batch_op:
        batch_op.drop_column('basis')

    with op.batch_alter_table('claims', schema=None) as batch_op:
        for name in ('revision_unit', 'revision_delta', 'revision_kind', 'period_source_start', 'period_source',
                     'measure', 'basis', 'metric_known'):
            batch_op.drop_column(name)
