"""The base of the wall's pages (:class:`WallPage`), what they need (:class:`WallContext`),
and their headings.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from client.api import HubClient
from client.protocol import Event
from client.state import ChangeSet, State
from console.wall.model import WallStats
from console.wall.theme import WALL
from widgets.common import current_lang
from widgets.qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QCoreApplication,
    QWidget,
)

translate = QCoreApplication.translate


#: each page's heading, by page id
PAGE_TITLES = {
    "kpi": QT_TRANSLATE_NOOP("Wall", "Today at a glance"),
    "map": QT_TRANSLATE_NOOP("Wall", "Open cases"),
    "trend": QT_TRANSLATE_NOOP("Wall", "Reports per hour"),
    "breakdown": QT_TRANSLATE_NOOP("Wall", "Today's reports"),
    "load": QT_TRANSLATE_NOOP("Wall", "Unit load"),
    "overdue": QT_TRANSLATE_NOOP("Wall", "Overdue cases"),
    "calls": QT_TRANSLATE_NOOP("Wall", "Video calls"),
    "rank": QT_TRANSLATE_NOOP("Wall", "This month's ranking"),
}


class WallContext(Protocol):
    """What the pages need (a :class:`console.session.Session` is one)."""

    state: State
    zone: ZoneInfo

    @property
    def cache_dir(self) -> Path | None:
        """Where the region polygons are kept (None: nowhere)."""

    def fetch(self, fn: Callable[[HubClient], Any], on_ok: Callable[[Any], None],
              on_error: Callable[[Exception], None] | None = None) -> None:
        """Run a read ``fn(api)`` off the GUI thread and call back on it."""

    def region_name(self, region_id: str | None) -> str: ...

    def unit_name(self, unit_id: str | None) -> str: ...


def wall_colour(name: str) -> QColor:
    """A wall theme colour by its key."""
    return QColor(WALL[name])


def day_word() -> str:
    """The unit of whole days in elapsed times (天 / d)."""
    return "天" if current_lang() == "zh_CN" else "d"


class WallPage(QWidget):
    """Base of the wall's pages.

    Attributes:
        page_id: the page's name in playlists.
        dirty: the page must be refreshed before it is next seen.
        min_refresh_s: the shortest interval between two refreshes while shown.
        refreshed_at: when the page was last refreshed (controller clock).
    """

    page_id = "page"
    min_refresh_s = 1.0

    def __init__(self, ctx: WallContext, stats: WallStats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"wallPage_{self.page_id}")
        self.ctx = ctx
        self.stats = stats
        self.base = 27
        self.dirty = True
        self.refreshed_at = -math.inf

    def title(self) -> str:
        """The page's heading."""
        return translate("Wall", PAGE_TITLES[self.page_id])

    def set_base(self, base: int) -> None:
        """Adopt a new base type size."""
        self.base = base
        self.update()

    def mark(self, changes: ChangeSet) -> None:
        """Note what a change set means for this page (default: anything → dirty)."""
        if changes:
            self.dirty = True

    # ---- As a receiver of the wall's distributor

    @property
    def pane_id(self) -> str:
        """The name the distributor logs a failure under."""
        return f"wall-{self.page_id}"

    def on_changes(self, changes: ChangeSet) -> None:
        """A change set from the pump: :meth:`mark` what it means for this page."""
        self.mark(changes)

    def on_events(self, events: list[Event]) -> None:
        """The events behind the last change set: the pages count from the bookkeeping."""

    def on_tick(self, now: float) -> None:
        """Nothing: the controller refreshes the page shown when its clock moves."""

    def maybe_refresh(self, now: float, force: bool = False) -> bool:
        """Refresh if dirty (and not refreshed within ``min_refresh_s``), or if forced."""
        if force or (self.dirty and now - self.refreshed_at >= self.min_refresh_s):
            self.dirty = False
            self.refreshed_at = now
            self.refresh(now)
            return True
        return False

    def refresh(self, now: float) -> None:
        """Re-read the State and the stats."""

    def tick(self, now: float) -> None:
        """Advance live times (called every second while shown)."""

    def reset_day(self) -> None:
        """The wall day rolled over: forget per-day drawing state."""
        self.dirty = True
