"""The command bar's language: what a typed line means, and how to complete it.

A line is one of

* a case ID (or part of one, or of a title): go to that case;
* a unit's name (or id): show that unit's cases;
* a region's name: narrow the console to that region;
* ``督办 <case>`` / ``urge <case>``: urge the case (after a confirmation naming it);
* ``改派 <case> → <unit>`` / ``reassign <case> -> <unit>``: reassign it (confirmed too).

:func:`complete` offers up to ``limit`` :class:`Suggestion` s for what is typed so far;
:func:`parse` turns a finished line into an :class:`Intent` (or None). Matching is
case-insensitive on IDs and substring on names; exact matches rank first.

Qt-free; reads a :class:`client.state.State` on the caller's thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from client.regions import RegionIndex
from client.state import State

URGE_WORDS = ("督办", "urge")
REASSIGN_WORDS = ("改派", "reassign")
ARROW = re.compile(r"\s*(?:→|->|=>|＞|>)\s*")


@dataclass(frozen=True)
class Intent:
    """What a line asks for.

    Attributes:
        kind: ``case``, ``unit``, ``region``, ``urge`` or ``reassign``.
        case_id / unit_id / region_id: the objects it names.
    """

    kind: str
    case_id: str | None = None
    unit_id: str | None = None
    region_id: str | None = None


@dataclass(frozen=True)
class Suggestion:
    """One completion: the words shown, the full line it completes to, and its intent."""

    label: str
    line: str
    intent: Intent


def _score(needle: str, hay: str) -> int | None:
    """0 exact, 1 prefix, 2 substring, None no match (case-insensitive)."""
    h = hay.casefold()
    if h == needle:
        return 0
    if h.startswith(needle):
        return 1
    if needle in h:
        return 2
    return None


def find_cases(state: State, text: str, limit: int = 8) -> list[str]:
    """Case ids whose id (or title) contains ``text``: by id first, exact first."""
    needle = text.strip().casefold()
    if not needle:
        return []
    hits: list[tuple[int, str]] = []
    for cid, case in state.cases.items():
        s = _score(needle, cid)
        if s is None:
            title = case.get("title")
            t = _score(needle, title) if isinstance(title, str) else None
            s = None if t is None else t + 3
        if s is not None:
            hits.append((s, cid))
    hits.sort()
    return [cid for _, cid in hits[:limit]]


def find_units(state: State, text: str, limit: int = 8) -> list[str]:
    """Unit ids whose name or id contains ``text``."""
    needle = text.strip().casefold()
    if not needle:
        return []
    hits = []
    for uid, unit in state.units.items():
        scores = [s for s in (_score(needle, str(unit.get("name") or "")), _score(needle, uid))
                  if s is not None]
        if scores:
            hits.append((min(scores), str(unit.get("name") or uid), uid))
    hits.sort()
    return [uid for _, _, uid in hits[:limit]]


def find_regions(index: RegionIndex, text: str, limit: int = 8) -> list[str]:
    """Region ids whose name contains ``text``."""
    needle = text.strip().casefold()
    if not needle:
        return []
    hits = []
    for rid in index.regions:
        s = _score(needle, index.name(rid))
        if s is not None:
            hits.append((s, len(index.chain(rid)), rid))
    hits.sort()
    return [rid for _, _, rid in hits[:limit]]


def _split_command(text: str) -> tuple[str | None, str]:
    stripped = text.strip()
    low = stripped.casefold()
    for kind, words in (("urge", URGE_WORDS), ("reassign", REASSIGN_WORDS)):
        for w in words:
            if low.startswith(w):
                return kind, stripped[len(w):].strip()
    return None, stripped


def complete(state: State, index: RegionIndex, text: str, limit: int = 10) -> list[Suggestion]:
    """Suggestions for the line typed so far."""
    kind, rest = _split_command(text)
    out: list[Suggestion] = []

    def case_label(cid: str) -> str:
        case = state.cases.get(cid)
        title = case.get("title") if case is not None else None
        return f"{cid}  {title}" if isinstance(title, str) else cid

    def unit_name(uid: str) -> str:
        unit = state.units.get(uid)
        return str((unit.get("name") if unit is not None else None) or uid)

    if kind == "urge":
        for cid in find_cases(state, rest, limit):
            out.append(Suggestion(f"督办 {case_label(cid)}", f"督办 {cid}", Intent("urge", cid)))
        return out
    if kind == "reassign":
        parts = ARROW.split(rest, maxsplit=1)
        if len(parts) == 1:
            for cid in find_cases(state, parts[0], limit):
                out.append(Suggestion(f"改派 {case_label(cid)} → …", f"改派 {cid} → ",
                                      Intent("reassign", cid)))
            return out
        cases = find_cases(state, parts[0], 1)
        if not cases:
            return out
        cid = cases[0]
        for uid in find_units(state, parts[1], limit):
            out.append(Suggestion(f"改派 {case_label(cid)} → {unit_name(uid)}",
                                  f"改派 {cid} → {unit_name(uid)}",
                                  Intent("reassign", cid, unit_id=uid)))
        return out
    for cid in find_cases(state, rest, limit):
        out.append(Suggestion(case_label(cid), cid, Intent("case", cid)))
    for uid in find_units(state, rest, max(0, limit - len(out))):
        out.append(Suggestion(f"{unit_name(uid)}", unit_name(uid), Intent("unit", unit_id=uid)))
    for rid in find_regions(index, rest, max(0, limit - len(out))):
        path = " › ".join(index.name(r) for r in reversed(index.chain(rid)))
        out.append(Suggestion(path, index.name(rid), Intent("region", region_id=rid)))
    # an exact ID or name first, whatever its kind
    exact = rest.strip().casefold()
    out.sort(key=lambda s: s.line.casefold() != exact)
    return out[:limit]


def parse(state: State, index: RegionIndex, text: str) -> Intent | None:
    """The intent of a finished line: its best suggestion when that is complete (a
    reassignment needs its unit), else None."""
    best = complete(state, index, text, 1)
    if not best:
        return None
    intent = best[0].intent
    if intent.kind == "reassign" and intent.unit_id is None:
        return None
    return intent
