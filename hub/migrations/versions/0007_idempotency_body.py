"""the body each Idempotency-Key was first used with (a key reused for another report)

Revision ID: 0007_idempotency_body
Revises: 0006_case_number_sequence
Create Date: 2026-12-01 07:40:00

A retry with the same ``Idempotency-Key`` answers the first case. A key reused for a
*different* report answered that first case too, so the second report was lost while its
sender believed it filed. The hub now keeps the SHA-256 of the report body with the key
and answers a different body with 422. Keys stored before this revision have no hash and
keep the old behaviour until they expire (24 h).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007_idempotency_body'
down_revision: str | None = '0006_case_number_sequence'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.add_column(sa.Column("body_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.drop_column("body_sha256")
