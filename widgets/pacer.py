"""Deferred pane refreshes, run one per turn of the event loop.

Panes throttle their refreshes under a busy feed (the queue's repaint, the unit workloads,
the alerts list, the region tree's counts), each with its own single-shot timer. Those
timers are armed by the same feed batch, so they used to expire together and run in the
same turn of the event loop: one stall a second as long as every refresh added up (40-60
ms at 2,000 events/s, the p99 of ``bench/ui_latency.py``). The :class:`Pacer` queues the
refreshes instead and runs them one at a time, :data:`GAP_MS` apart, so the feed's own
turns, other timers, painting and input get the event loop in between: the longest stall
becomes the longest single refresh, not their sum. A job whose turn comes late (the loop
was just busy, e.g. with a feed turn) waits one more gap, up to :data:`MAX_DEFERRALS`
times, rather than lengthening that stall.

A job is any callable; queueing one already queued keeps its place (bound methods of the
same object and function are equal). A job whose widget was deleted meanwhile is dropped.

:func:`out_of_sight` tells a pane whose window is shown that it is not (a dock tabbed
behind another, or closed): such panes keep their data current but skip the repaint work
until they are shown again.

Threading: GUI thread only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from widgets.qt import QCoreApplication, QObject, Qt, QTimer, QWidget

log = logging.getLogger(__name__)

#: pause between two queued refreshes (ms): other timers and input run in between
GAP_MS = 3
#: a job whose turn comes late (the loop was busy) waits another gap, at most this often
MAX_DEFERRALS = 3

Job = Callable[[], object]


class Pacer(QObject):
    """Runs queued jobs one per turn of the event loop, ``gap_ms`` apart.

    Attributes:
        runs: how many jobs ran (for checks).
    """

    def __init__(self, gap_ms: int = GAP_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: dict[Job, None] = {}  # an ordered set
        self.runs = 0
        self._timer = QTimer(self)
        self._timer.setObjectName("pacer")
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(gap_ms)
        self._timer.timeout.connect(self._on_timer)
        self._gap_ms = gap_ms
        self._due = 0.0
        self._deferrals = 0

    def request(self, job: Job) -> None:
        """Run ``job`` soon, after the jobs queued before it (once, however often asked)."""
        self._jobs[job] = None
        if not self._timer.isActive():
            self._arm()

    def cancel(self, job: Job) -> None:
        """Forget ``job`` if it is queued."""
        self._jobs.pop(job, None)

    def pending(self) -> int:
        """Jobs queued and not run yet."""
        return len(self._jobs)

    def flush(self) -> None:
        """Run every queued job now."""
        while self._jobs:
            self._run_one(rearm=False)

    def _on_timer(self) -> None:
        # Fired late: something else just held the event loop (a feed turn, a paint).
        # Running now would add this job to that stall, so wait another gap, a few
        # times at most (a busy loop still gets its refreshes).
        late = (time.perf_counter() - self._due) * 1000.0
        if late > self._gap_ms and self._deferrals < MAX_DEFERRALS:
            self._deferrals += 1
            self._arm()
            return
        self._deferrals = 0
        self._run_one()

    def _arm(self) -> None:
        self._due = time.perf_counter() + self._gap_ms / 1000.0
        self._timer.start()

    def _run_one(self, rearm: bool = True) -> None:
        if not self._jobs:
            return
        job = next(iter(self._jobs))
        del self._jobs[job]
        owner = getattr(job, "__self__", None)
        if not isinstance(owner, QObject) or _alive(owner):
            try:
                job()
            except Exception:
                log.exception("a paced refresh failed")
            self.runs += 1
        if rearm and self._jobs and not self._timer.isActive():
            self._arm()


_PACER: Pacer | None = None


def _alive(obj: QObject) -> bool:
    """Whether ``obj``'s C++ side still exists (a deleted one raises on any call)."""
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True


def pacer() -> Pacer:
    """The application's pacer (created on first use, owned by the application)."""
    global _PACER
    if _PACER is None or not _alive(_PACER):
        _PACER = Pacer(parent=QCoreApplication.instance())
    return _PACER


def out_of_sight(widget: QWidget) -> bool:
    """Whether ``widget``'s window is shown but ``widget`` is not (its dock is tabbed
    behind another or closed). A widget whose window is not shown (yet) is not out of
    sight: it is being built, tested or grabbed."""
    return widget.window().isVisible() and not widget.isVisible()


__all__ = ["GAP_MS", "Pacer", "out_of_sight", "pacer"]
