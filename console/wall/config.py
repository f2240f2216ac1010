"""Wall settings: playlists per screen, takeovers, day start, burn-in shift (Qt-free).

A wall config is a small JSON or INI file (``--wall-config FILE``); everything has a
default, so no file is needed. JSON::

    {"seconds": 20,                       # default seconds per page
     "screens": [                         # one entry per screen, in screen order
        {"pages": ["kpi", "trend", {"page": "map", "seconds": 40}]},
        {"fixed": "map"}],                # a screen that never rotates
     "takeover": {"seconds": 30, "corner": "bottom-right",
                  "critical": true, "overdue": true},
     "day_start": "00:00", "shifts": ["08:00", "20:00"],
     "scale": 1.0, "burn_in_px": null, "burn_in_period_s": 900}

INI: a ``[wall]`` section with the scalar keys above (``takeover_seconds``,
``takeover_corner``, ``takeover_critical``, ``takeover_overdue``, ``shifts = 08:00,20:00``)
and one ``[screen.1]``, ``[screen.2]``… section per screen with ``pages = kpi, map:40``
(``page:seconds``), ``seconds`` and/or ``fixed``.

Screens without an entry rotate the whole default playlist, each starting one page
further so that two screens never show the same page at once.

Threading: immutable values; safe everywhere.
"""

from __future__ import annotations

import configparser
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from client.glossary import TODAY_RULE

#: every page the wall can show, in the default playlist's order
PAGES = ("kpi", "map", "trend", "breakdown", "load", "overdue", "calls", "rank")
CORNERS = ("bottom-right", "bottom-left", "top-right", "top-left")
DEFAULT_SECONDS = 20.0
MIN_SECONDS = 3.0


@dataclass(frozen=True)
class Slot:
    """One playlist entry: show ``page`` for ``seconds``."""

    page: str
    seconds: float


@dataclass(frozen=True)
class ScreenPlan:
    """What one screen shows: a playlist (one entry = fixed)."""

    playlist: tuple[Slot, ...]

    @property
    def fixed(self) -> bool:
        """True when the screen never rotates."""
        return len(self.playlist) == 1


@dataclass(frozen=True)
class WallConfig:
    """The wall's settings (see the module docstring for the file format).

    Attributes:
        seconds: default seconds per page.
        screens: explicit plans, by screen index (missing screens use the default).
        takeover_seconds: how long a critical/overdue takeover holds its corner.
        takeover_corner: one of :data:`CORNERS`.
        takeover_critical / takeover_overdue: which events take a corner over.
        day_start: local "HH:MM" at which the wall's per-day counters restart.
        shifts: local shift starts; at each, the wall clears its histories.
        scale: multiplies every type size (1.0: base = screen height / 40).
        burn_in_px: largest shift of static elements, None for base/6 (≈ 4 px at 1080p).
        burn_in_period_s: the shift's slowest period.
    """

    seconds: float = DEFAULT_SECONDS
    screens: tuple[ScreenPlan, ...] = ()
    takeover_seconds: float = 30.0
    takeover_corner: str = "bottom-right"
    takeover_critical: bool = True
    takeover_overdue: bool = True
    day_start: str = TODAY_RULE  # "today" as the console counts it (client.glossary)
    shifts: tuple[str, ...] = ("08:00", "20:00")
    scale: float = 1.0
    burn_in_px: int | None = None
    burn_in_period_s: float = 900.0
    pages: tuple[str, ...] = field(default=PAGES)

    def plan(self, index: int) -> ScreenPlan:
        """The plan of screen ``index`` (0-based)."""
        if index < len(self.screens):
            return self.screens[index]
        pages = list(self.pages)
        k = index % len(pages)
        pages = pages[k:] + pages[:k]
        return ScreenPlan(tuple(Slot(p, self.seconds) for p in pages))


def parse_screens(spec: object) -> int | None:
    """``--screens``: a count ≥ 1, or ``all`` → None.

    Raises:
        ValueError: anything else.
    """
    if spec is None:
        return 1
    text = str(spec).strip().lower()
    if text == "all":
        return None
    if text.isdigit() and int(text) >= 1:
        return int(text)
    raise ValueError(f"bad --screens {spec!r}: expected a number ≥ 1 or 'all'")


def _hhmm(value: object, what: str) -> str:
    text = str(value).strip()
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValueError(f"bad {what} {value!r}: expected HH:MM")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def _seconds(value: object, what: str) -> float:
    try:
        s = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"bad {what} {value!r}: expected seconds") from None
    if not s >= MIN_SECONDS or s > 86400:
        raise ValueError(f"bad {what} {value!r}: expected {MIN_SECONDS:g}–86400 seconds")
    return s


def _page(name: object) -> str:
    text = str(name).strip().lower()
    if text not in PAGES:
        raise ValueError(f"unknown wall page {name!r}: choose from {', '.join(PAGES)}")
    return text


def _bool(value: object, what: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"bad {what} {value!r}: expected true or false")


def _plan(entry: object, default_s: float) -> ScreenPlan:
    if isinstance(entry, str):
        entry = {"fixed": entry}
    if not isinstance(entry, dict):
        raise ValueError(f"bad screen entry {entry!r}")
    if entry.get("fixed"):
        return ScreenPlan((Slot(_page(entry["fixed"]), default_s),))
    secs = _seconds(entry["seconds"], "seconds") if "seconds" in entry else default_s
    pages = entry.get("pages")
    if isinstance(pages, str):
        pages = [p for p in pages.split(",") if p.strip()]
    if not isinstance(pages, list) or not pages:
        raise ValueError(f"screen entry {entry!r} needs 'pages' or 'fixed'")
    slots = []
    for p in pages:
        if isinstance(p, dict):
            slots.append(Slot(_page(p.get("page")),
                              _seconds(p["seconds"], "seconds") if "seconds" in p else secs))
        else:
            name, _, s = str(p).partition(":")
            slots.append(Slot(_page(name), _seconds(s, "seconds") if s.strip() else secs))
    return ScreenPlan(tuple(slots))


class _Settings(TypedDict, total=False):
    """The :class:`WallConfig` fields a config file sets."""

    seconds: float
    screens: tuple[ScreenPlan, ...]
    takeover_seconds: float
    takeover_corner: str
    takeover_critical: bool
    takeover_overdue: bool
    day_start: str
    shifts: tuple[str, ...]
    scale: float
    burn_in_px: int | None
    burn_in_period_s: float


def from_dict(data: dict) -> WallConfig:
    """Build a config from a JSON-shaped dict (unknown keys ignored).

    Raises:
        ValueError: a bad value, with a message naming it.
    """
    if not isinstance(data, dict):
        raise ValueError("a wall config is a JSON object")
    kw: _Settings = {}
    secs = _seconds(data["seconds"], "seconds") if "seconds" in data else DEFAULT_SECONDS
    kw["seconds"] = secs
    screens = data.get("screens") or []
    if not isinstance(screens, list):
        raise ValueError("'screens' is a list")
    kw["screens"] = tuple(_plan(e, secs) for e in screens)
    to = data.get("takeover") or {}
    if not isinstance(to, dict):
        raise ValueError("'takeover' is an object")
    if "seconds" in to:
        kw["takeover_seconds"] = _seconds(to["seconds"], "takeover seconds")
    if "corner" in to:
        corner = str(to["corner"]).strip().lower()
        if corner not in CORNERS:
            raise ValueError(f"bad takeover corner {to['corner']!r}: choose from {CORNERS}")
        kw["takeover_corner"] = corner
    if "critical" in to:
        kw["takeover_critical"] = _bool(to["critical"], "takeover critical")
    if "overdue" in to:
        kw["takeover_overdue"] = _bool(to["overdue"], "takeover overdue")
    if "day_start" in data:
        kw["day_start"] = _hhmm(data["day_start"], "day_start")
    if "shifts" in data:
        shifts = data["shifts"]
        if isinstance(shifts, str):
            shifts = shifts.split(",")
        kw["shifts"] = tuple(_hhmm(s, "shift start") for s in shifts) or ("08:00",)
    if "scale" in data:
        try:
            scale = float(data["scale"])
        except (TypeError, ValueError):
            raise ValueError(f"bad scale {data['scale']!r}") from None
        if not 0.5 <= scale <= 3.0:
            raise ValueError("scale must be within 0.5–3.0")
        kw["scale"] = scale
    if data.get("burn_in_px") is not None:
        try:
            kw["burn_in_px"] = max(0, min(64, int(data["burn_in_px"])))
        except (TypeError, ValueError):
            raise ValueError(f"bad burn_in_px {data['burn_in_px']!r}") from None
    if "burn_in_period_s" in data:
        kw["burn_in_period_s"] = _seconds(data["burn_in_period_s"], "burn_in_period_s")
    return WallConfig(**kw)


def _from_ini(text: str) -> WallConfig:
    cp = configparser.ConfigParser()
    cp.read_string(text)
    data: dict[str, object] = {}
    if cp.has_section("wall"):
        sec = cp["wall"]
        for key in ("seconds", "day_start", "shifts", "scale", "burn_in_px",
                    "burn_in_period_s"):
            if key in sec:
                data[key] = sec[key]
        to = {}
        for key in ("seconds", "corner", "critical", "overdue"):
            if f"takeover_{key}" in sec:
                to[key] = sec[f"takeover_{key}"]
        data["takeover"] = to
    screens = []
    names = sorted((s for s in cp.sections() if re.fullmatch(r"screen\.\d+", s)),
                   key=lambda s: int(s.split(".")[1]))
    for name in names:
        sec = cp[name]
        entry: dict[str, str] = {}
        for key in ("pages", "seconds", "fixed"):
            if key in sec:
                entry[key] = sec[key]
        screens.append(entry)
    data["screens"] = screens
    return from_dict(data)


def load_config(path: str | Path | None) -> WallConfig:
    """Read ``--wall-config`` (JSON, or INI for ``.ini``/``.cfg``/``.conf``); None → defaults.

    Raises:
        ValueError: unreadable file or bad content, with a message naming the file.
    """
    if path is None:
        return WallConfig()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read wall config {path}: {exc}") from None
    try:
        if path.suffix.lower() in (".ini", ".cfg", ".conf"):
            return _from_ini(text)
        return from_dict(json.loads(text))
    except (ValueError, KeyError, configparser.Error) as exc:
        raise ValueError(f"wall config {path}: {exc}") from None
