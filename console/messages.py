"""Errors from the hub, said in words an officer understands (translated)."""

from __future__ import annotations

from client.errors import (
    ConflictError,
    ForbiddenError,
    HubError,
    HubUnreachable,
    InvalidError,
    NotFoundError,
    RateLimitedError,
    SessionExpired,
    UnauthenticatedError,
)
from widgets.qt import QCoreApplication
from widgets.text import safe

_T = QCoreApplication


def status_word(status: str) -> str:
    """The translated name of a case status."""
    words = {
        "reported": _T.translate("Messages", "reported"),
        "dispatched": _T.translate("Messages", "dispatched"),
        "accepted": _T.translate("Messages", "accepted"),
        "resolved": _T.translate("Messages", "resolved"),
        "returned": _T.translate("Messages", "returned"),
        "closed": _T.translate("Messages", "closed"),
    }
    return words.get(status, safe(status, 40))


def describe_error(label: str, exc: BaseException) -> str:
    """One sentence for a failed command ``label`` (already translated)."""
    what = f"{label}: " if label else ""
    if isinstance(exc, SessionExpired):
        text = _T.translate("Messages", "your session has expired; enter your password again.")
    elif isinstance(exc, ForbiddenError):
        text = _T.translate("Messages", "not allowed for your role.")
    elif isinstance(exc, ConflictError):
        case = exc.current_case
        if isinstance(case, dict):
            text = _T.translate(
                "Messages",
                "conflict with the current case (now {status}, version {version}); "
                "nothing was changed. Check the case and try again.",
            ).format(status=status_word(str(case.get("status", ""))),
                     version=safe(case.get("version", "?"), 12))
        else:
            text = _T.translate(
                "Messages", "conflict with the current state of the case; nothing was changed.")
    elif isinstance(exc, InvalidError):
        text = _T.translate("Messages", "the hub refused it: {message}").format(
            message=safe(exc.message, 300))
    elif isinstance(exc, NotFoundError):
        text = _T.translate(
            "Messages", "no such case or object (it may have left your jurisdiction).")
    elif isinstance(exc, RateLimitedError):
        text = _T.translate("Messages", "too many attempts; wait a while and try again.")
    elif isinstance(exc, HubUnreachable):
        text = _T.translate("Messages", "hub unreachable; check the network and try again.")
    elif isinstance(exc, UnauthenticatedError):
        text = _T.translate("Messages", "wrong user name or password.")
    elif isinstance(exc, HubError) and exc.status == 503:  # the hub's database is down
        text = _T.translate("Messages", "hub database unavailable; try again shortly.")
    elif isinstance(exc, HubError):
        text = _T.translate("Messages", "the hub answered an error: {message}").format(
            message=safe(exc.message, 300))
    else:
        text = _T.translate("Messages", "failed: {message}").format(
            message=safe(str(exc) or type(exc).__name__, 300))
    return what + text
