"""The handover report as a printable PDF (Qt's own QPdfWriter + QPainter).

:func:`write_pdf` lays out a :class:`client.review_report.HandoverReport` on A4 pages:
header, key figures, charts (drawn with QPainter into images), counts by status,
category and unit, the overdue cases and who holds them, the open critical cases, urges,
whistles and calls. :func:`render_first_page` draws the same first page into a QImage
(for previews and docs). Layout is in points (1/72 inch): the painter is scaled to the
device's resolution and fonts use pixel sizes in those points.

Every text that came from the hub goes through ``widgets.text.safe`` and is drawn with
``QPainter.drawText`` (plain text: never rich text), elided to its column.

Threading: GUI thread (or any thread with a QGuiApplication and no widgets).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from client.protocol import NOTHING
from client.review_report import HandoverReport
from client.timeutil import parse_time_or_none, zone
from console.review.pdf_unicode import repair_copied_text
from widgets.common import (
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    SKY,
    STATUS_COLOR,
    VERMILLION,
    priority_text,
    status_text,
)
from widgets.qt import QColor, QCoreApplication, QFont, QtCore, QtGui
from widgets.text import safe

translate = QCoreApplication.translate

A4_W, A4_H = 595.0, 842.0
MARGIN = 40.0
FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                 "Microsoft YaHei", "PingFang SC", "sans-serif"]
INK = QColor("#1b1f24")
MUTED = QColor("#5b6470")
RULE = QColor("#c9ced6")
HEAD_BG = QColor("#eef1f5")
MAX_ROWS = 40  # per table; the rest is summarised as "… and N more"


#: OpenType features turned off in the reports' text, so every glyph drawn is the one the
#: font's character map gives: the PDF's ToUnicode map (how a reader copies the text) is
#: built by looking each glyph up in that map. With ``locl`` on, Noto Sans CJK draws the
#: digits of a Latin run as substitute glyphs no character maps to, and the English
#: report's figures and case numbers copied as nothing; ``liga`` turns "ffl" into one glyph.
PLAIN_TEXT_FEATURES_OFF = ("locl", "liga")


def font(size: float, bold: bool = False) -> QFont:
    """The report font at ``size`` points (the painter is scaled to points)."""
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPixelSize(max(1, round(size)))
    f.setBold(bold)
    f.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    for tag in PLAIN_TEXT_FEATURES_OFF:
        f.setFeature(QFont.Tag(tag), 0)
    return f


class _PageFull(Exception):
    """Raised to stop after the first page (previews)."""


class _Doc:
    """A flowing layout over pages: a y cursor, headings, tables, images, a footer."""

    def __init__(self, painter: QtGui.QPainter, new_page: Callable[[], object],
                 footer: str) -> None:
        self.p = painter
        self._new_page = new_page
        self.footer = footer
        self.page = 1
        self.y = MARGIN
        self.width = A4_W - 2 * MARGIN

    # ---- pages

    def finish_page(self) -> None:
        p = self.p
        p.setFont(font(7.5))
        p.setPen(MUTED)
        p.drawLine(QtCore.QPointF(MARGIN, A4_H - 32), QtCore.QPointF(A4_W - MARGIN, A4_H - 32))
        rect = QtCore.QRectF(MARGIN, A4_H - 30, self.width, 14)
        p.drawText(rect, int(QtCore.Qt.AlignmentFlag.AlignLeft), self.footer)
        p.drawText(rect, int(QtCore.Qt.AlignmentFlag.AlignRight),
                   translate("Review", "Page {n}").format(n=self.page))

    def ensure(self, h: float) -> None:
        if self.y + h > A4_H - 44:
            self.finish_page()
            self._new_page()
            self.page += 1
            self.y = MARGIN

    # ---- text

    def text(self, s: str, size: float = 9.5, *, bold: bool = False, color: QColor = INK,
             x: float = MARGIN, w: float | None = None, h: float | None = None,
             align: QtCore.Qt.AlignmentFlag = QtCore.Qt.AlignmentFlag.AlignLeft,
             advance: bool = True, wrap: bool = False) -> float:
        f = font(size, bold)
        p = self.p
        p.setFont(f)
        p.setPen(color)
        w = self.width if w is None else w
        fm = QtGui.QFontMetricsF(f)
        if wrap:
            flags = int(align) | int(QtCore.Qt.TextFlag.TextWordWrap)
            br = fm.boundingRect(QtCore.QRectF(0, 0, w, 10_000), flags, s)
            hh = br.height() + 2
            self.ensure(hh)
            p.drawText(QtCore.QRectF(x, self.y, w, hh), flags, s)
        else:
            hh = h if h is not None else fm.height() + 2
            if advance:
                self.ensure(hh)
            s = fm.elidedText(s, QtCore.Qt.TextElideMode.ElideRight, w)
            p.drawText(QtCore.QRectF(x, self.y, w, hh),
                       int(align) | int(QtCore.Qt.AlignmentFlag.AlignVCenter), s)
        if advance:
            self.y += hh
        return hh

    def heading(self, s: str) -> None:
        self.ensure(40)
        self.y += 8
        self.text(s, 12.5, bold=True)
        self.p.setPen(QtGui.QPen(QColor(BLUE), 1.2))
        self.p.drawLine(QtCore.QPointF(MARGIN, self.y + 1),
                        QtCore.QPointF(A4_W - MARGIN, self.y + 1))
        self.y += 6

    def note(self, s: str, color: QColor = MUTED) -> None:
        self.text(s, 8.5, color=color, wrap=True)

    # ---- blocks

    def tiles(self, items: Sequence[tuple[str, str, QColor]], per_row: int = 5) -> None:
        gap = 6.0
        w = (self.width - gap * (per_row - 1)) / per_row
        h = 44.0
        for i in range(0, len(items), per_row):
            self.ensure(h + gap)
            for j, (label, value, color) in enumerate(items[i:i + per_row]):
                x = MARGIN + j * (w + gap)
                r = QtCore.QRectF(x, self.y, w, h)
                self.p.setPen(QtGui.QPen(RULE, 0.8))
                self.p.setBrush(QtGui.QBrush(QColor("#f7f8fa")))
                self.p.drawRoundedRect(r, 4, 4)
                self.p.fillRect(QtCore.QRectF(x, self.y, 3, h), color)
                y0 = self.y
                self.y = y0 + 4
                self.text(label, 7.5, color=MUTED, x=x + 8, w=w - 12, h=12)
                self.y = y0 + 17
                self.text(value, 15, bold=True, color=INK, x=x + 8, w=w - 12, h=22)
                self.y = y0
            self.y += h + gap
        self.p.setBrush(QtCore.Qt.BrushStyle.NoBrush)

    def table(self, headers: Sequence[str], widths: Sequence[float], rows: Sequence[Sequence[str]],
              *, colors: Sequence[QColor | None] | None = None, total: int | None = None,
              x: float = MARGIN, width: float | None = None, advance: bool = True) -> float:
        """Draw a table; widths are fractions of ``width``. Return its height."""
        width = self.width if width is None else width
        cols = [f * width for f in widths]
        rh = 15.0
        y_start = self.y
        shown = list(rows[:MAX_ROWS])

        def header() -> None:
            self.p.fillRect(QtCore.QRectF(x, self.y, width, rh), HEAD_BG)
            cx = x
            for h, cw in zip(headers, cols, strict=True):
                self.text(h, 8, bold=True, color=MUTED, x=cx + 3, w=cw - 6, h=rh, advance=False)
                cx += cw
            self.y += rh

        self.ensure(rh * 2)
        header()
        if not shown:
            self.text(translate("Review", "None."), 8.5, color=MUTED, x=x + 3, w=width - 6, h=rh)
        for i, row in enumerate(shown):
            if self.y + rh > A4_H - 44:
                self.ensure(rh * 2)
                header()
            cx = x
            color = colors[i] if colors is not None else None
            for j, (cell, cw) in enumerate(zip(row, cols, strict=True)):
                self.text(cell, 8.5, color=color if (color is not None and j == 0) else INK,
                          x=cx + 3, w=cw - 6, h=rh, advance=False)
                cx += cw
            self.p.setPen(QtGui.QPen(RULE, 0.4))
            self.p.drawLine(QtCore.QPointF(x, self.y + rh), QtCore.QPointF(x + width, self.y + rh))
            self.y += rh
        n = len(rows) if total is None else total
        if n > len(shown):
            self.text(translate("Review", "… and {n} more (see the CSV)").format(n=n - len(shown)), 8,
                      color=MUTED, x=x + 3, w=width - 6, h=rh)
        height = self.y - y_start
        if not advance:
            self.y = y_start
        return height

    def image(self, img: QtGui.QImage, h: float) -> None:
        self.ensure(h + 6)
        self.p.drawImage(QtCore.QRectF(MARGIN, self.y, self.width, h), img)
        self.y += h + 6


# ---- charts (QPainter into images)


def _chart_image(w_pt: float, h_pt: float, scale: float = 3.0) -> tuple[QtGui.QImage,
                                                                        QtGui.QPainter]:
    img = QtGui.QImage(int(w_pt * scale), int(h_pt * scale), QtGui.QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QtGui.QPainter(img)
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
    p.scale(scale, scale)
    return img, p


def hourly_chart(report: HandoverReport, w: float, h: float) -> QtGui.QImage:
    """Bars of cases reported and closed in each hour of the shift."""
    img, p = _chart_image(w, h)
    tz = zone(report.zone_name)
    left, right, top, bottom = 30.0, 8.0, 22.0, 18.0
    pw, ph = w - left - right, h - top - bottom
    vmax = max([max(r, c) for _, r, c, _ in report.hourly] + [1])
    step = _nice_step(vmax)
    vmax = step * ((vmax + step - 1) // step)
    p.setFont(font(8, True))
    p.setPen(INK)
    p.drawText(QtCore.QRectF(0, 0, w, 16), int(QtCore.Qt.AlignmentFlag.AlignLeft),
               translate("Review", "Cases reported and closed per hour"))
    # legend
    lx = w - 150
    for color, label in ((SKY, translate("Review", "reported")), (GREEN, translate("Review", "closed"))):
        p.fillRect(QtCore.QRectF(lx, 5, 8, 8), QColor(color))
        p.setFont(font(7.5))
        p.setPen(MUTED)
        p.drawText(QtCore.QRectF(lx + 11, 1, 60, 14), int(QtCore.Qt.AlignmentFlag.AlignLeft), label)
        lx += 70
    p.setFont(font(7))
    for v in range(0, int(vmax) + 1, int(step)):
        y = top + ph - ph * v / vmax
        p.setPen(QtGui.QPen(RULE, 0.5))
        p.drawLine(QtCore.QPointF(left, y), QtCore.QPointF(left + pw, y))
        p.setPen(MUTED)
        p.drawText(QtCore.QRectF(0, y - 6, left - 4, 12), int(QtCore.Qt.AlignmentFlag.AlignRight), str(v))
    n = max(1, len(report.hourly))
    slot = pw / n
    bw = slot * 0.36
    for i, (t, rep, clo, _ev) in enumerate(report.hourly):
        x = left + i * slot + slot * 0.12
        for k, (v, color) in enumerate(((rep, SKY), (clo, GREEN))):
            bh = ph * v / vmax
            p.fillRect(QtCore.QRectF(x + k * bw, top + ph - bh, bw, bh), QColor(color))
        if n <= 14 or i % 2 == 0:
            p.setPen(MUTED)
            label = datetime.fromtimestamp(t, tz).strftime("%H:%M")
            p.drawText(QtCore.QRectF(left + i * slot - 10, top + ph + 3, slot + 20, 12),
                       int(QtCore.Qt.AlignmentFlag.AlignHCenter), label)
    p.setPen(QtGui.QPen(MUTED, 0.8))
    p.drawLine(QtCore.QPointF(left, top + ph), QtCore.QPointF(left + pw, top + ph))
    p.end()
    return img


def bars_chart(title: str, items: Sequence[tuple[str, int, QColor]], w: float,
               h: float) -> QtGui.QImage:
    """Horizontal bars with labels and values."""
    img, p = _chart_image(w, h)
    p.setFont(font(8, True))
    p.setPen(INK)
    p.drawText(QtCore.QRectF(0, 0, w, 16), int(QtCore.Qt.AlignmentFlag.AlignLeft), title)
    items = list(items)[:8]
    label_w = 78.0
    top = 20.0
    rowh = min(16.0, (h - top) / max(1, len(items)))
    vmax = max([v for _, v, _ in items] + [1])
    fm_font = font(7.5)
    fm = QtGui.QFontMetricsF(fm_font)
    for i, (label, v, color) in enumerate(items):
        y = top + i * rowh
        p.setFont(fm_font)
        p.setPen(INK)
        p.drawText(QtCore.QRectF(0, y, label_w - 4, rowh),
                   int(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter),
                   fm.elidedText(label, QtCore.Qt.TextElideMode.ElideRight, label_w - 6))
        bw = (w - label_w - 34) * v / vmax
        p.fillRect(QtCore.QRectF(label_w, y + 2.5, max(bw, 0.5), rowh - 5), color)
        p.setPen(MUTED)
        p.drawText(QtCore.QRectF(label_w + bw + 3, y, 40, rowh),
                   int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter),
                   str(v))
    p.end()
    return img


def _nice_step(vmax: int) -> int:
    for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if vmax / s <= 5:
            return s
    return int(10 ** len(str(vmax)))  # (int ** int is typed Any: a negative power is a float)


# ---- the report


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def _local(ts: float | None, tz_name: str, fmt: str = "%m-%d %H:%M") -> str:
    if ts is None:
        return ""
    return datetime.fromtimestamp(ts, zone(tz_name)).strftime(fmt)


def _dur(seconds: float) -> str:
    m = int(max(0, seconds) // 60)
    if m < 60:
        return translate("Review", "{m} min").format(m=m)
    h, m = divmod(m, 60)
    if h < 48:
        return translate("Review", "{h} h {m} min").format(h=h, m=m)
    return translate("Review", "{d} d {h} h").format(d=h // 24, h=h % 24)


def _t(text: object) -> str:
    return safe(text, 300)


def draw_report(report: HandoverReport, painter: QtGui.QPainter,
                new_page: Callable[[], object]) -> int:
    """Lay the report out with ``painter`` (scaled to points); return the page count.

    One step per section of the PDF, in page order."""
    r = report
    tz = r.zone_name
    post = _t(r.post_name or r.post_id)
    footer = translate("Review", "Command Post · shift handover report · {post} · shift {label}").format(
        post=post, label=r.label)
    doc = _Doc(painter, new_page, footer)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
    _draw_title(doc, r, tz, post)
    _draw_key_figures(doc, r)
    _draw_activity(doc, r)
    _draw_counts(doc, r)
    _draw_overdue(doc, r, tz)
    _draw_open_critical(doc, r, tz)
    _draw_closed_from_snapshot(doc, r, tz)
    _draw_urges(doc, r, tz)
    _draw_whistles(doc, r, tz)
    _draw_calls(doc, r, tz)
    _draw_loop(doc, r, tz)
    _draw_definitions(doc)
    doc.finish_page()
    return doc.page


def _draw_title(doc: _Doc, r: HandoverReport, tz: str, post: str) -> None:
    """The title, the post, the shift's span and where the figures come from."""
    doc.text(translate("Review", "Shift handover report"), 20, bold=True, h=30)
    doc.text(post, 12, color=MUTED, h=18)
    span = "{a} – {b}".format(a=_local(r.start, tz, "%Y-%m-%d %H:%M"),
                              b=_local(r.end, tz, "%Y-%m-%d %H:%M"))
    doc.text(translate("Review", "Shift {label}: {span} ({zone})").format(label=r.label, span=span, zone=tz),
             9.5, h=15)
    seqs = "" if r.first_seq is None else f"{r.first_seq}–{r.last_seq}"
    doc.text(translate("Review", "Figures as at {at}; made from {n} cached events (seq {seqs}), offline.")
             .format(at=_local(r.as_of, tz, "%Y-%m-%d %H:%M"), n=r.events, seqs=seqs),
             8.5, color=MUTED, h=14)
    if r.problem:
        doc.note(translate("Review", "Warning: the cache file is damaged; the report covers only what could be "
                    "read.") + " " + r.problem, QColor(VERMILLION))
    doc.y += 6


def _draw_key_figures(doc: _Doc, r: HandoverReport) -> None:
    """The tiles of key figures."""
    doc.tiles([
        (translate("Review", "Cases of the shift"), str(len(r.cases)), QColor(BLUE)),
        (translate("Review", "Reported"), str(r.reported), QColor(SKY)),
        (translate("Review", "Closed"), str(r.closed), QColor(GREEN)),
        (translate("Review", "Closure rate"), _pct(r.closure_rate), QColor(GREEN)),
        (translate("Review", "On-time rate"), _pct(r.on_time_rate), QColor(GREEN)),
        (translate("Review", "Overdue at handover"), str(len(r.overdue)), QColor(VERMILLION)),
        (translate("Review", "Open critical"), str(len(r.open_critical)), QColor(VERMILLION)),
        (translate("Review", "Urges"), str(len(r.urges)), QColor(ORANGE)),
        (translate("Review", "Whistles"), str(len(r.whistles)), QColor(ORANGE)),
        (translate("Review", "Calls"), str(len(r.calls)), QColor(GREY)),
    ])


def _draw_activity(doc: _Doc, r: HandoverReport) -> None:
    """"Activity": the hourly chart, then the status and category bar charts side by side."""
    doc.heading(translate("Review", "Activity"))
    doc.image(hourly_chart(r, doc.width, 150), 150)
    half = (doc.width - 12) / 2
    status_items = [(status_text(s), n, QColor(STATUS_COLOR.get(s, GREY)))
                    for s, n in r.by_status if n]
    cat_items = [(_t(c) or translate("Review", "(none)"), n, QColor(BLUE)) for c, n in r.by_category]
    doc.ensure(120)
    y0 = doc.y
    doc.p.drawImage(QtCore.QRectF(MARGIN, y0, half, 116),
                    bars_chart(translate("Review", "Cases by status"), status_items, half, 116))
    doc.p.drawImage(QtCore.QRectF(MARGIN + half + 12, y0, half, 116),
                    bars_chart(translate("Review", "Cases by category (top 8)"), cat_items, half, 116))
    doc.y = y0 + 122


def _draw_counts(doc: _Doc, r: HandoverReport) -> None:
    """Three tables side by side: cases by status, by category and by unit."""
    doc.heading(translate("Review", "Counts by status, category and unit"))
    third = (doc.width - 16) / 3
    doc.ensure(15 * 10)
    y0 = doc.y
    hs = doc.table([translate("Review", "Status"), translate("Review", "Cases")], [0.7, 0.3],
                   [[status_text(s), str(n)] for s, n in r.by_status], width=third, advance=False)
    hc = doc.table([translate("Review", "Category"), translate("Review", "Cases")], [0.75, 0.25],
                   [[_t(c) or translate("Review", "(none)"), str(n)] for c, n in r.by_category[:12]],
                   total=len(r.by_category), x=MARGIN + third + 8, width=third, advance=False)
    hu = doc.table([translate("Review", "Unit"), translate("Review", "Cases")], [0.75, 0.25],
                   [[_t(r.unit_name(u)) if u else translate("Review", "— unassigned"), str(n)]
                    for u, n in r.by_unit[:12]],
                   total=len(r.by_unit), x=MARGIN + 2 * third + 16, width=third, advance=False)
    doc.y = y0 + max(hs, hc, hu) + 4


def _draw_overdue(doc: _Doc, r: HandoverReport, tz: str) -> None:
    """The cases overdue at handover, who holds them and by how long."""
    doc.heading(translate("Review", "Overdue at handover ({n})").format(n=len(r.overdue)))
    rows = []
    for c in r.overdue:
        due = parse_time_or_none(c.get("due_at"))
        rows.append([_t(c.get("id")), _t(c.get("title")), status_text(c.get("status")),
                     _t(r.unit_name(c.get("unit_id"))) or translate("Review", "— unassigned"),
                     _local(due, tz), _dur(r.as_of - due) if due is not None else ""])
    doc.table([translate("Review", "Case"), translate("Review", "Title"), translate("Review", "Status"), translate("Review", "Held by"), translate("Review", "Due"),
               translate("Review", "Overdue by")], [0.2, 0.27, 0.1, 0.2, 0.11, 0.12], rows,
              colors=[QColor(VERMILLION)] * len(rows))


def _draw_open_critical(doc: _Doc, r: HandoverReport, tz: str) -> None:
    """The critical cases not closed."""
    doc.heading(translate("Review", "Open critical cases ({n})").format(n=len(r.open_critical)))
    rows = [[_t(c.get("id")), _t(c.get("title")), status_text(c.get("status")),
             _t(r.unit_name(c.get("unit_id"))) or translate("Review", "— unassigned"),
             _local(parse_time_or_none(c.get("reported_at")), tz),
             _local(parse_time_or_none(c.get("due_at")), tz)] for c in r.open_critical]
    doc.table([translate("Review", "Case"), translate("Review", "Title"), translate("Review", "Status"), translate("Review", "Held by"), translate("Review", "Reported"), translate("Review", "Due")],
              [0.2, 0.28, 0.1, 0.2, 0.11, 0.11], rows)


def _draw_closed_from_snapshot(doc: _Doc, r: HandoverReport, tz: str) -> None:
    """The cases known closed in the shift only from a snapshot (none: no section)."""
    if not r.closed_from_snapshot:
        return
    doc.heading(translate("Review", "Closed during the shift, known from a snapshot ({n})")
                .format(n=len(r.closed_from_snapshot)))
    doc.note(translate("Review", "The cache holds no close event for these cases (it started mid-shift or "
                "reloaded a snapshot); they are counted as closed in the shift."))
    rows = []
    for cid in r.closed_from_snapshot:
        c = r.cases[cid]
        rows.append([_t(cid), _t(c.get("title")), status_text(c.get("status")),
                     _t(r.unit_name(c.get("unit_id"))) or translate("Review", "— unassigned"),
                     _local(parse_time_or_none(c.get("closed_at")), tz)])
    doc.table([translate("Review", "Case"), translate("Review", "Title"), translate("Review", "Status"), translate("Review", "Held by"), translate("Review", "Closed")],
              [0.22, 0.33, 0.1, 0.22, 0.13], rows)


def _draw_urges(doc: _Doc, r: HandoverReport, tz: str) -> None:
    """The shift's urges."""
    doc.heading(translate("Review", "Urges ({n})").format(n=len(r.urges)))
    rows = [[_local(u["at"], tz), _t(u.get("case_id")), _t(r.unit_name(u.get("unit_id"))),
             _t(u.get("actor")), _t(u.get("note"))] for u in r.urges]
    doc.table([translate("Review", "Time"), translate("Review", "Case"), translate("Review", "Unit"), translate("Review", "By"), translate("Review", "Note")],
              [0.12, 0.2, 0.22, 0.18, 0.28], rows)


def _draw_whistles(doc: _Doc, r: HandoverReport, tz: str) -> None:
    """The shift's whistles and how many of their units checked in."""
    doc.heading(translate("Review", "Whistles ({n})").format(n=len(r.whistles)))
    rows = []
    for w in r.whistles:
        units = _unit_ids if isinstance(_unit_ids := w.get("unit_ids"), list) else []
        checked = _checked_in if isinstance(_checked_in := w.get("checked_in"), dict) else {}
        rows.append([_local(parse_time_or_none(w.get("created_at")), tz), _t(w.get("case_id")),
                     f"{len(checked)}/{len(units)}", _t(w.get("actor")), _t(w.get("note"))])
    doc.table([translate("Review", "Time"), translate("Review", "Case"), translate("Review", "Checked in"), translate("Review", "By"), translate("Review", "Note")],
              [0.12, 0.2, 0.12, 0.2, 0.36], rows)


def _draw_calls(doc: _Doc, r: HandoverReport, tz: str) -> None:
    """The shift's video calls."""
    doc.heading(translate("Review", "Calls ({n})").format(n=len(r.calls)))
    rows = []
    for call in r.calls:
        units = _unit_ids if isinstance(_unit_ids := call.get("unit_ids"), list) else []
        ended = parse_time_or_none(call.get("ended_at"))
        rows.append([_local(parse_time_or_none(call.get("started_at")), tz),
                     _local(ended, tz) if ended is not None else translate("Review", "open"),
                     _t(call.get("title")), _t(call.get("case_id")), str(len(units))])
    doc.table([translate("Review", "Started"), translate("Review", "Ended"), translate("Review", "Title"), translate("Review", "Case"), translate("Review", "Units")],
              [0.13, 0.13, 0.36, 0.26, 0.12], rows)


def _draw_definitions(doc: _Doc) -> None:
    """The closing note: what the figures mean."""
    doc.y += 10
    doc.note(translate("Review", "Definitions: cases of the shift = open at its start or changed during it, as "
                "at its end; closure rate = closed in the shift / cases of the shift; on time = "
                "closed no later than due; overdue at handover = still being handled past due. "
                "Priorities: {c} = critical.").format(c=priority_text("critical")))


def _draw_loop(doc: _Doc, r: HandoverReport, tz: str) -> None:
    """Protocol 1.1's closed loop in the shift: callbacks, reworks, merges, decisions and
    the requests still pending (nothing at all with a 1.0 hub)."""
    if not (r.callbacks or r.merges or r.decisions or r.pending or r.late_signs):
        return
    from widgets.stage_text import pending_kind_text, satisfaction_text

    doc.heading(translate("Review", "Closed loop: callbacks, reworks, merges, requests"))
    doc.note(translate("Review", "{c} callbacks ({w} sent back for rework), {m} merged duplicates, {d} requests "
                "decided, {p} pending at handover, {s} late signs.").format(
        c=len(r.callbacks), w=len(r.reworks), m=len(r.merges), d=len(r.decisions),
        p=len(r.pending), s=r.late_signs), INK)

    def solved(v: object) -> str:
        return translate("Review", "solved") if v is True else translate("Review", "not solved") if v is False else "—"

    rows = [[_local(c["at"], tz), _t(c.get("case_id")), _t(r.unit_name(c.get("unit_id"))),
             satisfaction_text(c.get("satisfaction")), solved(c.get("solved")),
             translate("Review", "rework") if c.get("action") == "rework" else translate("Review", "case closed"),
             _t(c.get("note"))]
            for c in r.callbacks]
    doc.table([translate("Review", "Time"), translate("Review", "Case"), translate("Review", "Resolved by"), translate("Review", "Satisfaction"), translate("Review", "Solved"),
               translate("Review", "Result"), translate("Review", "Note")], [0.11, 0.2, 0.17, 0.12, 0.1, 0.1, 0.2], rows,
              colors=[QColor(VERMILLION) if c.get("action") == "rework" else None
                      for c in r.callbacks])
    if r.merges:
        rows = [[_local(m["at"], tz), _t(m.get("case_id")), _t(m.get("into")), _t(m.get("actor")),
                 _t(m.get("note"))] for m in r.merges]
        doc.table([translate("Review", "Time"), translate("Review", "Duplicate"), translate("Review", "Merged into"), translate("Review", "By"), translate("Review", "Note")],
                  [0.12, 0.22, 0.22, 0.16, 0.28], rows)
    if r.decisions:
        rows = [[_local(d["at"], tz), _t(d.get("case_id")), pending_kind_text(d.get("kind")),
                 _t(r.unit_name(d.get("unit_id"))),
                 translate("Review", "approved") if d.get("approve") else translate("Review", "refused"), _t(d.get("reason"))]
                for d in r.decisions]
        doc.table([translate("Review", "Time"), translate("Review", "Case"), translate("Review", "Request"), translate("Review", "Unit"), translate("Review", "Decision"),
                   translate("Review", "Reason")], [0.12, 0.2, 0.12, 0.18, 0.1, 0.28], rows)
    if r.pending:
        from client.timeutil import parse_time_or_none

        rows = [[_local(parse_time_or_none(p.get("at")), tz), _t(c.get("id")),
                 pending_kind_text(p.get("kind")),
                 _t(r.unit_name(p.get("by"))), _t(p.get("reason"))]
                for c in r.pending for p in (c["pending"] or NOTHING,)]
        doc.table([translate("Review", "Asked at"), translate("Review", "Case"), translate("Review", "Request"), translate("Review", "Unit"), translate("Review", "Reason")],
                  [0.12, 0.22, 0.14, 0.2, 0.32], rows)


def write_pages(path: str | Path, title: str,
                draw: Callable[[QtGui.QPainter, Callable[[], object]], int]) -> int:
    """Write an A4 PDF whose pages ``draw(painter, new_page)`` lays out (in points);
    return the number of pages.

    Raises:
        OSError: the file cannot be written.
    """
    writer = QtGui.QPdfWriter(str(path))
    writer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
    writer.setPageMargins(QtCore.QMarginsF(0, 0, 0, 0))
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Command Post")
    painter = QtGui.QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        painter.scale(300 / 72, 300 / 72)
        pages = draw(painter, writer.newPage)
    finally:
        painter.end()
    if not Path(path).is_file() or Path(path).stat().st_size == 0:
        raise OSError(f"cannot write {path}")
    repair_copied_text(path)
    return pages


def render_first(draw: Callable[[QtGui.QPainter, Callable[[], object]], int],
                 dpi: float = 110) -> QtGui.QImage:
    """The first page of ``draw``'s layout as an image (the same drawing as the PDF)."""
    s = dpi / 72
    img = QtGui.QImage(int(A4_W * s), int(A4_H * s), QtGui.QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    painter = QtGui.QPainter(img)
    painter.scale(s, s)

    def stop() -> None:
        raise _PageFull

    try:
        draw(painter, stop)
    except _PageFull:
        pass
    finally:
        painter.end()
    return img


def write_pdf(report: HandoverReport, path: str | Path) -> int:
    """Write the report as an A4 PDF; return the number of pages.

    Raises:
        OSError: the file cannot be written.
    """
    return write_pages(path, translate("Review", "Shift handover report") + f" {report.label}",
                       lambda p, new_page: draw_report(report, p, new_page))


def render_first_page(report: HandoverReport, dpi: float = 110) -> QtGui.QImage:
    """The report's first page drawn into an image (the same drawing as the PDF)."""
    return render_first(lambda p, new_page: draw_report(report, p, new_page), dpi)
