"""What the simulator is told: ``SimConfig`` (``hub simulate``'s options, see ``cli``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hub.seed import DEMO_PASSWORD, PREFECTURE_ID


@dataclass(slots=True)
class SimConfig:
    """What the simulator is told (the command line's options)."""

    hub: str = "http://127.0.0.1:8765"
    mode: str = "synthetic"
    rate: float = 12.0           # new cases per (real) minute, synthetic mode
    speed: float = 60.0          # simulated seconds per real second
    duration_s: float | None = None
    password: str = DEMO_PASSWORD
    intake: str = f"intake-{PREFECTURE_ID}"
    supervisor: str = f"supervisor-{PREFECTURE_ID}"
    officer: str = f"officer-{PREFECTURE_ID}"
    seed: int | None = None
    nyc_file: Path | None = None
    max_gap_s: float | None = None  # nyc311: cap one (compressed) gap between records
    dispatch_share: float = 0.85
    min_delay_s: float = 0.02       # no job is scheduled sooner than this (real seconds)
