"""``GET /regions/geometry`` (1.1): the post's regions as GeoJSON, with an ETag."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub.routes.kit import RouteKit


def etag_matches(if_none_match: str, etag: str) -> bool:
    """True when ``If-None-Match`` names ``etag`` (or is ``*``): answer 304."""
    return etag in (tag.strip() for tag in if_none_match.split(",")) \
        or if_none_match.strip() == "*"


def add_routes(router: APIRouter, kit: RouteKit) -> None:
    """``GET /regions/geometry``."""
    hub = kit.hub

    @router.get("/regions/geometry", tags=["reads"], responses={
        200: {"description": "GeoJSON FeatureCollection (RFC 7946)",
              "content": {"application/geo+json": {"schema": {"type": "object"}}}},
        304: {"description": "unchanged since the ETag in If-None-Match"}})
    async def region_geometry(request: Request) -> Response:
        """GeoJSON FeatureCollection (WGS 84) of the post's regions; ETag, 304 (1.1)."""
        actor = await kit.actor_of(request)
        answer = await run_in_threadpool(hub.reads.region_geometry, actor)
        headers = {"ETag": answer.etag, "Cache-Control": "no-cache"}
        if etag_matches(request.headers.get("if-none-match", ""), answer.etag):
            return Response(status_code=304, headers=headers)
        return Response(answer.body, media_type="application/geo+json", headers=headers)
