"""What the simulator keeps: a ``Track`` per case it follows and a ``Job`` per due action."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: jobs that move a case on (one at a time per case: ``Track.pending``)
LIFECYCLE_JOBS = frozenset({"dispatch", "accept", "resolve", "return", "callback", "watch",
                            "extend", "merge"})


@dataclass(slots=True)
class Track:
    """A case the simulator reported and follows, with its plan."""

    id: str
    version: int
    status: str
    unit_id: str | None
    category: str
    subcategory: str
    priority: str
    region_id: str
    title: str
    created: float                   # simulator clock when reported
    window_s: float                  # the SLA, in real seconds
    dispatch: bool = True            # False: left for a human dispatcher
    target_unit: str | None = None   # nyc311: the agency's unit
    resolve_after_s: float | None = None  # nyc311: fixed time to resolution (None: stays open)
    fixed_resolve: bool = False      # nyc311 timing instead of the SLA draw
    late: bool = False               # deliberately resolved past the SLA
    will_return: bool = False
    will_reopen: bool = False
    returns: int = 0
    reopens: int = 0
    urges: int = 0
    watches: int = 0
    failures: int = 0
    exclude: set[str] = field(default_factory=set)
    whistled: bool = False
    called: bool = False
    pending: bool = False            # a lifecycle job is scheduled
    # protocol 1.1 (hub.simulate.loop11)
    late_sign: bool = False          # signs past sign_due
    signed_late: bool = False
    will_extend: bool = False        # asks for an extension once
    extensions: int = 0
    reworks: int = 0
    duplicate_of: str | None = None  # a repeat report, to merge into that case
    sign_window_s: float | None = None
    awaiting: bool = False           # a request waits for the supervisor's decision
    nyc_stage: str | None = None     # nyc311: where the record's status leaves the case


@dataclass(order=True, slots=True)
class Job:
    """A due action in the scheduler's heap."""

    due: float
    seq: int
    action: str = field(compare=False)
    case_id: str | None = field(compare=False, default=None)
    attempt: int = field(compare=False, default=0)
    data: dict[str, Any] = field(compare=False, default_factory=dict)
