"""region polygons (issue 15): the region_geometry table

Revision ID: 0005_region_geometry
Revises: 0004_open311_api_keys
Create Date: 2026-11-30 22:20:00

One row per region that has a polygon (GeoJSON text, WGS 84): ``GET /regions/geometry``
and ``hub.geo.locate``. A database upgraded from the baseline has no polygons until
``python main.py hub regions import FILE.geojson`` (a new demo database is seeded with them).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005_region_geometry'
down_revision: str | None = '0004_open311_api_keys'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a database made with create_all before migrations existed may have it already
    if sa.inspect(op.get_bind()).has_table('region_geometry'):
        return
    op.create_table('region_geometry',
    sa.Column('region_id', sa.String(length=32), nullable=False),
    sa.Column('geojson', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['region_id'], ['regions.id'], ),
    sa.PrimaryKeyConstraint('region_id')
    )


def downgrade() -> None:
    op.drop_table('region_geometry')
