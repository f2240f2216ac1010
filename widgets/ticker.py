"""Incoming events ticker: the newest feed events first, bounded, pausable, filterable by kind.

Unlike the other panes the ticker needs the events themselves (who did what), not only the
ids a ChangeSet names: the console calls :meth:`TickerPane.on_events` with each
``client.batch.Batch``'s ``events`` (after applying the batch to the State).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from client.protocol import Event
from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from rows import Rows
from widgets.common import (
    PRIORITY_SYMBOL,
    action_text,
    format_local,
    plain_label,
    priority_color,
    priority_label,
)
from widgets.pane import Pane, PaneContext
from widgets.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QKeySequence,
    QListView,
    QModelIndex,
    QShortcut,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from widgets.rows_model import Column, RowsTableModel
from widgets.text import neutralize, safe

KINDS = ("case", "urge", "whistle", "call")
KIND_SYMBOL = {"case": "●", "urge": "↑", "whistle": "⚑", "call": "☎"}
DEFAULT_LIMIT = 500



@dataclass(frozen=True, slots=True)
class TickerEntry:
    """One line of the ticker.

    Attributes:
        seq: the event's seq; ts: its time (epoch seconds, None if unreadable).
        kind: ``case``, ``urge``, ``whistle`` or ``call``.
        text: what happened (plain, neutralised, not elided).
        priority: the case's priority (for colour), or None.
        case_id: the case it concerns, or None.
    """

    seq: int
    ts: float | None
    kind: str
    text: str
    priority: str | None
    case_id: str | None


class TickerPane(Pane):
    """Incoming events ticker.

    Signals:
        sig_case_selected(str): the user activated an entry about a case (inherited).

    Public API besides the Pane contract:
        on_events(events): add a batch's events (list of protocol event dicts, in seq order).
        set_paused(bool) / paused: while paused nothing moves; new entries are counted.
        set_kinds(set[str]): show only these kinds (``case``, ``urge``, ``whistle``, ``call``).
        entries(): every kept entry, newest first (shown or not).

    Args:
        limit: how many entries are kept.
    """

    pane_id = "ticker"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None,
                 limit: int = DEFAULT_LIMIT) -> None:
        super().__init__(ctx, parent)
        self.limit = limit
        self.paused = False
        self._kinds = set(KINDS)
        self._all: deque[TickerEntry] = deque(maxlen=limit)  # newest at the left
        self._pending: deque[TickerEntry] = deque(maxlen=limit)
        self._pending_count = 0

        #: the shown entries, newest first (the pane decides what is shown)
        self.rows: Rows[TickerEntry] = Rows(key=id)
        self.model = RowsTableModel(self.rows, [Column(
            title=self.title, display=self._line, tooltip=lambda e: neutralize(e.text),
            foreground=lambda e: priority_color(e.priority)
            if e.priority in ("critical", "urgent") else None,
            bold=lambda e: e.priority == "critical")], self, user=lambda e: e.case_id)
        self.view = QListView(self)
        self.view.setObjectName("ticker_view")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)

        self.pause_button = QToolButton(self)
        self.pause_button.setObjectName("ticker_pause")
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self.set_paused)
        self.kind_buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        bar.addWidget(self.pause_button)
        for kind in KINDS:
            b = QToolButton(self)
            b.setObjectName(f"ticker_kind_{kind}")
            b.setCheckable(True)
            b.setChecked(True)
            b.toggled.connect(self._on_kind_toggled)
            self.kind_buttons[kind] = b
            bar.addWidget(b)
        bar.addStretch(1)
        self.status_label = plain_label("", self)
        self.status_label.setObjectName("ticker_status")
        bar.addWidget(self.status_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)

        self._pause_shortcut = QShortcut(QKeySequence("Ctrl+P"), self)
        self._pause_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._pause_shortcut.activated.connect(self.pause_button.toggle)
        self._retranslate()

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Incoming")

    def on_changes(self, changes: ChangeSet) -> None:
        """Nothing to do: the ticker is driven by :meth:`on_events`."""

    # ---- Public API

    def on_events(self, events: list[Event]) -> None:
        """Add one batch's events (in seq order); only the newest ``limit`` are looked at."""
        new: list[TickerEntry] = []
        for ev in reversed(events):  # newest first; stop once we have enough
            if not isinstance(ev, dict):
                continue
            entry = self._entry(ev)
            if entry is not None:
                new.append(entry)
                if len(new) >= self.limit:
                    break
        if not new:
            return
        if self.paused:
            self._pending.extendleft(reversed(new))
            self._pending_count += len(new)
            self._update_status()
            return
        self._push(new)

    def set_paused(self, paused: bool) -> None:
        """Pause (entries are held and counted) or resume (held entries appear)."""
        if paused == self.paused:
            return
        self.paused = paused
        if self.pause_button.isChecked() != paused:
            self.pause_button.setChecked(paused)
        if not paused and self._pending:
            held = list(self._pending)
            self._pending.clear()
            self._push(held)
        if not paused:
            self._pending_count = 0
        self._retranslate()

    def set_kinds(self, kinds: set[str]) -> None:
        """Show only entries of these kinds."""
        self._kinds = set(kinds) & set(KINDS)
        for kind, b in self.kind_buttons.items():
            b.blockSignals(True)
            b.setChecked(kind in self._kinds)
            b.blockSignals(False)
        self.rows.sync([e for e in self._all if e.kind in self._kinds])
        self._update_status()

    def entries(self) -> list[TickerEntry]:
        """Every kept entry, newest first."""
        return list(self._all)

    # ---- Internals

    def _push(self, new: list[TickerEntry]) -> None:
        self._all.extendleft(reversed(new))
        shown = [e for e in new if e.kind in self._kinds]
        if shown:
            self.rows.insert(0, shown[:self.limit])
            self.rows.truncate(self.limit)
        self._update_status()

    def _line(self, e: TickerEntry) -> str:
        t = format_local(e.ts, self.ctx.zone, with_date=False) if e.ts else "--:--:--"
        return f"{t}  {KIND_SYMBOL.get(e.kind, '•')} {safe(e.text, 160)}"

    def _entry(self, ev: dict) -> TickerEntry | None:
        typ = ev.get("type")
        data = ev.get("data")
        if not isinstance(data, dict) or not isinstance(typ, str):
            return None
        seq = _seq if type(_seq := ev.get("seq")) is int else 0
        ts = parse_time_or_none(ev.get("ts"))
        if typ in ("case.created", "case.updated"):
            case = data.get("case")
            if not isinstance(case, dict):
                return None
            prio = _priority if isinstance(_priority := case.get("priority"), str) else None
            title = neutralize(case.get("title"))
            unit = case.get("unit_id")
            unit_name = self.ctx.unit_name(unit) if isinstance(unit, str) else ""
            sym = PRIORITY_SYMBOL.get(prio or "", "")
            if typ == "case.created":
                region = self.ctx.region_name(case.get("region_id"))
                text = self.tr("New · %1 · %2 · %3").replace("%1", priority_label(prio)).replace(
                    "%2", title).replace("%3", neutralize(region))
            else:
                action = data.get("action")
                text = f"{action_text(action)} · {sym} {title}" if sym else \
                    f"{action_text(action)} · {title}"
                if action in ("dispatch", "reassign") and unit_name:
                    text += f" → {neutralize(unit_name)}"
                elif unit_name:
                    text += f" · {neutralize(unit_name)}"
                note = neutralize(data.get("note"))
                if note.strip():
                    text += f" · “{note}”"
            return TickerEntry(seq, ts, "case", text, prio, _sid(case.get("id")))
        if typ == "case.urged":
            cid = _sid(data.get("case_id"))
            case = self.ctx.state.cases.get(cid or "")
            title = neutralize(case.get("title")) if case else (cid or "")
            prio = case.get("priority") if case else None
            unit = data.get("unit_id") or (case.get("unit_id") if case else None)
            text = self.tr("Urged · %1").replace("%1", title)
            if isinstance(unit, str):
                text += f" · {neutralize(self.ctx.unit_name(unit))}"
            note = neutralize(data.get("note"))
            if note.strip():
                text += f" · “{note}”"
            return TickerEntry(seq, ts, "urge", text, prio, cid)
        if typ in ("whistle.started", "whistle.updated"):
            w = data.get("whistle")
            if not isinstance(w, dict):
                return None
            cid = _sid(w.get("case_id"))
            case = self.ctx.state.cases.get(cid or "")
            units = _unit_ids if isinstance(_unit_ids := w.get("unit_ids"), list) else []
            checked = _checked_in if isinstance(_checked_in := w.get("checked_in"), dict) else {}
            title = neutralize(case.get("title")) if case else (cid or "")
            if typ == "whistle.started":
                text = self.tr("Whistle · %1 · %2 units summoned").replace("%1", title).replace(
                    "%2", str(len(units)))
            else:
                text = self.tr("Whistle check-in · %1 · %2/%3 arrived").replace(
                    "%1", title).replace("%2", str(len(checked))).replace("%3", str(len(units)))
            return TickerEntry(seq, ts, "whistle", text, case.get("priority") if case else None, cid)
        if typ in ("call.started", "call.ended"):
            call = data.get("call")
            if not isinstance(call, dict):
                return None
            title = neutralize(call.get("title"))
            if typ == "call.started" and not call.get("ended_at"):
                text = self.tr("Video call started · %1").replace("%1", title)
            else:
                text = self.tr("Video call ended · %1").replace("%1", title)
            return TickerEntry(seq, ts, "call", text, None, _sid(call.get("case_id")))
        return None  # heartbeats, unit updates, unknown types

    def _retranslate(self) -> None:
        names = {"case": self.tr("Cases"), "urge": self.tr("Urges"),
                 "whistle": self.tr("Whistles"), "call": self.tr("Calls")}
        for kind, b in self.kind_buttons.items():
            b.setText(f"{KIND_SYMBOL[kind]} {names[kind]}")
            b.setToolTip(self.tr("Show or hide this kind of event"))
        self.pause_button.setText(("▶ " + self.tr("Resume")) if self.paused
                                  else ("‖ " + self.tr("Pause")))
        self.pause_button.setToolTip(self.tr("Pause or resume the ticker (Ctrl+P)"))
        self._update_status()

    def _update_status(self) -> None:
        if self.paused:
            self.status_label.setText(self.tr("%1 Paused · %2 new").replace(
                "%1", "‖").replace("%2", str(self._pending_count)))
        else:
            self.status_label.setText(self.tr("%1 shown").replace(
                "%1", str(self.model.rowCount())))

    def retranslate(self) -> None:
        self._retranslate()

    def _on_kind_toggled(self) -> None:
        self.set_kinds({k for k, b in self.kind_buttons.items() if b.isChecked()})

    def _on_activated(self, index: QModelIndex) -> None:
        cid = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(cid, str):
            self.sig_case_selected.emit(cid)


def _sid(v: object) -> str | None:
    return v if isinstance(v, str) else None
