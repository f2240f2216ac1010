"""The wall's ranking page (本月考核排名): this month's units by composite score.

Reads ``GET /assessment`` for the month so far (by unit) through the wall's session at
most every ``FETCH_EVERY_S`` seconds while shown, scores it with :mod:`client.assessment`
(default weights and red line) and paints rank, unit, score, the three rates and the
red-line flag, best first, as many rows as the screen holds. A 1.0 hub (404) gets one
sentence instead. Nothing here is clickable (it is the wall).
"""

from __future__ import annotations

import time
from typing import Any

from client.assessment import Board, Weights, period_bounds, score_rows
from client.errors import NotFoundError
from client.state import ChangeSet
from client.timeutil import format_time
from console.wall.pages.base import WallContext, WallPage
from console.wall.pages.row_list import RowList
from console.wall.paint import WallLabel
from widgets.qt import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QVBoxLayout, QWidget
from widgets.text import safe

translate = QCoreApplication.translate

RANK_COLUMNS = {
    "rank": QT_TRANSLATE_NOOP("Wall", "Rank"),
    "unit": QT_TRANSLATE_NOOP("Wall", "Unit"),
    "score": QT_TRANSLATE_NOOP("Wall", "Score"),
    "sign": QT_TRANSLATE_NOOP("Wall", "Signed"),
    "solve": QT_TRANSLATE_NOOP("Wall", "Solved"),
    "satisfy": QT_TRANSLATE_NOOP("Wall", "Satisfied"),
}

FETCH_EVERY_S = 120.0


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


class RankPage(WallPage):
    """Units ranked by this month's composite score (see the module docstring).

    Attributes:
        board: the last scored answer (None before it).
        unsupported: the hub answered 404 (protocol 1.0).
    """

    page_id = "rank"
    min_refresh_s = 1.0

    def __init__(self, ctx: WallContext, stats: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, stats, parent)
        self.weights = Weights()
        self.board: Board | None = None
        self.unsupported = False
        self._fetched_at = -1e18
        self._asking = False
        self.head = WallLabel("title", self)
        self.head.setObjectName("rank_head")
        self.list = RowList(self)
        self.list.columns = [(0.08, Qt.AlignmentFlag.AlignRight), (0.36, Qt.AlignmentFlag.AlignLeft),
                             (0.12, Qt.AlignmentFlag.AlignRight), (0.1, Qt.AlignmentFlag.AlignRight),
                             (0.1, Qt.AlignmentFlag.AlignRight), (0.1, Qt.AlignmentFlag.AlignRight),
                             (0.14, Qt.AlignmentFlag.AlignLeft)]
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.head)
        lay.addWidget(self.list, 1)
        self.list.empty_text = translate("Wall", "Reading the assessment…")

    def set_base(self, base: int) -> None:
        super().set_base(base)
        self.list.base = base

    def mark(self, changes: ChangeSet) -> None:
        if changes.reset:
            self.dirty = True

    def tick(self, now: float) -> None:
        if time.monotonic() - self._fetched_at >= FETCH_EVERY_S:
            self.dirty = True

    def refresh(self, now: float) -> None:
        if time.monotonic() - self._fetched_at >= FETCH_EVERY_S and not self._asking:
            self._fetch(now)
        self._fill()

    def show_rows(self, rows: list[dict]) -> None:
        """Score and show ``GET /assessment`` rows (the fetch's answer; tests call it)."""
        self.unsupported = False
        self.board = score_rows(rows, self.weights)
        self._fill()

    # ---- Internals

    def _fetch(self, now: float) -> None:
        fetch = self.ctx.fetch
        self._asking = True
        self._fetched_at = time.monotonic()
        zone_name = self.ctx.state.zone_name
        start, end = period_bounds("month", now, zone_name)
        a, b = format_time(start), format_time(end)

        def ok(answer: Any) -> None:
            self._asking = False
            rows = answer.get("rows") if isinstance(answer, dict) else None
            self.show_rows([r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else [])

        def failed(exc: Exception) -> None:
            self._asking = False
            if isinstance(exc, NotFoundError):
                self.unsupported = True
                self._fill()

        fetch(lambda api: api.assessment(a, b, "unit"), ok, failed)

    def _fill(self) -> None:
        w = self.weights
        if self.unsupported:
            self.head.set_text("")
            self.list.rows = []
            self.list.empty_text = translate("Wall", "This hub (protocol 1.0) provides no assessment")
            self.list.update()
            return
        board = self.board
        if board is None:
            self.list.update()
            return
        ranked = [s for s in board.scores if s.rank is not None]
        self.head.set_text(translate("Wall", "Score (signed {a} / solved {b} / satisfied {c}) · red line {line} · {n} units").format(a=f"{w.response:g}", b=f"{w.solving:g}", c=f"{w.satisfaction:g}", line=f"{w.red_line:g}", n=len(ranked)))
        self.list.empty_text = translate("Wall", "No assessment figures this month yet")
        rows = [[(translate("Wall", RANK_COLUMNS[k]), "muted") for k in ("rank", "unit", "score", "sign",
                                                          "solve", "satisfy")] + [("", "muted")]]
        for s in ranked[: self.list.capacity() - 1]:
            tone = "danger" if s.below_red_line else "foreground"
            rows.append([(str(s.rank), tone), (safe(self.ctx.unit_name(s.key), 40), tone),
                         (f"{s.composite:.1f}", tone), (_pct(s.rates["sign"]), "muted"),
                         (_pct(s.rates["solve"]), "muted"), (_pct(s.rates["satisfy"]), "muted"),
                         (translate("Wall", "▼ below the red line") if s.below_red_line else "", "danger")])
        self.list.rows = rows if ranked else []
        self.list.update()
