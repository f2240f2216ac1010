"""Events: stored once, numbered in the feed of every post that sees them.

Within a write transaction, ``Journal.record`` queues events; just before the commit their
numbers are taken from each post's counter row (locked, in post-id order, so concurrent
transactions on PostgreSQL neither deadlock nor leave gaps: the next transaction waits for
this one's commit). After the commit the encoded frames go to the feed broker (on SQLite
in commit order, under the write lock; on PostgreSQL the broker restores seq order, see
``hub.db`` and ``hub.broker``), and on PostgreSQL a NOTIFY sent inside the transaction
tells the other hub processes (``hub.pgnotify``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import bindparam, insert, update

from hub.db import WriteTx
from hub.models import Event, FeedEntry, Post
from hub.timeutil import to_rfc3339


@dataclass(frozen=True, slots=True)
class Published:
    """One event as one post's feed carries it."""

    post_id: str
    seq: int
    frame: str


def encode_frame(seq: int, ts: str, type_: str, data_json: str) -> str:
    """Build the feed frame from the already-encoded ``data`` (encode once, not per post)."""
    return f'{{"seq":{seq},"ts":"{ts}","type":"{type_}","data":{data_json}}}'


def event_json(seq: int, ts: datetime, type_: str, data_json: str) -> dict[str, Any]:
    """The event object of ``GET /events`` and history."""
    return {"seq": seq, "ts": to_rfc3339(ts), "type": type_, "data": orjson.loads(data_json)}


@dataclass(slots=True)
class _Pending:
    event: Event
    post_ids: list[str]


@dataclass(slots=True)
class _TxEvents:
    items: list[_Pending] = field(default_factory=list)


class Journal:
    """Records events in a transaction and hands the committed frames to ``publish``."""

    def __init__(self, publish: Callable[[list[Published]], None],
                 announce: Callable[[Any, dict[str, tuple[int, int]]], None] | None = None
                 ) -> None:
        self._publish = publish
        #: called inside the transaction with its connection and ``{post: (first, last)}``
        #: (PostgreSQL: a NOTIFY, delivered to the other hub processes at the commit)
        self._announce = announce

    def record(self, tx: WriteTx, type_: str, data: dict[str, Any], *, post_ids: list[str],
               now: datetime, case_id: str | None = None) -> None:
        """Queue an event for ``post_ids``; numbered at commit."""
        if not post_ids:
            return
        pending: _TxEvents | None = getattr(tx, "_journal", None)
        if pending is None:
            pending = _TxEvents()
            tx._journal = pending  # type: ignore[attr-defined]
            tx.before_commit(lambda: self._number(tx, pending))
        event = Event(type=type_, ts=now, case_id=case_id,
                      data=orjson.dumps(data).decode())
        tx.session.add(event)
        pending.items.append(_Pending(event, sorted(set(post_ids))))

    def _number(self, tx: WriteTx, pending: _TxEvents) -> None:
        session = tx.session
        session.flush()  # the events' ids
        wanted: dict[str, int] = {}
        for item in pending.items:
            for post_id in item.post_ids:
                wanted[post_id] = wanted.get(post_id, 0) + 1
        conn = session.connection()
        next_seq: dict[str, int] = {}
        for post_id in sorted(wanted):  # one lock order for every transaction
            count = wanted[post_id]
            last = conn.execute(_TAKE_SEQ, {"count": count, "post": post_id}).scalar_one()
            next_seq[post_id] = last - count + 1
        rows: list[dict[str, Any]] = []
        published: list[Published] = []
        for item in pending.items:
            ev = item.event
            ts = to_rfc3339(ev.ts) or ""
            for post_id in item.post_ids:
                seq = next_seq[post_id]
                next_seq[post_id] = seq + 1
                rows.append({"post_id": post_id, "seq": seq, "event_id": ev.id, "ts": ev.ts})
                published.append(Published(post_id, seq, encode_frame(seq, ts, ev.type, ev.data)))
        conn.execute(_FEED_INSERT, rows)
        if self._announce is not None:
            self._announce(conn, {post_id: (next_seq[post_id] - count, next_seq[post_id] - 1)
                                  for post_id, count in wanted.items()})
        tx.after_commit(lambda: self._publish(published))


# Plain Core statements, built once: the ORM's bulk-update machinery cost ~8 ms a command.
_TAKE_SEQ = (update(Post.__table__).where(Post.__table__.c.id == bindparam("post"))
             .values(seq=Post.__table__.c.seq + bindparam("count"))
             .returning(Post.__table__.c.seq))
_FEED_INSERT = insert(FeedEntry.__table__)
