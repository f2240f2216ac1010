"""Authenticating a request: the bearer token, the peer's address, and the session policy
(an audit row for a refused command's 401). ``hub.routes.kit.RouteKit.actor_of`` calls it;
the password and second-factor routes are ``hub.routes.security``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from hub import session_policy
from hub.audit import add_entry
from hub.context import Actor
from hub.errors import HubError, Unauthenticated

if TYPE_CHECKING:
    from hub.app import Hub


def bearer(request: Request) -> str | None:
    """The bearer token of a request, or None."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def client_addr(request: Request) -> str:
    """The peer's address."""
    return request.client.host if request.client else ""


def _audit_401(hub: Hub, request: Request, err: HubError) -> None:
    """A command refused for its token is audited like any other refusal: the method as
    the action, the path (cut to the column's 80 characters) as the target."""
    with hub.db.write() as tx:
        add_entry(tx.session, actor="", role="", action=request.method,
                  target=request.url.path[:80], outcome="denied", addr=client_addr(request),
                  detail=err.message, region_path="/")


async def authenticate_request(hub: Hub, request: Request) -> Actor:
    """The actor behind the request's token, allowed by ``hub.session_policy``.

    Raises:
        Unauthenticated: no, unknown, expired or revoked token (audited for commands).
        Forbidden: the session may not make this call (auditor, pending change).
    """
    token, addr = bearer(request), client_addr(request)
    actor = hub.sessions.cached(token, addr)
    if actor is None:
        try:
            actor = await run_in_threadpool(hub.sessions.authenticate, token, addr)
        except Unauthenticated as err:
            if request.method != "GET":
                await run_in_threadpool(_audit_401, hub, request, err)
            raise
    session_policy.check(actor, request.method, request.url.path)
    return actor
