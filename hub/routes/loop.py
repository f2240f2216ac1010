"""Protocol 1.1, the closed loop (``hub.loop``): extension and return requests decided by the
post, the callback (回访), merging duplicates (并单), and the unmasked reporter."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import APIRouter, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub.bodies import CaseJSON
from hub.context import Actor
from hub.openapi_doc import body_doc
from hub.routes.kit import RouteKit, json_response
from hub.schemas import CallbackBody, DecideBody, ExtendBody, MergeBody

B = TypeVar("B", bound=BaseModel)


def add_routes(router: APIRouter, kit: RouteKit) -> None:
    """``POST /cases/{id}/extend|decide|callback|merge`` and ``GET /cases/{id}/reporter``."""
    hub = kit.hub
    add_loop_command(router, kit, "extend", ExtendBody, hub.commands.extend,
                     "Ask for a later due time (unit holding the case); the post decides.")
    add_loop_command(router, kit, "decide", DecideBody, hub.commands.decide,
                     "Approve or refuse the pending return or extension (supervisor).")
    add_loop_command(router, kit, "callback", CallbackBody, hub.commands.callback,
                     "Record the callback (回访) of a resolved case: close or rework "
                     "(intake, supervisor).")
    add_loop_command(router, kit, "merge", MergeBody, hub.commands.merge,
                     "Close a duplicate into an open case (并单) (officer, supervisor).")

    @router.get("/cases/{case_id}/reporter", tags=["loop"])
    async def reporter(request: Request, case_id: str) -> Response:
        """The case's reporter unmasked (supervisor, intake); every read is audited."""
        actor = await kit.actor_of(request)
        return json_response(await run_in_threadpool(hub.commands.reporter, actor, case_id))


def add_loop_command(router: APIRouter, kit: RouteKit, command: str, model: type[B],
                     run: Callable[[Actor, str, B], CaseJSON], doc: str) -> None:
    """A ``POST /cases/{id}/<command>`` taking ``model``'s body."""
    async def route(request: Request, case_id: str) -> Response:
        actor = await kit.actor_of(request)
        body = await kit.command_body(request, actor, command, case_id, model)
        return json_response(await run_in_threadpool(run, actor, case_id, body))
    route.__doc__ = doc
    router.add_api_route(f"/cases/{{case_id}}/{command}", route, methods=["POST"],
                         name=command, openapi_extra=body_doc(model), tags=["loop"])
