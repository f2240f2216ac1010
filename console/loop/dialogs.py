"""Dialogs of the loop commands; each names the case it acts on (ID and title).

* :class:`DecideDialog` — the unit's pending return or extension with its reason: approve
  or refuse, with a note;
* :class:`CallbackDialog` — the callback (回访): solved?, satisfaction, note; the masked
  reporter, unmasked on request for roles that may (audited by the hub);
* :class:`MergeDialog` — pick the original of a duplicate from suggested candidates
  (:func:`client.merge.merge_candidates`) or a search by id, title or address;
* :class:`CaseNoteDialog` — close / reopen with a note;
* :class:`LoopConflictDialog` — a 409: what changed, retry against the new version.

All hub text is plain text (``widgets.text.safe``, plain labels, table items).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from client.merge import Candidate as MergeCandidate
from client.merge import merge_candidates
from client.protocol import Case
from client.timeutil import parse_time_or_none
from console.supervisor.reassign_dialogs import ConflictDialog
from rows import Rows
from widgets.common import format_local, ok_cancel, plain_label, status_label
from widgets.pane import PaneContext
from widgets.qt import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from widgets.rows_model import Column, RowsTableModel
from widgets.stage_text import pending_kind_text, satisfaction_text
from widgets.text import safe

NOTE_LIMIT = 1000


def case_heading(case: Case) -> str:
    """``CX-… · title`` (plain, elided)."""
    return f"{safe(case.get('id'), 40)} · {safe(case.get('title'), 80)}"


class _NoteMixin:
    def _note_edit(self, parent: QWidget) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName("loopNote")
        edit.setMaxLength(NOTE_LIMIT)
        edit.setPlaceholderText(QCoreApplication.translate("LoopActions", "Optional note"))
        return edit


class DecideDialog(QDialog, _NoteMixin):
    """Approve or refuse a unit's request; ``approved`` and ``note()`` after Accepted."""

    def __init__(self, ctx: PaneContext, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decideDialog")
        self.case = case
        self.approved: bool | None = None
        pending: Mapping[str, Any] = _pending if isinstance(_pending := case.get("pending"), dict) else {}
        self.setWindowTitle(self.tr("Decide: {case}").format(case=safe(case.get("id"), 40)))
        self.heading = plain_label(case_heading(case), self, wrap=True)
        self.heading.setObjectName("loopCaseHeading")
        form = QFormLayout()
        form.addRow(plain_label(self.tr("Request"), self),
                    plain_label(pending_kind_text(pending.get("kind")), self))
        form.addRow(plain_label(self.tr("From"), self),
                    plain_label(safe(ctx.unit_name(pending.get("by")), 60), self))
        form.addRow(plain_label(self.tr("Asked at"), self), plain_label(
            format_local(parse_time_or_none(pending.get("at")), ctx.zone), self))
        reason = plain_label(safe(pending.get("reason"), 1000) or "—", self, wrap=True)
        reason.setObjectName("decideReason")
        form.addRow(plain_label(self.tr("Reason"), self), reason)
        if pending.get("kind") == "extension":
            form.addRow(plain_label(self.tr("New due time"), self), plain_label(
                format_local(parse_time_or_none(pending.get("until")), ctx.zone), self))
            form.addRow(plain_label(self.tr("Due now"), self), plain_label(
                format_local(parse_time_or_none(case.get("due_at")), ctx.zone), self))
        self.note = self._note_edit(self)
        form.addRow(plain_label(self.tr("Note"), self), self.note)
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.setObjectName("decideApprove")
        self.deny_button = QPushButton(self.tr("Refuse"), self)
        self.deny_button.setObjectName("decideDeny")
        cancel = QPushButton(self.tr("Cancel"), self)
        self.approve_button.clicked.connect(lambda: self._done(True))
        self.deny_button.clicked.connect(lambda: self._done(False))
        cancel.clicked.connect(self.reject)
        cancel.setDefault(True)
        bar = QHBoxLayout()
        bar.addStretch(1)
        for b in (self.approve_button, self.deny_button, cancel):
            bar.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(form)
        lay.addLayout(bar)
        self.resize(520, 280)

    def _done(self, approve: bool) -> None:
        self.approved = approve
        self.accept()

    def note_text(self) -> str:
        return self.note.text()[:NOTE_LIMIT]


class CallbackDialog(QDialog, _NoteMixin):
    """The callback's result: ``solved()``, ``satisfaction()``, ``note_text()``."""

    def __init__(self, ctx: PaneContext, case: Case, parent: QWidget | None = None, *,
                 may_unmask: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("callbackDialog")
        self.ctx = ctx
        self.case = case
        self.setWindowTitle(self.tr("Callback: {case}").format(case=safe(case.get("id"), 40)))
        self.heading = plain_label(case_heading(case), self, wrap=True)
        self.heading.setObjectName("loopCaseHeading")
        rep = _reporter if isinstance(_reporter := case.get("reporter"), dict) else None
        self.reporter = plain_label(
            self.tr("{name} {phone}").format(name=safe(rep.get("name"), 20),
                                             phone=safe(rep.get("phone"), 20))
            if rep else self.tr("not given"), self)
        self.reporter.setObjectName("callbackReporter")
        self.unmask_button = QPushButton(self.tr("Show the number (logged)"), self)
        self.unmask_button.setObjectName("callbackUnmask")
        self.unmask_button.setVisible(may_unmask and rep is not None)
        self.unmask_button.clicked.connect(self._unmask)
        self.solved_yes = QRadioButton(self.tr("Solved"), self)
        self.solved_no = QRadioButton(self.tr("Not solved"), self)
        self.solved_yes.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.solved_yes)
        group.addButton(self.solved_no)
        self.sat = QComboBox(self)
        self.sat.setObjectName("callbackSatisfaction")
        for key in ("satisfied", "basically_satisfied", "dissatisfied", "unreachable"):
            self.sat.addItem(satisfaction_text(key), key)
        self.sat.currentIndexChanged.connect(self._update_hint)
        self.solved_no.toggled.connect(self._update_hint)
        self.hint = plain_label("", self, wrap=True)
        self.hint.setObjectName("callbackHint")
        self.note = self._note_edit(self)
        rep_row = QHBoxLayout()
        rep_row.addWidget(self.reporter, 1)
        rep_row.addWidget(self.unmask_button)
        solved_row = QHBoxLayout()
        solved_row.addWidget(self.solved_yes)
        solved_row.addWidget(self.solved_no)
        solved_row.addStretch(1)
        form = QFormLayout()
        form.addRow(plain_label(self.tr("Reporter"), self), rep_row)
        form.addRow(plain_label(self.tr("Resolved by"), self),
                    plain_label(safe(ctx.unit_name(case.get("unit_id")), 60), self))
        form.addRow(plain_label(self.tr("Citizen says"), self), solved_row)
        form.addRow(plain_label(self.tr("Satisfaction"), self), self.sat)
        form.addRow(plain_label(self.tr("Note"), self), self.note)
        buttons = ok_cancel(self, self.tr("Record callback"))
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(form)
        lay.addWidget(self.hint)
        lay.addWidget(buttons)
        self._update_hint()
        self.resize(520, 300)

    def solved(self) -> bool:
        return self.solved_yes.isChecked()

    def satisfaction(self) -> str:
        return str(self.sat.currentData())

    def note_text(self) -> str:
        return self.note.text()[:NOTE_LIMIT]

    def _update_hint(self) -> None:
        sat = self.satisfaction()
        if sat == "unreachable":
            text = self.tr("The case will be closed without a rating.")
        elif sat == "dissatisfied" or not self.solved():
            text = self.tr("The case goes back to the same unit for rework (重办).")
        else:
            text = self.tr("The case will be closed.")
        self.hint.setText(text)

    def _unmask(self) -> None:
        cid = str(self.case.get("id"))

        def ok(rep: object) -> None:
            if isinstance(rep, dict):
                self.reporter.setText(f"{safe(rep.get('name'), 20)} {safe(rep.get('phone'), 20)}")
                self.unmask_button.setEnabled(False)

        def failed(exc: Exception) -> None:
            self.reporter.setText(self.tr("Could not show the number: {e}").format(
                e=safe(str(exc), 120)))

        self.ctx.fetch(lambda api: api.reporter(cid), ok, failed)


def distance_text(candidate: MergeCandidate) -> str:
    """A candidate's distance from the duplicate: metres, kilometres, or — (unknown)."""
    d = candidate.distance_m
    return "—" if d is None else f"{d:.0f} m" if d < 1000 else f"{d / 1000:.1f} km"


class MergeDialog(QDialog, _NoteMixin):
    """Pick the original of a duplicate; ``into`` and ``note_text()`` after Accepted."""

    def __init__(self, ctx: PaneContext, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.ctx = ctx
        self.case = case
        self.into: str | None = None
        self.setWindowTitle(self.tr("Merge duplicate: {case}").format(
            case=safe(case.get("id"), 40)))
        self.heading = plain_label(
            self.tr("Close {case} as a duplicate of the case chosen below (并单).").format(
                case=case_heading(case)), self, wrap=True)
        self.heading.setObjectName("loopCaseHeading")
        self.search = QLineEdit(self)
        self.search.setObjectName("mergeSearch")
        self.search.setPlaceholderText(self.tr("Search by ID, title or address"))
        self.search.textChanged.connect(self.refresh)
        #: the candidates shown (synced by case id: a new search keeps the picked one)
        self.rows: Rows[MergeCandidate] = Rows(key=lambda c: c.case.get("id"))
        self.model = RowsTableModel(self.rows, [
            Column(lambda: self.tr("Case"), lambda c: safe(c.case.get("id"), 40),
                   tooltip=lambda c: safe(c.case.get("id"), 40)),
            Column(lambda: self.tr("Title"), lambda c: safe(c.case.get("title"), 80),
                   tooltip=lambda c: safe(c.case.get("title"), 80)),
            Column(lambda: self.tr("Address"), lambda c: safe(c.case.get("address"), 80),
                   tooltip=lambda c: safe(c.case.get("address"), 80)),
            Column(lambda: self.tr("Distance"), distance_text, tooltip=distance_text),
            Column(lambda: self.tr("Status"), lambda c: status_label(c.case.get("status")),
                   tooltip=lambda c: status_label(c.case.get("status"))),
        ], self)
        self.table = QTableView(self)
        self.table.setObjectName("mergeCandidates")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_pick)
        self.table.doubleClicked.connect(lambda _i: self._ok())
        self.empty = plain_label("", self)
        self.note = self._note_edit(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Merge"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.search)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty)
        lay.addWidget(self.note)
        lay.addWidget(self.buttons)
        self.candidates: list[MergeCandidate] = []
        self.refresh()
        self.resize(760, 420)

    def refresh(self) -> None:
        """Fill the table with the candidates for the current search text."""
        self.candidates = merge_candidates(self.case, self.ctx.state.cases.values(),
                                           self.search.text())
        self.rows.sync(self.candidates)  # a candidate still listed stays picked
        self.empty.setText("" if self.candidates else self.tr(
            "No open case looks like this one; search by ID, title or address."))
        self._on_pick()
        if self.into is None and self.candidates and not self.search.text():
            self.table.selectRow(0)

    def pick(self, case_id: str) -> bool:
        """Select the candidate ``case_id`` (False when it is not listed)."""
        row = self.rows.row_of(case_id)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def note_text(self) -> str:
        return self.note.text()[:NOTE_LIMIT]

    def _on_pick(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.rows):
            self.into = str(self.rows[rows[0].row()].case.get("id"))
        else:
            self.into = None
        self.ok_button.setEnabled(self.into is not None)

    def _ok(self) -> None:
        if self.into is not None:
            self.accept()


class CaseNoteDialog(QDialog, _NoteMixin):
    """Confirm a command on one case with an optional note (close, reopen)."""

    def __init__(self, title: str, prompt: str, case: Case, ok_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseNoteDialog")
        self.setWindowTitle(self.tr("{what}: {case}").format(what=title,
                                                             case=safe(case.get("id"), 40)))
        heading = plain_label(case_heading(case), self, wrap=True)
        heading.setObjectName("loopCaseHeading")
        self.note = self._note_edit(self)
        buttons = ok_cancel(self, ok_text)
        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(plain_label(prompt, self, wrap=True))
        lay.addWidget(self.note)
        lay.addWidget(buttons)
        self.resize(460, 160)

    def note_text(self) -> str:
        return self.note.text()[:NOTE_LIMIT]


class LoopConflictDialog(ConflictDialog):
    """A 409 on a loop command: the case as seen beside the hub's, retry or leave it."""

    def __init__(self, ctx: PaneContext, what: str, seen: Mapping[str, Any], current: Mapping[str, Any],
                 parent: QWidget | None = None, *, can_retry: bool = True) -> None:
        super().__init__(ctx, seen, current, str(current.get("unit_id") or ""), parent)
        words = {"decide": self.tr("decide"), "callback": self.tr("record the callback"),
                 "merge": self.tr("merge"), "close": self.tr("close"),
                 "reopen": self.tr("reopen")}
        self.retry_button.setText(self.tr("Retry: {what} {case} (version {v})").format(
            what=words.get(what, what), case=safe(current.get("id"), 40),
            v=safe(current.get("version"), 12)))
        self.retry_button.setEnabled(can_retry)

    def field_name(self, key: str) -> str:
        names = {"pending": self.tr("Request"), "sign_due": self.tr("Sign by"),
                 "callback_due": self.tr("Call back by"), "satisfaction": self.tr("Satisfaction"),
                 "solved": self.tr("Solved"), "merged_into": self.tr("Merged into"),
                 "counts": self.tr("Counters")}
        return names.get(key) or super().field_name(key)

    def value_text(self, key: str, value: object) -> str:
        if key == "pending" and isinstance(value, dict):
            return f"{pending_kind_text(value.get('kind'))} · {safe(value.get('reason'), 80)}"
        if key == "satisfaction":
            return satisfaction_text(value)
        if key in ("sign_due", "callback_due"):
            return format_local(parse_time_or_none(value), self.ctx.zone)
        return super().value_text(key, value)
