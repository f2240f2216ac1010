"""The wall's conductor: windows per screen, the pump's sink, playlists, takeovers, resets.

:class:`WallController` owns the wall's :class:`console.distributor.ChangeDistributor`,
which the feed→state pump (:class:`console.bridge.Bridge`) delivers to: first to the
controller's own bookkeeping (per-day figures, takeovers, the clock), then to every
window's pages (each marks itself dirty). All timing goes through one injected
``clock`` and :meth:`WallController.advance` — page rotation, takeover expiry, the day and
shift roll-overs, the burn-in shift and notice expiry — so tests and the soak bench drive
it with a fake clock. A 250 ms timer only makes overdue rings pulse on a shown map.

:func:`open_wall` builds a controller (and, given a Feed, its Bridge) for any
:class:`console.pages.WallContext` — a :class:`console.session.Session` or a test double.
:class:`WallConsole` is the logged-in wall as the launcher runs it: session, feed,
bridge, controller, and re-login when the token expires (unattended for days).

Threading: GUI thread only.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from client.api import HubClient
from client.feed import LIVE, Feed, LinkStatus
from client.protocol import Event
from client.shifts import ShiftSchedule
from client.state import ChangeSet
from client.timeutil import DEFAULT_ZONE
from client.working_time import DEFAULT_CALENDAR, WorkingCalendar
from client.workload import is_active
from console.bridge import Bridge
from console.distributor import ChangeDistributor
from console.wall.config import WallConfig, parse_screens
from console.wall.model import Takeover, TakeoverQueue, WallStats, burn_in_offset
from console.wall.pages.base import WallContext
from console.wall.pages.map import MapPage
from console.wall.window import WallWindow
from widgets.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QGuiApplication,
    QObject,
    QScreen,
    QTimer,
    Signal,
)
from widgets.text import neutralize, safe

translate = QCoreApplication.translate

#: what the corner says about the feed's link, by its state
LINK_WORDS = {
    "connecting": QT_TRANSLATE_NOOP("Wall", "○ Connecting"),
    "catching_up": QT_TRANSLATE_NOOP("Wall", "◐ Catching up"),
    "reconnecting": QT_TRANSLATE_NOOP("Wall", "○ Link lost, reconnecting"),
    "offline": QT_TRANSLATE_NOOP("Wall", "✕ Offline"),
    "session_expired": QT_TRANSLATE_NOOP("Wall", "✕ Login expired"),
}

log = logging.getLogger(__name__)

NOTICE_S = 90.0
PRUNE_EVERY_S = 3600.0  # let the State forget cases closed > 24 h ago this often
PULSE_MS = 250
RELOGIN_RETRY_S = 60.0


def choose_screens(count: int | None) -> list[QScreen]:
    """The screens to use, left to right then top to bottom: the first ``count``, or all."""
    screens = list(QGuiApplication.screens())
    screens.sort(key=lambda s: (s.geometry().x(), s.geometry().y()))
    return screens if count is None else screens[: max(1, count)]


class WallController(QObject):
    """Windows on the chosen screens, fed by the pump, moved by a clock.

    Attributes:
        ctx: the pages' context (state, zone, names).
        config: the wall settings.
        windows: one :class:`WallWindow` per chosen screen.
        rotators: one playlist per window.
        stats: the per-day figures.
        takeovers: the takeover queue.
        bridge: the Bridge pumping a Feed into this controller (:func:`open_wall`), or None.
        link_state: the last link state seen (None before any).

    Signals:
        sig_closed(): a wall window was closed; every window is closed.
    """

    sig_closed = Signal()
    pane_id = "wall"

    def __init__(self, ctx: WallContext, *, config: WallConfig | None = None,
                 screens: int | None | str = 1, sizes: Sequence[tuple[int, int]] | None = None,
                 clock: Callable[[], float] = time.time, pulse: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        from console.wall.playlist_rotation import Rotator

        self.ctx = ctx
        self.config = cfg = config or WallConfig()
        self.clock = clock
        self.bridge: Bridge | None = None
        state = ctx.state
        zone_name = ctx.zone.key
        self.stats = WallStats(state, day_start=cfg.day_start, zone_name=zone_name)
        self.takeovers = TakeoverQueue(cfg.takeover_seconds)
        self.schedule = ShiftSchedule(cfg.shifts, zone_name)
        now = clock()
        self._now = now
        self._shift = self.schedule.shift_at(now)
        self._overdue_seen: set[str] = set(state.overdue_ids())
        self._skip_events = False
        self._notice_until = 0.0
        self._last_live: float | None = None
        self.link_state: str | None = None
        self._link_status: LinkStatus | None = None
        self._closing = False
        self.shift_resets = 0
        self._next_prune = now + PRUNE_EVERY_S

        count = screens if screens is None or isinstance(screens, int) else parse_screens(screens)
        if sizes:
            chosen: list[QScreen | None] = list(choose_screens(None))
            chosen = (chosen + [None] * len(sizes))[: len(sizes)]
            sizes_: list[tuple[int, int] | None] = list(sizes)
        else:
            chosen = list(choose_screens(count))
            sizes_ = [None] * len(chosen)
        self.windows: list[WallWindow] = []
        self.rotators: list[Rotator] = []
        for i, (screen, size) in enumerate(zip(chosen, sizes_, strict=True)):
            plan = cfg.plan(i)
            w = WallWindow(i, plan, ctx, self.stats, screen=screen, size=size, scale=cfg.scale,
                           corner=cfg.takeover_corner, burn_in_px=cfg.burn_in_px)
            w.sig_closed.connect(self.close)
            self.windows.append(w)
            self.rotators.append(Rotator(plan, now))
        #: the pump's sink: the controller's bookkeeping first, then every page
        self.distributor = ChangeDistributor(parent=self)
        self.distributor.register(_Bookkeeping(self))
        for w in self.windows:
            for page in w.pages.values():
                self.distributor.register(page)
        self.stats.rebuild()
        self._update_post_name()
        for w, rot in zip(self.windows, self.rotators, strict=True):
            w.show_page(rot.page, rot.index, now)
        self._pulse = QTimer(self)
        self._pulse.setObjectName("wallPulse")
        self._pulse.setInterval(PULSE_MS)
        self._pulse.timeout.connect(self._on_pulse)
        if pulse:
            self._pulse.start()
        self.advance(now)

    # ---- Pump sink (without a Bridge, the caller delivers through these)

    def on_changes(self, changes: ChangeSet) -> None:
        """One merged change set: to the bookkeeping, then to every page."""
        self.distributor.deliver(changes)

    def on_events(self, events: list[dict]) -> None:
        """The events behind the last change set (counted into the per-day figures)."""
        self._count_events(events)

    def on_tick(self, now: float) -> None:
        """Once a second from the pump."""
        self.advance(now)

    def _count_changes(self, changes: ChangeSet) -> None:
        state = self.ctx.state
        self._roll_day(self.clock())  # count the batch into the day it belongs to
        if changes.reset:
            self.stats.rebuild()
            self._overdue_seen = set(state.overdue_ids())
            self._skip_events = True  # the recount already has the batch's events
            self._update_post_name()
        else:
            self._skip_events = False
            if changes.alerts_changed:
                seen = self._overdue_seen
                for cid in changes.alerts_changed:
                    if state.alert_phase(cid) == 2:
                        if cid not in seen:
                            seen.add(cid)
                            if self.config.takeover_overdue:
                                self.takeovers.push("overdue", cid, self._now)
                    else:
                        seen.discard(cid)

    def _count_events(self, events: Iterable[Mapping[str, Any]]) -> None:
        if self._skip_events:
            self._skip_events = False
            return
        critical = self.stats.on_events(events)
        if self.config.takeover_critical:
            for case in critical:
                if is_active(case):
                    self.takeovers.push("critical", case["id"], self._now)

    def on_selection(self, case_id: str | None) -> None:
        """The wall has no selection."""

    # ---- Public API

    def show(self) -> None:
        """Show every window on its screen."""
        for w in self.windows:
            w.show_on_screen()

    def close(self) -> None:
        """Close every window (idempotent) and announce it."""
        if self._closing:
            return
        self._closing = True
        self._pulse.stop()
        if self.bridge is not None:
            self.bridge.stop()
        for w in self.windows:
            w.close()
        self.sig_closed.emit()

    def advance(self, now: float | None = None) -> None:
        """Move the wall to ``now`` (the controller's clock when None)."""
        now = self.clock() if now is None else now
        self._now = now
        self._roll_day(now)
        if now >= self._shift.end:
            self._new_shift(now)
        elif now >= self._next_prune:
            self._prune(now)
        for w, rot in zip(self.windows, self.rotators, strict=True):
            if rot.advance(now):
                w.show_page(rot.page, rot.index, now)
        if self.takeovers.advance(now, self._relevant):
            self._show_takeover(now)
        elif self.takeovers.current is not None:
            for w in self.windows:
                w.takeover.update_time(now)
        zone = self.ctx.zone
        for w in self.windows:
            page = w.current_page
            try:
                page.maybe_refresh(now)
                page.tick(now)
            except Exception:
                log.exception("wall page %s failed", page.page_id)
            w.set_clock(now, zone)
            amp = w.burn_in_px
            w.set_offset(*burn_in_offset(now, amp, self.config.burn_in_period_s))
        if self._notice_until and now >= self._notice_until:
            self._notice_until = 0.0
            for w in self.windows:
                w.set_notice("")

    def set_link(self, status: LinkStatus) -> None:
        """Show a ``client.feed.LinkStatus``: the badge is hidden while live."""
        self._link_status = status
        state = str(status.state)
        self.link_state = state
        if state == LIVE:
            self._last_live = self._now
            text = ""
        else:
            text = translate("Wall", LINK_WORDS[state]) if state in LINK_WORDS \
                else neutralize(state)
            retry = status.retry_in
            if state == "reconnecting" and isinstance(retry, int | float):
                text += " · " + translate("Wall", "retry in {s} s").format(s=f"{math.ceil(retry)}")
            if self._last_live is not None:
                stamp = datetime.fromtimestamp(self._last_live, self.ctx.zone).strftime("%H:%M")
                text += " · " + translate("Wall", "data as of {t}").format(t=stamp)
        for w in self.windows:
            w.set_link(state, text)

    def notice(self, text: str, seconds: float = NOTICE_S) -> None:
        """A small on-screen notice for ``seconds`` (errors never open a dialog here)."""
        self._notice_until = self._now + seconds
        for w in self.windows:
            w.set_notice(safe(text, 300))

    def page_ids(self) -> list[str]:
        """The page each window shows."""
        return [w.current_page.page_id for w in self.windows]

    # ---- Internals

    def _roll_day(self, now: float) -> None:
        if self.stats.roll(now):
            for w in self.windows:
                for page in w.pages.values():
                    page.reset_day()

    def _relevant(self, tk: Takeover) -> bool:
        state = self.ctx.state
        case = state.cases.get(tk.case_id)
        if case is None:
            return False
        if tk.kind == "overdue":
            return state.alert_phase(tk.case_id) == 2
        return is_active(case)

    def _show_takeover(self, now: float) -> None:
        tk = self.takeovers.current
        for w in self.windows:
            if tk is None:
                w.takeover.clear()
            else:
                w.takeover.show_takeover(tk, self.ctx.state.cases.get(tk.case_id), self.ctx,
                                         len(self.takeovers), now)

    def _new_shift(self, now: float) -> None:
        """Shift boundary: clear histories (waiting takeovers, seen sets), prune the State
        and redraw every page from scratch."""
        self._shift = self.schedule.shift_at(now)
        self.shift_resets += 1
        self.takeovers.clear()
        state = self.ctx.state
        self._overdue_seen = set(state.overdue_ids())
        self._prune(now)
        for w in self.windows:
            for page in w.pages.values():
                page.dirty = True

    def _prune(self, now: float) -> None:
        """Let the State forget cases closed more than 24 h ago (what a fresh snapshot
        would hold), so a wall that runs for weeks keeps a flat footprint."""
        self._next_prune = now + PRUNE_EVERY_S
        state = self.ctx.state
        gone = state.store.prune(now)
        for cid in gone:
            state.urges_by_case.pop(cid, None)
        if gone:
            cs = ChangeSet(cases_removed=set(gone), seq=state.seq)
            for w in self.windows:
                for page in w.pages.values():
                    page.mark(cs)

    def _update_post_name(self) -> None:
        post = self.ctx.state.post
        name = safe(post.get("name"), 40) if isinstance(post, dict) and post.get("name") else ""
        text = name or translate("Wall", "Command Center")
        for w in self.windows:
            w.set_post_name(text)

    def _on_pulse(self) -> None:
        phase = (time.monotonic() % 2.0) / 2.0
        for w in self.windows:
            page = w.current_page
            if isinstance(page, MapPage) and w.isVisible():
                page.pulse(phase)


class _Bookkeeping:
    """The controller's own receiver: per-day figures and takeovers from the changes and
    events, the clock from the ticks."""

    pane_id = "wall"

    def __init__(self, wall: WallController) -> None:
        self.wall = wall

    def on_changes(self, changes: ChangeSet) -> None:
        self.wall._count_changes(changes)

    def on_events(self, events: list[Event]) -> None:
        self.wall._count_events(events)

    def on_tick(self, now: float) -> None:
        self.wall.advance(now)


def open_wall(ctx: WallContext, feed: Feed | None = None, *, screens: int | None | str = 1,
              config: WallConfig | None = None, sizes: Sequence[tuple[int, int]] | None = None,
              clock: Callable[[], float] = time.time, show: bool = True,
              pulse: bool = True, parent: QObject | None = None) -> WallController:
    """Open the wall on ``screens`` (a count, ``"all"``/None, or ``"N"``) for ``ctx``.

    Given a ``feed`` (started or not), a :class:`console.bridge.Bridge` pumps it into
    ``ctx.state`` and the wall (``controller.bridge``); without one, the caller delivers
    change sets itself (``on_changes``/``on_events``/``advance``), as tests do.
    """
    wall = WallController(ctx, config=config, screens=screens, sizes=sizes, clock=clock,
                          pulse=pulse, parent=parent)
    if feed is not None:
        bridge = Bridge(ctx.state, wall.distributor, clock=clock, parent=wall)
        bridge.sig_link.connect(wall.set_link)
        bridge.sig_fatal.connect(lambda msg: wall.notice(translate("Wall", "The feed stopped: {e}").format(e=msg)))
        bridge.attach(feed)
        wall.bridge = bridge
    if show:
        wall.show()
    return wall


class WallConsole(QObject):
    """A logged-in wall: session, feed, bridge and controller (what the launcher runs).

    Args:
        api: a logged-in HubClient.
        username: the login name.
        cache_dir: the shift cache folder.
        zone_name: the post's time zone.
        screens: a count, ``"all"`` or None (all).
        config: the wall settings (defaults when None).
        password: kept to log in again when the token expires (12 h by default); without
            it the wall shows a notice and keeps the last picture.
        size: fixed window size instead of full screen (``--geometry``).

    Attributes:
        session, feed, controller: the parts.
        window: the first wall window (the launcher's ``--screenshot`` puts it first).

    Signals:
        sig_closed(): the wall closed and the feed stopped.
    """

    sig_closed = Signal()

    def __init__(self, api: HubClient, username: str, *, cache_dir: Path,
                 zone_name: str = DEFAULT_ZONE, calendar: WorkingCalendar = DEFAULT_CALENDAR,
                 screens: int | None | str = 1,
                 config: WallConfig | None = None, password: str | None = None,
                 size: tuple[int, int] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from console.session import Session

        cfg = config or WallConfig()
        self.api = api
        self.username = username
        self._password = password
        self.session = Session(api, username, zone_name=zone_name, read_only=True, parent=self,
                               cache_dir=cache_dir, calendar=calendar)
        self.feed = Feed(api, cache_dir, schedule=ShiftSchedule(cfg.shifts, zone_name))
        count = screens if screens is None or isinstance(screens, int) else parse_screens(screens)
        sizes = None
        if size is not None:
            sizes = [size] * (count or len(choose_screens(None)))
        self.controller = open_wall(self.session, self.feed, screens=count, config=cfg,
                                    sizes=sizes, show=False, parent=self)
        bridge = self.controller.bridge
        assert bridge is not None
        self.bridge = bridge
        bridge.sig_session_expired.connect(self._relogin)
        self.session.sig_session_expired.connect(self._relogin)
        self.session.sig_message.connect(self._on_message)
        self.controller.sig_closed.connect(self.stop)
        self._stopped = False
        self._relogging = False
        from console.loop.commands import loop_for  # protocol 1.1: the same stage clocks

        self.loop = loop_for(self.session)
        self.loop.deliver = self.controller.distributor.deliver

    @property
    def window(self) -> WallWindow:
        """The first wall window."""
        return self.controller.windows[0]

    def start(self) -> None:
        """Start the feed and show the wall."""
        self.feed.start()
        self.session.sig_categories.connect(self.loop.learn)
        self.session.load_categories()  # once: names and the 1.1 stage clocks
        self.controller.show()

    def stop(self) -> None:
        """Stop the pump, the feed and the pool; close the windows (idempotent)."""
        if self._stopped:
            return
        self._stopped = True
        self.bridge.stop()
        self.controller.close()
        self.feed.stop(timeout=5.0)
        self.session.shutdown()
        self.api.logout_quietly()  # the wall's token ends with it
        for w in self.controller.windows:
            w.deleteLater()
        self.sig_closed.emit()

    def _on_message(self, level: str, text: str) -> None:
        if level == "error":
            self.controller.notice(text)

    def _relogin(self) -> None:
        if self._stopped or self._relogging:
            return
        if self._password is None:
            self.controller.notice(translate("Wall", "✕ Login expired"), seconds=10 * 365 * 86400.0)
            return
        self._relogging = True
        self.controller.notice(translate("Wall", "Login expired, logging in again"))
        api, user, password = self.api, self.username, self._password

        def ok(_answer: object) -> None:
            self._relogging = False
            self.controller.notice("", seconds=0.0)
            self.feed.resume()

        def failed(exc: Exception) -> None:
            self._relogging = False
            self.controller.notice(translate("Wall", "Logging in again failed: {e}").format(e=neutralize(exc)[:200]))
            QTimer.singleShot(int(RELOGIN_RETRY_S * 1000), self._relogin)

        self.session.jobs.submit(lambda: api.login(user, password), ok, failed)
