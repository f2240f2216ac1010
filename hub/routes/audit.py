"""``GET /audit``: the audit log of the post's jurisdiction (supervisor)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub.input_guard import INT64_MAX
from hub.routes.kit import RouteKit, json_response


def add_routes(router: APIRouter, kit: RouteKit) -> None:
    """``GET /audit``."""
    hub = kit.hub

    @router.get("/audit", tags=["reads"])
    async def audit(request: Request, since: int = Query(0, ge=0, le=INT64_MAX),
                    limit: int = Query(100, ge=1, le=INT64_MAX)) -> Response:
        """The audit log of the post's jurisdiction (supervisor)."""
        actor = await kit.actor_of(request)
        return json_response(await run_in_threadpool(hub.reads.audit, actor, since, limit))
