"""Demo mode: the embedded reference hub and the simulator, started off the GUI thread.

``python main.py`` without ``--hub`` starts a hub on loopback over a persistent SQLite
file in the user's data folder (the first start seeds the demo jurisdiction: a few
hundred password hashes, several seconds) with SLAs shortened 60× (``sla_scale=1/60``),
and the simulator at speed 60 to match, so a fresh machine shows a living post within
seconds. Both run in background threads; :class:`DemoServices` reports progress and the
hub's URL through signals.

This is the composition root's half of demo mode: the console knows it only through the
port ``console.demo_mode`` (:func:`demo_mode` fills it in), so the console never imports
the hub.
"""

from __future__ import annotations

import errno
import logging
import socket
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from console.demo_mode import DemoMode
from widgets.qt import QObject, Signal

if TYPE_CHECKING:  # imported when the hub starts (the import is heavy)
    from hub.seed import SeedSizes
    from hub.server import EmbeddedHub

log = logging.getLogger(__name__)

DEMO_PORT = 18765
SLA_SCALE = 1 / 60
SIM_SPEED = 60.0


#: how many times the demo hub start is tried when its port is taken meanwhile
PORT_ATTEMPTS = 3


def port_taken(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) says the address is already in use."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, OSError) and cur.errno in (errno.EADDRINUSE, errno.EACCES):
            return True
        if "address already in use" in str(cur).lower():
            return True
        cur = cur.__cause__ or cur.__context__
    return False


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    """Whether ``host:port`` can be bound now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the hub binds
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


class DemoServices(QObject):
    """The embedded hub and the simulator of demo mode.

    Args:
        data_dir: folder of the persistent demo database (``demo-hub.db``).
        port: preferred port (a fixed one keeps shift caches valid across runs; a free
            one is picked when it is taken).
        simulate: run the simulator too.
        sizes: the demo jurisdiction's ``SeedSizes`` (None: the seed's default).

    Signals:
        sig_progress(str): a line for the splash (untranslated key: ``seeding``/``starting``).
        sig_ready(str): the hub's base URL; it accepts requests.
        sig_failed(str): the hub could not start (the message says why).
    """

    sig_progress = Signal(str)
    sig_ready = Signal(str)
    sig_failed = Signal(str)

    def __init__(self, data_dir: Path, *, port: int = DEMO_PORT, simulate: bool = True,
                 sizes: SeedSizes | None = None, rate: float | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.port = port
        self.simulate = simulate
        self.sizes = sizes
        self.rate = rate
        self.hub: EmbeddedHub | None = None
        self.url: str | None = None
        self.first_start = False
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def db_path(self) -> Path:
        """The demo database file."""
        return self.data_dir / "demo-hub.db"

    def start(self) -> None:
        """Start the hub (and the simulator) in the background; returns at once."""
        self.first_start = not self.db_path.exists()
        self.sig_progress.emit("seeding" if self.first_start else "starting")
        t = threading.Thread(target=self._run_hub, name="demo-hub-start", daemon=True)
        self._threads.append(t)
        t.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the simulator and the hub (blocks up to ``timeout`` per part; at exit only)."""
        self._stop.set()
        for t in self._threads:
            if t is not threading.current_thread():
                t.join(timeout)
        hub, self.hub = self.hub, None
        if hub is not None:
            try:
                hub.stop()
            except Exception:
                log.exception("stopping the embedded hub failed")

    # ---- Thread bodies

    def _run_hub(self) -> None:
        from hub.server import start_embedded

        started = time.monotonic()
        port = self.port if self.port and port_free(self.port) else 0
        for attempt in range(PORT_ATTEMPTS):
            try:
                self.data_dir.mkdir(parents=True, exist_ok=True)
                hub = start_embedded(f"sqlite:///{self.db_path}", sizes=self.sizes, port=port,
                                     sla_scale=SLA_SCALE)
                break
            except Exception as exc:  # reported to the GUI
                if port_taken(exc) and attempt + 1 < PORT_ATTEMPTS:
                    # another process took the port while the hub was starting: any free one
                    log.info("demo hub port %s taken meanwhile; retrying on a free port", port)
                    port = 0
                    continue
                log.exception("the embedded hub did not start")
                self.sig_failed.emit(f"{type(exc).__name__}: {exc}")
                return
        if self._stop.is_set():
            hub.stop()
            return
        self.hub = hub
        self.url = hub.url
        log.info("demo hub at %s (%.1f s)", hub.url, time.monotonic() - started)
        self.sig_ready.emit(hub.url)
        if self.simulate:
            self._run_simulator(hub.url)

    def _run_simulator(self, url: str) -> None:
        from hub.simulate import SimConfig, Simulator

        config = SimConfig(hub=url, speed=SIM_SPEED)
        if self.rate is not None:
            config.rate = self.rate
        try:
            sim = Simulator(config)
            sim.run(self._stop)
        except Exception:
            log.exception("the simulator stopped")


def demo_mode() -> DemoMode:
    """Demo mode for ``console.app``: these services and the seed's demo password."""
    from hub.seed import DEMO_PASSWORD

    return DemoMode(services=lambda data_dir, parent: DemoServices(data_dir, parent=parent),
                    password=DEMO_PASSWORD)
