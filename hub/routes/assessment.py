"""``GET /assessment`` (考核): the closed loop's counts per unit or per region."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub.routes.kit import RouteKit, json_response


def add_routes(router: APIRouter, kit: RouteKit) -> None:
    """``GET /assessment``."""
    hub = kit.hub

    @router.get("/assessment", tags=["reads"])
    async def assessment(request: Request, by: str = Query("unit"),
                         start: str | None = Query(None, alias="from"),
                         end: str | None = Query(None, alias="to")) -> Response:
        """考核: the loop's counts per unit or per region for [from, to) (officer,
        supervisor, wall)."""
        actor = await kit.actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.assessment, actor, start,
                                                      end, by))
