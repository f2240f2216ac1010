"""Overdue and near-due alerts: a banner with counts and a list that follows the clock.

The list is driven by ``ChangeSet.alerts_changed``, which ``State.tick`` fills as cases
cross their near-due and due times without any event, so the console must pass the tick's
ChangeSet to ``on_changes`` as well. A critical case entering near-due or overdue sounds a
cue (unless muted). An officer acknowledges an alert: it dims (and says so) but stays
listed; acknowledgements are per case *and* phase (a near-due acknowledgement does not
silence the same case going overdue) and persist in QSettings under the user's key.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from operator import itemgetter
from typing import cast

from client.alarm import CRITICAL, URGE, Alarm
from client.protocol import Case
from client.state import ChangeSet, State
from client.timeutil import parse_time_or_none
from rows import Rows
from widgets.alarm_bell import AlarmBell
from widgets.common import (
    NEAR_COLOR,
    NEAR_SYMBOL,
    OVERDUE_COLOR,
    OVERDUE_SYMBOL,
    fg,
    plain_label,
    priority_color,
    priority_label,
    scale_font,
    time_left_label,
)
from widgets.pacer import pacer
from widgets.pane import CaseDragSource, Pane, PaneContext
from widgets.pane_roles import AlarmSource
from widgets.qt import (
    QAbstractItemView,
    QColor,
    QFont,
    QHBoxLayout,
    QItemSelectionModel,
    QKeySequence,
    QListView,
    QModelIndex,
    QPalette,
    QPoint,
    QSettings,
    QShortcut,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from widgets.rows_model import Column, RowsTableModel
from widgets.stage_text import clock_text, stage_alert_word
from widgets.text import neutralize, safe

MAX_ACKS = 5000
#: how many alerts the list shows (the most urgent); the banner counts all of them
SHOWN_LIMIT = 300
#: at most this many ringing alarms are pinned to the top of the list (the rest ring too
#: and are counted in the tab; acknowledging brings the next ones up)
PINNED_LIMIT = 30
_DisplayRole = Qt.ItemDataRole.DisplayRole


def ack_key(case_id: str, phase: int) -> str:
    """The acknowledgement key of one case in one phase."""
    return f"{case_id}#{phase}"


class AlertBook:
    """Overdue and near-due cases in due order, kept by deltas (no Qt).

    ``State.overdue_ids()`` sorts every alert on each call (~0.1 s for 30,000 alerts); the
    pane instead moves only the cases a ChangeSet names, with bisect, and reads the top.
    """

    def __init__(self) -> None:
        self.phase: dict[str, tuple[int, float]] = {}
        self._dues: dict[int, list[float]] = {1: [], 2: []}
        self._ids: dict[int, list[str]] = {1: [], 2: []}

    def clear(self) -> None:
        self.phase.clear()
        for ph in (1, 2):
            self._dues[ph].clear()
            self._ids[ph].clear()

    def count(self, phase: int) -> int:
        return len(self._ids[phase])

    def set(self, cid: str, phase: int, due: float) -> int:
        """Put ``cid`` in ``phase`` (0 removes it); return its previous phase."""
        old = self.phase.get(cid)
        if old == (phase, due):
            return phase
        if old is not None:
            dues, ids = self._dues[old[0]], self._ids[old[0]]
            i = self._index(old[0], old[1], cid)
            del dues[i]
            del ids[i]
            del self.phase[cid]
        if phase:
            i = self._index(phase, due, cid)
            self._dues[phase].insert(i, due)
            self._ids[phase].insert(i, cid)
            self.phase[cid] = (phase, due)
        return old[0] if old is not None else 0

    def top(self, n: int) -> list[tuple[str, int]]:
        """The ``n`` most urgent: overdue (most overdue first), then near due (soonest first)."""
        over = [(c, 2) for c in self._ids[2][:n]]
        return over + [(c, 1) for c in self._ids[1][: n - len(over)]]

    def _index(self, phase: int, due: float, cid: str) -> int:
        dues = self._dues[phase]
        lo = bisect_left(dues, due)
        hi = bisect_right(dues, due, lo)
        return bisect_left(self._ids[phase], cid, lo, hi)


class AlertsPane(Pane, AlarmSource):
    """Overdue and near-due alerts with a banner, sound cue, mute and acknowledgement.

    Signals:
        sig_case_selected(str): the user made an alert current (inherited).

    Public API besides the Pane contract:
        acknowledge(case_ids=None): acknowledge these (default: the selected) alerts.
        set_muted(bool) / muted: the sound cue on or off (Ctrl+M).
        is_acknowledged(case_id, phase), entries(): for the console and tests.

    Args:
        user_key: whose acknowledgements these are (default ``ctx.user_id``; ``anonymous``
            if that is empty).
        settings: where to persist them (default ``QSettings()`` of the application).
        beeper: ``beeper(level)`` plays a level's sound (default: the files in
            ``resources/sounds/`` through QtMultimedia; see widgets.alarm_bell).
        refresh_ms: the list is rebuilt at most this often (0: at once, for tests).
    """

    pane_id = "alerts"
    # sig_alarm(level): a new alarm was raised (its most urgent level): the console brings
    # the pane forward; sig_muted(bool): the sound was muted or unmuted (AlarmSource)

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None, *,
                 user_key: str | None = None, settings: QSettings | None = None,
                 beeper: Callable[[str], None] | None = None, refresh_ms: int = 500) -> None:
        super().__init__(ctx, parent)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setObjectName("alerts_refresh")
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(refresh_ms)
        self._refresh_timer.timeout.connect(lambda: pacer().request(self.flush))
        self._refresh_ms = refresh_ms
        self._pending = True  # the first flush loads what the State already holds
        self._pending_reset = True
        self._pending_ids: set[str] = set()
        self._alarm_changes: ChangeSet | None = None
        self.book = AlertBook()
        key = user_key or ctx.user_id or "anonymous"
        self._settings_key = "alerts/acknowledged/" + "".join(
            ch if ch.isalnum() or ch in "-_." else "_" for ch in str(key))
        self._settings = settings if settings is not None else QSettings(self)
        self._now = ctx.state.now
        self.muted = bool(self._settings.value("alerts/muted", False, type=bool))
        #: new critical / newly overdue / urged cases not acknowledged yet (ring and flash)
        self.alarm = Alarm(ctx.state)
        self.bell = AlarmBell(self.alarm, player=beeper, muted=self.muted, parent=self)
        self.bell.sig_flash.connect(self._on_flash)
        acks = self._settings.value(self._settings_key, [], type=list) or []
        self._acks: dict[str, None] = dict.fromkeys(  # ordered set
            str(a) for a in cast("list[object]", acks))  # (type=list: a list)

        self.banner = plain_label("", self)
        self.banner.setObjectName("alerts_banner")
        scale_font(self.banner, 1.5)
        self.banner.setAutoFillBackground(True)
        self.banner.setMargin(6)
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._on_flash_fg = QColor("white")
        #: ``(case_id, phase)``: overdue (most overdue first) then near due (soonest first)
        self.rows: Rows[tuple[str, int]] = Rows(key=itemgetter(0))
        self.model = RowsTableModel(self.rows, [Column(
            title=self.title, display=self._alert_text, tooltip=self._alert_tooltip,
            foreground=self._alert_foreground, font=self._alert_font,
            background=self._alert_background)], self, user=itemgetter(0))
        self.view = QListView(self)
        self.view.setObjectName("alerts_view")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self._syncing = False
        self.more_label = plain_label("", self, wrap=True)
        self.more_label.setObjectName("alerts_more")

        self.ack_button = QToolButton(self)
        self.ack_button.setObjectName("alerts_ack")
        self.ack_button.clicked.connect(lambda: self.acknowledge())
        self.ack_button.setVisible(not ctx.read_only)
        self.mute_button = QToolButton(self)
        self.mute_button.setObjectName("alerts_mute")
        self.mute_button.setCheckable(True)
        self.mute_button.setChecked(self.muted)
        self.mute_button.toggled.connect(self.set_muted)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.ack_button)
        bar.addStretch(1)
        bar.addWidget(self.mute_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.banner)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.more_label)

        self._ack_shortcut = QShortcut(QKeySequence("Ctrl+Shift+K"), self)
        self._ack_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._ack_shortcut.setEnabled(not ctx.read_only)
        self._ack_shortcut.activated.connect(lambda: self.acknowledge())
        self._ack_shortcut.setWhatsThis(self.tr("Acknowledge"))
        self._mute_shortcut = QShortcut(QKeySequence("Ctrl+M"), self)
        self._mute_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._mute_shortcut.activated.connect(self.mute_button.toggle)
        self._mute_shortcut.setWhatsThis(self.tr("Alarm sound on/off"))
        self._retranslate()
        self.flush()

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Alerts")

    def on_changes(self, changes: ChangeSet) -> None:
        if not (changes.reset or changes.alerts_changed or changes.cases_changed
                or changes.cases_removed or changes.cases_added or changes.urges_changed):
            return
        if changes.reset:
            # A reset (a snapshot, or the 1.1 stage clocks switched on) is the known
            # picture, not news: the alarm reloads now. What came before it is judged
            # first, so a reset in the same refresh window never swallows a new critical
            # case (it did when the stage clocks switched on just as one arrived).
            self._judge_alarms()
            self.alarm.observe(changes)
        else:
            # the alarms are worked out at the list's pace (flush), from the merged changes
            acc = self._alarm_changes
            if acc is None:
                acc = self._alarm_changes = ChangeSet()
            acc.cases_added |= changes.cases_added  # plain set unions: C speed
            acc.cases_changed |= changes.cases_changed
            acc.cases_removed |= changes.cases_removed
            acc.alerts_changed |= changes.alerts_changed
            acc.urges_changed |= changes.urges_changed
        self._pending = True
        self._pending_reset |= changes.reset
        if not changes.reset:
            known = self.book.phase
            ids = self._pending_ids
            ids |= changes.alerts_changed
            ids |= changes.cases_removed
            ids.update(c for c in changes.cases_changed if c in known)
        if self._refresh_ms <= 0:
            self.flush()
        elif not self._refresh_timer.isActive():
            self._refresh_timer.start()  # the list is rebuilt at most every refresh_ms

    def _judge_alarms(self) -> None:
        """Raise the alarms of the changes gathered since the last time (ring, flash)."""
        alarm_changes, self._alarm_changes = self._alarm_changes, None
        if alarm_changes is not None:
            levels = self.alarm.observe(alarm_changes, own_urges=self._own_urges())
            if levels:
                self.bell.raised(levels)
                self.sig_alarm.emit(levels[0])

    def flush(self) -> None:
        """Rebuild the list now if changes are pending (the refresh timer does it otherwise)."""
        if not self._pending:
            return
        self._pending = False
        reset, self._pending_reset = self._pending_reset, False
        ids, self._pending_ids = self._pending_ids, set()
        self._judge_alarms()
        state = self.ctx.state
        cases = state.cases
        book = self.book
        if reset:
            book.clear()
            for ph, listed in ((2, state.overdue_ids()), (1, state.near_due_ids())):
                for cid in listed:
                    if cid in cases:
                        book.set(cid, ph, _due(cases[cid], state))
        else:
            for cid in ids:
                case = cases.get(cid)
                phase = state.alert_phase(cid) if case is not None else 0
                book.set(cid, phase, _due(case, state) if phase else 0.0)
        self._rebuild()

    def on_tick(self, now: float) -> None:
        self._now = now
        self.rows.changed()

    def on_selection(self, case_id: str | None) -> None:
        self._syncing = True
        try:
            sel = self.view.selectionModel()
            for row, (cid, _) in enumerate(self.rows):
                if cid == case_id:
                    sel.setCurrentIndex(self.model.index(row, 0),
                                        QItemSelectionModel.SelectionFlag.ClearAndSelect)
                    self.view.scrollTo(self.model.index(row, 0))
                    return
            sel.clearSelection()
        finally:
            self._syncing = False

    # ---- Public API

    def entries(self) -> list[tuple[str, int]]:
        """``(case_id, phase)`` as listed (phase 2 overdue, 1 near due)."""
        return self.rows.items()

    def case_ids_at(self, pos: QPoint) -> list[str]:
        """The cases a drag from viewport position ``pos`` carries: the selected rows, or
        the row under ``pos`` when it is not selected."""
        entries = self.rows
        index = self.view.indexAt(pos)
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if index.isValid() and index.row() not in rows:
            rows = [index.row()]
        return [entries[r][0] for r in rows if 0 <= r < len(entries)]

    def current_case(self) -> str | None:
        """The alert's case under the list's cursor."""
        cur = self.view.currentIndex()
        entries = self.rows
        if cur.isValid() and cur.row() < len(entries):
            return entries[cur.row()][0]
        return None

    def drag_sources(self) -> list[CaseDragSource]:
        """The list: alerts are dragged onto a unit to reassign their cases."""
        return [CaseDragSource(self.view, self.case_ids_at)]

    def command_view(self) -> QWidget | None:
        return self.view

    def is_acknowledged(self, case_id: str, phase: int) -> bool:
        return ack_key(case_id, phase) in self._acks

    def acknowledge(self, case_ids: list[str] | None = None) -> None:
        """Acknowledge alerts (default: the selected ones) in their current phase."""
        if self.ctx.read_only:
            return
        if case_ids is None:
            rows = {i.row() for i in self.view.selectionModel().selectedIndexes()}
            cur = self.view.currentIndex()
            if cur.isValid():
                rows.add(cur.row())
            case_ids = [self.rows[r][0] for r in sorted(rows) if r < len(self.rows)]
        phases = dict(self.rows)
        silenced = self.alarm.acknowledge(case_ids)
        if not case_ids and self.alarm.count():
            silenced += self.alarm.acknowledge_all()  # nothing chosen: silence what rings
        self.bell.update()
        for cid in case_ids:
            if cid in phases and phases[cid]:
                self._acks[ack_key(cid, phases[cid])] = None
        while len(self._acks) > MAX_ACKS:
            del self._acks[next(iter(self._acks))]
        self._settings.setValue(self._settings_key, list(self._acks))
        self._settings.sync()
        if silenced:
            self._rebuild()  # the silenced alarms leave the top of the list
        self.rows.changed()
        self._update_banner()

    def set_muted(self, muted: bool) -> None:
        """Turn the sound cue off (True) or on."""
        self.muted = bool(muted)
        self.bell.set_muted(self.muted)
        self.sig_muted.emit(self.muted)
        if self.mute_button.isChecked() != self.muted:
            self.mute_button.setChecked(self.muted)
        self._settings.setValue("alerts/muted", self.muted)
        self._retranslate()

    def entry_text(self, cid: str, case: Case, phase: int, acked: bool) -> str:
        """The line shown for one alert (symbol and word, never colour alone)."""
        word = self.tr("Overdue") if phase == 2 else self.tr("Near due") if phase == 1 \
            else self.tr("Time left")
        sym = OVERDUE_SYMBOL if phase == 2 else NEAR_SYMBOL if phase == 1 else "·"
        left = time_left_label(parse_time_or_none(case.get("due_at")), self._now, phase)
        stages = self.ctx.state.stages
        clock = stages.nearest(case) if stages is not None else None
        if clock is not None and stages is not None:  # protocol 1.1: which stage is late
            word = stage_alert_word(clock.stage, phase)
            left = clock_text(stages, clock, self._now, with_stage=False)
        unit = case.get("unit_id")
        unit_text = (safe(self.ctx.unit_name(unit), 30) if isinstance(unit, str)
                     else self.tr("unassigned"))
        head = f"{sym} {word}" if phase else word
        text = (f"{head} {left.split(' ')[-1]} · {priority_label(case.get('priority'))} · "
                f"{safe(case.get('title'), 60)} · {unit_text}")
        level = self.alarm.level_of(cid)
        if level is not None:
            text = "● " + self.alarm_word(level) + " · " + text
        elif acked:
            text = "✓ " + self.tr("acknowledged") + " · " + text
        return text

    # ---- The list's one column

    def _alert_text(self, e: tuple[str, int]) -> str:
        cid, phase = e
        case = self.ctx.state.cases.get(cid)
        return "" if case is None else self.entry_text(cid, case, phase,
                                                       self.is_acknowledged(cid, phase))

    def _alert_tooltip(self, e: tuple[str, int]) -> str | None:
        case = self.ctx.state.cases.get(e[0])
        return None if case is None else neutralize(case.get("title"))

    def _alert_background(self, e: tuple[str, int]) -> QColor | None:
        level = self.alarm.level_of(e[0])
        if level is None or not self.bell.flash_on or e[0] not in self.ctx.state.cases:
            return None
        return priority_color("critical") if level == CRITICAL else fg(OVERDUE_COLOR) \
            if level != URGE else fg(NEAR_COLOR)

    def _alert_foreground(self, e: tuple[str, int]) -> QColor | None:
        cid, phase = e
        case = self.ctx.state.cases.get(cid)
        if case is None:
            return None
        if self.bell.flash_on and self.alarm.level_of(cid) is not None:
            return self._on_flash_fg
        if self.is_acknowledged(cid, phase):
            return self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if case.get("priority") == "critical":
            return priority_color("critical")
        return fg(OVERDUE_COLOR) if phase == 2 else fg(NEAR_COLOR)

    def _alert_font(self, e: tuple[str, int]) -> QFont | None:
        cid, phase = e
        case = self.ctx.state.cases.get(cid)
        if case is None:
            return None
        if self.is_acknowledged(cid, phase):
            return self._italic
        return self._bold if case.get("priority") == "critical" else None

    def alarm_word(self, level: str) -> str:
        """The word for an alarm level (new critical case, newly overdue, urge received)."""
        return {CRITICAL: self.tr("New critical"), URGE: self.tr("Urge received")}.get(
            level, self.tr("Newly overdue"))

    # ---- Internals

    def _rebuild(self) -> None:
        cur = self.view.currentIndex()
        keep = self.rows[cur.row()][0] if cur.isValid() and cur.row() < len(self.rows) else None
        # ringing alarms first (a new critical case is listed even before it is near due)
        pinned: list[tuple[str, int]] = []
        seen: set[str] = set()
        for ids in self.alarm.pending.values():
            for cid in ids:
                if len(pinned) >= PINNED_LIMIT:
                    break
                if cid not in seen and cid in self.ctx.state.cases:
                    seen.add(cid)
                    pinned.append((cid, self.ctx.state.alert_phase(cid)))
        rest = []
        for e in self.book.top(SHOWN_LIMIT):
            if e[0] not in seen:
                seen.add(e[0])
                rest.append(e)
        # precise inserts/removes/moves: the view keeps its selection and scroll position
        self.rows.sync((pinned + rest)[:max(SHOWN_LIMIT, len(pinned))])
        cur = self.view.currentIndex()
        if keep is not None and not (cur.isValid() and cur.row() < len(self.rows)
                                     and self.rows[cur.row()][0] == keep):
            self.on_selection(keep)
        self._update_banner()

    def _update_banner(self) -> None:
        over, near = self.book.count(2), self.book.count(1)
        phases = self.book.phase
        acked = 0
        for key in self._acks:
            cid, _, ph = key.rpartition("#")
            hit = phases.get(cid)
            if hit is not None and str(hit[0]) == ph:
                acked += 1
        hidden = over + near - len(self.rows)
        self.more_label.setVisible(hidden > 0)
        self.more_label.setText(self.tr("%1 more not listed: use the queue's “My overdue” filter "
                                        "to see every overdue case.").replace("%1", f"{hidden:,}"))
        text = self.tr("%1 %2 overdue · %3 %4 near due").replace("%1", OVERDUE_SYMBOL).replace(
            "%2", str(over)).replace("%3", NEAR_SYMBOL).replace("%4", str(near))
        if acked:
            text += "  " + self.tr("(%1 acknowledged)").replace("%1", str(acked))
        self.banner.setText(text)
        pal = self.banner.palette()
        base = self.palette().window().color()
        pal.setColor(QPalette.ColorRole.Window, base)
        pal.setColor(QPalette.ColorRole.WindowText,
                     fg(OVERDUE_COLOR) if over else fg(NEAR_COLOR) if near
                     else self.palette().windowText().color())
        self.banner.setPalette(pal)

    def _retranslate(self) -> None:
        self.ack_button.setText("✓ " + self.tr("Acknowledge"))
        self.ack_button.setToolTip(self.tr("Acknowledge the selected alerts, or every ringing "
                                           "alarm when none is selected (Ctrl+Shift+K)"))
        self.mute_button.setText(("✕ " + self.tr("Sound off")) if self.muted
                                 else ("♪ " + self.tr("Sound on")))
        self.mute_button.setToolTip(self.tr("Alarm sounds on or off (Ctrl+M); the flashing "
                                            "goes on"))
        self.mute_button.setProperty("muted", self.muted)
        self.mute_button.style().unpolish(self.mute_button)
        self.mute_button.style().polish(self.mute_button)
        self._update_banner()

    def retranslate(self) -> None:
        self._retranslate()

    def restyle(self) -> None:
        super().restyle()
        self._update_banner()  # its colours come from the new palette

    def _own_urges(self) -> set[str]:
        """Cases this console urged in the last minute (no "urge received" alarm for those)."""
        actions = self.ctx.actions
        return set(actions.recent_urges()) if actions is not None else set()

    def _on_flash(self, on: bool) -> None:
        entries = self.rows.items()
        rows = [i for i, (cid, _) in enumerate(entries[:PINNED_LIMIT + 20])
                if self.alarm.level_of(cid)]
        if rows:
            self.rows.changed(rows[0], rows[-1])
        elif not on:
            self.rows.changed()

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._syncing or not current.isValid() or current.row() >= len(self.rows):
            return
        self.sig_case_selected.emit(self.rows[current.row()][0])


def _due(case: Case | None, state: State) -> float:
    """The deadline an alert is ordered by: the nearest stage's (protocol 1.1) or due_at."""
    stages = state.stages
    if stages is not None and case is not None:
        clock = stages.nearest(case)
        if clock is not None:
            return clock.due
    due = parse_time_or_none(case.get("due_at")) if case is not None else None
    return due if due is not None else 0.0
