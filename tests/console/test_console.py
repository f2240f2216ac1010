"""The console against a real hub: login, roles, live data, commands, link loss, lock, re-login."""

from __future__ import annotations

from pathlib import Path

import requests

from client import glossary
from client.errors import ConflictError, ForbiddenError
from console.app import Launcher
from hub.seed import DEMO_PASSWORD
from hub.server import start_embedded
from tests.console.conftest import POST_NAME, SIZES, UNIT_GA, live
from widgets.common import current_lang
from widgets.qt import Qt


def test_dialog_login_titles_post_and_user(qtbot, hub, launch):
    """Logging in through the dialog opens a window whose title names the post and the user."""
    launcher: Launcher = launch(hub.url)
    dialog = launcher.dialog
    assert dialog is not None and dialog.ok_button.isEnabled()
    assert dialog.password.text() == ""  # not demo mode: nothing prefilled
    dialog.user.setCurrentText("officer-532300")
    dialog.password.setText(DEMO_PASSWORD)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: launcher.console is not None, timeout=10000)
    live(qtbot, launcher)
    title = launcher.console.window.windowTitle()
    assert POST_NAME in title
    assert launcher.console.session.display_name in title
    assert not dialog.isVisible()


def test_dialog_wrong_password_says_so(qtbot, hub, launch):
    """A wrong password keeps the dialog up with a message and opens no console."""
    launcher = launch(hub.url)
    dialog = launcher.dialog
    dialog.user.setCurrentText("officer-532301")
    dialog.password.setText("wrong")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    assert launcher.console is None
    assert dialog.status.text()
    assert dialog.ok_button.isEnabled()


def test_scripted_login_titles_post_and_user(hub, launch):
    """--user/--password-file logs in without a dialog."""
    launcher = launch(hub.url, "--user", "supervisor-532300")
    assert launcher.dialog is None
    session = launcher.console.session
    assert session.role == "supervisor" and not session.read_only
    assert POST_NAME in launcher.console.window.windowTitle()


def test_wall_role_opens_the_read_only_wall(qtbot, hub, launch, hub_user):
    """A wall account gets the video wall (not the officer's console): read-only, no
    clickable, typeable or triggerable widget, blank cursor; commands are refused locally."""
    from console.wall import WallConsole
    from tests.wall.test_wall import actionable

    launcher = launch(hub.url, "--user", f"wall-{532300}")
    wall = launcher.console
    assert isinstance(wall, WallConsole)
    assert wall.session.read_only
    for window in wall.controller.windows:
        assert actionable(window) == []
        assert window.cursor().shape() == Qt.BlankCursor
    sent = []
    wall.session.run_command("Urge", lambda api: sent.append(1))
    qtbot.wait(300)
    assert not sent


def test_a_reported_case_reaches_queue_ticker_and_map(qtbot, hub, launch, hub_user):
    """A case reported through the API shows in the queue, the ticker and the map. (How
    fast, hub commit to screen, is bench/drop_latency.py's figure: median < 150 ms.)"""
    launcher = launch(hub.url, "--user", "officer-532300")
    console = launcher.console
    case = hub_user("intake-532300").report()
    cid = case["id"]
    queue, ticker, mapp = (console.window.panes[k] for k in ("queue", "ticker", "map"))

    def shown() -> bool:
        if hasattr(mapp, "flush"):
            mapp.flush()
        in_queue = any(queue.model.case_at(r)[0] == cid for r in range(queue.model.rowCount()))
        in_ticker = any(e.case_id == cid for e in ticker.entries())
        on_map = mapp.position_of(cid) is not None
        return in_queue and in_ticker and on_map

    qtbot.waitUntil(shown, timeout=15000)


def test_batches_reach_panes_at_most_ten_times_a_second(qtbot, hub, launch, hub_user):
    """However many events arrive, on_changes goes out at most ~10 times a second."""
    launcher = launch(hub.url, "--user", "officer-532300")
    bridge = launcher.console.bridge
    intake = hub_user("intake-532300")
    before = bridge.deliveries
    qtbot.wait(10)
    for _ in range(30):
        intake.report()
    qtbot.wait(2000)
    assert bridge.deliveries - before <= 2 * 10 + 2 + 2  # 10/s + the 1 s ticks


def test_forbidden_command_says_so_and_changes_nothing(qtbot, hub, launch, hub_user):
    """An officer's assign is refused (403): a message in words, the case unchanged."""
    launcher = launch(hub.url, "--user", "officer-532300")
    console = launcher.console
    case = hub_user("intake-532300").report()
    qtbot.waitUntil(lambda: case["id"] in console.session.state.cases, timeout=15000)
    errors = []
    console.session.run_command("Assign", lambda api: api.assign(case["id"], UNIT_GA),
                                on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=15000)
    assert isinstance(errors[0], ForbiddenError)
    level, text = console.window.messages[-1]
    assert level == "error" and "Assign" in text
    assert console.window.message_label.text().endswith(text)
    assert hub_user("supervisor-532300").case(case["id"])["version"] == case["version"]


def test_conflicting_command_says_so_and_changes_nothing(qtbot, hub, launch, hub_user):
    """A stale expected_version is refused (409): the message names the case's state."""
    launcher = launch(hub.url, "--user", "supervisor-532300")
    console = launcher.console
    case = hub_user("intake-532300").report()
    errors = []
    console.session.run_command(
        "Assign", lambda api: api.assign(case["id"], UNIT_GA, expected_version=99),
        on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=15000)
    assert isinstance(errors[0], ConflictError)
    level, text = console.window.messages[-1]
    assert level == "error" and "1" in text
    assert hub_user("supervisor-532300").case(case["id"])["status"] == "reported"


def test_idle_lock_engages_and_unlocks_with_the_password(qtbot, hub, launch):
    """After the idle time the overlay hides the panes; the right password lifts it."""
    launcher = launch(hub.url, "--user", "officer-532300", "--lock-after", "0.01")
    window = launcher.console.window
    qtbot.waitUntil(lambda: window.locked, timeout=15000)
    assert window.overlay.geometry() == window.rect()
    assert not window.menuBar().isEnabled()
    window.overlay.submit("not-the-password")
    qtbot.waitUntil(lambda: not window.overlay.busy and window.overlay.error.text() != "",
                    timeout=10000)
    assert window.locked
    window.overlay.submit(DEMO_PASSWORD)
    qtbot.waitUntil(lambda: not window.locked, timeout=10000)
    assert window.menuBar().isEnabled()


def test_session_expired_relogin_keeps_the_window(qtbot, hub, launch, hub_user):
    """A 401 mid-shift asks for the password and resumes with a new token, same window."""
    launcher = launch(hub.url, "--user", "supervisor-532300")
    console = launcher.console
    window = console.window
    case = hub_user("intake-532300").report()
    qtbot.waitUntil(lambda: case["id"] in console.session.state.cases, timeout=15000)
    console.session.select_case(case["id"])
    old_token = console.session.api.token
    # End the console's session on the hub (as an expiry would).
    r = requests.delete(hub.url + "/api/v1/session",
                        headers={"Authorization": f"Bearer {old_token}"}, timeout=5)
    assert r.status_code in (200, 204)
    console.session.run_command("Urge", lambda api: api.urge(case["id"], "test"))
    qtbot.waitUntil(lambda: window.locked, timeout=15000)
    assert window.overlay.reason == "expired"
    window.overlay.submit(DEMO_PASSWORD)
    qtbot.waitUntil(lambda: not window.locked, timeout=10000)
    assert console.window is window
    assert console.session.selected == case["id"]
    assert console.session.api.token != old_token
    newer = hub_user("intake-532300").report()
    qtbot.waitUntil(lambda: newer["id"] in console.session.state.cases, timeout=20000)


def test_hub_loss_shows_link_state_and_recovers(qtbot, tmp_path: Path, launch, hub_user):
    """Stopping the hub shows reconnecting/offline; a hub back on the same port and DB resumes."""
    db = f"sqlite:///{tmp_path / 'own-hub.db'}"
    own = start_embedded(db, sizes=SIZES)
    port = int(own.url.rsplit(":", 1)[1])
    launcher = launch(own.url, "--user", "officer-532300")
    window = launcher.console.window
    own.stop()
    qtbot.waitUntil(lambda: window.link is not None
                    and window.link.state in ("reconnecting", "offline"), timeout=40000)
    assert "live" not in window.link_label.property("link")
    # why, in words (the launcher's language), not the client's exception text
    qtbot.waitUntil(lambda: window.link.error_kind is not None, timeout=40000)
    words = glossary.word("link_problem", window.link.error_kind, current_lang())
    window.set_link(window.link)
    assert words in window.link_label.toolTip()
    assert "Error" not in window.link_label.toolTip() and "http" not in window.link_label.toolTip()
    back = start_embedded(db, sizes=SIZES, port=port)
    try:
        qtbot.waitUntil(lambda: window.link.state == "live", timeout=40000)
        from tests.console.conftest import HubUser

        case = HubUser(back.url, "intake-532300").report()
        qtbot.waitUntil(lambda: case["id"] in launcher.console.session.state.cases,
                        timeout=10000)
    finally:
        launcher.finish(0)
        back.stop()
