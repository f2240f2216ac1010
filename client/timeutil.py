"""Protocol time helpers: RFC 3339 UTC strings <-> epoch seconds, and the post's zone.

The protocol sends times as RFC 3339 in UTC with a ``Z``; the console shows them in the
post's zone (default Asia/Shanghai). Internally the client compares epoch seconds (float).

Threading: pure functions; safe everywhere.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Asia/Shanghai"


@lru_cache(maxsize=16)
def zone(name: str = DEFAULT_ZONE) -> ZoneInfo:
    """Return the (cached) ZoneInfo for ``name``."""
    return ZoneInfo(name)


def parse_time(text: str) -> float:
    """Parse an RFC 3339 time (``...Z`` or with an offset) into epoch seconds.

    Raises:
        ValueError: not a time, or a time without a zone.
    """
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        # RFC 3339 allows a lower-case "t" and "z" (the protocol decoder accepts them);
        # Python 3.11's fromisoformat does not
        dt = datetime.fromisoformat(text.upper())
    if dt.tzinfo is None:
        raise ValueError(f"time without a zone: {text!r}")
    return dt.timestamp()


def parse_time_or_none(text: object) -> float | None:
    """Parse ``text`` like :func:`parse_time`; None (and no error) for None or junk."""
    if not isinstance(text, str):
        return None
    try:
        return parse_time(text)
    except ValueError:
        return None


def format_time(ts: float) -> str:
    """Format epoch seconds as the protocol does: ``2026-11-22T08:15:02.123Z``."""
    dt = datetime.fromtimestamp(ts, UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def now_text() -> str:
    """The current time in protocol form."""
    return format_time(time.time())


def local_date(ts: float, zone_name: str = DEFAULT_ZONE) -> date:
    """The calendar date of ``ts`` in the post's zone."""
    return datetime.fromtimestamp(ts, zone(zone_name)).date()


def day_bounds(ts: float, zone_name: str = DEFAULT_ZONE) -> tuple[float, float]:
    """Epoch seconds of the start of the local day containing ``ts`` and of the next one."""
    tz = zone(zone_name)
    d = datetime.fromtimestamp(ts, tz).date()
    start = datetime(d.year, d.month, d.day, tzinfo=tz)
    nxt = d + timedelta(days=1)
    end = datetime(nxt.year, nxt.month, nxt.day, tzinfo=tz)
    return start.timestamp(), end.timestamp()
