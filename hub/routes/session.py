"""``/session``: log in (a bearer token) and log out."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub.api_security import bearer, client_addr
from hub.openapi_doc import body_doc
from hub.routes.kit import RouteKit, json_response, validate
from hub.schemas import LoginBody


def add_routes(router: APIRouter, kit: RouteKit) -> None:
    """``POST /session`` and ``DELETE /session``."""
    hub = kit.hub

    @router.post("/session", openapi_extra=body_doc(LoginBody), tags=["session"])
    async def login(request: Request) -> Response:
        """Log in: returns a bearer token, its expiry and the user."""
        body = validate(await kit.read_json(request), LoginBody, empty_ok=False)
        result = await run_in_threadpool(hub.sessions.login, body.username, body.password,
                                         client_addr(request), body.otp)
        return json_response(result)

    @router.delete("/session", tags=["session"])
    async def logout(request: Request) -> Response:
        """End this token's session."""
        actor = await kit.actor_of(request)
        await run_in_threadpool(hub.sessions.logout, bearer(request) or "", actor)
        return json_response({"ok": True})
