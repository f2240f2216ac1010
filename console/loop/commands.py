"""LoopActions: decide, callback, merge, close and reopen — by role, named, honest on 409.

Every command names the case it acts on, sends the version the operator saw as
``expected_version`` and changes nothing locally (the feed shows the result). A 409 opens
:class:`console.loop.dialogs.LoopConflictDialog` with the case as seen beside the hub's
current copy; the operator retries against the new version or leaves it. Other failures
(403, 404, 422, 429, 5xx, timeouts) are told in words by the session.

Whether the hub speaks protocol 1.1 is learnt from ``GET /categories`` (subcategories with
``limits``), which the session fetches once for everything (connect
``Session.sig_categories`` to :meth:`LoopActions.learn`): :attr:`LoopActions.supported` is
None until known, then True/False; with 1.1 the State's stage clocks are switched on
(:meth:`client.state.State.set_stages`).

Threading: GUI thread only; commands run on the session's job pool.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from client.errors import ConflictError
from client.stages import PostCalendar, StagePolicy, has_limits
from widgets.qt import QObject, QTimer, Signal
from widgets.text import safe

if TYPE_CHECKING:
    from console.session import Session

DECIDE_ROLES = frozenset({"supervisor"})
CALLBACK_ROLES = frozenset({"intake", "supervisor"})
MERGE_ROLES = frozenset({"officer", "supervisor"})
CLOSE_ROLES = frozenset({"intake", "supervisor"})
ASSESS_ROLES = frozenset({"officer", "supervisor", "wall"})
_ROLES = {"decide": DECIDE_ROLES, "callback": CALLBACK_ROLES, "merge": MERGE_ROLES,
          "close": CLOSE_ROLES, "reopen": CLOSE_ROLES}
SATISFACTION = ("satisfied", "basically_satisfied", "dissatisfied", "unreachable")


class LoopActions(QObject):
    """The loop commands of one session.

    Attributes:
        ctx: the session.
        supported: the hub speaks 1.1 (None: not known yet).
        policy: the stage policy once the hub is known to speak 1.1.
        dialog_parent: parent of the dialogs.
        requests: commands handed to the hub (for checks).

    Signals:
        sig_support(bool): learnt whether the hub speaks protocol 1.1.
        sig_done(str, str): the hub accepted ``(command, case id)``.
    """

    sig_support = Signal(bool)
    sig_done = Signal(str, str)

    def __init__(self, ctx: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.supported: bool | None = None
        self.policy: StagePolicy | None = None
        self.dialog_parent = None
        self.requests = 0
        self.conflicts: list[tuple[str, Mapping[str, Any], Mapping[str, Any]]] = []  # (command, seen, current)
        #: replaced in tests: ``(command, seen, current) -> retry?``
        self.ask_conflict: Callable[[str, Mapping[str, Any], Mapping[str, Any]], bool] | None = None
        #: where the reset change set of switching the stage clocks on goes: the
        #: :class:`console.distributor.ChangeDistributor`'s ``deliver`` (console and wall
        #: set it; None: nothing shows the State yet)
        self.deliver: Callable[[Any], None] | None = None

    # ---- Support

    def learn(self, categories: object) -> None:
        """Decide 1.0 or 1.1 from ``GET /categories`` and switch the stage clocks on."""
        supported = has_limits(categories)
        self.supported = supported
        if supported:
            self.policy = StagePolicy.from_categories(categories, PostCalendar(self.ctx.calendar))
            state = self.ctx.state
            cs = state.set_stages(self.policy)
            if self.deliver is not None:
                self.deliver(cs)
        self.sig_support.emit(supported)


    # ---- Roles

    def can(self, what: str) -> bool:
        """Whether this console may ``decide``, ``callback``, ``merge``, ``close``, ``reopen``."""
        if self.ctx.read_only:
            return False
        if what in ("decide", "callback", "merge") and self.supported is False:
            return False
        return self.ctx.role in _ROLES.get(what, frozenset())

    def allowed(self, what: str, case: Mapping[str, Any] | None) -> bool:
        """Whether ``what`` makes sense for ``case`` now (role, protocol and status)."""
        if case is None or not self.can(what):
            return False
        status = case.get("status")
        if what == "decide":
            return isinstance(case.get("pending"), dict) and status != "closed"
        if what == "callback":
            return status == "resolved" and self.supported is True
        if what == "merge":
            return status != "closed"
        if what in ("close", "reopen"):
            return status == "resolved"
        return False

    # ---- Commands

    def decide(self, case_id: str, approve: bool, note: str = "") -> bool:
        """Approve or refuse the unit's pending return or extension of ``case_id``."""
        return self._command("decide", case_id, lambda api, v: api.decide(
            case_id, approve, note=note, expected_version=v),
            self.tr("Approve request on {case}") if approve
            else self.tr("Refuse request on {case}"))

    def callback(self, case_id: str, solved: bool, satisfaction: str, note: str = "") -> bool:
        """Record the citizen's answer to the callback (回访) of ``case_id``."""
        if satisfaction not in SATISFACTION:
            self.say("error", self.tr("Choose how satisfied the citizen is."))
            return False
        return self._command("callback", case_id, lambda api, v: api.callback(
            case_id, solved=solved, satisfaction=satisfaction, note=note, expected_version=v),
            self.tr("Callback on {case}"))

    def merge(self, case_id: str, into: str, note: str = "") -> bool:
        """Close ``case_id`` as a duplicate of ``into`` (并单)."""
        if into == case_id:
            self.say("error", self.tr("A case cannot be merged into itself."))
            return False
        return self._command("merge", case_id, lambda api, v: api.merge(
            case_id, into, note=note, expected_version=v),
            self.tr("Merge {case} into {into}").replace("{into}", safe(into, 40)))

    def close(self, case_id: str, note: str = "") -> bool:
        """Close a resolved case (1.0 close, after the callback)."""
        return self._command("close", case_id, lambda api, v: api.close_case(
            case_id, note=note, expected_version=v), self.tr("Close {case}"))

    def reopen(self, case_id: str, note: str = "") -> bool:
        """Send a resolved case back to its unit (1.0 reopen)."""
        return self._command("reopen", case_id, lambda api, v: api.reopen(
            case_id, note=note, expected_version=v), self.tr("Reopen {case}"))

    # ---- Internals

    def _command(self, what: str, case_id: str, call: Callable[[Any, int | None], Any],
                 label: str, seen: Mapping[str, Any] | None = None) -> bool:
        case = self.ctx.state.cases.get(case_id)
        if not self.can(what):
            self.say("error", self.tr("Your role cannot do this; nothing was sent."))
            return False
        if case is None:
            self.say("error", self.tr("{case} is no longer in this post's picture; nothing "
                                       "was sent.").format(case=safe(case_id, 40)))
            return False
        seen = dict(seen if seen is not None else case)
        version = seen.get("version") if type(seen.get("version")) is int else None
        text = label.replace("{case}", safe(case_id, 40))
        self.requests += 1

        def ok(_answer: Any) -> None:
            self.sig_done.emit(what, case_id)

        def failed(exc: Exception) -> None:
            if isinstance(exc, ConflictError) and isinstance(exc.current_case, dict):
                current = exc.current_case
                QTimer.singleShot(0, lambda: self._conflict(what, case_id, call, label, seen,
                                                            current))

        self.ctx.run_command(text, lambda api: call(api, version), ok, failed)
        return True

    def _conflict(self, what: str, case_id: str, call: Callable[[Any, int | None], Any],
                  label: str, seen: Mapping[str, Any], current: Mapping[str, Any]) -> None:
        self.conflicts.append((what, seen, current))
        ask = self.ask_conflict
        if ask is None:
            from console.loop.dialogs import LoopConflictDialog

            dlg = LoopConflictDialog(self.ctx, what, seen, current, self.dialog_parent,
                                     can_retry=self.allowed(what, current))
            try:
                retry = dlg.exec() == LoopConflictDialog.DialogCode.Accepted
            finally:
                dlg.deleteLater()
        else:
            retry = ask(what, seen, current) and self.allowed(what, current)
        if not retry:
            self.say("info", self.tr("{case}: left as it is now.").format(case=safe(case_id, 40)))
            return
        self._command(what, case_id, call, label, seen=current)

    def say(self, level: str, text: str) -> None:
        """A message for the operator (the status bar)."""
        self.ctx.sig_message.emit(level, text)


def loop_for(ctx: Session) -> LoopActions:
    """The session's LoopActions (made on first use and kept as ``Session.loop``)."""
    if ctx.loop is None:
        ctx.loop = LoopActions(ctx, parent=ctx)
    return ctx.loop
