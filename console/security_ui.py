"""The security additions in a running console: "Change password…" and "Two-step
verification…" in the Console menu, and a permanent warning in the status bar when the
link to the hub is plain http beyond this machine (``--insecure-http``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from client import transport
from console.security_dialogs import ChangePasswordDialog, OtpEnrolDialog
from widgets.qt import QAction, QLabel, QMenu, Qt
from widgets.qt import QCoreApplication as T

if TYPE_CHECKING:
    from console.shell import Console


def install(console: Console) -> None:
    """Add the menu actions and, for an insecure link, the warning label."""
    window, api, jobs = console.window, console.session.api, console.session.jobs
    menu = window.menuBar().actions()[0].menu()
    change = QAction(T.translate("SecurityUi", "Change &password…"), window)
    change.setObjectName("actChangePassword")
    change.triggered.connect(
        lambda: ChangePasswordDialog(api, jobs, forced=False, parent=window).open())
    enrol = QAction(T.translate("SecurityUi", "Two-step &verification…"), window)
    enrol.setObjectName("actOtpEnrol")
    enrol.triggered.connect(lambda: OtpEnrolDialog(api, jobs, forced=False,
                                                   parent=window).open())
    if isinstance(menu, QMenu):
        menu.insertActions(window.act_quit, [change, enrol])
        menu.insertSeparator(window.act_quit)
    if transport.insecure_link(api.base_url):
        label = QLabel(T.translate("SecurityUi", "Unencrypted link (http): passwords and cases travel in "
                                 "clear"), window)
        label.setObjectName("insecureLink")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("color: #D55E00; font-weight: bold;")
        window.statusBar().insertPermanentWidget(0, label)
        console.insecure_label = label  # type: ignore[attr-defined]
