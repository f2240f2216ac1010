"""Login hardening: the lockout counted before the hash, a per-address throttle, and a
bounded pool for password hashing.

* **By username** (the protocol's rule): 5 wrong passwords within 15 minutes lock the name
  for 15 minutes. Failures are rows of ``login_failures`` (so an admin's ``hub user unlock``
  in another process lifts the lock at once); checks in progress are counted in memory
  under one lock *before* the slow hash runs, so a parallel burst gets at most 5 checks
  (before, 40 parallel logins all reached the hash and the right password got in).
* **By source address**: an address with ``addr_failures`` failures within the window is
  refused (429) before any name is looked at, and its refused attempts count against no
  name, so one address can lock at most ``addr_failures / failures`` accounts (4 by
  default) instead of all of them. Kept in memory: a restart forgets it.
* **Hash pool**: at most ``hash_workers`` scrypt hashes run at once (16 MiB each) and at
  most ``hash_queue`` wait; a flood beyond that gets 429 at once, so memory stays flat.

A locked name does not end its live sessions: the lockout only refuses new logins.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hub.db import Database
from hub.errors import RateLimited
from hub.models import LoginFailure
from hub.timeutil import utcnow

T = TypeVar("T")

IN_FLIGHT_WAIT_S = 5.0
"""How long a login waits for the name's checks in progress before it is refused."""


class HashPool:
    """A bounded pool for the slow password hash: ``workers`` threads of its own (so only
    they ever hold scrypt's 16 MiB buffers: the C allocator keeps a thread's arena, and
    hashing on 40 request threads in turn grew the hub by ~250 MB), ``queue`` waiting.

    Attributes:
        peak: the most hashes ever seen running at once (for tests and metrics).
        refused: how many callers were refused because the queue was full.
    """

    def __init__(self, workers: int, queue: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hub-hash")
        self._lock = threading.Lock()
        self._queued = 0
        self._limit = workers + queue
        self._running = 0
        self.peak = 0
        self.refused = 0

    def run(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` on the pool and return its result; raise ``RateLimited`` when
        ``workers + queue`` calls are already in."""
        with self._lock:
            if self._queued >= self._limit:
                self.refused += 1
                raise RateLimited("the hub is busy checking passwords; try again shortly")
            self._queued += 1
        try:
            return self._pool.submit(self._counted, fn).result()
        finally:
            with self._lock:
                self._queued -= 1

    def _counted(self, fn: Callable[[], T]) -> T:
        with self._lock:
            self._running += 1
            self.peak = max(self.peak, self._running)
        try:
            return fn()
        finally:
            with self._lock:
                self._running -= 1

    def shutdown(self) -> None:
        """Stop the pool's threads."""
        self._pool.shutdown(wait=False, cancel_futures=True)


class LoginGuard:
    """Decides whether a login may reach the password check, and records its outcome."""

    def __init__(self, failures: int, window_s: float, addr_failures: int,
                 hash_workers: int, hash_queue: int) -> None:
        self.failures = failures
        self.window = timedelta(seconds=window_s)
        self.addr_failures = addr_failures
        self.pool = HashPool(hash_workers, hash_queue)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._checking: dict[str, int] = defaultdict(int)
        self._addr_checking: dict[str, int] = defaultdict(int)
        self._addr_failed: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, s: Session, username: str, now: datetime) -> list[datetime]:
        return list(s.scalars(
            select(LoginFailure.at).where(LoginFailure.username == username,
                                          LoginFailure.at > now - 2 * self.window)
            .order_by(LoginFailure.at.desc()).limit(self.failures)))

    def locked(self, s: Session, username: str) -> bool:
        """Whether ``failures`` wrong passwords within the window lock the name now."""
        recent = self._recent(s, username, utcnow())
        return self._is_locked(recent, utcnow())

    def _is_locked(self, recent: list[datetime], now: datetime) -> bool:
        return (len(recent) >= self.failures and recent[0] - recent[-1] <= self.window
                and now - recent[0] < self.window)

    def _addr_count(self, addr: str, now: float) -> int:
        failed = self._addr_failed.get(addr)
        if not failed:
            return 0
        while failed and failed[0] <= now - self.window.total_seconds():
            failed.popleft()
        if not failed:
            del self._addr_failed[addr]
            return 0
        return len(failed)

    def admit(self, db: Database, username: str, addr: str) -> None:
        """Reserve one password check for ``username`` from ``addr``, or raise.

        A login refused only because checks in progress might lock the name waits (at
        most ``IN_FLIGHT_WAIT_S``) for them to end and decides again: a finished check's
        failure is in the database *and* still reserved until it is released, so
        deciding at once would refuse a login that the lockout would have allowed.

        Raises:
            RateLimited: the address is throttled, the name is locked, or enough checks
                are still in progress to reach the limit should they all fail.
        """
        deadline = time.monotonic() + IN_FLIGHT_WAIT_S
        with self._changed:
            while True:
                now = utcnow()
                if (self._addr_count(addr, time.monotonic()) + self._addr_checking[addr]
                        >= self.addr_failures):
                    raise RateLimited("too many failed logins from this address; "
                                      "try again in 15 minutes")
                with db.read() as s:  # no other connection is held meanwhile
                    recent = self._recent(s, username, now)
                if self._is_locked(recent, now):
                    raise RateLimited("too many failed logins; try again in 15 minutes")
                in_window = sum(1 for at in recent if now - at < self.window)
                if in_window + self._checking[username] < self.failures:
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RateLimited("too many logins for this name at once; try again")
                self._changed.wait(left)
            self._checking[username] += 1
            self._addr_checking[addr] += 1

    def record(self, s: Session, username: str, ok: bool) -> None:
        """Add the outcome to the caller's transaction: a failure row, or (on success) the
        name's failures cleared. Call :meth:`release` once that transaction committed, so
        the count in the database already holds the failure when the reservation ends."""
        if ok:
            s.execute(delete(LoginFailure).where(LoginFailure.username == username))
        else:
            s.add(LoginFailure(username=username, at=utcnow()))

    def release(self, username: str, addr: str, failed: bool) -> None:
        """End the reservation of :meth:`admit`; a failure counts against the address."""
        with self._lock:
            for counts, key in ((self._checking, username), (self._addr_checking, addr)):
                counts[key] -= 1
                if counts[key] <= 0:
                    del counts[key]
            if failed:
                self._addr_failed[addr].append(time.monotonic())
            self._changed.notify_all()
