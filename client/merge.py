"""Duplicate candidates for a merge (并单): open cases that look like the same matter.

:func:`merge_candidates` ranks the open cases of the picture against one case by title
and address likeness (``difflib`` ratios over the plain strings), distance (within
``NEAR_M`` metres scores, fading to 0 at ``FAR_M``) and the same finest region; a search
text keeps only cases whose id, title or address contains it. A case is never its own
candidate, nor a closed or already merged one (the hub refuses those: the case a
duplicate joins must be open).

Threading: pure functions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from client.protocol import Case

NEAR_M = 300.0
FAR_M = 3000.0
MIN_SCORE = 0.25


@dataclass(frozen=True, slots=True)
class Candidate:
    """One suggested original: the case, its score 0..1 and the distance (m) if known."""

    case: Case
    score: float
    distance_m: float | None


def distance_m(a: Case, b: Case) -> float | None:
    """Great-circle distance between two cases' ``lat``/``lon`` (None when either lacks one)."""
    try:
        # (a missing coordinate leaves three values: the unpacking fails, ValueError)
        lat1, lon1, lat2, lon2 = (float(x) for x in (a["lat"], a["lon"], b["lat"], b["lon"])
                                  if x is not None)
    except (KeyError, TypeError, ValueError):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_000 * math.asin(min(1.0, math.sqrt(h)))


def _text(v: object) -> str:
    return v.strip() if isinstance(v, str) else ""


def _like(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def likeness(case: Case, other: Case) -> tuple[float, float | None]:
    """``(score 0..1, distance m)`` of ``other`` as a duplicate of ``case``."""
    d = distance_m(case, other)
    near = 0.0 if d is None else 1.0 if d <= NEAR_M else max(0.0, 1 - (d - NEAR_M) / (FAR_M - NEAR_M))
    same_region = 1.0 if case.get("region_id") and case.get("region_id") == other.get("region_id") else 0.0
    same_sub = 1.0 if case.get("subcategory") and case.get("subcategory") == other.get("subcategory") else 0.0
    score = (0.35 * _like(_text(case.get("title")), _text(other.get("title")))
             + 0.25 * _like(_text(case.get("address")), _text(other.get("address")))
             + 0.2 * near + 0.1 * same_region + 0.1 * same_sub)
    return score, d


def merge_candidates(case: Case, cases: Iterable[Case], query: str = "", *,
                     limit: int = 20) -> list[Candidate]:
    """The open cases most like ``case`` (best first); with ``query``, those matching it."""
    cid = case.get("id")
    q = query.strip().lower()
    out: list[Candidate] = []
    for other in cases:
        if other.get("id") == cid or other.get("status") == "closed" or other.get("merged_into"):
            continue
        if q and not any(q in _text(other.get(k)).lower() for k in ("id", "title", "address")):
            continue
        score, d = likeness(case, other)
        if q or score >= MIN_SCORE:
            out.append(Candidate(other, score, d))
    out.sort(key=lambda c: (-c.score, str(c.case.get("reported_at") or ""), str(c.case.get("id"))))
    return out[:limit]
