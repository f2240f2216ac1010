"""Database access: engines, read and write transactions.

Threading: any thread may open a read. On SQLite writes are serialised by one
process-wide lock (SQLite has a single writer anyway), and work registered with
``WriteTx.after_commit`` runs after the commit *while the lock is still held*, which is how
the feed publishes events in exactly the order they were committed. On PostgreSQL write
transactions run concurrently, in this process as across hub processes: each post's
sequence row is locked inside the transaction until its commit (gapless, commit order),
and the feed broker puts frames back in seq order (``hub.broker``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from hub.models import Base

log = logging.getLogger(__name__)


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk before the command is acknowledged (power loss too).
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(begin)

    return engine


class WriteTx:
    """A write transaction: ``session`` plus callbacks to run after a successful commit."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._before: list[Callable[[], None]] = []
        self._after: list[Callable[[], None]] = []

    def before_commit(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` just before the commit, inside the transaction."""
        self._before.append(fn)

    def after_commit(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` once the transaction has committed (SQLite: still under the write
        lock, so in commit order)."""
        self._after.append(fn)


class Database:
    """Engines and transactions of one hub database.

    Attributes:
        url: the SQLAlchemy URL.
        is_sqlite: whether the backend is SQLite.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        # SQLite: one writer at a time; PostgreSQL: row locks order what must be ordered
        self._write_lock: AbstractContextManager[object] = (threading.RLock() if self.is_sqlite
                                 else contextlib.nullcontext())
        if self.is_sqlite:
            path = url.split("///", 1)[1] if "///" in url else ""
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.write_engine = _sqlite_engine(url, "BEGIN IMMEDIATE")
            self.read_engine = _sqlite_engine(url, "BEGIN")
        else:
            self.write_engine = create_engine(url, pool_size=10, max_overflow=20,
                                              pool_pre_ping=True,
                                              connect_args={"connect_timeout": 5})
            self.read_engine = self.write_engine.execution_options(
                isolation_level="REPEATABLE READ")
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)

    def create_schema(self) -> None:
        """Create every table that does not exist yet."""
        Base.metadata.create_all(self.write_engine)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent read-only snapshot of the database."""
        with self._reader() as session:  # close() ends the transaction, keeps loaded rows
            yield session

    @contextmanager
    def write(self) -> Iterator[WriteTx]:
        """A serialised write transaction; commits on success, rolls back on error."""
        with self._write_lock:
            with self._writer() as session:
                tx = WriteTx(session)
                try:
                    yield tx
                    for fn in tx._before:
                        fn()
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
            for fn in tx._after:
                try:
                    fn()
                except Exception:  # a publish failure must not undo a committed change
                    log.exception("after-commit callback failed")

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
