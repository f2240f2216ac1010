"""What each GeoReport v2 call does, free of HTTP: parameters in, GeoReport objects out.

Choices where GeoReport v2 leaves room (also in ``docs/open311.md``):

* the jurisdiction is the hub's root region (``jurisdiction_id``, optional, must name it);
* a posted request becomes a case reported by the API key's channel (role ``intake``,
  source ``app``) into the key's post: located by ``lat``/``long`` into a grid of that
  post's jurisdiction (``Locator``), or, with ``address_string`` alone, at the post's own
  region; a point outside the jurisdiction → 400;
* the reporter's ``last_name`` + ``first_name`` and ``phone`` become the case's 1.1
  ``reporter`` (masked wherever the case travels, unmasked only through the audited
  ``GET /api/v1/cases/{id}/reporter``); ``email`` is accepted and not stored; no Open311
  answer carries any of them;
* ``GET requests`` lists the hub's cases (newest first, at most 1,000): with
  ``service_request_id`` only those; otherwise by ``service_code``, ``status`` and
  ``start_date``/``end_date`` (at most 90 days apart; the last 90 days by default).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import ValidationError
from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from hub.audit import record_refusal
from hub.commands import Commands
from hub.context import Actor, HubContext
from hub.errors import HubError
from hub.models import Case, Unit
from hub.open311.keys import ApiKeys, KeyInfo
from hub.open311.locate import Locator
from hub.open311.render import (
    RequestAcceptedJSON,
    ServiceDefinitionJSON,
    ServiceJSON,
    ServiceRequestJSON,
    request_object,
    service_objects,
)
from hub.schemas import ReportBody, ReporterBody
from hub.timeutil import utcnow

MAX_RESULTS = 1000
MAX_SPAN = timedelta(days=90)
MAX_DESCRIPTION = 4000
MAX_ADDRESS = 200
MAX_IDS = 1000
STATUSES = ("open", "closed")


class Open311Error(Exception):
    """A refusal: HTTP status and a sentence for the client's developer."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


@dataclass(frozen=True, slots=True)
class Service:
    """A subcategory as an Open311 service."""

    code: str
    name: str
    category: str


def _float(form: Mapping[str, str], name: str, low: float, high: float) -> float:
    try:
        value = float(form[name])
    except ValueError:
        raise Open311Error(400, f"{name} must be a number") from None
    if not low <= value <= high:
        raise Open311Error(400, f"{name} must lie in [{low:g}, {high:g}]")
    return value


def parse_time(name: str, text: str) -> datetime:
    """An ISO 8601 time with its zone (``Z`` or ``±HH:MM``), else 400."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise Open311Error(400, f"{name} must be an ISO 8601 time, e.g. "
                                "2026-11-30T08:00:00+08:00") from None
    if value.tzinfo is None:
        raise Open311Error(400, f"{name} must include its time zone (Z or ±HH:MM)")
    return value


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_text(params: Mapping[str, str]) -> None:
    """Refuse control characters (NUL, ESC, …) in any parameter: 400, before anything else."""
    for name, value in params.items():
        if _CONTROL.search(name) or _CONTROL.search(value):
            raise Open311Error(400, f"{_CONTROL.sub('?', name)[:40]} contains control characters")


def _reporter(form: Mapping[str, str]) -> ReporterBody | None:
    """``last_name`` + ``first_name`` (张 + 三; "Ann Lee" for Latin names) and ``phone``."""
    first, last = form.get("first_name", "").strip(), form.get("last_name", "").strip()
    latin = (first + last).isascii()
    name = " ".join(p for p in (first, last) if p) if latin else last + first
    phone = form.get("phone", "").strip()
    if not name and not phone:
        return None
    try:
        return ReporterBody(name=name, phone=phone)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = {"name": "first_name/last_name"}.get(str(error.get("loc", ("",))[0]), "phone")
        raise Open311Error(400, f"{field}: {error.get('msg', 'invalid')}") from None


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class Open311Service:
    """The GeoReport v2 calls over one hub's context and commands."""

    def __init__(self, ctx: HubContext, commands: Commands, keys: ApiKeys,
                 locator: Locator) -> None:
        self.ctx = ctx
        self.commands = commands
        self.keys = keys
        self.locator = locator
        self.services = {s["service_code"]: Service(s["service_code"], s["service_name"],
                                                    s["group"])
                         for s in service_objects(ctx.categories_json)}
        self._code_of = {(s.category, s.name): s.code for s in self.services.values()}
        roots = [r for r in ctx.tree.regions.values() if r.parent_id is None]
        self.jurisdiction_ids = {r.id for r in roots}
        root_posts = sorted(ctx.tree.posts.values(), key=lambda p: p.path.count("/"))
        self._root_post = root_posts[0].id if root_posts else None

    # ---- services
    def service_list(self) -> list[ServiceJSON]:
        """``GET services``: the 76 subcategories."""
        return service_objects(self.ctx.categories_json)

    def service_definition(self, code: str) -> ServiceDefinitionJSON:
        """``GET services/{code}``: no extra attributes (every service has metadata false)."""
        check_text({"service_code": code})
        if code not in self.services:
            raise Open311Error(404, f"no service {code}")
        return {"service_code": code, "attributes": []}

    def check_jurisdiction(self, params: Mapping[str, str]) -> None:
        """``jurisdiction_id`` is optional; when given it must be the hub's root region.
        Every call checks its parameters here first (no control characters)."""
        check_text(params)
        given = params.get("jurisdiction_id", "").strip()
        if given and given not in self.jurisdiction_ids:
            raise Open311Error(404, f"jurisdiction_id {given} not found "
                                    f"(this hub serves {', '.join(sorted(self.jurisdiction_ids))})")

    # ---- POST requests
    def _refuse(self, actor: Actor | None, err: Open311Error, addr: str) -> Open311Error:
        if actor is None and self._root_post is not None:
            actor = Actor("", "open311:?", "", "intake", self._root_post, None, addr)
        if actor is not None:
            outcome = "denied" if err.status == 403 else "invalid"
            record_refusal(self.ctx, actor, "report", "case", outcome,
                           f"open311: {err.description}")
        return err

    def create(self, form: Mapping[str, str], addr: str) -> list[RequestAcceptedJSON]:
        """``POST requests``: a new case; returns ``[{"service_request_id", …}]``."""
        try:
            check_text(form)
        except Open311Error as err:
            raise self._refuse(None, err, addr) from None
        key = self.keys.check(form.get("api_key", "").strip())
        if key is None:
            raise self._refuse(None, Open311Error(403, "api_key missing, unknown or revoked"),
                               addr)
        actor = Actor(f"apikey:{key.id}", f"open311:{key.name}", key.name, "intake",
                      key.post_id, None, addr)
        try:
            self.check_jurisdiction(form)
            body = self._report_body(form, key)
        except Open311Error as err:
            raise self._refuse(actor, err, addr) from None
        try:
            case, _created = self.commands.report(actor, body, None)
        except HubError as err:  # audited by Commands
            raise Open311Error(400 if err.status == 422 else err.status, err.message) from None
        return [{"service_request_id": case["id"],
                 "service_notice": f"已受理，编号 {case['id']}", "account_id": None}]

    def _report_body(self, form: Mapping[str, str], key: KeyInfo) -> ReportBody:
        code = form.get("service_code", "").strip()
        if not code:
            raise Open311Error(400, "service_code is required")
        service = self.services.get(code)
        if service is None:
            raise Open311Error(400, f"service_code {code} not found (GET services.json)")
        description = form.get("description", "")
        if len(description) > MAX_DESCRIPTION:
            raise Open311Error(400, f"description over {MAX_DESCRIPTION} characters")
        address = form.get("address_string", "").strip()
        if len(address) > MAX_ADDRESS:
            raise Open311Error(400, f"address_string over {MAX_ADDRESS} characters")
        has_lat, has_long = bool(form.get("lat", "").strip()), bool(form.get("long", "").strip())
        if has_lat != has_long:
            raise Open311Error(400, "lat and long go together")
        post_region = self.ctx.tree.posts[key.post_id].region_id
        lat = lon = None
        if has_lat:
            lat = _float(form, "lat", -90, 90)
            lon = _float(form, "long", -180, 180)
            region = self.locator.locate(lat, lon, post_region)
            if region is None:
                raise Open311Error(400, f"lat/long ({lat:g}, {lon:g}) lies outside the "
                                        f"jurisdiction of {self.ctx.tree.posts[key.post_id].name}")
        elif address:
            region = post_region
        elif form.get("address_id", "").strip():
            raise Open311Error(400, "address_id is not supported: give lat and long, "
                                    "or address_string")
        else:
            raise Open311Error(400, "a location is required: lat and long, or address_string")
        try:
            return ReportBody(title=service.name, description=description,
                              category=service.category, subcategory=service.code,
                              source="app", region_id=region, address=address, lat=lat, lon=lon,
                              reporter=_reporter(form))
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error.get("loc", ()))
            raise Open311Error(400, f"{where}: {error.get('msg', 'invalid')}") from None

    # ---- GET requests
    def find(self, params: Mapping[str, str]) -> list[ServiceRequestJSON]:
        """``GET requests``: filtered, newest first, at most ``MAX_RESULTS``."""
        self.check_jurisdiction(params)
        ids = _split(params.get("service_request_id", ""))
        query = select(Case)
        if ids:
            if len(ids) > MAX_IDS:
                raise Open311Error(400, f"at most {MAX_IDS} service_request_id values")
            query = query.where(Case.id.in_(ids))
        else:
            query = query.where(*self._filters(params))
        query = query.order_by(Case.reported_at.desc(), Case.id.desc()).limit(MAX_RESULTS)
        with self.ctx.db.read() as s:
            cases = list(s.scalars(query))
            return self._objects(s, cases)

    def _filters(self, params: Mapping[str, str]) -> list[ColumnElement[bool]]:
        filters: list[ColumnElement[bool]] = []
        codes = _split(params.get("service_code", ""))
        unknown = [c for c in codes if c not in self.services]
        if unknown:
            raise Open311Error(400, f"service_code {', '.join(unknown)} not found")
        if codes:
            filters.append(or_(*(and_(Case.category == self.services[c].category,
                                      Case.subcategory == self.services[c].name)
                                 for c in codes)))
        statuses = _split(params.get("status", "").lower())
        if any(s not in STATUSES for s in statuses):
            raise Open311Error(400, "status must be open, closed or open,closed")
        if statuses == ["open"]:
            filters.append(Case.status != "closed")
        elif statuses == ["closed"]:
            filters.append(Case.status == "closed")
        start_text, end_text = params.get("start_date", ""), params.get("end_date", "")
        end = parse_time("end_date", end_text) if end_text.strip() else None
        start = parse_time("start_date", start_text) if start_text.strip() else None
        if end is None:
            end = start + MAX_SPAN if start is not None else utcnow()
        if start is None:
            start = end - MAX_SPAN
        if start > end:
            raise Open311Error(400, "start_date is after end_date")
        if end - start > MAX_SPAN:
            raise Open311Error(400, "start_date and end_date may be at most 90 days apart")
        filters += [Case.reported_at >= start, Case.reported_at <= end]
        return filters

    def request(self, request_id: str) -> list[ServiceRequestJSON]:
        """``GET requests/{id}``: a one-item list, or 404."""
        check_text({"service_request_id": request_id})
        with self.ctx.db.read() as s:
            case = s.get(Case, request_id)
            if case is None:
                raise Open311Error(404, f"no service request {request_id}")
            return self._objects(s, [case])

    def _objects(self, s: Session, cases: list[Case]) -> list[ServiceRequestJSON]:
        unit_ids = {c.unit_id for c in cases if c.unit_id}
        names = dict(s.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids))).all()
                     ) if unit_ids else {}
        return [request_object(c, self._code_of.get((c.category, c.subcategory), ""),
                               names.get(c.unit_id) if c.unit_id else None) for c in cases]
