"""The live feed: ``GET /api/v1/feed?since=N`` upgraded to a WebSocket.

Order of work per connection: authenticate (401 refuses the handshake), subscribe to the
broker *before* reading the backlog (so nothing committed meanwhile is missed), refuse with
410 if ``since`` is older than what is kept, replay the backlog from the database in pages,
then forward live frames, skipping any already sent and filling any hole from the
database. A heartbeat goes out whenever ``heartbeat_s`` passes without a frame.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.websockets import WebSocket, WebSocketDisconnect

from hub.broker import Subscriber
from hub.errors import BadRequest, HubError
from hub.timeutil import to_rfc3339, utcnow

if TYPE_CHECKING:
    from hub.app import Hub

log = logging.getLogger(__name__)
REPLAY_PAGE = 2000


def _denial(err: HubError) -> Response:
    return Response(orjson.dumps(err.body()), status_code=err.status,
                    media_type="application/json")


def _bearer(ws: WebSocket) -> str | None:
    header = ws.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


class FeedConnection:
    """One subscriber's WebSocket session."""

    def __init__(self, hub: Hub, ws: WebSocket) -> None:
        self.hub = hub
        self.ws = ws
        self.last = 0
        self.closed = asyncio.Event()

    async def run(self) -> None:
        """Handshake, replay, then live frames until either side goes away."""
        hub, ws = self.hub, self.ws
        addr = ws.client.host if ws.client else ""
        try:
            actor = await run_in_threadpool(hub.sessions.authenticate, _bearer(ws), addr)
            raw_since = ws.query_params.get("since", "0")
            if not raw_since.isdigit():
                raise BadRequest("since must be a non-negative integer")
            since = int(raw_since)
        except HubError as err:
            await ws.send_denial_response(_denial(err))
            return
        sub = hub.broker.subscribe(actor.post_id)
        try:
            try:
                await run_in_threadpool(hub.reads.check_since, actor.post_id, since)
            except HubError as err:
                await ws.send_denial_response(_denial(err))
                return
            await ws.accept()
            self.last = since
            receiver = asyncio.create_task(self._receive())
            sender = asyncio.create_task(self._send(sub))
            dropped = asyncio.create_task(sub.dropped.wait())
            _, pending = await asyncio.wait({receiver, sender, dropped},
                                               return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
            for task in pending:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            if sub.overflowed:
                log.warning("feed of %s for post %s dropped: fell %d frames behind",
                            actor.username, actor.post_id, sub.limit)
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(ws.close(code=1013, reason="too slow"), 2)
        finally:
            hub.broker.unsubscribe(sub)

    async def _receive(self) -> None:
        """Read (and ignore) what the client sends until it disconnects."""
        with contextlib.suppress(WebSocketDisconnect, RuntimeError):
            while True:
                message = await self.ws.receive()
                if message["type"] == "websocket.disconnect":
                    return

    async def _send_from_db(self, post_id: str, through: int | None = None) -> None:
        while through is None or self.last < through:
            frames = await run_in_threadpool(self.hub.reads.feed_frames, post_id, self.last,
                                             REPLAY_PAGE)
            for seq, frame in frames:
                if through is not None and seq > through:
                    return
                await self.ws.send_text(frame)
                self.last = seq
            if len(frames) < REPLAY_PAGE:
                return

    async def _send(self, sub: Subscriber) -> None:
        await self._send_from_db(sub.post_id)
        interval = self.hub.config.heartbeat_s
        while not sub.overflowed:
            while sub.queue and not sub.overflowed:
                seq, frame = sub.queue.popleft()
                if seq <= self.last:
                    continue
                if seq > self.last + 1:  # a hole: take it from the database
                    await self._send_from_db(sub.post_id, through=seq - 1)
                await self.ws.send_text(frame)
                self.last = seq
            if sub.overflowed:
                return
            sub.wakeup.clear()
            if sub.queue:
                continue
            try:
                await asyncio.wait_for(sub.wakeup.wait(), interval)
            except TimeoutError:
                now = to_rfc3339(utcnow())
                await self.ws.send_text(orjson.dumps({
                    "type": "heartbeat", "ts": now,
                    "data": {"server_time": now, "seq": self.last, "interval_s": interval},
                }).decode())
