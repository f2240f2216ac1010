"""Assessment board pane (考核): per unit or region, for a period, ranked, with the red line.

Reads ``GET /assessment`` (off the GUI thread) for today, this week, this month or a chosen
range, per unit or per region (counties, towns), and shows what :mod:`client.assessment`
makes of the hub's counts: 签收及时率, 按期办结率, 解决率, 满意率, 重办率, 退单率, 督办,
吹哨报到率, open overdue, the composite score with configurable weights (default
30/35/35) and the red line (default 85; rows under it are marked ▼ and in vermillion), a
ranking chart (pyqtgraph), and the red and black lists (top and bottom 5). Double-click a
figure to see the cases behind it (:mod:`client.assessment_drill`; open overdue from the
console's picture). "Monthly report…" writes the 通报 (PDF + CSV) of a chosen month.

A 1.0 hub has no assessment (404): the board says so. Hub text is plain text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from client.assessment import Board, Score, Weights, period_bounds, score_rows
from client.assessment_drill import COLUMN_COUNTS, drill, events_between
from client.errors import NotFoundError
from client.protocol import NOTHING
from client.state import ChangeSet
from client.timeutil import format_time
from rows import Rows
from widgets.bar_chart import RankedBars
from widgets.common import BLUE, GREEN, VERMILLION, fg, format_local, plain_label
from widgets.pane import Pane, PaneContext
from widgets.qt import (
    QAbstractItemView,
    QColor,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QtCore,
    QVBoxLayout,
    QWidget,
    pg,
)
from widgets.rows_model import RIGHT, Column, RowsTableModel
from widgets.text import safe

if TYPE_CHECKING:
    from console.session import Session

log = logging.getLogger(__name__)

#: the table's columns: (key, kind) — kind "rate" (a share), "count" or "score"
COLUMNS = (("rank", "rank"), ("name", "name"), ("sign", "rate"), ("on_time", "rate"),
           ("solve", "rate"), ("satisfy", "rate"), ("rework", "rate"), ("returns", "rate"),
           ("urges", "count"), ("checkin", "rate"), ("open_overdue", "count"),
           ("composite", "score"), ("flag", "flag"))
CHART_ROWS = 15


def pct(x: float | None) -> str:
    """``93.5%`` or ``—``."""
    return "—" if x is None else f"{100 * x:.1f}%"


class AssessmentPane(Pane):
    """The assessment board (see the module docstring).

    Public API besides the Pane contract:
        board: the scored rows last shown (None before the first answer).
        status_text(): the banner's text.
        refresh(): read the assessment again for the chosen period.
        cell_text(row, key): a shown figure.
        drill_cases(key, column): the cases behind a figure (a dialog lists them).
    """

    pane_id = "assessment"
    # a console pane: its context is the logged-in session (the loop's commands)
    ctx: Session

    def __init__(self, ctx: Session, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from console.loop.commands import loop_for

        self.loop = loop_for(ctx)
        self.board: Board | None = None
        self.rows_raw: list[dict] = []
        self.window_bounds: tuple[float, float] | None = None
        self.supported: bool | None = None
        self._request = 0
        self.weights = Weights()

        self.period = QComboBox(self)
        self.period.setObjectName("boardPeriod")
        for key, text in (("today", self.tr("Today")), ("week", self.tr("This week")),
                          ("month", self.tr("This month")), ("custom", self.tr("Range…"))):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(2)
        self.by = QComboBox(self)
        self.by.setObjectName("boardBy")
        for key, text in (("unit", self.tr("Units")), ("county", self.tr("Counties")),
                          ("town", self.tr("Towns"))):
            self.by.addItem(text, key)
        today = datetime.now(ctx.zone).date()
        self.first_day = QDateEdit(self)
        self.last_day = QDateEdit(self)
        for d in (self.first_day, self.last_day):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setDate(QtCore.QDate(today.year, today.month, today.day))
        self.first_day.setDate(QtCore.QDate(today.year, today.month, 1))
        self.weights_edit = QLineEdit(self.weights.text(), self)
        self.weights_edit.setObjectName("boardWeights")
        self.weights_edit.setMaximumWidth(90)
        self.red_line = QDoubleSpinBox(self)
        self.red_line.setObjectName("boardRedLine")
        self.red_line.setRange(0, 100)
        self.red_line.setDecimals(0)
        self.red_line.setValue(self.weights.red_line)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("boardRefresh")
        self.report_button = QPushButton(self.tr("Monthly report…"), self)
        self.report_button.setObjectName("boardReport")
        self.report_button.setVisible(not ctx.read_only)
        self.period.currentIndexChanged.connect(self._on_period)
        self.by.currentIndexChanged.connect(lambda _i: self._on_by())
        self.first_day.dateChanged.connect(lambda _d: self._custom_changed())
        self.last_day.dateChanged.connect(lambda _d: self._custom_changed())
        self.weights_edit.editingFinished.connect(self._on_weights)
        self.red_line.valueChanged.connect(lambda _v: self._on_weights())
        self.refresh_button.clicked.connect(self.refresh)
        self.report_button.clicked.connect(self.ask_report)

        self.banner = plain_label("", self, wrap=True)
        self.banner.setObjectName("boardBanner")
        #: the scored rows shown, in the board's order (synced by unit or region id)
        self.score_rows: Rows[Score] = Rows(key=lambda sc: sc.key)
        self.model = RowsTableModel(self.score_rows, [self._column(key, kind)
                                                      for key, kind in COLUMNS], self,
                                    user=lambda sc: sc.key)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setObjectName("boardTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self._on_cell(index.row(), index.column()))
        self.plot = RankedBars(self, object_name="boardChart", min_height=160)
        self.bars = self.plot.bars
        self.red_marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(QColor(VERMILLION), width=2,
                                                                style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.red_marker)
        #: the red list (top 5) and the black list (bottom 5), synced by unit or region id
        self.red_rows: Rows[Score] = Rows(key=lambda sc: sc.key)
        self.black_rows: Rows[Score] = Rows(key=lambda sc: sc.key)
        self.red_list = self._ranked_list(self.red_rows, "boardRedList")
        self.black_list = self._ranked_list(self.black_rows, "boardBlackList")
        self.formula = plain_label("", self, wrap=True)
        self.formula.setObjectName("boardFormula")
        self._style_plot()

        controls = QHBoxLayout()
        for w in (self.period, self.first_day, self.last_day, self.by):
            controls.addWidget(w)
        controls.addWidget(plain_label(self.tr("Weights"), self))
        controls.addWidget(self.weights_edit)
        controls.addWidget(plain_label(self.tr("Red line"), self))
        controls.addWidget(self.red_line)
        controls.addStretch(1)
        controls.addWidget(self.refresh_button)
        controls.addWidget(self.report_button)
        lists = QWidget(self)
        ll = QVBoxLayout(lists)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(plain_label(self.tr("Red list (top 5)"), lists))
        ll.addWidget(self.red_list, 1)
        ll.addWidget(plain_label(self.tr("Black list (bottom 5)"), lists))
        ll.addWidget(self.black_list, 1)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.plot)
        lower.addWidget(lists)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(controls)
        lay.addWidget(self.banner)
        lay.addWidget(split, 1)
        lay.addWidget(self.formula)
        self._titles()
        self._on_period()

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Assessment")

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.reset and self.board is None and self._request == 0:
            self.refresh()

    # ---- Public API

    def status_text(self) -> str:
        return self.banner.text()

    def bounds(self) -> tuple[float, float]:
        """``[from, to)`` of the chosen period (epoch seconds)."""
        kind = str(self.period.currentData())
        now = self.ctx.state.clock()
        if kind == "custom":
            a = cast(date, self.first_day.date().toPython())
            b = cast(date, self.last_day.date().toPython())
            return period_bounds("custom", now, self.ctx.state.zone_name, a, b)
        return period_bounds(kind, now, self.ctx.state.zone_name)

    def refresh(self) -> None:
        """Read ``GET /assessment`` for the chosen period and grouping."""
        try:
            start, end = self.bounds()
        except ValueError:  # the custom range's only refusal (the date edits give dates)
            self.banner.setText(self.tr("The last day is before the first day: choose the "
                                        "range again."))
            return
        self._request += 1
        token = self._request
        by = "unit" if self.by.currentData() == "unit" else "region"
        self.banner.setText(self.tr("Reading the assessment…"))
        a, b = format_time(start), format_time(end)

        def ok(answer: Any) -> None:
            if token == self._request:
                self.supported = True
                self.window_bounds = (start, end)
                rows = answer.get("rows") if isinstance(answer, dict) else None
                self.rows_raw = [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
                self._show()

        def failed(exc: Exception) -> None:
            if token != self._request:
                return
            if isinstance(exc, NotFoundError):
                self.supported = False
                self.banner.setText(self.tr(
                    "This hub (protocol 1.0) does not provide assessment: the board needs a "
                    "protocol 1.1 hub (GET /assessment)."))
                self.score_rows.sync([])
                self.board = None
            else:
                self.banner.setText(self.tr("Could not read the assessment: {error}").format(
                    error=safe(str(exc) or type(exc).__name__, 200)))

        self.ctx.fetch(lambda api: api.assessment(a, b, by), ok, failed)

    def shown_rows(self) -> list[dict]:
        """The hub's rows shown (filtered to the chosen region level)."""
        level = self.by.currentData()
        if level == "unit":
            return list(self.rows_raw)
        regions = self.ctx.state.regions
        return [r for r in self.rows_raw
                if (regions.get(str(r.get("region_id"))) or NOTHING).get("level") == level]

    def name_of(self, key: str) -> str:
        if self.by.currentData() == "unit":
            return self.ctx.unit_name(key)
        return self.ctx.region_name(key)

    def cell_text(self, row: int, key: str) -> str:
        col = [k for k, _ in COLUMNS].index(key)
        text = self.model.index(row, col).data()
        return text if isinstance(text, str) else ""

    def _column(self, key: str, kind: str) -> Column:
        """What column ``key`` of the board shows of a score."""
        def text(sc: Score) -> str:
            if kind == "rate":
                return pct(sc.rates.get(key))
            if key == "rank":
                return str(sc.rank) if sc.rank else "—"
            if key == "name":
                return safe(self.name_of(sc.key), 40)
            if key in ("urges", "open_overdue"):
                return str(sc.counts.get(key, 0))
            if key == "composite":
                return "—" if sc.composite is None else f"{sc.composite:.1f}"
            return "▼ " + self.tr("below") if sc.below_red_line else ""

        red = key in ("composite", "flag", "name")
        return Column(lambda: self._header_titles().get(key, key), text,
                      align=RIGHT if kind in ("rate", "count", "score", "rank") else None,
                      foreground=(lambda sc: fg(VERMILLION) if sc.below_red_line else None)
                      if red else None)

    # ---- Internals

    def _titles(self) -> None:
        self.model.retranslate()
        self.table.setToolTip(self.tr("Double-click a figure to see the cases behind it"))

    def _header_titles(self) -> dict[str, str]:
        return {"rank": self.tr("Rank"), "name": self.tr("Name"),
                  "sign": self.tr("Signed on time"), "on_time": self.tr("Resolved on time"),
                  "solve": self.tr("Solved"), "satisfy": self.tr("Satisfied"),
                  "rework": self.tr("Rework rate"), "returns": self.tr("Return rate"),
                  "urges": self.tr("Urges"), "checkin": self.tr("Whistle check-in"),
                  "open_overdue": self.tr("Open overdue"), "composite": self.tr("Score"),
                  "flag": self.tr("Red line")}

    def _style_plot(self) -> None:
        self.plot.restyle(self.palette())
        self.plot.setLabel("bottom", self.tr("Composite score"))

    def _on_by(self) -> None:
        # counties and towns are two views of the same by-region answer: show the other
        # level at once (the refresh that follows brings the latest counts)
        if self.by.currentData() != "unit" and self.rows_raw and "region_id" in self.rows_raw[0]:
            self._show()
        else:
            self.board = None
            self.rows_raw = []
            self.score_rows.sync([])
        self.refresh()

    def _on_period(self) -> None:
        custom = self.period.currentData() == "custom"
        self.first_day.setVisible(custom)
        self.last_day.setVisible(custom)
        self.refresh()

    def _custom_changed(self) -> None:
        if self.period.currentData() == "custom":
            self.refresh()

    def _on_weights(self) -> None:
        try:
            self.weights = Weights.parse(self.weights_edit.text(), float(self.red_line.value()))
        except ValueError as exc:
            self.banner.setText(self.tr("Weights not changed: {error}").format(
                error=safe(str(exc), 120)))
            self.weights_edit.setText(self.weights.text())
            return
        if self.rows_raw or self.board is not None:
            self._show()

    def _show(self) -> None:
        board = self.board = score_rows(self.shown_rows(), self.weights)
        start, end = self.window_bounds or (0.0, 0.0)
        zone = self.ctx.zone
        self.banner.setText(self.tr("{n} rows · {a} – {b} · {flagged} under the red line {line:g}")
                            .format(n=len(board.scores), a=format_local(start, zone),
                                    b=format_local(end, zone), flagged=len(board.flagged),
                                    line=self.weights.red_line))
        self.score_rows.sync(board.scores)
        self._update_chart(board)
        for rows, scores in ((self.red_rows, board.red_list),
                             (self.black_rows, board.black_list)):
            rows.sync(scores)
            rows.changed()  # (five lines: their names may have changed too)
        w = self.weights
        self.formula.setText(self.tr(
            "Score = ({r:g} × signed on time + {s:g} × solved + {t:g} × satisfied) ÷ "
            "{total:g} × 100; a rate without data is left out and the weights rescaled. "
            "Signed on time = on-time signs ÷ dispatches; resolved on time = on-time "
            "resolves ÷ resolves; solved = solved ÷ (callbacks − unreachable); satisfied = "
            "(satisfied + basically satisfied) ÷ rated callbacks; rework rate = reworks ÷ "
            "resolves; return rate = return requests ÷ dispatches.").format(
            r=w.response, s=w.solving, t=w.satisfaction,
            total=w.response + w.solving + w.satisfaction))

    def _update_chart(self, board: Board) -> None:
        ranked = [s for s in board.scores if s.rank is not None][:CHART_ROWS]
        self.plot.show_bars(
            [s.composite or 0.0 for s in ranked],
            [VERMILLION if s.below_red_line else GREEN if s in board.red_list else BLUE
             for s in ranked],
            [safe(self.name_of(s.key), 14) for s in ranked], x_max=100, padding=0.02)
        self.red_marker.setValue(self.weights.red_line)

    def _ranked_list(self, rows: Rows[Score], name: str) -> QListView:
        model = RowsTableModel(rows, [Column(
            lambda: "",  # (a list shows no header)
            lambda s: f"{s.rank}. {safe(self.name_of(s.key), 30)}  {s.composite:.1f}")],
            self, user=lambda s: s.key)
        view = QListView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        return view

    # ---- Drill

    def _on_cell(self, row: int, col: int) -> None:
        key = self.model.index(row, 0).data(Qt.ItemDataRole.UserRole)
        if isinstance(key, str):
            self.drill_cases(key, COLUMNS[col][0])

    def _units_in(self, key: str) -> set[str]:
        if self.by.currentData() == "unit":
            return {key}
        regions = self.ctx.state.regions
        out = set()
        for uid, unit in self.ctx.state.units.items():
            rid: str | None = unit.get("region_id")
            for _ in range(8):
                if rid == key:
                    out.add(uid)
                    break
                rid = (regions.get(str(rid)) or NOTHING).get("parent_id")
                if rid is None:
                    break
        return out

    def drill_cases(self, key: str, column: str) -> None:
        """Show the cases behind the figure ``column`` of row ``key``."""
        units = self._units_in(key)
        name = safe(self.name_of(key), 40)
        if column in ("open_overdue", "name", "rank", "composite", "flag"):
            state = self.ctx.state
            ids = [cid for cid in state.overdue_ids()
                   if (state.cases.get(cid) or NOTHING).get("unit_id") in units]
            self._show_drill(self.tr("{name}: open overdue cases (now)").format(name=name),
                             [(cid, "") for cid in ids], True)
            return
        if column not in COLUMN_COUNTS or self.window_bounds is None:
            return
        start, end = self.window_bounds
        good_key, all_key = COLUMN_COUNTS[column]

        def read(api: Any) -> tuple[dict, bool]:
            got = events_between(api, start, end)
            return drill(got.events, units.__contains__), got.complete

        def ok(answer: tuple[dict, bool]) -> None:
            found, complete = answer
            good = set(found.get(good_key, []))
            rows = []
            for cid in dict.fromkeys(found.get(all_key, [])):
                rows.append((cid, "✓" if cid in good else "✗"))
            if column == "satisfy":
                good |= set(found.get("basically_satisfied", []))
                rows = [(cid, "✓" if cid in good else "✗")
                        for cid in dict.fromkeys(found.get("callbacks", []))]
            self._show_drill(self.tr("{name}: the cases behind this figure").format(name=name),
                             rows, complete)

        self.ctx.fetch(read, ok, lambda exc: self.banner.setText(
            self.tr("Could not read the events: {error}").format(error=safe(str(exc), 200))))

    def _show_drill(self, title: str, rows: list[tuple[str, str]], complete: bool) -> None:
        dlg = DrillDialog(self.ctx, title, rows, complete, self)
        self.last_drill = dlg
        dlg.sig_pick = lambda cid: self.sig_case_selected.emit(cid)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()

    # ---- Monthly report

    def ask_report(self) -> None:
        """Choose a month and files; write the monthly 通报 (PDF + CSV) in the background."""
        from console.loop.report_dialog import MonthlyReportDialog

        dlg = MonthlyReportDialog(self.ctx, self.weights, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        self.report_dialog = dlg


class DrillDialog(QDialog):
    """The cases behind a figure: id, title, unit, status and whether it counted as good."""

    def __init__(self, ctx: PaneContext, title: str, rows: list[tuple[str, str]], complete: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillDialog")
        self.setWindowTitle(title)
        self.ids = [cid for cid, _ in rows]
        self.sig_pick: Callable[[str], None] | None = None
        from widgets.common import status_label

        cases = ctx.state.cases
        #: ``(case id, title, status, ✓/✗ or "")`` as the figure was drilled, as listed
        self.rows: Rows[tuple[str, str, str, str]] = Rows(
            [(cid, safe((cases.get(cid) or NOTHING).get("title"), 80) or "—",
              status_label(case.get("status")) if (case := cases.get(cid)) else "—", mark)
             for cid, mark in rows], key=lambda r: r[0])
        self.model = RowsTableModel(self.rows, [
            Column(lambda: self.tr("Case"), lambda r: safe(r[0], 40)),
            Column(lambda: self.tr("Title"), lambda r: r[1]),
            Column(lambda: self.tr("Status"), lambda r: r[2]),
            Column(lambda: self.tr("Counted"), lambda r: r[3]),
        ], self, user=lambda r: r[0])
        table = QTableView(self)
        table.setObjectName("drillTable")
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda index: self._pick(index.row(), index.column()))
        self.table = table
        note = plain_label(self.tr("{n} cases. Double-click one to select it.").format(n=len(rows))
                           + ("" if complete else " " + self.tr(
                               "The hub no longer keeps every event of this period: the list "
                               "may be incomplete.")), self, wrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(table, 1)
        lay.addWidget(buttons)
        self.resize(640, 420)

    def _pick(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.ids) and self.sig_pick is not None:
            self.sig_pick(self.ids[row])


