"""The hub assembled: database, jurisdiction, services, feed broker and the ASGI app."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from aiohttp import web
from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from sqlalchemy import select, text
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from client.calendar_file import read_calendar_file
from client.working_time import DEFAULT_CALENDAR
from hub import audit_chain, data_at_rest, input_guard, openapi_doc, proxies
from hub.api import build_router, install_error_handlers, json_response
from hub.asgi_bridge import AsgiBridge
from hub.auth import Sessions
from hub.bodies import CategoryJSON, LimitsJSON, SubcategoryJSON
from hub.bootstrap import prepare
from hub.broker import FeedBroker
from hub.commands import Commands
from hub.config import HubConfig
from hub.context import HubContext
from hub.db import Database
from hub.dbfaults import DatabaseUnavailable, guard_methods
from hub.feed import FeedConnection
from hub.geo import RegionIndex
from hub.journal import Journal
from hub.limits import Clock, Limits, calendar_warning, default_limits
from hub.metrics import CONTENT_TYPE, HubMetrics
from hub.migrate import PRUNE_LOCK_KEY, exclusive_or_skip
from hub.models import Category, Subcategory
from hub.open311 import routes as open311_routes
from hub.open311.keys import ApiKeys
from hub.open311.locate import choose_locator
from hub.open311.service import Open311Service
from hub.pgnotify import PgFanout
from hub.reads import Reads
from hub.retention import prune
from hub.scope import RegionTree
from hub.timeutil import utcnow

log = logging.getLogger(__name__)


def _load_categories(db: Database) -> tuple[dict[tuple[str, str], tuple[str, float]],
                                             list[CategoryJSON],
                                             dict[tuple[str, str], Limits]]:
    with db.read() as s:
        cats = list(s.scalars(select(Category).order_by(Category.position)))
        subs = list(s.scalars(select(Subcategory).order_by(Subcategory.position)))
    lookup: dict[tuple[str, str], tuple[str, float]] = {}
    limits: dict[tuple[str, str], Limits] = {}
    by_cat: dict[str, list[SubcategoryJSON]] = {c.name: [] for c in cats}
    for sub in subs:
        lookup[(sub.category, sub.code)] = (sub.name, sub.sla_hours)
        lookup[(sub.category, sub.name)] = (sub.name, sub.sla_hours)
        limits[(sub.category, sub.name)] = default_limits(sub.sla_hours)
        by_cat[sub.category].append({"code": sub.code, "name": sub.name,
                                     "sla_hours": sub.sla_hours,
                                     "limits": limits[(sub.category, sub.name)].json()})
    return (lookup, [{"name": c.name, "subcategories": by_cat[c.name]} for c in cats],
            limits)


def published_limits(categories: list[CategoryJSON], scale: float) -> list[CategoryJSON]:
    """``GET /categories`` as the deadlines are really computed: a demo hub with compressed
    SLAs (``scale`` ≠ 1) runs every limit in wall-clock hours × ``scale``
    (``hub.limits.Clock``), so it publishes those, or a console would count its
    countdowns in office hours against deadlines minutes away."""
    if scale == 1.0:
        return categories
    def scaled(lim: LimitsJSON) -> LimitsJSON:
        return {"sign_hours": lim["sign_hours"] * scale,
                "resolve_hours": lim["resolve_hours"] * scale,
                "callback_hours": lim["callback_hours"] * scale, "working_time": False}

    return [{**cat, "subcategories": [{**sub, "limits": scaled(sub["limits"])}
                                      for sub in cat["subcategories"]]}
            for cat in categories]


class Hub:
    """One running hub.

    Attributes:
        config, db, broker, sessions, reads, commands, metrics: its parts.
        fanout: the LISTEN/NOTIFY fan-out between processes (PostgreSQL), else None.
        app: the FastAPI application (REST under /api/v1, the feed at /api/v1/feed).
    """

    def __init__(self, config: HubConfig) -> None:
        if not 0 < config.heartbeat_s <= 15:
            raise ValueError("heartbeat_s must be in (0, 15] (the protocol's limit)")
        if config.audit_retention_days < audit_chain.MIN_RETENTION_DAYS:
            raise ValueError("audit retention must be at least "
                             f"{audit_chain.MIN_RETENTION_DAYS} days (网络安全法 §21)")
        # a bad calendar file stops the start before anything else happens
        clock = Clock(config.sla_scale, calendar=(
            read_calendar_file(config.calendar_file) if config.calendar_file
            else DEFAULT_CALENDAR))
        self.trusted_proxies = proxies.parse_trusted(config.trusted_proxies)
        self.config = config
        if config.data_key:
            data_at_rest.use_key_file(config.data_key)
        self.db = Database(config.db_url)
        prepare(self.db, config.seed_demo, config.seed_sizes,
                migrate=config.migrate)
        with self.db.read() as s:
            tree = RegionTree.load(s)
            geo = RegionIndex.load(s, tree)
        self.broker = FeedBroker(config.feed_queue_limit)
        self.fanout = (None if self.db.is_sqlite
                       else PgFanout(self.db, self.broker, config.feed_poll_s))
        lookup, categories_json, limits = _load_categories(self.db)
        categories_json = published_limits(categories_json, config.sla_scale)
        journal = Journal(self.broker.publish_threadsafe,
                          notifier=self.fanout.notifier if self.fanout else None)
        self.ctx = HubContext(db=self.db, config=config, tree=tree, journal=journal,
                              subcategories=lookup, categories_json=categories_json,
                              geo=geo, limits=limits, clock=clock)
        warning = calendar_warning(utcnow(), calendar=clock.calendar)
        if warning:
            log.warning("%s", warning)
        # conflicts between hub processes are retried, an unreachable database is a 503
        self.sessions = guard_methods(Sessions(self.ctx))
        self.reads = guard_methods(Reads(self.ctx))
        self.commands = guard_methods(Commands(self.ctx, self.reads))
        self.broker.read_frames = self.reads.feed_frames
        self.metrics = HubMetrics(self)
        if self.fanout is not None:
            self.fanout.on_delay = self.metrics.notify_delay.observe
        self.feeds: set[FeedConnection] = set()
        #: replay pages held in memory at once, hub-wide (hub.feed._send_from_db)
        self.replay_slots = asyncio.Semaphore(config.replay_slots)
        # Open311 GeoReport v2 intake, placed by the grid polygon that holds the point
        # (choose_locator falls back to the nearest grid centre on a hub without polygons).
        self.open311 = guard_methods(Open311Service(self.ctx, self.commands, ApiKeys(self.db),
                                                    choose_locator(self.ctx.geo, tree)))
        self.app = self._build_app()

    def ping_database(self) -> None:
        """Raise ``DatabaseUnavailable`` unless the database answers a trivial query."""
        try:
            with self.db.read() as s:
                s.execute(text("SELECT 1"))
        except Exception as exc:
            raise DatabaseUnavailable() from exc

    def prune_now(self) -> int:
        """Apply the retention rules once (PostgreSQL: one process at a time; the others
        skip this round): events, and audit entries past their retention move to an archive
        file (``hub.audit_chain.archive``)."""
        with exclusive_or_skip(self.db, PRUNE_LOCK_KEY) as mine:
            if not mine:
                return 0
            deleted = prune(self.db, self.config.retention_days, self.config.retention_events)
            audit_chain.archive(self.db, self.config.audit_retention_days,
                                self.audit_archive_dir())
            return deleted

    def audit_archive_dir(self) -> Path:
        """Where archived audit entries go: ``--audit-archive``, else beside the database."""
        if self.config.audit_archive_dir:
            return Path(self.config.audit_archive_dir)
        sqlite = self.config.sqlite_path()
        return (sqlite.parent if sqlite else Path("var")) / "audit-archive"

    def _build_app(self) -> FastAPI:
        # Swagger UI (/docs) and ReDoc (/redoc) from assets the hub serves itself
        # (fastapi-offline ships them): the docs work on an intranet with no internet.
        # validatorUrl None: no badge image fetched from the public validator.
        app = FastAPIOffline(title="Command Post hub", version="1.1",
                             description="Reference hub of the Command Post protocol v1 "
                                         "(REST under /api/v1, live feed: WebSocket at "
                                         "/api/v1/feed?since=N).",
                             swagger_ui_parameters={"validatorUrl": None})
        install_error_handlers(app)
        app.include_router(build_router(self))
        openapi_doc.install(app)
        app.include_router(open311_routes.build_router(self))

        @app.get("/healthz", include_in_schema=False)
        async def healthz() -> dict[str, Any]:
            """Alive (the process answers); says nothing about the database."""
            return {"ok": True, "subscribers": self.broker.subscriber_count}

        @app.get("/readyz", include_in_schema=False)
        async def readyz() -> Response:
            """Ready to serve: the database answers and (PostgreSQL) LISTEN is up."""
            try:
                await run_in_threadpool(self.ping_database)
            except DatabaseUnavailable as err:
                return json_response(err.body(), err.status)
            if self.fanout is not None and not self.fanout.up:
                down = DatabaseUnavailable("not ready: the feed's LISTEN connection is down")
                return json_response(down.body(), down.status)
            return json_response({"ready": True, "database": "ok",
                                  "listen": "n/a" if self.fanout is None else "up"})

        @app.get("/metrics", include_in_schema=False)
        async def metrics() -> Response:
            """Prometheus metrics of this process."""
            return Response(self.metrics.render(), media_type=CONTENT_TYPE)

        return app

    def web_app(self) -> web.Application:
        """The aiohttp application: the feed natively, every other path through FastAPI."""
        first = [proxies.middleware(self.trusted_proxies)] if self.trusted_proxies else []
        app = web.Application(client_max_size=self.config.max_body_bytes * 4,
                              middlewares=[*first, input_guard.json_errors,
                                           input_guard.refuse_nul, input_guard.feed_methods])
        bridge = AsgiBridge(self.metrics.middleware(self.app),
                            body_timeout=self.config.request_timeout_s)

        async def feed(request: web.Request) -> web.StreamResponse:
            return await FeedConnection(self, request).run()

        app.router.add_get("/api/v1/feed", feed)
        async def rest(request: web.Request) -> web.StreamResponse:
            return await bridge(request)

        app.router.add_route("*", "/{tail:.*}", rest)
        app.cleanup_ctx.append(self._background)
        app.on_shutdown.append(self._close_feeds)
        return app

    async def _close_feeds(self, _app: web.Application) -> None:
        for connection in list(self.feeds):
            await connection.shutdown()

    async def _background(self, _app: web.Application) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        loop.set_default_executor(ThreadPoolExecutor(max_workers=32,
                                                     thread_name_prefix="hub-db"))
        self.broker.bind(loop)
        tasks = [asyncio.create_task(self._prune_forever())]
        if self.fanout is not None:
            tasks.append(asyncio.create_task(self.fanout.run()))
        yield
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        # let the database threads finish what they hold before the engine is disposed: a
        # connection still checked out at dispose() was left to the garbage collector,
        # which closed it (and warned) at some later moment (bounded: a call stuck on a
        # database that went away must not hold the stop)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(loop.shutdown_default_executor(), 5)

    async def _prune_forever(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(self.config.prune_interval_s)
            try:
                await loop.run_in_executor(None, self.prune_now)
            except Exception:
                log.exception("pruning failed")
