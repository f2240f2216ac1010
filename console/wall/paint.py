"""Small drawing helpers shared by the wall's pages: fonts by role, elided plain text.

Everything the wall draws from the hub is plain text: painted with ``QPainter.drawText``
(never rich text) after :func:`widgets.text.safe`, then elided to the space it has.
"""

from __future__ import annotations

from console.wall.theme import ROLES
from widgets.qt import (
    QColor,
    QFont,
    QFontMetrics,
    QLabel,
    QPainter,
    QRect,
    QResizeEvent,
    QSizePolicy,
    Qt,
    QtCore,
    QWidget,
)
from widgets.text import neutralize, safe


def role_font(widget: QWidget, base: int, role: str, bold: bool = False) -> QFont:
    """The widget's font family at the pixel size of ``role`` for base size ``base``."""
    f = QFont(widget.font())
    f.setPixelSize(max(9, round(base * ROLES[role])))
    f.setBold(bold)
    return f


def draw_text(p: QPainter, rect: QRect, text: str, align: Qt.AlignmentFlag,
              color: QColor | None = None) -> None:
    """Draw ``text`` (already safe) in ``rect``, elided on the right to fit its width."""
    fm = QFontMetrics(p.font())
    shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0, rect.width()))
    if color is not None:
        p.setPen(color)
    p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)


def format_elapsed(seconds: float, day_word: str = "d") -> str:
    """Counting-up time: ``0:04:07``, ``12:30:00``, ``2d 03:05:12``."""
    s = max(0, int(seconds))
    days, s = divmod(s, 86400)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    if days:
        return f"{days}{day_word} {h:02d}:{m:02d}:{s:02d}"
    return f"{h}:{m:02d}:{s:02d}"


class WallLabel(QLabel):
    """A plain-text label that elides its (untrusted) text to its width.

    Args:
        role: the size role (``huge``, ``big``, ``title``, ``body``, ``small``), used by
            the wall stylesheet through the ``wallText`` property.
    """

    def __init__(self, role: str = "body", parent: QWidget | None = None,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setProperty("wallText", role)
        self.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""

    @property
    def full_text(self) -> str:
        """The text before eliding."""
        return self._full

    def set_text(self, text: object, limit: int = 200) -> None:
        """Show ``text`` as plain, single-line, elided text."""
        full = safe(text, limit)
        if full != self._full:
            self._full = full
            self._elide()

    def set_tone(self, tone: str | None) -> None:
        """Colour tone from the stylesheet (``danger``, ``warn``, ``ok`` or None)."""
        if self.property("tone") != tone:
            self.setProperty("tone", tone or "")
            self.style().unpolish(self)
            self.style().polish(self)
            self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        fm = self.fontMetrics()
        shown = fm.elidedText(self._full, Qt.TextElideMode.ElideRight,
                               max(1, self.contentsRect().width() - 2))
        if shown != self.text():
            super().setText(shown)


__all__ = ["QPainter", "QRect", "WallLabel", "draw_text", "format_elapsed", "neutralize",
           "role_font", "safe"]
