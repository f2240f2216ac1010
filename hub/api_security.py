"""HTTP side of the security additions: authenticating a request (with the session
policy, and an audit row for a refused command's 401), the password change and the
second factor's enrolment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import orjson
from fastapi import APIRouter, Request
from pydantic import StringConstraints, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub import accounts, otp, session_policy
from hub.audit import add_entry
from hub.context import Actor
from hub.errors import BadRequest, HubError, Invalid, Unauthenticated
from hub.input_guard import find_nul
from hub.openapi_doc import body_doc
from hub.schemas import _Body

if TYPE_CHECKING:
    from hub.app import Hub

Secret = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class PasswordBody(_Body):
    """``POST /session/password``."""

    old: Secret
    new: Secret


class OtpBody(_Body):
    """``POST /session/otp/confirm``."""

    otp: Annotated[str, StringConstraints(min_length=1, max_length=20)]


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


async def _body(request: Request, model: type[_Body], limit: int) -> Any:
    raw = await request.body()
    if len(raw) > limit:
        raise BadRequest("request body too large")
    try:
        decoded = orjson.loads(raw or b"{}")
    except orjson.JSONDecodeError as exc:
        raise BadRequest(f"broken JSON: {exc}") from None
    if find_nul(decoded):
        raise Invalid("NUL characters are not allowed")
    try:
        return model.model_validate(decoded)
    except ValidationError as exc:
        raise Invalid("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                                for e in exc.errors()[:5])) from None


def build_security_router(hub: Hub) -> APIRouter:
    """``/session/password``, ``/session/otp`` and ``/session/otp/confirm``."""
    router = APIRouter(prefix="/api/v1", tags=["session"])

    def path_of(actor: Actor) -> str:
        return hub.ctx.tree.posts[actor.post_id].path

    async def refused(actor: Actor, action: str, err: HubError) -> HubError:
        return await run_in_threadpool(hub.commands.refuse, actor, action, actor.username, err)

    @router.post("/session/password", status_code=204, openapi_extra=body_doc(PasswordBody))
    async def change_password(request: Request) -> Response:
        """Change your password: 8+ characters from 3 of lower/upper/digit/symbol, not one
        of your last 5."""
        actor = await authenticate_request(hub, request)
        try:
            body = await _body(request, PasswordBody, 4096)
            await run_in_threadpool(accounts.change_own_password, hub.db, actor.user_id,
                                    body.old, body.new, actor=actor.username,
                                    role=actor.role, addr=actor.addr)
        except HubError as err:
            raise await refused(actor, "password.change", err) from None
        hub.sessions.forget_user(actor.user_id)
        return Response(status_code=204)

    @router.post("/session/otp", openapi_extra={})
    async def otp_start(request: Request) -> Response:
        """Start a second factor: a new secret and its otpauth:// URI (show it as a QR)."""
        actor = await authenticate_request(hub, request)
        try:
            answer = await run_in_threadpool(otp.start, hub.db, actor.user_id,
                                              path_of(actor), actor.addr)
        except HubError as err:
            raise await refused(actor, "otp.start", err) from None
        return Response(orjson.dumps(answer), media_type="application/json")

    @router.post("/session/otp/confirm", openapi_extra=body_doc(OtpBody))
    async def otp_confirm(request: Request) -> Response:
        """Turn the second factor on with a current code; answers the recovery codes."""
        actor = await authenticate_request(hub, request)
        try:
            body = await _body(request, OtpBody, 4096)
            codes = await run_in_threadpool(otp.confirm, hub.db, actor.user_id, body.otp,
                                            path_of(actor), actor.addr)
        except HubError as err:
            raise await refused(actor, "otp.confirm", err) from None
        hub.sessions.forget_user(actor.user_id)
        return Response(orjson.dumps({"recovery_codes": codes}),
                        media_type="application/json")

    return router
