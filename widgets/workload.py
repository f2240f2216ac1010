"""Unit workloads pane: open, overdue, near-due and urgent counts against on-duty staff.

``load = open / max(on_duty, 1)``; the table is sorted by load (heaviest first) and a bar
chart (one pyqtgraph BarGraphItem, updated with ``setOpts``) shows the heaviest units.
Activating a unit (double-click or Enter) emits ``sig_unit_activated``; the console
connects it to the queue's ``filter_unit``.
"""

from __future__ import annotations

from dataclasses import dataclass

from client.protocol import NOTHING
from client.regions import Scope
from client.state import ChangeSet
from rows import Rows
from widgets.bar_chart import RankedBars
from widgets.common import (
    BLUE,
    NEAR_COLOR,
    NEAR_SYMBOL,
    ORANGE,
    OVERDUE_COLOR,
    OVERDUE_SYMBOL,
    VERMILLION,
    fg,
    plain_label,
)
from widgets.pacer import pacer
from widgets.pane import Pane, PaneContext, UnitDropTarget
from widgets.pane_roles import ScopeListener, UnitActivator
from widgets.qt import (
    QAbstractItemView,
    QEvent,
    QFont,
    QFontMetrics,
    QHeaderView,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QResizeEvent,
    QShowEvent,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from widgets.rows_model import RIGHT, Column, RowsTableModel
from widgets.text import neutralize, safe

#: the most bars the chart shows (fewer when its height cannot fit their names)
CHART_UNITS = 8
#: vertical space one bar's name needs, in lines of the tick font
LINES_PER_BAR = 1.25
#: widest unit name beside a bar (px); longer names are elided
TICK_TEXT_PX = 190
#: the chart's least height, in bars (with the value axis and its label below them)
MIN_BARS = 2
#: the least pane width (table beside chart) or height (table above chart), in lines of
#: the pane's font, at which the chart is shown; below both the table stands alone
CHART_FITS_WIDE_LINES = 32
CHART_FITS_TALL_LINES = 17
#: the unit column's least width, in characters of the table's font (see _size_unit_column)
UNIT_NAME_CHARS = 7
#: load (open cases per on-duty person) from which a unit is flagged as overloaded
HIGH_LOAD = 4.0

(COL_UNIT, COL_DUTY, COL_OPEN, COL_OVERDUE, COL_NEAR, COL_URGENT, COL_LOAD) = range(7)


@dataclass(frozen=True, slots=True)
class UnitRow:
    """One unit's line (plain data)."""

    unit_id: str
    name: str
    on_duty: int
    open: int
    overdue: int
    near_due: int
    urgent: int

    @property
    def load(self) -> float:
        return self.open / max(self.on_duty, 1)


def unit_rows(ctx: PaneContext, scope: Scope | None = None) -> list[UnitRow]:
    """Every unit in the picture (and any unit holding a case), heaviest load first; with a
    ``scope`` (client.regions.Scope) only the units of its region."""
    state = ctx.state
    loads = state.workloads()
    rows = []
    index = ctx.region_index() if scope is not None and scope.region_id is not None else None
    for uid in set(state.units) | set(loads):
        unit = state.units.get(uid) or NOTHING
        if index is not None and scope is not None and not scope.holds_unit(unit, index):
            continue
        duty = unit.get("on_duty")
        w = state.workload(uid)
        rows.append(UnitRow(uid, str(ctx.unit_name(uid)), duty if type(duty) is int else 0,
                            w.open, w.overdue, w.near_due, w.urgent))
    rows.sort(key=lambda r: (-r.load, -r.overdue, -r.open, r.name, r.unit_id))
    return rows


class WorkloadPane(Pane, UnitActivator, ScopeListener):
    """Unit workloads: a table sorted by load and a bar chart of the heaviest units.

    Signals:
        sig_unit_activated(str): the user activated a unit (double-click / Enter); carries
            the unit id. The console connects it to ``CaseQueuePane.filter_unit``.

    Public API besides the Pane contract:
        rows(): the shown rows (``UnitRow``), heaviest first.
        bars: the chart's single ``pg.BarGraphItem``.

    Args:
        refresh_ms: batches refresh the table and chart at most this often (0: at once).
    """

    pane_id = "workload"
    #: the region the units are narrowed to (None: every unit of the post)
    _scope: Scope | None = None

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None,
                 refresh_ms: int = 1000) -> None:
        super().__init__(ctx, parent)
        self._refresh_ms = refresh_ms
        self._timer = QTimer(self)
        self._timer.setObjectName("workload_refresh")
        self._timer.setSingleShot(True)
        self._timer.setInterval(refresh_ms)
        # paced with the other panes' refreshes (widgets.pacer); none while out of sight
        self._timer.timeout.connect(lambda: pacer().request(
            lambda: self.refresh_in_sight(self._refresh)))
        self._chart_rows: list[UnitRow] | None = None
        self._x_max = 0.0  # the chart's shown x range
        self._all_rows: list[UnitRow] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._refresh_colors()
        #: the shown units, heaviest load first (synced by unit id: the selection stays)
        self.table_rows: Rows[UnitRow] = Rows(key=lambda r: r.unit_id)
        high = HIGH_LOAD
        self.model = RowsTableModel(self.table_rows, [
            Column(lambda: self.tr("Unit"), lambda r: safe(r.name, 40),
                   tooltip=lambda r: neutralize(r.name)),
            Column(lambda: self.tr("On duty"), lambda r: str(r.on_duty), align=RIGHT),
            Column(lambda: self.tr("Open"), lambda r: str(r.open), align=RIGHT),
            Column(lambda: self.tr("Overdue"),
                   lambda r: f"{OVERDUE_SYMBOL} {r.overdue}" if r.overdue else "0", align=RIGHT,
                   foreground=lambda r: self._overdue_fg if r.overdue else None),
            Column(lambda: self.tr("Near due"),
                   lambda r: f"{NEAR_SYMBOL} {r.near_due}" if r.near_due else "0", align=RIGHT,
                   foreground=lambda r: self._near_fg if r.near_due else None),
            Column(lambda: self.tr("Urgent"), lambda r: str(r.urgent), align=RIGHT),
            Column(lambda: self.tr("Load"),
                   lambda r: f"{r.load:.1f}{f' {OVERDUE_SYMBOL}' if r.load >= high else ''}",
                   tooltip=self.load_tooltip, align=RIGHT,
                   foreground=lambda r: self._overdue_fg if r.load >= high else None,
                   bold=lambda r: r.load >= high),
        ], self, user=lambda r: r.unit_id)
        self.view = QTableView(self)
        self.view.setObjectName("workload_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        vh = self.view.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.view.horizontalHeader()
        # widths from the font (_size_columns), not ResizeToContents: that asks every row's
        # data in every role on each refresh (12-40 ms a second under a busy feed)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(COL_UNIT, QHeaderView.ResizeMode.Stretch)
        self.view.installEventFilter(self)  # resizes: _size_unit_column
        self.view.activated.connect(self._on_activated)

        self.plot = RankedBars(self, object_name="workload_chart",
                               min_height=0)  # from its fonts: _size_plot()
        self.bars = self.plot.bars
        self.plot.installEventFilter(self)
        self._style_plot()

        self.summary = plain_label("", self)
        self.summary.setObjectName("workload_summary")
        self.chart_legend = plain_label("", self, wrap=True)
        self.chart_legend.setObjectName("workload_chart_legend")
        self.chart_legend.installEventFilter(self)
        #: the widget whose size is the space this pane is given (see showEvent)
        self._space_widget: QWidget | None = None
        chart = self.chart_box = QWidget(self)
        cl = QVBoxLayout(chart)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(self.plot, 1)
        cl.addWidget(self.chart_legend)
        # table above chart in a tall dock, side by side in a wide one (the 1920×1080
        # layout gives this pane a wide, low strip: stacked, the table got one row)
        split = self.split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("workload_split")
        split.setChildrenCollapsible(False)
        split.addWidget(self.view)
        split.addWidget(chart)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        self._retranslate()
        self._refresh()

    # ---- Pane contract

    def drop_targets(self) -> list[UnitDropTarget]:
        """The table: each row is a unit (its id in ``UserRole``) cases can be dropped on."""
        return [UnitDropTarget(self.view)]

    def title(self) -> str:
        return self.tr("Unit workloads")

    def on_changes(self, changes: ChangeSet) -> None:
        if not (changes.reset or changes.units_changed):
            return
        if changes.reset or self._refresh_ms <= 0:
            self._refresh()
        elif not self._timer.isActive():
            self._timer.start()  # at most one refresh per refresh_ms

    # ---- Public API

    def on_scope(self, scope: Scope | None) -> None:
        """Show only the units of ``scope``'s region (client.regions.Scope)."""
        self._scope = None if scope is None or scope.region_id is None else scope
        self._refresh()

    def rows(self) -> list[UnitRow]:
        """The shown rows, heaviest load first."""
        return self.table_rows.items()

    def column_titles(self) -> list[str]:
        return [c.title() for c in self.model.columns]

    def load_tooltip(self, row: UnitRow) -> str:
        """Tooltip of a row's load: how it is computed."""
        return self.tr("%1 open cases for %2 on duty").replace(
            "%1", str(row.open)).replace("%2", str(row.on_duty))

    # ---- Internals

    def _refresh(self) -> None:
        self.refreshed()
        current = self.view.currentIndex()
        keep = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        rows = unit_rows(self.ctx, self._scope)
        self.table_rows.sync(rows)
        if keep is not None and not self.view.currentIndex().isValid():
            for i, r in enumerate(rows):
                if r.unit_id == keep:
                    self.view.selectionModel().setCurrentIndex(
                        self.model.index(i, 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
                    break
        self._all_rows = rows
        self._update_chart(rows[:self.chart_capacity()])
        total_open = sum(r.open for r in rows)
        over = sum(1 for r in rows if r.load >= HIGH_LOAD)
        self.summary.setText(self.tr("%1 units · %2 open cases · %3 overloaded (≥ %4 per person)")
                             .replace("%1", str(len(rows))).replace("%2", str(total_open))
                             .replace("%3", str(over)).replace("%4", f"{HIGH_LOAD:g}"))

    def chart_capacity(self) -> int:
        """How many bars fit the chart's height with a readable name each (1 to
        :data:`CHART_UNITS`): a short dock shows fewer bars, never overlapping names."""
        fm = self.plot.name_metrics()
        bottom = self.plot.getAxis("bottom")
        free = self.plot.height() - bottom.height() - 8
        fit = int(free / (fm.height() * LINES_PER_BAR))
        return max(1, min(CHART_UNITS, fit))

    def _update_chart(self, top: list[UnitRow]) -> None:
        if top == self._chart_rows:
            return  # nothing the chart shows has changed
        old = self._chart_rows or []
        self._chart_rows = top
        n = len(top)
        if n != len(old):
            self._update_legend(n)
        # the x range moves in steps of a tenth of its size, not with every case
        top_load = max((r.load for r in top), default=1.0)
        x_max = max(top_load * 1.1, 1.0)
        if not (top_load <= self._x_max <= x_max * 1.2):
            self._x_max = x_max
        self.plot.show_bars(  # heaviest on top; the chart redoes only what changed
            [r.load for r in top], [self._bar_color(r) for r in top],
            [safe(r.name, 40) for r in top], x_max=self._x_max, name_px=TICK_TEXT_PX)

    @staticmethod
    def _bar_color(r: UnitRow) -> str:
        return VERMILLION if r.load >= HIGH_LOAD else ORANGE if r.overdue else BLUE

    def _style_plot(self) -> None:
        self.plot.restyle(self.palette())

    def _retranslate(self) -> None:
        self.model.retranslate()
        self._size_columns()
        self.plot.setLabel("bottom", self.tr("Open cases per on-duty person"))
        self._size_plot()
        self._update_legend(len(self._chart_rows) if self._chart_rows else CHART_UNITS)
        self.view.setToolTip(self.tr("Double-click or press Enter to show the unit's cases"))

    def _size_plot(self) -> None:
        """The chart's least height from its fonts: the value axis with its label and
        :data:`MIN_BARS` names (a fixed pixel height was too tall for a low dock at
        1920×1080 and 1366×768, and pushed the chart over the legend below it)."""
        line = self.plot.name_metrics().height() * LINES_PER_BAR
        self.plot.setMinimumHeight(int(self.plot.getAxis("bottom").height() + MIN_BARS * line + 8))

    def _fit_legend(self) -> None:
        """Keep the legend's least height at what its wrapped lines need at its width: a
        wrapped QLabel asks for one line, and the layout then laid it over the chart's
        axis label whenever the dock was low."""
        legend = self.chart_legend
        fm, margins = legend.fontMetrics(), legend.contentsMargins()
        width = max(legend.contentsRect().width(), 1)
        need = fm.boundingRect(0, 0, width, 100000, Qt.TextFlag.TextWordWrap,
                               legend.text()).height() + margins.top() + margins.bottom()
        if need != legend.minimumHeight():
            legend.setMinimumHeight(need)

    def _size_columns(self) -> None:
        """Widths that fit each title and a three-digit figure with its symbol (what
        ResizeToContents gave, without asking every row on each refresh)."""
        fm = self.view.fontMetrics()
        header_fm = self.view.horizontalHeader().fontMetrics()
        figure = fm.horizontalAdvance(f"{OVERDUE_SYMBOL} 888") + 10
        titles = self.column_titles()
        for col in range(COL_DUTY, COL_LOAD + 1):
            title = header_fm.horizontalAdvance(titles[col]) + 18
            self.view.setColumnWidth(col, max(figure, title))
        self._size_unit_column()

    def _size_unit_column(self) -> None:
        """The unit column takes the width the figures leave, but never less than
        :data:`UNIT_NAME_CHARS` characters: in a narrow dock the figures scroll sideways
        instead of the names shrinking to one character."""
        view = self.view
        figures = sum(view.columnWidth(col) for col in range(COL_DUTY, COL_LOAD + 1))
        least = view.fontMetrics().horizontalAdvance("单" * UNIT_NAME_CHARS) + 12
        header = view.horizontalHeader()
        stretch = view.viewport().width() - figures >= least
        mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(COL_UNIT) != mode:
            header.setSectionResizeMode(COL_UNIT, mode)
        if not stretch and view.columnWidth(COL_UNIT) != least:
            view.setColumnWidth(COL_UNIT, least)

    def _refresh_colors(self) -> None:
        self._overdue_fg = fg(OVERDUE_COLOR)
        self._near_fg = fg(NEAR_COLOR)

    def _update_legend(self, bars: int) -> None:
        self.chart_legend.setText(self.tr("Bars: the %1 heaviest units · vermillion ≥ %2 per "
                                          "person (overloaded, ⚠) · orange: has overdue cases")
                                  .replace("%1", str(bars)).replace("%2", f"{HIGH_LOAD:g}"))
        self._fit_legend()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._space_widget and event.type() == QEvent.Type.Resize:
            self._fit_chart()
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._size_unit_column()
        if watched is self.chart_legend and event.type() == QEvent.Type.Resize:
            self._fit_legend()
        if watched is self.plot and event.type() == QEvent.Type.Resize:
            top = self._all_rows[:self.chart_capacity()]
            if top != self._chart_rows:
                self._update_chart(top)
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        wide = size.width() >= 1.6 * size.height()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.split.orientation() != orientation:
            self.split.setOrientation(orientation)
            half = (size.width() if wide else size.height()) // 2
            self.split.setSizes([half, half])
        super().resizeEvent(event)
        self._fit_chart()

    def showEvent(self, event: QShowEvent) -> None:
        parent = self.parentWidget()
        if parent is not self._space_widget:
            # the dock's scroll area grows the pane to its minimum size, so the space the
            # pane is given is its parent's (the scroll area's viewport), watched for resizes
            if parent is not None:
                parent.installEventFilter(self)
            self._space_widget = parent
        super().showEvent(event)
        self._fit_chart()

    def _fit_chart(self) -> None:
        """Show the chart only where the space given to the pane holds a legible table and
        chart, side by side or stacked; below that (the review's right column at 1366×768,
        about 350×200 px) the table stands alone: it holds every figure."""
        parent = self._space_widget
        space = parent.size() if parent is not None else self.size()
        line = QFontMetrics(self.font()).height()
        fits = (space.width() >= CHART_FITS_WIDE_LINES * line
                if space.width() >= 1.6 * space.height()
                else space.height() >= CHART_FITS_TALL_LINES * line)
        if self.chart_box.isVisibleTo(self) != fits:
            self.chart_box.setVisible(fits)

    def retranslate(self) -> None:
        self._chart_rows = None
        self._retranslate()
        self._refresh()

    def repalette(self) -> None:
        self._refresh_colors()
        self.table_rows.changed()
        self._style_plot()

    def _on_activated(self, index: QModelIndex) -> None:
        uid = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(uid, str):
            self.sig_unit_activated.emit(uid)
