"""The login dialog (and the startup splash of scripted demo starts).

The dialog never blocks: it shows the demo hub's start-up progress until the hub is
ready, sends ``POST /session`` on a background job and says in words why a login failed.
In demo mode the demo accounts are offered and the demo password is prefilled.
"""

from __future__ import annotations

import time

from client.api import HubClient
from client.errors import (
    HubUnreachable,
    OtpRequiredError,
    RateLimitedError,
    UnauthenticatedError,
)
from console.jobs import Jobs
from console.messages import describe_error
from widgets.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from widgets.text import safe

#: demo accounts offered in demo mode (the prefecture post of the demo jurisdiction)
DEMO_ACCOUNTS = (
    "supervisor-532300",
    "officer-532300",
    "wall-532300",
    "supervisor-532301",
    "officer-532301",
)


def login_error_text(exc: Exception) -> str:
    """Why a login failed, in words."""
    from widgets.qt import QCoreApplication as T

    if isinstance(exc, OtpRequiredError):
        return T.translate("Login", "Enter the code of your authenticator app (or a recovery "
                                    "code).")
    if isinstance(exc, RateLimitedError):
        return T.translate("Login", "Too many wrong passwords: this account is locked for a "
                                    "while (15 minutes).")
    if isinstance(exc, UnauthenticatedError):
        return T.translate("Login", "Wrong user name or password.")
    if isinstance(exc, HubUnreachable):
        return T.translate("Login", "Hub unreachable: check the address and the network.")
    return describe_error("", exc)


def startup_text(stage: str, elapsed: float) -> str:
    """The splash line for a demo start-up ``stage`` (``seeding``/``starting``)."""
    from widgets.qt import QCoreApplication as T

    if stage == "seeding":
        text = T.translate("Login", "First start: creating the demo database (this takes a "
                                    "few seconds)…")
    else:
        text = T.translate("Login", "Starting the demo hub…")
    return f"{text} {int(elapsed)} s"


class LoginDialog(QDialog):
    """Asks for user name and password and logs in off the GUI thread.

    Args:
        jobs: where the login call runs.
        hub_url: the hub's URL, or None while the demo hub is still starting.
        demo: offer the demo accounts and prefill ``demo_password``.
        demo_password: the demo accounts' password (from the composition root's demo mode).
        username: a user name to prefill.

    Attributes:
        api: the logged-in HubClient once accepted.
        username: the user name that logged in.

    Signals:
        sig_logged_in(object): the logged-in HubClient.
    """

    sig_logged_in = Signal(object)
    #: the officer asked to start the embedded hub again after it failed
    sig_retry = Signal()

    def __init__(self, jobs: Jobs, hub_url: str | None, *, demo: bool = False,
                 demo_password: str = "", username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Command Post — log in"))
        self.jobs = jobs
        self.hub_url = hub_url
        self.demo = demo
        self.api: HubClient | None = None
        self.username = ""
        self.busy = False
        self._stage = "starting"
        self._started = time.monotonic()

        self.heading = QLabel(self.tr("Command Post console"), self)
        self.heading.setObjectName("lockTitle")
        self.hub_label = QLabel(self)
        self.hub_label.setTextFormat(Qt.TextFormat.PlainText)
        self.user = QComboBox(self)
        self.user.setObjectName("loginUser")
        self.user.setEditable(True)
        if demo:
            self.user.addItems(DEMO_ACCOUNTS)
        self.user.setCurrentText(username or (DEMO_ACCOUNTS[0] if demo else ""))
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if demo:
            self.password.setText(demo_password)
        self.status = QLabel(self)
        self.status.setObjectName("loginError")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Log in"))
        self.ok_button.setObjectName("loginButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.retry_button = self.buttons.addButton(self.tr("Try again"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.retry_button.setObjectName("retryButton")
        self.retry_button.hide()
        self.retry_button.clicked.connect(self._on_retry)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        self.otp = QLineEdit(self)  # shown when the hub asks for the second factor
        self.otp.setObjectName("loginOtp")
        self.otp.setMaxLength(11)
        self.otp.setPlaceholderText(self.tr("6-digit code or a recovery code"))
        form = QFormLayout()
        form.addRow(self.tr("Hub"), self.hub_label)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Verification code"), self.otp)
        form.setRowVisible(self.otp, False)
        self._form = form
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        lay.addWidget(self.heading)
        lay.addLayout(form)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(460)

        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._show_progress)
        self.set_hub(hub_url)

    # ---- Public API

    def set_hub(self, url: str | None) -> None:
        """The hub to log in to (None: the demo hub is still starting)."""
        self.hub_url = url
        ready = url is not None
        self.ok_button.setEnabled(ready and not self.busy)
        if ready:
            self._tick.stop()
            suffix = self.tr(" (embedded demo hub)") if self.demo else ""
            self.hub_label.setText(f"{url}{suffix}")
            if not self.busy:
                self.status.clear()
            self.password.setFocus()
        else:
            self.hub_label.setText(self.tr("embedded demo hub"))
            self._tick.start()
            self._show_progress()

    def set_stage(self, stage: str) -> None:
        """Show the demo start-up stage (``seeding``/``starting``)."""
        self._stage = stage
        self._started = time.monotonic()
        self._show_progress()

    def show_error(self, text: str) -> None:
        """Show a failure under the fields (the start-up progress stops saying otherwise)."""
        self._tick.stop()
        self.status.setText(text)

    def show_start_failure(self, text: str) -> None:
        """The embedded hub did not start: say why at once and offer to try again."""
        self.show_error(text)
        self.retry_button.show()
        self.retry_button.setEnabled(True)

    def _on_retry(self) -> None:
        self.retry_button.setEnabled(False)
        self.retry_button.hide()
        self.status.clear()
        self._started = time.monotonic()
        self._tick.start()
        self.sig_retry.emit()

    def submit(self) -> None:
        """Log in with the entered credentials (what the Log in button does)."""
        if self.busy or self.hub_url is None:
            return
        username = self.user.currentText().strip()
        password = self.password.text()
        if not username or not password:
            self.status.setText(self.tr("Enter user name and password."))
            return
        try:
            api = HubClient(self.hub_url)
        except ValueError:
            self.status.setText(self.tr("Not a hub address: {url}").format(
                url=safe(self.hub_url, 200)))
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        self.status.setText(self.tr("Logging in…"))

        def ok(_answer: object) -> None:
            self.busy = False
            self.api = api
            self.username = username
            self.status.clear()
            self.sig_logged_in.emit(api)
            self.accept()

        def failed(exc: Exception) -> None:
            self.busy = False
            self.ok_button.setEnabled(True)
            self.status.setText(login_error_text(exc))
            if isinstance(exc, OtpRequiredError):
                self._form.setRowVisible(self.otp, True)
                self.otp.selectAll()
                self.otp.setFocus()
                return
            self.password.selectAll()
            self.password.setFocus()

        otp = self.otp.text().strip() or None
        self.jobs.submit(lambda: api.login(username, password, otp), ok, failed)

    # ---- Internals

    def _show_progress(self) -> None:
        if self.hub_url is None:
            self.status.setText(startup_text(self._stage, time.monotonic() - self._started))


class StartupSplash(QWidget):
    """A small window saying what the console is waiting for (scripted demo starts)."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen)
        self.setObjectName("startupSplash")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 24, 32, 24)
        title = QLabel(self.tr("Command Post console"), self)
        title.setObjectName("lockTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(title)
        lay.addWidget(self.label)
        self._stage = "starting"
        self._started = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._refresh)
        self._timer.start()
        self.resize(520, 140)
        self._refresh()

    def set_stage(self, stage: str) -> None:
        """Show the demo start-up stage."""
        self._stage = stage
        self._started = time.monotonic()
        self._refresh()

    def set_text(self, text: str) -> None:
        """Show a line of its own (e.g. "Logging in…")."""
        self._timer.stop()
        self.label.setText(text)

    def _refresh(self) -> None:
        self.label.setText(startup_text(self._stage, time.monotonic() - self._started))
