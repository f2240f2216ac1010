"""One logged-in console: session, feed, bridge, panes and main window wired together.

:class:`Console` is what exists after a successful login. It owns the Feed thread and
stops it when the window closes. The start-up sequence (demo hub, login dialog, scripted
login, ``--quit-after``) lives in :mod:`console.app`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from client.api import HubClient
from client.feed import Feed
from client.shifts import ShiftSchedule
from client.state import ChangeSet
from client.working_time import DEFAULT_CALENDAR, WorkingCalendar
from console import command_bar, security_ui
from console.bridge import Bridge
from console.distributor import ChangeDistributor
from console.layouts import LayoutStore
from console.lock import EXPIRED
from console.main_window import MainWindow
from console.panes import PANES, PaneSpec, build_pane
from console.scaling import layout_kind, restored_size
from console.session import Session
from console.supervisor import actions as supervisor_actions
from console.supervisor import command_ui as supervisor_ui
from widgets.pane import Pane
from widgets.qt import QGuiApplication, QObject, QTimer, Signal

log = logging.getLogger(__name__)


class Console(QObject):
    """A running console for one user.

    Args:
        api: a logged-in HubClient.
        username: the login name (layouts and re-login use it).
        cache_dir: the shift cache folder of this hub, post and user.
        store: where layouts are saved.
        zone_name: the post's time zone.
        calendar: the post's working calendar (the package's, or with ``--calendar``).
        theme: the starting theme name.
        kind: the built-in layout (``hd``/``uhd``), or None to choose by screen size.
        size: the window size ``(width, height)``, or None for the available screen.
        lock_after_s: idle seconds before the lock (0: never).
        read_only: force read-only (wall mode, review), whatever the role.
        pane_factory: ``spec -> Pane class or None`` (tests; default: widgets/ modules).

    Signals:
        sig_closed(): the window closed and the feed stopped.
    """

    sig_closed = Signal()

    def __init__(self, api: HubClient, username: str, *, cache_dir: Path, store: LayoutStore,
                 zone_name: str = "Asia/Shanghai",
                 calendar: WorkingCalendar = DEFAULT_CALENDAR,
                 theme: str = "day", kind: str | None = None,
                 size: tuple[int, int] | None = None, lock_after_s: float = 15 * 60,
                 read_only: bool = False,
                 pane_factory: Callable[[PaneSpec], type[Pane] | None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = Session(api, username, zone_name=zone_name, read_only=read_only,
                               parent=self, cache_dir=cache_dir, calendar=calendar)
        #: no size given: open maximised on the screen (a shift console fills its screen)
        self.maximise = size is None
        self.size = size or _available_size()
        self.kind = kind or layout_kind(*self.size, screens=len(QGuiApplication.screens()))
        supervisor_actions.actions_for(self.session)  # panes find it as ctx.actions
        specs = (*PANES, *supervisor_ui.extra_panes(self.session))
        panes = [(spec, build_pane(spec, self.session, pane_factory)) for spec in specs]
        self.window = MainWindow(self.session, panes, store, kind=self.kind, theme=theme,
                                 lock_after_s=lock_after_s)
        self.feed = Feed(api, cache_dir, schedule=ShiftSchedule(zone_name=zone_name))
        #: every pane gets the feed's change sets, events and ticks from here
        self.distributor = ChangeDistributor(self.window.panes.values(),
                                             background=self.session.background, parent=self)
        self.bridge = Bridge(self.session.state, self.distributor, parent=self)
        self._stopped = False
        self._restored = False

        self.bridge.sig_link.connect(self.window.set_link)
        self.distributor.sig_changes.connect(self._on_changes)
        self.bridge.sig_session_expired.connect(lambda: self.window.lock(EXPIRED))
        self.bridge.sig_fatal.connect(self._on_fatal)
        self.session.sig_session_expired.connect(lambda: self.window.lock(EXPIRED))
        self.window.sig_relogged.connect(self.feed.resume)
        self.window.sig_closing.connect(self.stop)
        self.command_ui = supervisor_ui.install(self)
        security_ui.install(self)
        self.command_bar = command_bar.install(self.window, self.session,
                                               self.command_ui.actions,
                                               self.command_ui.ask_urge)

    # ---- Public API

    def start(self) -> None:
        """Start the feed, lay the window out and show it."""
        self.feed.start()
        self.bridge.attach(self.feed)
        self.session.load_categories()
        w, h = self.size
        # maximised: the size it restores to leaves room for the window manager's frame
        self.window.resize(*(restored_size(w, h) if self.maximise else (w, h)))
        self._restored = self.window.restore_layout()
        if not self._restored:
            self.window.apply_layout(self.kind)
        if self.maximise:
            self.window.showMaximized()
        else:
            self.window.show()
        if not self._restored:
            # Dock sizes settle once the window has its real size.
            QTimer.singleShot(0, lambda: self.window.apply_layout(self.window.kind))

    def stop(self) -> None:
        """Stop the bridge, the feed thread and the job pool (idempotent)."""
        if self._stopped:
            return
        self._stopped = True
        self.bridge.stop()
        self.feed.stop(timeout=5.0)
        self.session.shutdown()
        self.session.api.logout_quietly()  # the token ends with the console, not 12 h later
        self.sig_closed.emit()

    # ---- Internals

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.reset:
            self.window.update_title()

    def _on_fatal(self, message: str) -> None:
        self.window.show_message("error", self.tr("The feed stopped: {error}").format(
            error=message))


def _available_size() -> tuple[int, int]:
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return 1920, 1080
    geo = screen.availableGeometry()
    return max(800, geo.width()), max(600, geo.height())
