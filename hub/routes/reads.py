"""What a post reads to start and to follow: categories, the snapshot, the events after a
sequence number, one case and its history."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub.input_guard import INT64_MAX
from hub.routes.kit import RouteKit, json_response


def add_routes(router: APIRouter, kit: RouteKit) -> None:
    """``GET /categories``, ``/snapshot``, ``/events``, ``/cases/{id}``, ``/cases/{id}/history``."""
    hub = kit.hub

    @router.get("/categories", tags=["reads"])
    async def categories(request: Request) -> Response:
        """Categories with their subcategories and SLA hours."""
        await kit.actor_of(request)
        return json_response(hub.reads.categories())

    @router.get("/snapshot", tags=["reads"])
    async def snapshot(request: Request) -> Response:
        """Everything the post needs to start: open cases, units, calls, whistles, seq."""
        actor = await kit.actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.snapshot, actor))

    @router.get("/events", tags=["reads"])
    async def events(request: Request, since: int = Query(0, ge=0, le=INT64_MAX),
                     limit: int = Query(1000, ge=1, le=INT64_MAX)) -> Response:
        """Events after ``since`` in this post's numbering (410 when no longer kept)."""
        actor = await kit.actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.events, actor, since, limit))

    @router.get("/cases/{case_id}", tags=["reads"])
    async def get_case(request: Request, case_id: str) -> Response:
        """One case."""
        actor = await kit.actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.case, actor, case_id))

    @router.get("/cases/{case_id}/history", tags=["reads"])
    async def history(request: Request, case_id: str) -> Response:
        """The case's events, oldest first."""
        actor = await kit.actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.history, actor, case_id))
