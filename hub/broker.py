"""Fan-out of committed events to the feed's subscribers, one bounded queue each.

Runs on the server's event loop. ``publish_threadsafe`` is called by the committing thread
(under the write lock, so in commit order) and hops onto the loop. Frames are encoded once
per post, never per subscriber. A subscriber whose queue is full is marked ``overflowed``
and its connection is closed by its sender task: a slow consumer never stalls the hub or
the others; it reconnects with ``since`` and catches up from the database.

The common case — a caught-up subscriber whose socket buffer is not full — is written
directly from ``offer`` (no task switch per subscriber per event); only a busy or lagging
connection goes through its queue and sender task.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable

from hub.journal import Published


class Subscriber:
    """One feed connection's queue of ``(seq, frame)``.

    Attributes:
        post_id: the post whose feed it follows.
        overflowed: set when it fell more than ``limit`` frames behind.
    """

    def __init__(self, post_id: str, limit: int) -> None:
        self.post_id = post_id
        self.limit = limit
        self.queue: deque[tuple[int, str]] = deque()
        self.wakeup = asyncio.Event()
        self.dropped = asyncio.Event()
        self.overflowed = False
        #: set by an idle, caught-up connection: writes a frame at once and returns True,
        #: or returns False (busy, behind, or the socket's buffer is full) to queue it
        self.write_now: Callable[[int, str], bool] | None = None

    def offer(self, seq: int, frame: str) -> None:
        """Write the frame at once when the connection is idle, else queue it (or mark the
        subscriber as overflowed)."""
        if self.overflowed:
            return
        if not self.queue and self.write_now is not None and self.write_now(seq, frame):
            return
        if len(self.queue) >= self.limit:
            self.overflowed = True
            self.queue.clear()
            self.dropped.set()
        else:
            self.queue.append((seq, frame))
        self.wakeup.set()


class FeedBroker:
    """Subscribers by post, fed from committing threads."""

    def __init__(self, queue_limit: int) -> None:
        self.queue_limit = queue_limit
        self._subs: dict[str, set[Subscriber]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        """Attach to the event loop that runs the feed connections."""
        self._loop = loop

    @property
    def subscriber_count(self) -> int:
        """How many feed connections are subscribed."""
        return sum(len(s) for s in self._subs.values())

    def subscribe(self, post_id: str) -> Subscriber:
        """Register a new subscriber (on the loop)."""
        sub = Subscriber(post_id, self.queue_limit)
        self._subs.setdefault(post_id, set()).add(sub)
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        """Forget a subscriber (on the loop)."""
        subs = self._subs.get(sub.post_id)
        if subs is not None:
            subs.discard(sub)
            if not subs:
                del self._subs[sub.post_id]

    def publish_threadsafe(self, items: list[Published]) -> None:
        """Hand committed frames to the loop (from any thread)."""
        loop = self._loop
        if loop is None or loop.is_closed() or not items:
            return
        try:
            loop.call_soon_threadsafe(self._publish, items)
        except RuntimeError:  # loop closed while shutting down
            pass

    def _publish(self, items: list[Published]) -> None:
        for item in items:
            for sub in self._subs.get(item.post_id, ()):
                sub.offer(item.seq, item.frame)
