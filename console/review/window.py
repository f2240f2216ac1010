"""The offline review window: the live panes on the state of a cached shift at any moment.

:class:`ReviewContext` is the :class:`widgets.pane.PaneContext` of a review: its ``state``
is the :class:`client.review.ReviewCursor`'s, ``read_only`` is True, ``fetch`` answers
from the cache (:class:`client.review.ReviewApi`: a case's history is its cached events up
to the current moment) and ``run_command`` refuses. :class:`ReviewWindow` shows every
console pane (``console.panes.PANES``) in docks, a timeline with the event density
(pyqtgraph) and a draggable cursor, play/pause at 1×–600×, stepping event by event,
jumping to the previous/next event of the selected case or of the filter, the filtered
event list and the selected case's story.

No network, no disk writes: the window never talks to a hub, and the shift file was read
read-only before the window opened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import numpy as np

from client.review import EVENT_TYPES, ReviewApi, ReviewCursor, ShiftReview, StoryStep
from client.sequencer import SKIPPED
from client.state import ChangeSet, State
from console.distributor import ChangeDistributor
from console.panes import PANES, PaneSpec, build_pane
from rows import Rows
from widgets.actions_port import ActionsPort
from widgets.common import action_text, format_duration, status_text
from widgets.context import SharedContext
from widgets.fitting import fitting
from widgets.pane import Pane
from widgets.qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QColor,
    QComboBox,
    QCoreApplication,
    QDockWidget,
    QElapsedTimer,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QModelIndex,
    QObject,
    Qt,
    QTableView,
    QtCore,
    QTimer,
    QToolBar,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
    pg,
)
from widgets.rows_model import Column, RowsTableModel
from widgets.text import neutralize, safe

log = logging.getLogger(__name__)

SPEEDS = (1, 10, 60, 300, 600)
translate = QCoreApplication.translate

FILTER_TYPES: dict[str, tuple[str, ...] | None] = {
    QT_TRANSLATE_NOOP("Review", "All events"): None,
    QT_TRANSLATE_NOOP("Review", "Case changes"): ("case.created", "case.updated"),
    QT_TRANSLATE_NOOP("Review", "Urges only"): ("case.urged",),
    QT_TRANSLATE_NOOP("Review", "Whistles and calls"): ("whistle.started", "whistle.updated",
                                                        "call.started", "call.ended"),
}


class ReviewContext(SharedContext, QObject):
    """The panes' context in review (see the module docstring).

    Signals:
        sig_selection(object): the shared selection changed (a case id or None).
        sig_message(str, str): ``(level, text)`` for the status bar.
    """

    sig_selection = Signal(object)
    sig_message = Signal(str, str)

    def __init__(self, cursor: ReviewCursor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cursor = cursor
        self.api = ReviewApi(cursor)
        self.zone = ZoneInfo(cursor.review.zone_name)
        user = cursor.review.meta.get("user")
        self.user: dict = user if isinstance(user, dict) else {}
        self.role = str(self.user.get("role") or "officer")
        self.read_only = True
        self.actions: ActionsPort | None = None  # review sends no commands
        self.username = str(self.user.get("id") or "review")
        self.user_id = f"review-{self.username}"
        self.panes: list[Pane] = []
        self.selected: str | None = None
        #: the shift file's folder: the map reads the region polygons kept there
        self.cache_dir = cursor.review.path.parent
        self._sub_names: dict[tuple[str, str], str] = {}
        cats = cursor.review.meta.get("categories")
        for cat in cats if isinstance(cats, list) else ():
            if isinstance(cat, dict):
                for sub in cat.get("subcategories") or ():
                    if isinstance(sub, dict) and sub.get("code"):
                        self._sub_names[(str(cat.get("name")), str(sub["code"]))] = \
                            str(sub.get("name"))

    @property
    def state(self) -> State:
        """The State at the cursor's position (replaced on a reset)."""
        return self.cursor.state

    def run_command(self, label: str, fn: Callable, on_ok: Callable | None = None,
                    on_error: Callable | None = None) -> None:
        """Refuse: review is read-only."""
        self.sig_message.emit("error", translate("Review", "Read-only review of a cached shift — no hub "
                                          "connection.") + f" ({safe(label, 60)})")

    def fetch(self, fn: Callable[[Any], Any], on_ok: Callable[[Any], None],
              on_error: Callable[[Exception], None] | None = None) -> None:
        """Answer a read from the cache (in memory: synchronous, on the GUI thread)."""
        try:
            result = fn(self.api)
        except Exception as exc:
            if on_error is not None:
                on_error(exc)
            return
        on_ok(result)



# ---- timeline


class _TimeAxis(pg.AxisItem):
    def __init__(self, tz: ZoneInfo) -> None:
        super().__init__("bottom")
        self.tz = tz

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        return [datetime.fromtimestamp(v, self.tz).strftime("%H:%M") for v in values]


class Timeline(pg.PlotWidget):
    """The shift's event density with a draggable time cursor.

    Signals:
        sig_moved(float): the officer dragged the cursor to a time (epoch seconds).
    """

    sig_moved = Signal(float)

    def __init__(self, review: ShiftReview, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, axisItems={"bottom": _TimeAxis(tz)}, background="w")
        self.review = review
        self.setObjectName("reviewTimeline")
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMenuEnabled(False)
        pi = self.getPlotItem()
        pi.showAxis("left", False)
        pi.setContentsMargins(4, 0, 4, 0)
        span = max(60.0, review.end - review.start)
        bins = int(min(720, max(24, span // 60)))
        edges, counts = review.density(bins)
        width = float(edges[1] - edges[0]) if len(edges) > 1 else 60.0
        self.bars = pg.BarGraphItem(x0=edges[:-1], width=width, height=counts,
                                    brush=pg.mkBrush("#56B4E9"), pen=pg.mkPen(None))
        self.addItem(self.bars)
        self.setXRange(review.start, review.end, padding=0.005)
        self.setYRange(0, max(1, int(counts.max()) if len(counts) else 1) * 1.1, padding=0)
        self.line = pg.InfiniteLine(pos=review.start, angle=90, movable=True,
                                    pen=pg.mkPen("#D55E00", width=2),
                                    hoverPen=pg.mkPen("#D55E00", width=4),
                                    bounds=(review.start, review.end))
        self.addItem(self.line)
        self.line.sigDragged.connect(self._on_dragged)
        self.scene().sigMouseClicked.connect(self._on_clicked)
        # short enough to leave the panes most of a 1366×768 screen
        self.setMinimumHeight(64)
        self.setMaximumHeight(100)

    def set_time(self, t: float) -> None:
        """Move the cursor without emitting."""
        self.line.blockSignals(True)
        self.line.setValue(t)
        self.line.blockSignals(False)

    def _on_dragged(self, line: pg.InfiniteLine) -> None:
        self.sig_moved.emit(float(line.value()))

    def _on_clicked(self, ev: Any) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        pos = self.getPlotItem().vb.mapSceneToView(ev.scenePos())
        t = min(max(pos.x(), self.review.start), self.review.end)
        self.sig_moved.emit(float(t))


# ---- event list and case story


def _type_word(typ: str) -> str:
    word = {
        "case.created": translate("Review", "created"), "case.urged": translate("Review", "urged"),
        "whistle.started": translate("Review", "whistle"), "whistle.updated": translate("Review", "whistle check-in"),
        "call.started": translate("Review", "call"), "call.ended": translate("Review", "call ended"),
        "unit.updated": translate("Review", "unit changed"),
        SKIPPED: translate("Review", "skipped: invalid in the hub's log"),
    }.get(typ)
    return word if word is not None else translate("Review", "other event ({type})").format(
        type=safe(typ, 40))


def _story_kind(step: StoryStep) -> str:
    if step.kind == "snapshot":
        return translate("Review", "as found at shift start")
    if step.kind in ("created",):
        return translate("Review", "created")
    if step.kind == "urged":
        return translate("Review", "urged")
    if step.kind in ("whistle", "whistle_update", "call", "call_end"):
        return {"whistle": translate("Review", "whistle"), "whistle_update": translate("Review", "whistle check-in"),
                "call": translate("Review", "call"), "call_end": translate("Review", "call ended")}[step.kind]
    return action_text(step.kind)


def _clock_text(step: StoryStep, ctx: ReviewContext) -> str:
    """Protocol 1.1: the stage clock running after the step, and ⚠ when the step came late."""
    from widgets.stage_text import stage_word

    text = ""
    if step.stage is not None and step.stage_due is not None:
        text = translate("Review", "{stage} by {t}").format(stage=stage_word(step.stage), t=datetime.fromtimestamp(
            step.stage_due, ctx.zone).strftime("%m-%d %H:%M"))
    if step.stage_late:
        text = ("⚠ " + translate("Review", "late") + "  " + text).strip()
    return text


def _loop_text(step: StoryStep) -> str:
    """Protocol 1.1 facts of a step: a callback's answer, a merge's original, a request."""
    from widgets.stage_text import pending_kind_text, satisfaction_text

    f = step.loop or {}
    if step.kind in ("callback", "rework"):
        solved = f.get("solved")
        return "{sat} · {solved}".format(sat=satisfaction_text(f.get("satisfaction")),
                                         solved=translate("Review", "solved") if solved is True else
                                         translate("Review", "not solved") if solved is False else "—")
    if step.kind == "merge" and f.get("merged_into"):
        return "→ " + safe(f.get("merged_into"), 40)
    if step.kind in ("request_return", "request_extension"):
        return f"{pending_kind_text(f.get('kind'))}: {safe(f.get('reason'), 80)}"
    return ""


class StoryRow(NamedTuple):
    """One step of a case's story as the table shows it.

    Attributes:
        key: ``(case id, step number)``: the same step keeps its row while the cursor moves.
        cells: the seven cells' texts.
        note: the step's note (the step cell's tooltip; "" for none).
        late: the step took longer than its SLA (the elapsed cell in red).
        stage_late: its stage clock ran out (the clock cell in red).
    """

    key: tuple[str, int]
    cells: tuple[str, ...]
    note: str
    late: bool
    stage_late: bool


_LATE = QColor(Qt.GlobalColor.darkRed)


class StoryView(QWidget):
    """The selected case's story: each step with who, what, note, time taken vs its SLA.

    The steps are a :class:`rows.Rows` synced by ``(case, step)``: moving the cursor adds
    or updates only the steps it reaches, so a selected step stays selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel(translate("Review", "Select a case to see its story."), self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        self.rows: Rows[StoryRow] = Rows(key=lambda r: r.key)
        titles = (translate("Review", "When"), translate("Review", "Step"),
                  translate("Review", "Status"), translate("Review", "By"),
                  translate("Review", "Took"), translate("Review", "Elapsed / SLA"),
                  translate("Review", "Clock"))
        self.model = RowsTableModel(self.rows, [self._column(j, t) for j, t in enumerate(titles)],
                                    self)
        self.table = QTableView(self)
        self.table.setObjectName("reviewStory")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        lay.addWidget(self.table)

    @staticmethod
    def _column(j: int, title: str) -> Column[StoryRow]:
        late: Callable[[StoryRow], QColor | None] | None = None
        if j == 5:
            late = lambda r: _LATE if r.late else None  # noqa: E731
        elif j == 6:
            late = lambda r: _LATE if r.stage_late else None  # noqa: E731
        return Column(lambda: title, lambda r: r.cells[j],
                      tooltip=(lambda r: neutralize(r.note) if r.note else None) if j == 1
                      else None, foreground=late)

    def show_story(self, review: ShiftReview, ctx: ReviewContext, case_id: str | None,
                   upto_step: int) -> None:
        if case_id is None:
            self.rows.sync([])
            self.title.setText(translate("Review", "Select a case to see its story."))
            return
        story = review.story(case_id, upto_step)
        c = story.case or {}
        sla = translate("Review", "SLA {d}").format(d=format_duration(story.sla)) if story.sla else ""
        self.title.setText("  ".join(x for x in (safe(case_id, 40), safe(c.get("title"), 80),
                                                   sla) if x))
        rows = []
        for i, s in enumerate(story.steps):
            took = format_duration(s.took) if s.took is not None else ""
            if s.elapsed is not None and s.sla:
                pct = f"{format_duration(s.elapsed)} · " + translate("Review", "{p}% of SLA").format(
                    p=int(round(100 * s.elapsed / s.sla)))
            else:
                pct = ""
            if s.late:
                pct += "  ⚠ " + translate("Review", "LATE")
            who = safe(s.actor, 40)
            unit = ctx.unit_name(s.unit_id) if s.unit_id else ""
            cells = [datetime.fromtimestamp(s.at, ctx.zone).strftime("%m-%d %H:%M:%S"),
                     _story_kind(s) + (f" → {unit}" if unit and s.kind in ("dispatch", "reassign")
                                       else ""),
                     status_text(s.status), who, took, pct, _clock_text(s, ctx)]
            facts = _loop_text(s)
            if facts:
                cells[1] += f" · {facts}"
            note = s.note if s.note.strip() else ""
            if note:
                cells[1] += f" · “{safe(s.note, 120)}”"
            rows.append(StoryRow((case_id, i), tuple(cells), note, bool(s.late),
                                 bool(s.stage_late)))
        grew = len(rows) > len(self.rows) or (rows and self.rows and
                                              self.rows[0].key != rows[0].key)
        self.rows.sync(rows)
        self.table.resizeColumnsToContents()
        if grew:
            self.table.scrollToBottom()


# ---- the window


class ReviewWindow(QMainWindow):
    """Offline review of one shift (see the module docstring).

    Args:
        review: the opened shift.
        pane_specs: which console panes to show (default: all).
        pane_factory: builds a pane class for a spec (tests); default: ``widgets/`` modules.

    Attributes:
        review_cursor: the review position (a :class:`client.review.ReviewCursor`; the
            mouse cursor stays ``QWidget.cursor()``).

    Signals:
        sig_position(int, float): the position changed: ``(step, time)``.
        sig_report(): the officer asked for the handover report.
    """

    sig_position = Signal(int, float)
    sig_report = Signal()
    #: the dock columns and their width shares (none until the docks are laid out)
    _sizes: tuple[list[list[str]], list[float]] = ([], [])

    def __init__(self, review: ShiftReview, *, pane_specs: tuple[PaneSpec, ...] = PANES,
                 pane_factory: Callable[[PaneSpec], type[Pane] | None] | None = None,
                 start_time: float | None = None) -> None:
        super().__init__()
        self.setObjectName("reviewWindow")
        self.review = review
        start = review.start if start_time is None else start_time
        #: the review position: step, time and the replayed State there
        self.review_cursor = ReviewCursor(review, review.step_at(start))
        self.ctx = ReviewContext(self.review_cursor, self)
        post = review.snapshot().get("post") or {}
        self.setWindowTitle(translate("Review", "Offline review — {post} — shift {label}").format(
            post=safe(post.get("name") or post.get("id") or "", 60), label=review.label))
        self.speed = 60
        self.playing = False
        self._pending: float | None = None

        self._build_toolbar()
        # second toolbar row: damage banner, timeline and position, full width
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        strip = QToolBar(translate("Review", "Timeline"), self)
        strip.setObjectName("reviewTimelineBar")
        strip.setMovable(False)
        top = QWidget(strip)
        lay = QVBoxLayout(top)
        lay.setContentsMargins(2, 0, 2, 0)
        lay.setSpacing(2)
        self.banner = QLabel(top)
        self.banner.setObjectName("reviewBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#reviewBanner { background: #fde8e0; color: #8a2b00;"
                                  " padding: 4px; border: 1px solid #D55E00; }")
        self.banner.setVisible(False)
        lay.addWidget(self.banner)
        self.timeline = Timeline(review, self.ctx.zone, top)
        self.timeline.sig_moved.connect(self._on_timeline)
        lay.addWidget(self.timeline)
        self.position_label = QLabel(top)
        self.position_label.setObjectName("reviewPosition")
        self.position_label.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.position_label)
        top.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding,
                          QtWidgets.QSizePolicy.Policy.Preferred)
        strip.addWidget(top)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, strip)
        self.panes: dict[str, Pane] = {}
        self.docks: dict[str, QDockWidget] = {}
        #: every move of the cursor reaches the panes from here (as the feed does live)
        self.distributor = ChangeDistributor(parent=self)
        for spec in pane_specs:
            pane = build_pane(spec, self.ctx, pane_factory)
            self.panes[spec.key] = pane
            self.ctx.panes.append(pane)
            self.distributor.register(pane)
            pane.sig_case_selected.connect(self.ctx.select_case)
            self._dock(spec.key, pane.title() or spec.title(), pane)
        #: the numbers of the events that match the filter (also as an array, for seeking)
        self.event_matches = np.arange(self.review.n_events, dtype=np.int64)
        #: the cursor steps of those events (for following the cursor in the list)
        self._match_steps = self.review.event_steps[self.event_matches]
        self.event_rows: Rows[int] = Rows(self.event_matches.tolist())
        self._update_filter_count()
        self.events_model = RowsTableModel(self.event_rows, [Column(
            lambda: translate("Review", "Events"), self._event_line, tooltip=self._event_line)], self)
        self.events_view = QListView(self)
        self.events_view.setObjectName("reviewEvents")
        self.events_view.setModel(self.events_model)
        self.events_view.setUniformItemSizes(True)
        self.events_view.activated.connect(self._on_event_activated)
        self.events_view.clicked.connect(self._on_event_activated)
        self._dock("review-events", translate("Review", "Events"), self.events_view)
        self.story = StoryView(self)
        self._dock("review-story", translate("Review", "Case story"), self.story)
        self._arrange()
        self.ctx.sig_selection.connect(self._on_selection)
        self.ctx.sig_message.connect(lambda _lvl, text: self.statusBar().showMessage(text, 8000))
        self.statusBar().showMessage(translate("Review", "Read-only review of a cached shift — no hub connection."))

        p = review.problem
        if p is not None:
            self.banner.setText(translate("Review",
                "The cache file is damaged or truncated: {n} events could be read, up to seq "
                "{seq} ({time}). The rest is lost. Opened read-only.").format(
                n=p.events_read, seq=p.last_seq if p.last_seq is not None else "—",
                time=self._fmt(p.last_time) if p.last_time is not None else "—"))
            self.banner.setVisible(True)

        self._play_timer = QTimer(self)
        self._play_timer.setObjectName("reviewPlayTimer")
        self._play_timer.setInterval(100)
        self._play_timer.timeout.connect(self._on_play_tick)
        self._clock = QElapsedTimer()
        self._seek_timer = QTimer(self)  # folds a burst of drags into one seek
        self._seek_timer.setSingleShot(True)
        self._seek_timer.setInterval(30)
        self._seek_timer.timeout.connect(self._apply_pending)
        self._broadcast(ChangeSet(reset=True, counters_changed=True), self.review_cursor.now)

    # ---- building

    def _dock(self, key: str, title: str, widget: QWidget) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setWidget(fitting(widget))  # a long case scrolls; the window fits its screen
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.docks[key] = dock
        area = (Qt.DockWidgetArea.TopDockWidgetArea if key == "kpi"
                else Qt.DockWidgetArea.LeftDockWidgetArea)
        self.addDockWidget(area, dock)

    def _arrange(self) -> None:
        """Queue and events (regions behind) on the left; map, detail and story; alerts,
        workload, calls."""
        d = self.docks
        left: list[str] = [k for k in ("queue", "review-events") if k in d]
        mid: list[str] = [k for k in ("map", "detail") if k in d] or ["review-story"]
        right: list[str] = [k for k in ("alerts", "workload", "calls", "ticker") if k in d]
        cols: list[list[str]] = [c for c in (left, mid, right) if c]
        for i in range(1, len(cols)):  # columns first, then each column's stack
            self.splitDockWidget(d[cols[i - 1][0]], d[cols[i][0]], Qt.Orientation.Horizontal)
        for col in cols:
            for a, b in zip(col, col[1:], strict=False):
                self.splitDockWidget(d[a], d[b], Qt.Orientation.Vertical)
        if "ticker" in d and "calls" in d:
            self.tabifyDockWidget(d["calls"], d["ticker"])
            d["calls"].raise_()
        if "detail" in d:  # the story sits behind the detail; a selection raises it
            self.tabifyDockWidget(d["detail"], d["review-story"])
        if "regions" in d:  # behind the events, not a full-width row under every column
            self.tabifyDockWidget(d["review-events"], d["regions"])
            d["review-events"].raise_()
        self._sizes = (cols, [0.44, 0.30, 0.26][:len(cols)])

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._apply_sizes()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self._apply_sizes)  # once the docks have their layout

    def _apply_sizes(self) -> None:
        cols, shares = self._sizes
        if cols:
            w = self.width()
            self.resizeDocks([self.docks[c[0]] for c in cols], [int(w * s) for s in shares],
                             Qt.Orientation.Horizontal)
            if "kpi" in self.docks:
                self.resizeDocks([self.docks["kpi"]], [110], Qt.Orientation.Vertical)
            # each column's stack (tabbed docks share their stack's place)
            shares_of = {"queue": 0.7, "review-events": 0.3, "map": 0.45, "detail": 0.55,
                         "alerts": 0.27, "workload": 0.48, "calls": 0.25}
            h = self.height()
            for col in cols:
                stack = [k for k in col if k in shares_of]
                if len(stack) > 1:
                    self.resizeDocks([self.docks[k] for k in stack],
                                     [int(h * shares_of[k]) for k in stack],
                                     Qt.Orientation.Vertical)

    def _build_toolbar(self) -> None:
        tb = QToolBar(translate("Review", "Offline review"), self)
        tb.setObjectName("reviewToolbar")
        tb.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.play_action = QAction(translate("Review", "Play"), self)
        self.play_action.setShortcut("Space")
        self.play_action.triggered.connect(self.toggle_play)
        tb.addAction(self.play_action)
        self.speed_box = QComboBox(self)
        self.speed_box.setObjectName("reviewSpeed")
        for s in SPEEDS:
            self.speed_box.addItem(f"{s}×", s)
        self.speed_box.setCurrentIndex(SPEEDS.index(60))
        self.speed_box.currentIndexChanged.connect(
            lambda i: setattr(self, "speed", int(self.speed_box.itemData(i))))
        self.speed_box.setToolTip(translate("Review", "Speed"))
        tb.addWidget(self.speed_box)
        tb.addSeparator()
        for text, key, slot in (
            ("◀|", "Left", self.step_back),
            ("|▶", "Right", self.step_forward),
            ("◀●", "Ctrl+Left", self.prev_case_event),
            ("●▶", "Ctrl+Right", self.next_case_event),
        ):
            act = QAction(text, self)
            act.setShortcut(key)
            act.triggered.connect(slot)
            tb.addAction(act)
        acts = tb.actions()
        acts[-4].setToolTip(translate("Review", "Step back one event"))
        acts[-3].setToolTip(translate("Review", "Step forward one event"))
        acts[-2].setToolTip(translate("Review", "Previous event of the selected case"))
        acts[-1].setToolTip(translate("Review", "Next event of the selected case"))
        tb.addSeparator()
        box = QWidget(self)
        h = QHBoxLayout(box)
        h.setContentsMargins(0, 0, 0, 0)
        self.filter_edit = QLineEdit(box)
        self.filter_edit.setObjectName("reviewFilter")
        self.filter_edit.setPlaceholderText(translate("Review", "Filter events: case id, unit, actor, action"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(260)
        self.filter_types = QComboBox(box)
        for key in FILTER_TYPES:
            self.filter_types.addItem(translate("Review", key), key)
        self.filter_count = QLabel(box)
        self.filter_count.setTextFormat(Qt.TextFormat.PlainText)
        for w in (self.filter_edit, self.filter_types, self.filter_count):
            h.addWidget(w)
        tb.addWidget(box)
        act = QAction(translate("Review", "Next match"), self)
        act.setToolTip(translate("Review", "Next event matching the filter"))
        act.setShortcut("F3")
        act.triggered.connect(self.next_match)
        tb.addAction(act)
        tb.addSeparator()
        report = QAction(translate("Review", "Handover report…"), self)
        report.triggered.connect(self.sig_report)
        tb.addAction(report)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.filter_types.currentIndexChanged.connect(lambda _i: self.apply_filter())

    # ---- public API

    def seek_time(self, t: float) -> None:
        """Show the state at time ``t``."""
        self._show(self.review_cursor.seek_time(t))

    def seek_step(self, step: int) -> None:
        """Show the state right after ``step``."""
        self._show(self.review_cursor.seek(step))

    def step_forward(self) -> None:
        """One event forward."""
        self.seek_step(min(self.review.n_steps - 1, self.review_cursor.step + 1))

    def step_back(self) -> None:
        """One event back."""
        self.seek_step(max(0, self.review_cursor.step - 1))

    def next_case_event(self) -> None:
        """Jump to the next event of the selected case."""
        cid = self.ctx.selected
        if cid:
            step = self.review.next_case_step(cid, self.review_cursor.step)
            if step is not None:
                self.seek_step(step)

    def prev_case_event(self) -> None:
        """Jump to the previous event of the selected case."""
        cid = self.ctx.selected
        if cid:
            step = self.review.prev_case_step(cid, self.review_cursor.step)
            if step is not None:
                self.seek_step(step)

    def next_match(self) -> None:
        """Jump to the next event matching the filter."""
        steps = self._match_steps
        i = int(np.searchsorted(steps, self.review_cursor.step, side="right"))
        if i < len(steps):
            self.seek_step(int(steps[i]))  # the event list follows the cursor there

    def apply_filter(self) -> None:
        """Recompute the events that match the filter text and type."""
        types = FILTER_TYPES.get(self.filter_types.currentData())
        names = {uid: str(u.get("name") or "") for uid, u in self.ctx.state.units.items()}
        self.event_matches = self.review.filter_events(self.filter_edit.text(), types, names)
        self._match_steps = self.review.event_steps[self.event_matches]
        self.event_rows.sync(self.event_matches.tolist())
        self._update_filter_count()

    def toggle_play(self) -> None:
        """Play or pause."""
        self.set_playing(not self.playing)

    def set_playing(self, on: bool) -> None:
        """Start or stop playing at :attr:`speed`."""
        self.playing = on
        self.play_action.setText(translate("Review", "Pause") if on else translate("Review", "Play"))
        if on:
            self._clock.start()
            self._play_timer.start()
        else:
            self._play_timer.stop()

    # ---- internals

    def _fmt(self, t: float) -> str:
        return datetime.fromtimestamp(t, self.ctx.zone).strftime("%Y-%m-%d %H:%M:%S")

    def _update_filter_count(self) -> None:
        self.filter_count.setText(
            translate("Review", "{n} events match").format(n=len(self.event_rows)))

    def _on_timeline(self, t: float) -> None:
        self._pending = t
        if not self._seek_timer.isActive():
            self._seek_timer.start()

    def _apply_pending(self) -> None:
        if self._pending is not None:
            t, self._pending = self._pending, None
            self.seek_time(t)

    def _on_play_tick(self) -> None:
        dt = self._clock.restart() / 1000.0
        t = self.review_cursor.now + dt * self.speed
        if t >= self.review.end:
            t = self.review.end
            self.set_playing(False)
        self.seek_time(t)

    def _on_event_activated(self, index: QModelIndex) -> None:
        n = self.event_rows[index.row()]
        info = self.review.info(n)
        self.seek_step(info.step)
        if info.case_id:
            self.ctx.select_case(info.case_id)

    def _event_line(self, n: int) -> str:
        """One line of the event list (decoded fields only)."""
        info = self.review.info(n)
        when = datetime.fromtimestamp(info.time, self.ctx.zone).strftime("%H:%M:%S")
        what = action_text(info.action) if info.action else _type_word(info.type)
        parts = [when, f"#{info.seq}", what, safe(info.case_id or "", 40)]
        if info.unit_id:
            parts.append(self.ctx.unit_name(info.unit_id))
        if info.actor:
            parts.append("· " + safe(info.actor, 40))
        return "  ".join(p for p in parts if p)

    def _on_selection(self, case_id: object) -> None:
        if isinstance(case_id, str):
            self.docks["review-story"].raise_()
        self.story.show_story(self.review, self.ctx, case_id if isinstance(case_id, str) else None,
                              self.review_cursor.step)

    def _show(self, cs: ChangeSet) -> None:
        self._broadcast(cs, self.review_cursor.now)

    def _broadcast(self, cs: ChangeSet, now: float) -> None:
        if cs:
            self.distributor.deliver(cs)
        self.distributor.tick(now)
        self.timeline.set_time(now)
        r = self.review
        step = self.review_cursor.step
        n = r.event_number(step)
        if n is None:
            text = translate("Review", "{time} · shift start (snapshot, seq {seq})").format(
                time=self._fmt(now), seq=r.step_seq(step))
        else:
            text = translate("Review", "{time} · event {i} of {n} · seq {seq}").format(
                time=self._fmt(now), i=n + 1, n=r.n_events, seq=r.step_seq(step))
        self.position_label.setText(text)
        self._follow_in_event_list(step)
        if self.ctx.selected:
            self.story.show_story(r, self.ctx, self.ctx.selected, step)
        self.sig_position.emit(step, now)

    def _follow_in_event_list(self, step: int) -> None:
        """Mark and scroll to the last listed event the cursor has passed, as a player's
        playlist follows what plays (the case selection is not touched)."""
        i = int(np.searchsorted(self._match_steps, step, side="right")) - 1
        view = self.events_view
        if i < 0:
            view.clearSelection()
            return
        index = self.events_model.index(i, 0)
        if view.currentIndex() != index:
            view.selectionModel().setCurrentIndex(
                index, QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)
            view.scrollTo(index, QtWidgets.QAbstractItemView.ScrollHint.PositionAtCenter)

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self.set_playing(False)
        super().closeEvent(event)


def grab_png(window: QWidget, path: str | Path) -> bool:
    """Save a picture of ``window`` (works offscreen)."""
    return window.grab().save(str(path), "PNG")


__all__ = ["EVENT_TYPES", "ReviewContext", "ReviewWindow", "Timeline", "grab_png"]
