"""A pane that fits its dock: when the dock is smaller than what the pane needs (a long
case, a small screen), the pane scrolls instead of raising the window's minimum size past
the screen. The live console and the offline review wrap every pane with :func:`fitting`."""

from __future__ import annotations

from widgets.qt import QtWidgets, QWidget

#: the largest minimum size a pane's dock may ask for (px): anything bigger scrolls
FIT_MAX = (160, 100)


def fitting(pane: QWidget) -> QtWidgets.QScrollArea:
    """``pane`` in a frameless scroll area that fills its dock (see the module docstring)."""
    area = QtWidgets.QScrollArea()
    area.setObjectName(f"fit-{pane.objectName()}")
    area.setWidgetResizable(True)
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    area.setWidget(pane)
    # small panes keep their own small minimum (a KPI strip stays readable); no pane's
    # minimum may exceed FIT_MAX
    hint = pane.minimumSizeHint().expandedTo(pane.minimumSize())
    area.setMinimumSize(max(80, min(hint.width(), FIT_MAX[0])),
                        max(40, min(hint.height(), FIT_MAX[1])))
    return area


__all__ = ["FIT_MAX", "fitting"]
