"""Test doubles for the wall: a pane context over a State and a fake feed."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from zoneinfo import ZoneInfo

from client.batch import Batch
from client.feed import LinkStatus
from client.state import State
from widgets.text import safe


class WallCtx:
    """What the wall's pages need (state, zone, names), like console.session.Session."""

    def __init__(self, state: State, role: str = "wall", geometry: dict | None = None) -> None:
        self.state = state
        self.zone = ZoneInfo(state.zone_name)
        self.role = role
        self.read_only = True
        self.geometry = geometry
        self.cache_dir: Path | None = None  # the polygons are kept nowhere

    def fetch(self, fn, on_ok, on_error=None) -> None:  # noqa: ANN001
        """Answer ``GET /regions/geometry`` (1.1) at once; None: a 1.0 hub."""
        geometry = self.geometry

        class _Api:
            def region_geometry(self, etag: str | None = None) -> tuple:
                return ('"g"', geometry) if geometry else (None, None)

        on_ok(fn(_Api()))

    def region_name(self, region_id: str | None) -> str:
        if not region_id:
            return ""
        r = self.state.regions.get(region_id)
        return safe(r.get("name") if r else region_id, 60)

    def unit_name(self, unit_id: str | None) -> str:
        if not unit_id:
            return ""
        u = self.state.units.get(unit_id)
        return safe(u.get("name") if u else unit_id, 60)

    def category_name(self, category: str, subcategory: str) -> str:
        return safe(category, 40)


def link(state: str, retry_in: float | None = None) -> LinkStatus:
    """A LinkStatus in ``state``."""
    return LinkStatus(state, retry_in, 0, 0, 0, 0, 0, 0, 0, 0, 0, None, None)


class FakeFeed:
    """What the Bridge needs from a Feed: drain(), status(), fatal."""

    def __init__(self) -> None:
        self.batches: deque[Batch] = deque()
        self.state = "connecting"
        self.retry_in: float | None = None
        self.fatal: Exception | None = None

    def push(self, snapshot: dict | None = None, events: list[dict] | None = None) -> None:
        events = events or []
        seq = events[-1]["seq"] if events else (snapshot or {}).get("seq", 0)
        self.batches.append(Batch(snapshot, events, seq, 0.0))

    def drain(self) -> list[Batch]:
        out = list(self.batches)
        self.batches.clear()
        return out

    def status(self) -> LinkStatus:
        return link(self.state, self.retry_in)
