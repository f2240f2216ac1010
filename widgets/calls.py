"""Video calls pane: the active calls with their case and units; join after confirmation.

A call's ``url`` comes from the hub and is untrusted: it is shown as plain text, and
opened (after the officer confirms) only when it is a valid ``https`` URL with a host.
Any other scheme (``javascript:``, ``file:``, ``http:``…) is refused and never opened.
"""

from __future__ import annotations

from collections.abc import Callable

from client.protocol import Call
from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from rows import Rows
from widgets.common import VERMILLION, fg, format_duration, format_local, plain_label
from widgets.pane import Pane, PaneContext
from widgets.qt import (
    QAbstractItemView,
    QDesktopServices,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QMessageBox,
    QModelIndex,
    QPushButton,
    QShortcut,
    Qt,
    QTableView,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from widgets.rows_model import Column, RowsTableModel
from widgets.text import neutralize, safe

(COL_TITLE, COL_CASE, COL_UNITS, COL_STARTED, COL_LINK) = range(5)


def safe_call_url(url: object) -> QUrl | None:
    """The call URL as a QUrl if it may be opened (valid https with a host), else None."""
    if not isinstance(url, str) or not url or len(url) > 2000:
        return None
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in url) or neutralize(url) != url:
        return None  # whitespace, controls or bidi tricks: refuse rather than guess
    q = QUrl(url, QUrl.ParsingMode.StrictMode)
    if not q.isValid() or q.scheme().lower() != "https" or not q.host():
        return None
    if q.userName() or q.password():
        return None  # https://trusted@evil.example
    return q


class CallsPane(Pane):
    """Video calls: active calls with case and units; join opens only https links.

    Signals:
        sig_case_selected(str): the user made a call with a case current (inherited).

    Public API besides the Pane contract:
        join(call_id=None): ask for confirmation, then open the call (default: current).
        calls(): the listed call dicts.

    Args:
        opener: opens a URL (default ``QDesktopServices.openUrl``); injectable for tests.
    """

    pane_id = "calls"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None, *,
                 opener: Callable[[QUrl], object] | None = None) -> None:
        super().__init__(ctx, parent)
        self._open = opener or QDesktopServices.openUrl
        self.now = ctx.state.now
        #: the active calls, newest first
        self.rows: Rows[Call] = Rows(key=lambda c: c.get("id"))
        self.model = RowsTableModel(self.rows, [
            Column(lambda: self.tr("Call"), lambda c: safe(c.get("title"), 60),
                   tooltip=lambda c: neutralize(c.get("title"))),
            Column(lambda: self.tr("Case"), self.case_text,
                   tooltip=lambda c: self.case_text(c, True)),
            Column(lambda: self.tr("Units"), lambda c: safe(self._units_text(c), 80),
                   tooltip=self._units_text),
            Column(lambda: self.tr("Started"), self._started_text, tooltip=self._started_text),
            Column(lambda: self.tr("Link"), self._link_text,
                   tooltip=lambda c: self._link_text(c, True),
                   foreground=lambda c: fg(VERMILLION) if safe_call_url(c.get("url")) is None
                   else None),
        ], self, user=lambda c: c.get("id"))
        self.view = QTableView(self)
        self.view.setObjectName("calls_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        for col, w in {COL_TITLE: 170, COL_CASE: 200, COL_UNITS: 220, COL_STARTED: 110}.items():
            self.view.setColumnWidth(col, w)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        can_join = not ctx.read_only
        if can_join:
            self.view.activated.connect(lambda index: self.join())
        self.join_button = QPushButton(self)
        self.join_button.setObjectName("calls_join")
        self.join_button.setVisible(can_join)
        self.join_button.clicked.connect(lambda: self.join())
        self._join_shortcut = QShortcut(QKeySequence("Ctrl+J"), self)
        self._join_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._join_shortcut.setEnabled(can_join)
        self._join_shortcut.activated.connect(lambda: self.join())
        self.note = plain_label("", self, wrap=True)
        self.note.setObjectName("calls_note")
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        bar.addWidget(self.note, 1)
        bar.addWidget(self.join_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        self._retranslate()
        self._refresh()

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Video calls")

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.reset or changes.calls_changed:
            self._refresh()

    def on_tick(self, now: float) -> None:
        self.now = now
        self.model.column_changed(COL_STARTED)

    # ---- Public API

    def calls(self) -> list[Call]:
        return self.rows.items()

    def case_text(self, call: dict, full: bool = False) -> str:
        cid = call.get("case_id")
        if not isinstance(cid, str):
            return self.tr("— no case")
        case = self.ctx.state.cases.get(cid)
        title = neutralize(case.get("title")) if case else ""
        text = f"{neutralize(cid)} {title}".strip()
        return text if full else safe(text, 60)

    def join(self, call_id: str | None = None) -> bool:
        """Confirm, then open the call's https link. Return True when it was opened."""
        if self.ctx.read_only:
            return False
        call = self._call(call_id)
        if call is None:
            self.note.setText(self.tr("Select a call first."))
            return False
        url = safe_call_url(call.get("url"))
        shown = safe(call.get("url"), 120)
        if url is None:
            self.note.setText(self.tr("Link refused (only https links are opened): %1")
                              .replace("%1", shown))
            return False
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Join video call"),
                          self.tr("Open this video call in the browser?\n\n%1\n%2")
                          .replace("%1", safe(call.get("title"), 80)).replace("%2", shown),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        self._open(url)
        self.note.setText(self.tr("Opened %1").replace("%1", shown))
        return True

    def refused_text(self, url: str) -> str:
        """What the link column shows for a link that is not https (never opened)."""
        return self.tr("✕ link refused: %1").replace("%1", url)

    def column_titles(self) -> list[str]:
        return [c.title() for c in self.model.columns]

    # ---- The table's cells

    def _units_text(self, call: dict) -> str:
        units = call.get("unit_ids")
        if not isinstance(units, list):
            return ""
        return "、".join(neutralize(self.ctx.unit_name(u)) for u in units if isinstance(u, str))

    def _started_text(self, call: dict) -> str:
        started = parse_time_or_none(call.get("started_at"))
        if started is None:
            return "—"
        return (f"{format_local(started, self.ctx.zone, with_date=False)[:5]} "
                f"({format_duration(self.now - started)})")

    def _link_text(self, call: dict, full: bool = False) -> str:
        url = neutralize(call.get("url"))
        if safe_call_url(call.get("url")) is None:
            return self.refused_text(url if full else safe(url, 50))
        return url if full else safe(url, 60)

    def current_call(self) -> str | None:
        """The id of the call under the table's cursor (None: none)."""
        cur = self.view.currentIndex()
        cid = cur.data(Qt.ItemDataRole.UserRole) if cur.isValid() else None
        return cid if isinstance(cid, str) else None

    def command_view(self) -> QWidget | None:
        return self.view

    # ---- Internals

    def _call(self, call_id: str | None) -> Call | None:
        if call_id is None:
            cur = self.view.currentIndex()
            if not cur.isValid():
                return self.rows[0] if len(self.rows) == 1 else None
            return self.rows[cur.row()] if cur.row() < len(self.rows) else None
        return self.ctx.state.calls.get(call_id)

    def _refresh(self) -> None:
        calls = sorted(self.ctx.state.calls.values(),
                       key=lambda c: str(c.get("started_at") or ""), reverse=True)
        self.rows.sync(calls)
        self.note.setText(self.tr("%1 active calls").replace("%1", str(len(calls))))

    def _retranslate(self) -> None:
        self.model.retranslate()
        self.join_button.setText("☎ " + self.tr("Join…"))
        self.join_button.setToolTip(self.tr("Open the selected call after confirming (Ctrl+J)"))

    def retranslate(self) -> None:
        self._retranslate()

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and current.row() < len(self.rows):
            cid = self.rows[current.row()].get("case_id")
            if isinstance(cid, str):
                self.sig_case_selected.emit(cid)
