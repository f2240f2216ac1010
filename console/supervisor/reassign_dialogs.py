"""Reassignment dialogs: the "reassign to…" unit picker, the conflict dialog (the case
the supervisor saw beside the hub's current one) and the transient undo notice.

Drag and drop lives in :mod:`console.supervisor.drag_and_drop`, its payload in
:mod:`widgets.case_drag`.

Hub text (titles, names) is shown as plain text only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple, cast

from client.dispatch import UNDO_WINDOW_S, changed_fields, load_of
from client.protocol import NOTHING
from rows import Rows
from widgets.common import case_line, ok_cancel, plain_label, status_label
from widgets.pane import PaneContext
from widgets.qt import (
    QAbstractItemView,
    QDialog,
    QEvent,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QObject,
    QPushButton,
    Qt,
    QTableView,
    QtGui,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from widgets.rows_model import Column, RowsTableModel
from widgets.text import neutralize, safe


class PickRow(NamedTuple):
    """One unit of the picker: its id, the shown line, what the filter searches, the
    tooltip (its whole name)."""

    unit_id: str
    text: str
    search: str
    tooltip: str


class FieldChange(NamedTuple):
    """One changed field of the conflict dialog, in words: field, what was seen, now."""

    field: str
    seen: str
    now: str


# ---- Keyboard: "reassign to…" picker


class UnitPicker(QDialog):
    """Pick a unit with type-ahead: a filter box over the units, lightest load first.

    The suggested unit (if any) is listed first and preselected; Enter accepts the current
    row. ``unit_id`` holds the choice after ``exec()`` returns Accepted.
    """

    def __init__(self, ctx: PaneContext, case_ids: list[str], suggested: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitPicker")
        self.ctx = ctx
        self.unit_id: str | None = None
        n = len(case_ids)
        self.setWindowTitle(self.tr("Reassign to…"))
        head = (self.tr("Reassign {case} to:").format(case=case_line(ctx.state, case_ids[0])) if n == 1
                else self.tr("Reassign {n} cases to:").format(n=n))
        self.label = plain_label(head, self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("unitPickerFilter")
        self.filter.setPlaceholderText(self.tr("Type to filter units…"))
        state = ctx.state
        held = {(state.cases.get(c) or NOTHING).get("unit_id") for c in case_ids}
        units = sorted(state.units.values(), key=lambda u: (u["id"] != suggested,
                                                            load_of(state, u), u["id"]))
        picks = []
        for unit in units:
            uid = unit["id"]
            name = neutralize(ctx.unit_name(uid))
            load = self.tr("load {load}").format(load=f"{load_of(state, unit):.1f}")
            text = f"{safe(name, 50)}  ·  {load}"
            if uid == suggested:
                text = "★ " + text + "  " + self.tr("(suggested)")
            if uid in held and len(held) == 1:
                text += "  " + self.tr("(holds it now)")
            picks.append(PickRow(uid, text, f"{name}\n{uid}".casefold(), name))
        #: the units, suggested first then lightest load (the filter hides rows)
        self.rows: Rows[PickRow] = Rows(picks, key=lambda r: r.unit_id)
        self.model = RowsTableModel(self.rows, [
            Column(lambda: "", lambda r: r.text, tooltip=lambda r: r.tooltip)],
            self, user=lambda r: r.unit_id)
        self.list = QListView(self)
        self.list.setObjectName("unitPickerList")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        if len(self.rows):
            self._set_current(0)
        buttons = ok_cancel(self)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self.accept)
        self.list.activated.connect(lambda _index: self.accept())
        self.filter.installEventFilter(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addWidget(self.filter)
        lay.addWidget(self.list, 1)
        lay.addWidget(buttons)
        self.resize(420, 460)
        self.filter.setFocus()

    def visible_units(self) -> list[str]:
        """Unit ids the filter leaves, in order."""
        return [r.unit_id for i, r in enumerate(self.rows) if not self.list.isRowHidden(i)]

    def accept(self) -> None:
        current = self.list.currentIndex()
        if not current.isValid() or self.list.isRowHidden(current.row()):
            visible = self.visible_units()
            if not visible:
                return
            self.unit_id = visible[0]
        else:
            self.unit_id = self.rows[current.row()].unit_id
        super().accept()

    def _set_current(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Up/Down in the filter box move through the list (type, arrow, Enter).
        if watched is self.filter and event.type() == QEvent.Type.KeyPress \
                and cast(QtGui.QKeyEvent, event).key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            rows = [i for i in range(len(self.rows)) if not self.list.isRowHidden(i)]
            if rows:
                cur = self.list.currentIndex().row()
                pos = rows.index(cur) if cur in rows else -1
                step = 1 if cast(QtGui.QKeyEvent, event).key() == Qt.Key.Key_Down else -1
                self._set_current(rows[max(0, min(len(rows) - 1, pos + step))])
            return True
        return False

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        first = None
        for i, r in enumerate(self.rows):
            hit = not needle or needle in r.search
            self.list.setRowHidden(i, not hit)
            if hit and first is None:
                first = i
        if first is not None:
            self._set_current(first)


# ---- Conflict dialog


class ConflictDialog(QDialog):
    """A 409: the case as the supervisor saw it beside the hub's current one.

    ``exec()`` returns Accepted to retry against the current version, Rejected to drop it.

    Attributes:
        rows: ``(field, seen, now)`` as :func:`client.dispatch.changed_fields` gives them.
    """

    def __init__(self, ctx: PaneContext, seen: Mapping[str, Any], current: Mapping[str, Any], unit_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.ctx = ctx
        self.seen = seen
        self.current = current
        self.rows = changed_fields(seen, current)
        cid = case_line(ctx.state, current.get("id") or seen.get("id"))
        self.setWindowTitle(self.tr("Someone changed this case"))
        self.label = plain_label(self.tr(
            "{case} changed since you looked at it (another post or officer acted at the same "
            "moment). Nothing was changed by your request.").format(case=cid), self, wrap=True)
        #: the changed fields in words, as the table shows them
        self.changes: Rows[FieldChange] = Rows(
            [FieldChange(self.field_name(key), self.value_text(key, old),
                         self.value_text(key, new)) for key, old, new in self.rows])
        self.model = RowsTableModel(self.changes, [
            Column(lambda: self.tr("Field"), lambda r: r.field, tooltip=lambda r: r.field),
            Column(lambda: self.tr("You saw"), lambda r: r.seen, tooltip=lambda r: r.seen),
            Column(lambda: self.tr("Now"), lambda r: r.now, tooltip=lambda r: r.now),
        ], self)
        self.table = QTableView(self)
        self.table.setObjectName("conflictTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        version = current.get("version")
        self.retry_button = QPushButton(self.tr("Retry: assign to {unit} (version {v})").format(
            unit=safe(ctx.unit_name(unit_id), 40), v=safe(version, 12)), self)
        self.retry_button.setObjectName("conflictRetry")
        self.drop_button = QPushButton(self.tr("Leave it as it is"), self)
        self.drop_button.setObjectName("conflictDrop")
        closed = current.get("status") == "closed"
        self.retry_button.setEnabled(not closed and current.get("unit_id") != unit_id)
        self.retry_button.clicked.connect(self.accept)
        self.drop_button.clicked.connect(self.reject)
        self.drop_button.setDefault(True)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.retry_button)
        bar.addWidget(self.drop_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addWidget(self.table, 1)
        lay.addLayout(bar)
        self.resize(620, 320)

    def field_name(self, key: str) -> str:
        names = {"status": self.tr("Status"), "unit_id": self.tr("Unit"),
                 "priority": self.tr("Priority"), "title": self.tr("Title"),
                 "version": self.tr("Version"), "due_at": self.tr("Due"),
                 "address": self.tr("Address"), "region_id": self.tr("Region"),
                 "closed_at": self.tr("Closed")}
        return names.get(key, safe(key, 40))

    def value_text(self, key: str, value: object) -> str:
        if value is None:
            return "—"
        if key == "unit_id" and isinstance(value, str):
            return safe(self.ctx.unit_name(value), 60)
        if key == "status":
            return status_label(value)
        if key == "region_id" and isinstance(value, str):
            return safe(self.ctx.region_name(value), 60)
        return safe(value, 120)


# ---- Undo notice


class UndoNotice(QFrame):
    """A transient notice with an Undo button and a countdown (hidden after the window).

    Signals:
        sig_undo(): the operator pressed Undo.
    """

    sig_undo = Signal()

    def __init__(self, parent: QWidget | None = None, window_s: float = UNDO_WINDOW_S) -> None:
        super().__init__(parent)
        self.setObjectName("undoNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.window_s = window_s
        self.label: QLabel = plain_label("", self)
        self.label.setObjectName("undoNoticeText")
        self.button = QPushButton(self)
        self.button.setObjectName("undoNoticeButton")
        self.button.clicked.connect(self._undo)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 0, 6, 0)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self._left = 0
        self._text = ""
        self._undoable = False
        self._timer = QTimer(self)
        self._timer.setObjectName("undoNoticeTimer")
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.hide()

    def show_notice(self, text: str, undoable: bool) -> None:
        """Show ``text``; with ``undoable`` an Undo button counts the window down."""
        self._text = text
        self._undoable = undoable
        self._left = int(self.window_s)
        self.button.setVisible(undoable)
        self._render()
        self.show()
        self._timer.start()

    def _render(self) -> None:
        self.label.setText(self._text)
        self.label.setToolTip(self._text)
        self.button.setText(self.tr("Undo ({s} s)").format(s=max(0, self._left)))

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self._timer.stop()
            self.hide()
            return
        self._render()

    def _undo(self) -> None:
        self._timer.stop()
        self.hide()
        self.sig_undo.emit()
