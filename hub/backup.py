"""``hub backup`` / ``hub restore``: a consistent copy of a live database, and back.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies a consistent
snapshot while the hub keeps writing; the backup is itself a SQLite file. PostgreSQL:
``pg_dump --format=custom`` (a consistent snapshot by MVCC) and ``pg_restore`` into an
empty database. A restore refuses a target that already has hub tables, so it never
mixes two histories.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url


class BackupError(Exception):
    """A backup or restore that could not be done (the message says why)."""


def _sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///") and ":memory:" not in url:
        return Path(url[len("sqlite:///"):])
    return None


def _libpq(url: str) -> tuple[str, list[str]]:
    """A libpq URI for pg_dump/pg_restore, and ``--schema`` when the URL sets one."""
    parsed = make_url(url)
    schema_args: list[str] = []
    opt = parsed.query.get("options") if parsed.query else None
    if isinstance(opt, str) and opt.startswith("-csearch_path="):
        schema_args = ["--schema", opt.split("=", 1)[1]]
    plain = parsed.set(drivername="postgresql").set(query={})
    return plain.render_as_string(hide_password=False), schema_args


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed (apt install postgresql-client)")
    return found


def backup(url: str, out: Path) -> None:
    """Write a consistent copy of the database at ``url`` to ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    path = _sqlite_path(url)
    if path is not None:
        if not path.exists():
            raise BackupError(f"no database file at {path}")
        tmp = out.with_name(out.name + ".part")
        tmp.unlink(missing_ok=True)
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        tmp.replace(out)
        out.chmod(0o600)
        return
    if not url.startswith("postgresql"):
        raise BackupError(f"unsupported database URL {url.split('@')[-1]}")
    uri, schema = _libpq(url)
    result = subprocess.run([_tool("pg_dump"), "--format=custom", "--no-owner",
                             f"--file={out}", *schema, f"--dbname={uri}"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()[-500:]}")
    out.chmod(0o600)


def _has_tables(url: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return "users" in inspect(conn).get_table_names()
    finally:
        engine.dispose()


def restore(url: str, source: Path) -> None:
    """Restore ``source`` (made by :func:`backup`) into the empty database at ``url``."""
    if not source.exists():
        raise BackupError(f"no backup file at {source}")
    path = _sqlite_path(url)
    if path is not None:
        if path.exists() and _has_tables(url):
            raise BackupError(f"{path} already holds a hub database; restore into a new one")
        path.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(path)
        try:
            if src.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"{source} is damaged (integrity check failed)")
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return
    if not url.startswith("postgresql"):
        raise BackupError(f"unsupported database URL {url.split('@')[-1]}")
    if _has_tables(url):
        raise BackupError("the target database already holds a hub; restore into a new one")
    uri, _schema = _libpq(url)
    result = subprocess.run([_tool("pg_restore"), "--no-owner", "--exit-on-error",
                             f"--dbname={uri}", str(source)], capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()[-500:]}")
