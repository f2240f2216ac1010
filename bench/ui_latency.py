"""GUI-thread latency of the console panes under feed load (offscreen, ~1 minute).

Loads 100,000 cases into a State, shows the case queue (+ unit workloads + alerts) in a
QMainWindow, and measures how late a 10 ms QTimer fires (lateness = actual - expected
interval) while:

1. the feed is idle;
2. a worker thread produces 2,000 events/s, handed over every 100 ms as Feed batches that
   the console's own feed→GUI bridge (:class:`console.bridge.Bridge`, with a stand-in
   Feed) drains: State.apply_batch, then each pane's on_changes;
3. a catch-up backlog is applied at full speed (≥ 20,000 events/s): the bridge applies
   slices of at most ``--budget-ms`` of work (apply + panes) per turn of the event loop.

Also times sorting and filtering the 100,000 rows (target < 200 ms each), and one repaint
of the visible table by the queue's own painting (``widgets.static_cells``) beside a stock
QTableView over the same model, same size (printed as a ratio).

Run: ``QT_QPA_PLATFORM=offscreen python bench/ui_latency.py``
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from typing import cast

from client.batch import Batch  # noqa: E402
from client.protocol import Event, Snapshot
from client.state import ChangeSet, State  # noqa: E402
from console.bridge import Bridge as ConsoleBridge  # noqa: E402
from console.bridge import freeze_loaded  # noqa: E402
from testkit.clock import Clock  # noqa: E402
from testkit.pane_context import FakeContext  # noqa: E402
from testkit.world import T0, World  # noqa: E402
from widgets.qt import QApplication, QDockWidget, QMainWindow, Qt, QTableView, QTimer  # noqa: E402

TARGET_FEED_P99 = 20.0
TARGET_CATCHUP_P99 = 50.0
TARGET_SORT_MS = 200.0


class Lateness:
    """A 10 ms precise timer recording how late each shot is (ms)."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.interval = interval_ms / 1000.0
        self.samples: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setObjectName("bench_lateness")
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._shot)

    def start(self) -> None:
        self.samples = []
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.samples

    def _shot(self) -> None:
        now = time.perf_counter()
        self.samples.append(max(0.0, (now - self._last - self.interval) * 1000.0))
        self._last = now


def pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


class FakeFeed:
    """Stands in for :class:`client.feed.Feed`: batches handed over through a queue."""

    def __init__(self) -> None:
        self.q: queue.Queue[Batch] = queue.Queue()
        self.fatal = None
        self._status = SimpleNamespace(state="live", retry_in=None, last_seq=0, hub_latest=0,
                                       reconnects=0, error=None)

    def put(self, events: list[Event]) -> None:
        self.q.put(Batch(None, events, events[-1]["seq"] if events else 0, time.time()))

    def drain(self) -> list[Batch]:
        out = []
        while True:
            try:
                out.append(self.q.get_nowait())
            except queue.Empty:
                return out

    def status(self) -> SimpleNamespace:
        return self._status


class Meter:
    """Wraps the console's bridge: per-turn times, events applied, seconds per stage."""

    def __init__(self, bridge: ConsoleBridge, panes: list) -> None:
        self.bridge = bridge
        self.applied = 0
        self.turns: list[float] = []  # ms per turn (apply + deliver)
        self.costs: dict[str, float] = {}  # s per stage, summed
        state = bridge.state
        apply_batch = state.apply_batch

        def timed_apply(batch: Batch, now: float | None = None) -> ChangeSet:
            t = time.perf_counter()
            cs = apply_batch(batch, now)
            self.costs["state"] = self.costs.get("state", 0.0) + time.perf_counter() - t
            self.applied += len(batch.events)
            return cs

        state.apply_batch = timed_apply  # type: ignore[method-assign]
        for pane in panes:
            on_changes = pane.on_changes

            def timed(changes: ChangeSet, _f: Callable[[ChangeSet], None] = on_changes,
                      _name: str = pane.pane_id) -> None:
                t = time.perf_counter()
                _f(changes)
                self.costs[_name] = self.costs.get(_name, 0.0) + time.perf_counter() - t

            pane.on_changes = timed
        turn = bridge._turn

        def timed_turn() -> ChangeSet | None:
            t = time.perf_counter()
            out = turn()
            if out is not None:
                self.turns.append(1000 * (time.perf_counter() - t))
            return out

        bridge._turn = timed_turn  # type: ignore[method-assign]


def producer(world: World, rate: float, seconds: float, out: FakeFeed, stop: threading.Event,
             lock: threading.Lock) -> None:
    """Generate ``rate`` events/s for ``seconds``, handing over a batch every 100 ms."""
    end = time.perf_counter() + seconds
    per_batch = int(rate / 10)
    nxt = time.perf_counter()
    while not stop.is_set() and time.perf_counter() < end:
        with lock:
            batch = [world.random_event() for _ in range(per_batch)]
        out.put(cast(list[Event], batch))  # (the fake world's: valid)
        nxt += 0.1
        delay = nxt - time.perf_counter()
        if delay > 0:
            time.sleep(delay)


def run_phase(app: QApplication, meter: Lateness, seconds: float,
              cpu: list[float] | None = None) -> list[float]:
    """Run the event loop for ``seconds``; return the lateness samples. With ``cpu``, also
    record the GUI thread's CPU time (ms) of each pass of the event loop: unlike the
    lateness, it does not grow when other processes take the CPU away."""
    meter.start()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        t = time.thread_time()
        app.processEvents()
        if cpu is not None:
            cpu.append(1000 * (time.thread_time() - t))
        time.sleep(0.0005)
    return meter.stop()


def cpu_line(name: str, blocks: list[float], seconds: float) -> str:
    """The GUI thread's CPU per second and its longest passes of the event loop."""
    return (f"  GUI thread CPU, {name}: {sum(blocks) / seconds:.0f} ms/s; one pass of the "
            f"event loop p99 {pct(blocks, 99):.1f} ms, p99.9 {pct(blocks, 99.9):.1f} ms, "
            f"max {max(blocks, default=0):.1f} ms")


def line(name: str, xs: list[float], idle: list[float], extra: str = "") -> str:
    return (f"{name:<28} p50 {pct(xs, 50):6.2f} ms  p99 {pct(xs, 99):6.2f} ms  "
            f"max {max(xs, default=0):7.2f} ms   (idle p50 {pct(idle, 50):.2f} / "
            f"p99 {pct(idle, 99):.2f}){extra}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=6.0, help="length of each phase")
    ap.add_argument("--rate", type=float, default=2000.0)
    ap.add_argument("--backlog", type=int, default=120_000, help="catch-up events")
    ap.add_argument("--budget-ms", type=float, default=None,
                    help="the bridge's time budget per turn (default: console.bridge's)")
    args = ap.parse_args()

    from client.gc_policy import tune_for_streaming

    tune_for_streaming()  # as main.py does for the console
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv))
    from console.main_window import flash_dock
    from widgets.alerts import AlertsPane
    from widgets.case_queue import CaseQueuePane
    from widgets.region_tree import RegionTreePane
    from widgets.workload import WorkloadPane

    t = time.perf_counter()
    world = World()
    snap = world.snapshot(args.cases)
    clock = Clock(T0)
    state = State(clock=clock)
    cs = state.load_snapshot(cast(Snapshot, snap))  # (the fake world's: valid)
    print(f"snapshot: {len(state.cases):,} cases generated+loaded in {time.perf_counter() - t:.1f} s")
    ctx = FakeContext(state, world, role="supervisor")

    win = QMainWindow()
    queue_pane = CaseQueuePane(ctx)
    workload = WorkloadPane(ctx)
    alerts = AlertsPane(ctx, beeper=lambda level: None)
    regions = RegionTreePane(ctx)  # the region tree's live counts
    win.setCentralWidget(queue_pane)
    docks = {}
    for pane, area in ((workload, Qt.DockWidgetArea.RightDockWidgetArea),
                       (alerts, Qt.DockWidgetArea.BottomDockWidgetArea),
                       (regions, Qt.DockWidgetArea.LeftDockWidgetArea)):
        dock = QDockWidget(pane.title(), win)
        dock.setObjectName(pane.pane_id + "_dock")
        dock.setWidget(pane)
        win.addDockWidget(area, dock)
        docks[pane.pane_id] = dock
    # the alerts flash (tab and rows) as in the console, at the console's pace
    alerts.bell.sig_flash.connect(lambda on: flash_dock(win, docks["alerts"], alerts, on))
    win.resize(1600, 1000)
    win.show()
    t = time.perf_counter()
    for p in (queue_pane, workload, alerts, regions):
        p.on_changes(cs)
    app.processEvents()
    freeze_loaded()  # what the console's bridge does after delivering a snapshot load
    print(f"panes loaded 100k-case reset in {1000 * (time.perf_counter() - t):.0f} ms "
          f"({queue_pane.model.rowCount():,} open rows)")

    # ---- the queue precomputes search text and sort keys in idle time after a load
    meter = Lateness(10)
    t = time.perf_counter()
    meter.start()
    while getattr(queue_pane, "warming", False) and time.perf_counter() - t < 30:
        app.processEvents()
        time.sleep(0.0005)
    warm = meter.stop()
    print(f"idle-time precompute after the load: {time.perf_counter() - t:.1f} s "
          f"(event loop lateness meanwhile p99 {pct(warm, 99):.1f} ms, "
          f"max {max(warm, default=0):.1f} ms)")

    # ---- sort and filter times
    sort_ms = {}
    for col, name in ((7, "time left"), (1, "priority"), (8, "title"), (4, "unit"), (6, "age")):
        t = time.perf_counter()
        queue_pane.view.sortByColumn(col, Qt.SortOrder.AscendingOrder)
        app.processEvents()
        sort_ms[name] = 1000 * (time.perf_counter() - t)
    queue_pane.view.sortByColumn(7, Qt.SortOrder.AscendingOrder)
    filter_ms = {}
    for name, fn in (("preset overdue", lambda: queue_pane.set_preset("overdue")),
                     ("preset all open", lambda: queue_pane.set_preset("open")),
                     ("search '井盖' (cold)", lambda: queue_pane.set_search("井盖")),
                     ("search '井盖' (warm)", lambda: queue_pane.set_search("井盖 ")),
                     ("unit filter", lambda: queue_pane.filter_unit(str(world.units[0]["id"]))),
                     ("unit filter off", lambda: queue_pane.filter_unit(None)),
                     ("search cleared", lambda: queue_pane.set_search(""))):
        t = time.perf_counter()
        fn()
        app.processEvents()
        filter_ms[name] = 1000 * (time.perf_counter() - t)
    # ---- one repaint of the visible table: the queue's own painting vs QTableView's
    stock = QTableView()
    stock.setModel(queue_pane.model)
    stock.setWordWrap(False)
    stock.setAlternatingRowColors(True)
    stock.setShowGrid(False)
    stock.verticalHeader().hide()
    stock.verticalHeader().setDefaultSectionSize(queue_pane.view.verticalHeader().defaultSectionSize())
    for col in range(queue_pane.model.columnCount()):
        stock.setColumnWidth(col, queue_pane.view.columnWidth(col))
    stock.resize(queue_pane.view.size())
    stock.show()
    app.processEvents()
    queue_pane.flush()
    stock_name, own_name = "QTableView + QStyledItemDelegate", "StaticTextTable (the queue's)"
    paint_ms: dict[str, list[float]] = {stock_name: [], own_name: []}
    for _ in range(10):
        for name, table in ((stock_name, stock), (own_name, queue_pane.view)):
            t = time.perf_counter()
            table.viewport().repaint()
            paint_ms[name].append(1000 * (time.perf_counter() - t))
    stock.close()
    stock.setModel(None)  # type: ignore[arg-type]  # no longer a listener of the model
    stock.deleteLater()
    for name, xs in paint_ms.items():
        print(f"repaint of the visible table, {name:<34} median {pct(xs, 50):5.1f} ms")
    ratio = pct(paint_ms[stock_name], 50) / max(1e-9, pct(paint_ms[own_name], 50))
    print(f"  ratio QTableView's painting / the queue's: {ratio:.1f}x")

    for name, ms in sort_ms.items():
        print(f"sort   {name:<22} {ms:7.1f} ms  {'OK' if ms < TARGET_SORT_MS else 'SLOW'}")
    for name, ms in filter_ms.items():
        print(f"filter {name:<22} {ms:7.1f} ms  {'OK' if ms < TARGET_SORT_MS else 'SLOW'}")

    feed = FakeFeed()
    t0 = time.time()

    def bench_clock() -> float:
        clock.now = T0 + (time.time() - t0)
        return clock.now

    panes = [queue_pane, workload, alerts, regions]
    bridge = ConsoleBridge(state, lambda: panes, clock=bench_clock)
    if args.budget_ms is not None:
        bridge.budget_ms = args.budget_ms
    stats = Meter(bridge, panes)
    bridge.attach(feed)  # type: ignore[arg-type]

    # ---- idle
    idle_cpu: list[float] = []
    idle = run_phase(app, meter, args.seconds, idle_cpu)
    print(line("idle", idle, idle))
    print(cpu_line("idle", idle_cpu, args.seconds))

    # ---- live feed
    stop = threading.Event()
    lock = threading.Lock()
    th = threading.Thread(target=producer, args=(world, args.rate, args.seconds, feed, stop,
                                                 lock), daemon=True, name="bench-feed")
    before = stats.applied
    stats.turns.clear()
    t = time.perf_counter()
    th.start()
    live_cpu: list[float] = []
    live = run_phase(app, meter, args.seconds, live_cpu)
    th.join()
    rate = (stats.applied - before) / (time.perf_counter() - t)
    p99 = pct(live, 99)
    print(line(f"feed {args.rate:,.0f} ev/s", live, idle,
               f"  applied {rate:,.0f} ev/s  {'OK' if p99 < TARGET_FEED_P99 else 'OVER TARGET'}"
               f" (p99 < {TARGET_FEED_P99:g})"))

    print(cpu_line("feed", live_cpu, args.seconds))
    print(f"  bridge turns: p50 {pct(stats.turns, 50):.1f} ms, p99 {pct(stats.turns, 99):.1f} ms")
    print(f"  live meanwhile: region tree {len(regions.counts.counts):,} nodes counted; alarms "
          f"raised {dict(alerts.alarm.raised)}, flashing {alerts.bell.ringing} "
          f"(tab title now {docks['alerts'].windowTitle()!r})")

    # ---- catch-up: a backlog (as from the shift cache) applied at full speed
    t = time.perf_counter()
    backlog = [world.random_event() for _ in range(args.backlog)]
    print(f"catch-up backlog of {len(backlog):,} events generated in "
          f"{time.perf_counter() - t:.1f} s")
    before = stats.applied
    stats.turns.clear()
    stats.costs.clear()
    t = time.perf_counter()
    for i in range(0, len(backlog), 2000):
        feed.put(cast(list[Event], backlog[i:i + 2000]))
    meter.start()
    while stats.applied - before < len(backlog) and time.perf_counter() - t < 60:
        app.processEvents()
    elapsed = time.perf_counter() - t
    catch = meter.stop()
    rate = (stats.applied - before) / elapsed
    p99 = pct(catch, 99)
    print(line("catch-up (full speed)", catch, idle,
               f"  applied {rate:,.0f} ev/s in {elapsed:.1f} s  "
               f"{'OK' if p99 < TARGET_CATCHUP_P99 and rate >= 20_000 else 'OVER TARGET'}"
               f" (p99 < {TARGET_CATCHUP_P99:g}, ≥ 20,000 ev/s)"))
    print(f"  bridge turns: p50 {pct(stats.turns, 50):.1f} ms, p99 {pct(stats.turns, 99):.1f} ms;"
          " per event: " + ", ".join(f"{k} {1e6 * v / max(1, len(backlog)):.0f} µs"
                                      for k, v in stats.costs.items()))
    assert set(queue_pane.model.rows.ids()) == {
        c for c, v in state.cases.items() if v["status"] != "closed"}, "queue out of sync"
    print(f"queue rows in sync with the State: {queue_pane.model.rowCount():,} rows")
    bridge.stop()
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
