"""Fan-out between hub processes sharing one PostgreSQL: LISTEN/NOTIFY.

Writing: inside every write transaction that numbers events, the statement that takes
the seqs (``hub.journal``) also sends one NOTIFY per ``CHUNK_POSTS`` posts (``Notifier``)
carrying, per post, the first and last seq it took:
``{"t": <commit time ms>, "p": {"532301": [17, 18], …}}``, well under PostgreSQL's 8,000
bytes. PostgreSQL delivers notifications only when the transaction commits, in commit
order.

Reading: each process LISTENs on a dedicated connection (not from the pool). A payload
that carries its transaction's events (most do: ``Notifier``) gives the ``FeedBroker`` the
frames themselves, built once per post, and nothing is read back; otherwise it hands the
spans to the broker, which reads the frames from the events table once per post and
offers them to its subscribers in seq order. A lost LISTEN connection is re-established
with a capped backoff and followed by a catch-up read; a safety poll every ``poll_s``
compares each subscribed post's seq with what was offered and fills the difference, so a
notification lost in between delays frames by at most ``poll_s``, never loses them.

The channel is named after the database schema (``cp_feed_<schema>``), so hubs on separate
schemas of one database do not wake each other.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any

import orjson
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from hub.broker import FeedBroker
from hub.db import Database
from hub.journal import Published, encode_frame
from hub.models import Post

log = logging.getLogger(__name__)
PAYLOAD_LIMIT = 2000  # bytes per NOTIFY; PostgreSQL's own limit is 8000
#: posts per NOTIFY made in SQL: 40 × (a 40-character post id + two 19-digit seqs + JSON
#: punctuation, < 110 bytes) stays under 4,400 bytes
CHUNK_POSTS = 40
#: a payload with inline events stays under this (PostgreSQL refuses 8,000 bytes or more)
INLINE_LIMIT = 7800
PING_S = 5.0  # silence after which the listen connection is probed


def encode_payloads(spans: dict[str, tuple[int, int]], now_ms: int,
                    limit: int = PAYLOAD_LIMIT) -> list[str]:
    """The NOTIFY payloads for ``{post: (first, last)}``, each under ``limit`` bytes."""
    out: list[str] = []
    chunk: dict[str, list[int]] = {}
    size = 0
    for post_id, (first, last) in sorted(spans.items()):
        item = len(post_id) + 32
        if chunk and size + item > limit - 40:
            out.append(orjson.dumps({"t": now_ms, "p": chunk}).decode())
            chunk, size = {}, 0
        chunk[post_id] = [first, last]
        size += item
    if chunk:
        out.append(orjson.dumps({"t": now_ms, "p": chunk}).decode())
    return out


class Notifier:
    """Appends the NOTIFY of a transaction's seqs to the statement that takes them.

    The statement's common table expressions must end with one named ``taken`` holding
    ``(post_id, first_seq, last_seq)``; the payloads are those of ``encode_payloads``
    (``decode_payload`` reads both), one per ``CHUNK_POSTS`` posts. When the transaction's
    events fit (``inline_events``), its one payload also carries them: ``"e"``, the events
    as ``[ts, type, data]`` (data as the JSON text stored), and ``"x"``, per post, the
    indexes of the events it sees in seq order; another process then builds the frames
    from the payload instead of reading them back from the events table.
    """

    def __init__(self, channel: str) -> None:
        self.channel = channel
        self._statements: dict[tuple[str, str], Any] = {}

    def statement(self, ctes: str, taken: str) -> Any:
        """``ctes`` + a NOTIFY step, selecting ``(post_id, first_seq)`` from ``taken``."""
        key = (ctes, taken)
        stmt = self._statements.get(key)
        if stmt is None:
            stmt = self._statements[key] = text(f"""{ctes}, note AS (
    SELECT pg_notify(CAST(:channel AS text),
               '{{"t":' || CAST(:now_ms AS text) || CAST(:inline AS text) || ',"p":'
               || json_object_agg(c.post_id, json_build_array(c.first_seq, c.last_seq))::text
               || '}}')
    FROM (SELECT x.post_id, x.first_seq, x.last_seq,
                 (row_number() OVER (ORDER BY x.post_id) - 1) / {CHUNK_POSTS} AS chunk
          FROM {taken} x) c
    GROUP BY c.chunk
)
SELECT t.post_id, t.first_seq, (SELECT count(*) FROM note) AS notes FROM {taken} t""")
        return stmt

    def params(self, events: list[tuple[str, str, str]], sees: dict[str, list[int]]
               ) -> dict[str, Any]:
        """The channel, the time stamp (ms) and the inline events, if they fit."""
        return {"channel": self.channel, "now_ms": int(time.time() * 1000),
                "inline": inline_events(events, sees)}


def inline_events(events: list[tuple[str, str, str]], sees: dict[str, list[int]]) -> str:
    """``,"e":[…],"x":{…}`` for a payload, or "" when it would not fit in one NOTIFY
    (more than ``CHUNK_POSTS`` posts, or over ``INLINE_LIMIT`` bytes with the spans)."""
    if len(sees) > CHUNK_POSTS:
        return ""
    spans = sum(len(post_id) + 48 for post_id in sees) + 40
    part = (',"e":' + orjson.dumps([list(e) for e in events]).decode()
            + ',"x":' + orjson.dumps(sees).decode())
    return part if len(part.encode()) + spans <= INLINE_LIMIT else ""


def decode_payload(payload: str) -> tuple[float, dict[str, tuple[int, int]]]:
    """``(commit time in s, {post: (first, last)})``; raises ValueError on a bad payload."""
    committed, spans, _frames = decode_notification(payload)
    return committed, spans


def decode_notification(payload: str, follows: Callable[[str], bool] = lambda _post: True
                        ) -> tuple[float, dict[str, tuple[int, int]], list[Published] | None]:
    """``(commit time in s, {post: (first, last)}, frames)``: the frames of the posts
    ``follows`` names when the payload carries its events (else None: they are read from
    the events table); raises ValueError on a bad payload."""
    try:
        obj = orjson.loads(payload)
        spans = {str(post): (int(span[0]), int(span[1])) for post, span in obj["p"].items()}
        frames = _frames_of(obj, spans, follows) if "e" in obj else None
        return float(obj["t"]) / 1000.0, spans, frames
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, IndexError,
            AttributeError) as exc:
        raise ValueError(f"bad feed notification: {payload[:80]!r}") from exc


def _frames_of(obj: dict[str, Any], spans: dict[str, tuple[int, int]],
               follows: Callable[[str], bool]) -> list[Published]:
    events = [(str(ts), str(type_), str(data)) for ts, type_, data in obj["e"]]
    frames: list[Published] = []
    for post_id, indexes in obj["x"].items():
        first, last = spans[post_id]
        if not follows(post_id):
            continue
        if len(indexes) != last - first + 1:
            raise ValueError(f"post {post_id}: {len(indexes)} events for seqs {first}..{last}")
        for k, index in enumerate(indexes):
            ts, type_, data = events[index]
            frames.append(Published(post_id, first + k,
                                    encode_frame(first + k, ts, type_, data)))
    return frames


def channel_of(db: Database) -> str:
    """The NOTIFY channel of this database schema."""
    with db.read() as s:
        schema = s.scalar(text("SELECT current_schema()")) or "public"
    return f"cp_feed_{schema}"[:63]


def conninfo_of(url: str) -> str:
    """A libpq connection string for a SQLAlchemy ``postgresql+psycopg://`` URL."""
    from psycopg.conninfo import make_conninfo

    u = make_url(url)
    params: dict[str, Any] = {"host": u.host, "port": u.port, "user": u.username,
                              "password": u.password, "dbname": u.database,
                              "connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10,
                              "keepalives_interval": 5, "keepalives_count": 3,
                              "application_name": "commandpost-hub-listen"}
    for key, value in u.query.items():
        params[key] = value if isinstance(value, str) else value[-1]
    return make_conninfo(**{k: v for k, v in params.items() if v is not None})


class PgFanout:
    """One hub process's side of the LISTEN/NOTIFY fan-out.

    Attributes:
        channel: the NOTIFY channel.
        up: whether the LISTEN connection is established.
        notifications, bad_notifications, reconnects: counts since start.
        queue_usage: ``pg_notification_queue_usage()`` at the last poll (0..1): the
            NOTIFY backlog, which grows when some listener does not read.
        behind: events committed but not yet offered here, summed over the subscribed
            posts, at the last poll.
        on_delay: called with the seconds from a notifying commit to its frames' offer.
    """

    def __init__(self, db: Database, broker: FeedBroker, poll_s: float = 1.0) -> None:
        self.db = db
        self.broker = broker
        self.poll_s = poll_s
        self.channel = channel_of(db)
        self.conninfo = conninfo_of(db.url)
        self.up = False
        self.notifications = 0
        self.bad_notifications = 0
        self.reconnects = 0
        self.queue_usage = 0.0
        self.behind = 0
        self.on_delay: Callable[[float], None] | None = None
        #: the writing side: ``hub.journal`` NOTIFYs through it inside each transaction
        self.notifier = Notifier(self.channel)

    # ---- reading side (on the event loop)
    async def run(self) -> None:
        """Listen and poll until cancelled."""
        poller = asyncio.create_task(self._poll_forever())
        try:
            await self._listen_forever()
        finally:
            poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await poller

    def _on_payload(self, payload: str) -> None:
        self.notifications += 1
        try:
            committed, spans, frames = decode_notification(payload, self.broker.follows)
        except ValueError as exc:
            self.bad_notifications += 1
            log.warning("%s", exc)
            return
        if self.on_delay is not None:
            self.on_delay(max(0.0, time.time() - committed))
        if frames is not None:  # the events came along: no read from the database
            self.broker.committed(frames)
        else:
            self.broker.announced(spans)

    async def _listen_forever(self) -> None:
        import psycopg
        from psycopg import sql

        backoff = 0.25
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(self.conninfo, autocommit=True)
                async with conn:
                    await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
                    if not self.up:
                        log.info("listening on %s", self.channel)
                    self.up = True
                    backoff = 0.25
                    await self.catch_up()  # whatever was committed while not listening
                    while True:
                        async for note in conn.notifies(timeout=PING_S):
                            self._on_payload(note.payload)
                        await conn.execute("SELECT 1")  # silent: is the connection alive?
            except asyncio.CancelledError:
                self.up = False
                raise
            except Exception as exc:
                if self.up:
                    log.warning("feed LISTEN connection lost: %s",
                                (str(exc).splitlines() or [repr(exc)])[0])
                self.up = False
                self.reconnects += 1
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 2.0)

    async def _poll_forever(self) -> None:
        while True:
            await asyncio.sleep(self.poll_s)
            try:
                await self.catch_up()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # database down: readiness says so; try again
                log.debug("feed safety poll failed: %s", exc)

    async def catch_up(self) -> None:
        """Compare the subscribed posts' seqs with what was offered; fill the difference."""
        heads = self.broker.heads()
        if not heads:
            return
        loop = asyncio.get_running_loop()
        seqs, usage = await loop.run_in_executor(None, self._read_seqs, list(heads))
        self.queue_usage = usage
        spans: dict[str, tuple[int, int]] = {}
        behind = 0
        for post_id, seq in seqs.items():
            head = heads.get(post_id)
            if head is None:
                if seq > 0:
                    spans[post_id] = (seq, seq)
            elif seq > head:
                spans[post_id] = (head + 1, seq)
                behind += seq - head
        self.behind = behind
        if spans:
            self.broker.announced(spans)

    def _read_seqs(self, post_ids: list[str]) -> tuple[dict[str, int], float]:
        with self.db.read() as s:
            rows = s.execute(select(Post.id, Post.seq).where(Post.id.in_(post_ids))).all()
            usage = s.scalar(text("SELECT pg_notification_queue_usage()")) or 0.0
        return {post_id: seq for post_id, seq in rows}, float(usage)
