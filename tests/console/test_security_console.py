"""The console's side of the security additions, against a real hub: a feed closed with
4401 asks for the password; quitting logs out; a forced password change and a required
second factor (QR, recovery codes) come before the console; the login dialog asks for
the code when the hub wants one."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
import requests

from console import i18n
from console.app import UsageError
from console.login import LoginDialog
from console.security_dialogs import ChangePasswordDialog, OtpEnrolDialog
from hub import accounts
from hub.db import Database
from hub.seed import DEMO_PASSWORD
from hub.server import EmbeddedHub, start_embedded
from tests.console.conftest import SIZES
from widgets.qt import QApplication, QLabel, Qt


@pytest.fixture
def own_hub(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[EmbeddedHub]:
    settings = getattr(request, "param", {})
    hub = start_embedded(f"sqlite:///{tmp_path / 'hub.db'}", sizes=SIZES, heartbeat_s=1.0,
                         **settings)
    yield hub
    hub.stop()


def top_level(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_feed_closed_with_4401_asks_for_the_password(qtbot, own_hub, launch) -> None:
    launcher = launch(own_hub.url, "--user", "officer-532300")
    window = launcher.console.window
    token = launcher.console.session.api.token
    requests.delete(own_hub.url + "/api/v1/session",
                    headers={"Authorization": f"Bearer {token}"}, timeout=5)
    qtbot.waitUntil(lambda: window.locked, timeout=15000)  # no command needed: the feed
    assert window.overlay.reason == "expired"
    window.overlay.submit(DEMO_PASSWORD)
    qtbot.waitUntil(lambda: not window.locked, timeout=10000)
    qtbot.waitUntil(lambda: launcher.console.bridge.link.state == "live", timeout=15000)


def test_quitting_logs_out(qtbot, own_hub, launch) -> None:
    launcher = launch(own_hub.url, "--user", "officer-532300")
    token = launcher.console.session.api.token
    headers = {"Authorization": f"Bearer {token}"}
    assert requests.get(own_hub.url + "/api/v1/categories", headers=headers,
                        timeout=5).status_code == 200
    launcher.finish(0)
    assert requests.get(own_hub.url + "/api/v1/categories", headers=headers,
                        timeout=5).status_code == 401


def test_forced_password_change_comes_first(qtbot, own_hub, launch, tmp_path: Path) -> None:
    db = Database(own_hub.hub.config.db_url)
    accounts.reset_password(db, "officer-532300", "Temporary-1")
    db.dispose()
    secret = tmp_path / "temporary"
    secret.write_text("Temporary-1\n", encoding="utf-8")
    launcher = launch(own_hub.url, "--user", "officer-532300", "--password-file", str(secret),
                      wait=False)
    qtbot.waitUntil(lambda: bool(top_level(ChangePasswordDialog)), timeout=10000)
    dialog = top_level(ChangePasswordDialog)[0]
    assert launcher.console is None
    dialog.old.setText("Temporary-1")
    dialog.new.setText("weak")
    dialog.repeat.setText("weak")
    dialog.submit()
    qtbot.waitUntil(lambda: "8" in dialog.status.text(), timeout=15000)
    dialog.new.setText("Lucheng-2026")
    dialog.repeat.setText("Lucheng-2026")
    dialog.submit()
    qtbot.waitUntil(lambda: launcher.console is not None, timeout=10000)
    r = requests.post(own_hub.url + "/api/v1/session", timeout=10,
                      json={"username": "officer-532300", "password": "Lucheng-2026"})
    assert r.status_code == 200 and r.json()["must_change_password"] is False


@pytest.mark.parametrize("own_hub", [{"require_otp": ("supervisor",)}], indirect=True)
def test_required_second_factor_enrols_with_a_qr(qtbot, own_hub, launch) -> None:
    launcher = launch(own_hub.url, "--user", "supervisor-532300", wait=False)
    qtbot.waitUntil(lambda: bool(top_level(OtpEnrolDialog)), timeout=10000)
    dialog = top_level(OtpEnrolDialog)[0]
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=15000)
    assert not dialog.qr.pixmap().isNull() and dialog.qr.pixmap().width() >= 150
    secret = dialog.secret.text().replace(" ", "")
    dialog.code.setText(pyotp.TOTP(secret).now())
    dialog.submit()
    qtbot.waitUntil(lambda: len(dialog.recovery_codes) == 10, timeout=15000)
    assert dialog.codes_box.toPlainText().splitlines() == dialog.recovery_codes
    dialog.submit()  # "I have saved them"
    qtbot.waitUntil(lambda: launcher.console is not None, timeout=10000)
    # the login dialog now asks for the code
    login = LoginDialog(launcher.jobs, own_hub.url, demo=False, username="supervisor-532300")
    qtbot.addWidget(login)
    login.show()
    login.password.setText(DEMO_PASSWORD)
    login.submit()
    qtbot.waitUntil(lambda: login.otp.isVisible(), timeout=15000)
    totp = pyotp.TOTP(secret)
    login.otp.setText(totp.at(time.time() + totp.interval))  # confirm used this step's
    with qtbot.waitSignal(login.sig_logged_in, timeout=10000):
        login.submit()


def test_an_auditor_gets_the_audit_window(qtbot, own_hub, launch) -> None:
    launcher = launch(own_hub.url, "--user", "auditor-532300", wait=False)
    qtbot.waitUntil(lambda: launcher.audit_viewer is not None, timeout=10000)
    viewer = launcher.audit_viewer
    qtbot.waitUntil(lambda: viewer.table.model().rowCount() >= 1, timeout=15000)
    assert launcher.console is None
    assert viewer.table.model().index(0, 2).data() == "auditor-532300"  # its own login
    viewer.check_chain()
    assert "intact" in viewer.status.text()
    token = viewer.api.token
    viewer.entries[0]["detail"] = "edited"  # what a tampered answer would look like
    viewer.check_chain()
    assert "broken at entry 1" in viewer.status.text()
    launcher.finish(0)
    assert requests.get(own_hub.url + "/api/v1/audit", timeout=5,
                        headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_plain_http_beyond_loopback_is_shown_in_red(qtbot, own_hub, launch) -> None:
    """0.0.0.0 reaches the loopback hub on Linux but is not a loopback address: the link
    counts as beyond this machine, so it needs --insecure-http and says so in red."""
    beyond = own_hub.url.replace("127.0.0.1", "0.0.0.0")
    app = QApplication.instance()
    translators = i18n.install(app, "zh_CN")  # as main.py does; the tests run untranslated
    try:
        launcher = launch(beyond, "--user", "officer-532300", "--insecure-http")
    finally:
        i18n.remove(app, translators)
    window = launcher.console.window
    label = window.statusBar().findChild(QLabel, "insecureLink")
    assert label is not None and label.isVisible()
    assert label.text() == "未加密连接（http）：密码和案件以明文传输"
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert "#D55E00" in label.styleSheet()


def test_plain_http_beyond_loopback_is_refused_without_the_flag(qtbot, own_hub,
                                                                  launch) -> None:
    with pytest.raises(UsageError, match="refusing plain http to 0.0.0.0"):
        launch(own_hub.url.replace("127.0.0.1", "0.0.0.0"), "--user", "officer-532300")


def test_a_loopback_link_shows_no_warning(qtbot, own_hub, launch) -> None:
    window = launch(own_hub.url, "--user", "officer-532300").console.window
    assert window.statusBar().findChild(QLabel, "insecureLink") is None
