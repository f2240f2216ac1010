"""Ordered background commits: the Feed thread reads on while the shift cache writes.

SQLite releases the GIL while it writes, so committing a batch on a second thread lets the
Feed thread read and decode the next frames meanwhile, instead of waiting for the disk
(on this machine a catch-up spent ~0.3 s of wall time per 100,000 events inside commits
that cost ~0.17 s of CPU; a slow disk makes the gap larger).

A :class:`CacheWriter` runs submitted jobs one at a time, in order, on one thread. The
submitter sees a job's error at its next :meth:`~CacheWriter.submit` or
:meth:`~CacheWriter.flush` (the job itself is not retried), and :meth:`~CacheWriter.submit`
waits while ``max_pending`` jobs are queued, so a disk slower than the feed slows the
reader instead of growing memory.

Threading: one submitting thread; the jobs run on the writer thread.
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future

_Job = tuple[Callable[[], None], Future[None]]


class CacheWriter:
    """Runs jobs in order on one background (daemon) thread; see the module docstring."""

    def __init__(self, max_pending: int = 4, name: str = "cache-writer") -> None:
        self.max_pending = max_pending
        self.name = name
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._pending: deque[Future[None]] = deque()
        self._thread: threading.Thread | None = None

    def submit(self, job: Callable[[], None]) -> None:
        """Queue ``job`` after the ones before it.

        Raises:
            Exception: whatever an earlier job raised (that job is dropped).
        """
        pending = self._pending
        while pending and (pending[0].done() or len(pending) >= self.max_pending):
            self._settle_oldest()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()
        fut: Future[None] = Future()
        pending.append(fut)
        self._jobs.put((job, fut))

    def check(self) -> None:
        """Raise the error of a job that has failed, if any (without waiting)."""
        pending = self._pending
        while pending and pending[0].done():
            self._settle_oldest()

    def flush(self) -> None:
        """Wait until every queued job has run.

        Raises:
            Exception: the first error of a queued job (the later ones still run).
        """
        while self._pending:
            self._settle_oldest()

    @property
    def pending(self) -> int:
        """Jobs queued or running."""
        return len(self._pending)

    def close(self) -> None:
        """Run what is queued, then stop the thread.

        Raises:
            Exception: the first error of a queued job.
        """
        try:
            self.flush()
        finally:
            if self._thread is not None:
                self._jobs.put(None)
                self._thread.join()
                self._thread = None

    def _settle_oldest(self) -> None:
        oldest = self._pending[0]
        try:
            oldest.result()  # waits for it; raises its error
        finally:
            self._pending.popleft()

    def _run(self) -> None:
        while (item := self._jobs.get()) is not None:
            job, fut = item
            try:
                job()
            except BaseException as exc:  # handed to the submitter
                fut.set_exception(exc)
            else:
                fut.set_result(None)
