"""The GeoReport v2 objects, and their JSON and XML encodings.

Field names, types and XML root elements as in GeoReport v2: ``services``/``service``,
``service_definition``, ``service_requests``/``request``, ``errors``/``error``. Times are
ISO 8601 in UTC with ``Z``. A missing value is JSON ``null`` and an empty XML element.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict
from xml.etree import ElementTree as ET

import orjson
from starlette.responses import Response

from hub.bodies import CategoryJSON
from hub.models import Case
from hub.timeutil import to_rfc3339

FORMATS = ("json", "xml")
#: what an answer holds: one object, or a list of them
Body = Sequence[Mapping[str, object]] | Mapping[str, object]
JSON_TYPE = "application/json; charset=utf-8"
XML_TYPE = "text/xml; charset=utf-8"


class ServiceJSON(TypedDict):
    """A GeoReport v2 service (one per subcategory)."""

    service_code: str
    service_name: str
    description: str
    metadata: bool
    type: str
    keywords: str
    group: str


class ServiceDefinitionJSON(TypedDict):
    service_code: str
    attributes: list[object]  # always empty: no service has extra attributes


class ServiceRequestJSON(TypedDict):
    """A case as a GeoReport v2 service request."""

    service_request_id: str
    status: str
    status_notes: str
    service_name: str
    service_code: str
    description: str
    agency_responsible: str | None
    service_notice: str
    requested_datetime: str
    updated_datetime: str
    expected_datetime: str | None
    address: str
    address_id: None
    zipcode: None
    lat: float | None
    long: float | None
    media_url: None


class RequestAcceptedJSON(TypedDict):
    """The answer of ``POST requests``."""

    service_request_id: str
    service_notice: str
    account_id: None


def service_objects(categories: list[CategoryJSON]) -> list[ServiceJSON]:
    """One service per subcategory; ``group`` is its category."""
    return [{"service_code": sub["code"], "service_name": sub["name"],
             "description": f"{cat['name']} · {sub['name']}（处置时限 {sub['sla_hours']:g} 小时）",
             "metadata": False, "type": "realtime", "keywords": "", "group": cat["name"]}
            for cat in categories for sub in cat["subcategories"]]


def request_object(case: Case, service_code: str, agency: str | None) -> ServiceRequestJSON:
    """A case as a GeoReport v2 service request (no reporter: never in public answers)."""
    return {
        "service_request_id": case.id,
        "status": "closed" if case.status == "closed" else "open",
        "status_notes": case.status,
        "service_name": case.subcategory,
        "service_code": service_code,
        "description": case.description,
        "agency_responsible": agency,
        "service_notice": "",
        "requested_datetime": to_rfc3339(case.reported_at),
        "updated_datetime": to_rfc3339(case.updated_at),
        "expected_datetime": to_rfc3339(case.due_at),
        "address": case.address,
        "address_id": None,
        "zipcode": None,
        "lat": case.lat,
        "long": case.lon,
        "media_url": None,
    }


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _element(tag: str, obj: Mapping[str, object]) -> ET.Element:
    element = ET.Element(tag)
    for key, value in obj.items():
        child = ET.SubElement(element, key)
        if isinstance(value, list):  # <attributes><attribute>…, <formats><format>text/xml…
            for item in value:
                if isinstance(item, dict):
                    child.append(_element(key.removesuffix("s"), item))
                else:
                    ET.SubElement(child, key.removesuffix("s")).text = _text(item)
        else:
            child.text = _text(value)
    return element


def to_xml(root: str, item: str | None, body: Body) -> bytes:
    """``<root><item>…</item>…</root>`` for a list, ``<root>…</root>`` for one object."""
    if isinstance(body, Mapping):
        element = _element(root, body)
    else:
        element = ET.Element(root)
        for obj in body:
            element.append(_element(item or root, obj))
    xml: bytes = ET.tostring(element, encoding="UTF-8", xml_declaration=True)  # typeshed: Any
    return xml


def respond(fmt: str, root: str, item: str | None, body: Body, status: int = 200) -> Response:
    """Encode ``body`` as JSON or as XML under ``root``/``item``."""
    if fmt == "xml":
        return Response(to_xml(root, item, body), status_code=status, media_type=XML_TYPE)
    return Response(orjson.dumps(body), status_code=status, media_type=JSON_TYPE)


def error_response(fmt: str, status: int, description: str) -> Response:
    """GeoReport v2 errors: ``[{"code", "description"}]`` / ``<errors><error>…``."""
    return respond(fmt if fmt in FORMATS else "json", "errors", "error",
                   [{"code": status, "description": description}], status)
