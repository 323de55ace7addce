"""review marks: claims marked reviewed in a review meeting

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-04
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_marks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('verdict', sa.String(length=16), nullable=True),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_review_marks_claim_id_claims'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_marks'))
    )
    with op.batch_alter_table('review_marks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_marks_claim_id'), ['claim_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('review_marks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_marks_claim_id'))
    op.drop_table('review_marks')
