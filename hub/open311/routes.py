"""The GeoReport v2 routes at ``/open311/v2/`` and the discovery document at ``/open311/``
(thin: parse, call ``Open311Service``, render), in the style of ``hub.routes``:
``add_routes(router, kit)``; :func:`build_router` composes them.

Every answer, refusals included, is GeoReport v2 in the format the path names
(``.json`` or ``.xml``); nothing here answers 5xx to any input.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub.errors import HubError
from hub.open311.render import FORMATS, error_response, respond
from hub.open311.service import Open311Error, Open311Service
from hub.routes.kit import RouteKit

if TYPE_CHECKING:
    from hub.app import Hub

log = logging.getLogger(__name__)
ROOT = "/open311"
V2 = "/v2"
PREFIX = ROOT + V2
DISCOVERY_CHANGESET = "2026-11-30T00:00:00Z"  # when the endpoint's behaviour last changed
FORM_TYPE = "application/x-www-form-urlencoded"


async def _answer(fmt: str, make: Callable[[], Awaitable[Response]]) -> Response:
    if fmt not in FORMATS:
        return error_response("json", 404, f"format {fmt!r} unknown: use .json or .xml")
    try:
        return await make()
    except Open311Error as err:
        return error_response(fmt, err.status, err.description)
    except HubError as err:  # 503 database unavailable (hub.dbfaults), …
        return error_response(fmt, err.status, err.message)
    except Exception:
        log.exception("open311 call failed")
        return error_response(fmt, 400, "the request could not be handled; see the hub's log")


async def read_form(request: Request, max_body: int) -> dict[str, str]:
    """The form of a ``POST`` (form-encoded, at most ``max_body`` bytes: 413 beyond); the
    first value of a repeated field wins; ``api_key`` and ``jurisdiction_id`` may come in
    the query instead."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != FORM_TYPE:
        raise Open311Error(400, f"post the request form-encoded ({FORM_TYPE})")
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > max_body:
            raise Open311Error(413, f"request body over {max_body} bytes")
    try:
        pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True)
    except (UnicodeDecodeError, ValueError):
        raise Open311Error(400, "the form is not valid UTF-8 form encoding") from None
    form = {k: v for k, v in reversed(pairs)}  # the first value of a repeated field wins
    for name in ("api_key", "jurisdiction_id"):  # some clients put these in the query
        if name not in form and name in request.query_params:
            form[name] = request.query_params[name]
    return form


def build_router(hub: Hub) -> APIRouter:
    """Every ``/open311`` route bound to one hub: GeoReport v2, then the discovery
    document."""
    router = APIRouter(prefix=ROOT, tags=["open311"])
    kit = RouteKit(hub)
    add_routes(router, kit)
    add_discovery_routes(router)
    return router


def add_routes(router: APIRouter, kit: RouteKit) -> None:
    """The GeoReport v2 routes (``/v2/…`` under the router's ``/open311``), answered by
    the hub's :class:`Open311Service`."""
    service: Open311Service = kit.hub.open311
    max_body = kit.max_body

    @router.get(V2 + "/services.{fmt}")
    async def services(request: Request, fmt: str) -> Response:
        """The 76 subcategories as services (``group`` = category)."""
        async def make() -> Response:
            service.check_jurisdiction(request.query_params)
            return respond(fmt, "services", "service", service.service_list())
        return await _answer(fmt, make)

    @router.get(V2 + "/services/{code}.{fmt}")
    async def service_definition(request: Request, code: str, fmt: str) -> Response:
        """One service's definition (no extra attributes)."""
        async def make() -> Response:
            service.check_jurisdiction(request.query_params)
            return respond(fmt, "service_definition", None, service.service_definition(code))
        return await _answer(fmt, make)

    @router.post(V2 + "/requests.{fmt}")
    async def create(request: Request, fmt: str) -> Response:
        """Report a request (form-encoded; ``api_key`` of an intake channel required)."""
        async def make() -> Response:
            form = await read_form(request, max_body)
            addr = request.client.host if request.client else ""
            body = await run_in_threadpool(service.create, form, addr)
            return respond(fmt, "service_requests", "request", body)
        return await _answer(fmt, make)

    @router.get(V2 + "/requests.{fmt}")
    async def find(request: Request, fmt: str) -> Response:
        """Requests by id list, or by service_code, status and start_date/end_date."""
        async def make() -> Response:
            params = dict(request.query_params)
            body = await run_in_threadpool(service.find, params)
            return respond(fmt, "service_requests", "request", body)
        return await _answer(fmt, make)

    @router.get(V2 + "/requests/{request_id}.{fmt}")
    async def one(request: Request, request_id: str, fmt: str) -> Response:
        """One request (a one-item list, as GeoReport v2 has it)."""
        async def make() -> Response:
            service.check_jurisdiction(request.query_params)
            body = await run_in_threadpool(service.request, request_id)
            return respond(fmt, "service_requests", "request", body)
        return await _answer(fmt, make)


def add_discovery_routes(router: APIRouter) -> None:
    """``GET /open311/discovery.json|xml``: the GeoReport v2 service discovery document."""

    @router.get("/discovery.{fmt}")
    async def discovery(request: Request, fmt: str) -> Response:
        """Where this hub's GeoReport v2 endpoint is, and in which formats."""
        async def make() -> Response:
            base = str(request.base_url).rstrip("/")
            body = {"changeset": DISCOVERY_CHANGESET,
                    "contact": "the county command center's IT team",
                    "key_service": "API keys per intake channel: command-post-hub apikey add",
                    "endpoints": [{"specification": "http://wiki.open311.org/GeoReport_v2",
                                   "url": base + PREFIX, "changeset": DISCOVERY_CHANGESET,
                                   "type": "production",
                                   "formats": ["text/xml", "application/json"]}]}
            return respond(fmt, "discovery", None, body)
        return await _answer(fmt, make)
