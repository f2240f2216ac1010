"""What a session may reach, beyond the roles of each command (``hub.commands.ROLES``).

* ``auditor`` (审计管理员, kept apart from the others as MLPS level 3 asks) reads
  ``GET /audit`` for the whole hub and nothing else: no cases, no feed, no command.
* A session whose user must change the password (after an admin's reset) or must enrol a
  second factor (``--require-otp`` for its role) may only do that, or log out, until done.
"""

from __future__ import annotations

from hub.context import Actor
from hub.errors import Forbidden

PREFIX = "/api/v1"
# (method, path) every session may reach, restricted or not
SESSION_CALLS = {("DELETE", "/session"), ("POST", "/session/password"),
                 ("POST", "/session/otp"), ("POST", "/session/otp/confirm")}
AUDITOR_CALLS = SESSION_CALLS | {("GET", "/audit")}


def check(actor: Actor, method: str, path: str) -> None:
    """Raise ``Forbidden`` if the session may not make this call now."""
    call = (method.upper(), path.removeprefix(PREFIX).rstrip("/") or "/")
    if actor.restriction == "password" and call not in SESSION_CALLS:
        raise Forbidden("change your password first (POST /session/password)")
    if actor.restriction == "otp" and call not in SESSION_CALLS:
        raise Forbidden("set up your second factor first (POST /session/otp)")
    if actor.role == "auditor" and call not in AUDITOR_CALLS:
        raise Forbidden("an auditor account reads the audit log only")
