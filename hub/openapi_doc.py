"""The OpenAPI document as the hub really answers: every error status with the protocol's
error body, the bearer scheme, and ``Allow`` for 405.

FastAPI only declares 200/201 and 422 by itself; county IT (and schemathesis in the test
suite) read ``/openapi.json`` to know what a call may answer, so the document names every
status the hub can send and which calls need ``Authorization: Bearer``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel
from starlette.applications import Starlette
from starlette.routing import BaseRoute, Match
from starlette.types import Scope

ERROR_STATUSES = {
    "400": "broken JSON or a missing body (`bad_request`)",
    "401": "missing, expired or revoked token; wrong credentials (`unauthenticated`)",
    "403": "the role may not do this (`forbidden`)",
    "404": "unknown or out-of-scope object (`not_found`)",
    "405": "method not allowed (`Allow` names the methods)",
    "408": "the request body did not arrive within a few seconds",
    "409": "version mismatch or a move the lifecycle forbids (`conflict`)",
    "410": "events no longer kept (`gone`)",
    "413": "body over 1 MB (`too_large`)",
    "422": "a field is wrong (`invalid`)",
    "429": "locked out, throttled or busy (`rate_limited`)",
}
#: calls answered without a token
PUBLIC = {("post", "/api/v1/session")}

ERROR_SCHEMA: dict[str, object] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        },
    },
}


def body_doc(model: type[BaseModel]) -> dict[str, object]:
    """The ``requestBody`` of a route that reads ``model`` itself (FastAPI cannot see it)."""
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": model.model_json_schema()}}}}


def _flat_routes(routes: Sequence[BaseRoute]) -> list[BaseRoute]:
    """Routes with FastAPI's included routers opened."""
    out: list[BaseRoute] = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        out += _flat_routes(inner.routes) if inner is not None else [route]
    return out


def allowed_methods(app: Starlette, scope: Scope) -> str:
    """The ``Allow`` value for a path: the methods of every route that matches it."""
    methods: set[str] = set()
    for route in _flat_routes(app.router.routes):
        match, _ = route.matches({**scope, "method": "GET"})
        route_methods = getattr(route, "methods", None)
        if match != Match.NONE and route_methods:
            methods |= set(route_methods)
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` declare the error statuses and the bearer scheme."""
    base = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        doc = base()
        components = doc.setdefault("components", {})
        components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        components["securitySchemes"] = {
            "bearerAuth": {"type": "http", "scheme": "bearer",
                           "description": "the token of POST /api/v1/session"}}
        error_ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for path, item in doc.get("paths", {}).items():
            for method, op in item.items():
                responses = op.setdefault("responses", {})
                for status, text in ERROR_STATUSES.items():
                    responses[status] = {"description": text, "content": error_ref}
                responses["405"]["headers"] = {"Allow": {"schema": {"type": "string"}}}
                if (method, path) == ("post", "/api/v1/cases"):
                    responses.setdefault("200", {"description": "a retry with the same "
                                                 "Idempotency-Key and body: the first case "
                                                 "(another body under that key: 422)"})
                if (method, path) not in PUBLIC:
                    op["security"] = [{"bearerAuth": []}]
                else:
                    op["security"] = []
        app.openapi_schema = doc
        return doc

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented hook
