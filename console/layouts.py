"""Dock layouts: the built-in ones for 1920×1080 and 3840×2160, and each user's saved one.

A built-in layout places every dock (by its object name ``dock-<key>``) and sizes the
columns in proportion to the window. A user's own arrangement is kept with
``QMainWindow.saveState()`` in an INI file, keyed by user name, and restored at the next
login; "reset layout" goes back to the built-in layout and forgets the saved one.
"""

from __future__ import annotations

import re
from pathlib import Path

from widgets.qt import QByteArray, QDockWidget, QMainWindow, QSettings, Qt

STATE_VERSION = 1
KINDS = ("hd", "uhd")

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
        s.endGroup()
        s.sync()

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


def apply_builtin(window: QMainWindow, docks: dict[str, QDockWidget], kind: str,
                  width: int, height: int) -> None:
    """Arrange ``docks`` (by pane key) in the built-in layout ``kind`` for a window of this size.

    Missing keys are skipped, so the layout works whatever panes exist.
    """
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

    kpi = add(Area.TopDockWidgetArea, "kpi")
    queue = add(Area.LeftDockWidgetArea, "queue")
    detail = add(Area.RightDockWidgetArea, "detail")
    workload = add(Area.BottomDockWidgetArea, "workload")
    mapd = get("map")
    if mapd is not None:
        if queue is not None:
            window.splitDockWidget(queue, mapd, H)
        else:
            window.addDockWidget(Area.LeftDockWidgetArea, mapd)
        mapd.show()
    ticker = get("ticker")
    if ticker is not None:
        if workload is not None:
            window.splitDockWidget(workload, ticker, H)
        else:
            window.addDockWidget(Area.BottomDockWidgetArea, ticker)
        ticker.show()
    alerts, calls = get("alerts"), get("calls")
    if kind == "uhd":
        # Room for everything side by side: alerts under detail, calls beside the ticker.
        for d, anchor, orient, area in ((alerts, detail, V, Area.RightDockWidgetArea),
                                        (calls, ticker, H, Area.BottomDockWidgetArea)):
            if d is None:
                continue
            if anchor is not None:
                window.splitDockWidget(anchor, d, orient)
            else:
                window.addDockWidget(area, d)
            d.show()
    else:
        # 1920×1080: alerts under the detail, calls as a tab behind the alerts.
        if alerts is not None:
            if detail is not None:
                window.splitDockWidget(detail, alerts, V)
            else:
                window.addDockWidget(Area.RightDockWidgetArea, alerts)
            alerts.show()
        if calls is not None:
            if alerts is not None:
                window.tabifyDockWidget(alerts, calls)
                alerts.raise_()
            else:
                window.addDockWidget(Area.RightDockWidgetArea, calls)
            calls.show()

    for dock in docks.values():
        dock.setFloating(False)

    # Proportions: KPI strip short; columns queue : map : detail.
    side = [d for d in (queue, mapd, detail) if d is not None]
    shares = {"hd": (0.33, 0.40, 0.27), "uhd": (0.30, 0.45, 0.25)}[kind]
    if side:
        window.resizeDocks(side, [int(width * shares[i]) for i in range(len(side))], H)
    rows = [d for d in (kpi, queue or detail, workload) if d is not None]
    heights = {"kpi": 0.09, "body": 0.63, "bottom": 0.28}
    sizes = []
    for d in rows:
        share = heights["kpi"] if d is kpi else heights["bottom"] if d is workload else heights["body"]
        sizes.append(int(height * share))
    if rows:
        window.resizeDocks(rows, sizes, V)
    if workload is not None and ticker is not None:
        bottom = [workload, ticker] + ([calls] if kind == "uhd" and calls is not None else [])
        share = 1 / len(bottom)
        window.resizeDocks(bottom, [int(width * share)] * len(bottom), H)
    if detail is not None and alerts is not None:
        window.resizeDocks([detail, alerts], [int(height * 0.36), int(height * 0.27)], V)
