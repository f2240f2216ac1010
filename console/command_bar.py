"""The command bar (Ctrl+K or ``/``): type a case ID, a unit, a region or a command, with
completion, and Enter does it.

The language lives in :mod:`client.command_line`; this module is its window: a line edit
over a list of suggestions, opened over the main window. Going to a case is an explicit
user gesture (it changes the selection); urging and reassigning go through the same
confirmations as the menus, each naming the case by ID and title.

Threading: GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from client.command_line import Intent, complete, parse
from console.main_window import MainWindow
from console.session import Session
from widgets.actions_port import ActionsPort
from widgets.common import case_line
from widgets.pane_roles import UnitFilter
from widgets.qt import (
    QAction,
    QDialog,
    QEvent,
    QKeySequence,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QObject,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)
from widgets.text import safe

log = logging.getLogger(__name__)


class CommandBar(QDialog):
    """A one-line command window with suggestions.

    Args:
        window: the console's main window (the bar opens over it; it goes to cases and
            shows messages).
        session: the logged-in session (the picture, the scope).
        actions: the commands this console may give (None: none at all).
        ask_urge: asks for an urge's note and sends it, True once sent (the supervisor
            feature's ``CommandUi.ask_urge``); None: urging is not offered.

    Attributes:
        edit: the line.
        suggestions: the list of completions (Up/Down to move, Tab to complete).
        chosen: the intents chosen to carry out (for checks).
    """

    def __init__(self, window: MainWindow, session: Session, actions: ActionsPort | None,
                 ask_urge: Callable[[str | None], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("commandBar")
        self.main_window = window
        self.session = session
        self.commands = actions
        self.ask_urge = ask_urge
        self.chosen: list[Intent] = []
        self.setWindowTitle(self.tr("Command bar"))
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("commandBarEdit")
        self.edit.setPlaceholderText(self.tr(
            "Case ID, unit, region, or a command: 督办 CX-…, 改派 CX-… → unit"))
        self.edit.setClearButtonEnabled(True)
        self.suggestions = QListWidget(self)
        self.suggestions.setObjectName("commandBarList")
        self.suggestions.setUniformItemSizes(True)
        self.suggestions.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.edit)
        lay.addWidget(self.suggestions, 1)
        self.edit.textChanged.connect(self._refresh)
        self.edit.returnPressed.connect(self.run)
        self.edit.installEventFilter(self)
        self.suggestions.itemActivated.connect(self._on_item)
        self.suggestions.itemClicked.connect(self._on_item)

    # ---- Public API

    def open_bar(self, text: str = "") -> None:
        """Show the bar over the window with ``text`` typed."""
        w = self.main_window
        width = min(760, max(420, w.width() // 2))
        self.resize(width, 360)
        geo = w.geometry()
        self.move(geo.x() + (geo.width() - width) // 2, geo.y() + 80)
        self.edit.setText(text)
        self._refresh()
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def run(self) -> bool:
        """Carry out the chosen suggestion (or the typed line); False when it means nothing."""
        item = self.suggestions.currentItem()
        intent = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(intent, Intent):
            intent = self._parse()
        if intent is None or (intent.kind == "reassign" and intent.unit_id is None):
            if item is not None:
                self.edit.setText(item.data(Qt.ItemDataRole.UserRole + 1))
                return False
            self.main_window.show_message("info", self.tr("Nothing matches “%1”.")
                                             .replace("%1", safe(self.edit.text(), 40)))
            return False
        self.hide()
        self.chosen.append(intent)
        return self.carry_out(intent)

    def carry_out(self, intent: Intent) -> bool:
        """Do what ``intent`` asks (confirmations included)."""
        window, session, commands = self.main_window, self.session, self.commands
        if intent.kind == "case":
            window.go_to_case(intent.case_id)
            return True
        if intent.kind == "unit":
            queue = window.panes.get("queue")
            if isinstance(queue, UnitFilter):
                queue.filter_unit(intent.unit_id)
                window.docks["queue"].raise_()
            return True
        if intent.kind == "region":
            session.select_region(intent.region_id)
            return True
        if intent.kind == "urge":
            if self.ask_urge is None or commands is None or not commands.can("urge"):
                window.show_message("error", self.tr("Your role cannot urge cases."))
                return False
            window.go_to_case(intent.case_id)
            return bool(self.ask_urge(intent.case_id))
        if intent.kind == "reassign":
            if commands is None or not commands.can("assign"):
                window.show_message("error", self.tr("Only a supervisor can reassign cases."))
                return False
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reassign"),
                              self.tr("Reassign {case} to {unit}?").format(
                                  case=case_line(session.state, intent.case_id),
                                  unit=session.unit_name(intent.unit_id)),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                              window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setDefaultButton(QMessageBox.StandardButton.Yes)
            try:
                if box.exec() != QMessageBox.StandardButton.Yes:
                    return False
            finally:
                box.deleteLater()
            window.go_to_case(intent.case_id)
            cases = [intent.case_id] if intent.case_id else []
            return commands.reassign(cases, intent.unit_id or "") > 0
        return False

    def make_keys(self) -> tuple[QAction, QShortcut]:
        """The window's "Command bar…" action (Ctrl+K) and its ``/`` shortcut."""
        window = self.main_window
        act = window._action("actCommandBar", self.tr("Command &bar…"), "Ctrl+K",
                             lambda: self.open_bar())
        slash = QShortcut(QKeySequence("/"), window)
        slash.setContext(Qt.ShortcutContext.WindowShortcut)
        slash.setWhatsThis(self.tr("Command bar"))
        slash.activated.connect(lambda: self.open_bar())
        return act, slash

    # ---- Internals

    def _parse(self) -> Intent | None:
        session = self.session
        return parse(session.state, session.region_index(), self.edit.text())

    def _refresh(self) -> None:
        session = self.session
        self.suggestions.clear()
        for s in complete(session.state, session.region_index(), self.edit.text(), 12):
            item = QListWidgetItem(safe(s.label, 120), self.suggestions)
            item.setData(Qt.ItemDataRole.UserRole, s.intent)
            item.setData(Qt.ItemDataRole.UserRole + 1, s.line)
        if self.suggestions.count():
            self.suggestions.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            n = self.suggestions.count()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and n:
                row = self.suggestions.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.suggestions.setCurrentRow(max(0, min(n - 1, row)))
                return True
            if key == Qt.Key.Key_Tab and n:
                item = self.suggestions.currentItem() or self.suggestions.item(0)
                self.edit.setText(item.data(Qt.ItemDataRole.UserRole + 1))
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return False

    def _on_item(self, item: QListWidgetItem) -> None:
        self.suggestions.setCurrentItem(item)
        self.run()


def install(window: MainWindow, session: Session, actions: ActionsPort | None,
            ask_urge: Callable[[str | None], bool] | None = None) -> CommandBar:
    """Add the command bar to a console's window: Ctrl+K and ``/`` open it (``/`` only
    outside text fields, which keep the character)."""
    bar = CommandBar(window, session, actions, ask_urge, window)
    act, slash = bar.make_keys()
    menus = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    if menus:
        first = menus[0].actions()
        if first:
            menus[0].insertAction(first[0], act)
        else:
            menus[0].addAction(act)
    window.command_bar = bar
    window.act_command_bar = act
    return bar
