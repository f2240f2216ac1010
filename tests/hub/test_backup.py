"""``hub backup`` / ``hub restore``: a backup taken while the hub runs, restored into a
fresh database, equals the original in every table (SQLite online backup API; pg_dump and
pg_restore on PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from hub.models import Base
from hub.server import start_embedded
from tests.hub.conftest import SMALL_SIZES, Api


def hub_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", "hub", *args], capture_output=True,
                          text=True, timeout=300)


def every_table(url: str) -> dict[str, list[tuple]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {name: sorted(tuple(map(repr, row)) for row in
                                 conn.execute(select(table)).all())
                    for name, table in Base.metadata.tables.items()}
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """An original and an empty database for the restore."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hub.db'}", f"sqlite:///{tmp_path / 'restored.db'}"
        return
    from tests.hub.test_scaleout import fresh_database

    cluster = request.getfixturevalue("pg_cluster")
    yield fresh_database(cluster), fresh_database(cluster)


def test_restore_equals_the_original(two_databases: tuple[str, str], tmp_path: Path) -> None:
    original, fresh = two_databases
    hub = start_embedded(original, sizes=SMALL_SIZES)
    try:
        intake = Api(hub.url)
        assert intake.login("intake-532301")[0] == 200
        for _ in range(5):
            intake.report()
        out = tmp_path / "hub.backup"
        done = hub_cli("backup", "--db", original, "--out", str(out))  # while it runs
        assert done.returncode == 0, done.stderr
        assert out.stat().st_mode & 0o777 == 0o600
    finally:
        hub.stop()
    done = hub_cli("restore", "--db", fresh, "--from", str(out))
    assert done.returncode == 0, done.stderr
    before, after = every_table(original), every_table(fresh)
    assert sum(len(rows) for rows in before.values()) > 100
    assert len(before["cases"]) == 5
    assert before == after
    verify = hub_cli("audit", "verify", "--db", fresh)
    assert verify.returncode == 0, verify.stdout
    again = hub_cli("restore", "--db", fresh, "--from", str(out))
    assert again.returncode == 2 and "already holds a hub" in again.stderr
