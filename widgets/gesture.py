"""Tell a user's gesture from a pane's own rebuild: who may change the shared selection.

Item views report a new current row the same way whether the officer clicked it, moved to
it with the keys, or the pane rebuilt its list (a whistle changed, an alert came in) and
Qt moved the current row on its own. Only the first two may change the case the whole
window works on. :class:`UserInputWatch` watches a pane's widgets for mouse and key input
and says whether a selection signal arrives *while* such input is being handled.

The watch is armed by the input event itself (the view handles it synchronously and emits
its current-row signal inside it) and disarmed by a zero-delay timer queued at the same
moment, so it stays armed only for the handling of that one input event.

Threading: GUI thread only.
"""

from __future__ import annotations

from widgets.qt import QEvent, QObject, QTimer, QWidget

_INPUT = frozenset((
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
))


class UserInputWatch(QObject):
    """Whether the user is giving input to one pane right now.

    Args:
        root: the pane; the watch covers it and every widget inside it at install time
            (item views' viewports included), plus widgets added later that announce
            themselves with a ChildAdded event on a watched widget.

    Attributes:
        active: True while a mouse or key event inside the pane is being handled.
        gestures: how many input events were seen (for checks).
    """

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self.active = False
        self.gestures = 0
        self._disarm_queued = False
        self._watched: set[int] = set()
        self._watch(root)

    def arm(self) -> None:
        """Count what follows, until control returns to the event loop, as the user's doing
        (for explicit gestures that arrive other ways: a command bar, a "go to" button)."""
        self.active = True
        self.gestures += 1
        if not self._disarm_queued:
            self._disarm_queued = True
            QTimer.singleShot(0, self._disarm)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        t = event.type()
        if t in _INPUT:
            self.arm()
        elif t == QEvent.Type.ChildAdded:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                self._watch(child)
        return False

    def _watch(self, root: QWidget) -> None:
        for w in (root, *root.findChildren(QWidget)):
            key = id(w)
            if key in self._watched:
                continue
            self._watched.add(key)
            w.installEventFilter(self)

    def _disarm(self) -> None:
        self._disarm_queued = False
        self.active = False
