"""Screen lock: after a spell without input, or when the session expired, hide case data
until the password is entered again.

* :class:`IdleWatcher` watches every input event of the application and says when none
  came for ``timeout_s``.
* :class:`LockOverlay` is an opaque widget over the whole main window (menus and panes)
  with a password field; it verifies the password by a login call in the background
  (which also renews the session token) and then goes away. Floating docks are hidden
  while it shows. The feed keeps running behind it.

Threading: GUI thread only; the login call runs on the session's job pool.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from client.errors import RateLimitedError, UnauthenticatedError
from console.messages import describe_error
from widgets.qt import (
    QApplication,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

log = logging.getLogger(__name__)

IDLE = "idle"
EXPIRED = "expired"

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    """Emits ``sig_idle`` once when no user input came for ``timeout_s`` seconds.

    Args:
        timeout_s: seconds without input; 0 or less disables the watcher.

    Signals:
        sig_idle(): the console has been idle for ``timeout_s``.
    """

    sig_idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self._clock = clock
        self.last_input = clock()
        self.paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(50, min(1000, int(timeout_s * 250))))
        self._timer.timeout.connect(self._check)
        if timeout_s > 0:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._timer.start()

    def touch(self) -> None:
        """Count now as input."""
        self.last_input = self._clock()

    def stop(self) -> None:
        """Stop watching."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT_EVENTS:
            self.last_input = self._clock()
        return False

    def _check(self) -> None:
        if self.paused:
            self.touch()
            return
        if self._clock() - self.last_input >= self.timeout_s:
            self.paused = True  # until the lock is lifted
            self.sig_idle.emit()


class LockOverlay(QWidget):
    """Covers its parent window and asks for the password.

    Args:
        username: shown, and used for the login call.
        verify: ``verify(password, on_ok, on_error)`` — logs in off the GUI thread.

    Signals:
        sig_unlocked(): the password was accepted.
    """

    sig_unlocked = Signal()

    def __init__(self, parent: QWidget, username: str,
                 verify: Callable[[str, Callable[[object], None],
                                   Callable[[Exception], None]], None]) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.username = username
        self._verify = verify
        self.reason = IDLE
        self.busy = False

        panel = QWidget(self)
        panel.setObjectName("lockPanel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        panel.setMinimumWidth(420)
        self.title = QLabel(panel)
        self.title.setObjectName("lockTitle")
        self.detail = QLabel(panel)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.password = QLineEdit(panel)
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._submit)
        self.button = QPushButton(panel)
        self.button.setObjectName("lockUnlock")
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        self.error = QLabel(panel)
        self.error.setObjectName("lockError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)

        inner = QVBoxLayout(panel)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.detail)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.button)
        inner.addLayout(row)
        inner.addWidget(self.error)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        line = QHBoxLayout()
        line.addStretch(1)
        line.addWidget(panel)
        line.addStretch(1)
        outer.addLayout(line)
        outer.addStretch(2)
        parent.installEventFilter(self)
        self.retranslate()
        self.hide()

    # ---- Public API

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        if self.reason == EXPIRED:
            self.title.setText(self.tr("Session expired"))
            self.detail.setText(self.tr(
                "The hub ended the session of {user}. Enter the password to continue; "
                "the console keeps its state.").format(user=self.username))
        else:
            self.title.setText(self.tr("Console locked"))
            self.detail.setText(self.tr(
                "Locked after a spell without input. Enter the password of {user} "
                "to unlock.").format(user=self.username))
        self.password.setPlaceholderText(self.tr("Password"))
        self.button.setText(self.tr("Unlock"))

    def engage(self, reason: str = IDLE) -> None:
        """Cover the window (for ``reason`` ``idle`` or ``expired``)."""
        if reason == EXPIRED or not self.isVisible():
            self.reason = reason
        self.retranslate()
        self.error.clear()
        self.password.clear()
        self.password.setEnabled(True)
        self.button.setEnabled(True)
        self.busy = False
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.password.setFocus()

    def submit(self, password: str) -> None:
        """Check ``password`` (what pressing Unlock does)."""
        self.password.setText(password)
        self._submit()

    # ---- Internals

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(obj.rect())
        return False

    def _submit(self) -> None:
        if self.busy:
            return
        password = self.password.text()
        if not password:
            self.error.setText(self.tr("Enter the password."))
            return
        self.busy = True
        self.password.setEnabled(False)
        self.button.setEnabled(False)
        self.error.setText(self.tr("Checking…"))
        self._verify(password, self._on_ok, self._on_error)

    def _on_ok(self, _answer: object) -> None:
        self.busy = False
        self.password.clear()
        self.hide()
        self.sig_unlocked.emit()

    def _on_error(self, exc: Exception) -> None:
        self.busy = False
        self.password.setEnabled(True)
        self.button.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus()
        if isinstance(exc, RateLimitedError):
            self.error.setText(self.tr("Too many wrong passwords: the account is locked "
                                       "for a while. Ask the supervisor."))
        elif isinstance(exc, UnauthenticatedError):
            self.error.setText(self.tr("Wrong password."))
        else:
            self.error.setText(describe_error("", exc))
