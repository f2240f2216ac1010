"""Video calls: open a room for a case, end it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub.openapi_doc import body_doc
from hub.routes.kit import RouteKit, json_response
from hub.schemas import CallBody, NoteBody


def add_routes(router: APIRouter, kit: RouteKit) -> None:
    """``POST /calls`` and ``POST /calls/{id}/end``."""
    hub = kit.hub

    @router.post("/calls", status_code=201, openapi_extra=body_doc(CallBody),
                 tags=["commands"])
    async def start_call(request: Request) -> Response:
        """Open a video call room (officer, supervisor)."""
        actor = await kit.actor_of(request)
        body = await kit.command_body(request, actor, "call.start", "call", CallBody)
        return json_response(await run_in_threadpool(hub.commands.start_call, actor, body), 201)

    @router.post("/calls/{call_id}/end", tags=["commands"])
    async def end_call(request: Request, call_id: str) -> Response:
        """End a video call (officer, supervisor)."""
        actor = await kit.actor_of(request)
        await kit.command_body(request, actor, "call.end", call_id, NoteBody, empty_ok=True)
        return json_response(await run_in_threadpool(hub.commands.end_call, actor, call_id))
