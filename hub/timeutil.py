"""Time helpers: the protocol's RFC 3339 UTC timestamps (``2026-11-22T08:15:02.123Z``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime, truncated to milliseconds."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


@overload
def to_rfc3339(value: datetime) -> str: ...
@overload
def to_rfc3339(value: None) -> None: ...
@overload
def to_rfc3339(value: datetime | None) -> str | None: ...
def to_rfc3339(value: datetime | None) -> str | None:
    """Format an aware (or naive-UTC) datetime as ``YYYY-MM-DDTHH:MM:SS.mmmZ``."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def parse_rfc3339(text: str) -> datetime:
    """Parse an RFC 3339 timestamp into an aware UTC datetime (``Z`` or an offset required)."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"timestamp without a zone: {text!r}")
    return value.astimezone(UTC)
