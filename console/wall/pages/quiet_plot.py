"""A pyqtgraph plot with nothing to click, for the wall's chart pages."""

from __future__ import annotations

from console.wall.theme import WALL
from widgets.qt import (
    QAction,
    Qt,
    QWidget,
    pg,
)


def quiet_plot(parent: QWidget, **kw: object) -> pg.PlotWidget:
    """A PlotWidget with nothing to click: no menu, no mouse, no buttons."""
    plot = pg.PlotWidget(parent, background=WALL["background"], **kw)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    plot.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    vb = plot.getViewBox()
    vb.setMenuEnabled(False)
    for menu in (getattr(vb, "menu", None), getattr(plot.getPlotItem(), "ctrlMenu", None)):
        if menu is not None:
            for action in menu.actions():
                action.setEnabled(False)
            menu.setEnabled(False)
    scene_actions = getattr(plot.scene(), "contextMenu", None) or []
    for action in [*scene_actions, *plot.findChildren(QAction)]:
        action.setEnabled(False)  # pyqtgraph's "Export..." and view menus: never reachable
    return plot
