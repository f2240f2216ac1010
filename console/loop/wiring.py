"""Install the loop on a running console: panes, the "Loop" menu, buttons in the detail.

* panes: the inbox (every role with actions, Ctrl+Shift+I) and the assessment board
  (officer, supervisor, wall; Ctrl+Shift+K);
* a "Loop" (闭环) menu with what the role may do: Decide request… (Ctrl+Shift+D), Record
  callback… (Ctrl+Shift+B), Merge duplicate… (Ctrl+Shift+M), Close case… (Ctrl+Shift+C),
  Reopen case… (Ctrl+Shift+O) — each on the selected case;
* a row of the same buttons in the case detail, shown only when they apply to the case;
* on start, ``GET /categories`` tells 1.0 from 1.1 and switches the stage clocks on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from console.loop.commands import ASSESS_ROLES, loop_for
from console.loop.prompts import ask_callback, ask_close, ask_decide, ask_merge
from console.panes import PaneSpec
from console.session import Session
from widgets.qt import QAction, QHBoxLayout, QKeySequence, QObject, QPushButton, Qt, QWidget

log = logging.getLogger(__name__)


def extra_panes(ctx: Session) -> list[PaneSpec]:
    """The loop's panes for this session (the LoopActions are attached as ``ctx.loop``)."""
    loop_for(ctx)
    specs = []
    if not ctx.read_only:
        specs.append(PaneSpec("inbox", "console.loop.inbox", "Ctrl+Shift+I"))
    if ctx.role in ASSESS_ROLES:
        specs.append(PaneSpec("assessment", "console.loop.board", "Ctrl+Shift+K"))
    return specs


class LoopUi(QObject):
    """The loop's menu, detail buttons and dock placement on one console.

    Attributes:
        loop: the session's LoopActions.
        menu_actions: QActions of the Loop menu by name.
        buttons: the detail's buttons by command.
    """

    def __init__(self, console: Any) -> None:
        super().__init__(console)
        self.console = console
        self.window = window = console.window
        self.session = session = console.session
        self.loop = loop = loop_for(session)
        loop.dialog_parent = window
        self.menu_actions: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        #: the detail pane's row of loop buttons (None: no detail pane)
        self.bar: QWidget | None = None
        commands: list[tuple[str, str, str, Callable[[], object]]] = [
            ("decide", self.tr("&Decide request…"), "Ctrl+Shift+D", self.decide),
            ("callback", self.tr("Record &callback…"), "Ctrl+Shift+B", self.callback),
            ("merge", self.tr("&Merge duplicate…"), "Ctrl+Shift+M", self.merge),
            ("close", self.tr("C&lose case…"), "Ctrl+Shift+C", self.close),
            ("reopen", self.tr("Re&open case…"), "Ctrl+Shift+O", self.reopen),
        ]
        commands = [c for c in commands
                    if not session.read_only and _role_may(loop, c[0])]
        for name, text, key, slot in commands:
            act = QAction(text, window)
            act.setObjectName(f"actLoop-{name}")
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            act.triggered.connect(lambda _c=False, slot=slot: slot())
            window.addAction(act)
            self.menu_actions[name] = act
        if self.menu_actions:
            menu = window.menuBar().addMenu(self.tr("&Loop"))
            menu.setObjectName("loopMenu")
            for act in self.menu_actions.values():
                menu.addAction(act)
        self._install_detail_buttons(commands)
        window.layout_hooks.append(self.place_docks)
        session.sig_selection.connect(lambda _c: self.update_buttons())
        console.distributor.sig_changes.connect(lambda _cs: self.update_buttons())
        loop.deliver = console.distributor.deliver  # the stage-clock reset goes to every pane
        loop.sig_support.connect(lambda _s: self.update_buttons())
        session.sig_categories.connect(loop.learn)  # the shell fetches them, once

    # ---- Commands on the selected case

    def _target(self) -> str | None:
        cid = self.session.selected
        if cid is None:
            self.session.sig_message.emit("info", self.tr("Select a case first."))
        return cid

    def decide(self) -> bool:
        cid = self._target()
        return cid is not None and ask_decide(self.loop, cid, self.window)

    def callback(self) -> bool:
        cid = self._target()
        return cid is not None and ask_callback(self.loop, cid, self.window)

    def merge(self) -> bool:
        cid = self._target()
        return cid is not None and ask_merge(self.loop, cid, self.window)

    def close(self) -> bool:
        cid = self._target()
        return cid is not None and ask_close(self.loop, cid, self.window)

    def reopen(self) -> bool:
        cid = self._target()
        return cid is not None and ask_close(self.loop, cid, self.window, reopen=True)

    # ---- Detail buttons

    def _install_detail_buttons(self, commands: list) -> None:
        detail = self.window.panes.get("detail")
        layout = detail.layout() if detail is not None else None
        if layout is None or not commands:
            return
        bar = QWidget(detail)
        bar.setObjectName("loopButtons")
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 0, 8, 0)
        row.addStretch(1)
        texts = {"decide": self.tr("Decide request…"), "callback": self.tr("Record callback…"),
                 "merge": self.tr("Merge duplicate…"), "close": self.tr("Close…"),
                 "reopen": self.tr("Reopen…")}
        for name, _text, _key, slot in commands:
            b = QPushButton(texts[name], bar)
            b.setObjectName(f"loopButton-{name}")
            b.clicked.connect(lambda _c=False, slot=slot: slot())
            row.addWidget(b)
            self.buttons[name] = b
        layout.insertWidget(1, bar)
        self.bar = bar
        self.update_buttons()

    def update_buttons(self) -> None:
        """Show the detail's buttons that apply to the selected case."""
        case = self.session.state.cases.get(self.session.selected or "")
        any_shown = False
        for name, b in self.buttons.items():
            ok = self.loop.allowed(name, case)
            b.setVisible(ok)
            any_shown |= ok
        for name, act in self.menu_actions.items():
            act.setEnabled(self.loop.allowed(name, case) or case is None)
        if self.bar is not None:
            self.bar.setVisible(any_shown)

    # ---- Layout

    def place_docks(self, kind: str) -> None:
        """The inbox behind the calls, the board behind the map."""
        w = self.window
        for key, anchor in (("inbox", "calls"), ("assessment", "map")):
            dock = w.docks.get(key)
            if dock is None:
                continue
            target = w.docks.get(anchor)
            if target is not None and not target.isFloating():
                w.tabifyDockWidget(target, dock)
            else:
                w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.show()
            if target is not None:
                target.raise_()


def _role_may(loop: Any, what: str) -> bool:
    from console.loop.commands import _ROLES

    return loop.ctx.role in _ROLES.get(what, frozenset())


def install(console: Any) -> LoopUi:
    """Wire the loop into a running :class:`console.shell.Console`."""
    ui = LoopUi(console)
    console.loop_ui = ui
    return ui
