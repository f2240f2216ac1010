"""Dock layouts: the built-in ones (1920×1080, 3840×2160, 1366×768, two screens) and each
user's saved one (dropped when it no longer fits the screens).

A built-in layout places every dock (by its object name ``dock-<key>``) and sizes the
columns in proportion to the window. A user's own arrangement is kept with
``QMainWindow.saveState()`` in an INI file, keyed by user name, and restored at the next
login; "reset layout" goes back to the built-in layout and forgets the saved one.
"""

from __future__ import annotations

import re
from pathlib import Path

from widgets.qt import QByteArray, QDockWidget, QGuiApplication, QMainWindow, QRect, QSettings, Qt

STATE_VERSION = 1
KINDS = ("hd", "uhd", "small", "dual")

Area = Qt.DockWidgetArea
H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


def _key(username: str) -> str:
    """A settings group name for ``username`` (no separators, stable)."""
    return "user_" + re.sub(r"[^A-Za-z0-9_.-]", lambda m: f"%{ord(m.group()):04x}", username)


class LayoutStore:
    """Saved layouts in one INI file.

    Args:
        path: the INI file (created on first save).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def save(self, username: str, window: QMainWindow, kind: str) -> None:
        """Keep ``window``'s dock state and geometry for ``username``."""
        s = self._settings
        s.beginGroup(_key(username))
        s.setValue("state", window.saveState(STATE_VERSION))
        s.setValue("geometry", window.saveGeometry())
        s.setValue("kind", kind)
        # where things were, to tell at the next start whether it still fits the screens
        s.setValue("window", _rect_text(window.frameGeometry()))
        screen = window.screen() if window.isVisible() else QGuiApplication.primaryScreen()
        if screen is not None:
            s.setValue("screen", _rect_text(screen.availableGeometry()))
        s.setValue("floating", [_rect_text(d.frameGeometry())
                                for d in window.findChildren(QDockWidget)
                                if d.isFloating() and not d.isHidden()])
        s.endGroup()
        s.sync()

    def saved_fits(self, username: str, screens: list[QRect]) -> bool:
        """Whether ``username``'s saved layout fits ``screens`` (the available geometries
        now): it was made on a screen of a size there is now, and each floating pane's
        centre is on a screen (a layout made for two screens does not fit one). True when
        the layout did not record them."""
        if not screens:
            return True
        base = _key(username)
        made_for = _rect_of(self._settings.value(f"{base}/screen"))
        if made_for is not None and not any(g.size() == made_for.size() for g in screens):
            return False  # arranged for a screen of another size (1920×1080 → 1366×768)
        floating = self._settings.value(f"{base}/floating") or []
        if isinstance(floating, str):
            floating = [floating]
        for text in floating if isinstance(floating, list) else []:
            rect = _rect_of(text)
            if rect is not None and not any(g.contains(rect.center()) for g in screens):
                return False
        return True

    def restore(self, username: str, window: QMainWindow) -> bool:
        """Restore ``username``'s saved dock state into ``window``; False if none or bad."""
        state = self._saved_bytes(username, "state")
        return state is not None and bool(window.restoreState(state, STATE_VERSION))

    def restore_geometry(self, username: str, window: QMainWindow) -> bool:
        """Restore ``username``'s saved window geometry; False if none."""
        geo = self._saved_bytes(username, "geometry")
        return geo is not None and bool(window.restoreGeometry(geo))

    def _saved_bytes(self, username: str, name: str) -> QByteArray | None:
        """A non-empty saved byte value of ``username``'s layout, or None."""
        value = self._settings.value(f"{_key(username)}/{name}")
        if not isinstance(value, QByteArray | bytes) or not value:
            return None
        return QByteArray(value)

    def saved_kind(self, username: str) -> str | None:
        """The built-in layout the user last chose (``hd``/``uhd``), or None."""
        value = self._settings.value(f"{_key(username)}/kind")
        return value if value in KINDS else None

    def forget(self, username: str) -> None:
        """Drop the saved layout of ``username``."""
        self._settings.remove(_key(username))
        self._settings.sync()

    def has(self, username: str) -> bool:
        """Whether ``username`` has a saved layout."""
        return self._settings.value(f"{_key(username)}/state") is not None


def _rect_text(r: QRect) -> str:
    return f"{r.x()},{r.y()},{r.width()},{r.height()}"


def _rect_of(value: object) -> QRect | None:
    try:
        x, y, w, h = (int(v) for v in str(value).split(","))
    except (TypeError, ValueError):
        return None
    return QRect(x, y, w, h)


def apply_builtin(window: QMainWindow, docks: dict[str, QDockWidget], kind: str,
                  width: int, height: int, second: QRect | None = None) -> None:
    """Arrange ``docks`` (by pane key) in the built-in layout ``kind`` for a window of this size.

    Kinds: ``hd`` (1920×1080), ``uhd`` (3840×2160), ``small`` (1366×768) and ``dual`` (the
    window with the queue and the map on its screen; the detail, alerts and unit workloads
    floating on ``second``, the other screen's available geometry — without one, ``dual``
    is laid out as ``hd``). Missing keys are skipped, so the layout works whatever panes
    exist. In every kind the alerts are the front tab of their group.
    """
    if kind == "dual" and second is None:
        kind = "hd"
    for dock in docks.values():
        dock.setFloating(False)
        window.removeDockWidget(dock)

    def get(key: str) -> QDockWidget | None:
        return docks.get(key)

    def add(area: Area, key: str) -> QDockWidget | None:
        d = get(key)
        if d is not None:
            window.addDockWidget(area, d)
            d.show()
        return d

    def split(anchor: QDockWidget | None, key: str, orient: Qt.Orientation,
              area: Area) -> QDockWidget | None:
        d = get(key)
        if d is None:
            return None
        if anchor is not None:
            window.splitDockWidget(anchor, d, orient)
        else:
            window.addDockWidget(area, d)
        d.show()
        return d

    def tab(anchor: QDockWidget | None, key: str, area: Area) -> QDockWidget | None:
        d = get(key)
        if d is None:
            return None
        if anchor is not None:
            window.tabifyDockWidget(anchor, d)
        else:
            window.addDockWidget(area, d)
        d.show()
        return d

    kpi = add(Area.TopDockWidgetArea, "kpi")
    regions = add(Area.LeftDockWidgetArea, "regions")
    queue = split(regions, "queue", H, Area.LeftDockWidgetArea)
    if kind == "dual":
        _dual(window, docks, kpi, regions, queue, width, height, second)  # type: ignore[arg-type]
        return
    if kind == "small":
        # 1366×768: queue | detail (map tabbed behind the detail), alerts under the detail,
        # workload and ticker tabbed in a short bottom row.
        detail = add(Area.RightDockWidgetArea, "detail")
        alerts = split(detail, "alerts", V, Area.RightDockWidgetArea)  # split, then tab
        tab(detail, "map", Area.RightDockWidgetArea)
        tab(alerts, "calls", Area.RightDockWidgetArea)
        if detail is not None:
            detail.raise_()
        workload = add(Area.BottomDockWidgetArea, "workload")
        tab(workload, "ticker", Area.BottomDockWidgetArea)
        if workload is not None:
            workload.raise_()
        ticker = None
        mapd = None
        shares: tuple[float, ...] = (0.15, 0.52, 0.33)
        heights = (0.11, 0.67, 0.22)
    else:
        detail = add(Area.RightDockWidgetArea, "detail")
        mapd = split(queue, "map", H, Area.LeftDockWidgetArea)
        workload = add(Area.BottomDockWidgetArea, "workload")
        ticker = split(workload, "ticker", H, Area.BottomDockWidgetArea)
        if kind == "uhd":
            alerts = split(detail, "alerts", V, Area.RightDockWidgetArea)
            split(ticker, "calls", H, Area.BottomDockWidgetArea)
            shares = (0.10, 0.36, 0.30, 0.24)
        else:
            alerts = split(detail, "alerts", V, Area.RightDockWidgetArea)
            tab(alerts, "calls", Area.RightDockWidgetArea)
            shares = (0.14, 0.44, 0.16, 0.26)
        heights = (0.10, 0.63, 0.27)
    if alerts is not None:
        alerts.raise_()

    for dock in docks.values():
        dock.setFloating(False)

    # Proportions: KPI strip short; columns regions : queue : map : detail.
    side = [d for d in (regions, queue, mapd, detail) if d is not None]
    cols = dict(zip((regions, queue, mapd, detail),
                    shares if len(shares) == 4 else (shares[0], shares[1], 0.0, shares[2]),
                    strict=True))
    if side:
        window.resizeDocks(side, [int(width * cols[d]) for d in side], H)
    body = queue or detail
    rows = [d for d in (kpi, body, workload) if d is not None]
    sizes = [int(height * (heights[0] if d is kpi else heights[2] if d is workload
                           else heights[1])) for d in rows]
    if rows:
        window.resizeDocks(rows, sizes, V)
    if kpi is not None:
        # no central widget takes a growing window's extra height (maximised again after a
        # restore): without a cap the KPI strip took it from the panes below
        kpi.setMaximumHeight(max(kpi.minimumSizeHint().height(),
                                 int(height * heights[0] * 1.4)))
    if workload is not None and ticker is not None:
        bottom = [workload, ticker] + ([docks["calls"]] if kind == "uhd" and "calls" in docks
                                       else [])
        window.resizeDocks(bottom, [width // len(bottom)] * len(bottom), H)
    if detail is not None and alerts is not None:
        window.resizeDocks([detail, alerts], [int(height * 0.38), int(height * 0.26)], V)


def _dual(window: QMainWindow, docks: dict[str, QDockWidget], kpi: QDockWidget | None,
          regions: QDockWidget | None, queue: QDockWidget | None, width: int, height: int,
          second: QRect) -> None:
    """Two screens: queue and map here, detail / alerts / workloads on ``second``."""
    mapd = docks.get("map")
    if mapd is not None:
        if queue is not None:
            window.splitDockWidget(queue, mapd, H)
        else:
            window.addDockWidget(Area.RightDockWidgetArea, mapd)
        mapd.show()
    bottom: list[QDockWidget] = []
    for key in ("ticker", "calls", "dispatch", "whistles", "audit"):
        d = docks.get(key)
        if d is None:
            continue
        if bottom:
            window.tabifyDockWidget(bottom[0], d)
        else:
            window.addDockWidget(Area.BottomDockWidgetArea, d)
        d.show()
        bottom.append(d)
    if bottom:
        bottom[0].raise_()
    side = [d for d in (regions, queue, mapd) if d is not None]
    share = {id(regions): 0.14, id(queue): 0.50, id(mapd): 0.36}
    window.resizeDocks(side, [int(width * share[id(d)]) for d in side], H)
    rows = [d for d in (kpi, queue, bottom[0] if bottom else None) if d is not None]
    hs = {id(kpi): 0.08, id(queue): 0.70}
    window.resizeDocks(rows, [int(height * hs.get(id(d), 0.22)) for d in rows], V)
    # The other screen: detail on the left half, alerts above the workloads on the right.
    g = second
    half = g.width() // 2
    places = {"detail": QRect(g.x(), g.y(), half, g.height()),
              "alerts": QRect(g.x() + half, g.y(), g.width() - half, g.height() * 45 // 100),
              "workload": QRect(g.x() + half, g.y() + g.height() * 45 // 100,
                                g.width() - half, g.height() - g.height() * 45 // 100)}
    for key, rect in places.items():
        d = docks.get(key)
        if d is None:
            continue
        window.addDockWidget(Area.RightDockWidgetArea, d)
        d.setFloating(True)
        d.setGeometry(rect)
        d.show()


def fits(window: QMainWindow, docks: dict[str, QDockWidget], screens: list[QRect]) -> bool:
    """Whether ``window`` (and each visible floating dock) lies on the ``screens`` (their
    available geometries) and its minimum size fits the screen it is on."""
    if not screens:
        return True

    def on_screen(rect: QRect) -> QRect | None:
        centre = rect.center()
        for g in screens:
            if g.contains(centre):
                return g
        return None

    frame = window.frameGeometry()
    g = on_screen(frame) or next((s for s in screens if s.intersects(frame)), None)
    if g is None:
        return False
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    if need.width() > g.width() or need.height() > g.height():
        return False
    return all(on_screen(d.frameGeometry()) is not None
               for d in docks.values() if d.isFloating() and not d.isHidden())
