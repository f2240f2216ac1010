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

from collections.abc import Mapping
from typing import Any

from client.protocol import NOTHING, Case
from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from widgets.common import format_duration, format_local, plain_label
from widgets.pane import Pane, PaneContext
from widgets.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    Qt,
    QTabWidget,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from widgets.stage_text import pending_kind_text
from widgets.text import neutralize, safe


def _table(parent: QWidget, headers: list[str], name: str) -> QtWidgets.QTableWidget:
    t = QtWidgets.QTableWidget(0, len(headers), parent)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
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

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from console.loop.commands import loop_for

        self.loop = loop_for(ctx)
        self._now = ctx.state.now
        self._requests: list[str] = []
        self._callbacks: list[str] = []
        self._rebuilding = False
        self.banner = plain_label("", self, wrap=True)
        self.banner.setObjectName("inboxBanner")
        self.tabs = QTabWidget(self)
        self.requests = _table(self, [self.tr("Asked at"), self.tr("Waiting"), self.tr("Request"),
                                      self.tr("Case"), self.tr("Title"), self.tr("Unit"),
                                      self.tr("New due time"), self.tr("Reason")],
                               "inboxRequests")
        self.callbacks = _table(self, [self.tr("Call back by"), self.tr("Left"), self.tr("Case"),
                                       self.tr("Title"), self.tr("Resolved by"),
                                       self.tr("Reworks")], "inboxCallbacks")
        for t, last in ((self.requests, 7), (self.callbacks, 3)):
            t.horizontalHeader().setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
            t.itemSelectionChanged.connect(self._on_select)
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
        listed = set(self._requests) | set(self._callbacks)
        if any(cid in listed or _wanted(cases.get(cid)) for cid in touched):
            self._rebuild()

    def on_tick(self, now: float) -> None:
        self._now = now
        self._update_ages()

    def on_selection(self, case_id: str | None) -> None:
        for table, ids in ((self.requests, self._requests), (self.callbacks, self._callbacks)):
            if case_id in ids:
                table.blockSignals(True)
                table.selectRow(ids.index(case_id))
                table.blockSignals(False)

    # ---- Public API

    def request_ids(self) -> list[str]:
        return list(self._requests)

    def callback_ids(self) -> list[str]:
        return list(self._callbacks)

    def selected_request(self) -> str | None:
        return _selected(self.requests, self._requests)

    def decide_selected(self, approve: bool | None = None) -> bool:
        cid = self.selected_request()
        if cid is None:
            return False
        from console.loop.prompts import ask_decide

        return bool(ask_decide(self.loop, cid, self, approve))

    def callback_selected(self) -> bool:
        cid = _selected(self.callbacks, self._callbacks)
        if cid is None:
            return False
        from console.loop.prompts import ask_callback

        return bool(ask_callback(self.loop, cid, self))

    # ---- Internals

    def _rebuild(self) -> None:
        keep = (self.selected_request(), _selected(self.callbacks, self._callbacks))
        self._rebuilding = True
        try:
            self._fill()
            for table, ids, cid in ((self.requests, self._requests, keep[0]),
                                    (self.callbacks, self._callbacks, keep[1])):
                table.clearSelection()
                if cid in ids:
                    table.selectRow(ids.index(cid))
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
        self._requests = [str(c["id"]) for c in reqs]
        cbs = [c for c in cases.values() if c.get("status") == "resolved"
               and c.get("callback_due") is not None] if loop.supported else []
        cbs.sort(key=lambda c: (str(c.get("callback_due")), str(c.get("id"))))
        self._callbacks = [str(c["id"]) for c in cbs]
        zone = self.ctx.zone
        self.requests.setRowCount(len(reqs))
        for r, c in enumerate(reqs):
            p = c["pending"] or NOTHING
            until = parse_time_or_none(p.get("until"))
            self._set_row(self.requests, r, [
                format_local(parse_time_or_none(p.get("at")), zone), "",
                pending_kind_text(p.get("kind")), safe(c.get("id"), 40),
                safe(c.get("title"), 60), safe(self.ctx.unit_name(p.get("by")), 30),
                format_local(until, zone) if until is not None else "—",
                safe(p.get("reason"), 200)])
        self.callbacks.setRowCount(len(cbs))
        for r, c in enumerate(cbs):
            counts: Mapping[str, Any] = _counts if isinstance(_counts := c.get("counts"), dict) else {}
            self._set_row(self.callbacks, r, [
                format_local(parse_time_or_none(c.get("callback_due")), zone), "",
                safe(c.get("id"), 40), safe(c.get("title"), 60),
                safe(self.ctx.unit_name(c.get("unit_id")), 30),
                safe(counts.get("reworks", 0), 6)])
        self._update_ages()
        self.tabs.setTabText(0, self.tr("Requests ({n})").format(n=len(reqs)))
        self.tabs.setTabText(1, self.tr("Callbacks due ({n})").format(n=len(cbs)))
        can_decide = self.loop.can("decide")
        self.approve_button.setVisible(can_decide)
        self.deny_button.setVisible(can_decide)
        self.callback_button.setVisible(self.loop.can("callback"))

    def _set_row(self, table: QtWidgets.QTableWidget, r: int, cells: list[str]) -> None:
        for col, text in enumerate(cells):
            item = QtWidgets.QTableWidgetItem(text)
            item.setToolTip(neutralize(text))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, col, item)

    def _update_ages(self) -> None:
        cases = self.ctx.state.cases
        for r, cid in enumerate(self._requests):
            c = cases.get(cid) or NOTHING
            p = _pending if isinstance(_pending := c.get("pending"), dict) else {}
            at = parse_time_or_none(p.get("at"))
            item = self.requests.item(r, 1)
            if item is not None:
                item.setText(format_duration(self._now - at) if at is not None else "—")
        for r, cid in enumerate(self._callbacks):
            due = parse_time_or_none((cases.get(cid) or NOTHING).get("callback_due"))
            item = self.callbacks.item(r, 1)
            if item is not None:
                item.setText(format_duration(due - self._now) if due is not None else "—")

    def _update_buttons(self) -> None:
        req = self.selected_request()
        self.approve_button.setEnabled(req is not None)
        self.deny_button.setEnabled(req is not None)
        self.callback_button.setEnabled(_selected(self.callbacks, self._callbacks) is not None)

    def _on_select(self) -> None:
        """The operator picked a row: it becomes the shared selection (never on a rebuild)."""
        self._update_buttons()
        if self._rebuilding:
            return
        req = self.selected_request()
        cb = _selected(self.callbacks, self._callbacks)
        cid = req if self.tabs.currentIndex() == 0 else cb
        if cid is not None and cid != getattr(self.ctx, "selected", None):
            self.sig_case_selected.emit(cid)


def _selected(table: QtWidgets.QTableWidget, ids: list[str]) -> str | None:
    rows = table.selectionModel().selectedRows()
    if rows and 0 <= rows[0].row() < len(ids):
        return ids[rows[0].row()]
    return None


def _wanted(case: Case | None) -> bool:
    return case is not None and (isinstance(case.get("pending"), dict)
                                 or case.get("status") == "resolved")
