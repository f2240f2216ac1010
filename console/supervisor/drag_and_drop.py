"""Drag-and-drop reassignment: cases dragged onto a unit are reassigned to it.

Panes declare where drags start and where drops land (:meth:`widgets.pane.Pane.drag_sources`,
:meth:`widgets.pane.Pane.drop_targets`); :func:`install` puts a :class:`CaseDragStarter`
or a :class:`UnitDropFilter` on each of those views (event filters on their viewports, so
the panes' own code needs no change). A drop calls ``actions.reassign`` (the
:class:`console.supervisor.actions.Actions`), which checks the role before any request.
The payload is :mod:`widgets.case_drag`'s.

Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from widgets.actions_port import ActionsPort
from widgets.case_drag import MIME_CASE_IDS, decode_items, encode_items
from widgets.pane import Pane
from widgets.qt import (
    QAbstractItemView,
    QEvent,
    QMouseEvent,
    QObject,
    QPoint,
    Qt,
    QtGui,
    QtWidgets,
    Signal,
)

_UnitRole = Qt.ItemDataRole.UserRole


class UnitDropFilter(QObject):
    """Makes any item view a drop target for cases: the row under the drop is a unit.

    Installed as an event filter on the view's viewport, so the view's own code needs no
    change. A drag is accepted only when ``actions.can("assign")``; a drop from a console
    that may not reassign is refused *before* any request (with a message).

    Args:
        view: the item view whose rows are units.
        unit_at: maps a viewport position to a unit id (None: no unit there); by default
            the ``UserRole`` data of the row under the position.
        actions: the console's actions.

    Signals:
        sig_dropped(str, int): ``(unit id, requests sent)`` after a drop.
    """

    sig_dropped = Signal(str, int)

    def __init__(self, view: QAbstractItemView, actions: Any,
                 unit_at: Callable[[QPoint], str | None] | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.actions = actions
        self._unit_at = unit_at or self._row_unit
        view.viewport().setAcceptDrops(True)
        view.viewport().installEventFilter(self)

    def _row_unit(self, pos: QPoint) -> str | None:
        index = self.view.indexAt(pos)
        uid = index.data(_UnitRole) if index.isValid() else None
        return uid if isinstance(uid, str) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        et = event.type()
        if et not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop,
                      QEvent.Type.DragLeave):
            return False
        if et == QEvent.Type.DragLeave:
            return True
        event = cast(QtGui.QDropEvent, event)  # (a drag enter, move or drop event)
        mime = event.mimeData()
        if not mime.hasFormat(MIME_CASE_IDS):
            return False  # not ours: let the view decide
        pos = event.position().toPoint()
        allowed = self.actions is not None and self.actions.can("assign")
        if et in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if not allowed:
                # The cursor says "no" and Qt delivers no drop after an ignored enter; say
                # why once per drag.
                event.ignore()
                if et == QEvent.Type.DragEnter and self.actions is not None:
                    self.actions.refuse_assign()
                return True
            unit = self._unit_at(pos)
            if unit is None and et == QEvent.Type.DragMove:
                event.ignore()
            else:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
            if unit is not None:
                index = self.view.indexAt(pos)
                if index.isValid() and self.view.currentIndex().row() != index.row():
                    self.view.setCurrentIndex(index)
            return True
        # Drop
        if not allowed:
            event.ignore()
            if self.actions is not None:
                self.actions.refuse_assign()
            return True
        unit = self._unit_at(pos)
        items = decode_items(mime)
        if unit is None or not items:
            event.ignore()
            return True
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        sent = self.actions.reassign(items, unit)
        self.sig_dropped.emit(unit, sent)
        return True


class CaseDragStarter(QObject):
    """Makes a list of cases a drag source without touching its code (event filter).

    Args:
        view: the item view.
        case_ids: returns the case ids to drag for a press at a viewport position.
        state: the State (versions come from it).
        allowed: whether dragging is allowed now.
    """

    def __init__(self, view: QAbstractItemView, case_ids: Callable[[QPoint], list[str]],
                 state: Any, allowed: Callable[[], bool]) -> None:
        super().__init__(view)
        self.view = view
        self._ids = case_ids
        self._state = state
        self._allowed = allowed
        self._press: QPoint | None = None
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        et = event.type()
        if et not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                      QEvent.Type.MouseMove):
            return False
        event = cast(QMouseEvent, event)  # (a mouse event)
        if et == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        elif et == QEvent.Type.MouseButtonRelease:
            self._press = None
        elif et == QEvent.Type.MouseMove and self._press is not None \
                and event.buttons() & Qt.MouseButton.LeftButton:
            dist = (event.position().toPoint() - self._press).manhattanLength()
            if dist >= QtWidgets.QApplication.startDragDistance() and self._allowed():
                press, self._press = self._press, None
                self.start(press)
                return True
        return False

    def items_at(self, pos: QPoint) -> list[dict]:
        """The drag payload items for a press at ``pos``."""
        cases = self._state.cases
        out = []
        for cid in self._ids(pos):
            case = cases.get(cid)
            if case is not None:
                out.append({"id": cid, "version": case.get("version")})
        return out

    def start(self, pos: QPoint) -> None:
        items = self.items_at(pos)
        if not items:
            return
        drag = QtGui.QDrag(self.view)
        drag.setMimeData(encode_items(items))
        drag.exec(Qt.DropAction.CopyAction)


@dataclass
class DragAndDrop:
    """What :func:`install` put on the panes.

    Attributes:
        drop_filters: one per declared drop target.
        drag_starters: one per declared drag source (none when the role may not assign).
    """

    drop_filters: list[UnitDropFilter] = field(default_factory=list)
    drag_starters: list[CaseDragStarter] = field(default_factory=list)


def install(panes: Iterable[Pane], actions: ActionsPort, state: Any) -> DragAndDrop:
    """Make every declared drop target and drag source of ``panes`` live.

    Drop targets are installed whatever the role (a refused drop says why); drag sources
    only when ``actions.can("assign")``.
    """
    out = DragAndDrop()
    may_assign = actions.can("assign")
    for pane in panes:
        for target in pane.drop_targets():
            out.drop_filters.append(UnitDropFilter(target.view, actions, target.unit_at))
        if may_assign:
            for source in pane.drag_sources():
                out.drag_starters.append(CaseDragStarter(
                    source.view, source.case_ids_at, state,
                    lambda: actions.can("assign")))
    return out
