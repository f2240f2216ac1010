"""Feed → GUI bridge: batches from the Feed thread reach the panes at most ~10 times a second.

The Feed runs in its own thread and queues :class:`client.batch.Batch` objects. A 100 ms
timer on the GUI thread drains them (``Feed.drain()``) into a backlog, applies them to the
State, merges the ChangeSets and hands each turn's merged set and events to the
:class:`console.distributor.ChangeDistributor`, which calls the panes (``on_changes``,
then ``on_events``). The bridge is the distributor's pump: its expedite pump calls
:meth:`Bridge.pump`.

Each turn is time-budgeted (:data:`TURN_BUDGET_MS` for applying *and* delivering): the
bridge applies only as many events as it expects to fit (a running per-event cost), and a
large batch is split. What is left (a catch-up after a reconnect or a restart from the
cache) continues on a 1 ms single-shot timer (``bridgeMoreTimer``) — a real timer, never
``singleShot(0)`` chains: events posted while posted events are being sent run in the same
pass and would starve every other timer. So normal traffic reaches the panes at most ~10
times a second, and a catch-up in slices that keep the event loop responsive. A 1 s timer moves time (``State.tick``), hands the
resulting changes to the panes and calls their ``on_tick``. The link status is polled on
every fast tick and announced when it changes.

A pane that raises is logged and skipped (by the distributor); it never stops the bridge
or the other panes.

Threading: GUI thread only; the only cross-thread calls are ``Feed.drain()`` and
``Feed.status()``, both thread-safe.
"""

from __future__ import annotations

import gc
import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext

from client.batch import Batch
from client.feed import SESSION_EXPIRED, Feed, LinkStatus
from client.protocol import Event
from client.state import ChangeSet, State
from console.distributor import ChangeDistributor, Receiver
from widgets.qt import QObject, QTimer, Signal

log = logging.getLogger(__name__)

FAST_MS = 100
SLOW_MS = 1000
#: at most this much applying + delivering per turn of the event loop (ms)
TURN_BUDGET_MS = 8.0
#: a catch-up continues after this pause (ms), so timers and input get their turn
MORE_MS = 1
#: events applied per step within a turn (the budget is checked between steps)
STEP_EVENTS = 50
#: first guess of the cost of one event (apply + panes), in seconds
_FIRST_COST = 40e-6


def freeze_loaded() -> None:
    """Collect once, then move every object alive now out of the cyclic GC's reach.

    Called after a snapshot load: the State's ~100,000 cases and the panes' caches then
    no longer get rescanned by every full collection (a 25-45 ms pause on the GUI thread
    each time). Frozen objects are still freed by reference counting; only reference
    cycles among them would outlive a later reload (the snapshot's objects have none).
    """
    gc.collect()
    gc.freeze()


class Bridge(QObject):
    """Pumps the Feed into the State and the panes.

    Attributes:
        feed: the Feed (None until :meth:`attach`).
        state: the State the batches are applied to.
        distributor: where the merged change sets, events and ticks go.
        deliveries: how many times ``on_changes`` went out (for checks: ≤ 10/s).

    Signals:
        sig_link(object): the LinkStatus changed (state, retry or counters of interest).
        sig_session_expired(): the feed got a 401 and waits for a new login.
        sig_changes(object): a merged ChangeSet was delivered to the panes (the
            distributor's ``sig_changes``, forwarded).
        sig_fatal(str): the feed stopped for good (e.g. a damaged cache file).
    """

    sig_link = Signal(object)
    sig_session_expired = Signal()
    sig_changes = Signal(object)
    sig_fatal = Signal(str)

    def __init__(self, state: State,
                 distributor: ChangeDistributor | Callable[[], Sequence[Receiver]],
                 *, clock: Callable[[], float] = time.time,
                 background: Callable[[], AbstractContextManager] = nullcontext,
                 parent: QObject | None = None) -> None:
        """``distributor``: the distributor to pump into, or (benches, tests) a function
        listing the panes, wrapped in a new distributor using ``background``."""
        super().__init__(parent)
        self.state = state
        if not isinstance(distributor, ChangeDistributor):
            distributor = ChangeDistributor(source=distributor, background=background,
                                            parent=self)
        self.distributor = distributor
        distributor.set_pump(self.pump)
        distributor.sig_changes.connect(self.sig_changes)
        self.feed: Feed | None = None
        self._clock = clock
        self._last_link: tuple | None = None
        self._fatal_reported = False
        self.link: LinkStatus | None = None
        self._fast = QTimer(self)
        self._fast.setObjectName("bridgeFastTimer")
        self._fast.setInterval(FAST_MS)
        self._fast.timeout.connect(self._on_fast)
        self._slow = QTimer(self)
        self._slow.setObjectName("bridgeSlowTimer")
        self._slow.setInterval(SLOW_MS)
        self._slow.timeout.connect(self._on_slow)
        self._more = QTimer(self)
        self._more.setObjectName("bridgeMoreTimer")
        self._more.setSingleShot(True)
        self._more.setInterval(MORE_MS)
        self._more.timeout.connect(self._on_more)
        self._backlog: deque[Batch] = deque()
        self._cost = _FIRST_COST  # running seconds per event (apply + deliver)
        self.budget_ms = TURN_BUDGET_MS

    # ---- Public API

    def attach(self, feed: Feed) -> None:
        """Pump ``feed`` from now on (starts the timers)."""
        self.feed = feed
        self._fast.start()
        self._slow.start()

    def stop(self) -> None:
        """Stop the timers (the Feed is stopped by its owner)."""
        self._fast.stop()
        self._slow.stop()
        self._more.stop()

    @property
    def deliveries(self) -> int:
        """How many change sets went out to the panes."""
        return self.distributor.deliveries

    @property
    def backlog(self) -> int:
        """Events drained from the Feed and not applied yet."""
        return sum(max(1, len(b.events)) for b in self._backlog)

    def pump(self) -> ChangeSet | None:
        """Drain and apply one budgeted turn now (what the fast timer does); return the
        merged changes of that turn."""
        return self._on_fast()

    # ---- Internals

    def _on_fast(self) -> ChangeSet | None:
        feed = self.feed
        if feed is None:
            return None
        try:
            self._backlog.extend(feed.drain())
        except Exception:
            log.exception("draining the feed failed")
        merged = self._turn()
        self._poll_link()
        return merged

    def _on_more(self) -> None:
        self._turn()

    def _turn(self) -> ChangeSet | None:
        """Apply what fits in the budget, deliver it, and continue soon if more is left."""
        if not self._backlog:
            return None
        start = time.perf_counter()
        budget = self.budget_ms / 1000.0
        # how many events are expected to fit (apply + deliver), at least one step
        allowance = max(STEP_EVENTS, int(budget / max(self._cost, 1e-7)))
        merged: ChangeSet | None = None
        events: list[Event] = []
        applied = 0
        snapshot = False
        try:
            while self._backlog and applied < allowance:
                batch = self._take(min(STEP_EVENTS, allowance - applied))
                cs = self.state.apply_batch(batch)
                applied += len(batch.events)
                if merged is None:
                    merged = cs
                else:
                    merged.merge(cs)
                if batch.snapshot is not None:
                    snapshot = True
                    events.clear()  # a reset: the panes reload everything
                events.extend(batch.events)
                if batch.snapshot is not None or time.perf_counter() - start > budget:
                    break
        except Exception:
            log.exception("applying a feed batch failed")
        if merged is not None and merged:
            self._deliver(merged, events)
        if snapshot:
            freeze_loaded()
        if applied >= STEP_EVENTS and not snapshot:  # enough to learn from
            per = (time.perf_counter() - start) / applied
            self._cost = 0.7 * self._cost + 0.3 * per
        if self._backlog and not self._more.isActive():
            self._more.start()
        return merged

    def _take(self, n: int) -> Batch:
        """The next ``n`` events of the backlog (a larger batch is split)."""
        batch = self._backlog[0]
        if len(batch.events) <= n:
            return self._backlog.popleft()
        last = batch.events[n - 1]
        seq = last.get("seq") if isinstance(last, dict) else None
        head = Batch(batch.snapshot, batch.events[:n], seq if isinstance(seq, int) else batch.seq,
                     batch.received_at)
        self._backlog[0] = Batch(None, batch.events[n:], batch.seq, batch.received_at)
        return head

    def _deliver(self, changes: ChangeSet, events: list[Event]) -> None:
        self.distributor.deliver(changes, events)

    def _on_slow(self) -> None:
        now = self._clock()
        try:
            cs = self.state.tick(now)
        except Exception:
            log.exception("state tick failed")
            cs = None
        if cs:
            self._deliver(cs, [])
        self.distributor.tick(now)

    def _poll_link(self) -> None:
        feed = self.feed
        if feed is None:
            return
        st = feed.status()
        self.link = st
        retry = None if st.retry_in is None else int(st.retry_in + 0.999)
        key = (st.state, retry, st.last_seq, st.hub_latest, st.reconnects, st.error)
        if key != self._last_link:
            previous = self._last_link[0] if self._last_link else None
            self._last_link = key
            self.sig_link.emit(st)
            if st.state == SESSION_EXPIRED and previous != SESSION_EXPIRED:
                self.sig_session_expired.emit()
        if feed.fatal is not None and not self._fatal_reported:
            self._fatal_reported = True
            self.sig_fatal.emit(str(feed.fatal))
