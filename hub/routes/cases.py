"""Commands on cases: report, dispatch (assign), urge (督办), and the note commands of units
(accept, resolve, return) and of the callback (close, reopen)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from hub.bodies import CaseJSON
from hub.context import Actor
from hub.errors import Invalid
from hub.openapi_doc import body_doc
from hub.routes.kit import RouteKit, json_response
from hub.schemas import AssignBody, NoteBody, ReportBody

#: ``run(actor, command, case_id, body)`` of a note command
NoteCommand = Callable[[Actor, str, str, NoteBody], CaseJSON]


def add_routes(router: APIRouter, kit: RouteKit) -> None:
    """``POST /cases``, ``/cases/{id}/assign``, ``/urge`` and the five note commands."""
    hub = kit.hub

    @router.post("/cases", status_code=201, openapi_extra=body_doc(ReportBody),
                 tags=["field"])
    async def report(request: Request) -> Response:
        """Report a case (intake, supervisor); ``Idempotency-Key`` makes retries safe."""
        actor = await kit.actor_of(request)
        body = await kit.command_body(request, actor, "report", "case", ReportBody)
        key = request.headers.get("idempotency-key") or None
        if key is not None and len(key) > 200:
            raise await kit.refuse(actor, "report", "case",
                                   Invalid("Idempotency-Key over 200 characters"))
        case, created = await run_in_threadpool(hub.commands.report, actor, body, key)
        return json_response(case, 201 if created else 200)

    @router.post("/cases/{case_id}/assign", openapi_extra=body_doc(AssignBody),
                 tags=["commands"])
    async def assign(request: Request, case_id: str) -> Response:
        """Dispatch or reassign to a unit (supervisor)."""
        actor = await kit.actor_of(request)
        body = await kit.command_body(request, actor, "assign", case_id, AssignBody)
        return json_response(await run_in_threadpool(hub.commands.assign, actor, case_id, body))

    @router.post("/cases/{case_id}/urge", openapi_extra=body_doc(NoteBody), tags=["commands"])
    async def urge(request: Request, case_id: str) -> Response:
        """督办: remind the holding unit (officer, supervisor)."""
        actor = await kit.actor_of(request)
        body = await kit.command_body(request, actor, "urge", case_id, NoteBody, empty_ok=True)
        return json_response(await run_in_threadpool(hub.commands.urge, actor, case_id, body))

    for command in ("accept", "resolve", "return"):
        add_note_command(router, kit, command, hub.commands.unit_move,
                         f"``{command}`` a case your unit holds (unit).")
    for command in ("close", "reopen"):
        add_note_command(router, kit, command, hub.commands.verify,
                         f"``{command}`` a resolved case after the callback "
                         "(intake, supervisor).")


def add_note_command(router: APIRouter, kit: RouteKit, command: str, run: NoteCommand,
                     doc: str) -> None:
    """A ``POST /cases/{id}/<command>`` taking ``{"note", "expected_version"}``."""
    async def route(request: Request, case_id: str) -> Response:
        actor = await kit.actor_of(request)
        body = await kit.command_body(request, actor, command, case_id, NoteBody, empty_ok=True)
        return json_response(await run_in_threadpool(run, actor, command, case_id, body))
    route.__doc__ = doc
    router.add_api_route(f"/cases/{{case_id}}/{command}", route, methods=["POST"],
                         name=command, openapi_extra=body_doc(NoteBody), tags=["field"])
