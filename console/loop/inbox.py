"""Inbox pane (待办): the units' requests awaiting the post's decision, and callbacks due.

Two lists, from the synced State (no extra reads):

* **Requests** — cases with a ``pending`` return (退单) or extension (延期) request, oldest
  request first, with the unit, how long it has waited, the requested due time and the
  unit's reason; supervisors approve or refuse the selected one (Enter / Delete, or the
  buttons), each through :class:`console.loop.dialogs.DecideDialog`, which names the case;
* **Callbacks due** — resolved cases awaiting the callback (回访), callback deadline first,
  for intake and supervisors (record the callback).

A 1.0 hub has neither: the pane says so. Rows change only on the change sets that touch
cases with (or losing) a request. Hub text is plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from client.protocol import Case
from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from rows import Rows
from widgets.common import format_duration, format_local, plain_label
from widgets.pane import Pane
from widgets.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from widgets.rows_model import Column, RowsTableModel
from widgets.stage_text import pending_kind_text
from widgets.text import neutralize, safe

if TYPE_CHECKING:
    from console.session import Session


def _table(parent: QWidget, model: RowsTableModel, name: str) -> QTableView:
    t = QTableView(parent)
    t.setObjectName(name)
    t.setModel(model)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setWordWrap(False)
    return t


class InboxPane(Pane):
    """Pending requests and callbacks due (see the module docstring).

    Public API besides the Pane contract:
        request_ids() / callback_ids(): the listed case ids in display order.
        decide_selected(approve=None): open the decision dialog for the selected request.
        callback_selected(): open the callback dialog for the selected resolved case.
    """

    pane_id = "loop_inbox"
    # a console pane: its context is the logged-in session (the loop's commands)
    ctx: Session

    def __init__(self, ctx: Session, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from console.loop.commands import loop_for

        self.loop = loop_for(ctx)
        self._now = ctx.state.now
        #: the cases with a pending request (oldest first) and those awaiting a callback;
        #: synced by case id, so a rebuild keeps the operator's row
        self.request_rows: Rows[Case] = Rows(key=_case_id)
        self.callback_rows: Rows[Case] = Rows(key=_case_id)
        self._rebuilding = False
        self.banner = plain_label("", self, wrap=True)
        self.banner.setObjectName("inboxBanner")
        self.tabs = QTabWidget(self)
        zone = ctx.zone

        def pending(c: dict) -> dict:
            p = c.get("pending")
            return p if isinstance(p, dict) else {}

        def due_text(c: dict) -> str:
            until = parse_time_or_none(pending(c).get("until"))
            return format_local(until, zone) if until is not None else "—"

        def cell(text: Callable[[dict], str], **kw: Any) -> dict[str, Any]:
            return {"display": text, "tooltip": lambda c: neutralize(text(c)), **kw}

        self.request_model = RowsTableModel(self.request_rows, [
            Column(lambda: self.tr("Asked at"), **cell(
                lambda c: format_local(parse_time_or_none(pending(c).get("at")), zone))),
            Column(lambda: self.tr("Waiting"), **cell(self._waiting)),
            Column(lambda: self.tr("Request"), **cell(
                lambda c: pending_kind_text(pending(c).get("kind")))),
            Column(lambda: self.tr("Case"), **cell(lambda c: safe(c.get("id"), 40))),
            Column(lambda: self.tr("Title"), **cell(lambda c: safe(c.get("title"), 60))),
            Column(lambda: self.tr("Unit"), **cell(
                lambda c: safe(self.ctx.unit_name(pending(c).get("by")), 30))),
            Column(lambda: self.tr("New due time"), **cell(due_text)),
            Column(lambda: self.tr("Reason"), **cell(lambda c: safe(pending(c).get("reason"),
                                                                    200))),
        ], self, user=_case_id)
        self.callback_model = RowsTableModel(self.callback_rows, [
            Column(lambda: self.tr("Call back by"), **cell(
                lambda c: format_local(parse_time_or_none(c.get("callback_due")), zone))),
            Column(lambda: self.tr("Left"), **cell(self._left)),
            Column(lambda: self.tr("Case"), **cell(lambda c: safe(c.get("id"), 40))),
            Column(lambda: self.tr("Title"), **cell(lambda c: safe(c.get("title"), 60))),
            Column(lambda: self.tr("Resolved by"), **cell(
                lambda c: safe(self.ctx.unit_name(c.get("unit_id")), 30))),
            Column(lambda: self.tr("Reworks"), **cell(lambda c: safe(_counts(c).get("reworks",
                                                                                 0), 6))),
        ], self, user=_case_id)
        self.requests = _table(self, self.request_model, "inboxRequests")
        self.callbacks = _table(self, self.callback_model, "inboxCallbacks")
        for t, last in ((self.requests, 7), (self.callbacks, 3)):
            t.horizontalHeader().setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
            t.selectionModel().selectionChanged.connect(self._on_select)
        self.requests.doubleClicked.connect(lambda _i: self.decide_selected())
        self.callbacks.doubleClicked.connect(lambda _i: self.callback_selected())
        self.approve_button = QPushButton(self.tr("Approve…"), self)
        self.approve_button.setObjectName("inboxApprove")
        self.deny_button = QPushButton(self.tr("Refuse…"), self)
        self.deny_button.setObjectName("inboxDeny")
        self.callback_button = QPushButton(self.tr("Record callback…"), self)
        self.callback_button.setObjectName("inboxCallback")
        self.approve_button.clicked.connect(lambda: self.decide_selected(True))
        self.deny_button.clicked.connect(lambda: self.decide_selected(False))
        self.callback_button.clicked.connect(self.callback_selected)
        req_page = QWidget(self)
        rl = QVBoxLayout(req_page)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.requests, 1)
        rb = QHBoxLayout()
        rb.addStretch(1)
        rb.addWidget(self.approve_button)
        rb.addWidget(self.deny_button)
        rl.addLayout(rb)
        cb_page = QWidget(self)
        cl = QVBoxLayout(cb_page)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.callbacks, 1)
        cb = QHBoxLayout()
        cb.addStretch(1)
        cb.addWidget(self.callback_button)
        cl.addLayout(cb)
        self.tabs.addTab(req_page, "")
        self.tabs.addTab(cb_page, "")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.banner)
        lay.addWidget(self.tabs, 1)
        self.loop.sig_support.connect(lambda _s: self._rebuild())
        self._rebuild()

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Inbox")

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.reset:
            self._rebuild()
            return
        touched = changes.cases_added | changes.cases_changed | changes.cases_removed
        if not touched:
            return
        cases = self.ctx.state.cases
        listed = set(self.request_ids()) | set(self.callback_ids())
        if any(cid in listed or _wanted(cases.get(cid)) for cid in touched):
            self._rebuild()

    def on_tick(self, now: float) -> None:
        self._now = now
        self._update_ages()

    def on_selection(self, case_id: str | None) -> None:
        for table, ids in ((self.requests, self.request_ids()),
                           (self.callbacks, self.callback_ids())):
            if case_id in ids:
                self._rebuilding = True  # not a gesture: no selection is emitted
                try:
                    table.selectRow(ids.index(case_id))
                finally:
                    self._rebuilding = False

    # ---- Public API

    def request_ids(self) -> list[str]:
        return [_case_id(c) for c in self.request_rows]

    def callback_ids(self) -> list[str]:
        return [_case_id(c) for c in self.callback_rows]

    def selected_request(self) -> str | None:
        return _selected(self.requests, self.request_ids())

    def decide_selected(self, approve: bool | None = None) -> bool:
        cid = self.selected_request()
        if cid is None:
            return False
        from console.loop.prompts import ask_decide

        return bool(ask_decide(self.loop, cid, self, approve))

    def callback_selected(self) -> bool:
        cid = _selected(self.callbacks, self.callback_ids())
        if cid is None:
            return False
        from console.loop.prompts import ask_callback

        return bool(ask_callback(self.loop, cid, self))

    # ---- Internals

    def _rebuild(self) -> None:
        # the rows are synced (precise inserts, removes, moves): a selected row that stays
        # stays selected; one that leaves takes the selection with it
        self._rebuilding = True
        try:
            self._fill()
        finally:
            self._rebuilding = False
        self._update_buttons()

    def _fill(self) -> None:
        loop = self.loop
        if loop.supported is False:
            self.banner.setText(self.tr("This hub speaks protocol 1.0: units return cases "
                                        "at once and there are no extension requests or "
                                        "callbacks to record here."))
            self.banner.show()
            self.tabs.setEnabled(False)
        else:
            self.banner.hide()
            self.tabs.setEnabled(True)
        from client.stages import pending_requests

        cases = self.ctx.state.cases
        reqs = pending_requests(cases.values()) if loop.supported is not False else []
        cbs = [c for c in cases.values() if c.get("status") == "resolved"
               and c.get("callback_due") is not None] if loop.supported else []
        cbs.sort(key=lambda c: (str(c.get("callback_due")), str(c.get("id"))))
        self.request_rows.sync(reqs)
        self.callback_rows.sync(cbs)
        self.tabs.setTabText(0, self.tr("Requests ({n})").format(n=len(reqs)))
        self.tabs.setTabText(1, self.tr("Callbacks due ({n})").format(n=len(cbs)))
        can_decide = self.loop.can("decide")
        self.approve_button.setVisible(can_decide)
        self.deny_button.setVisible(can_decide)
        self.callback_button.setVisible(self.loop.can("callback"))

    def _waiting(self, c: dict) -> str:
        p = c.get("pending")
        at = parse_time_or_none(p.get("at")) if isinstance(p, dict) else None
        return format_duration(self._now - at) if at is not None else "—"

    def _left(self, c: dict) -> str:
        due = parse_time_or_none(c.get("callback_due"))
        return format_duration(due - self._now) if due is not None else "—"

    def _update_ages(self) -> None:
        self.request_model.column_changed(1)
        self.callback_model.column_changed(1)

    def _update_buttons(self) -> None:
        req = self.selected_request()
        self.approve_button.setEnabled(req is not None)
        self.deny_button.setEnabled(req is not None)
        self.callback_button.setEnabled(_selected(self.callbacks, self.callback_ids()) is not None)

    def _on_select(self) -> None:
        """The operator picked a row: it becomes the shared selection (never on a rebuild)."""
        self._update_buttons()
        if self._rebuilding:
            return
        req = self.selected_request()
        cb = _selected(self.callbacks, self.callback_ids())
        cid = req if self.tabs.currentIndex() == 0 else cb
        if cid is not None and cid != self.ctx.selected:
            self.sig_case_selected.emit(cid)


def _selected(table: QTableView, ids: list[str]) -> str | None:
    rows = table.selectionModel().selectedRows()
    if rows and 0 <= rows[0].row() < len(ids):
        return ids[rows[0].row()]
    return None


def _case_id(case: Case) -> str:
    return str(case.get("id"))


def _counts(case: dict) -> dict:
    counts = case.get("counts")
    return counts if isinstance(counts, dict) else {}


def _wanted(case: Case | None) -> bool:
    return case is not None and (isinstance(case.get("pending"), dict)
                                 or case.get("status") == "resolved")
