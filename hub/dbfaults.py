"""Database faults turned into protocol answers: retry what a retry cures, 503 the rest.

With several hub processes on one PostgreSQL, two transactions may meet on the same rows:
PostgreSQL then aborts one with a serialization failure (40001), a deadlock (40P01) or a
unique violation (23505, two first inserts of the same key). Such a transaction changed
nothing, so the whole call is run again, a bounded number of times with jittered pauses.
A database that cannot be reached (restarting, network) gives 503 with the protocol's
error body and the message ``hub database unavailable``: never a 500.

``guard_methods`` wraps every public method of a service object (commands, sessions,
reads) so that routes and the feed need not know any of this. Only the outermost guarded
call retries: a guarded method called inside another's transaction just raises.
"""

from __future__ import annotations

import functools
import logging
import random
import threading
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy import exc as sa_exc

from hub.bodies import ErrorJSON
from hub.errors import HubError

log = logging.getLogger(__name__)
T = TypeVar("T")
P = ParamSpec("P")

RETRY_SQLSTATES = frozenset({"40001", "40P01", "23505"})
ATTEMPTS = 6
UNAVAILABLE_MESSAGE = "hub database unavailable; try again shortly"


class DatabaseUnavailable(HubError):
    """503: the database cannot be reached (or stayed contended through every retry)."""

    status, code, outcome = 503, "server_error", "failed"

    def __init__(self, message: str = UNAVAILABLE_MESSAGE) -> None:
        super().__init__(message)

    def body(self) -> ErrorJSON:
        body = super().body()
        body["error"]["reason"] = "database_unavailable"  # an extension field
        return body


def sqlstate(err: BaseException) -> str | None:
    """The SQLSTATE of a driver error wrapped by SQLAlchemy, if any."""
    orig = getattr(err, "orig", None)
    return getattr(orig, "sqlstate", None) or getattr(err, "sqlstate", None)


def is_retryable(err: BaseException) -> bool:
    """A conflict between concurrent transactions: running the call again is correct."""
    return isinstance(err, sa_exc.DBAPIError) and sqlstate(err) in RETRY_SQLSTATES


def is_unavailable(err: BaseException) -> bool:
    """The database could not be reached or the connection broke."""
    if isinstance(err, sa_exc.DBAPIError):
        return err.connection_invalidated or isinstance(
            err, sa_exc.OperationalError | sa_exc.InterfaceError)
    return isinstance(err, sa_exc.TimeoutError | sa_exc.DisconnectionError)


_nesting = threading.local()  # only the outermost guarded call retries (a whole transaction)

#: calls counted by outcome, read by the metrics (plain ints: no lock on the hot path)
STATS = {"retried": 0, "unavailable": 0, "exhausted": 0}


def with_retries(fn: Callable[P, T], attempts: int = ATTEMPTS) -> Callable[P, T]:
    """``fn`` run again on a transaction conflict; 503 when the database is unreachable."""

    @functools.wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> T:
        if getattr(_nesting, "depth", 0):  # inside another guarded call: it decides
            return fn(*args, **kwargs)
        for attempt in range(1, attempts + 1):
            _nesting.depth = 1
            try:
                return fn(*args, **kwargs)
            except sa_exc.SQLAlchemyError as err:
                if is_retryable(err) and attempt < attempts:
                    STATS["retried"] += 1
                    time.sleep(random.uniform(0.002, 0.02) * attempt)
                    continue
                if is_retryable(err):
                    STATS["exhausted"] += 1
                    log.warning("%s: gave up after %d conflicting attempts: %s",
                                fn.__name__, attempts, err.__class__.__name__)
                    raise DatabaseUnavailable(
                        "hub database busy; try again shortly") from err
                if is_unavailable(err):
                    STATS["unavailable"] += 1
                    log.warning("%s: database unavailable: %s", fn.__name__,
                                str(err).splitlines()[0][:200])
                    raise DatabaseUnavailable() from err
                raise
            finally:
                _nesting.depth = 0
        raise AssertionError("unreachable")

    call.__wrapped_by_retries__ = True  # type: ignore[attr-defined]  # a marker on the wrapper
    return call


def guard_methods(service: T) -> T:
    """Wrap every public method of ``service`` (on the instance) with ``with_retries``."""
    for name in dir(type(service)):
        if name.startswith("_"):
            continue
        method = getattr(service, name)
        if callable(method) and not getattr(method, "__wrapped_by_retries__", False):
            setattr(service, name, with_retries(method))
    return service
