"""Input the database must never see: NUL characters, integers beyond 64 bits, non-ASCII
digits. Each is refused with 422 ``invalid`` before any work, so no input reaches a 5xx.

PostgreSQL cannot store NUL in text (it raised a driver error → 500) and ``BIGINT`` ends at
2**63 - 1 (a larger ``since`` overflowed inside the query); ``str.isdigit`` accepts "²",
which ``int()`` then refused. The aiohttp middleware covers every path (the feed too);
:func:`reject_nul` covers decoded JSON bodies.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from urllib.parse import unquote

import orjson
from aiohttp import web

INT64_MAX = 2**63 - 1
_ASCII_COUNT = re.compile(r"[0-9]{1,19}")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def parse_count(raw: str, name: str) -> int:
    """``raw`` as a non-negative 64-bit integer written in ASCII digits.

    Raises:
        ValueError: with a sentence naming ``name``.
    """
    if not _ASCII_COUNT.fullmatch(raw) or int(raw) > INT64_MAX:
        raise ValueError(f"{name} must be an integer from 0 to {INT64_MAX}")
    return int(raw)


def find_nul(obj: object, where: str = "body") -> str | None:
    """The location of the first string (or key) holding a NUL character, or None."""
    if isinstance(obj, str):
        return where if "\x00" in obj else None
    if isinstance(obj, dict):
        for key, value in obj.items():
            if isinstance(key, str) and "\x00" in key:
                return where
            found = find_nul(value, f"{where}.{key}")
            if found:
                return found
    elif isinstance(obj, list):
        for n, value in enumerate(obj):
            found = find_nul(value, f"{where}[{n}]")
            if found:
                return found
    return None


def _invalid(message: str) -> web.Response:
    return web.Response(body=orjson.dumps({"error": {"code": "invalid", "message": message}}),
                        status=422, content_type="application/json")


@web.middleware
async def refuse_nul(request: web.Request, handler: Handler) -> web.StreamResponse:
    """422 for a NUL character anywhere in the path or the query (decoded).

    Open311 (``/open311/``) refuses control characters itself, with GeoReport v2's own
    error shape and status (400), so it is left to do so.
    """
    raw = request.raw_path
    if raw.startswith("/open311/"):
        return await handler(request)
    if "%00" in raw or "\x00" in raw or "\x00" in unquote(raw):
        return _invalid("NUL characters are not allowed in a request")
    return await handler(request)


@web.middleware
async def feed_methods(request: web.Request, handler: Handler) -> web.StreamResponse:
    """405 with ``Allow: GET`` for any other method on the feed's path."""
    if request.path == "/api/v1/feed" and request.method not in ("GET", "HEAD"):
        response = web.Response(body=orjson.dumps({"error": {
            "code": "bad_request", "message": "the feed is GET (a WebSocket upgrade)"}}),
            status=405, content_type="application/json")
        response.headers["Allow"] = "GET, HEAD"
        return response
    return await handler(request)


_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
          405: "bad_request", 409: "conflict", 410: "gone", 413: "too_large",
          422: "invalid", 429: "rate_limited"}


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """aiohttp's own refusals (no route, a body over the limit…) as the protocol's body."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code = _CODES.get(exc.status, "server_error" if exc.status >= 500 else "bad_request")
        response = web.Response(body=orjson.dumps({"error": {"code": code,
                                                             "message": exc.reason}}),
                                status=exc.status, content_type="application/json")
        if "Allow" in exc.headers:
            response.headers["Allow"] = exc.headers["Allow"]
        return response
