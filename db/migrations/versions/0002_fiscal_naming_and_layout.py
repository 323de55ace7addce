"""fiscal year naming per company; the layout a document was read as, and the reader's warning

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fiscal_year_named', sa.String(length=5), nullable=True))

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('layout_warning', sa.Text(), nullable=True))
        batch_op.alter_column('layout', existing_type=sa.String(length=16), type_=sa.String(length=32),
                              nullable=True)


def downgrade() -> None:
    # 0001 wants a layout of at most 16 characters on every document
    op.execute("UPDATE documents SET layout = 'plain' WHERE layout IS NULL")
    op.execute("UPDATE documents SET layout = substr(layout, 1, 16) WHERE length(layout) > 16")
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.alter_column('layout', existing_type=sa.String(length=32), type_=sa.String(length=16),
                              nullable=False)
        batch_op.drop_column('layout_warning')

    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.drop_column('fiscal_year_named')
