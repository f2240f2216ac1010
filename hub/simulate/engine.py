"""The driving loop: one thread runs a heap of due jobs (no thread per case).

``SimulationEngine`` owns the clock (real, or virtual for tests), the job heap, the
retries with back-off (429, 5xx, network errors; nothing crashes the loop) and the
reading of the hub's answers into the tracks (a 409 re-reads the case and re-decides).
What a job does and what comes next for a case belong to the subclasses
(``hub.simulate.loop11.ClosedLoop``, ``hub.simulate.simulator.Simulator``).
"""

from __future__ import annotations

import heapq
import itertools
import logging
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from hub.simulate.config import SimConfig
from hub.simulate.hubapi import HttpTransport, HubApi, Reply, Transport, error_message
from hub.simulate.jobs import LIFECYCLE_JOBS, Job, Track
from hub.simulate.world import World

log = logging.getLogger(__name__)


class SimulationEngine:
    """The scheduler, the clocks and the reading of answers; subclasses add the jobs.

    Attributes:
        config: the options.
        api: accounts and tokens over the transport.
        stats: actions done, by name (``reported``, ``dispatched``, ``closed``, ``conflicts`` …).
        world: what the hub told about regions, units and categories (after setup).
        tracks: the cases followed, by id.
        loop11: the hub speaks protocol 1.1 (the closed loop), learned at setup.
    """

    MAX_ATTEMPTS = 8
    MAX_FAILURES = 3

    def __init__(self, config: SimConfig, transport: Transport | None = None, *,
                 clock: Callable[[], float] | None = None, virtual: bool = False) -> None:
        self.config = config
        self.rng = random.Random(config.seed)
        self._vt = 0.0
        self.clock: Callable[[], float] = (
            self.virtual_clock if virtual else (clock or time.monotonic))
        self.transport = transport if transport is not None else HttpTransport(config.hub)
        self.api = HubApi(self.transport, config.password, clock=lambda: self.clock())
        self.stats: Counter[str] = Counter()
        self.world: World | None = None
        self.tracks: dict[str, Track] = {}
        self.loop11 = False
        self._heap: list[Job] = []
        self._seq = itertools.count()
        self._caller = config.officer
        self._handlers: dict[str, Callable[[Job], None]] = {}

    # ---- what subclasses decide
    def setup(self) -> bool:
        """Log in, learn the hub's world, plan the first jobs; False if not possible yet."""
        raise NotImplementedError

    def decide(self, track: Track) -> None:
        """Schedule the next step of a case from its current status."""
        raise NotImplementedError

    # ---- scheduler
    def schedule(self, delay_s: float, action: str, case_id: str | None = None, *,
                 attempt: int = 0, **data: Any) -> Job:
        """Put a job on the heap, due ``delay_s`` real seconds from now."""
        job = Job(self.clock() + max(self.config.min_delay_s, delay_s), next(self._seq), action,
                  case_id, attempt, data)
        heapq.heappush(self._heap, job)
        return job

    def sim_delay(self, low_s: float, high_s: float) -> float:
        """Return a delay drawn between two simulated durations, in real seconds."""
        return self.rng.uniform(low_s, high_s) / self.config.speed

    def pending_jobs(self) -> int:
        """Return how many jobs are waiting."""
        return len(self._heap)

    def run_due(self) -> int:
        """Run every job that is due now; return how many ran."""
        ran = 0
        while self._heap and self._heap[0].due <= self.clock():
            job = heapq.heappop(self._heap)
            self._run_job(job)
            ran += 1
        return ran

    def _run_job(self, job: Job) -> None:
        handler = self._handlers.get(job.action)
        if handler is None:  # pragma: no cover - programming error
            log.error("no handler for %s", job.action)
            return
        track = self.tracks.get(job.case_id or "")
        if track is not None and job.action in LIFECYCLE_JOBS:
            track.pending = False
        try:
            handler(job)
        except Exception:  # never let one job stop the simulation
            log.exception("job %s for %s failed", job.action, job.case_id)
            self.stats["job_errors"] += 1

    def _retry(self, job: Job, reply: Reply) -> bool:
        """Reschedule a job after a retryable answer; return True when it was handled so."""
        if not reply.retryable:
            return False
        if job.attempt + 1 >= self.MAX_ATTEMPTS:
            log.warning("giving up %s %s after %d attempts (last status %s)", job.action,
                        job.case_id or "", job.attempt + 1, reply.status)
            self.stats["gave_up"] += 1
            self.tracks.pop(job.case_id or "", None)
            return True
        backoff = min(30.0, 0.25 * 2 ** job.attempt) * self.rng.uniform(0.75, 1.25)
        log.info("retry %s %s in %.2fs (status %s)", job.action, job.case_id or "", backoff,
                 reply.status)
        self.stats["retries"] += 1
        track = self.tracks.get(job.case_id or "")
        if track is not None and job.action in LIFECYCLE_JOBS:
            track.pending = True
        heapq.heappush(self._heap, Job(self.clock() + backoff, next(self._seq), job.action,
                                       job.case_id, job.attempt + 1, job.data))
        return True

    def _lifecycle(self, track: Track, delay_s: float, action: str) -> None:
        track.pending = True
        self.schedule(delay_s, action, track.id)

    # ---- running
    def close(self) -> None:
        """Release the transport's connections (if it has any to release)."""
        close = getattr(self.transport, "close", None)
        if callable(close):
            close()

    def fatal_login(self) -> bool:
        """True when the intake or supervisor credentials were refused (no point retrying)."""
        return any(u in self.api.refused for u in (self.config.intake, self.config.supervisor))

    def run(self, stop_event: threading.Event, duration_s: float | None = None) -> None:
        """Run until ``stop_event`` is set (or ``duration_s`` real seconds have passed)."""
        duration_s = duration_s if duration_s is not None else self.config.duration_s
        end = None if duration_s is None else self.clock() + duration_s
        backoff = 0.5
        while not stop_event.is_set() and self.world is None:
            if self.setup():
                break
            if self.fatal_login():
                log.error("credentials refused; the simulator stops")
                return
            stop_event.wait(backoff)
            backoff = min(backoff * 2, 15.0)
            if end is not None and self.clock() >= end:
                return
        while not stop_event.is_set():
            now = self.clock()
            if end is not None and now >= end:
                break
            self.run_due()
            wait = 0.5 if not self._heap else max(0.0, self._heap[0].due - self.clock())
            if end is not None:
                wait = min(wait, max(0.0, end - self.clock()))
            if wait > 0:
                stop_event.wait(min(wait, 0.5))
        log.info("simulator stopped: %s", dict(self.stats))

    def run_virtual(self, duration_s: float) -> None:
        """Run the jobs of the next ``duration_s`` seconds at once on a virtual clock (tests).

        Only for a simulator built with ``virtual=True``.
        """
        if self.world is None and not self.setup():
            return
        end = self._vt + duration_s
        while self._heap and self._heap[0].due <= end:
            job = heapq.heappop(self._heap)
            self._vt = max(self._vt, job.due)
            self._run_job(job)
        self._vt = end

    def virtual_clock(self) -> float:
        """A clock that only ``run_virtual`` moves."""
        return self._vt

    # ---- reading and re-deciding
    def _apply(self, track: Track, case: object) -> None:
        """Take the hub's copy of a case into the track."""
        if not isinstance(case, dict):
            return
        version = case.get("version")
        if isinstance(version, int) and version >= track.version:
            track.version = version
            track.status = str(case.get("status", track.status))
            unit = case.get("unit_id")
            track.unit_id = str(unit) if unit is not None else None

    def _refresh(self, track: Track, reply: Reply | None = None) -> bool:
        """Bring the track up to date (from a 409 body or GET); False when it is gone."""
        case = reply.body.get("case") if reply is not None and isinstance(reply.body, dict) else None
        if not isinstance(case, dict):
            got = self.api.call(self.config.supervisor, "GET", f"/cases/{track.id}")
            if got.status == 404:
                self.tracks.pop(track.id, None)
                return False
            if not got.ok:
                return True  # keep what we know; the next decision retries
            case = got.body
        self._apply(track, case)
        return True

    def _conflict(self, track: Track, reply: Reply, action: str) -> None:
        self.stats["conflicts"] += 1
        log.info("%s %s: conflict (had v%d)", action, track.id, track.version)
        if self._refresh(track, reply):
            self.decide(track)

    def _failed(self, track: Track, reply: Reply, action: str) -> None:
        """A refusal that retrying will not fix: re-read and re-decide, a few times at most."""
        track.failures += 1
        log.warning("%s %s refused: %s %s", action, track.id, reply.status,
                    error_message(reply.body))
        if track.failures >= self.MAX_FAILURES:
            log.warning("dropping case %s after %d refusals", track.id, track.failures)
            self.tracks.pop(track.id, None)
            self.stats["dropped"] += 1
            return
        if self._refresh(track):
            self.decide(track)

    def _outcome(self, job: Job, track: Track, reply: Reply, action: str) -> bool:
        """Handle a command's answer; True when it succeeded (the track is then updated)."""
        if reply.ok:
            self._apply(track, reply.body)
            return True
        if self._retry(job, reply):
            return False
        if reply.status == 409:
            self._conflict(track, reply, action)
        elif reply.status == 404:
            self.tracks.pop(track.id, None)
        else:
            self._failed(track, reply, action)
        return False
