"""Serve an ASGI HTTP app (the FastAPI routes) from aiohttp.

The hub runs on aiohttp because its WebSocket fan-out measured twice as fast as uvicorn's
(see the README); the REST routes stay FastAPI (validation, OpenAPI docs at ``/docs``) and
reach it through this small bridge. HTTP only: the feed is a native aiohttp handler.
"""

from __future__ import annotations

import asyncio

from aiohttp import web
from aiohttp.web_protocol import RequestPayloadError
from multidict import CIMultiDict
from starlette.types import ASGIApp, Message, Scope

_CHUNK = 64 * 1024


class ClientBodyError(Exception):
    """The client's request body is at fault (late or unreadable): the bridge answers it
    with a 4xx, so the application's catch-all must not log it as the hub's error."""


class _BodyTimeout(ClientBodyError):
    """The request's body did not arrive within the deadline."""


class _BadBody(ClientBodyError):
    """The request's body could not be read (a broken Content-Encoding or chunking)."""


class AsgiBridge:
    """An aiohttp handler that runs one ASGI HTTP request per call.

    ``body_timeout``: the whole body must arrive within this many seconds of the request's
    start, else the answer is 408 and the connection is closed (a half-sent body no
    longer holds a handler for minutes).
    """

    def __init__(self, app: ASGIApp, body_timeout: float | None = None) -> None:
        self.app = app
        self.body_timeout = body_timeout

    async def __call__(self, request: web.Request) -> web.StreamResponse:
        peer = request.transport.get_extra_info("peername") if request.transport else None
        sock = request.transport.get_extra_info("sockname") if request.transport else None
        scope: Scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": f"{request.version.major}.{request.version.minor}",
            "method": request.method,
            "scheme": request.scheme,
            "path": request.path,
            "raw_path": request.raw_path.split("?", 1)[0].encode(),
            "query_string": request.query_string.encode(),
            "root_path": "",
            "headers": [(k.lower(), v) for k, v in request.raw_headers],
            # request.remote: the client behind a trusted proxy (hub.proxies), else the peer
            "client": (request.remote or peer[0], peer[1]) if peer else None,
            "server": tuple(sock[:2]) if sock else None,
        }
        body_done = False
        status = 500
        headers: CIMultiDict[str] = CIMultiDict()
        chunks: list[bytes] = []
        finished = asyncio.Event()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.body_timeout if self.body_timeout else None

        async def receive() -> Message:
            nonlocal body_done
            if body_done:
                await finished.wait()
                return {"type": "http.disconnect"}
            try:
                async with asyncio.timeout_at(deadline):
                    chunk = await request.content.read(_CHUNK)
            except TimeoutError:
                raise _BodyTimeout from None
            except RequestPayloadError as exc:
                raise _BadBody(str(exc).strip().splitlines()[-1].strip()) from None
            if not chunk or request.content.at_eof():
                body_done = True
                return {"type": "http.request", "body": chunk, "more_body": False}
            return {"type": "http.request", "body": chunk, "more_body": True}

        async def send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                for key, value in message.get("headers", ()):
                    headers.add(key.decode("latin-1"), value.decode("latin-1"))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    finished.set()

        try:
            await self.app(scope, receive, send)
        except _BodyTimeout:
            late = web.Response(
                status=408, content_type="application/json",
                body=b'{"error":{"code":"bad_request","message":"the request body did not '
                     b'arrive in time"}}')
            late.force_close()
            return late
        except _BadBody as exc:
            bad = web.json_response(
                {"error": {"code": "bad_request",
                           "message": f"the request body cannot be read: {exc}"}}, status=400)
            bad.force_close()
            # nothing more to read: aiohttp would otherwise drain the broken body after the
            # answer and log its error as an unhandled exception, once per such request
            request.content.feed_eof()
            return bad
        finally:
            finished.set()
        headers.popall("content-length", None)
        return web.Response(status=status, body=b"".join(chunks), headers=headers)
