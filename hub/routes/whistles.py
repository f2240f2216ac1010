"""Whistles (吹哨报到): summon units to a case; each unit checks in."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub.openapi_doc import body_doc
from hub.routes.kit import RouteKit, json_response
from hub.schemas import NoteBody, WhistleBody


def add_routes(router: APIRouter, kit: RouteKit) -> None:
    """``POST /cases/{id}/whistle`` and ``POST /whistles/{id}/checkin``."""
    hub = kit.hub

    @router.post("/cases/{case_id}/whistle", status_code=201,
                 openapi_extra=body_doc(WhistleBody), tags=["commands"])
    async def whistle(request: Request, case_id: str) -> Response:
        """吹哨报到: summon units to a case with a check-in deadline (supervisor)."""
        actor = await kit.actor_of(request)
        body = await kit.command_body(request, actor, "whistle", case_id, WhistleBody)
        return json_response(
            await run_in_threadpool(hub.commands.whistle, actor, case_id, body), 201)

    @router.post("/whistles/{whistle_id}/checkin", tags=["field"])
    async def checkin(request: Request, whistle_id: str) -> Response:
        """Check in to a whistle for your unit (unit)."""
        actor = await kit.actor_of(request)
        await kit.command_body(request, actor, "checkin", whistle_id, NoteBody, empty_ok=True)
        return json_response(await run_in_threadpool(hub.commands.checkin, actor, whistle_id))
