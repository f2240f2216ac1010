"""Typed errors raised by the protocol client and the shift cache.

Every error code of the protocol (``{"error": {"code", "message"}}``) maps to one
subclass of :class:`HubError`; :func:`error_for` builds the right one from a response.
Transport failures (refused connection, DNS, timeout) become :class:`HubUnreachable`.
A 401 on a call made with a session token becomes :class:`SessionExpired`, which the
console shows as "session expired, log in again" (it never retries on its own).

Threading: these are plain exception classes; safe everywhere.
"""

from __future__ import annotations

from client.protocol import Case, ErrorBody


class HubError(Exception):
    """An error answered by the hub (or on the way to it).

    Attributes:
        code: the protocol error code (``"conflict"``, ``"gone"``, ...).
        status: the HTTP status (0 when no response was received).
        message: the hub's human-readable message.
    """

    code = "error"
    status = 0

    def __init__(self, message: str = "", *, status: int | None = None, code: str | None = None):
        super().__init__(message or self.code)
        self.message = message or self.code
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class BadRequestError(HubError):
    """400 ``bad_request``: the request body could not be parsed."""

    code, status = "bad_request", 400


class UnauthenticatedError(HubError):
    """401 ``unauthenticated``: bad credentials, or a missing/expired/forged token."""

    code, status = "unauthenticated", 401


class SessionExpired(UnauthenticatedError):
    """401 on a call that carried a token: the session is over; log in again."""

    def __init__(self, message: str = "session expired, log in again", *,
                 status: int | None = None, code: str | None = None):
        super().__init__(message, status=status, code=code)


class ForbiddenError(HubError):
    """403 ``forbidden``: the user's role may not do this."""

    code, status = "forbidden", 403


class NotFoundError(HubError):
    """404 ``not_found``: no such object (in the user's jurisdiction)."""

    code, status = "not_found", 404


class ConflictError(HubError):
    """409 ``conflict``: stale ``expected_version`` or a move the lifecycle forbids.

    Attributes:
        current_case: the hub's current copy of the case, when the hub sent one.
    """

    code, status = "conflict", 409

    def __init__(self, message: str = "", *, current_case: Case | None = None,
                 status: int | None = None, code: str | None = None):
        super().__init__(message, status=status, code=code)
        self.current_case = current_case


class GoneError(HubError):
    """410 ``gone``: ``since`` is older than the hub keeps; reload the snapshot."""

    code, status = "gone", 410


class TooLargeError(HubError):
    """413 ``too_large``: the request body is over 1 MB."""

    code, status = "too_large", 413


class InvalidError(HubError):
    """422 ``invalid``: a field is missing, too long, of the wrong type or unknown."""

    code, status = "invalid", 422


class RateLimitedError(HubError):
    """429 ``rate_limited``: e.g. a username locked after repeated wrong passwords."""

    code, status = "rate_limited", 429


class ServerError(HubError):
    """5xx ``server_error``: the hub failed."""

    code, status = "server_error", 500


class BadAnswerError(HubError):
    """A 2xx answer that is JSON but not what the protocol allows (a hostile or broken hub)."""

    code, status = "bad_response", 0


class HubUnreachable(HubError):
    """No usable answer: connection refused, DNS failure, timeout, or not a hub at all."""

    code, status = "unreachable", 0


class CacheError(Exception):
    """A shift cache file is missing, damaged, unreadable or belongs to another hub/post."""


_BY_CODE: dict[str, type[HubError]] = {
    cls.code: cls
    for cls in (
        BadRequestError,
        UnauthenticatedError,
        ForbiddenError,
        NotFoundError,
        ConflictError,
        GoneError,
        TooLargeError,
        InvalidError,
        RateLimitedError,
        ServerError,
    )
}
_BY_STATUS: dict[int, type[HubError]] = {cls.status: cls for cls in _BY_CODE.values()}


class OtpRequiredError(UnauthenticatedError):
    """401 ``otp_required`` (protocol 1.1): the account has a second factor; log in again
    with ``otp`` (the 6-digit code, or a recovery code)."""

    code = "otp_required"


_BY_CODE[OtpRequiredError.code] = OtpRequiredError


def error_for(status: int, body: ErrorBody | None, *, with_token: bool = False) -> HubError:
    """Build the typed error for a non-2xx answer.

    Args:
        status: the HTTP status.
        body: the answer's body as a validated ``client.protocol.ErrorBody`` (see
            ``protocol.error_body``), or None when it was not one.
        with_token: the call carried a session token (a 401 then means SessionExpired).
    Return:
        The matching :class:`HubError` subclass instance; the status decides when the
        body or its code is missing or unknown.
    """
    err = body["error"] if body else None
    code = err["code"] if err else None
    message = (err["message"] if err else "") or f"HTTP {status}"
    cls = _BY_CODE.get(code) if code else None
    if cls is None:
        cls = _BY_STATUS.get(status, ServerError if status >= 500 else HubError)
    if cls is UnauthenticatedError and with_token:
        return SessionExpired(f"session expired, log in again ({message})", status=status)
    if cls is ConflictError:
        return ConflictError(message, current_case=body.get("case") if body else None,
                             status=status)
    if cls is HubError:
        return HubError(message, status=status, code=code or "error")
    return cls(message, status=status)
