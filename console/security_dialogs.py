"""The console's side of the security additions: change the password (forced when the hub
asks after a reset), enrol a second factor (QR code with segno, recovery codes shown once).

Both dialogs send their call on a background job and say in words why the hub refused
(the hub's 422 message names the broken rule). A forced dialog offers no "later": its
only other button quits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import segno

from client.api import HubClient
from client.errors import HubError
from console.jobs import Jobs
from console.messages import describe_error
from widgets.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    Qt,
    QtGui,
    QVBoxLayout,
    QWidget,
)


def _plain_label(parent: QWidget, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def hub_refusal_text(exc: Exception) -> str:
    """Why the hub refused a password change or a code, in the UI's language (the hub's
    422 messages are English sentences: the known ones are translated)."""
    from widgets.qt import QCoreApplication as T

    if not (isinstance(exc, HubError) and exc.status == 422):
        return describe_error("", exc)
    reason = str(exc)
    known = (
        ("old password is wrong", T.translate("Security", "The current password is wrong.")),
        ("last 5", T.translate("Security", "The new password must differ from your last 5 "
                                           "passwords.")),
        ("8 characters", T.translate("Security", "The new password needs at least 8 "
                                                 "characters.")),
        ("3 of", T.translate("Security", "The new password needs 3 of: lower case, upper "
                                         "case, digits, symbols.")),
        ("does not match", T.translate("Security", "The code does not match: check the "
                                                   "phone's clock and try the next code.")),
    )
    for needle, text in known:
        if needle in reason:
            return text
    return T.translate("Security", "The hub refused: {reason}").format(reason=reason)


class ChangePasswordDialog(QDialog):
    """Old password, new password twice; ``POST /session/password``.

    Attributes:
        forced: the hub requires the change before anything else (no "Cancel", only
            "Quit").
    """

    def __init__(self, api: HubClient, jobs: Jobs, *, forced: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api, self.jobs, self.forced, self.busy = api, jobs, forced, False
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change password"))
        intro = _plain_label(self, self.tr(
            "Your password was reset: choose a new one before you continue.") if forced
            else self.tr("Choose a new password."))
        rule = _plain_label(self, self.tr(
            "At least 8 characters, from 3 of: lower case, upper case, digits, symbols; "
            "not one of your last 5 passwords."))
        rule.setObjectName("passwordRule")
        self.old, self.new, self.repeat = (QLineEdit(self) for _ in range(3))
        for field, name in ((self.old, "oldPassword"), (self.new, "newPassword"),
                            (self.repeat, "repeatPassword")):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setObjectName(name)
        self.status = _plain_label(self)
        self.status.setObjectName("passwordError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Quit") if forced else self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(rule)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        """Send the change (what the OK button does)."""
        if self.busy:
            return
        old, new = self.old.text(), self.new.text()
        if not old or not new:
            self.status.setText(self.tr("Enter the current and the new password."))
            return
        if new != self.repeat.text():
            self.status.setText(self.tr("The two new passwords differ."))
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        self.status.setText(self.tr("Changing the password…"))

        def ok(_result: object) -> None:
            self.busy = False
            self.accept()

        def failed(exc: Exception) -> None:
            self.busy = False
            self.ok_button.setEnabled(True)
            self.status.setText(hub_refusal_text(exc))

        self.jobs.submit(lambda: self.api.change_password(old, new), ok, failed)


def qr_pixmap(uri: str, scale: int = 6) -> QtGui.QPixmap:
    """An otpauth:// URI as a QR code image (segno, error correction M)."""
    import io

    buf = io.BytesIO()
    segno.make(uri, error="m").save(buf, kind="png", scale=scale, border=2)
    pixmap = QtGui.QPixmap()
    pixmap.loadFromData(buf.getvalue(), "PNG")
    return pixmap


class OtpEnrolDialog(QDialog):
    """Second-factor enrolment: the QR code to scan, a code to confirm, then the recovery
    codes (shown once; the hub keeps only their hashes)."""

    def __init__(self, api: HubClient, jobs: Jobs, *, forced: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api, self.jobs, self.forced, self.busy = api, jobs, forced, False
        self.recovery_codes: list[str] = []
        self.setObjectName("otpEnrolDialog")
        self.setWindowTitle(self.tr("Two-step verification"))
        self.intro = _plain_label(self, self.tr(
            "This hub requires two-step verification for your role. Scan the code with an "
            "authenticator app (TOTP), then enter the 6 digits it shows.") if forced
            else self.tr("Scan the code with an authenticator app (TOTP), then enter the 6 "
                         "digits it shows."))
        self.qr = QLabel(self)
        self.qr.setObjectName("otpQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(220, 220)
        self.secret = _plain_label(self)
        self.secret.setObjectName("otpSecret")
        self.secret.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLineEdit(self)
        self.code.setObjectName("otpCode")
        self.code.setMaxLength(6)
        self.code.setPlaceholderText("123456")
        self.codes_box = QPlainTextEdit(self)
        self.codes_box.setObjectName("recoveryCodes")
        self.codes_box.setReadOnly(True)
        self.codes_box.hide()
        self.status = _plain_label(self)
        self.status.setObjectName("otpError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Confirm"))
        self.ok_button.setEnabled(False)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Quit") if forced else self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Key (to type in by hand)"), self.secret)
        form.addRow(self.tr("Code from the app"), self.code)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.addWidget(self.intro)
        lay.addWidget(self.qr)
        lay.addLayout(form)
        lay.addWidget(self.codes_box)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.status.setText(self.tr("Asking the hub for a new key…"))
        self.jobs.submit(self.api.start_otp, self._on_started, self._on_failed)

    def _on_started(self, answer: object) -> None:
        uri = str(answer.get("uri", "")) if isinstance(answer, dict) else ""
        self.qr.setPixmap(qr_pixmap(uri))
        secret = str(answer.get("secret", "")) if isinstance(answer, dict) else ""
        self.secret.setText(" ".join(secret[i:i + 4] for i in range(0, len(secret), 4)))
        self.status.clear()
        self.ok_button.setEnabled(True)
        self.code.setFocus()

    def _on_failed(self, exc: Exception) -> None:
        self.busy = False
        self.ok_button.setEnabled(bool(self.secret.text()))
        self.status.setText(hub_refusal_text(exc))

    def submit(self) -> None:
        """Confirm with the code; then show the recovery codes; then close."""
        if self.recovery_codes:
            self.accept()
            return
        if self.busy:
            return
        code = self.code.text().strip()
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            self.status.setText(self.tr("Enter the 6 digits the app shows."))
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        self.jobs.submit(lambda: self.api.confirm_otp(code), self._on_confirmed,
                         self._on_failed)

    def _on_confirmed(self, codes: list[str]) -> None:
        self.busy = False
        self.recovery_codes = [str(c) for c in codes]
        self.qr.hide()
        self.intro.setText(self.tr(
            "Two-step verification is on. Keep these recovery codes somewhere safe: each "
            "logs you in once without the app. They are shown only now."))
        self.codes_box.setPlainText("\n".join(self.recovery_codes))
        lines = len(self.recovery_codes) + 1  # all of them visible, no scrolling
        self.codes_box.setMinimumHeight(self.codes_box.fontMetrics().lineSpacing() * lines + 16)
        self.codes_box.show()
        self.code.setEnabled(False)
        self.status.clear()
        self.ok_button.setText(self.tr("I have saved them"))
        self.ok_button.setEnabled(True)
        self.cancel_button.hide()


class RequiredSteps(QObject):
    """What the hub requires before anything else, shown one after the other: the
    password change (``must_change_password``), then the second factor's enrolment
    (``otp_enrolment_required``); then ``on_done()``. Quitting either calls ``on_quit()``.

    Attributes:
        dialog: the dialog on screen (None when done).
    """

    def __init__(self, api: HubClient, jobs: Jobs, on_done: Callable[[], object],
                 on_quit: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        session: Mapping[str, object] = api.session or {}
        self.api, self.jobs, self.on_done, self.on_quit = api, jobs, on_done, on_quit
        self.steps: list[type[ChangePasswordDialog] | type[OtpEnrolDialog]] = []
        if session.get("must_change_password"):
            self.steps.append(ChangePasswordDialog)
        if session.get("otp_enrolment_required"):
            self.steps.append(OtpEnrolDialog)
        self.dialog: QDialog | None = None

    def start(self) -> None:
        """Show the first step (or finish at once)."""
        self._next()

    def _next(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        if not self.steps:
            self.on_done()
            return
        self.dialog = self.steps.pop(0)(self.api, self.jobs, forced=True)
        self.dialog.accepted.connect(self._next)
        self.dialog.rejected.connect(self.on_quit)
        self.dialog.show()
