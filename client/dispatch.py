"""Supervisor decisions that need no Qt: the suggested unit for a case, what changed in a
conflict, and the undo window of a reassignment.

Threading: plain functions and small classes; use them on the thread that owns the State.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from client.protocol import Case, Region, Unit
from client.state import State

UNASSIGNED = frozenset(("reported", "returned"))
CASE_FIELDS = ("status", "unit_id", "priority", "title", "category", "subcategory",
               "region_id", "address", "due_at", "closed_at", "version")
UNDO_WINDOW_S = 10.0


def load_of(state: State, unit: Unit) -> float:
    """A unit's load: its active cases per on-duty person."""
    on_duty = unit.get("on_duty")
    staff = on_duty if isinstance(on_duty, int) and on_duty > 0 else 1
    return state.workload(unit["id"]).open / staff


def _ancestors(regions: Mapping[str, Region], region_id: str | None) -> list[str]:
    chain: list[str] = []
    seen: set[str] = set()
    while region_id is not None and region_id not in seen:
        seen.add(region_id)
        chain.append(region_id)
        region = regions.get(region_id)
        parent = region.get("parent_id") if region else None
        region_id = parent if isinstance(parent, str) else None
    return chain


def suggest_unit(state: State, case: Case) -> str | None:
    """The unit that handles the case's category nearest to its region, lowest load first.

    Candidates are units whose region encloses the case's region (nearest level first). A
    unit that lists the case's category in ``categories`` (an extension some hubs send) is
    preferred; without that list, any enclosing unit qualifies. Ties go to the lower load,
    then to the unit id.
    """
    chain = _ancestors(state.regions, case.get("region_id"))
    depth = {region_id: n for n, region_id in enumerate(chain)}
    category = case.get("category")
    best: tuple[int, int, float, str] | None = None
    for unit in state.units.values():
        level = depth.get(unit.get("region_id"))
        if level is None:
            continue
        handles = unit.get("categories")
        if isinstance(handles, list) and handles:
            if category not in handles:
                continue
            match = 0
        else:
            match = 1
        key = (match, level, load_of(state, unit), unit["id"])
        if best is None or key < best:
            best = key
    return best[3] if best else None


def dispatch_queue(state: State) -> list[str]:
    """Ids of unassigned cases (reported or returned), oldest report first."""
    waiting = [c for c in state.cases.values() if c.get("status") in UNASSIGNED]
    waiting.sort(key=lambda c: (c.get("reported_at") or "", c["id"]))
    return [c["id"] for c in waiting]


def changed_fields(seen: Mapping[str, object], current: Mapping[str, object]) -> list[tuple[str, object, object]]:
    """``(field, what the officer saw, what the hub has now)`` for every field that differs."""
    keys = list(CASE_FIELDS) + sorted(set(current) - set(CASE_FIELDS) - {"updated_at"})
    return [(k, seen.get(k), current.get(k)) for k in keys if seen.get(k) != current.get(k)]


@dataclass(frozen=True, slots=True)
class Reassignment:
    """A reassignment that can be undone within ``UNDO_WINDOW_S`` seconds.

    Attributes:
        case_id: the case.
        previous_unit_id: who held it before (None: it was unassigned, no undo possible).
        new_unit_id: who holds it now.
        version: the case's version after the reassignment (the undo's expected_version).
        at: when it was acknowledged (epoch seconds).
    """

    case_id: str
    previous_unit_id: str | None
    new_unit_id: str
    version: int
    at: float

    def undoable(self, now: float) -> bool:
        """Whether an undo may still be sent."""
        return self.previous_unit_id is not None and now - self.at <= UNDO_WINDOW_S
