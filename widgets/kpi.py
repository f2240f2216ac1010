"""KPI strip: today's reported, dispatched, closed, closure rate, overdue, link state, clock.

Numbers are big and scale with the strip's height (wall screens); every tile has a caption
and the link tile says its state in words and a symbol, never by colour alone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from client.feed import LinkStatus
from client.regions import RegionIndex, Scope
from client.scope_figures import ScopeFigures
from client.state import ChangeSet
from widgets.common import GREEN, ORANGE, VERMILLION, fg, link_problem, plain_label
from widgets.pane import Pane, PaneContext
from widgets.pane_roles import LinkListener, ScopeListener
from widgets.qt import QFrame, QHBoxLayout, QResizeEvent, Qt, QVBoxLayout, QWidget
from widgets.text import neutralize, safe

LINK_SYMBOL = {"live": "●", "catching_up": "◐", "connecting": "○", "reconnecting": "○",
               "offline": "✕", "session_expired": "✕"}
LINK_COLOR = {"live": GREEN, "catching_up": ORANGE, "connecting": ORANGE,
              "reconnecting": VERMILLION, "offline": VERMILLION, "session_expired": VERMILLION}


class _Tile(QFrame):
    """A caption over a big value."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(f"kpi_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = plain_label("", self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.value = plain_label("—", self)
        self.value.setObjectName(f"kpi_{name}_value")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sub = plain_label("", self)
        self.sub.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(0)
        lay.addWidget(self.caption)
        lay.addWidget(self.value, 1)
        lay.addWidget(self.sub)

    def set_color(self, color: str | None) -> None:
        self.setProperty("valueColor", color)
        pal = self.value.palette()
        pal.setColor(self.value.foregroundRole(),
                     fg(color) if color else self.palette().windowText().color())
        self.value.setPalette(pal)


class KpiPane(Pane, ScopeListener, LinkListener):
    """KPI strip.

    Public API besides the Pane contract:
        set_link(status): show a ``client.feed.LinkStatus`` (state, last seq, lag, counters).
        tiles: the tiles by name (reported, dispatched, closed, rate, overdue, link, clock).
    """

    pane_id = "kpi"

    NAMES = ("reported", "dispatched", "closed", "rate", "overdue", "link", "clock")

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tiles: dict[str, _Tile] = {n: _Tile(n, self) for n in self.NAMES}
        lay = QHBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(4)
        for n in self.NAMES:
            lay.addWidget(self.tiles[n], 2 if n in ("link", "clock") else 1)
        self._link: LinkStatus | None = None
        #: the scope narrowed to (client.regions.Scope; None: the whole post) and its
        #: figures, kept by deltas (the same cases as the queue's scope filter)
        self.scope: Any = None
        self.figures = ScopeFigures(ctx.state, self._region_index())
        self._now = ctx.state.now
        self.setMinimumHeight(90)
        self._retranslate()
        self._refresh()
        self.on_tick(self._now)

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Today")

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.reset and self.scope is not None:
            self.figures.set_scope(self.scope, self._region_index())  # regions may be new
            self._refresh()
        elif self.figures.apply(changes):
            self._refresh()

    def on_tick(self, now: float) -> None:
        self._now = now
        dt = datetime.fromtimestamp(now, self.ctx.zone)
        clock = self.tiles["clock"]
        clock.value.setText(dt.strftime("%H:%M:%S"))
        zone = (self.tr("Beijing time") if self.ctx.zone.key == "Asia/Shanghai"
                else self.ctx.zone.key)
        clock.sub.setText(f"{dt.strftime('%Y-%m-%d')} · {zone}")

    def on_scope(self, scope: Scope | None) -> None:
        """Show today's figures of the cases in ``scope`` (a region subtree and category,
        as the queue filters them; None or everything: the whole post)."""
        self.scope = None if scope is None or scope.everything else scope
        self.figures.set_scope(self.scope, self._region_index())
        self._refresh()

    # ---- Public API

    def set_link(self, status: LinkStatus) -> None:
        """Show the feed's :class:`client.feed.LinkStatus`."""
        self._link = status
        tile = self.tiles["link"]
        state = str(status.state)
        words = {
            "connecting": self.tr("Connecting"), "catching_up": self.tr("Catching up"),
            "live": self.tr("Live"), "reconnecting": self.tr("Reconnecting"),
            "offline": self.tr("Offline"), "session_expired": self.tr("Session expired"),
        }
        tile.value.setText(f"{LINK_SYMBOL.get(state, '?')} {words.get(state, neutralize(state))}")
        tile.set_color(LINK_COLOR.get(state))
        last = int(status.last_seq or 0)
        latest = int(status.hub_latest or 0)
        lag = max(0, latest - last)
        sub = self.tr("seq %1 · lag %2").replace("%1", str(last)).replace("%2", str(lag))
        retry = status.retry_in
        if state == "reconnecting" and isinstance(retry, int | float):
            sub += " · " + self.tr("retry in %1 s").replace("%1", f"{retry:.0f}")
        tile.sub.setText(sub)
        counters = [(self.tr("frames"), status.frames), (self.tr("applied"), status.applied),
                    (self.tr("duplicates"), status.duplicates),
                    (self.tr("gaps filled"), status.gaps_filled),
                    (self.tr("junk frames"), status.junk),
                    (self.tr("invalid events skipped"), status.skipped),
                    (self.tr("reconnects"), status.reconnects),
                    (self.tr("snapshots"), status.snapshots)]
        lines = [f"{label}: {value}" for label, value in counters]
        kind = status.error_kind
        if kind:
            lines.append(self.tr("last problem: %1").replace("%1", link_problem(kind)))
        tile.setToolTip("\n".join(lines))

    # ---- Internals

    def _region_index(self) -> RegionIndex:
        return self.ctx.region_index()

    def scope_words(self) -> str:
        """What the figures are narrowed to, in words ("" for the whole post)."""
        scope = self.scope
        if scope is None:
            return ""
        parts = []
        if scope.region_id is not None:
            parts.append(safe(self.figures.index.name(scope.region_id), 20))
        if scope.category is not None:
            parts.append(safe(scope.subcategory or scope.category, 12))
        return " · ".join(parts)

    def _refresh(self) -> None:
        figures = self.figures.figures()
        c = figures.today
        t = self.tiles
        t["reported"].value.setText(f"{c.reported:,}")
        t["dispatched"].value.setText(f"{c.dispatched:,}")
        t["closed"].value.setText(f"{c.closed:,}")
        rate = c.closure_rate
        t["rate"].value.setText("—" if rate is None else f"{rate * 100:.0f}%")
        t["rate"].sub.setText(self.tr("%1 of %2 closed").replace("%1", str(c.closed_of_reported))
                              .replace("%2", str(c.reported)))
        over, near = figures.overdue, figures.near_due
        where = self.scope_words()
        if where:
            t["overdue"].caption.setText(self.tr("Overdue in %1").replace("%1", where))
            t["reported"].caption.setText(self.tr("Reported today in %1").replace("%1", where))
        else:
            t["overdue"].caption.setText(self.tr("Overdue now"))
            t["reported"].caption.setText(self.tr("Reported today"))
        t["overdue"].value.setText(f"⚠ {over:,}" if over else "0")
        t["overdue"].set_color(VERMILLION if over else None)
        t["overdue"].sub.setText(self.tr("◔ %1 near due").replace("%1", f"{near:,}"))

    def _retranslate(self) -> None:
        caps = {"reported": self.tr("Reported today"), "dispatched": self.tr("Dispatched"),
                "closed": self.tr("Closed today"), "rate": self.tr("Closure rate"),
                "overdue": self.tr("Overdue now"), "link": self.tr("Hub link"),
                "clock": self.tr("Post time")}
        for n, tile in self.tiles.items():
            tile.caption.setText(caps[n])
        self.tiles["dispatched"].sub.setText(self.tr("of today's reports"))
        if self._link is not None:
            self.set_link(self._link)
        else:
            self.tiles["link"].value.setText("○ " + self.tr("Not connected"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_values()

    def restyle(self) -> None:
        super().restyle()
        self._size_values()  # a new stylesheet resets the figures to body size
        for tile in self.tiles.values():
            tile.set_color(tile.property("valueColor"))

    def _size_values(self) -> None:
        size = max(14, min(96, int(self.height() * 0.38)))
        for tile in self.tiles.values():
            f = tile.value.font()
            f.setPixelSize(size if tile.objectName() not in ("kpi_link", "kpi_clock")
                           else int(size * 0.8))
            f.setBold(True)
            tile.value.setFont(f)

    def retranslate(self) -> None:
        self._retranslate()
        self._refresh()

