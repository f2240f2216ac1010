"""What the case queue lets through: its saved filters (presets), and one predicate made
of the preset, the unit chip, the region/category scope and the free-text search
(Qt-free).

The "overdue" preset is the State's alert phase 2 (``State.alert_phase``, the SLA rule of
``client.overdue``: past due), asked per case.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from client.protocol import Case
from client.regions import RegionIndex

#: saved filters: key -> predicate on (case, alert phase)
PRESETS: dict[str, Callable[[Case, int], bool]] = {
    "open": lambda c, phase: c.get("status") != "closed",
    "overdue": lambda c, phase: phase == 2,
    "critical": lambda c, phase: c.get("priority") == "critical" and c.get("status") != "closed",
    "unassigned": lambda c, phase: c.get("status") in ("reported", "returned"),
    "all": lambda c, phase: True,
}
PRESET_ORDER = ("open", "overdue", "critical", "unassigned", "all")


def queue_predicate(preset_key: str, unit: str | None, scope: Any, text: str,
                    phase: Callable[[str], int], blobs: Callable[[str], str | None],
                    make: Callable[[str, Case], str],
                    region_index: Callable[[], RegionIndex]) -> Callable[[str, Case], bool]:
    """The queue's filter as ``predicate(case_id, case)``.

    Args:
        preset_key: one of :data:`PRESET_ORDER`.
        unit: only this unit's cases (None: every unit).
        scope: a ``client.regions.Scope`` (None: the whole post).
        text: the case-folded search text ("" : no search).
        phase: a case's alert phase (2: overdue).
        blobs: a case's cached search text, if made; ``make(case_id, case)`` makes it.
        region_index: the regions as a tree (asked once, only with a scope).
    """
    preset = PRESETS[preset_key]

    def hay(cid: str, case: Case) -> str:
        return blobs(cid) or make(cid, case)

    index = region_index() if scope is not None else None
    if unit is None and scope is None:  # the common cases, without extra calls per row
        if not text:
            if preset_key == "open":
                return lambda cid, case: case.get("status") != "closed"
            if preset_key == "all":
                return lambda cid, case: True
            if preset_key == "overdue":
                return lambda cid, case: phase(cid) == 2
        elif preset_key == "open":
            return lambda cid, case: (case.get("status") != "closed"
                                      and text in (blobs(cid) or make(cid, case)))
        elif preset_key == "all":
            return lambda cid, case: text in (blobs(cid) or make(cid, case))

    def pred(cid: str, case: Case) -> bool:
        if unit is not None and case.get("unit_id") != unit:
            return False
        if scope is not None and not scope.matches(case, index):
            return False
        if not preset(case, phase(cid) if preset_key == "overdue" else 0):
            return False
        return not text or text in hay(cid, case)

    return pred
