"""Audit tail: the hub's audit log (``GET /audit``) as it grows, for supervisors.

Polled every ``POLL_MS`` through ``ctx.fetch`` (never on the GUI thread), from the last
entry id seen; at most one request is out at a time, and at most ``KEEP`` rows are kept
(newest at the top). Refusals (denied, invalid, conflict, failed) are marked with a symbol
and a word, never by colour alone. Other roles see a one-line explanation and no request
is made. A failed poll is shown in the header and retried at the next interval.
"""

from __future__ import annotations

from functools import partial

from client import audit_words, glossary
from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from rows import Rows
from widgets.common import GREY, OVERDUE_COLOR, current_lang, fg, format_local, plain_label
from widgets.pane import Pane, PaneContext
from widgets.qt import (
    QAbstractItemView,
    QColor,
    QHeaderView,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from widgets.rows_model import Column, RowsTableModel
from widgets.text import neutralize, safe

POLL_MS = 3000
PAGE = 500
KEEP = 2000
AUDIT_ROLES = frozenset({"supervisor"})
OUTCOME_SYMBOL = {"ok": "✓", "denied": "⛔", "invalid": "✕", "conflict": "⇄", "failed": "⚠"}
(A_AT, A_ACTOR, A_ROLE, A_ACTION, A_TARGET, A_OUTCOME, A_DETAIL) = range(7)


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
        self.header = plain_label("", self, wrap=True)
        self.header.setObjectName("audit_tail_header")
        #: the kept entries, newest first
        self.rows: Rows[dict] = Rows(key=id)
        titles = (lambda: self.tr("Time"), lambda: self.tr("Actor"), lambda: self.tr("Role"),
                  lambda: self.tr("Action"), lambda: self.tr("Target"),
                  lambda: self.tr("Outcome"), lambda: self.tr("Detail"))
        self.model = RowsTableModel(self.rows, [
            Column(title, partial(self._cell, col=col), tooltip=partial(self._cell, col=col,
                                                                          full=True),
                   foreground=self._outcome_colour if col == A_OUTCOME else None)
            for col, title in enumerate(titles)], self)
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
        return self.rows.items()

    def poll(self) -> None:
        """Fetch the entries after ``last_id`` (one request at a time)."""
        if not self.allowed or self._busy:
            return
        self._busy = True
        since = self.last_id
        self.ctx.fetch(lambda api: api.audit(since=since, limit=PAGE), self._on_page,
                       self._on_error)

    def column_titles(self) -> list[str]:
        return [c.title() for c in self.model.columns]

    def outcome_word(self, outcome: object) -> str:
        words = {"ok": self.tr("ok"), "denied": self.tr("denied"), "invalid": self.tr("invalid"),
                 "conflict": self.tr("conflict"), "failed": self.tr("failed")}
        return words.get(outcome, safe(outcome, 20)) if isinstance(outcome, str) else "?"

    # ---- The table's cells

    def _cell(self, e: dict, col: int, full: bool = False) -> str:
        if col == A_AT:
            at = parse_time_or_none(e.get("at"))
            return format_local(at, self.ctx.zone, with_date=False) if at else "—"
        if col == A_OUTCOME:
            out = e.get("outcome")
            sym = OUTCOME_SYMBOL.get(out, "?") if isinstance(out, str) else "?"
            return f"{sym} {self.outcome_word(out)}"
        key = ("at", "actor", "role", "action", "target", "outcome", "detail")[col]
        value = e.get(key)
        lang = current_lang()
        if key == "role":
            value = glossary.word("role", value, lang)
        elif key == "action":
            value = audit_words.action_word(value, lang)
        elif key == "detail":
            value = audit_words.detail_text(e, lang, self.ctx.unit_name, self.ctx.zone)
        elif key == "target":
            value = audit_words.target_text(value, lang)
        return neutralize(value) if full else safe(value, 80 if col == A_DETAIL else 40)

    @staticmethod
    def _outcome_colour(e: dict) -> QColor | None:
        out = e.get("outcome")
        return None if out == "ok" else fg(OVERDUE_COLOR if out in ("denied", "failed") else GREY)

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
            new = fresh[-KEEP:]
            self.rows.truncate(KEEP - len(new))
            self.rows.insert(0, new[::-1])  # oldest first from the hub: newest on top
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
        refused = sum(1 for e in self.rows if e.get("outcome") != "ok")
        text = self.tr("{n} entries · {refused} refused · newest first").format(
            n=len(self.rows), refused=refused)
        if self._error:
            text = self.tr("⚠ Audit log unavailable ({error}); retrying.").format(
                error=self._error) + "  " + text
        self.header.setText(text)

    def _retranslate(self) -> None:
        self.model.retranslate()
        self._update_header()

    def retranslate(self) -> None:
        self._retranslate()
