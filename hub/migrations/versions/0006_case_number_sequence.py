"""case numbers from a PostgreSQL sequence (issue 17: no lock held to the commit)

Revision ID: 0006_case_number_sequence
Revises: 0005_region_geometry
Create Date: 2026-12-01 00:35:00

On PostgreSQL a report took its case number by upserting the ``counters`` row ``case``,
which locked that one row until the commit: every report of every hub process waited for
the one before it. The sequence ``case_numbers`` hands out numbers without a lock (a
number taken by a transaction that rolls back is skipped). It starts after the counter's
value, so numbers go on where they stopped. SQLite keeps the counter row (one writer).

Upgrade with the old processes stopped: an old process still numbering from the counter
would hand out numbers the sequence hands out too (the case insert then fails on its key
and the report is retried, which may end in a 503).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006_case_number_sequence'
down_revision: str | None = '0005_region_geometry'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute("CREATE SEQUENCE IF NOT EXISTS case_numbers")
    last = bind.execute(sa.text(
        "SELECT coalesce(max(value), 0) FROM counters WHERE name = 'case'")).scalar_one()
    if last:
        bind.execute(sa.text("SELECT setval('case_numbers', :last)"), {"last": last})


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    bind.execute(sa.text(
        "INSERT INTO counters (name, value) SELECT 'case', last_value FROM case_numbers "
        "WHERE is_called ON CONFLICT (name) DO UPDATE SET value = excluded.value"))
    op.execute("DROP SEQUENCE case_numbers")
