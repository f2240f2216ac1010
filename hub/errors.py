"""The protocol's error codes as exceptions the service layer raises and the API renders."""

from __future__ import annotations

from hub.bodies import CaseJSON, ErrorJSON


class HubError(Exception):
    """A refusal that maps to one protocol error code and HTTP status.

    Attributes:
        status: the HTTP status code.
        code: the protocol's error code (``forbidden``, ``conflict``…).
        message: a sentence for the operator.
        case: the current case, answered beside the error on 409.
    """

    status = 500
    code = "server_error"
    outcome = "failed"

    def __init__(self, message: str, *, case: CaseJSON | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.case = case

    def body(self) -> ErrorJSON:
        """Return the protocol's error body."""
        body: ErrorJSON = {"error": {"code": self.code, "message": self.message}}
        if self.case is not None:
            body["case"] = self.case
        return body


class BadRequest(HubError):
    status, code, outcome = 400, "bad_request", "invalid"


class Unauthenticated(HubError):
    status, code, outcome = 401, "unauthenticated", "denied"


class OtpRequired(Unauthenticated):
    """Protocol 1.1: the account has a second factor and the login lacked a right ``otp``."""

    code = "otp_required"


class Forbidden(HubError):
    status, code, outcome = 403, "forbidden", "denied"


class NotFound(HubError):
    status, code, outcome = 404, "not_found", "invalid"


class Conflict(HubError):
    status, code, outcome = 409, "conflict", "conflict"


class Gone(HubError):
    status, code, outcome = 410, "gone", "invalid"


class TooLarge(HubError):
    status, code, outcome = 413, "too_large", "invalid"


class Invalid(HubError):
    status, code, outcome = 422, "invalid", "invalid"


class RateLimited(HubError):
    status, code, outcome = 429, "rate_limited", "denied"


class Unavailable(HubError):
    """The hub cannot carry out a valid command now (e.g. its working calendar lacks a year)."""

    status, code, outcome = 503, "server_error", "failed"
