"""actuals and events get a natural key, unique per company, so that concurrent writers store each fact once

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

Before this, only the writers' own checks (and on PostgreSQL the company writer lock) kept an imported figure
from being stored twice; a database may already hold such twins (two imports of one file that raced). The
upgrade computes each row's key (db.upserts), keeps the first row of each key, points whatever referred to a
twin (a restatement link, a stored verdict) at the kept row, deletes the twins, and then makes the key unique.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

from db.upserts import actual_key, event_key


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_ACTUALS = sa.table(
    'actuals', sa.column('id', sa.Integer), sa.column('company_id', sa.Integer), sa.column('metric', sa.String),
    sa.column('scope', sa.String), sa.column('period_label', sa.String), sa.column('value', sa.Float),
    sa.column('unit', sa.String), sa.column('reported_on', sa.Date), sa.column('source_ref', sa.Text),
    sa.column('basis', sa.String), sa.column('document_id', sa.Integer), sa.column('start', sa.Integer),
    sa.column('restates_id', sa.Integer), sa.column('natural_key', sa.String))
_EVENTS = sa.table(
    'events', sa.column('id', sa.Integer), sa.column('company_id', sa.Integer), sa.column('kind', sa.String),
    sa.column('on', sa.Date), sa.column('metric', sa.String), sa.column('scope', sa.String),
    sa.column('period_label', sa.String), sa.column('value', sa.Float), sa.column('unit', sa.String),
    sa.column('source', sa.Text), sa.column('high', sa.Float), sa.column('claim_id', sa.Integer),
    sa.column('natural_key', sa.String))
_VERDICTS = sa.table('verdicts', sa.column('actual_id', sa.Integer))


def _keys(conn, table, key) -> dict[int, int]:  # noqa: ANN001
    """Store every row's key; returns {twin id: id of the first row with its key}."""
    first: dict[tuple[int, str], int] = {}
    twins: dict[int, int] = {}
    updates = []
    for row in conn.execute(sa.select(table).order_by(table.c.id)).mappings():
        k = key(row)
        kept = first.setdefault((row['company_id'], k), row['id'])
        if kept != row['id']:
            twins[row['id']] = kept
        else:
            updates.append({'row_id': row['id'], 'k': k})
    if updates:
        conn.execute(table.update().where(table.c.id == sa.bindparam('row_id'))
                     .values(natural_key=sa.bindparam('k')), updates)
    return twins


def upgrade() -> None:
    for name in ('actuals', 'events'):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column('natural_key', sa.String(length=64), nullable=True))

    conn = op.get_bind()
    twins = _keys(conn, _ACTUALS, actual_key)
    for twin, kept in twins.items():
        conn.execute(_ACTUALS.update().where(_ACTUALS.c.restates_id == twin).values(restates_id=kept))
        conn.execute(_VERDICTS.update().where(_VERDICTS.c.actual_id == twin).values(actual_id=kept))
    if twins:
        conn.execute(_ACTUALS.update().where(_ACTUALS.c.restates_id == _ACTUALS.c.id).values(restates_id=None))
        conn.execute(_ACTUALS.delete().where(_ACTUALS.c.id.in_(list(twins))))
    event_twins = _keys(conn, _EVENTS, event_key)
    if event_twins:
        conn.execute(_EVENTS.delete().where(_EVENTS.c.id.in_(list(event_twins))))

    for name in ('actuals', 'events'):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.alter_column('natural_key', existing_type=sa.String(length=64), nullable=False)
            batch_op.create_unique_constraint(batch_op.f(f'uq_{name}_company_id_natural_key'),
                                              ['company_id', 'natural_key'])


def downgrade() -> None:
    for name in ('events', 'actuals'):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'uq_{name}_company_id_natural_key'), type_='unique')
            batch_op.drop_column('natural_key')
