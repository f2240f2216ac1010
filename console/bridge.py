"""Feed → GUI bridge: batches from the Feed thread reach the panes at most ~10 times a second.

The Feed runs in its own thread and queues :class:`client.batch.Batch` objects. A 100 ms
timer on the GUI thread drains them (``Feed.drain()``), applies each to the State, merges
the ChangeSets and calls every pane's ``on_changes`` once per tick, and the ticker's
``on_events`` with the tick's events. A 1 s timer moves time (``State.tick``), hands the
resulting changes to the panes and calls their ``on_tick``. The link status is polled on
every fast tick and announced when it changes.

A pane that raises is logged and skipped; it never stops the bridge or the other panes.

Threading: GUI thread only; the only cross-thread calls are ``Feed.drain()`` and
``Feed.status()``, both thread-safe.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

from client.feed import SESSION_EXPIRED, Feed, LinkStatus
from client.state import ChangeSet, State
from widgets.pane import Pane
from widgets.qt import QObject, QTimer, Signal

log = logging.getLogger(__name__)

FAST_MS = 100
SLOW_MS = 1000


class Bridge(QObject):
    """Pumps the Feed into the State and the panes.

    Attributes:
        feed: the Feed (None until :meth:`attach`).
        state: the State the batches are applied to.
        panes: the panes that get ``on_changes``/``on_tick``.
        deliveries: how many times ``on_changes`` went out (for checks: ≤ 10/s).

    Signals:
        sig_link(object): the LinkStatus changed (state, retry or counters of interest).
        sig_session_expired(): the feed got a 401 and waits for a new login.
        sig_changes(object): a merged ChangeSet was delivered to the panes.
        sig_fatal(str): the feed stopped for good (e.g. a damaged cache file).
    """

    sig_link = Signal(object)
    sig_session_expired = Signal()
    sig_changes = Signal(object)
    sig_fatal = Signal(str)

    def __init__(self, state: State, panes: Callable[[], Sequence[Pane]],
                 *, clock: Callable[[], float] = time.time, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.feed: Feed | None = None
        self._panes = panes
        self._clock = clock
        self._last_link: tuple | None = None
        self._fatal_reported = False
        self.deliveries = 0
        self.link: LinkStatus | None = None
        self._fast = QTimer(self)
        self._fast.setObjectName("bridgeFastTimer")
        self._fast.setInterval(FAST_MS)
        self._fast.timeout.connect(self._on_fast)
        self._slow = QTimer(self)
        self._slow.setObjectName("bridgeSlowTimer")
        self._slow.setInterval(SLOW_MS)
        self._slow.timeout.connect(self._on_slow)

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

    def pump(self) -> ChangeSet | None:
        """Drain and deliver now (what the fast timer does); return the merged changes."""
        return self._on_fast()

    # ---- Internals

    def _on_fast(self) -> ChangeSet | None:
        feed = self.feed
        if feed is None:
            return None
        merged: ChangeSet | None = None
        events: list[dict] = []
        try:
            batches = feed.drain()
            for batch in batches:
                cs = self.state.apply_batch(batch)
                if merged is None:
                    merged = cs
                else:
                    merged.merge(cs)
                if batch.snapshot is not None:
                    events.clear()  # a reset: the panes reload everything
                events.extend(batch.events)
        except Exception:
            log.exception("applying a feed batch failed")
        if merged is not None and merged:
            self._deliver(merged, events)
        self._poll_link()
        return merged

    def _deliver(self, changes: ChangeSet, events: list[dict]) -> None:
        self.deliveries += 1
        for pane in self._panes():
            try:
                pane.on_changes(changes)
            except Exception:
                log.exception("pane %s failed on a change set", pane.pane_id)
        if events:
            for pane in self._panes():
                on_events = getattr(pane, "on_events", None)
                if on_events is None:
                    continue
                try:
                    on_events(events)
                except Exception:
                    log.exception("pane %s failed on events", pane.pane_id)
        self.sig_changes.emit(changes)

    def _on_slow(self) -> None:
        now = self._clock()
        try:
            cs = self.state.tick(now)
        except Exception:
            log.exception("state tick failed")
            cs = None
        if cs:
            self._deliver(cs, [])
        for pane in self._panes():
            try:
                pane.on_tick(now)
            except Exception:
                log.exception("pane %s failed on a tick", pane.pane_id)

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
