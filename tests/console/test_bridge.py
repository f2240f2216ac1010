"""The feed→GUI bridge: time-budgeted turns, large batches split, catch-up on a 1 ms timer."""

from __future__ import annotations

import time
from types import SimpleNamespace

from client.batch import Batch
from client.state import State
from console.bridge import STEP_EVENTS, Bridge
from testkit.world import T0, World
from widgets.pane import Pane


class FakeFeed:
    def __init__(self) -> None:
        self.batches: list[Batch] = []
        self.fatal = None

    def drain(self) -> list[Batch]:
        out, self.batches = self.batches, []
        return out

    def status(self) -> SimpleNamespace:
        return SimpleNamespace(state="live", retry_in=None, last_seq=0, hub_latest=0,
                               reconnects=0, error=None)


class Recorder(Pane):
    pane_id = "recorder"

    def __init__(self, ctx) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.seen: list = []

    def on_changes(self, changes) -> None:  # noqa: ANN001
        self.seen.append(changes)


def test_large_backlog_is_applied_in_budgeted_slices(qtbot) -> None:
    """A 3,000-event batch is split: each turn stays near the budget, the rest follows on
    the 1 ms timer, and every event ends up applied in order."""
    world = World()
    state = State(clock=lambda: T0)
    state.load_snapshot(world.snapshot(200))
    pane = Recorder(SimpleNamespace(state=state))
    qtbot.addWidget(pane)
    bridge = Bridge(state, lambda: [pane], clock=lambda: T0)
    bridge.budget_ms = 2.0
    feed = FakeFeed()
    events = [world.random_event() for _ in range(3000)]
    feed.batches.append(Batch(None, events, events[-1]["seq"], time.time()))
    bridge.feed = feed  # no attach: the fast timer stays off, only pump() and the 1 ms timer
    t = time.perf_counter()
    first = bridge.pump()
    took = time.perf_counter() - t
    assert first is not None and 0 < bridge.backlog < 3000
    assert took < 0.25  # one slice, not the whole backlog
    qtbot.waitUntil(lambda: bridge.backlog == 0, timeout=10000)
    assert state.seq == events[-1]["seq"]
    assert len(pane.seen) >= 2  # delivered slice by slice while catching up
    assert bridge._more.objectName() == "bridgeMoreTimer" and bridge._more.interval() == 1
    bridge.stop()


def test_small_batches_are_one_delivery(qtbot) -> None:
    """Normal traffic (a few batches per tick) is applied in one turn and delivered once."""
    world = World()
    state = State(clock=lambda: T0)
    state.load_snapshot(world.snapshot(50))
    pane = Recorder(SimpleNamespace(state=state))
    qtbot.addWidget(pane)
    bridge = Bridge(state, lambda: [pane], clock=lambda: T0)
    feed = FakeFeed()
    for _ in range(3):
        evs = [world.random_event() for _ in range(STEP_EVENTS // 2)]
        feed.batches.append(Batch(None, evs, evs[-1]["seq"], time.time()))
    bridge.feed = feed
    bridge.pump()
    assert bridge.backlog == 0 and len(pane.seen) == 1 and bridge.deliveries == 1
