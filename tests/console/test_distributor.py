"""The change-set distributor: order, events after changes, a failing receiver skipped,
ticks, and the expedite pump (bounded by its predicate and its time limit)."""

from __future__ import annotations

import time

from client.state import ChangeSet
from console import distributor
from console.distributor import EXPEDITE_MS, ChangeDistributor


class Recv:
    def __init__(self, name: str, log: list, *, events: bool = False, fail: bool = False):
        self.pane_id = name
        self.log = log
        self.fail = fail
        self.events = events

    def on_events(self, events: list) -> None:
        if self.events:  # the others ignore them, as the Pane base does
            self.log.append((self.pane_id, "events", len(events)))

    def on_changes(self, changes: ChangeSet) -> None:
        self.log.append((self.pane_id, "changes"))
        if self.fail:
            raise RuntimeError("boom")

    def on_tick(self, now: float) -> None:
        self.log.append((self.pane_id, "tick", now))


def _changes() -> ChangeSet:
    cs = ChangeSet()
    cs.cases_changed.add("c1")
    return cs


def test_receivers_get_changes_in_order_then_events_and_a_failure_stops_no_one(
        qtbot, caplog) -> None:
    log: list = []
    a, b, c = Recv("a", log, fail=True), Recv("b", log, events=True), Recv("c", log)
    d = ChangeDistributor([a, b])
    d.register(c)
    d.register(b)  # twice: still once
    seen: list = []
    d.sig_changes.connect(seen.append)
    cs = _changes()
    with caplog.at_level("ERROR"):
        d.deliver(cs, [{"seq": 1}, {"seq": 2}])
    assert log == [("a", "changes"), ("b", "changes"), ("c", "changes"), ("b", "events", 2)]
    assert "pane a failed on a change set" in caplog.text
    assert seen == [cs] and d.deliveries == 1
    log.clear()
    d.unregister(a)
    d.tick(5.0)
    assert log == [("b", "tick", 5.0), ("c", "tick", 5.0)]


def test_a_source_adds_receivers_after_the_registered_ones(qtbot) -> None:
    log: list = []
    extra = [Recv("x", log)]
    d = ChangeDistributor([Recv("a", log)], source=lambda: extra)
    d.deliver(_changes())
    assert log == [("a", "changes"), ("x", "changes")]


def test_deliveries_run_inside_the_background_context(qtbot) -> None:
    inside: list[bool] = []
    depth = [0]

    class Ctx:
        def __enter__(self):
            depth[0] += 1

        def __exit__(self, *exc):
            depth[0] -= 1

    class Probe(Recv):
        def on_changes(self, changes):
            inside.append(depth[0] == 1)

        def on_tick(self, now):
            inside.append(depth[0] == 1)

    d = ChangeDistributor([Probe("p", [])], background=Ctx)
    d.deliver(_changes())
    d.tick(1.0)
    assert inside == [True, True] and depth[0] == 0


def test_expedite_pumps_while_waiting_and_stops_when_done(qtbot) -> None:
    d = ChangeDistributor()
    d.expedite(lambda: True)
    assert not d.expediting  # no pump: nothing to expedite
    pumps: list[float] = []
    d.set_pump(lambda: pumps.append(time.monotonic()))
    waiting = [True]
    d.expedite(lambda: waiting[0], for_s=3600.0)  # only the predicate can end it in the wait
    assert d.expediting
    qtbot.waitUntil(lambda: len(pumps) >= 3, timeout=15000)
    waiting[0] = False
    qtbot.waitUntil(lambda: not d.expediting, timeout=15000)
    n = len(pumps)
    qtbot.wait(10 * EXPEDITE_MS)
    assert len(pumps) == n


def test_expedite_gives_up_after_its_time_limit(qtbot, monkeypatch) -> None:
    # the module's own limit made endless: only the 0.05 s asked for can end the pump
    # within the wait (a generous one, for a loaded machine)
    monkeypatch.setattr(distributor, "EXPEDITE_FOR_S", 3600.0)
    d = ChangeDistributor()
    pumps: list[int] = []
    d.set_pump(lambda: pumps.append(1))
    d.expedite(lambda: True, for_s=0.05)
    qtbot.waitUntil(lambda: not d.expediting, timeout=15000)
    assert pumps  # it did pump before the limit
