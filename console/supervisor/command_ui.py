"""The supervisor's commands on a running console: the "Actions" menu, the drag-and-drop
wiring, context commands, the undo notice, and the feature's added panes.

:func:`install` is called by :class:`console.shell.Console` once the window exists;
:func:`extra_panes` lists the panes this feature adds (dispatch board, whistles and calls,
the audit tail for supervisors, and the loop's panes).

Threading: GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from client.dispatch import suggest_unit
from console.panes import PaneSpec
from console.session import Session
from console.supervisor import drag_and_drop
from console.supervisor.actions import AUDIT_ROLES, actions_for
from console.supervisor.reassign_dialogs import UndoNotice, UnitPicker
from console.supervisor.whistles import NoteDialog, WhistlesPane
from widgets.calls import CallsPane
from widgets.common import case_line
from widgets.qt import QAction, QKeySequence, QMessageBox, QObject, Qt
from widgets.text import safe

log = logging.getLogger(__name__)


def extra_panes(ctx: Session) -> tuple:
    """The panes this module adds to the console (the audit tail for supervisors only)."""
    specs = [PaneSpec("dispatch", "console.supervisor.dispatch_board", "Ctrl+8"),
             PaneSpec("whistles", "console.supervisor.whistles", "Ctrl+9")]
    if not ctx.read_only and ctx.role in AUDIT_ROLES:
        specs.append(PaneSpec("audit", "widgets.audit_tail", "Ctrl+Shift+A"))
    from console.loop import wiring as loop_wiring  # protocol 1.1: inbox, assessment board

    specs.extend(loop_wiring.extra_panes(ctx))
    return tuple(specs)


class CommandUi(QObject):
    """Installs the actions on a running console from outside its panes.

    * an "Actions" menu with shortcuts, only with what the role may do: Reassign to…
      (Ctrl+R), Undo reassignment (Ctrl+Z), Urge… (Ctrl+Shift+U), Blow the whistle…
      (Ctrl+Shift+W), Video call… (Ctrl+Shift+V), End video call (Ctrl+Shift+E);
    * the drop targets and drag sources every pane declares (``Pane.drop_targets()``,
      ``Pane.drag_sources()``: the workload and dispatch units, the alerts list);
    * an "Urge" context command on the alerts pane and "End video call"/"Video call…"
      on the calls pane (``Pane.add_context_command``);
    * the undo notice in the status bar;
    * the added docks placed by the built-in layouts, with their shortcuts.

    Attributes:
        actions: the session's Actions.
        notice: the undo notice.
        drop_filters: the installed drop targets (workload, dispatch board units).
        drag_starters: the installed drag sources (the alerts list).
        menu_actions: the QActions of the Actions menu by name.
    """

    def __init__(self, console: Any) -> None:
        super().__init__(console)
        self.console = console
        window = console.window
        session = console.session
        self.window = window
        self.session = session
        self.actions = actions_for(session)
        self.actions.dialog_parent = window
        distributor = console.distributor
        distributor.sig_changes.connect(self.actions.on_changes)
        # Once the hub accepted an assign, the feed is pumped every few ms (instead of the
        # bridge's 100 ms) until it shows the change: the operator is waiting for it.
        self.actions.sig_answered.connect(
            lambda _cid: distributor.expedite(self.actions.awaiting_feed))

        self.notice = UndoNotice(window)
        window.statusBar().addPermanentWidget(self.notice)
        self.actions.sig_notice.connect(self.notice.show_notice)
        self.notice.sig_undo.connect(self.actions.undo)

        # Drop targets and drag sources, as the panes declare them.
        dnd = drag_and_drop.install(window.panes.values(), self.actions, session.state)
        self.drop_filters = dnd.drop_filters
        self.drag_starters = dnd.drag_starters

        # The Actions menu: only what the role may do.
        self.menu_actions: dict[str, QAction] = {}

        def add(name: str, text: str, key: str, slot: Callable[[], object]) -> QAction:
            act = QAction(text, window)
            act.setObjectName(name)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            act.triggered.connect(lambda _checked=False: slot())
            window.addAction(act)
            self.menu_actions[name] = act
            return act

        if self.actions.can("assign"):
            add("actReassign", self.tr("&Reassign to…"), "Ctrl+R", self.ask_reassign)
            add("actUndoReassign", self.tr("&Undo reassignment"), "Ctrl+Z", self.actions.undo)
        if self.actions.can("urge"):
            add("actUrge", self.tr("U&rge…"), "Ctrl+Shift+U", self.ask_urge)
        if self.actions.can("whistle"):
            add("actWhistle", self.tr("Blow the &whistle…"), "Ctrl+Shift+W", self.ask_whistle)
        if self.actions.can("call"):
            add("actCall", self.tr("&Video call…"), "Ctrl+Shift+V", self.ask_call)
            add("actEndCall", self.tr("&End video call"), "Ctrl+Shift+E", self.ask_end_call)
        if self.menu_actions:
            menu = window.menuBar().addMenu(self.tr("&Actions"))
            menu.setObjectName("actionsMenu")
            for act in self.menu_actions.values():
                menu.addAction(act)

        # Context commands, where the panes put them.
        alerts = window.panes.get("alerts")
        if alerts is not None and "actUrge" in self.menu_actions:
            alerts.add_context_command(self.tr("Urge the holding unit…"),
                                       lambda: self.ask_urge(self._alert_current()))
        calls = window.panes.get("calls")
        if calls is not None and "actEndCall" in self.menu_actions:
            calls.add_context_command(self.tr("End video call"), self.ask_end_call)
            calls.add_context_command(self.tr("Video call…"), self.ask_call)

        # Dock shortcuts and placement of the added panes.
        specs = {s.key: s for s in extra_panes(session)}
        for key, spec in specs.items():
            dock = window.docks.get(key)
            if dock is None:
                continue
            act = dock.toggleViewAction()
            act.setObjectName(f"actPane-{key}")
            act.setShortcut(QKeySequence(spec.shortcut))
            act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            window.addAction(act)
        window.layout_hooks.append(self.place_docks)

    # ---- Layout

    def place_docks(self, kind: str) -> None:
        """Put the added docks beside the built-in ones (tabs behind related panes)."""
        w = self.window
        docks = w.docks
        if kind == "dual":
            return  # the two-screen layout places every dock itself
        for key, anchor in (("dispatch", "workload"), ("whistles", "calls"),
                            ("audit", "ticker")):
            dock = docks.get(key)
            if dock is None:
                continue
            target = docks.get(anchor)
            if target is not None and not target.isFloating():
                w.tabifyDockWidget(target, dock)
            else:
                w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.show()
        for anchor in ("workload", "ticker", "alerts"):  # the alerts in front of calls
            if anchor in docks:
                docks[anchor].raise_()

    # ---- Targets

    def selected_cases(self) -> list[str]:
        """The cases the global actions act on: the queue's selection or the shared one."""
        sel = self.session.selected
        for key in ("dispatch", "queue"):
            pane = self.window.panes.get(key)
            if pane is None:
                continue
            try:
                chosen = pane.selected_ids()
            except Exception:
                log.exception("selected_ids failed")
                continue
            if sel is not None and sel in chosen:
                return chosen
        return [sel] if sel is not None else []

    def _alert_current(self) -> str | None:
        alerts = self.window.panes.get("alerts")
        cid = alerts.current_case() if alerts is not None else None
        return cid or self.session.selected

    def _call_current(self) -> str | None:
        calls = self.window.panes.get("calls")
        if isinstance(calls, CallsPane):
            cid = calls.current_call()
            if cid is not None:
                return cid
        active = list(self.session.state.calls)
        return active[0] if len(active) == 1 else None

    # ---- Interactive commands

    def ask_reassign(self) -> int:
        """Ctrl+R: pick a unit (type-ahead) for the selected cases."""
        ids = [c for c in self.selected_cases() if c in self.session.state.cases]
        if not ids:
            self.actions._say("info", self.tr("Select a case first."))
            return 0
        case = self.session.state.cases[ids[0]]
        picker = UnitPicker(self.session, ids, suggest_unit(self.session.state, case),
                            self.window)
        try:
            if picker.exec() != UnitPicker.DialogCode.Accepted or picker.unit_id is None:
                return 0
            return self.actions.reassign(ids, picker.unit_id)
        finally:
            picker.deleteLater()

    def ask_urge(self, case_id: str | None = None) -> bool:
        """Ctrl+Shift+U: urge the selected case, with an optional note."""
        cid = case_id or self.session.selected
        if cid is None:
            self.actions._say("info", self.tr("Select a case first."))
            return False
        dlg = NoteDialog(self.tr("Urge (督办)"),
                         self.tr("Send a reminder about {case} to the unit holding it.")
                         .format(case=case_line(self.session.state, cid)), self.window)
        try:
            if dlg.exec() != NoteDialog.DialogCode.Accepted:
                return False
            return self.actions.urge(cid, dlg.note())
        finally:
            dlg.deleteLater()

    def ask_whistle(self) -> bool:
        """Ctrl+Shift+W: blow the whistle for the selected case."""
        pane = self.window.panes.get("whistles")
        if not isinstance(pane, WhistlesPane):
            return False
        return bool(pane.blow(self.session.selected))

    def ask_call(self) -> bool:
        """Ctrl+Shift+V: open a video call for the selected case."""
        pane = self.window.panes.get("whistles")
        if not isinstance(pane, WhistlesPane):
            return False
        return bool(pane.call(self.session.selected))

    def ask_end_call(self) -> bool:
        """Ctrl+Shift+E: end the selected call after confirming."""
        call_id = self._call_current()
        call = self.session.state.calls.get(call_id) if call_id else None
        if call is None or call_id is None:
            self.actions._say("info", self.tr("Select a call in the calls pane first."))
            return False
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("End video call"),
                          self.tr("End the video call “{title}” for everyone?").format(
                              title=safe(call.get("title"), 80)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        try:
            if box.exec() != QMessageBox.StandardButton.Yes:
                return False
        finally:
            box.deleteLater()
        return self.actions.end_call(call_id)


def install(console: Any) -> CommandUi:
    """Wire the supervisor's commands into a running :class:`console.shell.Console` (see
    CommandUi), then the loop's."""
    ui = CommandUi(console)
    console.command_ui = ui
    from console.loop import wiring as loop_wiring

    loop_wiring.install(console)
    return ui
