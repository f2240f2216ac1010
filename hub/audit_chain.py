"""The audit log's SM3 hash chain (protocol 1.1, "Security additions").

Each entry carries ``prev`` (the ``hash`` of the entry before it in the whole log; 64 zeros
for the first) and ``hash`` = hex SM3 (GB/T 32905) of ``prev`` + the entry's canonical JSON
without ``hash`` (keys sorted, no spaces, UTF-8). An edited, inserted or deleted entry
breaks the chain, and :func:`verify` names the first broken one. The rule itself (hash,
canonical form, checking a run of entries) is ``client.audit_chain``, shared with the
console's audit viewer; this module chains the hub's rows and checks its database.

How entries are chained: a SQLAlchemy ``before_flush`` hook holds a transaction's new
audit rows back from the flushes; just before the commit one statement locks the one
``audit_head`` row and takes their ids under that lock, so ids are handed out in the order
transactions chain them (also across hub processes on PostgreSQL); the entries are
hashed in id order from the head, inserted, and the head moves on (one more statement on
PostgreSQL). The head is locked only for the last two statements and the commit. Every
writer of ``AuditEntry`` (logins, commands, refusals) gets this without a change: the
hook sees the rows, not the callers.

Retention (:func:`archive`) moves the oldest entries to a JSON-lines file and leaves the
last archived hash in the head as the chain's *anchor*, so what stays still verifies.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from sqlalchemy import event, insert, select, text
from sqlalchemy.orm import Session, UOWTransaction

from client.audit_chain import GENESIS, Verdict, entry_hash, verify_entries
from hub.bodies import AuditEntryJSON
from hub.db import Database
from hub.models import AuditEntry, AuditHead
from hub.timeutil import to_rfc3339, utcnow

MIN_RETENTION_DAYS = 180  # 网络安全法 §21: at least six months
_PENDING = "audit_chain_pending"


def entry_json(e: AuditEntry) -> AuditEntryJSON:
    """The entry as ``GET /audit`` answers it (``prev`` and ``hash`` included)."""
    return {"id": e.id, "at": to_rfc3339(e.at), "actor": e.actor, "role": e.role,
            "action": e.action, "target": e.target, "outcome": e.outcome, "addr": e.addr,
            "detail": e.detail, "prev": e.prev, "hash": e.hash}


# ---- chaining new entries inside the writing transaction
def _hold_back(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    """Flushes leave new audit rows to the commit (``_chain_pending``)."""
    new = [o for o in session.new if isinstance(o, AuditEntry)]
    if not new:
        return
    session.info.setdefault(_PENDING, []).extend(new)
    for entry in new:
        session.expunge(entry)


def _chain_pending(session: Session) -> None:
    """Just before the commit: lock the head and take the ids (one statement), hash the
    new entries in id order from the head, insert them and move the head on."""
    session.flush()
    pending: list[AuditEntry] = session.info.pop(_PENDING, [])
    if not pending:
        return
    conn = session.connection()
    head = conn.execute(_LOCK_HEAD[conn.dialect.name], {"n": len(pending)}).first()
    if head is None:  # a database whose chain was never started (see ensure_head)
        conn.execute(insert(_AUDIT), [_row(e) for e in pending])
        return
    prev, ids = head
    if conn.dialect.name != "postgresql":  # SQLite: one writer; the next rowids
        ids = list(range(ids + 1, ids + 1 + len(pending)))
    for entry, entry_id in zip(pending, ids, strict=True):
        entry.id, entry.prev = entry_id, prev
        entry.hash = prev = entry_hash(entry_json(entry))
    rows = [_row(e) for e in pending]
    moved = {"last_id": pending[-1].id, "last_hash": prev}
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_INSERT_AND_MOVE, {
            **moved, **{f"a_{c}": [r[c] for r in rows] for c in _COLUMNS}})
    else:
        conn.execute(insert(_AUDIT), rows)
        conn.execute(_MOVE_HEAD, moved)


def _row(entry: AuditEntry) -> dict[str, object]:
    row = {c: getattr(entry, c) for c in _COLUMNS}
    if row["id"] is None:
        del row["id"]
    return row


def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


_AUDIT = AuditEntry.__table__
_COLUMNS = ("id", "at", "actor", "role", "action", "target", "outcome", "addr", "detail",
            "region_path", "prev", "hash")
#: the head row locked to the commit and the entries' ids taken under that lock, so ids
#: are handed out in the order transactions chain them (also across hub processes).
#: PostgreSQL: the ids come from the table's own sequence, drawn in RETURNING (after the
#: row lock; correlated, so evaluated per row); SQLite: the last rowid (one writer).
_LOCK_HEAD = {
    "postgresql": text(
        "UPDATE audit_head SET last_id = last_id WHERE id = 1 RETURNING last_hash, "
        "ARRAY(SELECT nextval(pg_get_serial_sequence('audit', 'id')) "
        "FROM generate_series(1, CAST(:n AS integer) + 0 * audit_head.id))"),
    "sqlite": text(
        "UPDATE audit_head SET last_id = last_id WHERE id = 1 RETURNING last_hash, "
        "(SELECT coalesce(max(id), 0) FROM audit) + 0 * :n"),
}
_MOVE_HEAD = text("UPDATE audit_head SET last_id = :last_id, last_hash = :last_hash "
                  "WHERE id = 1")
_PG_INSERT_AND_MOVE = text(f"""
WITH added AS (
    INSERT INTO audit ({", ".join(_COLUMNS)})
    SELECT * FROM unnest(CAST(:a_id AS bigint[]), CAST(:a_at AS timestamptz[]),
        CAST(:a_actor AS varchar[]), CAST(:a_role AS varchar[]),
        CAST(:a_action AS varchar[]), CAST(:a_target AS varchar[]),
        CAST(:a_outcome AS varchar[]), CAST(:a_addr AS varchar[]),
        CAST(:a_detail AS text[]), CAST(:a_region_path AS varchar[]),
        CAST(:a_prev AS varchar[]), CAST(:a_hash AS varchar[]))
)
UPDATE audit_head SET last_id = :last_id, last_hash = :last_hash WHERE id = 1""")


def install(db: Database) -> None:
    """Chain every audit row written through ``db``'s write transactions; start the chain
    (and chain older unchained rows) if the database has none yet."""
    writer = db._writer  # noqa: SLF001 - the one sessionmaker of write transactions
    if not event.contains(writer, "before_flush", _hold_back):
        event.listen(writer, "before_flush", _hold_back)
        event.listen(writer, "before_commit", _chain_pending)
        event.listen(writer, "after_rollback", _forget_pending)
    ensure_head(db)


def ensure_head(db: Database) -> None:
    """Create the head row; chain any entry written before the chain existed."""
    with db.write() as tx:
        s = tx.session
        if s.get(AuditHead, 1) is not None:
            return
        s.add(AuditHead(id=1, last_id=0, last_hash=GENESIS, anchor_id=0,
                        anchor_hash=GENESIS))
        s.flush()
        prev, last = GENESIS, 0
        for entry in s.scalars(select(AuditEntry).order_by(AuditEntry.id)):
            entry.prev = prev
            entry.hash = prev = entry_hash(entry_json(entry))
            last = entry.id
        head = s.get(AuditHead, 1)
        assert head is not None
        head.last_id, head.last_hash = last, prev


# ---- verification
def verify(db: Database, page: int = 5000) -> Verdict:
    """Check the whole log in the database from the anchor to the head."""
    with db.read() as s:
        head = s.get(AuditHead, 1)
        anchor = head.anchor_hash if head else GENESIS
        head_last = (head.last_id, head.last_hash) if head else None

    def pages() -> Iterator[AuditEntryJSON]:
        after = 0
        while True:
            with db.read() as s:
                rows = list(s.scalars(select(AuditEntry).where(AuditEntry.id > after)
                                      .order_by(AuditEntry.id).limit(page)))
            yield from (entry_json(r) for r in rows)
            if len(rows) < page:
                return
            after = rows[-1].id

    return verify_entries(pages(), anchor, head_last)


# ---- retention
def archive(db: Database, retention_days: float, folder: Path) -> Path | None:
    """Move the entries older than ``retention_days`` (at least 180) to a JSON-lines file
    in ``folder``; the head keeps the last archived hash as the anchor. Returns the file,
    or None when nothing was old enough."""
    if retention_days < MIN_RETENTION_DAYS:
        raise ValueError(f"audit retention must be at least {MIN_RETENTION_DAYS} days")
    cutoff = utcnow() - timedelta(days=retention_days)
    with db.write() as tx:
        s = tx.session
        first_kept = s.scalar(select(AuditEntry.id).where(AuditEntry.at >= cutoff)
                              .order_by(AuditEntry.id).limit(1))
        query = select(AuditEntry).order_by(AuditEntry.id)
        if first_kept is not None:
            query = query.where(AuditEntry.id < first_kept)
        rows = list(s.scalars(query))
        if not rows:
            return None
        head = s.get(AuditHead, 1)
        assert head is not None
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"audit-{rows[0].id:012d}-{rows[-1].id:012d}.jsonl"
        tmp = path.with_suffix(".part")
        with tmp.open("w", encoding="utf-8") as out:
            out.write(json.dumps({"anchor": head.anchor_hash, "first_id": rows[0].id,
                                  "last_id": rows[-1].id, "written_at": to_rfc3339(utcnow())},
                                 ensure_ascii=False) + "\n")
            for row in rows:
                out.write(json.dumps(entry_json(row), ensure_ascii=False,
                                     sort_keys=True) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        head.anchor_id, head.anchor_hash = rows[-1].id, rows[-1].hash or GENESIS
        for row in rows:
            s.delete(row)
    return path


def verify_archive(path: Path) -> Verdict:
    """Check an archive file's chain from the anchor written in its first line."""
    with path.open(encoding="utf-8") as f:
        header = json.loads(f.readline())
        return verify_entries((json.loads(line) for line in f if line.strip()),
                              header["anchor"])
