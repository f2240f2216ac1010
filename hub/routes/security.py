"""``/session/password`` and ``/session/otp``: change your password, enrol a second factor.

The bodies are small (4 KiB at most: 400 past it); a refused change is audited like any
other refused command (``RouteKit.refuse``, the user as the target).
"""

from __future__ import annotations

from typing import Annotated, TypeVar

import orjson
from fastapi import APIRouter, Request
from pydantic import StringConstraints, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub import accounts, otp
from hub.context import Actor
from hub.errors import BadRequest, HubError, Invalid
from hub.input_guard import find_nul
from hub.openapi_doc import body_doc
from hub.routes.kit import RouteKit
from hub.schemas import _Body

Secret = Annotated[str, StringConstraints(min_length=1, max_length=200)]

B = TypeVar("B", bound=_Body)

#: the largest password or code body read, in bytes
MAX_BODY = 4096


class PasswordBody(_Body):
    """``POST /session/password``."""

    old: Secret
    new: Secret


class OtpBody(_Body):
    """``POST /session/otp/confirm``."""

    otp: Annotated[str, StringConstraints(min_length=1, max_length=20)]


async def read_body(request: Request, model: type[B]) -> B:
    """Decode and validate a small body: 400 past :data:`MAX_BODY` or for broken JSON,
    422 for NULs and bad fields."""
    raw = await request.body()
    if len(raw) > MAX_BODY:
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


def add_routes(router: APIRouter, kit: RouteKit) -> None:
    """``POST /session/password``, ``/session/otp`` and ``/session/otp/confirm``."""
    hub = kit.hub

    def path_of(actor: Actor) -> str:
        return hub.ctx.tree.posts[actor.post_id].path

    @router.post("/session/password", status_code=204, openapi_extra=body_doc(PasswordBody),
                 tags=["session"])
    async def change_password(request: Request) -> Response:
        """Change your password: 8+ characters from 3 of lower/upper/digit/symbol, not one
        of your last 5."""
        actor = await kit.actor_of(request)
        try:
            body = await read_body(request, PasswordBody)
            await run_in_threadpool(accounts.change_own_password, hub.db, actor.user_id,
                                    body.old, body.new, actor=actor.username,
                                    role=actor.role, addr=actor.addr)
        except HubError as err:
            raise await kit.refuse(actor, "password.change", actor.username, err) from None
        hub.sessions.forget_user(actor.user_id)
        return Response(status_code=204)

    @router.post("/session/otp", openapi_extra={}, tags=["session"])
    async def otp_start(request: Request) -> Response:
        """Start a second factor: a new secret and its otpauth:// URI (show it as a QR)."""
        actor = await kit.actor_of(request)
        try:
            answer = await run_in_threadpool(otp.start, hub.db, actor.user_id,
                                              path_of(actor), actor.addr)
        except HubError as err:
            raise await kit.refuse(actor, "otp.start", actor.username, err) from None
        return Response(orjson.dumps(answer), media_type="application/json")

    @router.post("/session/otp/confirm", openapi_extra=body_doc(OtpBody), tags=["session"])
    async def otp_confirm(request: Request) -> Response:
        """Turn the second factor on with a current code; answers the recovery codes."""
        actor = await kit.actor_of(request)
        try:
            body = await read_body(request, OtpBody)
            codes = await run_in_threadpool(otp.confirm, hub.db, actor.user_id, body.otp,
                                            path_of(actor), actor.addr)
        except HubError as err:
            raise await kit.refuse(actor, "otp.confirm", actor.username, err) from None
        hub.sessions.forget_user(actor.user_id)
        return Response(orjson.dumps({"recovery_codes": codes}),
                        media_type="application/json")
