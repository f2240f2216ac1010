"""The console's main window: every pane in a dock, menus with shortcuts, status bar, lock.

The window knows nothing about the network: it shows the panes the console built, the
link status and messages it is given, and reports what the officer asks for through
signals (lock lifted, theme switch, layout changes).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from client import glossary
from client.feed import LinkStatus
from console import layouts
from console.lock import EXPIRED, IDLE, IdleWatcher, LockOverlay
from console.panes import PaneSpec
from console.session import Session
from widgets.common import link_problem
from widgets.fitting import fitting
from widgets.gesture import UserInputWatch
from widgets.pane import Pane
from widgets.pane_roles import (
    AlarmSource,
    CaseFilterFollower,
    CaseFilterSource,
    LinkListener,
    RegionChooser,
    ScopeChooser,
    UnitActivator,
    UnitFilter,
)
from widgets.qt import (
    QAction,
    QCloseEvent,
    QColor,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QGuiApplication,
    QHeaderView,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMessageBox,
    QRect,
    QShortcut,
    Qt,
    QTimer,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
)
from widgets.text import safe

if TYPE_CHECKING:
    from console.command_bar import CommandBar

log = logging.getLogger(__name__)

LINK_SYMBOL = {
    "live": "●",
    "catching_up": "◐",
    "connecting": "○",
    "reconnecting": "↻",
    "offline": "✕",
    "session_expired": "⚿",
}


class MainWindow(QMainWindow):
    """Docks, menus, status bar and the lock overlay of one logged-in console.

    Args:
        session: the pane context of the logged-in user.
        panes: ``(spec, pane)`` pairs in display order.
        store: where layouts are saved.
        kind: the built-in layout to start from (``hd`` or ``uhd``).
        theme: the current theme name (``day``/``night``).
        lock_after_s: seconds without input before the console locks (0: never).

    Signals:
        sig_theme(str): the officer switched the theme (``day`` or ``night``).
        sig_relogged(): the password was accepted after a lock or an expired session.
        sig_closing(): the window is closing (stop the feed).
    """

    sig_theme = Signal(str)
    sig_relogged = Signal()
    sig_closing = Signal()

    def __init__(self, session: Session, panes: Sequence[tuple[PaneSpec, Pane]],
                 store: layouts.LayoutStore, *, kind: str = "hd", theme: str = "day",
                 lock_after_s: float = 15 * 60) -> None:
        super().__init__()
        self.setObjectName("consoleWindow")
        self.session = session
        self.store = store
        self.kind = kind
        self.theme = theme
        self.panes: dict[str, Pane] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.messages: list[tuple[str, str]] = []
        self.link: LinkStatus | None = None
        self._hidden_floating: list[QDockWidget] = []
        #: per pane: whether the user is giving it input right now (see widgets.gesture)
        self.input_watches: dict[str, UserInputWatch] = {}
        #: selection signals refused because no user gesture caused them (for checks)
        self.selection_refused = 0
        #: the alerts tab's flash phase (True: highlighted)
        self.alerts_flash = False
        #: called with the layout kind after a built-in layout is applied (added panes)
        self.layout_hooks: list[Callable[[str], None]] = []
        #: the command bar (Ctrl+K) and its menu action, once :mod:`console.command_bar`
        #: installed them
        self.command_bar: CommandBar | None = None
        self.act_command_bar: QAction | None = None
        self.setDockNestingEnabled(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowNestedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)
        for spec, pane in panes:
            self._add_pane(spec, pane)
        self._wire_panes()
        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self.update_title()

        self.overlay = LockOverlay(self, session.username, self._verify_password)
        self.overlay.sig_unlocked.connect(self._on_unlocked)
        # A wall display (read-only role) is never locked for idleness.
        idle_s = 0.0 if session.role == "wall" else lock_after_s
        self.idle = IdleWatcher(idle_s, self)
        self.idle.sig_idle.connect(lambda: self.lock(IDLE))

        self._msg_timer = QTimer(self)
        self._msg_timer.setSingleShot(True)
        self._msg_timer.timeout.connect(self._clear_message)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._update_clock)
        self._clock_timer.start()
        self._update_clock()
        session.sig_message.connect(self.show_message)

    # ---- Building

    def _add_pane(self, spec: PaneSpec, pane: Pane) -> None:
        title = spec.title()
        try:
            title = pane.title() or title
        except Exception:
            log.exception("pane %s title failed", spec.key)
        if title == pane.pane_id:
            title = spec.title()
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{spec.key}")
        dock.setWidget(fitting(pane))
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.panes[spec.key] = pane
        self.docks[spec.key] = dock
        self.session.panes.append(pane)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

    def _wire_panes(self) -> None:
        """Connect the panes by the roles they declare (:mod:`widgets.pane_roles`)."""
        for key, pane in self.panes.items():
            watch = UserInputWatch(pane)
            self.input_watches[key] = watch
            pane.sig_case_selected.connect(
                lambda cid, watch=watch, pane=pane: self._on_pane_selected(cid, watch, pane))
        for key, pane in self.panes.items():
            if isinstance(pane, AlarmSource):
                self._wire_alarm(key, pane)
            if isinstance(pane, UnitActivator):
                pane.sig_unit_activated.connect(self._on_unit_activated)
            if isinstance(pane, RegionChooser):
                self._wire_region_chooser(pane)
            if isinstance(pane, ScopeChooser):
                pane.sig_scope_chosen.connect(self.session.set_scope)
            if isinstance(pane, CaseFilterSource):
                for follower in self.panes.values():
                    if isinstance(follower, CaseFilterFollower) and follower is not pane:
                        follow_filter(pane, follower)

    def _wire_alarm(self, key: str, pane: AlarmSource) -> None:
        """An alarm brings the pane's dock to the front and flashes its tab; muting shows
        in the status bar."""
        pane.bell.sig_flash.connect(lambda on: self._flash_alerts(key, on))
        pane.sig_alarm.connect(lambda _level: self._on_alarm(key))
        pane.sig_muted.connect(self._show_muted)

    def _wire_region_chooser(self, pane: RegionChooser) -> None:
        """A region chosen in ``pane`` (the map's drill) narrows every pane (the session's
        scope); the pane shows the region of whatever scope the session gets."""
        pane.sig_region_chosen.connect(self.session.select_region)
        self.session.sig_scope.connect(lambda scope: pane.show_region(scope.region_id))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.link_label = QLabel(self)
        self.link_label.setObjectName("linkLabel")
        self.link_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("messageLabel")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.user_label = QLabel(self)
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("clockLabel")
        bar.addWidget(self.link_label)
        bar.addWidget(self.message_label, 1)
        self.muted_label = QLabel(self)
        self.muted_label.setObjectName("mutedLabel")
        self.muted_label.setTextFormat(Qt.TextFormat.PlainText)
        self.muted_label.hide()
        bar.addPermanentWidget(self.muted_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.clock_label)
        self.set_link(None)
        QTimer.singleShot(0, lambda: self._show_muted(any(
            p.muted for p in self.panes.values() if isinstance(p, AlarmSource))))

    def _action(self, name: str, text: str, shortcut: str | QKeySequence.StandardKey,
                slot: Callable[[], object], *, checkable: bool = False) -> QAction:
        act = QAction(text, self)
        act.setObjectName(name)
        act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        act.setCheckable(checkable)
        if checkable:
            act.toggled.connect(lambda _checked: slot())
        else:
            act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        a = self._action
        self.act_lock = a("actLock", self.tr("&Lock console"), "Ctrl+L", lambda: self.lock(IDLE))
        self.act_lock.setEnabled(self.session.role != "wall")
        self.act_save_layout = a("actSaveLayout", self.tr("&Save layout"), "Ctrl+Shift+S",
                                 self.save_layout)
        self.act_quit = a("actQuit", self.tr("&Quit"), "Ctrl+Q", self.close)
        self.act_layout_hd = a("actLayoutHd", self.tr("Layout for 1920×1080"), "Ctrl+Alt+1",
                               lambda: self.apply_layout("hd"))
        self.act_layout_uhd = a("actLayoutUhd", self.tr("Layout for 3840×2160"), "Ctrl+Alt+2",
                                lambda: self.apply_layout("uhd"))
        self.act_layout_small = a("actLayoutSmall", self.tr("Layout for 1366×768"),
                                  "Ctrl+Alt+3", lambda: self.apply_layout("small"))
        self.act_layout_dual = a("actLayoutDual", self.tr("Layout for two screens"),
                                 "Ctrl+Alt+4", lambda: self.apply_layout("dual"))
        self.act_reset = a("actResetLayout", self.tr("&Reset layout"), "Ctrl+Shift+R",
                           self.reset_layout)
        self.act_night = a("actNight", self.tr("&Night theme"), "F9", self._on_theme_toggled,
                           checkable=True)
        self.act_night.blockSignals(True)
        self.act_night.setChecked(self.theme == "night")
        self.act_night.blockSignals(False)
        self.act_full = a("actFullScreen", self.tr("&Full screen"), "F11", self._toggle_full)
        self.act_clear_sel = a("actClearSelection", self.tr("Clear selection"), "Ctrl+D",
                               lambda: self.session.select_case(None))
        self.act_shortcuts = a("actShortcuts", self.tr("&Keyboard shortcuts"), "F1",
                               self.show_shortcuts)
        self.act_about = a("actAbout", self.tr("&About"), "Shift+F1", self._about)
        self.pane_actions: list[QAction] = []
        from console.panes import PANES

        keys = {s.key: s for s in PANES}
        for key, dock in self.docks.items():
            act = dock.toggleViewAction()
            act.setObjectName(f"actPane-{key}")
            spec = keys.get(key)
            if spec is not None:
                act.setShortcut(QKeySequence(spec.shortcut))
                act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            self.addAction(act)
            self.pane_actions.append(act)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        m = bar.addMenu(self.tr("&Console"))
        m.addAction(self.act_lock)
        m.addAction(self.act_save_layout)
        m.addSeparator()
        m.addAction(self.act_quit)
        v = bar.addMenu(self.tr("&View"))
        panes_menu = v.addMenu(self.tr("&Panes"))
        for act in self.pane_actions:
            panes_menu.addAction(act)
        v.addSeparator()
        v.addAction(self.act_layout_hd)
        v.addAction(self.act_layout_uhd)
        v.addAction(self.act_layout_small)
        v.addAction(self.act_layout_dual)
        v.addAction(self.act_reset)
        v.addSeparator()
        v.addAction(self.act_night)
        v.addAction(self.act_full)
        v.addAction(self.act_clear_sel)
        h = bar.addMenu(self.tr("&Help"))
        h.addAction(self.act_shortcuts)
        h.addAction(self.act_about)

    # ---- Public API

    def update_title(self) -> None:
        """Window title: the product, the post and the user."""
        s = self.session
        self.setWindowTitle(self.tr("Command Post — {post} — {user} ({role})").format(
            post=s.post_name, user=s.display_name, role=role_word(s.role)))
        read_only = self.tr("read-only")
        self.user_label.setText(f"{s.display_name} · {role_word(s.role)}"
                                + (f" · {read_only}" if s.read_only else ""))

    def set_link(self, status: LinkStatus | None) -> None:
        """Show the feed's link state (symbol and words, never colour alone)."""
        self.link = status
        state = status.state if status is not None else "offline"
        text = f"{LINK_SYMBOL.get(state, '?')} {link_word(state)}"
        if status is not None:
            if state == "reconnecting" and status.retry_in is not None:
                text += " " + self.tr("(retry in {s} s)").format(s=int(status.retry_in + 0.999))
            if state == "catching_up" and status.hub_latest > status.last_seq:
                text += f" ({status.last_seq}/{status.hub_latest})"
            tip = self.tr("Last event {seq}; reconnects {n}").format(
                seq=status.last_seq, n=status.reconnects)
            if status.error_kind and state != "live":
                tip += "\n" + link_problem(status.error_kind)
            self.link_label.setToolTip(tip)
        self.link_label.setText(text)
        self.link_label.setProperty("link", state)
        self.link_label.style().unpolish(self.link_label)
        self.link_label.style().polish(self.link_label)
        if status is None:
            return
        for key, pane in self.panes.items():
            if isinstance(pane, LinkListener):
                try:
                    pane.set_link(status)
                except Exception:
                    log.exception("pane %s set_link failed", key)

    def show_message(self, level: str, text: str) -> None:
        """Show a message for the officer in the status bar (errors stay longer)."""
        self.messages.append((level, text))
        del self.messages[:-100]
        symbol = "⚠ " if level == "error" else "✓ " if level == "info" else ""
        self.message_label.setText(symbol + text)
        self.message_label.setToolTip(text)
        self.message_label.setProperty("level", level)
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self._msg_timer.start(30_000 if level == "error" else 10_000)

    def lock(self, reason: str = IDLE) -> None:
        """Hide case data behind the password overlay (idle lock or expired session)."""
        if self.overlay.isVisible() and reason != EXPIRED:
            return
        self.idle.paused = True
        self._hidden_floating = [d for d in self.docks.values() if d.isFloating() and d.isVisible()]
        for d in self._hidden_floating:
            d.hide()
        for act in self.actions():
            if act not in (self.act_quit,):
                act.setEnabled(False)
        self.menuBar().setEnabled(False)
        self.overlay.engage(reason)

    @property
    def locked(self) -> bool:
        """Whether the lock overlay is up."""
        return self.overlay.isVisible()

    def apply_layout(self, kind: str) -> None:
        """Arrange the docks in the built-in layout ``kind`` (``hd``, ``uhd``, ``small``,
        ``dual``)."""
        self.kind = kind
        layouts.apply_builtin(self, self.docks, kind, max(self.width(), 800),
                              max(self.height(), 600), second=self.other_screen())
        for hook in self.layout_hooks:
            try:
                hook(kind)
            except Exception:
                log.exception("layout hook failed")
        alerts = self.docks.get("alerts")
        if alerts is not None:
            alerts.raise_()  # whatever the hooks tabbed, the alerts are the front tab

    def reset_layout(self) -> None:
        """Forget the saved layout and go back to the built-in one."""
        self.store.forget(self.session.username)
        self.apply_layout(self.kind)
        self.show_message("info", self.tr("Layout reset."))

    def save_layout(self) -> None:
        """Keep the current arrangement for this user."""
        self.store.save(self.session.username, self, self.kind)
        self.show_message("info", self.tr("Layout saved."))

    def restore_layout(self) -> bool:
        """Restore this user's saved layout; False when there is none, or when it no longer
        fits the screens (it is then forgotten and the built-in layout is used)."""
        kind = self.store.saved_kind(self.session.username)
        screens = [s.availableGeometry() for s in QGuiApplication.screens()]
        if not self.store.has(self.session.username):
            return False
        if not self.store.saved_fits(self.session.username, screens) \
                or not self.store.restore(self.session.username, self) \
                or not self.layout_fits():
            log.info("saved layout of %s does not fit the screens: dropped",
                     self.session.username)
            self.store.forget(self.session.username)
            self.show_message("info", self.tr("The saved layout does not fit this screen; "
                                              "the built-in layout is used."))
            return False
        if kind:
            self.kind = kind
        return True

    def layout_fits(self) -> bool:
        """Whether the window and its floating docks fit the screens there are."""
        screens = [s.availableGeometry() for s in QGuiApplication.screens()]
        return layouts.fits(self, self.docks, screens)

    def other_screen(self) -> QRect | None:
        """The available geometry of a screen other than the window's (None with one)."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return None
        mine = self.screen() if self.isVisible() else QGuiApplication.primaryScreen()
        for s in screens:
            if s is not mine:
                return s.availableGeometry()
        return None

    def show_shortcuts(self) -> None:
        """The Help → Keyboard shortcuts dialog (non-modal)."""
        dlg = ShortcutsDialog(self, self.shortcut_list())
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        self._shortcuts_dialog = dlg

    def shortcut_list(self) -> list[tuple[str, str]]:
        """``(what it does, key)`` of every window action and every pane's shortcut, read
        from the actions and shortcuts themselves (so the list cannot go stale)."""
        out: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()

        def add(text: str, key: str) -> None:
            if key and (text, key) not in seen:
                seen.add((text, key))
                out.append((text, key))

        native = QKeySequence.SequenceFormat.NativeText
        for act in self.actions():
            for seq in act.shortcuts():
                add(act.text().replace("&", ""), seq.toString(native))
        for sc in self.findChildren(QShortcut):
            if not sc.isEnabled():
                continue
            text = sc.whatsThis()
            pane = sc.parent()
            while pane is not None and not isinstance(pane, Pane):
                pane = pane.parent()
            if isinstance(pane, Pane):
                title = pane.title()
                text = f"{title}: {text}" if text else title
            add(text or self.tr("Window"), sc.key().toString(native))
        return out

    # ---- Events

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.locked:
            try:
                self.store.save(self.session.username, self, self.kind)
            except Exception:
                log.exception("saving the layout failed")
        self.idle.stop()
        self.sig_closing.emit()
        super().closeEvent(event)

    # ---- Internals

    def _on_pane_selected(self, case_id: str, watch: UserInputWatch, pane: Pane) -> None:
        """A pane says its current case changed: follow it only if the user did that.

        A rebuild (feed batch, tick, another pane's selection) or Qt moving a view's
        current row on its own never changes the case the window works on; the pane is
        told the shared selection again so its highlight agrees with it.
        """
        if not watch.active or self.session.in_background:
            self.selection_refused += 1
            if case_id != self.session.selected:
                QTimer.singleShot(0, lambda: self._resync(pane))
            return
        self.session.select_case(case_id or None)

    def go_to_case(self, case_id: str | None) -> None:
        """An explicit "go to" (command bar, alert banner): select ``case_id`` and show
        the queue and detail panes."""
        if case_id is not None and case_id not in self.session.state.cases:
            self.show_message("error", self.tr("{case} is not in this post's picture.").format(
                case=safe(case_id, 40)))
            return
        self.session.select_case(case_id)
        for key in ("detail",):
            dock = self.docks.get(key)
            if dock is not None:
                dock.show()
                dock.raise_()

    def _on_alarm(self, key: str) -> None:
        """A new alarm: the alerts (the pane ``key``) come to the front, and the taskbar
        entry asks for attention (the selection is left alone)."""
        dock = self.docks.get(key)
        if dock is not None and not self.locked:
            dock.show()
            dock.raise_()
        QtWidgets.QApplication.alert(self)

    def _flash_alerts(self, key: str, on: bool) -> None:
        """Flash the alerts' (the pane ``key``) dock title and tab while alarms ring."""
        dock, pane = self.docks.get(key), self.panes.get(key)
        if dock is not None and pane is not None:
            flash_dock(self, dock, pane, on)
        self.alerts_flash = on

    def _show_muted(self, muted: bool) -> None:
        self.muted_label.setText("✕ " + self.tr("Alarm sound off") if muted else "")
        self.muted_label.setVisible(muted)
        self.muted_label.setToolTip(self.tr("Turn it on in the alerts pane (Ctrl+M)"))

    def _resync(self, pane: Pane) -> None:
        with self.session.background():
            try:
                pane.on_selection(self.session.selected)
            except Exception:
                log.exception("pane %s failed on a selection", pane.pane_id)

    def _on_unit_activated(self, unit_id: str) -> None:
        """A unit activated (the workload's double-click): every UnitFilter (the queue)
        shows that unit's cases."""
        for key, pane in self.panes.items():
            if isinstance(pane, UnitFilter):
                try:
                    pane.filter_unit(unit_id)
                except Exception:
                    log.exception("pane %s filter_unit failed", key)

    def _verify_password(self, password: str, on_ok: Callable[[object], None],
                         on_error: Callable[[Exception], None]) -> None:
        api, user = self.session.api, self.session.username
        self.session.jobs.submit(lambda: api.login(user, password), on_ok, on_error)

    def _on_unlocked(self) -> None:
        for act in self.actions():
            act.setEnabled(True)
        self.act_lock.setEnabled(self.session.role != "wall")
        self.menuBar().setEnabled(True)
        for d in self._hidden_floating:
            d.show()
        self._hidden_floating = []
        self.idle.paused = False
        self.idle.touch()
        self.sig_relogged.emit()

    def _on_theme_toggled(self) -> None:
        self.theme = "night" if self.act_night.isChecked() else "day"
        self.sig_theme.emit(self.theme)

    def _toggle_full(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def _clear_message(self) -> None:
        self.message_label.clear()

    def _update_clock(self) -> None:
        from datetime import datetime

        self.clock_label.setText(datetime.now(self.session.zone).strftime("%Y-%m-%d %H:%M:%S"))

    def _about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About"))
        box.setText(self.tr("Command Post console — a live multi-pane command post for "
                            "duty officers."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()


def flash_dock(window: QMainWindow, dock: QDockWidget, pane: Any, on: bool) -> None:
    """One flash step of the alerts dock: ``◆ 预警 (n)`` / ``◇ 预警 (n)`` in its title and
    tab (the tab's text coloured while on), plain again once nothing rings."""
    base = pane.title()
    old = dock.windowTitle()
    ringing = pane.bell.ringing
    title = f"{'◆' if on else '◇'} {base} ({pane.alarm.count()})" if ringing else base
    if title == old and not (ringing or old != base):
        return
    dock.setWindowTitle(title)
    for bar in window.findChildren(QtWidgets.QTabBar):
        for i in range(bar.count()):
            if bar.tabText(i) in (old, title):
                bar.setTabText(i, title)
                bar.setTabTextColor(i, QColor("#D55E00") if on else QColor())


def follow_filter(source: CaseFilterSource, follower: CaseFilterFollower) -> None:
    """Make ``follower`` (the map) show the cases ``source`` (the queue) lets through, now
    and after every change of its filter."""
    def follow() -> None:
        follower.set_filter(source.filter_predicate(), source.filtered_ids())

    source.sig_filter_changed.connect(follow)
    follow()


class ShortcutsDialog(QDialog):
    """Lists every action and its key."""

    def __init__(self, parent: QWidget, rows: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QtWidgets.QTableWidget(len(rows), 2, self)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Key")])
        table.verticalHeader().hide()
        table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, (text, key) in enumerate(rows):
            table.setItem(i, 0, QtWidgets.QTableWidgetItem(text))
            table.setItem(i, 1, QtWidgets.QTableWidgetItem(key))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        lay.addWidget(buttons)
        self.resize(520, 480)
        self.table = table


def role_word(role: str) -> str:
    """Role name in the UI language (from the glossary)."""
    from widgets.common import current_lang

    return safe(glossary.word("role", role, current_lang()), 20)


def link_word(state: str) -> str:
    """Link state in the UI language (from the glossary)."""
    from widgets.common import current_lang

    return safe(glossary.word("link", state, current_lang()), 20)

