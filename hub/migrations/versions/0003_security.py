"""security: password rule and history, second factor, the audit log's SM3 chain

Revision ID: 0003_security
Revises: 0002_closed_loop
Create Date: 2026-11-30 22:35:00

Issue 16 (MLPS level 3): ``users`` gains the forced change and the TOTP columns,
``audit`` the chain's ``prev``/``hash``, the reporter columns of ``cases`` become ``Text``
(SM4-sealed values are longer); ``password_history``, ``recovery_codes`` and
``audit_head`` are new. Entries written before this revision are chained at the first
start (``hub.audit_chain.ensure_head``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003_security'
down_revision: str | None = '0002_closed_loop'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('password_changed_at', sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('otp_secret', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('otp_enabled', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('otp_last_step', sa.BigInteger(), nullable=True))
    with op.batch_alter_table('cases', schema=None) as batch_op:
        # the reporter is SM4-sealed at rest with a data key: longer than the clear text
        batch_op.alter_column('reporter_name', existing_type=sa.String(length=100),
                              type_=sa.Text(), existing_nullable=True)
        batch_op.alter_column('reporter_phone', existing_type=sa.String(length=40),
                              type_=sa.Text(), existing_nullable=True)
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=True))
    op.create_table('password_history',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('user_id', sa.String(length=40), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('password_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_password_history_user_id'), ['user_id'],
                              unique=False)
    op.create_table('recovery_codes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('user_id', sa.String(length=40), nullable=False),
    sa.Column('code_hash', sa.String(length=200), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('recovery_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recovery_codes_user_id'), ['user_id'],
                              unique=False)
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_id', sa.BigInteger(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.Column('anchor_id', sa.BigInteger(), nullable=False),
    sa.Column('anchor_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('audit_head')
    with op.batch_alter_table('recovery_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recovery_codes_user_id'))
    op.drop_table('recovery_codes')
    with op.batch_alter_table('password_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_password_history_user_id'))
    op.drop_table('password_history')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.alter_column('reporter_phone', existing_type=sa.Text(),
                              type_=sa.String(length=40), existing_nullable=True)
        batch_op.alter_column('reporter_name', existing_type=sa.Text(),
                              type_=sa.String(length=100), existing_nullable=True)
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('prev')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('otp_last_step')
        batch_op.drop_column('otp_enabled')
        batch_op.drop_column('otp_secret')
        batch_op.drop_column('password_changed_at')
        batch_op.drop_column('must_change_password')
