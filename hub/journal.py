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

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import orjson
from sqlalchemy import Connection, bindparam, insert, text, update

from hub.bodies import EventJSON
from hub.db import WriteTx
from hub.models import Event, FeedEntry, Post
from hub.timeutil import to_rfc3339

if TYPE_CHECKING:
    from hub.pgnotify import Notifier


@dataclass(frozen=True, slots=True)
class Published:
    """One event as one post's feed carries it."""

    post_id: str
    seq: int
    frame: str


def encode_frame(seq: int, ts: str, type_: str, data_json: str) -> str:
    """Build the feed frame from the already-encoded ``data`` (encode once, not per post)."""
    return f'{{"seq":{seq},"ts":"{ts}","type":"{type_}","data":{data_json}}}'


def event_json(seq: int, ts: datetime, type_: str, data_json: str) -> EventJSON:
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
                 notifier: Notifier | None = None) -> None:
        self._publish = publish
        #: PostgreSQL: adds the NOTIFY of the seqs taken to the statement that takes them
        #: (delivered to the other hub processes at the commit, ``hub.pgnotify``)
        self._notifier = notifier

    def record(self, tx: WriteTx, type_: str, data: Mapping[str, object], *, post_ids: list[str],
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
        feed: list[tuple[str, int, int, datetime]] = []  # post, k-th of the post, event, ts
        for item in pending.items:
            ev = item.event
            for post_id in item.post_ids:
                k = wanted.get(post_id, 0)
                wanted[post_id] = k + 1
                feed.append((post_id, k, ev.id, ev.ts))
        conn = session.connection()
        if conn.dialect.name == "postgresql":
            first = self._take_pg(conn, wanted, feed, pending)
        else:
            first = _take_each(conn, wanted, feed)
        published: list[Published] = []
        for item in pending.items:
            ev = item.event
            ts = to_rfc3339(ev.ts) or ""
            for post_id in item.post_ids:
                seq = first[post_id]
                first[post_id] = seq + 1
                published.append(Published(post_id, seq, encode_frame(seq, ts, ev.type, ev.data)))
        tx.after_commit(lambda: self._publish(published))

    def _take_pg(self, conn: Connection, wanted: dict[str, int],
                 feed: list[tuple[str, int, int, datetime]], pending: _TxEvents
                 ) -> dict[str, int]:
        """One statement: lock the posts' rows in id order, take the seqs, insert the feed
        rows and (several hub processes) NOTIFY them; returns each post's first seq."""
        posts = sorted(wanted)
        params: dict[str, object] = {
            "posts": posts, "counts": [wanted[p] for p in posts],
            "f_posts": [f[0] for f in feed], "f_k": [f[1] for f in feed],
            "f_events": [f[2] for f in feed], "f_ts": [f[3] for f in feed]}
        if self._notifier is None:
            statement = _PG_TAKE
        else:
            statement = self._notifier.statement(_PG_TAKE_CTES, "taken")
            params.update(self._notifier.params(*_events_seen(pending)))
        return {row[0]: row[1] for row in conn.execute(statement, params)}


def _events_seen(pending: _TxEvents) -> tuple[list[tuple[str, str, str]], dict[str, list[int]]]:
    """The transaction's events as ``(ts, type, data)`` and, per post, the indexes of the
    ones it sees, in the order they are numbered (``hub.pgnotify`` carries them)."""
    events: list[tuple[str, str, str]] = []
    sees: dict[str, list[int]] = {}
    for index, item in enumerate(pending.items):
        ev = item.event
        events.append((to_rfc3339(ev.ts) or "", ev.type, ev.data))
        for post_id in item.post_ids:
            sees.setdefault(post_id, []).append(index)
    return events, sees


def _take_each(conn: Connection, wanted: dict[str, int],
               feed: list[tuple[str, int, int, datetime]]) -> dict[str, int]:
    """SQLite (one writer, in process): a statement per post, then the feed rows."""
    first: dict[str, int] = {}
    for post_id in sorted(wanted):  # one lock order for every transaction
        count = wanted[post_id]
        first[post_id] = conn.execute(_TAKE_SEQ, {"count": count, "post": post_id}
                                      ).scalar_one() - count + 1
    conn.execute(_FEED_INSERT, [{"post_id": post_id, "seq": first[post_id] + k,
                                 "event_id": event_id, "ts": ts}
                                for post_id, k, event_id, ts in feed])
    return first


# Plain Core statements, built once: the ORM's bulk-update machinery cost ~8 ms a command.
_POSTS = Post.__table__
_TAKE_SEQ = (update(_POSTS).where(_POSTS.c.id == bindparam("post"))
             .values(seq=_POSTS.c.seq + bindparam("count"))
             .returning(_POSTS.c.seq))
_FEED_INSERT = insert(FeedEntry.__table__)

#: PostgreSQL: the rows are locked in post-id order first (``locked``: LockRows above the
#: sort), so concurrent transactions neither deadlock nor leave gaps; ``taken`` is read
#: by the feed insert, the caller and the NOTIFY (``hub.pgnotify``)
_PG_TAKE_CTES = """
WITH wanted AS (
    SELECT w.post_id, w.n
    FROM unnest(CAST(:posts AS varchar[]), CAST(:counts AS bigint[])) AS w(post_id, n)
), locked AS MATERIALIZED (
    SELECT p.id FROM posts p WHERE p.id = ANY(CAST(:posts AS varchar[]))
    ORDER BY p.id FOR UPDATE
), taken AS (
    UPDATE posts p SET seq = p.seq + w.n
    FROM wanted w, locked l
    WHERE p.id = w.post_id AND l.id = p.id
    RETURNING p.id AS post_id, p.seq - w.n + 1 AS first_seq, p.seq AS last_seq
), fed AS (
    INSERT INTO feed (post_id, seq, event_id, ts)
    SELECT f.post_id, t.first_seq + f.k, f.event_id, f.ts
    FROM unnest(CAST(:f_posts AS varchar[]), CAST(:f_k AS bigint[]),
                CAST(:f_events AS bigint[]), CAST(:f_ts AS timestamptz[]))
         AS f(post_id, k, event_id, ts)
    JOIN taken t ON t.post_id = f.post_id
)"""
_PG_TAKE = text(_PG_TAKE_CTES + "\nSELECT post_id, first_seq FROM taken")
