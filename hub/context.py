"""What every part of the hub's service layer shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from hub.bodies import CategoryJSON, UserJSON
from hub.config import HubConfig
from hub.db import Database
from hub.geo import RegionIndex
from hub.journal import Journal
from hub.limits import Clock, Limits, default_limits
from hub.scope import RegionTree


@dataclass(frozen=True, slots=True)
class Actor:
    """The authenticated user behind a request, with the address it came from."""

    user_id: str
    username: str
    name: str
    role: str
    post_id: str
    unit_id: str | None
    addr: str = ""
    #: "" or what the session must do before anything else: "password" (change it) or
    #: "otp" (enrol a second factor); see hub.session_policy
    restriction: str = ""

    def user_json(self) -> UserJSON:
        """The protocol's ``user`` object."""
        return {"id": self.user_id, "name": self.name, "role": self.role,
                "post_id": self.post_id, "unit_id": self.unit_id}


@dataclass(slots=True)
class HubContext:
    """Database, settings, jurisdiction tree and event journal of one running hub."""

    db: Database
    config: HubConfig
    tree: RegionTree
    journal: Journal
    # subcategory lookup: (category, code or name) → (subcategory name, sla_hours)
    subcategories: dict[tuple[str, str], tuple[str, float]]
    categories_json: list[CategoryJSON]
    #: region polygons: point → grid (``hub.geo.locate``) and ``GET /regions/geometry``
    geo: RegionIndex
    # protocol 1.1: (category, subcategory name) → limits; how deadlines are counted
    limits: dict[tuple[str, str], Limits] = field(default_factory=dict)
    clock: Clock = field(default_factory=Clock)

    def limits_of(self, category: str, subcategory: str) -> Limits:
        """The limits of a case's subcategory (defaults from a 24 h SLA if it vanished)."""
        found = self.limits.get((category, subcategory))
        return found if found is not None else default_limits(24.0)
