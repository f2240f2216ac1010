"""The case lifecycle as a table: which command moves which status where.

``reported`` → ``dispatched`` → ``accepted`` → ``resolved`` → ``closed``; a unit may
``return`` a case (→ ``returned``, no unit) for re-dispatch; a ``resolved`` case that fails
verification is reopened (→ ``dispatched``, same unit).
"""

from __future__ import annotations

from hub.errors import Conflict, Invalid

OPEN_STATUSES = ("reported", "dispatched", "accepted", "resolved", "returned")

# command → {from status: (to status, event action)}
_MOVES: dict[str, dict[str, tuple[str, str]]] = {
    "assign": {
        "reported": ("dispatched", "dispatch"),
        "returned": ("dispatched", "dispatch"),
        "dispatched": ("dispatched", "reassign"),
        "accepted": ("dispatched", "reassign"),
    },
    "accept": {"dispatched": ("accepted", "accept")},
    "resolve": {"accepted": ("resolved", "resolve")},
    "return": {"dispatched": ("returned", "return"), "accepted": ("returned", "return")},
    "close": {"resolved": ("closed", "close")},
    "reopen": {"resolved": ("dispatched", "reopen")},
}


def move(command: str, status: str) -> tuple[str, str]:
    """Return ``(new status, event action)`` or raise: 422 on a closed case for assign, else 409."""
    target = _MOVES[command].get(status)
    if target is not None:
        return target
    if command == "assign" and status == "closed":
        raise Invalid("a closed case cannot be assigned")
    raise Conflict(f"cannot {command} a case that is {status}")
