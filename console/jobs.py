"""Background jobs: run blocking calls (network, disk) off the GUI thread.

A :class:`Jobs` owns a small thread pool. :meth:`Jobs.submit` runs ``fn()`` on a pool
thread and delivers the result (or the exception) back on the GUI thread through one
queued signal, so callbacks may touch widgets. Nothing blocking ever runs on the GUI
thread.

Threading: ``submit`` and ``shutdown`` are called on the GUI thread; ``fn`` runs on a
pool thread; callbacks run on the thread that owns the Jobs object (the GUI thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from widgets.qt import QObject, Qt, Signal

log = logging.getLogger(__name__)

R = TypeVar("R")
ErrorCallback = Callable[[Exception], None]


class Jobs(QObject):
    """A thread pool whose results come back on the GUI thread.

    Signals:
        sig_done(object): internal; carries ``(on_ok, on_error, result, error)``.
    """

    sig_done = Signal(object)

    def __init__(self, workers: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="console-job")
        self._closed = False
        self.pending = 0
        self.sig_done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    # ---- Public API

    def submit(self, fn: Callable[[], R], on_ok: Callable[[R], None] | None = None,
               on_error: ErrorCallback | None = None) -> None:
        """Run ``fn()`` on a pool thread; call ``on_ok(result)`` or ``on_error(exc)`` here."""
        if self._closed:
            return
        self.pending += 1
        emit = self.sig_done.emit

        def run() -> None:
            try:
                result = fn()
            except Exception as exc:  # noqa: BLE001 - handed to on_error
                emit((on_ok, on_error, None, exc))
            else:
                emit((on_ok, on_error, result, None))

        self._pool.submit(run)

    def shutdown(self, wait: bool = False) -> None:
        """Refuse new jobs; late results are dropped."""
        self._closed = True
        self._pool.shutdown(wait=wait, cancel_futures=True)

    # ---- Internals

    def _on_done(self, packet: tuple) -> None:
        on_ok, on_error, result, error = packet
        self.pending -= 1
        if self._closed:
            return
        try:
            if error is None:
                if on_ok is not None:
                    on_ok(result)
            elif on_error is not None:
                on_error(error)
            else:
                log.warning("background job failed: %s", error)
        except Exception:  # a callback bug must not take the console down
            log.exception("background job callback failed")
