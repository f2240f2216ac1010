"""What every route shares: the protocol's JSON answers, the bearer token, and ``RouteKit``
(authenticate, read a bounded body, validate it, refuse a command with an audit entry).

Order of refusals: 401 (token) → 403 (role) → 413 (size) → 400 (JSON) → 422 (fields)
→ 404 / 409 / 422 from the service. Every refused command is audited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import orjson
from fastapi import Request
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub.api_security import authenticate_request
from hub.commands import require_role
from hub.context import Actor
from hub.errors import BadRequest, HubError, Invalid, TooLarge
from hub.input_guard import find_nul

if TYPE_CHECKING:
    from hub.app import Hub

M = TypeVar("M", bound=BaseModel)


def json_response(obj: object, status: int = 200) -> Response:
    """Encode with orjson."""
    return Response(orjson.dumps(obj), status_code=status, media_type="application/json")


def error_response(status: int, code: str, message: str) -> Response:
    """The protocol's error body."""
    return json_response({"error": {"code": code, "message": message}}, status)


def describe(err: ValidationError) -> str:
    """The first five field errors, ``where: what`` joined by ``; ``."""
    parts = []
    for item in err.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ())) or "body"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts)


def validate(raw: bytes, model: type[M], empty_ok: bool) -> M:
    """Decode and validate a body: 400 for broken JSON, 422 for NULs and bad fields."""
    if not raw.strip():
        if not empty_ok:
            raise BadRequest("a JSON body is required")
        raw = b"{}"
    try:
        decoded = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise BadRequest(f"broken JSON: {exc}") from None
    nul_at = find_nul(decoded)
    if nul_at:
        raise Invalid(f"{nul_at}: NUL characters are not allowed")
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise Invalid(describe(exc)) from None


class RouteKit:
    """The hub and the steps every route takes before calling the service.

    Attributes:
        hub: the hub the routes are bound to.
        max_body: the largest body read, in bytes (413 beyond).
    """

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.max_body = hub.config.max_body_bytes

    async def actor_of(self, request: Request) -> Actor:
        """Who sends the request (401 without a valid token)."""
        return await authenticate_request(self.hub, request)

    async def read_json(self, request: Request) -> bytes:
        """The raw body, refused with 413 past ``max_body`` (declared or streamed)."""
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            raise TooLarge(f"request body over {self.max_body} bytes")
        chunks = bytearray()
        async for chunk in request.stream():
            chunks += chunk
            if len(chunks) > self.max_body:
                raise TooLarge(f"request body over {self.max_body} bytes")
        return bytes(chunks)

    async def refuse(self, actor: Actor, command: str, target: str, err: HubError) -> HubError:
        """Audit a refused command; return the error to raise."""
        return await run_in_threadpool(self.hub.commands.refuse, actor, command, target, err)

    async def command_body(self, request: Request, actor: Actor, command: str, target: str,
                           model: type[M], empty_ok: bool = False) -> M:
        """Role check then body; any refusal is audited."""
        try:
            require_role(actor, command)
        except HubError as err:
            raise await self.refuse(actor, command, target, err) from None
        try:
            return validate(await self.read_json(request), model, empty_ok)
        except HubError as err:
            raise await self.refuse(actor, command, target, err) from None
