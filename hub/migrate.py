"""Schema migrations (Alembic, scripts in ``hub/migrations/versions``).

``python main.py hub migrate --db URL`` brings a database to the newest revision; an
upgrade keeps the data. On PostgreSQL the migration and the first start's seeding run
under an advisory lock (``schema_lock``), so hub processes starting together never race:
the second waits for the first, then finds the work done.

``hub serve`` on PostgreSQL refuses to start on a database that is not at the newest
revision and says which command to run (``--migrate`` makes it migrate under the lock
instead); on SQLite — one process, the demo — it migrates by itself.

A database made before migrations existed (tables but no ``alembic_version``) is adopted:
stamped as the newest revision if its tables already match the models, else as the
baseline, then upgraded.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

from hub.db import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001_baseline"
LOCK_KEY = 0x436F6D6D506F7374  # "CommPost": the advisory lock of schema changes and seeding
PRUNE_LOCK_KEY = LOCK_KEY + 1  # one pruning process at a time


class SchemaNotReady(RuntimeError):
    """The database is not at the newest revision and this process may not migrate it."""


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the hub's scripts (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision of the scripts."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The database's revision (None: no ``alembic_version``; see ``is_legacy``)."""
    with db.write_engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _is_legacy(conn: Connection) -> bool:
    names = set(inspect(conn).get_table_names())
    return "regions" in names and "alembic_version" not in names


def _matches_models(conn: Connection) -> bool:
    from alembic.autogenerate import compare_metadata

    from hub.models import Base

    context = MigrationContext.configure(conn, opts={"compare_type": True})
    return not compare_metadata(context, Base.metadata)


@contextmanager
def schema_lock(db: Database) -> Iterator[None]:
    """Hold the advisory lock of schema changes and seeding (PostgreSQL; SQLite: nothing,
    its writes are serialised by the file lock)."""
    if db.is_sqlite:
        yield
        return
    with db.write_engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LOCK_KEY})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
            conn.commit()


@contextmanager
def exclusive_or_skip(db: Database, key: int) -> Iterator[bool]:
    """Yield True while holding advisory lock ``key`` (PostgreSQL), False if another
    process holds it; SQLite: always True."""
    if db.is_sqlite:
        yield True
        return
    with db.write_engine.connect() as conn:
        mine = bool(conn.execute(text("SELECT pg_try_advisory_lock(:key)"),
                                 {"key": key}).scalar())
        conn.commit()
        try:
            yield mine
        finally:
            if mine:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                conn.commit()


def upgrade(db: Database) -> tuple[str | None, str]:
    """Bring the database to the newest revision (call under ``schema_lock``).

    Return:
        the revision before and after.
    """
    with db.write_engine.begin() as conn:
        before = MigrationContext.configure(conn).get_current_revision()
        cfg = alembic_config(conn)
        if before is None and _is_legacy(conn):
            # made by create_all before migrations: already the models' schema (then it is
            # the newest revision), else the schema of the baseline
            before = "head" if _matches_models(conn) else BASELINE
            command.stamp(cfg, before)
        command.upgrade(cfg, "head")
        after = MigrationContext.configure(conn).get_current_revision()
    assert after is not None
    return before, after


def ensure_schema(db: Database, migrate: bool) -> None:
    """Make sure the schema is the newest (call under ``schema_lock``).

    Args:
        migrate: upgrade if needed; otherwise raise ``SchemaNotReady`` with the command
            to run.
    """
    head = head_revision()
    current = current_revision(db)
    if current == head:
        return
    if migrate:
        upgrade(db)
        return
    where = db.url.split("@")[-1]
    state = "empty (no schema)" if current is None else f"at revision {current}"
    raise SchemaNotReady(
        f"the database {where} is {state}, this hub needs revision {head}: run "
        f"`python main.py hub migrate --db URL` once (or start with --migrate)")


def new_revision(message: str, rev_id: str | None = None) -> str:
    """Write a new revision script by comparing the models with a scratch SQLite database
    at the newest revision (``python main.py hub revision -m MESSAGE``); return its path.
    Read it before committing: Alembic cannot see renames, and data moves are hand work."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{folder}/scratch.db")
        try:
            if ScriptDirectory.from_config(alembic_config()).get_current_head() is not None:
                upgrade(db)
            with db.write_engine.begin() as conn:
                script = command.revision(alembic_config(conn), message=message,
                                          autogenerate=True, rev_id=rev_id)
        finally:
            db.dispose()
    assert script is not None and not isinstance(script, list)
    return str(script.path)
