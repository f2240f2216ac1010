"""The hub assembled: database, jurisdiction, services, feed broker and the ASGI app."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from aiohttp import web
from fastapi import FastAPI
from sqlalchemy import select

from hub.api import build_router, install_error_handlers
from hub.asgi_bridge import AsgiBridge
from hub.auth import Sessions
from hub.bootstrap import prepare
from hub.broker import FeedBroker
from hub.commands import Commands
from hub.config import HubConfig
from hub.context import HubContext
from hub.db import Database
from hub.feed import FeedConnection
from hub.geo import RegionIndex
from hub.journal import Journal
from hub.models import Category, Subcategory
from hub.reads import Reads
from hub.retention import prune
from hub.scope import RegionTree

log = logging.getLogger(__name__)


def _load_categories(db: Database) -> tuple[dict[tuple[str, str], tuple[str, float]],
                                             list[dict[str, Any]]]:
    with db.read() as s:
        cats = list(s.scalars(select(Category).order_by(Category.position)))
        subs = list(s.scalars(select(Subcategory).order_by(Subcategory.position)))
    lookup: dict[tuple[str, str], tuple[str, float]] = {}
    by_cat: dict[str, list[dict[str, Any]]] = {c.name: [] for c in cats}
    for sub in subs:
        lookup[(sub.category, sub.code)] = (sub.name, sub.sla_hours)
        lookup[(sub.category, sub.name)] = (sub.name, sub.sla_hours)
        by_cat[sub.category].append({"code": sub.code, "name": sub.name,
                                     "sla_hours": sub.sla_hours})
    return lookup, [{"name": c.name, "subcategories": by_cat[c.name]} for c in cats]


class Hub:
    """One running hub.

    Attributes:
        config, db, broker, sessions, reads, commands: its parts.
        app: the FastAPI application (REST under /api/v1, the feed at /api/v1/feed).
    """

    def __init__(self, config: HubConfig) -> None:
        if not 0 < config.heartbeat_s <= 15:
            raise ValueError("heartbeat_s must be in (0, 15] (the protocol's limit)")
        self.config = config
        self.db = Database(config.db_url)
        prepare(self.db, config.seed_demo, config.seed_sizes)  # type: ignore[arg-type]
        with self.db.read() as s:
            tree = RegionTree.load(s)
            geo = RegionIndex.load(s, tree)
        self.broker = FeedBroker(config.feed_queue_limit)
        lookup, categories_json = _load_categories(self.db)
        self.ctx = HubContext(db=self.db, config=config, tree=tree,
                              journal=Journal(self.broker.publish_threadsafe),
                              subcategories=lookup, categories_json=categories_json,
                              geo=geo)
        self.sessions = Sessions(self.ctx)
        self.reads = Reads(self.ctx)
        self.commands = Commands(self.ctx, self.reads)
        self.feeds: set[FeedConnection] = set()
        self.app = self._build_app()

    def prune_now(self) -> int:
        """Apply the retention rules once."""
        return prune(self.db, self.config.retention_days, self.config.retention_events)

    def _build_app(self) -> FastAPI:
        app = FastAPI(title="Command Post hub", version="1",
                      description="Reference hub of the Command Post protocol v1 "
                                  "(REST under /api/v1, live feed: WebSocket at "
                                  "/api/v1/feed?since=N).")
        install_error_handlers(app)
        app.include_router(build_router(self))

        @app.get("/healthz", include_in_schema=False)
        async def healthz() -> dict[str, Any]:
            return {"ok": True, "subscribers": self.broker.subscriber_count}

        return app

    def web_app(self) -> web.Application:
        """The aiohttp application: the feed natively, every other path through FastAPI."""
        app = web.Application(client_max_size=self.config.max_body_bytes * 4)
        bridge = AsgiBridge(self.app)

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

    async def _background(self, _app: web.Application) -> Any:
        loop = asyncio.get_running_loop()
        loop.set_default_executor(ThreadPoolExecutor(max_workers=32,
                                                     thread_name_prefix="hub-db"))
        self.broker.bind(loop)
        pruner = asyncio.create_task(self._prune_forever())
        yield
        pruner.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await pruner

    async def _prune_forever(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(self.config.prune_interval_s)
            try:
                await loop.run_in_executor(None, self.prune_now)
            except Exception:
                log.exception("pruning failed")
