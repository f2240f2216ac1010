"""The one change-set distributor: where merged feed batches, clock ticks and events reach
the panes — in the live console, the offline review and the wall alike.

Receivers register with a :class:`ChangeDistributor` (in order; they are called in that
order) and get, on the GUI thread:

* ``on_changes(changes)`` once per delivered :class:`client.state.ChangeSet` (the caller
  merges a turn's batches first: one call per turn, never one per event);
* ``on_events(events)`` after it, with the events behind the change set (the ticker and
  the wall's per-day figures use them; the :class:`widgets.pane.Pane` base ignores them);
* ``on_tick(now)`` once a second.

A receiver that raises is logged and skipped; it never stops the others.

The *expedite pump* is also here: once the operator waits for the feed to show a command
the hub accepted, :meth:`ChangeDistributor.expedite` pumps the feed every
:data:`EXPEDITE_MS` (instead of the bridge's 100 ms) until the wait is over or
:data:`EXPEDITE_FOR_S` passed. The pump is the :class:`console.bridge.Bridge`'s
(``set_pump``); without one (the review, a wall fed by hand) expediting does nothing.

Threading: GUI thread only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Protocol

from client.protocol import Event
from client.state import ChangeSet
from widgets.qt import QObject, QTimer, Signal

log = logging.getLogger(__name__)

#: how often the feed is pumped while an operator waits for it (ms)
EXPEDITE_MS = 5
#: ... for at most this long (a silent feed falls back to the bridge's pace)
EXPEDITE_FOR_S = 2.0


class Receiver(Protocol):
    """What a distributor delivers to (every :class:`widgets.pane.Pane` is one, and every
    wall page)."""

    @property
    def pane_id(self) -> str: ...

    def on_changes(self, changes: ChangeSet) -> None: ...

    def on_events(self, events: list[Event]) -> None: ...

    def on_tick(self, now: float) -> None: ...


class ChangeDistributor(QObject):
    """Fans change sets, events and ticks out to the registered receivers.

    Args:
        receivers: receivers to register now, in order.
        source: more receivers, asked at every delivery (after the registered ones): for
            callers that keep their own list (benches, tests).
        background: a context manager around each delivery and tick (the console's
            ``Session.background``: what panes do inside is not the user's doing).

    Attributes:
        deliveries: how many change sets went out (for checks: ≤ 10 a second live).

    Signals:
        sig_changes(object): a change set was delivered to every receiver.
    """

    sig_changes = Signal(object)

    def __init__(self, receivers: Iterable[Receiver] = (), *,
                 source: Callable[[], Sequence[Receiver]] | None = None,
                 background: Callable[[], AbstractContextManager] = nullcontext,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._receivers: list[Receiver] = []
        self._source = source
        self._background = background
        self.deliveries = 0
        self._pump: Callable[[], object] | None = None
        self._waiting: Callable[[], bool] = lambda: False
        self._expedite_until = 0.0
        self._expedite = QTimer(self)
        self._expedite.setObjectName("expeditePump")
        self._expedite.setInterval(EXPEDITE_MS)
        self._expedite.timeout.connect(self._on_expedite)
        for r in receivers:
            self.register(r)

    # ---- Registration

    def register(self, receiver: Receiver) -> None:
        """Deliver to ``receiver`` from now on (after those registered before it)."""
        if not any(r is receiver for r in self._receivers):
            self._receivers.append(receiver)

    def unregister(self, receiver: Receiver) -> None:
        """Stop delivering to ``receiver``."""
        self._receivers = [r for r in self._receivers if r is not receiver]

    def recipients(self) -> list[Receiver]:
        """Who gets the next delivery, in order."""
        if self._source is None:
            return list(self._receivers)
        return [*self._receivers, *self._source()]

    # ---- Delivery

    def deliver(self, changes: ChangeSet, events: Sequence[Event] = ()) -> None:
        """Give one (merged) change set, then its events, to every receiver."""
        with self._background():
            self._deliver_now(changes, events)
        self.sig_changes.emit(changes)

    def tick(self, now: float) -> None:
        """Give every receiver the time (once a second)."""
        with self._background():
            for r in self.recipients():
                try:
                    r.on_tick(now)
                except Exception:
                    log.exception("pane %s failed on a tick", r.pane_id)

    def _deliver_now(self, changes: ChangeSet, events: Sequence[Event]) -> None:
        self.deliveries += 1
        receivers = self.recipients()
        for r in receivers:
            try:
                r.on_changes(changes)
            except Exception:
                log.exception("pane %s failed on a change set", r.pane_id)
        if events:
            batch = events if isinstance(events, list) else list(events)
            for r in receivers:
                try:
                    r.on_events(batch)
                except Exception:
                    log.exception("pane %s failed on events", r.pane_id)

    # ---- Expedite pump

    def set_pump(self, pump: Callable[[], object] | None) -> None:
        """The function that drains and delivers one turn of the feed now (the Bridge's)."""
        self._pump = pump

    def expedite(self, waiting: Callable[[], bool], for_s: float = EXPEDITE_FOR_S) -> None:
        """Pump every :data:`EXPEDITE_MS` while ``waiting()`` is true, at most ``for_s``
        seconds from now (a later call extends it)."""
        if self._pump is None:
            return
        self._waiting = waiting
        self._expedite_until = time.monotonic() + for_s
        self._expedite.start()

    @property
    def expediting(self) -> bool:
        """Whether the expedite pump runs now."""
        return self._expedite.isActive()

    def _on_expedite(self) -> None:
        pump = self._pump
        if pump is None or time.monotonic() > self._expedite_until or not self._waiting():
            self._expedite.stop()
            return
        try:
            pump()
        except Exception:
            log.exception("expedited pump failed")
            self._expedite.stop()


__all__ = ["EXPEDITE_FOR_S", "EXPEDITE_MS", "ChangeDistributor", "Receiver"]
