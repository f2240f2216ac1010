"""Running the hub: in the foreground (``hub serve``) or embedded in a background thread."""

from __future__ import annotations

import logging
import tempfile
import threading
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

import uvicorn

from hub.app import Hub
from hub.config import HubConfig

log = logging.getLogger(__name__)


class _DenialNoiseFilter(logging.Filter):
    """uvicorn's sans-I/O WebSocket protocol logs a spurious error after an app refuses a
    handshake with an HTTP response (401/410 here), although the response was sent."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "returned without completing handshake" not in record.getMessage()


logging.getLogger("uvicorn.error").addFilter(_DenialNoiseFilter())


def uvicorn_config(hub: Hub) -> uvicorn.Config:
    """uvicorn settings for the hub (no per-message deflate: it would cost CPU per
    subscriber per frame; the feed's frames are small)."""
    return uvicorn.Config(hub.app, host=hub.config.host, port=hub.config.port,
                          ws="websockets-sansio", ws_per_message_deflate=False,
                          ws_max_size=1024 * 1024, log_level=hub.config.log_level,
                          access_log=False, lifespan="on", timeout_graceful_shutdown=3)


def serve(config: HubConfig) -> None:
    """Run the hub in the foreground until interrupted."""
    hub = Hub(config)
    log.info("hub on http://%s:%d (API /api/v1, docs /docs), database %s", config.host,
             config.port, config.db_url.split("@")[-1])
    uvicorn.Server(uvicorn_config(hub)).run()


class EmbeddedHub:
    """A hub serving from a background thread (for ``main.py`` and the tests).

    Attributes:
        hub: the running ``Hub``.
        url: its base URL (``http://127.0.0.1:PORT``; the API is under ``/api/v1``).
    """

    def __init__(self, config: HubConfig) -> None:
        self.hub = Hub(config)
        self._server = uvicorn.Server(uvicorn_config(self.hub))
        self._thread = threading.Thread(target=self._server.run, name="hub", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the embedded hub did not start")
            time.sleep(0.01)
        port = self._server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://{config.host}:{port}"

    def stop(self) -> None:
        """Stop serving and close the database."""
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self.hub.db.dispose()

    def __enter__(self) -> EmbeddedHub:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def start_embedded(db_url: str | None = None, *, sizes: Any = None, port: int = 0,
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
    config = HubConfig(db_url=db_url, port=port, seed_sizes=sizes, log_level="warning",
                       **settings)
    return EmbeddedHub(config)
