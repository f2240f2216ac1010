"""HTTP routes of protocol v1 (FastAPI): ``build_router`` puts the resources of
``hub.routes`` together under ``/api/v1``; ``install_error_handlers`` renders every failure
as the protocol's error body. Routes stay thin: authenticate, check the role, read and
validate the body, then call the service layer in a worker thread (``hub.routes.kit``).

Order of refusals: 401 (token) → 403 (role) → 413 (size) → 400 (JSON) → 422 (fields)
→ 404 / 409 / 422 from the service. Every refused command is audited.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from hub.asgi_bridge import ClientBodyError
from hub.dbfaults import DatabaseUnavailable, is_unavailable
from hub.errors import HubError, Unauthenticated
from hub.openapi_doc import allowed_methods
from hub.routes import (
    assessment,
    audit,
    calls,
    cases,
    loop,
    reads,
    regions,
    security,
    session,
    whistles,
)
from hub.routes.kit import RouteKit, error_response, json_response

if TYPE_CHECKING:
    from hub.app import Hub

__all__ = ["build_router", "error_response", "install_error_handlers", "json_response"]

#: the resources in the order of the OpenAPI document
RESOURCES = (session, reads, regions, audit, cases, loop, assessment, whistles, calls,
             security)

_STATUS_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden",
                 404: "not_found", 405: "bad_request", 409: "conflict", 410: "gone",
                 413: "too_large", 422: "invalid", 429: "rate_limited"}

log = logging.getLogger(__name__)


def build_router(hub: Hub) -> APIRouter:
    """All ``/api/v1`` routes bound to one hub."""
    router = APIRouter(prefix="/api/v1")
    kit = RouteKit(hub)
    for resource in RESOURCES:
        resource.add_routes(router, kit)
    return router


def install_error_handlers(app: FastAPI) -> None:
    """Render every failure as the protocol's error body (never a bare 500 page)."""

    @app.exception_handler(HubError)
    async def _hub_error(_request: Request, err: HubError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(err, Unauthenticated) else None
        response = json_response(err.body(), err.status)
        if headers:
            response.headers.update(headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, err: RequestValidationError) -> Response:
        parts = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}"
                 for e in err.errors()[:5]]
        return error_response(422, "invalid", "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, err: StarletteHTTPException) -> Response:
        code = _STATUS_CODES.get(err.status_code, "server_error")
        response = error_response(err.status_code, code, str(err.detail))
        if err.headers:
            response.headers.update(err.headers)
        if err.status_code == 405:  # every method of the path, not only the first route's
            response.headers["Allow"] = allowed_methods(request.app, request.scope)
        return response

    @app.exception_handler(SQLAlchemyError)
    async def _database(_request: Request, err: SQLAlchemyError) -> Response:
        if is_unavailable(err):  # outside a guarded service call (see hub.dbfaults)
            unavailable = DatabaseUnavailable()
            return json_response(unavailable.body(), unavailable.status)
        log.error("database error on %s %s", _request.method, _request.url.path, exc_info=err)
        return error_response(500, "server_error", "internal error; see the hub's log")

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, err: Exception) -> Response:
        if isinstance(err, ClientBodyError):  # answered 4xx by hub.asgi_bridge
            return error_response(400, "bad_request", str(err))
        log.error("unexpected error on %s %s", _request.method, _request.url.path,
                  exc_info=err)
        return error_response(500, "server_error", "internal error; see the hub's log")
