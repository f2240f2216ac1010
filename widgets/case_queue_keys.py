"""What the case queue sorts by: one sort key per column, the display names of a case's
category, region and unit (cached), and its parsed times (cached) (Qt-free).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from client.protocol import Case
from client.stages import StagePolicy
from client.timeutil import parse_time_or_none
from widgets.common import PRIORITY_RANK, STATUS_RANK
from widgets.pane import PaneContext


def str_or_none(v: object) -> str | None:
    return v if isinstance(v, str) else (None if v is None else str(v))


def case_time(case: Case, field: str) -> float | None:
    return parse_time_or_none(case.get(field))


class CaseTimes:
    """``(reported_at, due_at)`` of each case, parsed again only when the strings change
    (a new version of a case is a new dict, but its times rarely move)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[object, object, float | None, float | None]] = {}

    def get(self, cid: str, case: Case) -> tuple[float | None, float | None]:
        rep_text, due_text = case.get("reported_at"), case.get("due_at")
        hit = self._cache.get(cid)
        if hit is not None and hit[0] == rep_text and hit[1] == due_text:
            return hit[2], hit[3]
        rep, due = case_time(case, "reported_at"), case_time(case, "due_at")
        self._cache[cid] = (rep_text, due_text, rep, due)
        return rep, due

    def drop(self, cid: str) -> None:
        self._cache.pop(cid, None)

    def clear(self) -> None:
        self._cache.clear()


class CaseNames:
    """A case's category, region and unit names, cached (a name costs a context call)."""

    def __init__(self, ctx: PaneContext) -> None:
        self.ctx = ctx
        self._names: dict[tuple, str] = {}

    def category_of(self, case: Case) -> str:
        key = ("c", case.get("category"), case.get("subcategory"))
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = str(self.ctx.category_name(
                str(case.get("category") or ""), str(case.get("subcategory") or "")))
        return name

    def region_of(self, case: Case) -> str:
        rid = case.get("region_id")
        key = ("r", rid)
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = str(self.ctx.region_path(str_or_none(rid)))
        return name

    def unit_of(self, case: Case) -> str | None:
        uid = case.get("unit_id")
        if not isinstance(uid, str):
            return None
        key = ("u", uid)
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = str(self.ctx.unit_name(uid))
        return name

    def clear(self) -> None:
        """Forget every cached name."""
        self._names.clear()

    def units_renamed(self, unit_ids: set[str]) -> bool:
        """True when a cached unit name differs from the context's (a unit was renamed)."""
        for uid in unit_ids:
            cached = self._names.get(("u", uid))
            if cached is not None and cached != str(self.ctx.unit_name(uid)):
                return True
        return False


def queue_sort_keys(times: CaseTimes, names: CaseNames,
                    stages: StagePolicy | None) -> list[Callable[[str, Case], Any]]:
    """One sort key per column, in column order (independent of the wall clock)."""
    time_of = times.get

    def age(cid: str, c: Case) -> float | None:
        t = time_of(cid, c)[0]
        return -t if t is not None else None

    return [
        lambda cid, c: STATUS_RANK.get(c.get("status"), 99),  # type: ignore[arg-type]
        lambda cid, c: PRIORITY_RANK.get(c.get("priority"), 9),  # type: ignore[arg-type]
        lambda cid, c: names.category_of(c),
        lambda cid, c: names.region_of(c),
        lambda cid, c: names.unit_of(c),
        lambda cid, c: str_or_none(c.get("source")),
        age,
        time_left_key(times, stages),
        lambda cid, c: str_or_none(c.get("title")),
        lambda cid, c: cid,
    ]


def time_left_key(times: CaseTimes, stages: StagePolicy | None) -> Callable[[str, Case], Any]:
    """Sort key of "time left": the due time of the nearest stage (protocol 1.1) or
    of the case (1.0)."""
    time_of = times.get
    if stages is None:
        return lambda cid, c: time_of(cid, c)[1]

    def nearest_due(cid: str, c: Case) -> float | None:
        clock = stages.nearest(c)
        return clock.due if clock is not None else None

    return nearest_due
