"""The wall windows: read-only, no cursor, playlists, takeovers, link badge, resets, sizes."""

from __future__ import annotations

from client.timeutil import format_time
from console.wall import WallConfig, open_wall
from console.wall.config import ScreenPlan, Slot
from console.wall.theme import ROLES, base_px
from testkit.wall_context import FakeFeed, link
from tests.wall.conftest import Post
from widgets.qt import (
    QAction,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QtWidgets,
    QWidget,
)

PLAN = ScreenPlan((Slot("kpi", 5), Slot("map", 10), Slot("trend", 5)))


def actionable(window: QWidget) -> list[str]:
    """Everything in ``window`` a person could click, type into or trigger."""
    found = []
    for w in [window, *window.findChildren(QWidget)]:
        if isinstance(w, QtWidgets.QMenuBar | QtWidgets.QMenu):
            if w.isEnabled() and any(a.isEnabled() for a in w.actions()):
                found.append(f"menu {w!r}")
        if isinstance(w, QtWidgets.QAbstractButton | QLineEdit | QComboBox | QPlainTextEdit
                      | QtWidgets.QTextEdit | QtWidgets.QAbstractSpinBox | QtWidgets.QSlider):
            if w.isEnabled() and w.isVisible():
                found.append(f"{type(w).__name__} {w.objectName()}")
        if w.contextMenuPolicy() not in (Qt.ContextMenuPolicy.NoContextMenu,
                                         Qt.ContextMenuPolicy.PreventContextMenu):
            found.append(f"context menu on {type(w).__name__}")
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus:
            found.append(f"focusable {type(w).__name__}")
    for a in window.findChildren(QAction):
        if a.isEnabled() and a.isVisible():
            found.append(f"action {a.text()!r}")
    return found


def test_wall_windows_offer_nothing_to_act_on(post: Post, make_wall, qtbot) -> None:
    """Every page of the wall: no enabled button, field, combo, menu, action; blank cursor;
    frameless."""
    wall = make_wall(WallConfig(screens=(ScreenPlan(tuple(Slot(p, 5) for p in
                                                          ("kpi", "map", "trend", "breakdown",
                                                           "load", "overdue", "calls"))),)))
    w = wall.windows[0]
    qtbot.waitExposed(w)
    for _ in range(7):
        post.step(5)
        assert actionable(w) == []
    assert w.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert w.cursor().shape() == Qt.CursorShape.BlankCursor
    for child in w.findChildren(QWidget):
        assert child.cursor().shape() == Qt.CursorShape.BlankCursor, type(child).__name__
    assert not any(isinstance(x, QtWidgets.QMenuBar) for x in QApplication.allWidgets())
    # pyqtgraph's own context menus exist but are disabled and unreachable
    for menu in QApplication.allWidgets():
        if isinstance(menu, QtWidgets.QMenu) and menu.isVisible():
            raise AssertionError(f"a menu is open: {menu!r}")


def test_rotation_follows_the_playlist(post: Post, make_wall) -> None:
    """kpi 5 s → map 10 s → trend 5 s → kpi, on the injected clock."""
    wall = make_wall(WallConfig(screens=(PLAN,)))
    t0 = post.clock.now
    seen = []
    for s in range(0, 26):
        post.clock.now = t0 + s
        wall.advance()
        seen.append(wall.page_ids()[0])
    assert seen[:5] == ["kpi"] * 5
    assert seen[5:15] == ["map"] * 10
    assert seen[15:20] == ["trend"] * 5
    assert seen[20:25] == ["kpi"] * 5 and seen[25] == "map"
    w = wall.windows[0]
    assert w.page_title.full_text == w.pages["map"].title()
    assert w.dots.full_text == "○ ● ○"


def test_fixed_screen_stays(post: Post, make_wall) -> None:
    """A fixed screen shows one page forever."""
    wall = make_wall(WallConfig(screens=(ScreenPlan((Slot("overdue", 5),)),)))
    for _ in range(10):
        post.step(60)
    assert wall.page_ids() == ["overdue"]
    assert wall.rotators[0].turns == 0


def test_critical_case_takes_over_a_corner_for_the_configured_time(post: Post, make_wall) -> None:
    """A new critical case holds the corner for takeover_seconds, then leaves; the next
    one waiting follows; a normal case never takes over."""
    cfg = WallConfig(screens=(PLAN,), takeover_seconds=8, takeover_overdue=False,
                     takeover_corner="top-right")
    wall = make_wall(cfg)
    box = wall.windows[0].takeover
    post.deliver([post.new_case(priority="normal")])
    wall.advance(post.clock.now)
    assert box.isHidden()
    first = post.new_case(priority="critical", title="<b>危化品</b>泄漏\u202e逆序")
    second = post.new_case(priority="critical", title="第二起特急")
    post.deliver([first, second])
    t0 = post.clock.now
    wall.advance(t0)
    assert box.isVisible()
    assert box.takeover.case_id == first["data"]["case"]["id"]
    assert box.case_title.textFormat() == Qt.TextFormat.PlainText
    assert "<b>危化品</b>泄漏\ufffd逆序" in box.case_title.full_text  # shown as typed, bidi defused
    assert box.more.full_text  # "1 more waiting"
    # top-right corner, below the header
    g, win = box.geometry(), wall.windows[0]
    assert g.right() > win.width() * 0.9 and g.top() >= win.header.height()
    wall.advance(t0 + 7.9)
    assert box.takeover.case_id == first["data"]["case"]["id"]
    wall.advance(t0 + 8)
    assert box.takeover.case_id == second["data"]["case"]["id"]
    wall.advance(t0 + 16)
    assert box.isHidden() and wall.takeovers.shown == 2


def test_newly_overdue_case_takes_over(post: Post, make_wall) -> None:
    """A case that turns overdue while the wall watches takes the corner once."""
    wall = make_wall(WallConfig(screens=(PLAN,), takeover_seconds=5))
    ev = post.new_case(priority="urgent", title="井盖缺失")
    case = ev["data"]["case"]
    case["due_at"] = format_time(post.clock.now + 90)
    post.deliver([ev])
    wall.advance(post.clock.now)
    assert wall.takeovers.current is None or wall.takeovers.current.case_id != case["id"]
    post.clock.now += 120
    post.deliver([])
    seen = []
    for i in range(0, 40):
        wall.advance(post.clock.now + 5 * i)
        if wall.takeovers.current and wall.takeovers.current.case_id not in seen:
            seen.append(wall.takeovers.current.case_id)
    assert case["id"] in seen
    post.deliver([])
    wall.advance(post.clock.now + 400)
    assert wall.takeovers.current is None  # once only


def test_link_badge_and_notice(post: Post, make_wall) -> None:
    """The badge is hidden while live and says the state (and data age) otherwise; a notice
    shows for a while and goes away by itself."""
    wall = make_wall(WallConfig(screens=(PLAN,)))
    w = wall.windows[0]
    wall.set_link(link("live"))
    assert w.link.isHidden()
    wall.set_link(link("reconnecting", 3.2))
    assert w.link.isVisible() and "4" in w.link.full_text
    wall.set_link(link("live"))
    assert w.link.isHidden()
    wall.notice("同步失败：服务器 <i>忙</i>")
    assert w.notice.isVisible() and "<i>忙</i>" in w.notice.full_text
    wall.advance(post.clock.now + 200)
    assert w.notice.isHidden()


def test_type_scales_with_screen_height(post: Post, make_wall) -> None:
    """base = height / 40: 27 px on 1080 lines, 54 px on 2160; roles are multiples of it."""
    wall = make_wall(WallConfig(screens=(PLAN, PLAN)), sizes=((1920, 1080), (3840, 2160)))
    hd, uhd = wall.windows
    assert (hd.base, uhd.base) == (27, 54) == (base_px(1080), base_px(2160))
    for win in (hd, uhd):
        win.show_page("kpi", 0, post.clock.now)
        label = win.pages["kpi"].tiles["reported"].value
        label.ensurePolished()
        assert label.font().pixelSize() == round(win.base * ROLES["kpi"])
        small = win.date
        small.ensurePolished()
        assert small.font().pixelSize() >= round(win.base * min(ROLES.values()))


def test_day_and_shift_resets(post: Post, make_wall) -> None:
    """Crossing 08:00 starts a new wall day; crossing 20:00 clears histories and lets the
    State forget cases closed more than 24 h ago."""
    wall = make_wall(WallConfig(screens=(PLAN,)))
    day = wall.stats.day
    post.step(day.end - post.clock.now - 120)
    assert wall.stats.resets == 0
    today = list(wall.stats.today)
    post.step(240)
    assert wall.stats.resets == 1
    # the last minutes before 08:00 arrived in the same batch as the first after it
    assert wall.stats.yesterday[:23] == today[:23] and wall.stats.yesterday[23] >= today[23]
    assert wall.stats.reported == sum(wall.stats.today) > 0
    n_shift = wall.shift_resets
    boundary = wall._shift.end  # the next 20:00
    post.step(boundary - post.clock.now - 60)

    def old_closed() -> int:
        cutoff = format_time(boundary - 24 * 3600)
        return sum(1 for c in post.state.cases.values()
                   if c["status"] == "closed" and c["closed_at"] < cutoff)

    assert old_closed() > 0 and wall.shift_resets == n_shift
    wall.takeovers.push("overdue", "stale-id", post.clock.now)
    post.step(120)
    assert wall.shift_resets == n_shift + 1
    assert old_closed() == 0  # the State forgot them, as a fresh snapshot would
    assert len(wall.takeovers) == 0  # waiting takeovers cleared


def test_bridge_pumps_a_feed_into_the_wall(post: Post, qtbot) -> None:
    """With a Feed, open_wall builds a Bridge: snapshot → reset, events → counts and corner."""
    feed = FakeFeed()
    ctx = post.ctx
    wall = open_wall(ctx, feed, sizes=[(1280, 720)], clock=post.clock, pulse=False,
                     config=WallConfig(screens=(PLAN,)))
    qtbot.addWidget(wall.windows[0])
    try:
        feed.push(snapshot=post.state.store.to_snapshot())
        feed.state = "live"
        assert wall.bridge is not None
        wall.bridge.pump()
        assert wall.link_state == "live"
        before = wall.stats.reported
        evs = post.sim.events_until(post.clock.now + 600)
        crit = post.new_case(priority="critical")
        evs.append(crit)
        feed.push(events=evs)
        post.clock.now += 600
        wall.bridge.pump()
        # a turn is time-budgeted: under load the rest follows on the bridge's 1 ms timer
        qtbot.waitUntil(lambda: wall.bridge.backlog == 0, timeout=15000)
        created = sum(1 for e in evs if e["type"] == "case.created")
        assert wall.stats.reported == before + created
        wall.advance(post.clock.now)
        assert wall.takeovers.current is not None
        feed.state = "reconnecting"
        feed.retry_in = 2.0
        wall.bridge.pump()
        assert wall.windows[0].link.isVisible()
    finally:
        wall.close()
