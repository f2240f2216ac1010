"""Fan-out of committed events to the feed's subscribers, one bounded queue each.

Runs on the server's event loop. ``publish_threadsafe`` is called by the committing thread
(under the write lock, so in commit order) and hops onto the loop. Frames are encoded once
per post, never per subscriber. A subscriber whose queue is full is marked ``overflowed``
and its connection is closed by its sender task: a slow consumer never stalls the hub or
the others; it reconnects with ``since`` and catches up from the database.

The common case — a caught-up subscriber whose socket buffer is not full — is written
directly from ``offer`` (no task switch per subscriber per event): the WebSocket frame is
built once per post (``hub.wsframe``) and the same bytes go to every such transport. Only
a busy or lagging connection goes through its queue and sender task.

With several hub processes on one PostgreSQL (``hub.pgnotify``), frames committed by
another process are announced (``announced``: post, first and last seq) rather than
handed over. The broker keeps, per post with subscribers, the ``head`` it has offered and
hands frames on strictly in seq order: whatever lies between the head and a frame that
arrives early (or an announced seq) is read from the events table once per post — one
read and one encoding per post per process, however many subscribers there are.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable

from hub.journal import Published
from hub.wsframe import text_frame

log = logging.getLogger(__name__)
FILL_PAGE = 2000
EARLY_GRACE_S = 0.01  # a frame ahead of the head waits this long for the ones before it
#: reads ``(post_id, after_seq, limit)`` → ``[(seq, frame), …]`` in seq order (a thread)
FrameReader = Callable[[str, int, int], list[tuple[int, str]]]


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
        #: set by an idle, caught-up connection: writes a frame's wire bytes
        #: (``hub.wsframe``) at once and returns True, or returns False (busy, behind, or
        #: the socket's buffer is full) to queue it
        self.write_now: Callable[[int, bytes], bool] | None = None

    def offer(self, seq: int, frame: str, wire: bytes) -> None:
        """Write the frame (``wire``: its WebSocket bytes) at once when the connection is
        idle, else queue it (or mark the subscriber as overflowed)."""
        if self.overflowed:
            return
        if not self.queue and self.write_now is not None and self.write_now(seq, wire):
            return
        if len(self.queue) >= self.limit:
            self.overflowed = True
            self.queue.clear()
            self.dropped.set()
        else:
            self.queue.append((seq, frame))
        self.wakeup.set()


class _PostLine:
    """The ordering state of one post's frames in this process."""

    __slots__ = ("head", "target", "early", "filling")

    def __init__(self) -> None:
        self.head: int | None = None  # last seq offered (None: nothing seen yet)
        self.target = 0  # highest seq known to be committed
        self.early: dict[int, str] = {}  # frames past a gap, waiting for it to be filled
        self.filling = False


class FeedBroker:
    """Subscribers by post, fed from committing threads and from announcements.

    Attributes:
        frames_out: frames offered to subscribers so far (one per subscriber).
        filled: frames read back from the database to close a gap.
    """

    def __init__(self, queue_limit: int, read_frames: FrameReader | None = None) -> None:
        self.queue_limit = queue_limit
        self.read_frames = read_frames
        self._subs: dict[str, set[Subscriber]] = {}
        self._lines: dict[str, _PostLine] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self.frames_out = 0
        self.filled = 0
        self.on_lag: Callable[[float], None] | None = None

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        """Attach to the event loop that runs the feed connections."""
        self._loop = loop

    @property
    def subscriber_count(self) -> int:
        """How many feed connections are subscribed."""
        return sum(len(s) for s in self._subs.values())

    def heads(self) -> dict[str, int | None]:
        """The last seq offered per post with subscribers (None: none seen yet)."""
        return {post: line.head for post, line in self._lines.items()}

    def follows(self, post_id: str) -> bool:
        """Whether any subscriber here follows the post's feed."""
        return post_id in self._lines

    def subscribe(self, post_id: str) -> Subscriber:
        """Register a new subscriber (on the loop)."""
        sub = Subscriber(post_id, self.queue_limit)
        self._subs.setdefault(post_id, set()).add(sub)
        self._lines.setdefault(post_id, _PostLine())
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        """Forget a subscriber (on the loop)."""
        subs = self._subs.get(sub.post_id)
        if subs is not None:
            subs.discard(sub)
            if not subs:
                del self._subs[sub.post_id]
                line = self._lines.get(sub.post_id)
                if line is not None and not line.filling:
                    del self._lines[sub.post_id]

    def publish_threadsafe(self, items: list[Published]) -> None:
        """Hand committed frames to the loop (from any thread)."""
        loop = self._loop
        if loop is None or loop.is_closed() or not items:
            return
        try:
            loop.call_soon_threadsafe(self._publish, items)
        except RuntimeError:  # loop closed while shutting down
            pass

    def announce_threadsafe(self, spans: dict[str, tuple[int, int]]) -> None:
        """Tell the loop that seqs ``first..last`` of these posts are committed."""
        loop = self._loop
        if loop is None or loop.is_closed() or not spans:
            return
        try:
            loop.call_soon_threadsafe(self.announced, spans)
        except RuntimeError:
            pass

    # ---- on the loop
    def _publish(self, items: list[Published]) -> None:
        for item in items:
            line = self._lines.get(item.post_id)
            if line is not None:
                self._arrive(item.post_id, line, item.seq, item.frame)

    def committed(self, items: list[Published]) -> None:
        """Frames committed by another process, carried by its NOTIFY (on the loop)."""
        self._publish(items)

    def announced(self, spans: dict[str, tuple[int, int]]) -> None:
        """Seqs ``first..last`` of each post are committed (another process, or a poll)."""
        for post_id, (first, last) in spans.items():
            line = self._lines.get(post_id)
            if line is None:
                continue
            if line.head is None:
                line.head = first - 1
            if last > line.head:
                line.target = max(line.target, last)
                self._start_fill(post_id, line)

    def _offer(self, post_id: str, line: _PostLine, seq: int, frame: str) -> None:
        subs = self._subs.get(post_id, ())
        if subs:
            wire = text_frame(frame)  # framed once, written as it is to every subscriber
            for sub in subs:
                sub.offer(seq, frame, wire)
            self.frames_out += len(subs)
        line.head = seq
        line.target = max(line.target, seq)

    def _arrive(self, post_id: str, line: _PostLine, seq: int, frame: str) -> None:
        head = line.head
        if head is None or seq == head + 1:
            self._offer(post_id, line, seq, frame)
            self._drain_early(post_id, line)
        elif seq > head + 1:  # frames committed just before (another process, or another
            line.early[seq] = frame  # thread of this one not yet published): wait a moment,
            line.target = max(line.target, seq - 1)  # then read what is still missing
            self._start_fill(post_id, line, delay=EARLY_GRACE_S)

    def _drain_early(self, post_id: str, line: _PostLine) -> None:
        early = line.early
        while early and line.head is not None:
            frame = early.pop(line.head + 1, None)
            if frame is None:
                for seq in [s for s in early if s <= line.head]:
                    del early[seq]
                return
            self._offer(post_id, line, line.head + 1, frame)

    def _start_fill(self, post_id: str, line: _PostLine, delay: float = 0.0) -> None:
        if line.filling or self.read_frames is None or self._loop is None:
            return
        line.filling = True
        self._loop.create_task(self._fill(post_id, line, delay))

    async def _fill(self, post_id: str, line: _PostLine, delay: float = 0.0) -> None:
        """Read the frames between the head and the target from the database, in order."""
        assert self.read_frames is not None
        loop = asyncio.get_running_loop()
        failures = 0
        try:
            if delay:
                await asyncio.sleep(delay)
            while line.head is not None and line.target > line.head:
                if post_id not in self._subs:
                    return
                try:
                    frames = await loop.run_in_executor(
                        None, self.read_frames, post_id, line.head,
                        min(FILL_PAGE, line.target - line.head))
                except Exception as exc:  # database down: the safety poll tries again
                    failures += 1
                    if failures >= 3:
                        log.warning("feed of post %s: gap fill failed: %s", post_id, exc)
                        return
                    await asyncio.sleep(0.2 * failures)
                    continue
                if not frames:
                    return
                for seq, frame in frames:  # in order; a pruned hole is skipped over
                    if seq > line.head:
                        self.filled += 1
                        self._offer(post_id, line, seq, frame)
                self._drain_early(post_id, line)
        finally:
            line.filling = False
            if post_id not in self._subs:
                self._lines.pop(post_id, None)
