"""Rows → the protocol's JSON objects."""

from __future__ import annotations

from hub.bodies import CallJSON, CaseJSON, PostJSON, RegionJSON, UnitJSON, WhistleJSON
from hub.masking import masked_reporter
from hub.models import Call, Case, Region, Unit, Whistle
from hub.scope import PostScope
from hub.timeutil import to_rfc3339


def case_json(case: Case) -> CaseJSON:
    """The protocol's case object."""
    return {
        "id": case.id,
        "version": case.version,
        "title": case.title,
        "description": case.description,
        "category": case.category,
        "subcategory": case.subcategory,
        "priority": case.priority,
        "source": case.source,
        "status": case.status,
        "unit_id": case.unit_id,
        "region_id": case.region_id,
        "address": case.address,
        "lat": case.lat,
        "lon": case.lon,
        "reported_at": to_rfc3339(case.reported_at),
        "due_at": to_rfc3339(case.due_at),
        "updated_at": to_rfc3339(case.updated_at),
        "closed_at": to_rfc3339(case.closed_at),
        # protocol 1.1
        "sign_due": to_rfc3339(case.sign_due),
        "callback_due": to_rfc3339(case.callback_due),
        "pending": case.pending.copy() if case.pending else None,
        "satisfaction": case.satisfaction,
        "solved": case.solved,
        "merged_into": case.merged_into,
        "counts": {"urges": case.urges or 0, "returns": case.returns or 0,
                   "extensions": case.extensions or 0, "reworks": case.reworks or 0},
        "reporter": masked_reporter(case.reporter_name, case.reporter_phone),
    }


def unit_json(unit: Unit) -> UnitJSON:
    """The protocol's unit object, plus ``categories`` (the category names it handles)."""
    return {
        "id": unit.id,
        "name": unit.name,
        "kind": unit.kind,
        "region_id": unit.region_id,
        "on_duty": unit.on_duty,
        "phone": unit.phone,
        "categories": list(unit.categories or []),
    }


def region_json(region: Region) -> RegionJSON:
    """The protocol's region object, plus its ``lat``/``lon`` centre."""
    return {"id": region.id, "name": region.name, "level": region.level,
            "parent_id": region.parent_id, "lat": region.lat, "lon": region.lon}


def post_json(post: PostScope) -> PostJSON:
    """The protocol's post object."""
    return {"id": post.id, "name": post.name, "region_id": post.region_id,
            "level": post.level}


def call_json(call: Call) -> CallJSON:
    """The protocol's call object."""
    return {"id": call.id, "title": call.title, "url": call.url, "case_id": call.case_id,
            "unit_ids": list(call.unit_ids), "started_at": to_rfc3339(call.started_at),
            "ended_at": to_rfc3339(call.ended_at)}


def whistle_json(whistle: Whistle) -> WhistleJSON:
    """The protocol's whistle object, plus ``open`` (false once all checked in or the case closed)."""
    return {"id": whistle.id, "case_id": whistle.case_id, "unit_ids": list(whistle.unit_ids),
            "checked_in": dict(whistle.checked_in), "deadline": to_rfc3339(whistle.deadline),
            "note": whistle.note, "actor": whistle.actor,
            "created_at": to_rfc3339(whistle.created_at), "open": whistle.open}
