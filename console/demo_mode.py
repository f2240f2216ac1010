"""What the console needs from demo mode, as a port the composition root fills in.

The console never imports the reference hub: ``commandpost.demo`` (the composition root)
builds the embedded hub and simulator and hands them over as a :class:`DemoMode`
(``console.app.console_main(argv, demo=…)``, or ``Launcher(…, demo_mode=…)``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from widgets.qt import QObject, QtCore


class DemoServices(Protocol):
    """The embedded hub and simulator of demo mode, started off the GUI thread.

    Signals:
        sig_progress(str): a start-up stage (``seeding``/``starting``) for the splash.
        sig_ready(str): the hub's base URL; it accepts requests.
        sig_failed(str): the hub could not start (the message says why).
    """

    @property
    def sig_progress(self) -> QtCore.SignalInstance: ...
    @property
    def sig_ready(self) -> QtCore.SignalInstance: ...
    @property
    def sig_failed(self) -> QtCore.SignalInstance: ...

    def start(self) -> None:
        """Start the hub (and the simulator) in the background; returns at once."""

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the simulator and the hub (blocks up to ``timeout`` per part)."""


@dataclass(frozen=True, slots=True)
class DemoMode:
    """Demo mode as the composition root provides it.

    Attributes:
        services: ``services(data_dir, parent)`` makes the (not yet started) embedded hub
            and simulator whose database lives in ``data_dir``.
        password: the demo accounts' password, prefilled in the login dialog.
    """

    services: Callable[[Path, QObject | None], DemoServices]
    password: str
