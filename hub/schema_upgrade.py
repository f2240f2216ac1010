"""Columns added to existing tables by later versions, added in place at start.

``create_all`` creates missing tables but never alters one, so a database made by an
earlier hub would lack the security columns of ``users`` and ``audit`` (protocol 1.1).
Each is nullable or has a default, so ``ALTER TABLE … ADD COLUMN`` is safe on SQLite and
PostgreSQL alike.
"""

from __future__ import annotations

import logging

from sqlalchemy import inspect, text

from hub.db import Database
from hub.models import Base

log = logging.getLogger(__name__)

# table → columns added after the first release (all nullable or defaulted)
ADDED = {
    "users": ("must_change_password", "password_changed_at", "otp_secret", "otp_enabled",
              "otp_last_step"),
    "audit": ("prev", "hash"),
}


def add_missing_columns(db: Database) -> list[str]:
    """Add any column of ``ADDED`` the database lacks; return ``table.column`` names added."""
    added: list[str] = []
    with db.write_engine.begin() as conn:
        inspector = inspect(conn)
        for table, columns in ADDED.items():
            present = {c["name"] for c in inspector.get_columns(table)}
            model = Base.metadata.tables[table]
            for name in columns:
                if name in present:
                    continue
                column = model.c[name]
                ddl = column.type.compile(dialect=conn.dialect)
                default = ""
                if column.default is not None and column.default.is_scalar:
                    value = column.default.arg
                    default = f" DEFAULT {str(value).upper() if isinstance(value, bool) else value}"
                conn.execute(text(f'ALTER TABLE {table} ADD COLUMN "{name}" {ddl}{default}'))
                added.append(f"{table}.{name}")
    if added:
        log.info("added columns %s", ", ".join(added))
    return added
