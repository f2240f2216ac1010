"""What the console must not let anyone miss: new critical cases, cases newly overdue, and
urges received — each rings (and flashes) until an officer acknowledges it.

:class:`Alarm` is the Qt-free bookkeeping: it reads the State's change sets, raises one
pending alarm per case and level, and drops it when the case is acknowledged, closed or
leaves the picture. The console's sound and flashing (``widgets/alarm_bell.py``) only ask
it what is pending and at which level.

A snapshot (``changes.reset``) raises nothing: what was already critical or overdue when
the console started is in the alerts list, not news.

Qt-free; GUI thread (where the State lives).
"""

from __future__ import annotations

from collections.abc import Iterable

from client.state import ChangeSet, State

CRITICAL, OVERDUE, URGE = "critical", "overdue", "urge"
#: most urgent first (the sound of the first pending level is played)
LEVELS = (CRITICAL, OVERDUE, URGE)


class Alarm:
    """Pending alarms by level.

    Attributes:
        pending: level → case ids (insertion-ordered) not acknowledged yet.
        raised: how many alarms were ever raised, per level (for checks).
    """

    def __init__(self, state: State) -> None:
        self.state = state
        self.pending: dict[str, dict[str, None]] = {level: {} for level in LEVELS}
        self.raised: dict[str, int] = dict.fromkeys(LEVELS, 0)
        self._phase: dict[str, int] = {}
        self._critical: set[str] = set()
        self.reload()

    def reload(self) -> None:
        """Remember what is critical and overdue now, without raising anything."""
        state = self.state
        self._phase = {cid: 2 for cid in state.overdue_ids()}
        self._critical = {cid for cid, c in state.cases.items()
                          if c.get("priority") == "critical" and c.get("status") != "closed"}

    def observe(self, changes: ChangeSet, *, own_urges: Iterable[str] = ()) -> list[str]:
        """Follow one change set; return the levels newly raised (most urgent first).

        Args:
            own_urges: case ids this console urged itself just now (no alarm for those).
        """
        if changes.reset:
            self.reload()
            self._drop_gone()
            return []
        state = self.state
        cases = state.cases
        critical = self._critical
        pending = self.pending
        new: set[str] = set()
        for ids in (changes.cases_added, changes.cases_changed):
            for cid in ids:
                case = cases.get(cid)
                if case is None:
                    continue
                if case.get("priority") == "critical" and case.get("status") != "closed":
                    if cid not in critical:
                        critical.add(cid)
                        if self._raise(CRITICAL, cid):
                            new.add(CRITICAL)
                else:
                    critical.discard(cid)
                    if case.get("status") == "closed":
                        for level_ids in pending.values():
                            level_ids.pop(cid, None)  # a closed case rings no more
        # the State lists every case that entered or left near due / overdue here
        phases = self._phase
        phase_of = state.alert_phase
        for cid in changes.alerts_changed:
            phase = phase_of(cid) if cid in cases else 0
            if phase == 2 and phases.get(cid, 0) != 2 and self._raise(OVERDUE, cid):
                new.add(OVERDUE)
            if phase:
                phases[cid] = phase
            else:
                phases.pop(cid, None)
        if changes.urges_changed:
            mine = set(own_urges)
            for cid in changes.urges_changed:
                if cid in cases and cid not in mine and self._raise(URGE, cid):
                    new.add(URGE)
        for cid in changes.cases_removed:
            phases.pop(cid, None)
            critical.discard(cid)
            for level_ids in pending.values():
                level_ids.pop(cid, None)
        return [level for level in LEVELS if level in new]

    def acknowledge(self, case_ids: Iterable[str]) -> int:
        """Silence the alarms of these cases (every level); return how many were pending."""
        n = 0
        for cid in case_ids:
            for ids in self.pending.values():
                if ids.pop(cid, 0) is None:
                    n += 1
        return n

    def acknowledge_all(self) -> int:
        """Silence every pending alarm; return how many there were."""
        n = sum(len(ids) for ids in self.pending.values())
        for ids in self.pending.values():
            ids.clear()
        return n

    def top_level(self) -> str | None:
        """The most urgent level with a pending alarm (None: quiet)."""
        return next((level for level in LEVELS if self.pending[level]), None)

    def level_of(self, case_id: str) -> str | None:
        """The most urgent pending level of ``case_id`` (None: no alarm for it)."""
        return next((level for level in LEVELS if case_id in self.pending[level]), None)

    def count(self) -> int:
        """How many case alarms are pending (a case counted once per level)."""
        return sum(len(ids) for ids in self.pending.values())

    def _raise(self, level: str, cid: str) -> bool:
        if cid in self.pending[level]:
            return False
        self.pending[level][cid] = None
        self.raised[level] += 1
        return True

    def _drop_gone(self) -> None:
        cases = self.state.cases
        for ids in self.pending.values():
            for cid in [c for c in ids if c not in cases
                        or cases[c].get("status", "closed") == "closed"]:
                del ids[cid]
