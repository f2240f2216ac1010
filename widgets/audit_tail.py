"""Audit tail: the hub's audit log (``GET /audit``) as it grows, for supervisors.

Polled every ``POLL_MS`` through ``ctx.fetch`` (never on the GUI thread), from the last
entry id seen; at most one request is out at a time, and at most ``KEEP`` rows are kept
(newest at the top). Refusals (denied, invalid, conflict, failed) are marked with a symbol
and a word, never by colour alone. Other roles see a one-line explanation and no request
is made. A failed poll is shown in the header and retried at the next interval.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from client import glossary
from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from widgets.common import GREY, OVERDUE_COLOR, current_lang, fg, format_local, plain_label
from widgets.pane import Pane, PaneContext
from widgets.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QHeaderView,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from widgets.text import neutralize, safe

POLL_MS = 3000
PAGE = 500
KEEP = 2000
AUDIT_ROLES = frozenset({"supervisor"})
OUTCOME_SYMBOL = {"ok": "✓", "denied": "⛔", "invalid": "✕", "conflict": "⇄", "failed": "⚠"}
(A_AT, A_ACTOR, A_ROLE, A_ACTION, A_TARGET, A_OUTCOME, A_DETAIL) = range(7)
_DisplayRole = Qt.ItemDataRole.DisplayRole


class AuditModel(QAbstractTableModel):
    """Thin adapter over the kept entries (newest first)."""

    def __init__(self, pane: AuditTailPane) -> None:
        super().__init__(pane)
        self._pane = pane
        self.entries: deque[dict] = deque(maxlen=KEEP)

    def prepend(self, entries: list[dict]) -> None:
        """Add ``entries`` (oldest first, as the hub sends them) at the top."""
        if not entries:
            return
        new = entries[-KEEP:]
        overflow = len(self.entries) + len(new) - KEEP
        if overflow > 0:
            first = len(self.entries) - overflow
            self.beginRemoveRows(QModelIndex(), first, len(self.entries) - 1)
            for _ in range(overflow):
                self.entries.pop()
            self.endRemoveRows()
        self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
        for e in new:
            self.entries.appendleft(e)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = _DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DisplayRole:
            t = self._pane.column_titles()
            return t[section] if 0 <= section < len(t) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role in (_DisplayRole, Qt.ItemDataRole.ToolTipRole):
            full = role == Qt.ItemDataRole.ToolTipRole
            if col == A_AT:
                at = parse_time_or_none(e.get("at"))
                return format_local(at, self._pane.ctx.zone, with_date=False) if at else "—"
            if col == A_OUTCOME:
                out = e.get("outcome")
                sym = OUTCOME_SYMBOL.get(out, "?") if isinstance(out, str) else "?"
                return f"{sym} {self._pane.outcome_word(out)}"
            key = ("at", "actor", "role", "action", "target", "outcome", "detail")[col]
            value = e.get(key)
            lang = current_lang()
            if key == "role":
                value = glossary.word("role", value, lang)
            elif key == "action":
                value = glossary.word("action", value, lang)
            elif key == "detail":
                value = glossary.audit_detail(value, lang, self._pane.ctx.unit_name)
            return neutralize(value) if full else safe(value, 80 if col == A_DETAIL else 40)
        if role == Qt.ItemDataRole.ForegroundRole and col == A_OUTCOME:
            out = e.get("outcome")
            return None if out == "ok" else fg(OVERDUE_COLOR if out in ("denied", "failed")
                                               else GREY)
        return None


class AuditTailPane(Pane):
    """The audit log's newest entries, polled every few seconds (supervisors only).

    Public API besides the Pane contract:
        entries(): the kept entries, newest first.
        poll(): ask for new entries now (no-op while a request is out).
        last_id: the last entry id seen.

    Args:
        poll_ms: the polling interval (0: no timer; call ``poll()``).
    """

    pane_id = "audit_tail"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None, *,
                 poll_ms: int = POLL_MS) -> None:
        super().__init__(ctx, parent)
        self.allowed = not ctx.read_only and ctx.role in AUDIT_ROLES
        self.last_id = 0
        self._busy = False
        self._error: str | None = None
        self._titles: list[str] = []
        self.header = plain_label("", self, wrap=True)
        self.header.setObjectName("audit_tail_header")
        self.model = AuditModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("audit_tail_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        for col, w in {A_AT: 80, A_ACTOR: 130, A_ROLE: 80, A_ACTION: 90, A_TARGET: 170,
                       A_OUTCOME: 90}.items():
            self.view.setColumnWidth(col, w)
        self.view.setVisible(self.allowed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.header)
        lay.addWidget(self.view, 1)
        self._timer = QTimer(self)
        self._timer.setObjectName("audit_tail_poll")
        self._timer.setInterval(max(poll_ms, 1))
        self._timer.timeout.connect(self.poll)
        self._retranslate()
        if self.allowed:
            if poll_ms > 0:
                self._timer.start()
            self.poll()

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Audit log")

    def on_changes(self, changes: ChangeSet) -> None:
        """Nothing: the audit log is not in the feed (it is polled)."""

    # ---- Public API

    def entries(self) -> list[dict]:
        return list(self.model.entries)

    def poll(self) -> None:
        """Fetch the entries after ``last_id`` (one request at a time)."""
        if not self.allowed or self._busy:
            return
        self._busy = True
        since = self.last_id
        self.ctx.fetch(lambda api: api.audit(since=since, limit=PAGE), self._on_page,
                       self._on_error)

    def column_titles(self) -> list[str]:
        return self._titles

    def outcome_word(self, outcome: object) -> str:
        words = {"ok": self.tr("ok"), "denied": self.tr("denied"), "invalid": self.tr("invalid"),
                 "conflict": self.tr("conflict"), "failed": self.tr("failed")}
        return words.get(outcome, safe(outcome, 20)) if isinstance(outcome, str) else "?"

    # ---- Internals

    def _on_page(self, answer: object) -> None:
        self._busy = False
        entries = answer.get("entries") if isinstance(answer, dict) else None
        if not isinstance(entries, list):
            self._on_error(ValueError(self.tr("not an audit answer")))
            return
        fresh = [e for e in entries if isinstance(e, dict) and type(e.get("id")) is int
                 and e["id"] > self.last_id]
        if fresh:
            self.last_id = max(e["id"] for e in fresh)
            self.model.prepend(fresh)
        self._error = None
        self._update_header()
        if len(entries) >= PAGE:
            QTimer.singleShot(0, self.poll)  # more waiting: catch up now

    def _on_error(self, exc: Exception) -> None:
        self._busy = False
        self._error = safe(str(exc) or type(exc).__name__, 200)
        self._update_header()

    def _update_header(self) -> None:
        if not self.allowed:
            self.header.setText(self.tr("The audit log is shown to supervisors only."))
            return
        refused = sum(1 for e in self.model.entries if e.get("outcome") != "ok")
        text = self.tr("{n} entries · {refused} refused · newest first").format(
            n=len(self.model.entries), refused=refused)
        if self._error:
            text = self.tr("⚠ Audit log unavailable ({error}); retrying.").format(
                error=self._error) + "  " + text
        self.header.setText(text)

    def _retranslate(self) -> None:
        self._titles = [self.tr("Time"), self.tr("Actor"), self.tr("Role"), self.tr("Action"),
                        self.tr("Target"), self.tr("Outcome"), self.tr("Detail")]
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self._update_header()

    def retranslate(self) -> None:
        self._retranslate()
