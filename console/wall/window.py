"""One wall window: a frameless, cursor-less, read-only full-screen window on one screen.

Layout: a header (post name, page title, link badge, page dots, clock), the page stack,
and two overlays: the takeover corner and a small notice line. There is nothing to click,
type or open: no menus, no buttons, no dialogs; ``Qt.BlankCursor`` everywhere.

The window does no timing of its own: :class:`console.wall.controller.WallController`
tells it which page to show, what the corner holds and how far to shift (burn-in).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from client.protocol import NOTHING, Case
from console.wall import theme as wall_theme
from console.wall.config import ScreenPlan
from console.wall.model import Takeover, WallStats
from console.wall.pages.base import WallContext, WallPage
from console.wall.pages.map import MapPage
from console.wall.pages.registry import PAGE_TYPES
from console.wall.paint import WallLabel, format_elapsed, safe
from widgets.common import PRIORITY_SYMBOL, priority_text, status_text
from widgets.qt import (
    QT_TRANSLATE_NOOP,
    QCloseEvent,
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QResizeEvent,
    QScreen,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

translate = QCoreApplication.translate

#: the heading of a takeover corner, by its kind
TAKEOVER_HEADS = {
    "critical": QT_TRANSLATE_NOOP("Wall", "‼ New critical case"),
    "overdue": QT_TRANSLATE_NOOP("Wall", "⚠ Newly overdue"),
}


class TakeoverBox(QFrame):
    """The corner that a critical new case or a newly overdue case takes over."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("wallTakeover")
        self.heading = WallLabel("title", self)
        self.heading.setObjectName("takeover_heading")
        self.case_title = WallLabel("big", self)
        self.case_title.setObjectName("takeover_title")
        self.where = WallLabel("body", self)
        self.when = WallLabel("body", self)
        self.more = WallLabel("small", self, Qt.AlignmentFlag.AlignRight)
        lay = QVBoxLayout(self)
        for w in (self.heading, self.case_title, self.where, self.when, self.more):
            lay.addWidget(w)
        self.takeover: Takeover | None = None
        self._case: Case | None = None  # the takeover's case (None: gone from the post)
        self.hide()

    def show_takeover(self, tk: Takeover, case: Case | None, ctx: WallContext,
                      waiting: int, now: float) -> None:
        """Fill the corner for ``tk`` (``case`` may be gone: then only its id)."""
        self.takeover = tk
        self.setProperty("kind", tk.kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.heading.set_text(translate("Wall", TAKEOVER_HEADS[tk.kind]))
        self.heading.set_tone("danger" if tk.kind == "critical" else "warn")
        shown = case or NOTHING
        prio = shown.get("priority")
        sym = PRIORITY_SYMBOL.get(prio, "") if isinstance(prio, str) else ""
        self.case_title.set_text(f"{sym} {safe(shown.get('title') or tk.case_id, 120)}".strip())
        where = [ctx.region_name(shown.get("region_id")), safe(shown.get("address"), 80)]
        self.where.set_text(" · ".join(w for w in where if w))
        self.more.set_text(translate("Wall", "{n} more waiting").format(n=waiting) if waiting else "")
        self._case = case
        self._ctx = ctx
        self.update_time(now)
        self.show()
        self.raise_()

    def update_time(self, now: float) -> None:
        """Refresh the live line (overdue time or priority and status)."""
        tk, case = self.takeover, self._case or NOTHING  # the case may be gone
        if tk is None:
            return
        from client.timeutil import parse_time_or_none

        if tk.kind == "overdue":
            due = parse_time_or_none(case.get("due_at"))
            d = format_elapsed(now - due) if due is not None else "—"
            unit = self._ctx.unit_name(case.get("unit_id"))
            self.when.set_text(" · ".join(x for x in (translate("Wall", "overdue {d}").format(d=d), unit) if x))
            self.when.set_tone("danger")
        else:
            self.when.set_text(f"{priority_text(case.get('priority'))} · "
                               f"{status_text(case.get('status'))} · {safe(tk.case_id, 40)}")
            self.when.set_tone(None)

    def clear(self) -> None:
        """Give the corner back."""
        self.takeover = None
        self.hide()


class WallWindow(QWidget):
    """A full-screen wall window showing one screen's playlist.

    Attributes:
        index: the screen's index (0 = first chosen screen).
        pages: the pages of this screen's playlist by id.
        stack: the page stack.
        takeover: the takeover corner.
        base: the base type size in px (window height / 40 × scale).

    Signals:
        sig_closed(): the window was closed (the controller then closes the others).
    """

    sig_closed = Signal()

    def __init__(self, index: int, plan: ScreenPlan, ctx: WallContext, stats: WallStats, *,
                 screen: QScreen | None = None, size: tuple[int, int] | None = None,
                 scale: float = 1.0, corner: str = "bottom-right",
                 burn_in_px: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("wallWindow")
        self.setWindowTitle(translate("Wall", "Command Center"))
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.index = index
        self.plan = plan
        self.ctx = ctx
        self.scale = scale
        self.corner = corner
        self._burn_in_px = burn_in_px
        self._screen = screen
        self._size = size
        self.offset = (0, 0)
        self.base = 0

        self.header = QFrame(self)
        self.header.setObjectName("wallHeader")
        self.post_name = WallLabel("title", self.header)
        self.post_name.setObjectName("wallPostName")
        self.page_title = WallLabel("title", self.header, Qt.AlignmentFlag.AlignHCenter)
        self.page_title.setObjectName("wallPageTitle")
        self.link = WallLabel("small", self.header, Qt.AlignmentFlag.AlignHCenter)
        self.link.setObjectName("wallLink")
        self.link.hide()
        self.dots = WallLabel("small", self.header, Qt.AlignmentFlag.AlignRight)
        self.dots.setObjectName("wallPageDots")
        self.clock = WallLabel("title", self.header, Qt.AlignmentFlag.AlignRight)
        self.clock.setObjectName("wallClock")
        self.date = WallLabel("small", self.header, Qt.AlignmentFlag.AlignRight)
        self.date.setObjectName("wallDate")
        hl = QHBoxLayout(self.header)
        hl.addWidget(self.post_name, 3)
        hl.addWidget(self.page_title, 3)
        hl.addWidget(self.link, 3, Qt.AlignmentFlag.AlignVCenter)
        side = QVBoxLayout()
        side.setSpacing(0)
        side.addWidget(self.clock)
        bottom = QHBoxLayout()
        bottom.addWidget(self.dots, 3)
        bottom.addWidget(self.date, 2)
        side.addLayout(bottom)
        hl.addLayout(side, 2)
        policy = self.link.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.link.setSizePolicy(policy)
        self._header_layout = hl

        self.stack = QStackedWidget(self)
        self.pages: dict[str, WallPage] = {}
        for slot in plan.playlist:
            if slot.page not in self.pages:
                page = PAGE_TYPES[slot.page](ctx, stats, self.stack)
                self.pages[slot.page] = page
                self.stack.addWidget(page)

        self._lay = QVBoxLayout(self)
        self._lay.setSpacing(0)
        self._lay.addWidget(self.header)
        self._lay.addWidget(self.stack, 1)

        self.takeover = TakeoverBox(self)
        self.notice = WallLabel("small", self)
        self.notice.setObjectName("wallNotice")
        self.notice.hide()
        for w in [self, *self.findChildren(QWidget)]:
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            w.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._restyle(size[1] if size else (screen.geometry().height() if screen else 1080))

    # ---- Showing

    def show_on_screen(self) -> None:
        """Full-screen on its screen; or at the fixed ``size`` (tests, screenshots)."""
        if self._size is not None:
            self.resize(*self._size)
            if self._screen is not None:
                self.move(self._screen.geometry().topLeft())
            self.show()
            return
        if self._screen is not None:
            self.setGeometry(self._screen.geometry())
            handle = self.windowHandle()
            if handle is None:
                self.create()
                handle = self.windowHandle()
            if handle is not None:
                handle.setScreen(self._screen)
        self.showFullScreen()

    @property
    def current_page(self) -> WallPage:
        """The page shown."""
        return self.stack.currentWidget()  # type: ignore[return-value]

    def show_page(self, page_id: str, position: int, now: float) -> WallPage:
        """Show page ``page_id`` (the ``position``-th of the playlist), refreshed."""
        page = self.pages[page_id]
        page.maybe_refresh(now, force=page.dirty)
        page.tick(now)
        self.stack.setCurrentWidget(page)
        self.page_title.set_text(page.title())
        n = len(self.plan.playlist)
        self.dots.set_text("" if n <= 1 else " ".join(
            "●" if i == position else "○" for i in range(n)))
        return page

    def set_post_name(self, name: str) -> None:
        """The heading on the left."""
        self.post_name.set_text(name)

    def set_clock(self, now: float, zone: ZoneInfo) -> None:
        """The post's time."""
        dt = datetime.fromtimestamp(now, zone)
        self.clock.set_text(dt.strftime("%H:%M:%S"))
        self.date.set_text(dt.strftime("%Y-%m-%d"))

    def set_link(self, state: str | None, text: str) -> None:
        """The discreet link badge: hidden while live."""
        if not text:
            self.link.hide()
            return
        if self.link.property("link") != state:
            self.link.setProperty("link", state or "")
            self.link.style().unpolish(self.link)
            self.link.style().polish(self.link)
        self.link.set_text(text)
        self.link.show()

    def set_notice(self, text: str) -> None:
        """A one-line notice at the bottom (empty hides it)."""
        if not text:
            self.notice.hide()
            return
        self.notice.set_text(text, 300)
        self.notice.show()
        self._place_overlays()
        self.notice.raise_()

    def set_offset(self, dx: int, dy: int) -> None:
        """Shift the static elements by ``(dx, dy)`` px (burn-in protection)."""
        if (dx, dy) != self.offset:
            self.offset = (dx, dy)
            self._apply_margins()
            self._place_overlays()

    @property
    def burn_in_px(self) -> int:
        """The largest burn-in shift for this window."""
        if self._burn_in_px is not None:
            return self._burn_in_px
        return max(2, self.base // 6)

    # ---- Internals

    def _apply_margins(self) -> None:
        m = self.burn_in_px
        dx, dy = self.offset
        self._lay.setContentsMargins(m + dx, m + dy, m - dx, m - dy)

    def _restyle(self, height: int) -> None:
        base = wall_theme.base_px(height, self.scale)
        if base == self.base:
            return
        self.base = base
        wall_theme.apply(self, base)
        pad = round(base * 0.4)
        self._header_layout.setContentsMargins(pad * 2, pad // 2, pad * 2, pad // 2)
        self._header_layout.setSpacing(pad)
        self.stack.setContentsMargins(pad, pad, pad, pad)
        for page in self.pages.values():
            page.set_base(base)
            page.setContentsMargins(pad * 2, pad, pad * 2, pad)
        tl = self.takeover.layout()
        if tl is not None:
            tl.setContentsMargins(pad * 2, pad, pad * 2, pad)
            tl.setSpacing(pad // 2)
        self._apply_margins()
        self._place_overlays()

    def _place_overlays(self) -> None:
        w, h = self.width(), self.height()
        b = self.base
        margin = round(b * 0.8) + self.burn_in_px
        dx, dy = self.offset
        tw, th = round(w * 0.42), round(b * 10.5)
        left = self.corner.endswith("left")
        top = self.corner.startswith("top")
        x = margin + dx if left else w - tw - margin + dx
        y = self.header.height() + margin + dy if top else h - th - margin + dy
        self.takeover.setGeometry(x, y, tw, th)
        nh, nw = round(b * 1.2), round(w * 0.5)
        nx = w - nw - margin + dx if self.corner == "bottom-left" else margin + dx
        self.notice.setGeometry(nx, h - nh - self.burn_in_px + dy, nw, nh)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle(self.height())
        self._place_overlays()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.sig_closed.emit()


__all__ = ["MapPage", "TakeoverBox", "WallWindow"]
