"""Supervisor and officer commands: reassign (drag and drop or picker), undo, urge, whistle,
video calls — each quick, honest about conflicts, and harmless when it fails.

The menu, drag-and-drop and context commands that call these live in
:mod:`console.supervisor.command_ui` and :mod:`console.supervisor.drag_and_drop`.

:class:`Actions` is the one place that turns what the operator asked for into hub commands.
It checks the role *before* any request (an officer's drop sends nothing), skips what would
change nothing (dropping a case on the unit that holds it), keeps the cases with a command
on the way in an :class:`InFlight` set that panes can query ("assigning…"), and waits for
the feed to show the new version before it says "done" — the State is never changed
locally: a failure (403, 404, 409, 422, 429, 5xx, timeout, hub down) leaves the picture as
the feed made it and says why in words. A 409 on a reassignment opens a
:class:`console.supervisor.reassign_dialogs.ConflictDialog` with the case the supervisor saw beside the
hub's current one; the supervisor retries against the new version or drops it. A
reassignment can be undone within ``client.dispatch.UNDO_WINDOW_S`` seconds (the reverse
assign, with the new version).

Panes reach the Actions through ``ctx.actions``, typed by the port
:class:`widgets.actions_port.ActionsPort` (``None`` means "no actions", as in a wall
console or the review), so ``widgets/`` never imports ``console/``.

Threading: GUI thread only; the commands run on the session's job pool.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from client.dispatch import Reassignment
from client.errors import ConflictError
from client.protocol import NOTHING, Case
from client.state import ChangeSet
from console.session import Session
from console.supervisor.reassign_dialogs import ConflictDialog
from widgets.qt import QObject, QTimer, QWidget, Signal
from widgets.text import safe

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

    def __init__(self, ctx: Session, parent: QObject | None = None,
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
        if self.ctx.read_only:
            return False
        return self.ctx.role in _ROLES.get(what, frozenset())

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
        if changes.reset:
            ids = self.inflight.ids()
        else:
            ids = self.inflight.ids() & (changes.cases_changed | changes.cases_added
                                         | changes.cases_removed)
        for cid in ids:
            self._check_confirmed(cid)

    # ---- Internals

    def _remember(self, changes: ChangeSet) -> None:
        cases = self.ctx.state.cases
        if changes.reset:
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
        self.ctx.sig_message.emit(level, text)

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


def actions_for(session: Session) -> Actions:
    """The session's Actions: made and installed as its ``actions`` port on first use."""
    existing = session.actions
    if isinstance(existing, Actions):
        return existing
    actions = Actions(session, parent=session)
    session.actions = actions
    return actions
