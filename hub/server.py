"""Running the hub: in the foreground (``hub serve``) or embedded in a background thread."""

from __future__ import annotations

import asyncio
import logging
import tempfile
import threading
from dataclasses import fields
from pathlib import Path
from typing import Any

from aiohttp import web

from hub import tls
from hub.app import Hub
from hub.config import HubConfig
from hub.seed import SeedSizes

log = logging.getLogger(__name__)


def serve(config: HubConfig) -> None:
    """Run the hub in the foreground until interrupted (SIGINT/SIGTERM)."""
    context = tls.server_context(config)
    hub = Hub(config)
    log.info("hub on %s://%s:%d (API /api/v1, docs /docs), database %s", tls.scheme(config),
             config.host, config.port, config.db_url.split("@")[-1])
    try:
        web.run_app(hub.web_app(), host=config.host, port=config.port, print=None,
                    access_log=None, shutdown_timeout=3, ssl_context=context,
                    keepalive_timeout=config.request_timeout_s,
                    lingering_time=config.request_timeout_s)
    finally:
        hub.db.dispose()


class EmbeddedHub:
    """A hub serving from a background thread (for ``main.py`` and the tests).

    Attributes:
        hub: the running ``Hub``.
        url: its base URL (``http://127.0.0.1:PORT``; the API is under ``/api/v1``).
    """

    def __init__(self, config: HubConfig) -> None:
        self.hub = Hub(config)
        self._loop = asyncio.new_event_loop()
        self._runner = web.AppRunner(self.hub.web_app(), access_log=None,
                                     shutdown_timeout=3,
                                     keepalive_timeout=config.request_timeout_s,
                                     lingering_time=config.request_timeout_s)
        started = threading.Event()
        failure: list[BaseException] = []
        self.url = ""

        def run() -> None:
            asyncio.set_event_loop(self._loop)
            try:
                self._loop.run_until_complete(self._start(config))
            except BaseException as exc:  # reported to the starting thread
                failure.append(exc)
                started.set()
                return
            started.set()
            self._loop.run_forever()
            self._loop.close()

        self._thread = threading.Thread(target=run, name="hub", daemon=True)
        self._thread.start()
        if not started.wait(60) or failure:
            raise RuntimeError(f"the embedded hub did not start: {failure}")

    async def _start(self, config: HubConfig) -> None:
        await self._runner.setup()
        site = web.TCPSite(self._runner, config.host, config.port,
                           ssl_context=tls.server_context(config))
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.Server) and server.sockets
        port = server.sockets[0].getsockname()[1]
        self.url = f"{tls.scheme(config)}://{config.host}:{port}"

    def stop(self) -> None:
        """Stop serving and close the database."""
        if self._thread.is_alive():
            cleanup = asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop)
            try:
                cleanup.result(timeout=15)
            finally:
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._thread.join(timeout=15)
        self.hub.sessions.guard.pool.shutdown()
        self.hub.db.dispose()

    def __enter__(self) -> EmbeddedHub:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def start_embedded(db_url: str | None = None, *, sizes: SeedSizes | None = None, port: int = 0,
                   **settings: Any) -> EmbeddedHub:
    """Start a hub on loopback in a background thread and return once it accepts requests.

    Args:
        db_url: database URL; None makes a fresh SQLite file in a temporary folder.
        sizes: the demo jurisdiction's ``SeedSizes`` (default: the seed's default).
        port: 0 picks a free port.
        settings: any other ``HubConfig`` field.
    """
    if db_url is None:
        folder = Path(tempfile.mkdtemp(prefix="commandpost-hub-"))
        db_url = f"sqlite:///{folder / 'hub.db'}"
    known = {f.name for f in fields(HubConfig)}
    unknown = set(settings) - known
    if unknown:
        raise TypeError(f"unknown hub settings: {sorted(unknown)}")
    settings.setdefault("log_level", "warning")
    settings.setdefault("migrate", True)
    config = HubConfig(db_url=db_url, port=port, seed_sizes=sizes, **settings)
    return EmbeddedHub(config)
