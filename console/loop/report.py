"""The monthly assessment report (月度考核通报) on A4 pages (QPdfWriter via the review's
report code: :func:`console.review.report.write_pages` and its flowing layout).

Pages: title, post and month; key figures of the whole post; the formula written out with
the weights and the red line; the ranking chart; the red and black lists; the full ranking
table (every unit or region with its rates, score and red-line flag); definitions. Hub
text goes through ``widgets.text.safe`` and is drawn as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from client.assessment_report import MonthlyReport
from client.timeutil import zone
from console.review.report import (
    MARGIN,
    MUTED,
    _chart_image,
    _Doc,
    font,
    render_first,
    write_pages,
)
from widgets.common import BLUE, GREEN, VERMILLION
from widgets.qt import QColor, QCoreApplication, QtCore, QtGui
from widgets.text import safe


def tr(text: str) -> str:
    """Translate a source string of this report (context ``MonthlyReport``)."""
    return QCoreApplication.translate("MonthlyReport", text)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def ranking_chart(report: MonthlyReport, w: float, h: float, rows: int = 20) -> QtGui.QImage:
    """Horizontal bars of the composite score, best first, with the red line."""
    img, p = _chart_image(w, h)
    ranked = [s for s in report.board.scores if s.rank is not None][:rows]
    line = report.board.weights.red_line
    left, right, top = 92.0, 30.0, 18.0
    pw = w - left - right
    rowh = min(14.0, (h - top - 12) / max(1, len(ranked)))
    p.setFont(font(8, True))
    p.setPen(QColor("#1b1f24"))
    p.drawText(QtCore.QRectF(0, 0, w, 14), int(QtCore.Qt.AlignmentFlag.AlignLeft),
               QCoreApplication.translate("MonthlyReport", "Composite score, best first (dashed: the red line {line:g})").format(line=line))
    f = font(7)
    fm = QtGui.QFontMetricsF(f)
    for i, s in enumerate(ranked):
        y = top + i * rowh
        p.setFont(f)
        p.setPen(QColor("#1b1f24"))
        label = f"{s.rank}. " + safe(report.name(s.key), 30)
        p.drawText(QtCore.QRectF(0, y, left - 4, rowh),
                   int(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter),
                   fm.elidedText(label, QtCore.Qt.TextElideMode.ElideRight, left - 6))
        color = VERMILLION if s.below_red_line else GREEN if s in report.board.red_list else BLUE
        bw = pw * (s.composite or 0.0) / 100.0
        p.fillRect(QtCore.QRectF(left, y + 2, bw, rowh - 4), QColor(color))
        p.setPen(MUTED)
        p.drawText(QtCore.QRectF(left + bw + 2, y, 40, rowh),
                   int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter),
                   f"{s.composite:.1f}")
    x = left + pw * line / 100.0
    pen = QtGui.QPen(QColor(VERMILLION), 1.0, QtCore.Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.drawLine(QtCore.QPointF(x, top - 2), QtCore.QPointF(x, top + len(ranked) * rowh + 2))
    p.end()
    return img


def draw_monthly(report: MonthlyReport, painter: QtGui.QPainter,
                 new_page: Callable[[], object]) -> int:
    """Lay the report out with ``painter`` (scaled to points); return the page count."""
    tz = zone(report.zone_name)
    post = safe(report.post_name, 60)
    footer = QCoreApplication.translate("MonthlyReport", "Command Post · monthly assessment report · {post} · {month}").format(
        post=post, month=report.month)
    doc = _Doc(painter, new_page, footer)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
    board = report.board
    w = board.weights
    doc.text(QCoreApplication.translate("MonthlyReport", "Monthly assessment report (考核通报)"), 20, bold=True, h=30)
    doc.text(f"{post} · {report.month}", 12, color=MUTED, h=18)
    span = "{a} – {b}".format(a=datetime.fromtimestamp(report.start, tz).strftime("%Y-%m-%d %H:%M"),
                              b=datetime.fromtimestamp(report.end, tz).strftime("%Y-%m-%d %H:%M"))
    doc.text(QCoreApplication.translate("MonthlyReport", "Period {span} ({zone}); made {at} from the hub's counts.").format(
        span=span, zone=report.zone_name,
        at=datetime.fromtimestamp(report.made_at, tz).strftime("%Y-%m-%d %H:%M")), 8.5,
        color=MUTED, h=14)
    doc.y += 4
    total = board.totals()
    ranked = [s for s in board.scores if s.rank is not None]
    doc.tiles([
        (QCoreApplication.translate("MonthlyReport", "Dispatched"), str(total.counts["dispatched"]), QColor(BLUE)),
        (QCoreApplication.translate("MonthlyReport", "Signed on time"), _pct(total.rates["sign"]), QColor(GREEN)),
        (QCoreApplication.translate("MonthlyReport", "Resolved on time"), _pct(total.rates["on_time"]), QColor(GREEN)),
        (QCoreApplication.translate("MonthlyReport", "Solved"), _pct(total.rates["solve"]), QColor(GREEN)),
        (QCoreApplication.translate("MonthlyReport", "Satisfied"), _pct(total.rates["satisfy"]), QColor(GREEN)),
        (QCoreApplication.translate("MonthlyReport", "Units ranked"), str(len(ranked)), QColor(BLUE)),
        (QCoreApplication.translate("MonthlyReport", "Below the red line"), str(len(board.flagged)), QColor(VERMILLION)),
        (QCoreApplication.translate("MonthlyReport", "Reworks"), str(total.counts["reworks"]), QColor(VERMILLION)),
        (QCoreApplication.translate("MonthlyReport", "Urges"), str(total.counts["urges"]), QColor(VERMILLION)),
        (QCoreApplication.translate("MonthlyReport", "Open overdue"), str(total.counts["open_overdue"]), QColor(VERMILLION)),
    ])
    doc.heading(QCoreApplication.translate("MonthlyReport", "How the score is computed"))
    doc.note(QCoreApplication.translate("MonthlyReport", "Score = ({r:g} × signed-on-time rate + {s:g} × solved rate + {t:g} × "
                "satisfied rate) ÷ {sum:g} × 100. Red line: {line:g} points; a unit under it is "
                "flagged ▼.").format(r=w.response, s=w.solving, t=w.satisfaction,
                                     sum=w.response + w.solving + w.satisfaction,
                                     line=w.red_line), QColor("#1b1f24"))
    doc.note(QCoreApplication.translate("MonthlyReport", "Signed-on-time rate (签收及时率) = signs at or before the sign deadline ÷ "
                "dispatches and reassignments; resolved-on-time rate (按期办结率) = resolves at "
                "or before the due time ÷ resolves; solved rate (解决率) = callbacks the citizen "
                "called solved ÷ (callbacks − unreachable); satisfied rate (满意率) = (satisfied + "
                "basically satisfied) ÷ rated callbacks; rework rate (重办率) = reworks ÷ "
                "resolves; return rate (退单率) = return requests ÷ dispatches. A rate without "
                "data is left out and the other weights rescaled; a unit with none is not "
                "ranked."))
    doc.heading(QCoreApplication.translate("MonthlyReport", "Ranking"))
    h = min(300.0, 24 + 14 * max(1, min(20, len(ranked))))
    doc.image(ranking_chart(report, doc.width, h), h)
    half = (doc.width - 12) / 2
    doc.ensure(15 * 7)
    y0 = doc.y
    hr = doc.table([QCoreApplication.translate("MonthlyReport", "Red list (top 5)"), QCoreApplication.translate("MonthlyReport", "Score")], [0.78, 0.22],
                   [[f"{s.rank}. {safe(report.name(s.key), 40)}", f"{s.composite:.1f}"]
                    for s in board.red_list], width=half, advance=False,
                   colors=[QColor(GREEN)] * len(board.red_list))
    hb = doc.table([QCoreApplication.translate("MonthlyReport", "Black list (bottom 5)"), QCoreApplication.translate("MonthlyReport", "Score")], [0.78, 0.22],
                   [[f"{s.rank}. {safe(report.name(s.key), 40)}", f"{s.composite:.1f}"]
                    for s in board.black_list], x=MARGIN + half + 12, width=half,
                   advance=False, colors=[QColor(VERMILLION)] * len(board.black_list))
    doc.y = y0 + max(hr, hb) + 4
    doc.heading(QCoreApplication.translate("MonthlyReport", "All units"))
    rows, colors = [], []
    for s in board.scores:
        rows.append([str(s.rank or "—"), safe(report.name(s.key), 40), _pct(s.rates["sign"]),
                     _pct(s.rates["on_time"]), _pct(s.rates["solve"]), _pct(s.rates["satisfy"]),
                     _pct(s.rates["rework"]), _pct(s.rates["returns"]),
                     str(s.counts["urges"]), str(s.counts["open_overdue"]),
                     "—" if s.composite is None else f"{s.composite:.1f}",
                     "▼" if s.below_red_line else ""])
        colors.append(QColor(VERMILLION) if s.below_red_line else None)
    doc.table([QCoreApplication.translate("MonthlyReport", "Rank"), QCoreApplication.translate("MonthlyReport", "Name"), QCoreApplication.translate("MonthlyReport", "Signed"), QCoreApplication.translate("MonthlyReport", "On time"), QCoreApplication.translate("MonthlyReport", "Solved"),
               QCoreApplication.translate("MonthlyReport", "Satisfied"), QCoreApplication.translate("MonthlyReport", "Rework"), QCoreApplication.translate("MonthlyReport", "Return"), QCoreApplication.translate("MonthlyReport", "Urges"), QCoreApplication.translate("MonthlyReport", "Overdue"),
               QCoreApplication.translate("MonthlyReport", "Score"), ""], [0.06, 0.24, 0.075, 0.075, 0.075, 0.075, 0.07, 0.07, 0.06,
                                  0.065, 0.065, 0.03], rows, colors=colors)
    doc.finish_page()
    return doc.page


def write_monthly_pdf(report: MonthlyReport, path: str | Path) -> int:
    """Write the 通报 as an A4 PDF; return the page count (OSError when it cannot)."""
    return write_pages(path, QCoreApplication.translate("MonthlyReport", "Monthly assessment report") + f" {report.month}",
                       lambda p, new_page: draw_monthly(report, p, new_page))


def render_monthly_first_page(report: MonthlyReport, dpi: float = 110) -> QtGui.QImage:
    """The first page as an image (docs, previews)."""
    return render_first(lambda p, new_page: draw_monthly(report, p, new_page), dpi)
