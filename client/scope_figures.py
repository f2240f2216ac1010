"""Today's figures of one scope (a region subtree and a category), kept by deltas.

The KPI strip shows today's reported, dispatched and closed cases, the closure rate and
the overdue / near-due cases now. When the officer narrows the console to a region or a
category (:class:`client.regions.Scope`, the same filter the queue applies), those figures
must be the scope's, not the whole post's. :class:`ScopeFigures` keeps them from the
State's change sets: each case in the scope contributes its share of today's counters
(:func:`client.workload.day_contribution`) and its SLA phase, remembered per case, so a
change costs one comparison per changed case, never a rescan. Only choosing another scope
or a new day recounts every case (once). For the whole post it reads the State's own
counters.

Qt-free; not thread-safe (use it where the State lives).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from client.regions import EVERYTHING, RegionIndex, Scope
from client.state import ChangeSet, State
from client.timeutil import local_date
from client.workload import TodayCounters, day_contribution

#: one case's share: (reported, dispatched, closed, closed_of_reported, overdue, near_due)
_Share = tuple[int, int, int, int, int, int]
_NONE: _Share = (0, 0, 0, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class Figures:
    """What the KPI strip shows for a scope (plain snapshot)."""

    today: TodayCounters
    overdue: int
    near_due: int


class ScopeFigures:
    """Today's counters and the overdue / near-due counts of the cases in a scope.

    Args:
        state: the State whose change sets are followed.
        index: the regions as a tree (see :class:`client.regions.RegionIndex`).

    Attributes:
        scope: the current scope (:data:`client.regions.EVERYTHING` by default).
    """

    def __init__(self, state: State, index: RegionIndex) -> None:
        self.state = state
        self.index = index
        self.scope: Scope = EVERYTHING
        self._shares: dict[str, _Share] = {}
        self._sums = [0, 0, 0, 0, 0, 0]
        self._day = state.day

    def set_scope(self, scope: Scope | None, index: RegionIndex | None = None) -> None:
        """Follow ``scope`` (None: the whole post) from now on; counts its cases once."""
        self.scope = scope if scope is not None else EVERYTHING
        if index is not None:
            self.index = index
        self.recount()

    def recount(self) -> None:
        """Count every case of the scope anew (a new scope, snapshot or day)."""
        self._shares = {}
        self._sums = [0, 0, 0, 0, 0, 0]
        self._day = self.state.day
        if not self.scope.everything:
            self._update(self.state.cases.keys())

    def apply(self, changes: ChangeSet) -> bool:
        """Follow one change set; return whether the figures may have changed."""
        if self.scope.everything:
            return bool(changes.reset or changes.counters_changed or changes.alerts_changed)
        if changes.reset or self.state.day is not self._day:
            self.recount()
            return True
        ids = (changes.cases_added | changes.cases_changed | changes.cases_removed
               | changes.alerts_changed)
        return self._update(ids) if ids else False

    def figures(self) -> Figures:
        """The scope's figures now."""
        state = self.state
        if self.scope.everything:
            return Figures(state.counters, len(state.overdue_ids()), len(state.near_due_ids()))
        if state.day is not self._day:  # the day rolled over by a tick
            self.recount()
        r, d, c, cr, over, near = self._sums
        day = local_date(self._day.start + 1, state.zone_name).isoformat()
        return Figures(TodayCounters(day, r, d, c, cr), over, near)

    def _share(self, cid: str) -> _Share:
        case = self.state.cases.get(cid)
        if case is None or not self.scope.matches(case, self.index):
            return _NONE
        r, d, c, cr = day_contribution(case, self._day)
        phase = self.state.alert_phase(cid)  # as the State's overdue / near-due sets
        return (r, d, c, cr, int(phase == 2), int(phase == 1))

    def _update(self, ids: Iterable[str]) -> bool:
        shares = self._shares
        sums = self._sums
        moved = False
        for cid in ids:
            new = self._share(cid)
            old = shares.get(cid, _NONE)
            if new == old:
                continue
            moved = True
            for i in range(6):
                sums[i] += new[i] - old[i]
            if new == _NONE:
                shares.pop(cid, None)
            else:
                shares[cid] = new
        return moved


def count_figures(state: State, scope: Scope, index: RegionIndex) -> Figures:
    """The figures of ``scope`` counted over every case (the slow, obvious way; checks)."""
    sums = [0, 0, 0, 0, 0, 0]
    for cid, case in state.cases.items():
        if not scope.matches(case, index):
            continue
        r, d, c, cr = day_contribution(case, state.day)
        phase = state.alert_phase(cid)
        for i, v in enumerate((r, d, c, cr, int(phase == 2), int(phase == 1))):
            sums[i] += v
    day = local_date(state.day.start + 1, state.zone_name).isoformat()
    return Figures(TodayCounters(day, *sums[:4]), sums[4], sums[5])


__all__ = ["Figures", "ScopeFigures", "count_figures"]
