"""HTTP routes of protocol v1 (FastAPI). Routes stay thin: authenticate, check the role,
read and validate the body, then call the service layer in a worker thread.

Order of refusals: 401 (token) → 403 (role) → 413 (size) → 400 (JSON) → 422 (fields)
→ 404 / 409 / 422 from the service. Every refused command is audited.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from hub.api_security import authenticate_request
from hub.commands import require_role
from hub.context import Actor
from hub.dbfaults import DatabaseUnavailable, is_unavailable
from hub.errors import BadRequest, HubError, Invalid, TooLarge, Unauthenticated
from hub.input_guard import INT64_MAX, find_nul
from hub.openapi_doc import allowed_methods
from hub.schemas import (
    AssignBody,
    CallbackBody,
    CallBody,
    DecideBody,
    ExtendBody,
    LoginBody,
    MergeBody,
    NoteBody,
    ReportBody,
    WhistleBody,
)

if TYPE_CHECKING:
    from hub.app import Hub

M = TypeVar("M", bound=BaseModel)
_STATUS_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden",
                 404: "not_found", 405: "bad_request", 409: "conflict", 410: "gone",
                 413: "too_large", 422: "invalid", 429: "rate_limited"}

log = logging.getLogger(__name__)


def json_response(obj: Any, status: int = 200) -> Response:
    """Encode with orjson."""
    return Response(orjson.dumps(obj), status_code=status, media_type="application/json")


def error_response(status: int, code: str, message: str) -> Response:
    """The protocol's error body."""
    return json_response({"error": {"code": code, "message": message}}, status)


def _body_doc(model: type[BaseModel]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": model.model_json_schema()}}}}


def _describe(err: ValidationError) -> str:
    parts = []
    for item in err.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ())) or "body"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts)


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def _addr(request: Request) -> str:
    return request.client.host if request.client else ""


def build_router(hub: Hub) -> APIRouter:
    """All ``/api/v1`` routes bound to one hub."""
    router = APIRouter(prefix="/api/v1")
    max_body = hub.config.max_body_bytes

    async def actor_of(request: Request) -> Actor:
        return await authenticate_request(hub, request)

    async def read_json(request: Request) -> bytes:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > max_body:
            raise TooLarge(f"request body over {max_body} bytes")
        chunks = bytearray()
        async for chunk in request.stream():
            chunks += chunk
            if len(chunks) > max_body:
                raise TooLarge(f"request body over {max_body} bytes")
        return bytes(chunks)

    def validate(raw: bytes, model: type[M], empty_ok: bool) -> M:
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
            raise Invalid(_describe(exc)) from None

    async def command_body(request: Request, actor: Actor, command: str, target: str,
                           model: type[M], empty_ok: bool = False) -> M:
        """Role check then body; any refusal is audited."""
        try:
            require_role(actor, command)
        except HubError as err:
            raise await run_in_threadpool(hub.commands.refuse, actor, command, target,
                                          err) from None
        try:
            return validate(await read_json(request), model, empty_ok)
        except HubError as err:
            raise await run_in_threadpool(hub.commands.refuse, actor, command, target,
                                          err) from None

    # ---- session
    @router.post("/session", openapi_extra=_body_doc(LoginBody), tags=["session"])
    async def login(request: Request) -> Response:
        """Log in: returns a bearer token, its expiry and the user."""
        body = validate(await read_json(request), LoginBody, empty_ok=False)
        result = await run_in_threadpool(hub.sessions.login, body.username, body.password,
                                         _addr(request), body.otp)
        return json_response(result)

    @router.delete("/session", tags=["session"])
    async def logout(request: Request) -> Response:
        """End this token's session."""
        actor = await actor_of(request)
        await run_in_threadpool(hub.sessions.logout, _bearer(request) or "", actor)
        return json_response({"ok": True})

    # ---- reads
    @router.get("/categories", tags=["reads"])
    async def categories(request: Request) -> Response:
        """Categories with their subcategories and SLA hours."""
        await actor_of(request)
        return json_response(hub.reads.categories())

    @router.get("/snapshot", tags=["reads"])
    async def snapshot(request: Request) -> Response:
        """Everything the post needs to start: open cases, units, calls, whistles, seq."""
        actor = await actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.snapshot, actor))

    @router.get("/events", tags=["reads"])
    async def events(request: Request, since: int = Query(0, ge=0, le=INT64_MAX),
                     limit: int = Query(1000, ge=1, le=INT64_MAX)) -> Response:
        """Events after ``since`` in this post's numbering (410 when no longer kept)."""
        actor = await actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.events, actor, since, limit))

    @router.get("/cases/{case_id}", tags=["reads"])
    async def get_case(request: Request, case_id: str) -> Response:
        """One case."""
        actor = await actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.case, actor, case_id))

    @router.get("/cases/{case_id}/history", tags=["reads"])
    async def history(request: Request, case_id: str) -> Response:
        """The case's events, oldest first."""
        actor = await actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.history, actor, case_id))

    @router.get("/regions/geometry", tags=["reads"], responses={
        200: {"description": "GeoJSON FeatureCollection (RFC 7946)",
              "content": {"application/geo+json": {"schema": {"type": "object"}}}},
        304: {"description": "unchanged since the ETag in If-None-Match"}})
    async def region_geometry(request: Request) -> Response:
        """GeoJSON FeatureCollection (WGS 84) of the post's regions; ETag, 304 (1.1)."""
        actor = await actor_of(request)
        answer = await run_in_threadpool(hub.reads.region_geometry, actor)
        headers = {"ETag": answer.etag, "Cache-Control": "no-cache"}
        if_none = request.headers.get("if-none-match", "")
        if answer.etag in (tag.strip() for tag in if_none.split(",")) or if_none.strip() == "*":
            return Response(status_code=304, headers=headers)
        return Response(answer.body, media_type="application/geo+json", headers=headers)

    @router.get("/audit", tags=["reads"])
    async def audit(request: Request, since: int = Query(0, ge=0, le=INT64_MAX),
                    limit: int = Query(100, ge=1, le=INT64_MAX)) -> Response:
        """The audit log of the post's jurisdiction (supervisor)."""
        actor = await actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.audit, actor, since, limit))

    # ---- commands
    @router.post("/cases", status_code=201, openapi_extra=_body_doc(ReportBody),
                 tags=["field"])
    async def report(request: Request) -> Response:
        """Report a case (intake, supervisor); ``Idempotency-Key`` makes retries safe."""
        actor = await actor_of(request)
        body = await command_body(request, actor, "report", "case", ReportBody)
        key = request.headers.get("idempotency-key") or None
        if key is not None and len(key) > 200:
            raise await run_in_threadpool(hub.commands.refuse, actor, "report", "case",
                                          Invalid("Idempotency-Key over 200 characters"))
        case, created = await run_in_threadpool(hub.commands.report, actor, body, key)
        return json_response(case, 201 if created else 200)

    @router.post("/cases/{case_id}/assign", openapi_extra=_body_doc(AssignBody),
                 tags=["commands"])
    async def assign(request: Request, case_id: str) -> Response:
        """Dispatch or reassign to a unit (supervisor)."""
        actor = await actor_of(request)
        body = await command_body(request, actor, "assign", case_id, AssignBody)
        return json_response(await run_in_threadpool(hub.commands.assign, actor, case_id, body))

    @router.post("/cases/{case_id}/urge", openapi_extra=_body_doc(NoteBody), tags=["commands"])
    async def urge(request: Request, case_id: str) -> Response:
        """督办: remind the holding unit (officer, supervisor)."""
        actor = await actor_of(request)
        body = await command_body(request, actor, "urge", case_id, NoteBody, empty_ok=True)
        return json_response(await run_in_threadpool(hub.commands.urge, actor, case_id, body))

    def note_command_route(command: str, run: Any, doc: str) -> None:
        """A ``POST /cases/{id}/<command>`` taking ``{"note", "expected_version"}``."""
        async def route(request: Request, case_id: str) -> Response:
            actor = await actor_of(request)
            body = await command_body(request, actor, command, case_id, NoteBody, empty_ok=True)
            return json_response(await run_in_threadpool(run, actor, command, case_id, body))
        route.__doc__ = doc
        router.add_api_route(f"/cases/{{case_id}}/{command}", route, methods=["POST"],
                             name=command, openapi_extra=_body_doc(NoteBody), tags=["field"])

    for command in ("accept", "resolve", "return"):
        note_command_route(command, hub.commands.unit_move,
                           f"``{command}`` a case your unit holds (unit).")
    for command in ("close", "reopen"):
        note_command_route(command, hub.commands.verify,
                           f"``{command}`` a resolved case after the callback "
                           "(intake, supervisor).")

    # ---- protocol 1.1: the closed loop (hub.loop)
    def loop_route(command: str, model: type[BaseModel], run: Any, doc: str) -> None:
        """A ``POST /cases/{id}/<command>`` taking ``model``'s body."""
        async def route(request: Request, case_id: str) -> Response:
            actor = await actor_of(request)
            body = await command_body(request, actor, command, case_id, model)
            return json_response(await run_in_threadpool(run, actor, case_id, body))
        route.__doc__ = doc
        router.add_api_route(f"/cases/{{case_id}}/{command}", route, methods=["POST"],
                             name=command, openapi_extra=_body_doc(model), tags=["loop"])

    loop_route("extend", ExtendBody, hub.commands.extend,
               "Ask for a later due time (unit holding the case); the post decides.")
    loop_route("decide", DecideBody, hub.commands.decide,
               "Approve or refuse the pending return or extension (supervisor).")
    loop_route("callback", CallbackBody, hub.commands.callback,
               "Record the callback (回访) of a resolved case: close or rework "
               "(intake, supervisor).")
    loop_route("merge", MergeBody, hub.commands.merge,
               "Close a duplicate into an open case (并单) (officer, supervisor).")

    @router.get("/cases/{case_id}/reporter", tags=["loop"])
    async def reporter(request: Request, case_id: str) -> Response:
        """The case's reporter unmasked (supervisor, intake); every read is audited."""
        actor = await actor_of(request)
        return json_response(await run_in_threadpool(hub.commands.reporter, actor, case_id))

    @router.get("/assessment", tags=["reads"])
    async def assessment(request: Request, by: str = Query("unit"),
                         start: str | None = Query(None, alias="from"),
                         end: str | None = Query(None, alias="to")) -> Response:
        """考核: the loop's counts per unit or per region for [from, to) (officer,
        supervisor, wall)."""
        actor = await actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.assessment, actor, start,
                                                      end, by))

    @router.post("/cases/{case_id}/whistle", status_code=201,
                 openapi_extra=_body_doc(WhistleBody), tags=["commands"])
    async def whistle(request: Request, case_id: str) -> Response:
        """吹哨报到: summon units to a case with a check-in deadline (supervisor)."""
        actor = await actor_of(request)
        body = await command_body(request, actor, "whistle", case_id, WhistleBody)
        return json_response(
            await run_in_threadpool(hub.commands.whistle, actor, case_id, body), 201)

    @router.post("/whistles/{whistle_id}/checkin", tags=["field"])
    async def checkin(request: Request, whistle_id: str) -> Response:
        """Check in to a whistle for your unit (unit)."""
        actor = await actor_of(request)
        await command_body(request, actor, "checkin", whistle_id, NoteBody, empty_ok=True)
        return json_response(await run_in_threadpool(hub.commands.checkin, actor, whistle_id))

    @router.post("/calls", status_code=201, openapi_extra=_body_doc(CallBody),
                 tags=["commands"])
    async def start_call(request: Request) -> Response:
        """Open a video call room (officer, supervisor)."""
        actor = await actor_of(request)
        body = await command_body(request, actor, "call.start", "call", CallBody)
        return json_response(await run_in_threadpool(hub.commands.start_call, actor, body), 201)

    @router.post("/calls/{call_id}/end", tags=["commands"])
    async def end_call(request: Request, call_id: str) -> Response:
        """End a video call (officer, supervisor)."""
        actor = await actor_of(request)
        await command_body(request, actor, "call.end", call_id, NoteBody, empty_ok=True)
        return json_response(await run_in_threadpool(hub.commands.end_call, actor, call_id))

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
        log.error("unexpected error on %s %s", _request.method, _request.url.path,
                  exc_info=err)
        return error_response(500, "server_error", "internal error; see the hub's log")
