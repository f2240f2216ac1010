"""The auditor's window (审计管理员): the whole hub's audit log, read-only, with the SM3
chain checked in the console as entries arrive.

An auditor account reads ``GET /audit`` and nothing else (protocol 1.1), so it gets this
window instead of the console: entries oldest first in pages, times in the post's zone,
every text plain; "Check the chain" recomputes each ``hash`` from ``prev`` and the entry
(``client.audit_chain.verify_entries``, the same code as ``hub audit verify``) and names the
first broken entry. Closing the window logs out.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from client.api import HubClient
from client.audit_chain import GENESIS, verify_entries
from client.audit_words import action_word, detail_text, target_text
from console.jobs import Jobs
from console.messages import describe_error
from rows import Rows
from widgets.common import current_lang
from widgets.qt import (
    QAbstractItemView,
    QCloseEvent,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from widgets.rows_model import Column, RowsTableModel

COLUMNS = ("id", "at", "actor", "role", "action", "target", "outcome", "addr", "detail")
PAGE = 1000


def audit_words() -> dict[str, dict[str, str]]:
    """Translated words for the audit log's codes (unknown codes are shown as they are)."""
    from console.main_window import role_word
    from widgets.qt import QCoreApplication as T

    return {
        "role": {r: role_word(r) for r in ("officer", "supervisor", "wall", "unit", "intake",
                                           "auditor")} | {"admin": T.translate("AuditWords", "administrator")},
        "outcome": {"ok": T.translate("AuditWords", "done"), "denied": T.translate("AuditWords", "denied"), "invalid": T.translate("AuditWords", "invalid"),
                    "conflict": T.translate("AuditWords", "conflict"), "failed": T.translate("AuditWords", "failed")},
        "action": {"login": T.translate("AuditWords", "log in"), "logout": T.translate("AuditWords", "log out"), "report": T.translate("AuditWords", "report"),
                   "assign": T.translate("AuditWords", "dispatch"), "urge": T.translate("AuditWords", "urge"), "accept": T.translate("AuditWords", "accept"),
                   "resolve": T.translate("AuditWords", "resolve"), "return": T.translate("AuditWords", "return"), "close": T.translate("AuditWords", "close"),
                   "reopen": T.translate("AuditWords", "reopen"), "whistle": T.translate("AuditWords", "whistle"), "checkin": T.translate("AuditWords", "check in"),
                   "call.start": T.translate("AuditWords", "start a call"), "call.end": T.translate("AuditWords", "end a call"),
                   "password.change": T.translate("AuditWords", "change password"),
                   "otp.start": T.translate("AuditWords", "start two-step enrolment"),
                   "otp.confirm": T.translate("AuditWords", "turn two-step verification on"),
                   "user.add": T.translate("AuditWords", "add account"), "user.disable": T.translate("AuditWords", "disable account"),
                   "user.enable": T.translate("AuditWords", "enable account"),
                   "user.reset_password": T.translate("AuditWords", "reset password"),
                   "user.unlock": T.translate("AuditWords", "unlock account"), "user.reset_otp": T.translate("AuditWords", "reset two-step")},
    }


class AuditViewer(QMainWindow):
    """Signals:
        sig_closed(): the window closed (and the session was ended).
    """

    sig_closed = Signal()

    def __init__(self, api: HubClient, jobs: Jobs, zone_name: str = "Asia/Shanghai") -> None:
        super().__init__()
        self.api, self.jobs, self.zone = api, jobs, ZoneInfo(zone_name)
        self.entries: list[dict[str, Any]] = []
        self.last = 0
        self.words = audit_words()
        self.setObjectName("auditViewer")
        self.setWindowTitle(self.tr("Command Post — audit log"))
        #: the entries shown, oldest first (new pages are appended: the selection stays)
        self.rows: Rows[dict[str, Any]] = Rows(key=lambda e: e.get("id"))
        titles = (self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Role"),
                  self.tr("Action"), self.tr("Target"), self.tr("Outcome"), self.tr("Address"),
                  self.tr("Detail"))
        self.model = RowsTableModel(self.rows, [
            self._column(title, key) for title, key in zip(titles, COLUMNS, strict=True)], self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.more = QPushButton(self.tr("Load newer entries"), self)
        self.more.clicked.connect(self.load)
        self.check = QPushButton(self.tr("Check the chain"), self)
        self.check.setObjectName("auditCheck")
        self.check.clicked.connect(self.check_chain)
        buttons = QHBoxLayout()
        buttons.addWidget(self.more)
        buttons.addWidget(self.check)
        buttons.addStretch(1)
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.addLayout(buttons)
        lay.addWidget(self.table)
        lay.addWidget(self.status)
        self.setCentralWidget(body)
        self.resize(1280, 720)

    def load(self) -> None:
        """Fetch the entries after the last one shown."""
        self.more.setEnabled(False)
        since = self.last
        self.jobs.submit(lambda: self.api.audit(since, PAGE), self._on_page, self._on_failed)

    def _on_page(self, answer: Any) -> None:
        self.more.setEnabled(True)
        entries = answer.get("entries", []) if isinstance(answer, dict) else []
        self.rows.append(entries)  # one inserted range per page
        self.entries += entries
        if entries:
            self.last = int(entries[-1]["id"])
        self.status.setText(self.tr("{count} entries").format(count=len(self.entries)))
        if len(entries) == PAGE:
            self.load()

    def _on_failed(self, exc: Exception) -> None:
        self.more.setEnabled(True)
        self.status.setText(describe_error(self.tr("Reading the audit log"), exc))

    def _column(self, title: str, key: str) -> Column[dict[str, Any]]:
        return Column(lambda: title, lambda entry: self._cell(entry, key))

    def _cell(self, entry: dict[str, Any], key: str) -> str:
        """The text of one cell (plain text: a model's display text is never rich)."""
        value = entry.get(key, "")
        if key == "at" and isinstance(value, str):
            try:
                value = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(
                    self.zone).strftime("%Y-%m-%d %H:%M:%S")
            except ValueError:
                pass
        lang = current_lang()
        if key == "action":  # the hub's newer actions from the Qt-free words
            value = self.words[key].get(str(value)) or action_word(value, lang)
        elif key in self.words:
            value = self.words[key].get(str(value), value)
        elif key == "detail":
            value = detail_text(entry, lang, zone=self.zone)
        elif key == "target":
            value = target_text(value, lang)
        return str(value)[:300].replace("\n", " ")

    def check_chain(self) -> None:
        """Recompute the chain over the entries shown (from the first one's ``prev``)."""
        if not self.entries:
            return
        start = self.entries[0].get("prev") or GENESIS
        verdict = verify_entries(self.entries, str(start))
        if verdict.ok:
            self.status.setText(self.tr("Chain intact: {count} entries checked.").format(
                count=verdict.checked))
        else:
            self.status.setText(self.tr("Chain broken at entry {id}: it was edited, inserted "
                                        "or an entry before it deleted.").format(
                id=verdict.broken_id))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Log out and tell the launcher."""
        self.api.logout_quietly()
        super().closeEvent(event)
        self.sig_closed.emit()
