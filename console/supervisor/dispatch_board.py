"""Dispatch board: the unassigned cases (reported or returned), oldest first, each with a
suggested unit, beside the post's units as drop targets.

A supervisor dispatches with one key — Enter sends the selected cases to their suggested
units — or drags cases onto a unit (here or in the workload board), or picks a unit with
Ctrl+R. Cases on their way show "assigning…" until the feed confirms them. Urge counts
(督办) per case and per unit come from ``State.urges_by_case`` / ``urges_by_unit``.

The waiting set is kept by deltas from each ChangeSet (a snapshot rescans once), so a
busy feed does not rescan every case; the tables refresh at most every ``REFRESH_MS``.
Commands go through ``ctx.actions`` (the :class:`widgets.actions_port.ActionsPort`); without it (or
for a role that cannot dispatch) the board is read-only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from client.dispatch import UNASSIGNED, dispatch_queue, load_of, suggest_unit
from client.protocol import NOTHING
from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from console.supervisor.reassign_dialogs import UnitPicker
from widgets.actions_port import ActionsPort
from widgets.case_drag import MIME_CASE_IDS, encode_items
from widgets.common import (
    OVERDUE_SYMBOL,
    format_duration,
    plain_label,
    priority_color,
    priority_label,
    status_label,
)
from widgets.pacer import out_of_sight, pacer
from widgets.pane import Pane, PaneContext, UnitDropTarget
from widgets.qt import (
    QAbstractItemView,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QMimeData,
    QObject,
    QPushButton,
    QSplitter,
    Qt,
    QtGui,
    QTimer,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from widgets.text import neutralize, safe

#: at most this many waiting cases are listed (the oldest); the header counts them all
SHOWN_LIMIT = 300
REFRESH_MS = 300
_IdRole = Qt.ItemDataRole.UserRole

(C_AGE, C_PRIORITY, C_STATUS, C_TITLE, C_REGION, C_SUGGESTED, C_URGES, C_ID) = range(8)
(U_UNIT, U_LOAD, U_OPEN, U_OVERDUE, U_URGES, U_INCOMING) = range(6)


class _CaseTable(QtWidgets.QTableWidget):
    """The waiting cases; drags the selected rows with the queue's payload."""

    def __init__(self, pane: DispatchBoardPane) -> None:
        super().__init__(0, 8, pane)
        self._pane = pane

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [MIME_CASE_IDS]

    def mimeData(self, items: Sequence[QtWidgets.QTableWidgetItem]) -> QMimeData:  # noqa: N802 - Qt API
        ids = self._pane.selected_ids()
        cases = self._pane.ctx.state.cases
        payload = [{"id": c, "version": (cases.get(c) or NOTHING).get("version")} for c in ids]
        return encode_items(payload)

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.CopyAction


class DispatchBoardPane(Pane):
    """Unassigned cases with suggested units; the post's units as drop targets.

    Public API besides the Pane contract:
        waiting_ids(): every waiting case id, oldest first.
        shown_ids(): the listed case ids, oldest first.
        suggestion(case_id): the suggested unit id (None when no unit fits).
        selected_ids(): the selected case ids.
        accept_suggestions(): Enter — dispatch the selected cases to their suggestions.
        pick_unit(): Ctrl+R — choose a unit for the selected cases.
        unit_ids(): the unit rows, in order.
        urge_selected_unit(): urge the overdue cases of the selected unit.
        flush(): refresh now.
    """

    pane_id = "dispatch_board"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None, *,
                 refresh_ms: int = REFRESH_MS) -> None:
        super().__init__(ctx, parent)
        self.commands: ActionsPort | None = ctx.actions
        self.can_dispatch = bool(self.commands is not None and self.commands.can("assign"))
        self.can_urge = bool(self.commands is not None and self.commands.can("urge"))
        self._waiting: set[str] = set()
        self._shown: list[str] = []
        self._suggest: dict[str, str | None] = {}
        self._units: list[str] = []
        self._now = ctx.state.now
        self._timer = QTimer(self)
        self._timer.setObjectName("dispatch_board_refresh")
        self._timer.setSingleShot(True)
        self._timer.setInterval(refresh_ms)
        # paced with the other panes' refreshes; none while tabbed out of sight
        self._timer.timeout.connect(lambda: pacer().request(self._flush_paced))
        self._refresh_ms = refresh_ms
        self._stale = False

        self.header = plain_label("", self)
        self.header.setObjectName("dispatch_board_header")
        hf = self.header.font()
        hf.setBold(True)
        self.header.setFont(hf)
        self.hint = plain_label("", self, wrap=True)
        self.hint.setObjectName("dispatch_board_hint")

        self.cases = _CaseTable(self)
        self.cases.setObjectName("dispatch_board_cases")
        self.units = QtWidgets.QTableWidget(0, 6, self)
        self.units.setObjectName("dispatch_board_units")
        for table in (self.cases, self.units):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setWordWrap(False)
            table.setShowGrid(False)
            table.setAlternatingRowColors(True)
            table.verticalHeader().hide()
            table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.units.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        ch = self.cases.horizontalHeader()
        ch.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        ch.setSectionResizeMode(C_TITLE, QHeaderView.ResizeMode.Stretch)
        for col, w in {C_AGE: 56, C_PRIORITY: 70, C_STATUS: 140, C_REGION: 100,
                       C_SUGGESTED: 160, C_URGES: 44, C_ID: 150}.items():
            self.cases.setColumnWidth(col, w)
        self.cases.setColumnHidden(C_ID, True)  # the id is in the title's tooltip
        uh = self.units.horizontalHeader()
        # widths fitted once per fill (_fill_units): ResizeToContents rescans every row on
        # each setItem — 5 ms per item, seconds per refresh with 140 units
        uh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        uh.setSectionResizeMode(U_UNIT, QHeaderView.ResizeMode.Stretch)
        if self.can_dispatch:
            self.cases.setDragEnabled(True)
            self.cases.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.cases.installEventFilter(self)
        self.cases.itemSelectionChanged.connect(self._on_case_selection)
        self.cases.currentCellChanged.connect(self._on_current_case)

        self.dispatch_button = QPushButton(self)
        self.dispatch_button.setObjectName("dispatch_board_accept")
        self.dispatch_button.clicked.connect(self.accept_suggestions)
        self.pick_button = QPushButton(self)
        self.pick_button.setObjectName("dispatch_board_pick")
        self.pick_button.clicked.connect(self.pick_unit)
        self.urge_button = QPushButton(self)
        self.urge_button.setObjectName("dispatch_board_urge_unit")
        self.urge_button.clicked.connect(self.urge_selected_unit)
        for b in (self.dispatch_button, self.pick_button):
            b.setVisible(self.can_dispatch)
        self.urge_button.setVisible(self.can_urge)
        # Ctrl+R is the console's "Reassign to…" action (console.supervisor.command_ui.CommandUi), which
        # acts on this board's selection first; a pane shortcut would make it ambiguous.

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        lbar = QHBoxLayout()
        lbar.addWidget(self.header, 1)
        lbar.addWidget(self.dispatch_button)
        lbar.addWidget(self.pick_button)
        ll.addLayout(lbar)
        ll.addWidget(self.cases, 1)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rbar = QHBoxLayout()
        self.units_label = plain_label("", self)
        rbar.addWidget(self.units_label, 1)
        rbar.addWidget(self.urge_button)
        rl.addLayout(rbar)
        rl.addWidget(self.units, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addWidget(split, 1)
        lay.addWidget(self.hint)
        if self.commands is not None:
            self.commands.sig_inflight.connect(self._schedule)
        self._retranslate()
        self._rescan()
        self.flush()

    # ---- Pane contract

    def drop_targets(self) -> list[UnitDropTarget]:
        """The post's units (a row's ``UserRole`` is its unit id), when this console may
        dispatch."""
        return [UnitDropTarget(self.units)] if self.can_dispatch else []

    def title(self) -> str:
        return self.tr("Dispatch board")

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.reset:
            self._rescan()
            self.flush()
            return
        cases = self.ctx.state.cases
        moved = False
        for cid in changes.cases_removed:
            if cid in self._waiting:
                self._waiting.discard(cid)
                moved = True
        for cid in changes.cases_added | changes.cases_changed:
            case = cases.get(cid)
            waiting = case is not None and case.get("status") in UNASSIGNED
            if waiting != (cid in self._waiting):
                moved = True
                if waiting:
                    self._waiting.add(cid)
                else:
                    self._waiting.discard(cid)
            elif waiting:
                moved = True  # its title, priority or region may have changed
        if moved or changes.units_changed or changes.urges_changed:
            self._schedule()

    def on_tick(self, now: float) -> None:
        self._now = now
        cases = self.ctx.state.cases
        for row, cid in enumerate(self._shown):
            item = self.cases.item(row, C_AGE)
            if item is not None:
                item.setText(self._age(cases.get(cid)))

    # ---- Public API

    def waiting_ids(self) -> list[str]:
        """Every waiting case, oldest report first."""
        cases = self.ctx.state.cases
        return sorted(self._waiting, key=lambda c: ((cases.get(c) or NOTHING).get("reported_at")
                                                    or "", c))

    def shown_ids(self) -> list[str]:
        return list(self._shown)

    def suggestion(self, case_id: str) -> str | None:
        if case_id not in self._suggest:
            case = self.ctx.state.cases.get(case_id)
            self._suggest[case_id] = suggest_unit(self.ctx.state, case) if case else None
        return self._suggest[case_id]

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.cases.selectionModel().selectedRows()})
        return [self._shown[r] for r in rows if r < len(self._shown)]

    def unit_ids(self) -> list[str]:
        return list(self._units)

    def accept_suggestions(self) -> int:
        """Dispatch the selected cases to their suggested units; return requests sent."""
        if not self.can_dispatch:
            return 0
        ids = self.selected_ids()
        if not ids:
            return 0
        cases = self.ctx.state.cases
        by_unit: dict[str, list[dict]] = {}
        none: list[str] = []
        for cid in ids:
            unit = self.suggestion(cid)
            if unit is None:
                none.append(cid)
                continue
            by_unit.setdefault(unit, []).append(
                {"id": cid, "version": (cases.get(cid) or NOTHING).get("version")})
        commands = self.commands
        sent = 0 if commands is None else sum(
            commands.reassign(items, unit) for unit, items in by_unit.items())
        if none:
            self.hint.setText(self.tr("No unit fits {case}; choose one with Ctrl+R.")
                              .format(case=safe(none[0], 40)))
        return sent

    def pick_unit(self) -> int:
        """Choose a unit for the selected cases (type-ahead picker); return requests sent."""
        if not self.can_dispatch:
            return 0
        ids = self.selected_ids()
        if not ids:
            self.hint.setText(self.tr("Select a case first."))
            return 0
        picker = UnitPicker(self.ctx, ids, self.suggestion(ids[0]), self)
        try:
            if picker.exec() != UnitPicker.DialogCode.Accepted or picker.unit_id is None:
                return 0
            return self.commands.reassign(ids, picker.unit_id) if self.commands else 0
        finally:
            picker.deleteLater()

    def urge_selected_unit(self) -> int:
        """Urge the overdue cases of the selected unit."""
        if not self.can_urge:
            return 0
        rows = self.units.selectionModel().selectedRows()
        if not rows:
            self.hint.setText(self.tr("Select a unit first."))
            return 0
        return self.commands.urge_unit(self._units[rows[0].row()]) if self.commands else 0

    def flush(self) -> None:
        """Refresh both tables now."""
        self._timer.stop()
        self._stale = False
        self._fill_cases()
        self._fill_units()

    # ---- Internals

    def _flush_paced(self) -> None:
        if out_of_sight(self):
            self._stale = True  # refreshed when shown again
        else:
            self.flush()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        if self._stale:
            self.flush()
        super().showEvent(event)

    def _schedule(self) -> None:
        if self._refresh_ms <= 0:
            self.flush()
        elif not self._timer.isActive():
            self._timer.start()

    def _rescan(self) -> None:
        self._waiting = set(dispatch_queue(self.ctx.state))

    def _age(self, case: Mapping[str, Any] | None) -> str:
        rep = parse_time_or_none(case.get("reported_at")) if case else None
        return format_duration(self._now - rep) if rep is not None else "—"

    def _fill_cases(self) -> None:
        state = self.ctx.state
        cases = state.cases
        keep = set(self.selected_ids())
        current = self._shown[self.cases.currentRow()] \
            if 0 <= self.cases.currentRow() < len(self._shown) else None
        ordered = self.waiting_ids()
        self._shown = ordered[:SHOWN_LIMIT]
        self._suggest = {}
        inflight = self.commands.inflight if self.commands is not None else None
        table = self.cases
        table.setUpdatesEnabled(False)
        table.blockSignals(True)
        try:
            table.clearSelection()
            table.setRowCount(len(self._shown))
            for row, cid in enumerate(self._shown):
                case = cases.get(cid) or NOTHING
                sug = self.suggestion(cid)
                if inflight is not None and cid in inflight:
                    status = self.tr("… assigning → {unit}").format(
                        unit=safe(self.ctx.unit_name(inflight.target_of(cid)), 30))
                else:
                    status = status_label(case.get("status"))
                urges = state.urges_by_case.get(cid, 0)
                texts = {
                    C_AGE: self._age(case),
                    C_PRIORITY: priority_label(case.get("priority")),
                    C_STATUS: status,
                    C_TITLE: safe(case.get("title"), 80),
                    C_REGION: safe(self.ctx.region_name(case.get("region_id")), 40),
                    C_SUGGESTED: ("★ " + safe(self.ctx.unit_name(sug), 40)) if sug
                    else self.tr("— none fits"),
                    C_URGES: str(urges) if urges else "",
                    C_ID: safe(cid, 40),
                }
                for col, text in texts.items():
                    item = QtWidgets.QTableWidgetItem(text)
                    item.setData(_IdRole, cid)
                    if col == C_TITLE:
                        item.setToolTip(f"{neutralize(cid)}\n{neutralize(case.get('title'))}")
                    if col == C_PRIORITY:
                        item.setForeground(priority_color(case.get("priority")))
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    if self.can_dispatch:
                        flags |= Qt.ItemFlag.ItemIsDragEnabled
                    item.setFlags(flags)
                    table.setItem(row, col, item)
            model = table.selectionModel()
            for row, cid in enumerate(self._shown):
                if cid in keep:
                    model.select(table.model().index(row, 0),
                                 model.SelectionFlag.Select | model.SelectionFlag.Rows)
            if current in self._shown:
                table.setCurrentCell(self._shown.index(current), C_AGE,
                                     model.SelectionFlag.NoUpdate)
        finally:
            table.blockSignals(False)
            table.setUpdatesEnabled(True)
        n = len(ordered)
        oldest = self._age(cases.get(ordered[0])) if ordered else "—"
        text = self.tr("{n} cases waiting for dispatch · oldest {age}").format(n=n, age=oldest)
        if n > len(self._shown):
            text += " · " + self.tr("showing the oldest {m}").format(m=len(self._shown))
        self.header.setText(text)

    def _fill_units(self) -> None:
        state = self.ctx.state
        current = self._units[self.units.currentRow()] \
            if 0 <= self.units.currentRow() < len(self._units) else None
        sel = self.selected_ids()
        suggested = self.suggestion(sel[0]) if sel else None
        inflight = self.commands.inflight if self.commands is not None else None
        units = sorted(state.units.values(), key=lambda u: (-load_of(state, u), u["id"]))
        self._units = [u["id"] for u in units]
        table = self.units
        table.setUpdatesEnabled(False)
        table.blockSignals(True)
        try:
            table.setRowCount(len(units))
            for row, unit in enumerate(units):
                uid = unit["id"]
                w = state.workload(uid)
                name = safe(self.ctx.unit_name(uid), 40)
                incoming = inflight.count_for(uid) if inflight is not None else 0
                texts = {
                    U_UNIT: ("★ " + name) if uid == suggested else name,
                    U_LOAD: f"{load_of(state, unit):.1f}",
                    U_OPEN: str(w.open),
                    U_OVERDUE: f"{OVERDUE_SYMBOL} {w.overdue}" if w.overdue else "0",
                    U_URGES: str(state.urges_by_unit.get(uid, 0)),
                    U_INCOMING: (self.tr("→ {n}").format(n=incoming) if incoming else ""),
                }
                for col, text in texts.items():
                    item = QtWidgets.QTableWidgetItem(text)
                    item.setData(_IdRole, uid)
                    if col == U_UNIT:
                        item.setToolTip(neutralize(self.ctx.unit_name(uid)))
                    if col != U_UNIT:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    table.setItem(row, col, item)
            if current in self._units:
                table.selectRow(self._units.index(current))
            for col in range(table.columnCount()):
                if col != U_UNIT:
                    table.resizeColumnToContents(col)
        finally:
            table.blockSignals(False)
            table.setUpdatesEnabled(True)
        self.units_label.setText(self.tr("Units of the post — drop cases on a unit")
                                 if self.can_dispatch else self.tr("Units of the post"))

    def _retranslate(self) -> None:
        self.cases.setHorizontalHeaderLabels([
            self.tr("Waiting"), self.tr("Priority"), self.tr("Status"), self.tr("Title"),
            self.tr("Region"), self.tr("Suggested unit"), self.tr("Urges"), self.tr("ID")])
        self.units.setHorizontalHeaderLabels([
            self.tr("Unit"), self.tr("Load"), self.tr("Open"), self.tr("Overdue"),
            self.tr("Urges"), self.tr("Incoming")])
        self.dispatch_button.setText(self.tr("Dispatch to suggested (Enter)"))
        self.pick_button.setText(self.tr("Reassign to… (Ctrl+R)"))
        self.urge_button.setText(self.tr("Urge unit's overdue cases"))
        if self.can_dispatch:
            self.hint.setText(self.tr("Enter: dispatch the selected cases to the suggested unit "
                                      "(★) · drag cases onto a unit · Ctrl+R: choose a unit · "
                                      "Ctrl+Z: undo a reassignment (10 s)"))
        else:
            self.hint.setText(self.tr("Read-only for your role: only a supervisor dispatches."))

    def retranslate(self) -> None:
        self._retranslate()
        self.flush()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        key = cast(QtGui.QKeyEvent, event)  # (read only when it is a key press)
        if watched is self.cases and event.type() == QEvent.Type.KeyPress \
                and key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not key.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if self.can_dispatch:
                self.accept_suggestions()
            return True
        return False

    def _on_case_selection(self) -> None:
        self._fill_units()  # the ★ follows the selected case

    def _on_current_case(self, row: int, _col: int, _prow: int, _pcol: int) -> None:
        if 0 <= row < len(self._shown):
            self.sig_case_selected.emit(self._shown[row])
