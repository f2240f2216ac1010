"""A fake PaneContext for pane tests and benches: fetches and commands run synchronously
(or are deferred), names come from a synthetic :class:`testkit.world.World`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from client.regions import RegionIndex
from client.state import State
from testkit.world import World

if TYPE_CHECKING:
    from widgets.actions_port import ActionsPort


class FakeApi:
    """Answers the few reads the panes make; records commands."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.calls: list[tuple] = []
        self.history_error: Exception | None = None

    def case_history(self, case_id: str) -> list[dict]:
        self.calls.append(("case_history", case_id))
        if self.history_error is not None:
            raise self.history_error
        c = self.world.cases[case_id]
        return [{"seq": 1, "ts": c["reported_at"], "type": "case.created", "data": {"case": c}},
                {"seq": 2, "ts": c["updated_at"], "type": "case.updated",
                 "data": {"case": c, "action": "dispatch", "actor": "sup-1", "note": "<b>速办</b>"}}]

    def region_geometry(self, etag: str | None = None) -> tuple[str | None, dict | None] | None:
        """``GET /regions/geometry``: the county's polygons (None: a 1.0 hub)."""
        self.calls.append(("region_geometry", etag))
        if not self.world.with_geometry:
            return None, None
        return '"w1"', self.world.geometry()

    def urge(self, case_id: str, note: str = "", **kw: object) -> dict:
        self.calls.append(("urge", case_id, note))
        return {}


class FakeContext:
    """A PaneContext that runs fetches and commands synchronously (or defers them)."""

    def __init__(self, state: State, world: World, role: str = "supervisor",
                 read_only: bool = False) -> None:
        self.state = state
        self.world = world
        self.zone = ZoneInfo("Asia/Shanghai")
        self.role = role
        self.read_only = read_only
        self.user_id = "u-officer-1"
        self.cache_dir: Path | None = None  # the map keeps no polygons
        self.actions: ActionsPort | None = None  # no console commands (tests attach theirs)
        self.api = FakeApi(world)
        self.selected: list[str | None] = []
        self.commands: list[str] = []
        self.deferred: list[Callable[[], None]] = []
        self.defer = False

    def _run(self, fn: Callable, on_ok: Callable | None, on_error: Callable | None) -> None:
        def go() -> None:
            try:
                result = fn(self.api)
            except Exception as exc:  # reported like the console does
                if on_error is not None:
                    on_error(exc)
                return
            if on_ok is not None:
                on_ok(result)

        if self.defer:
            self.deferred.append(go)
        else:
            go()

    def run_command(self, label: str, fn: Callable, on_ok: Callable | None = None,
                    on_error: Callable | None = None) -> None:
        self.commands.append(label)
        self._run(fn, on_ok, on_error)

    def fetch(self, fn: Callable, on_ok: Callable, on_error: Callable | None = None) -> None:
        self._run(fn, on_ok, on_error)

    def select_case(self, case_id: str | None) -> None:
        self.selected.append(case_id)

    def category_name(self, category: str, subcategory: str) -> str:
        return f"{category}/{self.world.sub_names.get(subcategory, subcategory)}"

    def region_name(self, region_id: str | None) -> str:
        return self.world.region_names.get(region_id or "", region_id or "")

    def region_path(self, region_id: str | None) -> str:
        return self.region_name(region_id)

    def unit_name(self, unit_id: str | None) -> str:
        return self.world.unit_names.get(unit_id or "", unit_id or "")

    def region_index(self) -> RegionIndex:
        return RegionIndex(self.state.regions)
