"""Case detail pane: every field of the selected case as plain text, its history, time left."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any, NamedTuple

from client.protocol import Case
from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from client.workload import INACTIVE
from rows import Rows
from widgets.common import (
    NEAR_COLOR,
    OVERDUE_COLOR,
    action_text,
    fg,
    format_local,
    plain_label,
    priority_color,
    priority_label,
    scale_font,
    source_text,
    status_label,
    time_left_label,
)
from widgets.pane import Pane, PaneContext
from widgets.qt import (
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from widgets.rows_model import Column, RowsTableModel
from widgets.stage_clocks import StageClocks
from widgets.stage_text import clock_text
from widgets.text import neutralize, safe

#: roles that may urge (督办) a case
URGE_ROLES = frozenset(("officer", "supervisor"))


class HistoryLine(NamedTuple):
    """One line of the history timeline.

    Attributes:
        key: the event's ``seq`` (a line about the list itself: ``("note", …)``), so a
            reload adds only the new events and a selected line stays selected.
        text: the line as shown (plain, cut to 300 characters).
        tooltip: the whole line.
    """

    key: Hashable
    text: str
    tooltip: str | None = None


class CaseDetailPane(Pane):
    """Case detail: fields, description, location, live time left and history timeline.

    Signals:
        sig_case_selected(str): not emitted (the detail follows the shared selection).

    Public API besides the Pane contract:
        case_id: the case shown (None when nothing is selected).
        history_lines(): the history timeline as shown (plain strings).
        urge(): send a reminder (督办) for the shown case (officer/supervisor, Ctrl+U).
    """

    pane_id = "case_detail"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.case_id: str | None = None
        self._version: int | None = None
        self._request = 0  # answers to older history requests are dropped
        self._now = ctx.state.now

        self.title_label = plain_label("", self, wrap=True)
        self.title_label.setObjectName("case_detail_title")
        scale_font(self.title_label, 1.35)
        self.badge_label = plain_label("", self)
        self.badge_label.setObjectName("case_detail_badges")
        self.left_label = plain_label("", self)
        self.left_label.setObjectName("case_detail_time_left")
        scale_font(self.left_label, 1.2)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        self.field_names: dict[str, QLabel] = {}
        for key in ("id", "category", "region", "unit", "source", "reported_at", "due_at",
                    "updated_at", "closed_at", "address", "location", "version", "urges"):
            name = plain_label("", self)
            value = plain_label("", self, wrap=True)
            value.setObjectName(f"case_detail_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.field_names[key] = name
            self.fields[key] = value
            self.form.addRow(name, value)

        self.description = QPlainTextEdit(self)  # plain text only, by construction
        self.description.setObjectName("case_detail_description")
        self.description.setReadOnly(True)
        self.description.setMaximumBlockCount(200)
        self.history_label = plain_label("", self)
        #: the history timeline (synced by event: live reloads add only the new events)
        self.history_rows: Rows[HistoryLine] = Rows(key=lambda line: line.key)
        self.history_model = RowsTableModel(self.history_rows, [
            Column(lambda: self.tr("History"), lambda line: line.text,
                   tooltip=lambda line: line.tooltip)], self)
        self._history_case: str | None = None  # whose events the timeline shows
        self.history = QListView(self)
        self.history.setObjectName("case_detail_history")
        self.history.setModel(self.history_model)
        self.history.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.history.setWordWrap(True)
        self.history.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.urge_button = QPushButton(self)
        self.urge_button.setObjectName("case_detail_urge")
        self.urge_button.clicked.connect(self.urge)
        can_urge = not ctx.read_only and ctx.role in URGE_ROLES
        self.urge_button.setVisible(can_urge)
        self._urge_shortcut = QShortcut(QKeySequence("Ctrl+U"), self)
        self._urge_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._urge_shortcut.setEnabled(can_urge)
        self._urge_shortcut.activated.connect(self.urge)
        self._urge_shortcut.setWhatsThis(self.tr("Urge the shown case"))
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("case_detail_message")

        head = QHBoxLayout()
        head.addWidget(self.badge_label)
        head.addStretch(1)
        head.addWidget(self.left_label)
        head.addWidget(self.urge_button)
        top = QWidget(self)
        tl = QVBoxLayout(top)
        tl.setContentsMargins(8, 8, 8, 4)
        tl.addWidget(self.title_label)
        tl.addLayout(head)
        self.stage_clocks = StageClocks(ctx, top)  # protocol 1.1: sign, resolve, callback
        tl.addWidget(self.stage_clocks)
        tl.addLayout(self.form)
        tl.addWidget(self.description, 1)
        bottom = QWidget(self)
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(8, 4, 8, 8)
        bl.addWidget(self.history_label)
        bl.addWidget(self.history, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.message)
        lay.addWidget(self.splitter, 1)
        self._retranslate()
        self._show()

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Case detail")

    def on_selection(self, case_id: str | None) -> None:
        if case_id == self.case_id:
            return
        self.case_id = case_id
        self._version = None
        self._history_note("none", "")
        self._show()

    def on_changes(self, changes: ChangeSet) -> None:
        cid = self.case_id
        if cid is None:
            return
        if changes.reset or cid in changes.cases_changed or cid in changes.cases_added \
                or cid in changes.cases_removed or cid in changes.urges_changed \
                or cid in changes.alerts_changed:
            version = self._version
            self._show()
            if version == self._version and self._history_moved(cid, changes):
                self._fetch_history(cid)  # live history: an urge does not bump the version
        elif self._history_moved(cid, changes):
            self._fetch_history(cid)

    def _history_moved(self, cid: str, changes: ChangeSet) -> bool:
        """Whether the batch added history of ``cid`` that its version does not show
        (an urge, a whistle or a call about it)."""
        if cid in changes.urges_changed:
            return True
        state = self.ctx.state
        for ids, items in ((changes.whistles_changed, state.whistles),
                           (changes.calls_changed, state.calls)):
            for i in ids:
                item = items.get(i)
                if isinstance(item, dict) and item.get("case_id") == cid:
                    return True
        return False

    def on_tick(self, now: float) -> None:
        self._now = now
        case = self.ctx.state.cases.get(self.case_id or "")
        if case is not None:
            self._show_left(case)
            self.stage_clocks.refresh(now)

    # ---- Public API

    def history_lines(self) -> list[str]:
        """The history timeline as shown."""
        model = self.history.model()
        return [model.index(i, 0).data() for i in range(model.rowCount())]

    def urge(self) -> None:
        """Send a reminder (督办) to the unit holding the shown case."""
        cid = self.case_id
        if cid is None or self.ctx.read_only or self.ctx.role not in URGE_ROLES:
            return
        case = self.ctx.state.cases.get(cid)
        if case is None or not isinstance(case.get("unit_id"), str):
            self.message.setText(self.tr("Only a case held by a unit can be urged."))
            return
        actions = self.ctx.actions
        if actions is not None:
            actions.urge(cid)  # the console's Actions: it remembers its own urges
            return
        self.ctx.run_command(self.tr("Urge case %1").replace("%1", safe(cid, 40)),
                             lambda api: api.urge(cid, note=""))

    # ---- Internals

    def _retranslate(self) -> None:
        names = {
            "id": self.tr("ID"), "category": self.tr("Category"), "region": self.tr("Region"),
            "unit": self.tr("Unit"), "source": self.tr("Source"),
            "reported_at": self.tr("Reported"), "due_at": self.tr("Due"),
            "updated_at": self.tr("Updated"), "closed_at": self.tr("Closed"),
            "address": self.tr("Address"), "location": self.tr("Location"),
            "version": self.tr("Version"), "urges": self.tr("Urges"),
        }
        for key, label in self.field_names.items():
            label.setText(names[key])
        self.history_label.setText(self.tr("History"))
        self.urge_button.setText(self.tr("Urge (Ctrl+U)"))
        self.urge_button.setToolTip(self.tr("Send a reminder (督办) to the unit holding the case"))
        self.description.setPlaceholderText(self.tr("No description"))

    def retranslate(self) -> None:
        self._retranslate()
        self._show()

    def _show(self) -> None:
        cid = self.case_id
        case = self.ctx.state.cases.get(cid) if cid is not None else None
        self.splitter.setVisible(case is not None)
        if cid is None:
            self.message.setText(self.tr("No case selected. Pick one in the queue, the map or the alerts."))
            self.message.show()
            return
        if case is None:
            self.message.setText(self.tr("Case %1 is no longer in this post's picture.")
                                 .replace("%1", safe(cid, 40)))
            self.message.show()
            return
        self.message.clear()
        self.message.hide()
        ctx = self.ctx
        z = ctx.zone
        self.title_label.setText(safe(case.get("title"), 90))
        self.title_label.setToolTip(neutralize(case.get("title")))
        self.badge_label.setText(f"{priority_label(case.get('priority'))}    "
                                 f"{status_label(case.get('status'))}")
        pal = self.badge_label.palette()
        pal.setColor(self.badge_label.foregroundRole(), priority_color(case.get("priority")))
        self.badge_label.setPalette(pal)
        bf = self.badge_label.font()
        bf.setBold(case.get("priority") == "critical")
        self.badge_label.setFont(bf)
        unit = case.get("unit_id")
        lat, lon = case.get("lat"), case.get("lon")
        location = (f"{float(lat):.5f}, {float(lon):.5f}"
                    if isinstance(lat, int | float) and isinstance(lon, int | float)
                    else self.tr("unknown"))
        values = {
            "id": safe(cid, 60),
            "category": safe(ctx.category_name(str(case.get("category") or ""),
                                               str(case.get("subcategory") or "")), 120),
            "region": safe(ctx.region_name(case.get("region_id")), 120),
            "unit": safe(ctx.unit_name(unit), 120) if isinstance(unit, str)
            else self.tr("— unassigned"),
            "source": source_text(case.get("source")),
            "reported_at": format_local(parse_time_or_none(case.get("reported_at")), z),
            "due_at": format_local(parse_time_or_none(case.get("due_at")), z),
            "updated_at": format_local(parse_time_or_none(case.get("updated_at")), z),
            "closed_at": format_local(parse_time_or_none(case.get("closed_at")), z),
            "address": safe(case.get("address"), 200),
            "location": location,
            "version": safe(case.get("version"), 20),
            "urges": str(ctx.state.urges_by_case.get(cid, 0)),
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        self.fields["address"].setToolTip(neutralize(case.get("address")))
        desc = case.get("description")
        self.description.setPlainText(_multiline(desc))
        self._show_left(case)
        self.stage_clocks.show_case(case, self._now)
        version = case.get("version") if type(case.get("version")) is int else None
        if version != self._version:
            self._version = version
            self._fetch_history(cid)

    def _show_left(self, case: Case) -> None:
        stages = self.ctx.state.stages
        clock = stages.nearest(case) if stages is not None else None
        if stages is not None and clock is not None:  # protocol 1.1: the nearest stage
            phase = stages.phase(clock, self._now)
            self.left_label.setText(clock_text(stages, clock, self._now))
            pal = self.palette()
            if phase:
                pal.setColor(self.left_label.foregroundRole(),
                             fg(OVERDUE_COLOR if phase == 2 else NEAR_COLOR))
            self.left_label.setPalette(pal)
            return
        if case.get("status") in INACTIVE:
            self.left_label.setText(self.tr("SLA stopped"))
            self.left_label.setPalette(self.palette())
            return
        phase = self.ctx.state.alert_phase(self.case_id or "")
        text = time_left_label(parse_time_or_none(case.get("due_at")), self._now, phase)
        word = {2: self.tr("Overdue"), 1: self.tr("Near due")}.get(phase, self.tr("Time left"))
        self.left_label.setText(f"{word}  {text}")
        pal = self.left_label.palette()
        if phase:
            pal.setColor(self.left_label.foregroundRole(),
                         fg(OVERDUE_COLOR if phase == 2 else NEAR_COLOR))
        else:
            pal = self.palette()
        self.left_label.setPalette(pal)

    def _fetch_history(self, cid: str) -> None:
        self._request += 1
        token = self._request
        if self._history_case != cid:  # a reload of the shown case keeps its lines meanwhile
            self._history_note("loading", self.tr("Loading history…"))

        def ok(events: object) -> None:
            if token == self._request:
                self._show_history(cid, events)

        def failed(exc: Exception) -> None:
            if token == self._request:
                self._history_note("failed", self.tr("Could not load the history: %1")
                                   .replace("%1", safe(str(exc) or type(exc).__name__, 200)))

        self.ctx.fetch(lambda api: api.case_history(cid), ok, failed)

    def _history_note(self, kind: str, text: str) -> None:
        """Show one line about the timeline itself (none: empty the timeline)."""
        self._history_case = None
        self.history_rows.sync([HistoryLine(("note", kind), text)] if text else [])

    def _show_history(self, cid: str, events: object) -> None:
        if not isinstance(events, list) or not events:
            self._history_note("empty", self.tr("No history yet."))
            return
        lines: list[HistoryLine] = []
        for n, ev in enumerate(events):
            if not isinstance(ev, dict):
                continue
            payload = ev.get("data")
            data: Mapping[str, Any] = payload if isinstance(payload, dict) else {}
            typ = ev.get("type")
            when = format_local(parse_time_or_none(ev.get("ts")), self.ctx.zone)
            if typ == "case.created":
                what = self.tr("reported")
            elif typ == "case.updated":
                what = action_text(data.get("action"))
                case = data.get("case")
                if data.get("action") in ("dispatch", "reassign") and isinstance(case, dict) \
                        and isinstance(case.get("unit_id"), str):
                    what += " → " + neutralize(self.ctx.unit_name(case["unit_id"]))
            elif typ == "case.urged":
                what = self.tr("urged")
            elif isinstance(typ, str) and typ.startswith("whistle."):
                what = self.tr("whistle")
            elif typ in ("call.started", "call.ended"):
                call = _call if isinstance(_call := data.get("call"), dict) else {}
                what = (self.tr("video call started") if typ == "call.started"
                        else self.tr("video call ended"))
                if call.get("title"):
                    what += " · " + safe(call.get("title"), 60)
            else:
                what = neutralize(typ)
            line = f"{when}  {what}"
            actor = neutralize(data.get("actor"))
            if actor:
                line += f" · {actor}"
            note = neutralize(data.get("note"))
            if note.strip():
                line += f" · “{note}”"
            seq = ev.get("seq")
            key = seq if isinstance(seq, int) and not isinstance(seq, bool) else ("at", n)
            if any(x.key == key for x in lines):
                key = ("at", n)  # a repeated seq: still one line each
            lines.append(HistoryLine(key, safe(line, 300), neutralize(line)))
        self.history_rows.sync(lines)
        self._history_case = cid


def _multiline(text: object) -> str:
    """Neutralise each line of a description but keep its line breaks."""
    if text is None:
        return ""
    s = text if isinstance(text, str) else str(text)
    return "\n".join(neutralize(line) for line in s.splitlines()[:200])

