"""Shift cache: one SQLite file per shift holding snapshots and every applied event.

Layout of a shift file (SQLAlchemy Core over SQLite):

* ``meta`` (key → JSON): schema, hub URL, post, user, categories, zone, shift label,
  start and end;
* ``snapshots`` (id, seq, server_time, received_at, reason, body): every snapshot the
  shift started from — ``shift_start`` (taken from the held state, no network needed),
  ``hub`` (``GET /snapshot``, first start or after a 410);
* ``events`` (snapshot_id, first_seq, last_seq, count, received, body): every applied
  event, one row per batch: ``body`` is a JSON array of the frames exactly as received
  (joined, not re-encoded) and ``received`` the JSON array of their receive times (epoch
  seconds), keyed by the snapshot ("epoch") they follow. One row per batch rather than
  per event: SQLite's driver releases and re-takes the GIL for every row it steps, which
  with the GUI thread busy costs far more than the write itself.

So each file is self-contained: the shift can be reviewed offline from its snapshots and
events alone. The latest snapshot plus its events is the state to resume from.

Durability: the Feed thread commits a batch's events (one transaction per batch) *before*
handing the batch to the state; a console killed with SIGKILL restarts from the cache
and neither loses nor double-applies an event (seq is unique per epoch). WAL journal
with ``synchronous=NORMAL``: in WAL mode a commit is durable against a crash of the
process (the WAL pages are in the OS before commit returns) and the file is never
corrupted; only an OS crash or power cut can lose the last few commits, after which the
console simply resumes from an earlier seq and the hub re-sends the rest. ``FULL`` would
fsync every batch (many per second during catch-up) for no gain in correctness.

Checkpoints: the writing connection never checkpoints the WAL itself (SQLite's automatic
checkpoint at 1,000 pages would make one commit in ~90 write the whole WAL into the file
and fsync it: 190–320 ms during which the Feed thread read nothing). A
:class:`WalCheckpointer` thread does it on its own connection, ``PASSIVE`` (writers go on
appending meanwhile), after every 16 MB written; closing the file checkpoints the rest.

Threading: a :class:`ShiftCache` belongs to one thread at a time (the Feed thread while
syncing; the export tool when reviewing); its checkpointer thread only checkpoints.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from msgspec import Raw
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from client import protocol
from client.errors import CacheError
from client.shifts import Shift

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
FILE_RE = re.compile(r"^shift-(\d{8}-\d{4})\.sqlite$")

metadata = sa.MetaData()
meta_table = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.LargeBinary, nullable=False),
)
snapshots_table = sa.Table(
    "snapshots",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("server_time", sa.Text),
    sa.Column("received_at", sa.Float, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("body", sa.LargeBinary, nullable=False),
)
events_table = sa.Table(
    "events",
    metadata,
    sa.Column("snapshot_id", sa.Integer, primary_key=True),
    sa.Column("first_seq", sa.Integer, primary_key=True),
    sa.Column("last_seq", sa.Integer, nullable=False),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Column("received", sa.LargeBinary, nullable=False),  # JSON array of receive times
    sa.Column("body", sa.LargeBinary, nullable=False),  # JSON array of the events
)

#: One event row to write: ``(seq, event, raw bytes or None, received_at)``.
EventRow = tuple[int, protocol.Event, bytes | None, float]


def _pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # 64 KiB pages (takes effect only on a new file): a catch-up batch is a row of
    # ~1 MB; with the default 4 KiB pages SQLite spends ~40 % more time chaining its
    # overflow pages (measured: 2.9 vs 1.8 us per 625-byte event).
    cur.execute("PRAGMA page_size=65536")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA wal_autocheckpoint=0")  # the WalCheckpointer's job
    cur.close()


class WalCheckpointer:
    """Checkpoints one SQLite file's WAL from its own thread and connection.

    A writer reports what it committed (:meth:`wrote`); after every ``every_bytes`` the
    thread runs ``PRAGMA wal_checkpoint(PASSIVE)``, which copies what it can into the file
    and fsyncs it while the writer goes on appending. The thread starts with the first
    checkpoint due and ends with :meth:`close`.
    """

    def __init__(self, path: Path, every_bytes: int = 16 * 1024 * 1024) -> None:
        self.path = path
        self.every_bytes = every_bytes
        self.checkpoints = 0
        self._since = 0
        self._due = threading.Event()
        self._closing = False
        self._thread: threading.Thread | None = None

    def wrote(self, nbytes: int) -> None:
        """``nbytes`` were committed; wake the thread when a checkpoint is due."""
        self._since += nbytes
        if self._since < self.every_bytes:
            return
        self._since = 0
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, daemon=True,
                                            name=f"checkpoint {self.path.name}")
            self._thread.start()
        self._due.set()

    def close(self) -> None:
        """Stop the thread (after the checkpoint in progress, if any)."""
        self._closing = True
        self._due.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False)
        except sqlite3.Error as exc:
            log.warning("cannot open %s to checkpoint it: %s", self.path, exc)
            return
        try:
            while True:
                self._due.wait()
                self._due.clear()
                if self._closing:
                    return
                try:
                    self._checkpoint(conn)
                except sqlite3.Error as exc:  # busy or damaged: the next one (or close) retries
                    log.warning("checkpoint of %s failed: %s", self.path, exc)
        finally:
            conn.close()

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        """Copy the WAL into the file until it is all there (each pass copies what the
        writer appended during the one before, fewer frames every time), so the writer's
        next commit starts the WAL over instead of growing it."""
        for _ in range(4):
            row = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.checkpoints += 1
            if row is None or row[1] <= row[2]:  # (busy, frames in the WAL, frames copied)
                return


def _sidecars(path: Path) -> tuple[Path, Path]:
    """SQLite's ``-wal`` and ``-shm`` files of ``path``."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def check_sqlite_file(path: Path) -> None:
    """Raise :class:`CacheError` unless ``path`` is a readable file with SQLite's header."""
    if not path.is_file():
        raise CacheError(f"cache file {path} does not exist")
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise CacheError(f"cache file {path} is unreadable: {exc}") from exc
    if head != b"SQLite format 3\x00":
        raise CacheError(f"cache file {path} is damaged: not an SQLite database")


_RawList = list[Raw]
_Times = list[float]


@dataclass(frozen=True, slots=True)
class SnapshotRow:
    """A snapshot record (body not decoded)."""

    id: int
    seq: int
    server_time: str | None
    received_at: float
    reason: str


class ShiftCache:
    """One shift's SQLite file: write snapshots and event batches, read them back.

    Use :meth:`create` for a new file and :meth:`open` for an existing one.

    Attributes:
        path: the file.
        snapshot_id: the epoch new events are written under (latest snapshot), or None.
    """

    def __init__(self, path: Path, engine: sa.Engine) -> None:
        self.path = path
        self._engine = engine
        self._conn: sa.Connection | None = None
        self.snapshot_id: int | None = None
        self._next_seq: int | None = None
        self.checkpointer = WalCheckpointer(path)

    # ---- Opening

    @staticmethod
    def _engine_for(path: Path) -> sa.Engine:
        engine = sa.create_engine(f"sqlite:///{path}", poolclass=sa.pool.NullPool)
        sa.event.listen(engine, "connect", _pragmas)
        return engine

    @classmethod
    def create(cls, path: str | os.PathLike[str], meta: dict[str, Any]) -> ShiftCache:
        """Create a new shift file with its ``meta`` (fails if the file exists).

        The file appears under its name only whole: it is built as ``<name>.partial``
        (schema and meta committed, mode 0600) and then renamed, so a process killed while
        creating it leaves no shift file without its meta behind (a ``.partial`` one is
        not a shift file, and the next creation starts it over).
        """
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:  # an empty one: made 0600 for us
            raise CacheError(f"cache file {path} already exists")
        partial = path.with_name(path.name + ".partial")
        try:
            for part in (partial, *_sidecars(partial)):
                part.unlink(missing_ok=True)
            os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
            building = cls(partial, cls._engine_for(partial))
            try:
                metadata.create_all(building._engine)
                building.set_meta(dict(meta, schema=SCHEMA_VERSION))
            finally:
                building.close()  # the last connection: the WAL goes into the file
            os.replace(partial, path)
        except (SQLAlchemyError, OSError) as exc:
            raise CacheError(f"cannot create cache file {path}: {exc}") from exc
        return cls(path, cls._engine_for(path))

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> ShiftCache:
        """Open an existing shift file and check that it is one.

        Raises:
            CacheError: missing, damaged, unreadable, or not a shift cache.
        """
        path = Path(path)
        check_sqlite_file(path)
        cache = cls(path, cls._engine_for(path))
        meta = cache.meta()
        if meta.get("schema") != SCHEMA_VERSION:
            cache.close()
            raise CacheError(
                f"cache file {path} has schema {meta.get('schema')!r}, expected {SCHEMA_VERSION}"
            )
        latest = cache.latest_snapshot()
        cache.snapshot_id = latest.id if latest else None
        if latest is not None:
            cache._next_seq = cache._last_seq(latest.id, latest.seq) + 1
        return cache

    def _last_seq(self, snapshot_id: int, default: int) -> int:
        try:
            last = self._c().execute(
                sa.select(sa.func.max(events_table.c.last_seq)).where(
                    events_table.c.snapshot_id == snapshot_id
                )
            ).scalar()
            self._c().rollback()
        except SQLAlchemyError as exc:
            raise self._guard("reading events", exc) from exc
        return default if last is None else int(last)

    def _c(self) -> sa.Connection:
        if self._conn is None:
            self._conn = self._engine.connect()
        return self._conn

    def close(self) -> None:
        """Close the file (the last connection to close checkpoints what is left)."""
        self.checkpointer.close()
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
        self._engine.dispose()

    def _guard(self, what: str, exc: Exception) -> CacheError:
        if isinstance(exc, DBAPIError | sqlite3.DatabaseError):
            return CacheError(f"cache file {self.path} is damaged or unreadable ({what}): {exc}")
        return CacheError(f"cache file {self.path}: {what} failed: {exc}")

    # ---- Meta

    def meta(self) -> dict[str, Any]:
        """All meta values (decoded)."""
        try:
            rows = self._c().execute(sa.select(meta_table.c.key, meta_table.c.value)).all()
            self._c().rollback()
        except SQLAlchemyError as exc:
            raise self._guard("reading meta", exc) from exc
        try:
            return {k: orjson.loads(v) for k, v in rows}
        except orjson.JSONDecodeError as exc:
            raise CacheError(f"cache file {self.path} is damaged: bad meta ({exc})") from exc

    def set_meta(self, values: dict[str, Any]) -> None:
        """Insert or replace meta values."""
        conn = self._c()
        try:
            with conn.begin():
                for k, v in values.items():
                    conn.execute(
                        sa.delete(meta_table).where(meta_table.c.key == k)
                    )
                    conn.execute(meta_table.insert().values(key=k, value=orjson.dumps(v)))
        except SQLAlchemyError as exc:
            raise self._guard("writing meta", exc) from exc

    # ---- Writing

    def add_snapshot(
        self, snap: protocol.AnySnapshot, received_at: float, reason: str, raw: bytes | None = None
    ) -> int:
        """Write (commit) a snapshot; later events are written under it. Return its id."""
        body = raw if raw is not None else orjson.dumps(snap)
        conn = self._c()
        try:
            with conn.begin():
                res = conn.execute(
                    snapshots_table.insert().values(
                        seq=snap["seq"],
                        server_time=snap.get("server_time"),
                        received_at=received_at,
                        reason=reason,
                        body=body,
                    )
                )
                key = res.inserted_primary_key
                assert key is not None  # (an INSERT of one row always has one)
                sid = key[0]
        except SQLAlchemyError as exc:
            raise self._guard("writing a snapshot", exc) from exc
        self.snapshot_id = int(sid)
        self.checkpointer.wrote(len(body))
        self._next_seq = int(snap["seq"]) + 1
        return self.snapshot_id

    def add_events(self, rows: list[EventRow]) -> None:
        """Write (commit) one batch of events (contiguous seqs) as one row."""
        if rows:
            self.add_released([(s, ev, raw) for s, ev, raw, _ in rows], [at for *_, at in rows])

    def add_released(self, ready: list[tuple[int, protocol.Event, bytes | None]],
                     received: list[float]) -> None:
        """Write (commit) one batch of sequenced events, as the Sequencer released them
        (``(seq, event, raw bytes or None)``, contiguous seqs), and their receive times, as
        one row."""
        if not ready:
            return
        if self.snapshot_id is None:
            raise CacheError(f"cache file {self.path}: events written before any snapshot")
        first, last = ready[0][0], ready[-1][0]
        if last - first + 1 != len(ready) or len(received) != len(ready):
            raise CacheError(f"cache file {self.path}: batch {first}..{last} is not contiguous")
        if self._next_seq is not None and first != self._next_seq:
            raise CacheError(
                f"cache file {self.path}: batch starts at {first}, expected {self._next_seq}"
            )
        dumps = orjson.dumps
        body = b"[" + b",".join([raw if raw is not None else dumps(ev)
                                 for _, ev, raw in ready]) + b"]"
        conn = self._c()
        try:
            with conn.begin():
                conn.exec_driver_sql(
                    "INSERT INTO events (snapshot_id, first_seq, last_seq, count, received, body)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (self.snapshot_id, first, last, len(ready), dumps(received), body),
                )
        except SQLAlchemyError as exc:
            raise self._guard("writing events", exc) from exc
        self._next_seq = last + 1
        self.checkpointer.wrote(len(body))

    # ---- Reading

    def snapshots(self) -> list[SnapshotRow]:
        """All snapshot records, oldest first."""
        t = snapshots_table.c
        try:
            rows = self._c().execute(
                sa.select(t.id, t.seq, t.server_time, t.received_at, t.reason).order_by(t.id)
            ).all()
            self._c().rollback()
        except SQLAlchemyError as exc:
            raise self._guard("reading snapshots", exc) from exc
        return [SnapshotRow(*r) for r in rows]

    def latest_snapshot(self) -> SnapshotRow | None:
        """The newest snapshot record, or None."""
        rows = self.snapshots()
        return rows[-1] if rows else None

    def load_snapshot(self, snapshot_id: int) -> protocol.HeldSnapshot:
        """Decode one snapshot's body."""
        try:
            body = self._c().execute(
                sa.select(snapshots_table.c.body).where(snapshots_table.c.id == snapshot_id)
            ).scalar_one()
            self._c().rollback()
            # written from a validated snapshot (client.protocol), unknown fields already out
            snap: protocol.HeldSnapshot = orjson.loads(body)
            return snap
        except (SQLAlchemyError, orjson.JSONDecodeError) as exc:
            raise self._guard(f"reading snapshot {snapshot_id}", exc) from exc

    def iter_events(self, snapshot_id: int, chunk: int = 20) -> Iterator[tuple[protocol.Event, float]]:
        """The events of one epoch in seq order, as ``(event, received_at)``.

        Raises:
            CacheError: a row is not JSON or its seqs do not match its range.
        """
        t = events_table.c
        after = -1
        while True:
            try:
                rows = self._c().execute(
                    sa.select(t.first_seq, t.last_seq, t.received, t.body)
                    .where(t.snapshot_id == snapshot_id, t.first_seq > after)
                    .order_by(t.first_seq)
                    .limit(chunk)
                ).all()
                self._c().rollback()
            except SQLAlchemyError as exc:
                raise self._guard("reading events", exc) from exc
            if not rows:
                return
            for first, last, received, body in rows:
                try:
                    evs = [protocol.decode_frame(r) for r in protocol.decode(body, _RawList)]
                    times = protocol.decode(received, _Times)
                except protocol.ProtocolError as exc:
                    raise CacheError(
                        f"cache file {self.path} is damaged: events {first}..{last} ({exc.detail})"
                    ) from exc
                if (
                    len(evs) != last - first + 1
                    or len(times) != len(evs)
                    or any(ev.get("seq") != first + i for i, ev in enumerate(evs))
                ):
                    raise CacheError(
                        f"cache file {self.path} is damaged: events {first}..{last} do not match"
                    )
                yield from zip(evs, times, strict=True)
            after = rows[-1][0]

    def event_seqs(self, snapshot_id: int) -> list[int]:
        """The seqs stored in one epoch, in order (for checks and tests)."""
        return [ev["seq"] for ev, _ in self.iter_events(snapshot_id)]

    def check(self) -> None:
        """Run SQLite's quick integrity check.

        Raises:
            CacheError: the file is damaged.
        """
        try:
            res = self._c().exec_driver_sql("PRAGMA quick_check").all()
            self._c().rollback()
        except SQLAlchemyError as exc:
            raise self._guard("checking integrity", exc) from exc
        if [r[0] for r in res] != ["ok"]:
            raise CacheError(f"cache file {self.path} is damaged: {res[0][0]}")


@dataclass
class Restored:
    """What a cache directory resumes from."""

    cache: ShiftCache
    label: str
    snapshot: protocol.HeldSnapshot
    events: list[protocol.Event]


class CacheDir:
    """A directory of shift files for one hub and post.

    Args:
        path: the directory (created on :meth:`open_for_shift` if missing).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def shift_files(self) -> list[tuple[str, Path]]:
        """``(label, path)`` of every shift file, oldest first."""
        if not self.path.is_dir():
            return []
        out = []
        for p in self.path.iterdir():
            m = FILE_RE.match(p.name)
            if m:
                out.append((m.group(1), p))
        return sorted(out)

    def restore(self, hub_url: str | None = None, post_id: str | None = None) -> Restored | None:
        """Open the newest shift file and load its latest snapshot and that epoch's events.

        Args:
            hub_url, post_id: when given, the file must belong to them.
        Return:
            None if the directory holds no shift file.
        Raises:
            CacheError: the file is damaged, or belongs to another hub or post.
        """
        files = self.shift_files()
        if not files:
            return None
        label, path = files[-1]
        cache = ShiftCache.open(path)
        try:
            meta = cache.meta()
            owner_post = (meta.get("post") or {}).get("id")
            if post_id is not None and owner_post != post_id:
                raise CacheError(
                    f"cache {self.path} belongs to post {owner_post!r}, not {post_id!r}; "
                    "use another cache directory"
                )
            if hub_url is not None and meta.get("hub_url") != hub_url:
                raise CacheError(
                    f"cache {self.path} belongs to hub {meta.get('hub_url')!r}, not {hub_url!r}; "
                    "use another cache directory"
                )
            snap_row = cache.latest_snapshot()
            if snap_row is None:
                cache.close()
                log.warning("cache file %s holds no snapshot; ignoring it", path)
                return None
            snap = cache.load_snapshot(snap_row.id)
            events = [ev for ev, _ in cache.iter_events(snap_row.id)]
        except BaseException:
            cache.close()
            raise
        return Restored(cache, label, snap, events)

    def open_for_shift(self, shift: Shift, meta: dict[str, Any]) -> ShiftCache:
        """The shift's file: opened if it exists, else created with ``meta``."""
        try:
            # unit phones and case details: readable by this user only (0700 / 0600)
            self.path.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.path.chmod(0o700)
        except OSError as exc:
            raise CacheError(f"cannot create cache directory {self.path}: {exc}") from exc
        path = self.path / shift.file_name
        if path.exists() and path.stat().st_size > 0:  # empty: a creation cut short
            with contextlib.suppress(OSError):
                path.chmod(0o600)
            return ShiftCache.open(path)
        cache = ShiftCache.create(
            path, dict(meta, shift=shift.label, shift_start=shift.start, shift_end=shift.end)
        )
        # 0600 before any event is written (the folder is 0700 already, so nobody else
        # could open the file meanwhile); SQLite gives new -wal/-shm files the same mode
        for part in (path, *_sidecars(path)):
            with contextlib.suppress(FileNotFoundError):
                part.chmod(0o600)
        return cache
