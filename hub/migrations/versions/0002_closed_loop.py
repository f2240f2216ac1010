"""closed loop (protocol 1.1, issue 14): stage deadlines, requests, callbacks, counts, the
reporter (SM4-sealed at rest when the hub has a data key, hence ``Text``), loop marks

Revision ID: 0002_closed_loop
Revises: 0001_baseline
Create Date: 2026-11-30 22:40:00

Written on issue 16's branch at its merge of main, where the models had these and no
revision did (main's migration test failed): replace with issue 14's own if it brings one.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002_closed_loop'
down_revision: str | None = '0001_baseline'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('loop_marks',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True,
              nullable=False),
    sa.Column('ts', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('unit_id', sa.String(length=40), nullable=False),
    sa.Column('case_id', sa.String(length=40), nullable=False),
    sa.Column('case_path', sa.String(length=400), nullable=False),
    sa.Column('on_time', sa.Boolean(), nullable=True),
    sa.Column('result', sa.String(length=24), nullable=True),
    sa.Column('solved', sa.Boolean(), nullable=True),
    sa.Column('rework', sa.Boolean(), nullable=True),
    sa.Column('due_before', sa.DateTime(timezone=True), nullable=True),
    sa.Column('due_after', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('loop_marks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loop_marks_case_id'), ['case_id'], unique=False)
        batch_op.create_index('ix_loop_marks_case_ts', ['case_id', 'ts'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_marks_ts'), ['ts'], unique=False)
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sign_due', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('callback_due', sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('pending', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('satisfaction', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('solved', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('merged_into', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('resolved_by', sa.String(length=40), nullable=True))
        for name in ('urges', 'returns', 'extensions', 'reworks'):
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=False,
                                          server_default='0'))
        batch_op.add_column(sa.Column('reporter_name', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('reporter_phone', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        for name in ('reporter_phone', 'reporter_name', 'reworks', 'extensions', 'returns',
                     'urges', 'resolved_by', 'merged_into', 'solved', 'satisfaction',
                     'pending', 'callback_due', 'sign_due'):
            batch_op.drop_column(name)
    with op.batch_alter_table('loop_marks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_loop_marks_ts'))
        batch_op.drop_index('ix_loop_marks_case_ts')
        batch_op.drop_index(batch_op.f('ix_loop_marks_case_id'))
    op.drop_table('loop_marks')
