"""Prometheus metrics of one hub process (``GET /metrics``, prometheus-client).

Each hub has its own registry (the tests run several hubs in one interpreter). Hot-path
numbers (frames offered, subscribers, retries) are plain attributes read at scrape time by
a collector, so the feed pays no lock per frame; request latencies and command outcomes
are counted by an ASGI middleware around the REST app.

Names:
    commandpost_http_request_duration_seconds{method,route}   histogram
    commandpost_http_responses_total{status}                   counter
    commandpost_commands_total{command,outcome}                counter (ok, conflict,
        denied, invalid, unavailable, failed)
    commandpost_feed_subscribers                                gauge
    commandpost_feed_frames_total                               counter (rate = frames/s)
    commandpost_feed_gap_frames_total                           counter (read back from the DB)
    commandpost_feed_notify_delay_seconds                       histogram (another process's
        commit → its frames offered here: the cross-process feed lag)
    commandpost_feed_behind_events                              gauge (committed, not yet
        offered here, at the last safety poll)
    commandpost_notify_queue_usage                              gauge (PostgreSQL's NOTIFY
        queue, 0..1: the backlog of unread notifications)
    commandpost_listen_up                                       gauge (1: LISTEN connected)
    commandpost_listen_reconnects_total                         counter
    commandpost_db_retries_total{kind}                          counter (retried, exhausted,
        unavailable)
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub import dbfaults

if TYPE_CHECKING:
    from hub.app import Hub

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.5, 5.0, 10.0)
_NOT_COMMANDS = frozenset({"login"})


def outcome_of(status: int) -> str:
    """A command's outcome from its HTTP status."""
    if status < 400:
        return "ok"
    if status == 409:
        return "conflict"
    if status in (401, 403, 429):
        return "denied"
    if status == 503:
        return "unavailable"
    if status < 500:
        return "invalid"
    return "failed"


class _Live(Collector):
    """Numbers read from the hub's parts at scrape time."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def collect(self) -> Iterator[Metric]:
        broker, fanout = self.hub.broker, self.hub.fanout
        yield GaugeMetricFamily("commandpost_feed_subscribers",
                                "feed connections subscribed in this process",
                                value=broker.subscriber_count)
        yield CounterMetricFamily("commandpost_feed_frames",
                                  "frames offered to feed subscribers", value=broker.frames_out)
        yield CounterMetricFamily("commandpost_feed_gap_frames",
                                  "frames read back from the database to close a gap",
                                  value=broker.filled)
        retries = CounterMetricFamily("commandpost_db_retries",
                                      "database calls retried or given up", labels=["kind"])
        for kind, value in dbfaults.STATS.items():
            retries.add_metric([kind], value)
        yield retries
        if fanout is not None:
            yield GaugeMetricFamily("commandpost_listen_up", "LISTEN connection established",
                                    value=1 if fanout.up else 0)
            yield CounterMetricFamily("commandpost_listen_reconnects",
                                      "LISTEN connection (re)attempts",
                                      value=fanout.reconnects)
            yield GaugeMetricFamily("commandpost_notify_queue_usage",
                                    "pg_notification_queue_usage() at the last poll",
                                    value=fanout.queue_usage)
            yield GaugeMetricFamily("commandpost_feed_behind_events",
                                    "events committed but not yet offered here",
                                    value=fanout.behind)


class HubMetrics:
    """The registry of one hub and the middleware that feeds it."""

    def __init__(self, hub: Hub) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.latency = Histogram("commandpost_http_request_duration_seconds",
                                 "REST request latency", ["method", "route"],
                                 buckets=_LATENCY_BUCKETS, registry=self.registry)
        self.responses = Counter("commandpost_http_responses", "REST responses by status",
                                 ["status"], registry=self.registry)
        self.commands = Counter("commandpost_commands", "commands by outcome",
                                ["command", "outcome"], registry=self.registry)
        self.notify_delay = Histogram("commandpost_feed_notify_delay_seconds",
                                      "another process's commit to its frames offered here",
                                      buckets=_LATENCY_BUCKETS, registry=self.registry)
        self.registry.register(_Live(hub))

    def render(self) -> bytes:
        """The text exposition of every metric."""
        return generate_latest(self.registry)

    def middleware(self, app: ASGIApp) -> ASGIApp:
        """Wrap the REST app: time each request, count responses and command outcomes."""

        async def timed(scope: Scope, receive: Receive, send: Send) -> None:
            if scope.get("type") != "http":
                await app(scope, receive, send)
                return
            status = 500
            started = time.perf_counter()

            async def send_status(message: Message) -> None:
                nonlocal status
                if message.get("type") == "http.response.start":
                    status = int(message["status"])
                await send(message)

            try:
                await app(scope, receive, send_status)
            finally:
                route = scope.get("route")
                path = getattr(route, "path", None) or "unmatched"
                method = scope.get("method", "")
                self.latency.labels(method, path).observe(time.perf_counter() - started)
                self.responses.labels(str(status)).inc()
                name = getattr(route, "name", None)
                if (method == "POST" and name and path.startswith("/api/v1/")
                        and name not in _NOT_COMMANDS):
                    self.commands.labels(name, outcome_of(status)).inc()

        return timed
