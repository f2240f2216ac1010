"""Request bodies, validated strictly (wrong type → 422) with unknown fields ignored."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Title = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Address = Annotated[str, StringConstraints(max_length=200)]
Description = Annotated[str, StringConstraints(max_length=5000)]
Note = Annotated[str, StringConstraints(max_length=1000)]
Id = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Version = Annotated[int, Field(ge=1)]


class _Body(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class LoginBody(_Body):
    """``POST /session``."""

    username: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class ReporterBody(_Body):
    """The citizen who reported (protocol 1.1), stored as given and sent only masked."""

    name: Annotated[str, StringConstraints(max_length=100)] = ""
    phone: Annotated[str, StringConstraints(max_length=40, pattern=r"^[0-9+\- ]*$")] = ""


class ReportBody(_Body):
    """``POST /cases``: a new case (status ``reported``)."""

    title: Title
    description: Description = ""
    category: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    subcategory: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    priority: Literal["normal", "urgent", "critical"] = "normal"
    source: Literal["app", "wechat", "hotline", "grid_worker", "video_ai", "self_found"]
    region_id: Id
    address: Address = ""
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None
    reporter: ReporterBody | None = None


class AssignBody(_Body):
    """``POST /cases/{id}/assign``."""

    unit_id: Id
    expected_version: Version | None = None
    note: Note = ""


class NoteBody(_Body):
    """Commands that take only a note and an optional expected version."""

    note: Note = ""
    expected_version: Version | None = None


class CallBody(_Body):
    """``POST /calls``."""

    title: Title
    case_id: Id | None = None
    unit_ids: Annotated[list[Id], Field(max_length=50)] = []


class WhistleBody(_Body):
    """``POST /cases/{id}/whistle``."""

    unit_ids: Annotated[list[Id], Field(min_length=1, max_length=50)]
    minutes: Annotated[int, Field(ge=1, le=7 * 24 * 60)]
    note: Note = ""
    expected_version: Version | None = None


# ---- protocol 1.1: the closed loop
Time = Annotated[str, StringConstraints(min_length=1, max_length=40)]
Satisfaction = Literal["satisfied", "basically_satisfied", "dissatisfied", "unreachable"]


class ExtendBody(_Body):
    """``POST /cases/{id}/extend``: ask for a later ``due_at``."""

    until: Time
    reason: Note = ""
    expected_version: Version | None = None


class DecideBody(_Body):
    """``POST /cases/{id}/decide``: approve or refuse the pending request."""

    approve: bool
    note: Note = ""
    expected_version: Version | None = None


class CallbackBody(_Body):
    """``POST /cases/{id}/callback``: the citizen's answer at the callback (回访)."""

    solved: bool
    satisfaction: Satisfaction
    note: Note = ""
    expected_version: Version | None = None


class MergeBody(_Body):
    """``POST /cases/{id}/merge``: close this case as a duplicate of ``into`` (并单)."""

    into: Id
    note: Note = ""
    expected_version: Version | None = None
