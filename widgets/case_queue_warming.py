"""The case queue's idle-time precomputation: every case's search text, then every
column's sort keys, made in small steps while the console is idle, so the first search or
sort after a (re)load is quick.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from client.protocol import Case
from client.state import State
from rows.case_rows import CaseRows
from widgets.case_queue_columns import (
    COL_AGE,
    COL_CATEGORY,
    COL_ID,
    COL_PRIORITY,
    COL_REGION,
    COL_SOURCE,
    COL_STATUS,
    COL_TITLE,
    COL_UNIT,
)
from widgets.qt import QObject, QTimer

#: idle-time precomputation (search text, sort keys): cases per step, ms per turn, columns
WARM_STEP = 200
WARM_BUDGET_MS = 4.0
WARM_COLUMNS = (COL_PRIORITY, COL_STATUS, COL_UNIT, COL_AGE, COL_TITLE, COL_CATEGORY,
                COL_REGION, COL_SOURCE, COL_ID)


def warm_steps(state: State, hay: dict[str, str], make: Callable[[str, Case], str],
               rows: CaseRows) -> Iterator[None]:
    """Build every case's search blob, then cache every column's sort keys, in steps
    of :data:`WARM_STEP` cases (a case changed meanwhile is simply redone on demand)."""
    ids = list(state.cases)
    for i in range(0, len(ids), WARM_STEP):
        cases = state.cases
        for cid in ids[i:i + WARM_STEP]:
            if cid not in hay:
                case = cases.get(cid)
                if case is not None:
                    make(cid, case)
        yield
    for col in WARM_COLUMNS:
        for i in range(0, len(ids), WARM_STEP):
            rows.warm(state.cases, col, False, ids[i:i + WARM_STEP])
            yield


class IdleWarmer:
    """Runs a step generator for at most :data:`WARM_BUDGET_MS` per event-loop turn until
    it is exhausted (its timer, ``case_queue_warm``, is a child of ``parent``)."""

    def __init__(self, parent: QObject) -> None:
        self._work: Iterator[None] | None = None
        self._timer = QTimer(parent)
        self._timer.setObjectName("case_queue_warm")
        self._timer.setSingleShot(True)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._on_timer)

    def start(self, work: Iterator[None]) -> None:
        """(Re)start with ``work``, dropping what was left of the previous one."""
        self._work = work
        self._timer.start()

    @property
    def busy(self) -> bool:
        """True until the work is done."""
        return self._work is not None

    def _on_timer(self) -> None:
        work = self._work
        if work is None:
            return
        end = time.perf_counter() + WARM_BUDGET_MS / 1000.0
        try:
            while time.perf_counter() < end:
                next(work)
        except StopIteration:
            self._work = None
            return
        self._timer.start()
