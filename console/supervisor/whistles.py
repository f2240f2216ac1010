"""Whistles (吹哨报到) panel and the summon dialogs: whistle, video call (云视讯), urge note.

The panel lists the post's whistles, open ones first: for each, its case, a countdown to
the check-in deadline and, per summoned unit, ✓ checked in (with the time), … waiting, or
⚠ missed (the deadline passed without a check-in). Check-ins arrive through the feed
(``whistle.updated``); the countdown moves on ``on_tick``. A supervisor blows a new
whistle from here (Ctrl+Shift+W); officers and supervisors open video calls.

Commands go through ``ctx.actions`` (the :class:`widgets.actions_port.ActionsPort`).
"""

from __future__ import annotations

from dataclasses import dataclass

from client.protocol import Whistle
from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from rows import Rows
from widgets.actions_port import ActionsPort
from widgets.common import (
    GREEN,
    OVERDUE_COLOR,
    OVERDUE_SYMBOL,
    case_line,
    fg,
    format_duration,
    format_local,
    ok_cancel,
    plain_label,
)
from widgets.pane import Pane, PaneContext
from widgets.qt import (
    QColor,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    QPushButton,
    Qt,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from widgets.rows_model import Column
from widgets.rows_tree_model import RowsTreeModel
from widgets.text import neutralize, safe

NOTE_LIMIT = 1000
TITLE_LIMIT = 200
SHOWN_LIMIT = 50
CHECKED, WAITING, MISSED = "checked", "waiting", "missed"
_IdRole = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class UnitCheck:
    """One summoned unit of a whistle: ``state`` is checked, waiting or missed."""

    unit_id: str
    state: str
    at: float | None  # check-in time (epoch seconds) when checked


def whistle_checks(whistle: Whistle, now: float) -> list[UnitCheck]:
    """Each summoned unit's check-in state at ``now`` (in the whistle's order)."""
    deadline = parse_time_or_none(whistle.get("deadline"))
    checked = _checked_in if isinstance(_checked_in := whistle.get("checked_in"), dict) else {}
    out = []
    units = _unit_ids if isinstance(_unit_ids := whistle.get("unit_ids"), list) else []
    for uid in units:
        if not isinstance(uid, str):
            continue
        if uid in checked:
            out.append(UnitCheck(uid, CHECKED, parse_time_or_none(checked.get(uid))))
        elif deadline is not None and now > deadline:
            out.append(UnitCheck(uid, MISSED, None))
        else:
            out.append(UnitCheck(uid, WAITING, None))
    return out


@dataclass(frozen=True, slots=True)
class UnitLine:
    """One summoned unit's line under its whistle: name, check-in text, its colour
    (``CHECKED`` green, ``MISSED`` red, else the palette's)."""

    unit_id: str
    name: str
    state_text: str
    state: str


@dataclass(frozen=True, slots=True)
class WhistleRow:
    """One whistle's line as the panel shows it, with its units' lines.

    Attributes:
        whistle_id / case_id: the whistle and its case.
        text: "◎ case title"; ``tooltip`` its note (or the case's title).
        state_text: the countdown or the outcome; ``state``: its colour (``MISSED`` red,
            ``CHECKED`` green when every unit checked in, else the palette's).
        is_open: someone is still to check in before the deadline.
        units: the summoned units' lines.
        missed: how many units missed the deadline.
    """

    whistle_id: str
    case_id: str | None
    text: str
    tooltip: str
    state_text: str
    state: str
    is_open: bool
    units: tuple[UnitLine, ...]
    missed: int


def whistle_is_open(whistle: Whistle, now: float) -> bool:
    """Open: not closed by the hub, someone still to check in, and the deadline ahead."""
    if whistle.get("open") is False:
        return False
    checks = whistle_checks(whistle, now)
    return any(c.state == WAITING for c in checks)


class WhistlesPane(Pane):
    """The post's whistles with live check-ins and countdowns.

    Public API besides the Pane contract:
        whistle_ids(): the listed whistle ids, in order.
        unit_lines(whistle_id): the unit lines as shown (plain strings).
        summary(whistle_id): the whistle's line as shown.
        blow(case_id=None): open the whistle dialog for a case (default: the selection).
        call(case_id=None): open the video-call dialog for a case (default: the selection).
    """

    pane_id = "whistles"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.commands: ActionsPort | None = ctx.actions
        self._now = ctx.state.now
        self._selected: str | None = None
        self._syncing = False  # a refresh moves Qt's current row: not the user's choice
        self._expanded_by_rule: dict[str, bool] = {}  # what the rule last set per whistle

        self.header = plain_label("", self)
        self.header.setObjectName("whistles_header")
        #: the listed whistles (synced by id: current row, selection and expansion stay)
        self.whistle_rows: Rows[WhistleRow] = Rows(key=lambda w: w.whistle_id)
        self.model = RowsTreeModel(self.whistle_rows, [
            Column(lambda: self.tr("Case / unit"), lambda w: w.text, tooltip=lambda w: w.tooltip),
            Column(lambda: self.tr("Check-in"), lambda w: w.state_text,
                   foreground=lambda w: self._colour(w.state)),
        ], [
            Column(lambda: self.tr("Case / unit"), lambda u: "    " + u.name),
            Column(lambda: self.tr("Check-in"), lambda u: u.state_text,
                   foreground=lambda u: self._colour(u.state)),
        ], lambda w: w.units, self, user=lambda w: w.whistle_id)
        self.tree = QtWidgets.QTreeView(self)
        self.tree.setObjectName("whistles_tree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(
            1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.blow_button = QPushButton(self)
        self.blow_button.setObjectName("whistles_blow")
        self.blow_button.clicked.connect(lambda: self.blow())
        self.call_button = QPushButton(self)
        self.call_button.setObjectName("whistles_call")
        self.call_button.clicked.connect(lambda: self.call())
        can_whistle = self.commands is not None and self.commands.can("whistle")
        can_call = self.commands is not None and self.commands.can("call")
        self.blow_button.setVisible(can_whistle)
        self.call_button.setVisible(can_call)
        bar = QHBoxLayout()
        bar.addWidget(self.header, 1)
        bar.addWidget(self.blow_button)
        bar.addWidget(self.call_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.tree, 1)
        self._retranslate()
        self._refresh()

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Whistles (吹哨报到)")

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.reset or changes.whistles_changed or changes.units_changed \
                or changes.cases_changed:
            self._refresh()

    def on_tick(self, now: float) -> None:
        self._now = now
        self._refresh()

    def on_selection(self, case_id: str | None) -> None:
        self._selected = case_id

    # ---- Public API

    def whistle_ids(self) -> list[str]:
        return [w.whistle_id for w in self.whistle_rows]

    def summary(self, whistle_id: str) -> str:
        row = self.whistle_rows.row_of(whistle_id)
        if row is None:
            return ""
        m = self.model
        return f"{m.index(row, 0).data()}  {m.index(row, 1).data()}".strip()

    def unit_lines(self, whistle_id: str) -> list[str]:
        row = self.whistle_rows.row_of(whistle_id)
        if row is None:
            return []
        m = self.model
        top = m.index(row, 0)
        return [f"{m.index(i, 0, top).data()}  {m.index(i, 1, top).data()}".strip()
                for i in range(m.rowCount(top))]

    def blow(self, case_id: str | None = None) -> bool:
        """Open the whistle dialog for ``case_id`` (default: the shared selection)."""
        if self.commands is None or not self.commands.can("whistle"):
            return False
        cid = case_id or self._selected
        if cid is None or cid not in self.ctx.state.cases:
            self.header.setText(self.tr("Select a case first."))
            return False
        dlg = WhistleDialog(self.ctx, cid, self)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return False
            return self.commands.whistle(cid, dlg.unit_ids(), dlg.minutes(), dlg.note())
        finally:
            dlg.deleteLater()

    def call(self, case_id: str | None = None) -> bool:
        """Open the video-call dialog for ``case_id`` (default: the shared selection)."""
        if self.commands is None or not self.commands.can("call"):
            return False
        dlg = CallDialog(self.ctx, case_id or self._selected, self)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return False
            return self.commands.start_call(dlg.call_title(), dlg.case_id, dlg.unit_ids())
        finally:
            dlg.deleteLater()

    # ---- Internals

    def _sorted(self) -> list[Whistle]:
        """Open whistles by deadline, then the others newest first (at most SHOWN_LIMIT)."""
        now = self._now
        ws = [w for w in self.ctx.state.whistles.values() if isinstance(w, dict)]
        open_ = sorted((w for w in ws if whistle_is_open(w, now)),
                       key=lambda w: (str(w.get("deadline") or ""), str(w.get("id"))))
        done = sorted((w for w in ws if not whistle_is_open(w, now)),
                      key=lambda w: str(w.get("created_at") or ""), reverse=True)
        return (open_ + done)[:SHOWN_LIMIT]

    def _refresh(self) -> None:
        """Sync the listed whistles (new, gone, moved, changed texts) and the header."""
        rows = [self._row(w) for w in self._sorted()]
        self._syncing = True
        try:
            self.whistle_rows.sync(rows)
        finally:
            self._syncing = False
        # open whistles and the first three are expanded; a rule's verdict is applied when
        # it changes (a new whistle, one that closed), the officer's own clicks otherwise
        for i, w in enumerate(rows):
            rule = w.is_open or i < 3
            if self._expanded_by_rule.get(w.whistle_id) != rule:
                self.tree.setExpanded(self.model.index(i, 0), rule)
        self._expanded_by_rule = {w.whistle_id: w.is_open or i < 3 for i, w in enumerate(rows)}
        n_open = sum(1 for w in rows if w.is_open)
        missed_total = sum(w.missed for w in rows)
        text = self.tr("{open} open whistles").format(open=n_open)
        if missed_total:
            text += " · " + self.tr("{symbol} {n} check-ins missed").format(
                symbol=OVERDUE_SYMBOL, n=missed_total)
        self.header.setText(text)

    def _row(self, w: Whistle) -> WhistleRow:
        now = self._now
        cases = self.ctx.state.cases
        checks = whistle_checks(w, now)
        done = sum(1 for c in checks if c.state == CHECKED)
        missed = sum(1 for c in checks if c.state == MISSED)
        deadline = parse_time_or_none(w.get("deadline"))
        cid = w.get("case_id")
        case = cases.get(cid) if isinstance(cid, str) else None
        title = safe(case.get("title"), 40) if case else ""
        is_open = whistle_is_open(w, now)
        if is_open:
            left = format_duration(deadline - now) if deadline is not None else "—"
            state = self.tr("{done}/{total} checked in · {left} left").format(
                done=done, total=len(checks), left=left)
        elif done == len(checks):
            state = self.tr("✓ all {total} checked in").format(total=len(checks))
        elif missed:
            state = self.tr("{symbol} {missed} missed the deadline").format(
                symbol=OVERDUE_SYMBOL, missed=missed)
        else:
            state = self.tr("■ over ({done}/{total} checked in)").format(
                done=done, total=len(checks))
        units = []
        for uc in checks:
            if uc.state == CHECKED:
                when = format_local(uc.at, self.ctx.zone, with_date=False) if uc.at else ""
                line = self.tr("✓ checked in {time}").format(time=when).strip()
            elif uc.state == MISSED:
                line = self.tr("{symbol} missed").format(symbol=OVERDUE_SYMBOL)
            else:
                line = self.tr("… waiting")
            units.append(UnitLine(uc.unit_id, safe(self.ctx.unit_name(uc.unit_id), 40), line,
                                  uc.state))
        return WhistleRow(
            whistle_id=str(w.get("id")), case_id=cid if isinstance(cid, str) else None,
            text=f"◎ {safe(cid, 40)} {title}".strip(),
            tooltip=neutralize(w.get("note")) or neutralize(case.get("title") if case else ""),
            state_text=state,
            state=MISSED if missed else CHECKED if done == len(checks) else WAITING,
            is_open=is_open, units=tuple(units), missed=missed)

    @staticmethod
    def _colour(state: str) -> QColor | None:
        """Asked per painted cell: follows the palette (day/night) like before."""
        return fg(OVERDUE_COLOR) if state == MISSED else fg(GREEN) if state == CHECKED else None

    def _retranslate(self) -> None:
        self.model.retranslate()
        self.blow_button.setText(self.tr("◎ Blow the whistle… (Ctrl+Shift+W)"))
        self.blow_button.setToolTip(self.tr("Summon several units to the selected case "
                                            "(吹哨报到)"))
        self.call_button.setText(self.tr("☎ Video call… (Ctrl+Shift+V)"))
        self.call_button.setToolTip(self.tr("Open a video call (云视讯) for the selected case"))

    def retranslate(self) -> None:
        self._retranslate()
        self._refresh()

    def _on_current(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        w = self.ctx.state.whistles.get(current.data(Qt.ItemDataRole.UserRole))
        cid = w.get("case_id") if isinstance(w, dict) else None
        if isinstance(cid, str):
            self.sig_case_selected.emit(cid)


# ---- Dialogs


class UnitChecklist(QWidget):
    """Checkable units with a type-ahead filter (lowest id first, preselected ones on top)."""

    def __init__(self, ctx: PaneContext, preselected: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("unitChecklistFilter")
        self.filter.setPlaceholderText(self.tr("Type to filter units…"))
        self.list = QListWidget(self)
        self.list.setObjectName("unitChecklist")
        pre = list(dict.fromkeys(preselected or []))
        ids = pre + sorted(u for u in ctx.state.units if u not in pre)
        for uid in ids:
            name = neutralize(ctx.unit_name(uid))
            item = QListWidgetItem(safe(name, 60))
            item.setData(_IdRole, uid)
            item.setData(_IdRole + 1, f"{name}\n{uid}".casefold())
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if uid in pre else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.filter.textChanged.connect(self._filter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.filter)
        lay.addWidget(self.list, 1)

    def checked(self) -> list[str]:
        return [self.list.item(i).data(_IdRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, unit_ids: list[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(_IdRole) in unit_ids
                               else Qt.CheckState.Unchecked)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in str(item.data(_IdRole + 1)))


def _case_line(ctx: PaneContext, case_id: str | None) -> str:
    return case_line(ctx.state, case_id)


class WhistleDialog(QDialog):
    """Pick units, a check-in deadline (minutes) and a note for a whistle on one case."""

    def __init__(self, ctx: PaneContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whistleDialog")
        self.setWindowTitle(self.tr("Blow the whistle (吹哨报到)"))
        self.case_id = case_id
        self.case_label = plain_label(_case_line(ctx, case_id), self, wrap=True)
        self.units = UnitChecklist(ctx, [], self)
        self.minutes_box = QtWidgets.QSpinBox(self)
        self.minutes_box.setObjectName("whistleMinutes")
        self.minutes_box.setRange(1, 7 * 24 * 60)
        self.minutes_box.setValue(30)
        self.minutes_box.setSuffix(self.tr(" min"))
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("whistleNote")
        self.note_edit.setMaxLength(NOTE_LIMIT)
        self.error = plain_label("", self, wrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Case"), self.case_label)
        form.addRow(self.tr("Units to summon"), self.units)
        form.addRow(self.tr("Check in within"), self.minutes_box)
        form.addRow(self.tr("Note"), self.note_edit)
        buttons = ok_cancel(self)
        lay = QVBoxLayout(self)
        lay.addLayout(form, 1)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.resize(460, 520)

    def unit_ids(self) -> list[str]:
        return self.units.checked()

    def minutes(self) -> int:
        return int(self.minutes_box.value())

    def note(self) -> str:
        return self.note_edit.text()[:NOTE_LIMIT]

    def accept(self) -> None:
        if not self.unit_ids():
            self.error.setText(self.tr("Choose at least one unit to summon."))
            return
        super().accept()


class CallDialog(QDialog):
    """A title and the units for a new video call (the case is optional)."""

    def __init__(self, ctx: PaneContext, case_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callDialog")
        self.setWindowTitle(self.tr("Start a video call (云视讯)"))
        state = ctx.state
        case = state.cases.get(case_id) if case_id else None
        self.case_id = case_id if case is not None else None
        pre: list[str] = []
        if case is not None:
            unit = case.get("unit_id")
            if isinstance(unit, str):
                pre.append(unit)
            for w in state.whistles.values():
                if isinstance(w, dict) and w.get("case_id") == case_id:
                    pre += [u for u in w.get("unit_ids") or [] if isinstance(u, str)]
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("callTitle")
        self.title_edit.setMaxLength(TITLE_LIMIT)
        default = (self.tr("Video call: {title}").format(title=neutralize(case.get("title")))
                   if case is not None else self.tr("Video call of the post"))
        self.title_edit.setText(default[:TITLE_LIMIT])
        self.case_label = plain_label(_case_line(ctx, self.case_id) or self.tr("— no case"),
                                      self, wrap=True)
        self.units = UnitChecklist(ctx, [u for u in pre if u in state.units], self)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Case"), self.case_label)
        form.addRow(self.tr("Units"), self.units)
        buttons = ok_cancel(self)
        lay = QVBoxLayout(self)
        lay.addLayout(form, 1)
        lay.addWidget(buttons)
        self.resize(460, 480)

    def call_title(self) -> str:
        return self.title_edit.text().strip()[:TITLE_LIMIT] or self.tr("Video call")

    def unit_ids(self) -> list[str]:
        return self.units.checked()


class NoteDialog(QDialog):
    """An optional note (e.g. for an urge); ``note()`` after Accepted."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(title)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("noteEdit")
        self.edit.setMaxLength(NOTE_LIMIT)
        self.edit.setPlaceholderText(self.tr("Optional note"))
        buttons = ok_cancel(self)
        lay = QVBoxLayout(self)
        lay.addWidget(plain_label(prompt, self, wrap=True))
        lay.addWidget(self.edit)
        lay.addWidget(buttons)
        self.resize(420, 140)

    def note(self) -> str:
        return self.edit.text()[:NOTE_LIMIT]
