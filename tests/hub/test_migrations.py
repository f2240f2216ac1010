"""Schema migrations: the Alembic revisions build exactly the schema ``hub/models.py``
describes (a model change without a revision fails here: add one with
``python main.py hub revision -m "what changed"``), on SQLite and on PostgreSQL; a
database made before migrations existed is adopted with its data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from hub.bootstrap import prepare, seed_categories
from hub.db import Database
from hub.migrate import (
    BASELINE,
    SchemaNotReady,
    alembic_config,
    current_revision,
    ensure_schema,
    head_revision,
    upgrade,
)
from hub.models import Base, Category
from testkit.pgcluster import ThrowawayCluster


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database on each backend."""
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'hub.db'}")
    else:
        from tests.hub.test_scaleout import fresh_database

        cluster: ThrowawayCluster = request.getfixturevalue("pg_cluster")
        db = Database(fresh_database(cluster))
    yield db
    db.dispose()


def test_migrations_build_the_models_schema(empty_db: Database) -> None:
    """Upgrading an empty database to the newest revision gives the models' schema: the
    autogenerate comparison finds nothing to add, drop or change."""
    before, after = upgrade(empty_db)
    assert before is None and after == head_revision()
    with empty_db.write_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"models and migrations differ; add a revision: {diff}"


def test_an_unmigrated_database_is_refused_or_migrated(empty_db: Database) -> None:
    """Without permission to migrate, an empty database stops the start with the command
    to run; with it, the schema is brought to the newest revision."""
    if not empty_db.is_sqlite:
        with pytest.raises(SchemaNotReady, match="hub migrate"):
            ensure_schema(empty_db, migrate=False)
    ensure_schema(empty_db, migrate=True)
    assert current_revision(empty_db) == head_revision()
    ensure_schema(empty_db, migrate=False)  # now at head: nothing to refuse


@pytest.mark.parametrize("made_by", ["baseline", "create_all"])
def test_a_database_from_before_migrations_is_adopted(empty_db: Database, made_by: str
                                                      ) -> None:
    """Tables without ``alembic_version`` — the baseline's schema (as before migrations),
    or the models' own (``create_all``) — are adopted: stamped, upgraded to the newest
    revision, with their rows kept."""
    if made_by == "create_all":
        Base.metadata.create_all(empty_db.write_engine)
    else:
        with empty_db.write_engine.begin() as conn:
            command.upgrade(alembic_config(conn), BASELINE)
            conn.execute(text("DROP TABLE alembic_version"))
    seed_categories(empty_db)
    with empty_db.read() as s:
        count = s.scalar(select(func.count()).select_from(Category))
    assert count
    prepare(empty_db, seed_demo=False, sizes=None, migrate=True)
    assert current_revision(empty_db) == head_revision()
    with empty_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Category)) == count


@pytest.mark.postgres
def test_case_numbers_go_on_from_the_counter_and_back(pg_cluster: ThrowawayCluster) -> None:
    """Revision 0006 moves PostgreSQL's case numbers from the locked ``counters`` row to
    the sequence ``case_numbers``: numbering goes on where the counter stopped, and a
    downgrade writes the sequence's last number back to the counter."""
    from tests.hub.test_scaleout import fresh_database

    db = Database(fresh_database(pg_cluster))
    try:
        with db.write_engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0005_region_geometry")
            conn.execute(text("INSERT INTO counters (name, value) VALUES ('case', 41)"))
        upgrade(db)
        with db.write_engine.begin() as conn:
            assert conn.execute(text("SELECT nextval('case_numbers')")).scalar_one() == 42
            command.downgrade(alembic_config(conn), "0005_region_geometry")
            assert conn.execute(text(
                "SELECT value FROM counters WHERE name = 'case'")).scalar_one() == 42
    finally:
        db.dispose()
