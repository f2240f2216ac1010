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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from client.dispatch import UNASSIGNED, dispatch_queue, load_of, suggest_unit
from client.protocol import NOTHING
from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from console.supervisor.reassign_dialogs import UnitPicker
from rows import Rows
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
from widgets.pacer import pacer
from widgets.pane import Pane, PaneContext, UnitDropTarget
from widgets.qt import (
    QAbstractItemView,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QMimeData,
    QModelIndex,
    QObject,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QtGui,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from widgets.rows_model import RIGHT, Column, RowsTableModel
from widgets.text import neutralize, safe

#: at most this many waiting cases are listed (the oldest); the header counts them all
SHOWN_LIMIT = 300
REFRESH_MS = 300
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

(C_AGE, C_PRIORITY, C_STATUS, C_TITLE, C_REGION, C_SUGGESTED, C_URGES, C_ID) = range(8)
(U_UNIT, U_LOAD, U_OPEN, U_OVERDUE, U_URGES, U_INCOMING) = range(6)


@dataclass(frozen=True)
class WaitingRow:
    """One waiting case as the board lists it (texts already made safe).

    Attributes:
        case_id: the case.
        reported: when it was reported (epoch seconds; None: unknown), for its age.
        priority: its priority code (the colour and the word).
        status: the status text ("… assigning → unit" while a dispatch is in flight).
        title: the shown title; ``tooltip`` the id and the whole title.
        region: the region's name.
        suggested: the suggested unit's text ("★ name" or "— none fits").
        urges: how often it was urged.
    """

    case_id: str
    reported: float | None
    priority: str | None
    status: str
    title: str
    tooltip: str
    region: str
    suggested: str
    urges: int


@dataclass(frozen=True)
class UnitBoardRow:
    """One unit of the post as the board lists it (the ★ marks the suggested one)."""

    unit_id: str
    name: str
    tooltip: str
    starred: bool
    load: float
    open: int
    overdue: int
    urges: int
    incoming: int


class WaitingModel(RowsTableModel):
    """The waiting cases; drags the dragged rows' cases with the queue's payload.

    Args:
        rows: the waiting cases.
        columns: what each column shows.
        version_of: a case's current version (None: unknown), asked when a drag starts.
        draggable: the rows may be dragged (a role that may dispatch).
    """

    def __init__(self, rows: Rows[WaitingRow], columns: Sequence[Column],
                 version_of: Callable[[str], Any], parent: QObject | None = None, *,
                 draggable: bool = False) -> None:
        super().__init__(rows, columns, parent, user=lambda r: r.case_id,
                         flags=_FLAGS | Qt.ItemFlag.ItemIsDragEnabled if draggable else _FLAGS)
        self._version_of = version_of

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [MIME_CASE_IDS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt API
        ids = [self.rows[r].case_id for r in sorted({i.row() for i in indexes if i.isValid()})
               if r < len(self.rows)]
        return encode_items([{"id": c, "version": self._version_of(c)} for c in ids])

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
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
        self._suggest: dict[str, str | None] = {}
        self._now = ctx.state.now
        self._syncing = False  # a refresh moves Qt's current row: not the user's choice
        self._build_refresh_timer(refresh_ms)
        self._build_header()
        self._build_case_model()
        self._build_unit_model()
        self._build_tables()
        self._build_buttons()
        self._lay_out()
        if self.commands is not None:
            self.commands.sig_inflight.connect(self._schedule)
        self._retranslate()
        self._rescan()
        self.flush()

    # ---- building (in this order: the children's order is the focus chain's)

    def _build_refresh_timer(self, refresh_ms: int) -> None:
        """The single-shot refresh timer, paced with the other panes' refreshes."""
        self._timer = QTimer(self)
        self._timer.setObjectName("dispatch_board_refresh")
        self._timer.setSingleShot(True)
        self._timer.setInterval(refresh_ms)
        # paced with the other panes' refreshes; none while tabbed out of sight
        self._timer.timeout.connect(lambda: pacer().request(
            lambda: self.refresh_in_sight(self.flush)))
        self._refresh_ms = refresh_ms

    def _build_header(self) -> None:
        """The bold count line above the cases and the hint line under the board."""
        self.header = plain_label("", self)
        self.header.setObjectName("dispatch_board_header")
        hf = self.header.font()
        hf.setBold(True)
        self.header.setFont(hf)
        self.hint = plain_label("", self, wrap=True)
        self.hint.setObjectName("dispatch_board_hint")

    def _build_case_model(self) -> None:
        """The waiting cases' rows and their columns (the model is the drag source)."""
        #: the listed waiting cases, oldest first (synced by case id: the selection stays)
        self.case_rows: Rows[WaitingRow] = Rows(key=lambda r: r.case_id)
        state = self.ctx.state
        self.case_model = WaitingModel(self.case_rows, [
            Column(lambda: self.tr("Waiting"), lambda r: self._age(r.reported)),
            Column(lambda: self.tr("Priority"), lambda r: priority_label(r.priority),
                   foreground=lambda r: priority_color(r.priority)),
            Column(lambda: self.tr("Status"), lambda r: r.status),
            Column(lambda: self.tr("Title"), lambda r: r.title, tooltip=lambda r: r.tooltip),
            Column(lambda: self.tr("Region"), lambda r: r.region),
            Column(lambda: self.tr("Suggested unit"), lambda r: r.suggested),
            Column(lambda: self.tr("Urges"), lambda r: str(r.urges) if r.urges else ""),
            Column(lambda: self.tr("ID"), lambda r: safe(r.case_id, 40)),
        ], lambda cid: (state.cases.get(cid) or NOTHING).get("version"), self,
            draggable=self.can_dispatch)

    def _build_unit_model(self) -> None:
        """The post's units' rows and their columns (the drop targets)."""
        #: the post's units, heaviest load first (synced by unit id)
        self.unit_rows: Rows[UnitBoardRow] = Rows(key=lambda r: r.unit_id)
        self.unit_model = RowsTableModel(self.unit_rows, [
            Column(lambda: self.tr("Unit"), lambda r: ("★ " + r.name) if r.starred else r.name,
                   tooltip=lambda r: r.tooltip),
            Column(lambda: self.tr("Load"), lambda r: f"{r.load:.1f}", align=RIGHT),
            Column(lambda: self.tr("Open"), lambda r: str(r.open), align=RIGHT),
            Column(lambda: self.tr("Overdue"),
                   lambda r: f"{OVERDUE_SYMBOL} {r.overdue}" if r.overdue else "0", align=RIGHT),
            Column(lambda: self.tr("Urges"), lambda r: str(r.urges), align=RIGHT),
            Column(lambda: self.tr("Incoming"),
                   lambda r: self.tr("→ {n}").format(n=r.incoming) if r.incoming else "",
                   align=RIGHT),
        ], self, user=lambda r: r.unit_id)

    def _build_tables(self) -> None:
        """The two table views over the models, with the same look."""
        self.cases = QTableView(self)
        self.cases.setObjectName("dispatch_board_cases")
        self.cases.setModel(self.case_model)
        self.units = QTableView(self)
        self.units.setObjectName("dispatch_board_units")
        self.units.setModel(self.unit_model)
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
        self._size_columns()
        self._wire_case_table()

    def _size_columns(self) -> None:
        """Fixed column widths, the stretching title and unit columns, the hidden id."""
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

    def _wire_case_table(self) -> None:
        """The cases' drag (when this console may dispatch), key filter and selection
        signals."""
        if self.can_dispatch:
            self.cases.setDragEnabled(True)
            self.cases.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.cases.installEventFilter(self)
        self.cases.selectionModel().selectionChanged.connect(self._on_case_selection)
        self.cases.selectionModel().currentRowChanged.connect(self._on_current_case)

    def _build_buttons(self) -> None:
        """Dispatch, pick a unit, urge a unit: shown only to roles that may."""
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

    def _lay_out(self) -> None:
        """Cases (left) and units (right) in a splitter, the hint underneath."""
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
        self.case_model.column_changed(C_AGE)

    # ---- Public API

    def waiting_ids(self) -> list[str]:
        """Every waiting case, oldest report first."""
        cases = self.ctx.state.cases
        return sorted(self._waiting, key=lambda c: ((cases.get(c) or NOTHING).get("reported_at")
                                                    or "", c))

    def shown_ids(self) -> list[str]:
        return [r.case_id for r in self.case_rows]

    def suggestion(self, case_id: str) -> str | None:
        if case_id not in self._suggest:
            case = self.ctx.state.cases.get(case_id)
            self._suggest[case_id] = suggest_unit(self.ctx.state, case) if case else None
        return self._suggest[case_id]

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.cases.selectionModel().selectedRows()})
        return [self.case_rows[r].case_id for r in rows if r < len(self.case_rows)]

    def unit_ids(self) -> list[str]:
        return [r.unit_id for r in self.unit_rows]

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
        return self.commands.urge_unit(self.unit_rows[rows[0].row()].unit_id) \
            if self.commands else 0

    def flush(self) -> None:
        """Refresh both tables now."""
        self._timer.stop()
        self.refreshed()
        self._fill_cases()
        self._fill_units()

    # ---- Internals

    def _schedule(self) -> None:
        if self._refresh_ms <= 0:
            self.flush()
        elif not self._timer.isActive():
            self._timer.start()

    def _rescan(self) -> None:
        self._waiting = set(dispatch_queue(self.ctx.state))

    @staticmethod
    def _reported(case: Mapping[str, Any] | None) -> float | None:
        return parse_time_or_none(case.get("reported_at")) if case else None

    def _age(self, reported: float | None) -> str:
        return format_duration(self._now - reported) if reported is not None else "—"

    def _fill_cases(self) -> None:
        state = self.ctx.state
        cases = state.cases
        ordered = self.waiting_ids()
        self._suggest = {}
        inflight = self.commands.inflight if self.commands is not None else None
        rows = []
        for cid in ordered[:SHOWN_LIMIT]:
            case = cases.get(cid) or NOTHING
            sug = self.suggestion(cid)
            if inflight is not None and cid in inflight:
                status = self.tr("… assigning → {unit}").format(
                    unit=safe(self.ctx.unit_name(inflight.target_of(cid)), 30))
            else:
                status = status_label(case.get("status"))
            rows.append(WaitingRow(
                case_id=cid, reported=self._reported(case), priority=case.get("priority"),
                status=status, title=safe(case.get("title"), 80),
                tooltip=f"{neutralize(cid)}\n{neutralize(case.get('title'))}",
                region=safe(self.ctx.region_name(case.get("region_id")), 40),
                suggested=("★ " + safe(self.ctx.unit_name(sug), 40)) if sug
                else self.tr("— none fits"),
                urges=state.urges_by_case.get(cid, 0)))
        self._syncing = True
        try:
            self.case_rows.sync(rows)  # precise: the selection and current row stay
        finally:
            self._syncing = False
        n = len(ordered)
        oldest = self._age(self._reported(cases.get(ordered[0]))) if ordered else "—"
        text = self.tr("{n} cases waiting for dispatch · oldest {age}").format(n=n, age=oldest)
        if n > len(rows):
            text += " · " + self.tr("showing the oldest {m}").format(m=len(rows))
        self.header.setText(text)

    def _fill_units(self) -> None:
        state = self.ctx.state
        sel = self.selected_ids()
        suggested = self.suggestion(sel[0]) if sel else None
        inflight = self.commands.inflight if self.commands is not None else None
        units = sorted(state.units.values(), key=lambda u: (-load_of(state, u), u["id"]))
        rows = []
        for unit in units:
            uid = unit["id"]
            w = state.workload(uid)
            rows.append(UnitBoardRow(
                unit_id=uid, name=safe(self.ctx.unit_name(uid), 40),
                tooltip=neutralize(self.ctx.unit_name(uid)), starred=uid == suggested,
                load=load_of(state, unit), open=w.open, overdue=w.overdue,
                urges=state.urges_by_unit.get(uid, 0),
                incoming=inflight.count_for(uid) if inflight is not None else 0))
        self.unit_rows.sync(rows)  # precise: the selected unit stays selected
        for col in range(self.unit_model.columnCount()):
            if col != U_UNIT:
                self.units.resizeColumnToContents(col)
        self.units_label.setText(self.tr("Units of the post — drop cases on a unit")
                                 if self.can_dispatch else self.tr("Units of the post"))

    def _retranslate(self) -> None:
        self.case_model.retranslate()
        self.unit_model.retranslate()
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
        if not self._syncing:  # (a refresh fills the units afterwards anyway)
            self._fill_units()  # the ★ follows the selected case

    def _on_current_case(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid() or current.row() >= len(self.case_rows):
            return
        self.sig_case_selected.emit(self.case_rows[current.row()].case_id)
