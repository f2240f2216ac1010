"""Supervisor and officer commands: reassign (drag and drop or picker), undo, urge, whistle,
video calls — each quick, honest about conflicts, and harmless when it fails.

:class:`Actions` is the one place that turns what the operator asked for into hub commands.
It checks the role *before* any request (an officer's drop sends nothing), skips what would
change nothing (dropping a case on the unit that holds it), keeps the cases with a command
on the way in an :class:`InFlight` set that panes can query ("assigning…"), and waits for
the feed to show the new version before it says "done" — the State is never changed
locally: a failure (403, 404, 409, 422, 429, 5xx, timeout, hub down) leaves the picture as
the feed made it and says why in words. A 409 on a reassignment opens a
:class:`widgets.reassign.ConflictDialog` with the case the supervisor saw beside the
hub's current one; the supervisor retries against the new version or drops it. A
reassignment can be undone within ``client.dispatch.UNDO_WINDOW_S`` seconds (the reverse
assign, with the new version).

Panes reach the Actions through ``ctx.actions`` (an optional attribute of the
:class:`console.session.Session`; ``None`` means "no actions", as in a wall console), so
``widgets/`` never imports ``console/``.

Threading: GUI thread only; the commands run on the session's job pool.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from client.dispatch import Reassignment, suggest_unit
from client.errors import ConflictError
from client.protocol import NOTHING, Case
from client.state import ChangeSet
from console.panes import PaneSpec
from widgets.common import case_line
from widgets.qt import QAction, QKeySequence, QMessageBox, QObject, Qt, QTimer, QWidget, Signal
from widgets.reassign import CaseDragStarter, ConflictDialog, UndoNotice, UnitDropFilter, UnitPicker
from widgets.text import safe
from widgets.whistles import NoteDialog

log = logging.getLogger(__name__)

#: who may do what (the hub enforces the same; the console hides the rest)
ASSIGN_ROLES = frozenset({"supervisor"})
URGE_ROLES = frozenset({"officer", "supervisor"})
CALL_ROLES = frozenset({"officer", "supervisor"})
WHISTLE_ROLES = frozenset({"supervisor"})
AUDIT_ROLES = frozenset({"supervisor"})
_ROLES = {"assign": ASSIGN_ROLES, "urge": URGE_ROLES, "call": CALL_ROLES,
          "whistle": WHISTLE_ROLES, "audit": AUDIT_ROLES}

#: after the hub said yes, how long to wait for the feed to show it before giving up
CONFIRM_TIMEOUT_S = 30.0
#: how often the feed is pumped while an accepted assign waits for it (ms)
EXPEDITE_MS = 5
#: ... for at most this long after an answer (a silent feed falls back to the bridge's pace)
EXPEDITE_FOR_S = 2.0
#: how many replaced case versions are kept for conflict dialogs
KEEP_VERSIONS = 5000
#: at most this many cases urged at once from a unit
MAX_UNIT_URGES = 20


@dataclass
class Pending:
    """One assign on the way.

    Attributes:
        case_id / unit_id: the case and the unit it goes to.
        expected_version: the version the request names.
        seen: the case as the supervisor saw it (for the conflict dialog).
        previous_unit_id: who held it when the request left.
        undo: this is the reverse of an earlier reassignment.
        started: monotonic time the request left.
        answered_version: the version in the hub's answer (None until answered).
        answered_at: monotonic time of the answer.
    """

    case_id: str
    unit_id: str
    expected_version: int | None
    seen: Mapping[str, Any]
    previous_unit_id: str | None
    undo: bool = False
    started: float = field(default_factory=time.monotonic)
    answered_version: int | None = None
    answered_at: float | None = None


class InFlight:
    """The cases with an assign on the way (plain Python; panes query it).

    A case enters when its request leaves and leaves when the feed shows the change, the
    hub refuses it, or the feed stays silent for ``CONFIRM_TIMEOUT_S`` after the answer.
    Listeners are called with no arguments after every change.
    """

    def __init__(self) -> None:
        self._items: dict[str, Pending] = {}
        self._listeners: list[Callable[[], None]] = []

    def __contains__(self, case_id: object) -> bool:
        return case_id in self._items

    def __len__(self) -> int:
        return len(self._items)

    def get(self, case_id: str) -> Pending | None:
        """The pending assign of ``case_id`` (None when there is none)."""
        return self._items.get(case_id)

    def ids(self) -> set[str]:
        """Ids of the cases in flight."""
        return set(self._items)

    def target_of(self, case_id: str) -> str | None:
        """The unit a case in flight is going to."""
        p = self._items.get(case_id)
        return p.unit_id if p else None

    def count_for(self, unit_id: str) -> int:
        """How many cases are on their way to ``unit_id``."""
        return sum(1 for p in self._items.values() if p.unit_id == unit_id)

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after every change."""
        self._listeners.append(listener)

    def add(self, p: Pending) -> None:
        self._items[p.case_id] = p
        self._notify()

    def discard(self, case_id: str) -> Pending | None:
        p = self._items.pop(case_id, None)
        if p is not None:
            self._notify()
        return p

    def _notify(self) -> None:
        for fn in list(self._listeners):
            try:
                fn()
            except Exception:
                log.exception("in-flight listener failed")


class Actions(QObject):
    """Command orchestration for one session (see the module docstring).

    Attributes:
        ctx: the session (a PaneContext with ``api``-free ``run_command``).
        inflight: the cases with an assign on the way.
        undo_list: the reassignments of the last drop or pick (undoable for 10 s).
        dialog_parent: parent of the dialogs (the main window once installed).
        requests: how many commands were handed to the hub (for checks).

    Signals:
        sig_inflight(): the in-flight set changed.
        sig_notice(str, bool): a transient notice ``(text, undoable)`` (undoable: offer Undo).
        sig_answered(str): the hub accepted an assign of case ``id``; the feed will show it.
        sig_confirmed(str, str): the feed shows case ``id`` with unit ``unit_id``.
    """

    sig_inflight = Signal()
    sig_answered = Signal(str)
    sig_notice = Signal(str, bool)
    sig_confirmed = Signal(str, str)

    def __init__(self, ctx: Any, parent: QObject | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inflight = InFlight()
        self.inflight.subscribe(self.sig_inflight.emit)
        self.undo_list: list[Reassignment] = []
        self.dialog_parent: QWidget | None = None
        self.requests = 0
        self._clock = clock
        self._refs: dict[str, dict] = {}  # the State's case dicts as of the last change set
        self._older: OrderedDict[tuple[str, object], dict] = OrderedDict()
        self._conflicts: deque[tuple[Pending, Case]] = deque()
        self._in_dialog = False
        self._sent_urges: dict[str, float] = {}
        self._sweeper = QTimer(self)
        self._sweeper.setObjectName("actionsSweeper")
        self._sweeper.setInterval(1000)
        self._sweeper.timeout.connect(self._sweep)

    # ---- Roles

    def can(self, what: str) -> bool:
        """Whether this console may ``assign``, ``urge``, ``call``, ``whistle`` or ``audit``."""
        if getattr(self.ctx, "read_only", True):
            return False
        return getattr(self.ctx, "role", "") in _ROLES.get(what, frozenset())

    # ---- Reassignment

    def reassign(self, items: Iterable[dict | str], unit_id: str, note: str = "") -> int:
        """Assign each case of ``items`` to ``unit_id``; return how many requests left.

        Args:
            items: ``{"id", "version"}`` dicts (a drag's payload) or bare case ids; the
                version is the one the supervisor saw and becomes ``expected_version``.
            unit_id: the unit dropped on or picked.
        """
        if not self.can("assign"):
            self.refuse_assign()
            return 0
        state = self.ctx.state
        sent = same = busy = 0
        missing: list[str] = []
        for item in items:
            cid, version = _item(item)
            if cid is None:
                continue
            case = state.cases.get(cid)
            if case is None:
                missing.append(cid)
                continue
            if cid in self.inflight:
                busy += 1
                continue
            if case.get("unit_id") == unit_id:
                same += 1
                continue
            if version is None:
                version = case.get("version") if type(case.get("version")) is int else None
            holder = case.get("unit_id")
            self._send(Pending(cid, unit_id, version, self.seen_as(cid, version),
                               holder if isinstance(holder, str) else None))
            sent += 1
        if sent:
            self.undo_list = []  # a new reassignment replaces what could be undone
        unit = self._unit(unit_id)
        if same and not sent:
            self._say("info", self.tr("Already with {unit}: nothing to do.").format(unit=unit))
        if busy and not sent:
            self._say("info", self.tr("Still assigning; wait for the feed to confirm."))
        if missing:
            self._say("error", self.tr("{case} is no longer in this post's picture; "
                                       "nothing was sent for it.").format(
                case=", ".join(safe(c, 40) for c in missing[:3])))
        return sent

    def refuse_assign(self) -> None:
        """Say why this console does not reassign (a drop or drag was refused)."""
        self._say("error", self.tr("Only a supervisor can reassign cases; nothing was sent."))

    def undo(self) -> int:
        """Reverse the last reassignments still inside the undo window; return requests sent."""
        if not self.can("assign"):
            return 0
        now = self._clock()
        todo = [r for r in self.undo_list if r.undoable(now)]
        self.undo_list = []
        if not todo:
            self._say("info", self.tr("Nothing to undo (a reassignment can be undone for "
                                      "10 seconds)."))
            return 0
        sent = 0
        for r in todo:
            case = self.ctx.state.cases.get(r.case_id) or {"id": r.case_id}
            if r.case_id in self.inflight or r.previous_unit_id is None:
                continue
            self._send(Pending(r.case_id, r.previous_unit_id, r.version, dict(case),
                               r.new_unit_id, undo=True))
            sent += 1
        return sent

    def awaiting_feed(self) -> bool:
        """Whether an accepted assign still waits for the feed to show it."""
        return any(p.answered_version is not None
                   for p in (self.inflight.get(c) for c in self.inflight.ids()) if p)

    def can_undo(self) -> bool:
        """Whether an undo would send something now."""
        now = self._clock()
        return any(r.undoable(now) for r in self.undo_list)

    # ---- Urge, whistle, calls

    def urge(self, case_id: str, note: str = "") -> bool:
        """Send a reminder (督办) to the unit holding ``case_id``; False when refused here."""
        if not self.can("urge"):
            self._say("error", self.tr("Your role cannot urge cases; nothing was sent."))
            return False
        case = self.ctx.state.cases.get(case_id)
        if case is None or not isinstance(case.get("unit_id"), str) \
                or case.get("status") == "closed":
            self._say("error", self.tr("Only an open case held by a unit can be urged."))
            return False
        self._sent_urges[case_id] = time.monotonic()
        self._run(self.tr("Urge {case}").format(case=safe(case_id, 40)),
                  lambda api: api.urge(case_id, note))
        return True

    def recent_urges(self, within_s: float = 60.0) -> list[str]:
        """Cases this console urged in the last ``within_s`` seconds (the alerts pane does
        not ring "urge received" for them)."""
        limit = time.monotonic() - within_s
        for cid in [c for c, t in self._sent_urges.items() if t < limit]:
            del self._sent_urges[cid]
        return list(self._sent_urges)

    def urge_unit(self, unit_id: str, note: str = "") -> int:
        """Urge the overdue cases ``unit_id`` holds (at most ``MAX_UNIT_URGES``)."""
        if not self.can("urge"):
            self._say("error", self.tr("Your role cannot urge cases; nothing was sent."))
            return 0
        state = self.ctx.state
        ids = [cid for cid in state.overdue_ids()
               if (state.cases.get(cid) or NOTHING).get("unit_id") == unit_id][:MAX_UNIT_URGES]
        if not ids:
            self._say("info", self.tr("{unit} has no overdue cases to urge.").format(
                unit=self._unit(unit_id)))
            return 0
        for cid in ids:
            self._sent_urges[cid] = time.monotonic()
            self._run(self.tr("Urge {case}").format(case=safe(cid, 40)),
                      lambda api, cid=cid: api.urge(cid, note))
        return len(ids)

    def whistle(self, case_id: str, unit_ids: list[str], minutes: int, note: str = "",
                on_ok: Callable[[Any], None] | None = None) -> bool:
        """Blow the whistle (吹哨报到): summon ``unit_ids`` to ``case_id`` within ``minutes``."""
        if not self.can("whistle"):
            self._say("error", self.tr("Only a supervisor can blow the whistle; nothing was sent."))
            return False
        if not unit_ids:
            self._say("error", self.tr("Choose at least one unit to summon."))
            return False
        self._run(self.tr("Whistle for {case}").format(case=safe(case_id, 40)),
                  lambda api: api.whistle(case_id, list(unit_ids), int(minutes), note), on_ok)
        return True

    def start_call(self, title: str, case_id: str | None, unit_ids: list[str],
                   on_ok: Callable[[Any], None] | None = None) -> bool:
        """Open a video call (云视讯) for a case (or the post) with ``unit_ids``."""
        if not self.can("call"):
            self._say("error", self.tr("Your role cannot open video calls; nothing was sent."))
            return False
        self._run(self.tr("Start video call"),
                  lambda api: api.start_call(title, case_id, list(unit_ids)), on_ok)
        return True

    def end_call(self, call_id: str) -> bool:
        """End a video call (it stays in its case's history)."""
        if not self.can("call"):
            self._say("error", self.tr("Your role cannot end video calls; nothing was sent."))
            return False
        self._run(self.tr("End video call"), lambda api: api.end_call(call_id))
        return True

    # ---- Feed

    def seen_as(self, case_id: str, version: int | None) -> dict[str, Any]:
        """The case as it was at ``version`` (what a drag begun earlier showed), if known."""
        case = self.ctx.state.cases.get(case_id) or {"id": case_id}
        if version is None or case.get("version") == version:
            return dict(case)
        old = self._older.get((case_id, version))
        return dict(old) if old is not None else {"id": case_id, "version": version}

    def on_changes(self, changes: ChangeSet) -> None:
        """Remember replaced case versions; confirm in-flight assigns the feed now shows.

        Connect it to the bridge's merged change sets.
        """
        self._remember(changes)
        if not len(self.inflight):
            return
        if getattr(changes, "reset", False):
            ids = self.inflight.ids()
        else:
            ids = self.inflight.ids() & (changes.cases_changed | changes.cases_added
                                         | changes.cases_removed)
        for cid in ids:
            self._check_confirmed(cid)

    # ---- Internals

    def _remember(self, changes: ChangeSet) -> None:
        cases = self.ctx.state.cases
        if getattr(changes, "reset", False):
            self._refs = dict(cases)
            self._older.clear()
            return
        for cid in changes.cases_removed:
            self._refs.pop(cid, None)
        for cid in changes.cases_changed | changes.cases_added:
            new = cases.get(cid)
            old = self._refs.get(cid)
            if old is not None and old is not new:
                self._older[(cid, old.get("version"))] = old
                if len(self._older) > KEEP_VERSIONS:
                    self._older.popitem(last=False)
            if new is not None:
                self._refs[cid] = new

    def _say(self, level: str, text: str) -> None:
        emit = getattr(self.ctx, "sig_message", None)
        if emit is not None:
            emit.emit(level, text)
        else:
            log.info("%s: %s", level, text)

    def _unit(self, unit_id: str | None) -> str:
        return safe(self.ctx.unit_name(unit_id), 40) if unit_id else self.tr("no unit")

    def _run(self, label: str, fn: Callable, on_ok: Callable | None = None,
             on_error: Callable | None = None) -> None:
        self.requests += 1
        self.ctx.run_command(label, fn, on_ok, on_error)

    def _send(self, p: Pending) -> None:
        self.inflight.add(p)
        if not self._sweeper.isActive():
            self._sweeper.start()
        cid, unit, version = p.case_id, p.unit_id, p.expected_version
        label = (self.tr("Undo: back to {unit} ({case})") if p.undo
                 else self.tr("Assign {case} to {unit}")).format(
            case=safe(cid, 40), unit=self._unit(unit))
        self._run(label, lambda api: api.assign(cid, unit, expected_version=version),
                  lambda case: self._on_assigned(p, case), lambda exc: self._on_failed(p, exc))

    def _on_assigned(self, p: Pending, case: Case) -> None:
        if self.inflight.get(p.case_id) is not p:
            return
        version = case.get("version") if isinstance(case, dict) else None
        p.answered_version = version if type(version) is int else (p.expected_version or 0) + 1
        p.answered_at = time.monotonic()
        self.sig_answered.emit(p.case_id)
        if not p.undo and p.previous_unit_id is not None:
            self.undo_list.append(Reassignment(p.case_id, p.previous_unit_id, p.unit_id,
                                               p.answered_version, self._clock()))
            n = len(self.undo_list)
            text = (self.tr("{case} reassigned to {unit}.").format(
                case=safe(p.case_id, 40), unit=self._unit(p.unit_id)) if n == 1
                else self.tr("{n} cases reassigned to {unit}.").format(
                    n=n, unit=self._unit(p.unit_id)))
            self.sig_notice.emit(text + " " + self.tr("Undo: Ctrl+Z (10 s)"), True)
        self._check_confirmed(p.case_id)

    def _on_failed(self, p: Pending, exc: Exception) -> None:
        if self.inflight.get(p.case_id) is p:
            self.inflight.discard(p.case_id)
        if isinstance(exc, ConflictError) and isinstance(exc.current_case, dict):
            self._conflicts.append((p, exc.current_case))
            QTimer.singleShot(0, self._show_conflicts)

    def _check_confirmed(self, cid: str) -> None:
        p = self.inflight.get(cid)
        if p is None or p.answered_version is None:
            return
        case = self.ctx.state.cases.get(cid)
        version = case.get("version") if case else None
        if case is None or type(version) is not int or version < p.answered_version:
            return
        self.inflight.discard(cid)
        if case.get("unit_id") == p.unit_id:
            self.sig_confirmed.emit(cid, p.unit_id)
            self._say("info", self.tr("{case} is now with {unit} (confirmed by the feed).")
                      .format(case=safe(cid, 40), unit=self._unit(p.unit_id)))

    def _sweep(self) -> None:
        now = time.monotonic()
        for cid in self.inflight.ids():
            p = self.inflight.get(cid)
            if p is not None and p.answered_at is not None \
                    and now - p.answered_at > CONFIRM_TIMEOUT_S:
                self.inflight.discard(cid)
                self._say("info", self.tr("The hub accepted {case}, but the feed has not shown "
                                          "it yet; check the link.").format(case=safe(cid, 40)))
        if not len(self.inflight):
            self._sweeper.stop()

    def _show_conflicts(self) -> None:
        if self._in_dialog:
            return
        self._in_dialog = True
        try:
            while self._conflicts:
                p, current = self._conflicts.popleft()
                dlg = ConflictDialog(self.ctx, p.seen, current, p.unit_id, self.dialog_parent)
                retry = dlg.exec() == ConflictDialog.DialogCode.Accepted
                dlg.deleteLater()
                if not retry:
                    self._say("info", self.tr("{case}: left as it is now.").format(
                        case=safe(p.case_id, 40)))
                    continue
                if current.get("unit_id") == p.unit_id:
                    self._say("info", self.tr("Already with {unit}: nothing to do.").format(
                        unit=self._unit(p.unit_id)))
                    continue
                version = current.get("version")
                holder = current.get("unit_id")
                self._send(Pending(p.case_id, p.unit_id,
                                   version if type(version) is int else None, dict(current),
                                   holder if isinstance(holder, str) else None, undo=p.undo))
        finally:
            self._in_dialog = False


def _item(item: dict | str) -> tuple[str | None, int | None]:
    if isinstance(item, str):
        return item, None
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        v = item.get("version")
        return item["id"], v if type(v) is int else None
    return None, None


def actions_for(ctx: Any) -> Actions:
    """The session's Actions (made and attached as ``ctx.actions`` on first use)."""
    actions = getattr(ctx, "actions", None)
    if isinstance(actions, Actions):
        return actions
    actions = Actions(ctx, parent=ctx if isinstance(ctx, QObject) else None)
    ctx.actions = actions
    return actions


# ---- Console wiring


def extra_panes(ctx: Any) -> tuple:
    """The panes this module adds to the console (the audit tail for supervisors only)."""
    specs = [PaneSpec("dispatch", "widgets.dispatch_board", "Ctrl+8"),
             PaneSpec("whistles", "widgets.whistles", "Ctrl+9")]
    if not getattr(ctx, "read_only", True) and getattr(ctx, "role", "") in AUDIT_ROLES:
        specs.append(PaneSpec("audit", "widgets.audit_tail", "Ctrl+Shift+A"))
    from console.loop import wiring as loop_wiring  # protocol 1.1: inbox, assessment board

    specs.extend(loop_wiring.extra_panes(ctx))
    return tuple(specs)


class CommandUi(QObject):
    """Installs the actions on a running console from outside its panes.

    * an "Actions" menu with shortcuts, only with what the role may do: Reassign to…
      (Ctrl+R), Undo reassignment (Ctrl+Z), Urge… (Ctrl+Shift+U), Blow the whistle…
      (Ctrl+Shift+W), Video call… (Ctrl+Shift+V), End video call (Ctrl+Shift+E);
    * the workload table as a drop target (an event filter on its viewport);
    * the alerts list as a drag source and with an "Urge" context action;
    * the calls table with "End video call" and "Video call…" context actions;
    * the undo notice in the status bar;
    * the added docks placed by the built-in layouts, with their shortcuts.

    Attributes:
        actions: the session's Actions.
        notice: the undo notice.
        drop_filters: the installed drop targets (workload, dispatch board units).
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
        console.bridge.sig_changes.connect(self.actions.on_changes)
        # Once the hub accepted an assign, pump the feed every few ms (instead of the
        # bridge's 100 ms) until it shows the change: the operator is waiting for it.
        self._expedite = QTimer(self)
        self._expedite.setObjectName("actionsExpedite")
        self._expedite.setInterval(EXPEDITE_MS)
        self._expedite.timeout.connect(self._pump)
        self._expedite_until = 0.0
        self.actions.sig_answered.connect(self._start_expedite)

        self.notice = UndoNotice(window)
        window.statusBar().addPermanentWidget(self.notice)
        self.actions.sig_notice.connect(self.notice.show_notice)
        self.notice.sig_undo.connect(self.actions.undo)

        # Drop targets and drag sources installed from outside the panes.
        self.drop_filters: list[UnitDropFilter] = []
        workload = window.panes.get("workload")
        view = getattr(workload, "view", None)
        if view is not None:
            self.drop_filters.append(UnitDropFilter(view, self.actions))
        alerts = window.panes.get("alerts")
        alerts_view = getattr(alerts, "view", None)
        if alerts_view is not None and self.actions.can("assign"):
            self.alerts_drag = CaseDragStarter(alerts_view, self._alert_ids, session.state,
                                               lambda: self.actions.can("assign"))

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

        # Context actions on panes we do not own.
        if alerts_view is not None and "actUrge" in self.menu_actions:
            alerts_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            urge = QAction(self.tr("Urge the holding unit…"), alerts_view)
            urge.triggered.connect(lambda _c=False: self.ask_urge(self._alert_current()))
            alerts_view.addAction(urge)
        calls = window.panes.get("calls")
        calls_view = getattr(calls, "view", None)
        if calls_view is not None and "actEndCall" in self.menu_actions:
            calls_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            for text, slot in ((self.tr("End video call"), self.ask_end_call),
                               (self.tr("Video call…"), self.ask_call)):
                act = QAction(text, calls_view)
                act.triggered.connect(lambda _c=False, slot=slot: slot())
                calls_view.addAction(act)

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
        hooks = getattr(window, "layout_hooks", None)
        if hooks is not None:
            hooks.append(self.place_docks)

    def _start_expedite(self, _case_id: str) -> None:
        self._expedite_until = time.monotonic() + EXPEDITE_FOR_S
        self._expedite.start()

    def _pump(self) -> None:
        if not self.actions.awaiting_feed() or time.monotonic() > self._expedite_until:
            self._expedite.stop()
            return
        try:
            self.console.bridge.pump()
        except Exception:
            log.exception("bridge pump failed")
            self._expedite.stop()

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
            ids = getattr(pane, "selected_ids", None)
            if ids is None:
                continue
            try:
                chosen = list(ids())
            except Exception:
                log.exception("selected_ids failed")
                continue
            if sel is not None and sel in chosen:
                return chosen
        return [sel] if sel is not None else []

    def _alert_ids(self, pos: Any) -> list[str]:
        alerts = self.window.panes.get("alerts")
        view = alerts.view
        index = view.indexAt(pos)
        entries = alerts.entries()
        rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
        if index.isValid() and index.row() not in rows:
            rows = [index.row()]
        return [entries[r][0] for r in rows if 0 <= r < len(entries)]

    def _alert_current(self) -> str | None:
        alerts = self.window.panes.get("alerts")
        cur = alerts.view.currentIndex()
        entries = alerts.entries()
        if cur.isValid() and cur.row() < len(entries):
            return entries[cur.row()][0]
        return self.session.selected

    def _call_current(self) -> str | None:
        calls = self.window.panes.get("calls")
        view = getattr(calls, "view", None)
        if view is not None:
            cur = view.currentIndex()
            if cur.isValid():
                cid = cur.data(Qt.ItemDataRole.UserRole)
                if isinstance(cid, str):
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
        blow = getattr(pane, "blow", None)
        if blow is None:
            return False
        return bool(blow(self.session.selected))

    def ask_call(self) -> bool:
        """Ctrl+Shift+V: open a video call for the selected case."""
        pane = self.window.panes.get("whistles")
        call = getattr(pane, "call", None)
        if call is None:
            return False
        return bool(call(self.session.selected))

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
    """Wire the actions into a running :class:`console.shell.Console` (see CommandUi)."""
    ui = CommandUi(console)
    console.command_ui = ui
    from console.loop import wiring as loop_wiring

    loop_wiring.install(console)
    return ui
