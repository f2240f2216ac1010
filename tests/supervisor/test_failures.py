"""Every command's failure path: a clear message, nothing changed locally, still working.

The exotic answers come from a fake HubClient raising ``client.errors`` types; "hub down"
is a real HubClient aimed at a closed port. Commands run through a real
:class:`console.session.Session` (job pool, error wording) and :class:`console.supervisor.actions.Actions`.
"""

from __future__ import annotations

import copy
import socket
from typing import Any

import pytest

from client.api import HubClient
from client.errors import (
    ConflictError,
    ForbiddenError,
    HubUnreachable,
    InvalidError,
    NotFoundError,
    RateLimitedError,
    ServerError,
)
from client.state import State
from console.session import Session
from console.supervisor.actions import Actions
from console.supervisor.reassign_dialogs import ConflictDialog
from testkit.world import T0, World
from widgets.qt import QCoreApplication, QEvent

USER = {"id": "sup-1", "name": "值班长", "role": "supervisor", "post_id": "P", "unit_id": None}


class FailingApi:
    """A HubClient stand-in whose every command raises ``error`` (and counts the calls)."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.user = USER
        self.calls: list[str] = []

    def _fail(self, name: str, *a: Any, **kw: Any) -> Any:
        self.calls.append(name)
        raise self.error

    def assign(self, *a: Any, **kw: Any) -> Any:
        return self._fail("assign")

    def urge(self, *a: Any, **kw: Any) -> Any:
        return self._fail("urge")

    def whistle(self, *a: Any, **kw: Any) -> Any:
        return self._fail("whistle")

    def start_call(self, *a: Any, **kw: Any) -> Any:
        return self._fail("start_call")

    def end_call(self, *a: Any, **kw: Any) -> Any:
        return self._fail("end_call")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def down_api() -> HubClient:
    api = HubClient(f"http://127.0.0.1:{closed_port()}", token="t", timeout=(0.5, 0.5))
    api.session = {"token": "t", "user": USER}
    return api


ERRORS = {
    "403": (ForbiddenError("a supervisor account cannot assign"), "not allowed for your role"),
    "404": (NotFoundError("no case"), "no such case"),
    "409": (ConflictError("stale"), "conflict"),
    "422": (InvalidError("unknown unit"), "the hub refused it: unknown unit"),
    "429": (RateLimitedError("slow down"), "too many attempts"),
    "5xx": (ServerError("internal error", status=500), "the hub answered an error"),
    "503": (ServerError("hub database unavailable; try again shortly", status=503),
            "hub database unavailable"),
    "timeout": (HubUnreachable("hub timed out (POST /cases/x/assign)"), "hub unreachable"),
    "down": (None, "hub unreachable"),
}


@pytest.fixture
def world() -> World:
    return World()


def make_session(qtbot, world: World, api: Any) -> tuple[Session, Actions, list]:
    state = State(clock=lambda: T0)
    snap = world.snapshot(40)
    state.load_snapshot(snap)
    session = Session(api, "sup", state=state)
    actions = Actions(session, parent=session)
    session.actions = actions
    messages: list[tuple[str, str]] = []
    session.sig_message.connect(lambda lvl, text: messages.append((lvl, text)))
    return session, actions, messages


def close(qtbot, session: Session) -> None:
    """Wait for every job's answer, then stop the pool (no thread outlives the session)."""
    qtbot.waitUntil(lambda: session.jobs.pending == 0, timeout=15000)
    session.jobs.shutdown(wait=True)
    # Delete the Qt side now, on the GUI thread: left to Python's cyclic GC it could be
    # freed on another thread (the hub's or a pool's), which crashes.
    session.deleteLater()
    QCoreApplication.sendPostedEvents(session, QEvent.Type.DeferredDelete)


def held(state: State) -> tuple[str, dict]:
    cid, case = next((c, v) for c, v in sorted(state.cases.items())
                     if isinstance(v.get("unit_id"), str) and v.get("status") != "closed")
    return cid, case


COMMANDS = ("assign", "urge", "whistle", "start_call", "end_call")


@pytest.mark.parametrize("code", list(ERRORS))
@pytest.mark.parametrize("command", COMMANDS)
def test_failure_says_why_and_changes_nothing(qtbot, world, monkeypatch, code, command):
    """A refused or failed command gives one clear error message; the State, the in-flight
    set and the undo list are as before; the next command still goes out."""
    error, words = ERRORS[code]
    api = down_api() if error is None else FailingApi(error)
    session, actions, messages = make_session(qtbot, world, api)
    monkeypatch.setattr(ConflictDialog, "exec",
                        lambda self: pytest.fail("no dialog without the current case"))
    state = session.state
    before = copy.deepcopy(dict(state.cases))
    whistles_before = copy.deepcopy(dict(state.whistles))
    cid, case = held(state)
    other = next(u for u in sorted(state.units) if u != case["unit_id"])
    send = {
        "assign": lambda: actions.reassign([{"id": cid, "version": case["version"]}], other),
        "urge": lambda: actions.urge(cid, "快"),
        "whistle": lambda: actions.whistle(cid, [other], 10),
        "start_call": lambda: actions.start_call("会商", cid, [other]),
        "end_call": lambda: actions.end_call("CALL-1"),
    }[command]
    assert send()
    qtbot.waitUntil(lambda: any(lvl == "error" for lvl, _ in messages), timeout=15000)
    errors = [t for lvl, t in messages if lvl == "error"]
    assert len(errors) == 1 and words in errors[0], errors
    assert dict(state.cases) == before and dict(state.whistles) == whistles_before
    assert not len(actions.inflight) and actions.undo_list == []
    if error is not None:
        assert api.calls == [command]
        # still working: the next command goes out
        api.error = ServerError("again")
        send()
        qtbot.waitUntil(lambda: api.calls == [command, command], timeout=15000)
    close(qtbot, session)


def test_conflict_with_current_case_opens_the_dialog_and_drop_keeps_state(qtbot, world,
                                                                          monkeypatch):
    """A 409 carrying the current case shows it beside what was seen; dropping sends nothing."""
    api = FailingApi(ConflictError("stale"))
    session, actions, messages = make_session(qtbot, world, api)
    state = session.state
    cid, case = held(state)
    other = next(u for u in sorted(state.units) if u != case["unit_id"])
    current = dict(case, version=case["version"] + 1, status="accepted")
    api.error = ConflictError("stale", current_case=current)
    shown: list[ConflictDialog] = []
    monkeypatch.setattr(ConflictDialog, "exec",
                        lambda self: shown.append(self) or ConflictDialog.DialogCode.Rejected)
    before = copy.deepcopy(dict(state.cases))
    assert actions.reassign([cid], other) == 1
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert ("status", case["status"], "accepted") in shown[0].rows
    assert ("version", case["version"], case["version"] + 1) in shown[0].rows
    qtbot.wait(50)
    assert session.api.calls == ["assign"]
    assert dict(state.cases) == before and not len(actions.inflight)
    close(qtbot, session)


def test_read_only_and_officer_send_nothing(qtbot, world):
    """Role checks happen before any request."""
    api = FailingApi(ServerError("unused"))
    api.user = dict(USER, role="officer")
    session, actions, messages = make_session(qtbot, world, api)
    cid, case = held(session.state)
    assert actions.reassign([cid], "U-X") == 0
    assert not actions.whistle(cid, ["U-X"], 5)
    assert actions.undo() == 0
    assert api.calls == []
    assert messages and "supervisor" in messages[0][1]
    close(qtbot, session)


def test_database_outage_is_told_in_chinese(qapp):
    """The hub's own 503 body (its database is down) reads 中枢数据库不可用 in the
    Chinese UI, not a raw English message."""
    from client.errors import error_for
    from console import i18n
    from console.messages import describe_error
    from hub.dbfaults import DatabaseUnavailable

    err = DatabaseUnavailable()
    exc = error_for(err.status, err.body(), with_token=True)
    translators = i18n.install(qapp, "zh_CN")
    try:
        text = describe_error("指派", exc)
    finally:
        i18n.remove(qapp, translators)
    assert text == "指派: 中枢数据库不可用，请稍后重试。", text
