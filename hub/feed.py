"""The live feed: ``GET /api/v1/feed?since=N`` upgraded to a WebSocket (aiohttp).

Order of work per connection: authenticate (401 refuses the handshake), subscribe to the
broker *before* reading the backlog (so nothing committed meanwhile is missed), refuse with
410 if ``since`` is older than what is kept, replay the backlog from the database in pages,
then forward live frames, skipping any already sent and filling any hole from the
database. A heartbeat goes out whenever ``heartbeat_s`` passes without a frame. A
subscriber that falls ``feed_queue_limit`` frames behind is disconnected (close code 1013);
it reconnects with ``since`` and catches up from the database. A database that fails
mid-stream closes the feed with 1011 "hub database unavailable"; the handshake of a
reconnection is refused with 503 until it is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
from aiohttp import WSMsgType, web

from hub import session_policy
from hub.broker import Subscriber
from hub.dbfaults import DatabaseUnavailable
from hub.errors import BadRequest, HubError, RateLimited
from hub.input_guard import parse_count
from hub.timeutil import to_rfc3339, utcnow

if TYPE_CHECKING:
    from hub.app import Hub

log = logging.getLogger(__name__)
REPLAY_PAGE = 2000
REPLAY_FIRST_PAGE = 200
REPLAY_PAGE_BYTES = 4 * 1024 * 1024  # a replay page holds about this much (×replay_slots)
CLOSE_SESSION_ENDED = 4401  # the session was revoked or expired: the client logs in again
FAST_WRITE_BUFFER = 8 * 1024  # under the transport's low-water mark: never paused
T = TypeVar("T")


def _refusal(err: HubError) -> web.Response:
    return web.Response(body=orjson.dumps(err.body()), status=err.status,
                        content_type="application/json")


def _bearer(request: web.Request) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def dead_after_s(heartbeat_s: float) -> float:
    """How long the hub's frames (a heartbeat at least every ``heartbeat_s``) may stay
    unacknowledged by the console's machine before its connection counts as dead: three
    intervals, as the client counts a silent link, and at least 30 s."""
    return max(30.0, 3 * heartbeat_s)


def _drop_when_unacknowledged(transport: asyncio.BaseTransport | None, seconds: float) -> None:
    """TCP_USER_TIMEOUT (Linux) on a feed's socket: a console whose network went away
    (its machine no longer acknowledges anything) is dropped within ``seconds`` of the next
    heartbeat, not after TCP's ~15 minutes of retransmissions, and its slot under the
    per-user feed cap is free for its reconnection. A console that is alive but slow
    still acknowledges at the TCP level and is not affected (a slow reader is the
    broker's and the stall check's business)."""
    sock = transport.get_extra_info("socket") if transport is not None else None
    option = getattr(socket, "TCP_USER_TIMEOUT", None)
    if sock is None or option is None:
        return
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.IPPROTO_TCP, option, int(seconds * 1000))


class FeedConnection:
    """One subscriber's WebSocket session."""

    def __init__(self, hub: Hub, request: web.Request) -> None:
        self.hub = hub
        self.request = request
        self.ws = web.WebSocketResponse(compress=False, max_msg_size=1024 * 1024,
                                        autoping=True)
        self.last = 0
        self.sent_at = 0.0
        self.sending = True
        self._tasks: list[asyncio.Task[Any]] = []
        self.user_id = ""
        self.token = ""
        self.revoked = False
        self.stalled = False
        self.transport: asyncio.Transport | None = None  # set once the upgrade is done
        self.clock = asyncio.get_running_loop().time

    async def shutdown(self) -> None:
        """Close the connection because the hub stops (close code 1001)."""
        for task in self._tasks:
            task.cancel()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.ws.close(code=1001, message=b"hub stopping"), 2)

    async def _thread(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    async def run(self) -> web.StreamResponse:
        """Handshake, replay, then live frames until either side goes away."""
        hub, request = self.hub, self.request
        addr = request.remote or ""
        try:
            actor = await self._thread(hub.sessions.authenticate, _bearer(request), addr)
            session_policy.check(actor, "GET", "/api/v1/feed")
            if sum(1 for c in hub.feeds if c.user_id == actor.user_id) >= \
                    hub.config.feeds_per_user:
                raise RateLimited(f"at most {hub.config.feeds_per_user} feeds per user")
            self.user_id, self.token = actor.user_id, _bearer(request) or ""
            hub.feeds.add(self)  # the slot is taken before the next await (no check-then-act race)
            try:
                since = parse_count(request.query.get("since", "0"), "since")
            except ValueError as exc:
                hub.feeds.discard(self)
                raise BadRequest(str(exc)) from None
        except HubError as err:
            return _refusal(err)
        sub = hub.broker.subscribe(actor.post_id)
        try:
            try:
                await self._thread(hub.reads.check_since, actor.post_id, since)
            except HubError as err:
                return _refusal(err)
            await self.ws.prepare(request)
            transport = request.transport
            self.transport = transport if isinstance(transport, asyncio.Transport) else None
            _drop_when_unacknowledged(transport, dead_after_s(hub.config.heartbeat_s))
            self.last = since
            receiver = asyncio.create_task(self._receive())
            sender = asyncio.create_task(self._send(sub))
            dropped = asyncio.create_task(sub.dropped.wait())
            self._tasks = [receiver, sender, dropped]
            done, pending = await asyncio.wait({receiver, sender, dropped},
                                               return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
            for task in pending:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            for task in done:
                error = None if task.cancelled() else task.exception()
                if error is not None and not isinstance(error, ConnectionError | OSError):
                    log.warning("feed of %s ended: %r", actor.username, error)
            if sub.overflowed:
                log.warning("feed of %s for post %s dropped: fell %d frames behind",
                            actor.username, actor.post_id, sub.limit)
            db_down = any(not t.cancelled() and isinstance(t.exception(), DatabaseUnavailable)
                          for t in done)
            code, why = ((1013, b"too slow") if sub.overflowed or self.stalled
                         else (1011, b"hub database unavailable") if db_down else (1000, b""))
            if self.revoked:
                code, why = CLOSE_SESSION_ENDED, b"session ended; log in again"
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(code=code, message=why), 2)
            return self.ws
        finally:
            hub.feeds.discard(self)
            hub.broker.unsubscribe(sub)

    async def _receive(self) -> None:
        """Read (and ignore) what the client sends until it disconnects."""
        async for msg in self.ws:
            if msg.type in (WSMsgType.CLOSE, WSMsgType.ERROR):
                return

    def write_now(self, seq: int, wire: bytes) -> bool:
        """Write a live frame's WebSocket bytes (``hub.wsframe``) at once when idle and
        caught up (see hub.broker): one ``transport.write`` of the bytes every subscriber
        of the post shares, no encoding or framing per subscriber. A busy connection, a
        closing one, or one whose transport holds more than ``FAST_WRITE_BUFFER`` unsent
        bytes returns False, and the frame goes through the queue (``send_str`` waits for
        the drain there)."""
        if self.sending or seq != self.last + 1:
            return False
        transport = self.transport
        if (transport is None or transport.is_closing() or self.ws.closed
                or transport.get_write_buffer_size() > FAST_WRITE_BUFFER):
            return False
        transport.write(wire)
        self.last = seq
        self.sent_at = self.clock()
        return True

    async def _send_from_db(self, post_id: str, through: int | None = None) -> None:
        """Replay from the database in pages. Memory stays bounded however many clients
        never read: at most ``replay_slots`` pages of ~``REPLAY_PAGE_BYTES`` each are
        held at once hub-wide, and a client
        that takes no frame for ``feed_stall_s`` is dropped (1013; it resumes with since)."""
        stall = self.hub.config.feed_stall_s
        loop = asyncio.get_running_loop()
        page = REPLAY_FIRST_PAGE  # then sized to ~REPLAY_PAGE_BYTES from the frames seen
        while through is None or self.last < through:
            async with self.hub.replay_slots:
                frames = await self._thread(self.hub.reads.feed_frames, post_id, self.last,
                                            page)
                try:
                    async with asyncio.timeout(None) as deadline:  # one timer per page
                        for seq, frame in frames:
                            if through is not None and seq > through:
                                return
                            deadline.reschedule(loop.time() + stall)
                            await self.ws.send_str(frame)
                            self.last = seq
                except TimeoutError:
                    self.stalled = True
                    raise ConnectionError("the client took no frame in time") from None
                if len(frames) < page:
                    return
                average = sum(len(frame) for _, frame in frames) / len(frames)
                page = max(REPLAY_FIRST_PAGE // 2,
                           min(REPLAY_PAGE, int(REPLAY_PAGE_BYTES / average)))

    async def _send(self, sub: Subscriber) -> None:
        await self._send_from_db(sub.post_id)
        interval = self.hub.config.heartbeat_s
        ws = self.ws
        loop = asyncio.get_running_loop()
        self.sent_at = loop.time()
        beat_due = False
        timer: asyncio.TimerHandle  # the next check_beat; set just below

        def check_beat() -> None:  # one timer per quarter interval, not a wait_for per wake
            nonlocal beat_due, timer
            if loop.time() - self.sent_at >= interval * 0.75:
                beat_due = True
                sub.wakeup.set()
            timer = loop.call_later(interval / 4, check_beat)

        timer = loop.call_later(interval / 4, check_beat)
        sub.write_now = self.write_now
        try:
            while not sub.overflowed:
                self.sending = True
                queue = sub.queue
                while queue and not sub.overflowed:
                    seq, frame = queue.popleft()
                    if seq <= self.last:
                        continue
                    if seq > self.last + 1:  # a hole: take it from the database
                        await self._send_from_db(sub.post_id, through=seq - 1)
                    await ws.send_str(frame)
                    self.last = seq
                    self.sent_at = loop.time()
                if sub.overflowed or ws.closed:
                    return
                if beat_due:
                    beat_due = False
                    # a revoked or expired session ends its feed within one heartbeat
                    if not await self._thread(self.hub.sessions.still_valid, self.token):
                        self.revoked = True
                        return
                    self.sent_at = loop.time()
                    now = to_rfc3339(utcnow())
                    await ws.send_str(orjson.dumps({
                        "type": "heartbeat", "ts": now,
                        "data": {"server_time": now, "seq": self.last, "interval_s": interval},
                    }).decode())
                sub.wakeup.clear()
                if queue or beat_due:
                    continue
                self.sending = False
                await sub.wakeup.wait()
        finally:
            sub.write_now = None
            self.sending = True
            timer.cancel()
