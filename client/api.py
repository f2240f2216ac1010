"""HubClient: the console's HTTP side of the hub protocol (requests).

One :class:`HubClient` per hub and user. Every call has a timeout; every non-2xx answer
becomes a typed :class:`~client.errors.HubError`; a transport failure becomes
:class:`~client.errors.HubUnreachable`; a 401 on a call made with a token becomes
:class:`~client.errors.SessionExpired` (the caller asks the operator to log in again).

Threading: a HubClient may be shared between threads (the Feed thread reads snapshot and
events while the GUI thread sends commands): each thread gets its own
``requests.Session`` (thread-local); the token is a plain attribute replaced atomically
by :meth:`HubClient.login`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from types import UnionType
from typing import TypedDict, TypeVar, cast, overload
from urllib.parse import quote, urlencode, urlsplit

import orjson
import requests
from msgspec import Raw

from client import protocol as P
from client import transport
from client.errors import BadAnswerError, HubError, HubUnreachable, error_for
from client.json_value import JSON, FeatureCollection

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
DEFAULT_TIMEOUT = (3.05, 15.0)  # (connect, read) seconds
SNAPSHOT_TIMEOUT = (3.05, 120.0)  # a 200,000-case snapshot takes a while to build and send


def normalize_base_url(url: str) -> str:
    """Return ``scheme://host[:port]/api/v1`` for a hub URL given with or without the prefix.

    Raises:
        ValueError: not an http(s) URL with a host.
    """
    if not isinstance(url, str):
        raise ValueError("bad hub URL: not a string")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"bad hub URL {url!r}: expected http(s)://host[:port]")
    try:
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        raise ValueError(f"bad hub URL {url!r}: {exc}") from None
    path = parts.path.rstrip("/")
    if not path.endswith(API_PREFIX):
        path += API_PREFIX
    return f"{parts.scheme}://{parts.netloc}{path}"


T = TypeVar("T")


def _q(ident: str) -> str:
    return quote(str(ident), safe="")


class _Wrapped(TypedDict):
    events: list[Raw]


class EventList(TypedDict):
    """``GET /events`` with each event decoded (:meth:`HubClient.events`)."""

    events: list[P.Event]
    seq: int


def _valid_events(items: list[Raw], what: str) -> list[P.Event]:
    """Decode each event; leave out (and log) the invalid ones."""
    out = []
    for raw in items:
        try:
            out.append(P.decode_frame(raw))
        except P.ProtocolError as exc:
            log.warning("%s: skipped an invalid event (%s)", what, exc.detail)
    return out


class HubClient:
    """Typed calls for every read and command of protocol version 1.

    Attributes:
        base_url: ``scheme://host:port/api/v1``.
        token: the session token (None before login).
        session: the last login answer (``token``, ``expires_at``, ``user``) or None.
        timeout: ``(connect, read)`` seconds used on every call.
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        self.base_url = normalize_base_url(base_url)
        transport.check_url(self.base_url)
        self.token = token
        self.session: P.Session | None = None
        self.timeout = timeout
        self._local = threading.local()
        self._categories: list[P.Category] | None = None
        self._categories_lock = threading.Lock()

    # ---- Plumbing

    @property
    def user(self) -> P.User | None:
        """The logged-in user (``id``, ``name``, ``role``, ``post_id``, ``unit_id``)."""
        return self.session.get("user") if self.session else None

    def feed_url(self, since: int) -> str:
        """The WebSocket URL of the feed from ``since`` (ws:// or wss://)."""
        scheme = "wss" if self.base_url.startswith("https") else "ws"
        return f"{scheme}{self.base_url[self.base_url.index(':'):]}/feed?since={int(since)}"

    def auth_header(self) -> dict[str, str]:
        """The ``Authorization`` header for the current token (empty before login)."""
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def _http(self) -> requests.Session:
        s = getattr(self._local, "session", None)
        if s is None:
            s = requests.Session()
            s.headers["Accept"] = "application/json"
            self._local.session = s
        return s

    def close(self) -> None:
        """Close this thread's HTTP connections."""
        s = getattr(self._local, "session", None)
        if s is not None:
            s.close()
            self._local.session = None

    @overload
    def request(
        self, method: str, path: str, *, body: JSON = None,
        params: Mapping[str, str | int] | None = None, headers: dict[str, str] | None = None,
        auth: bool = True, timeout: tuple[float, float] | None = None, answer: type[T],
    ) -> T: ...

    @overload
    def request(
        self, method: str, path: str, *, body: JSON = None,
        params: Mapping[str, str | int] | None = None, headers: dict[str, str] | None = None,
        auth: bool = True, timeout: tuple[float, float] | None = None,
        answer: UnionType | None = None,
    ) -> object: ...

    def request(
        self,
        method: str,
        path: str,
        *,
        body: JSON = None,
        params: Mapping[str, str | int] | None = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
        timeout: tuple[float, float] | None = None,
        answer: type[T] | UnionType | None = None,
    ) -> object:
        """Send one call and return the decoded JSON answer.

        Args:
            answer: the protocol type of a 2xx answer (``client.protocol``): the body is
                decoded and validated into it in one pass; None: plain JSON.
        Raises:
            HubError: the typed error for a non-2xx answer.
            BadAnswerError: a 2xx answer that is JSON but not a valid ``answer``.
            HubUnreachable: no answer, or an answer that is not protocol JSON.
        """
        url = self.base_url + path
        if params:
            url += "?" + urlencode(params)
        hdrs: dict[str, str] = {}
        with_token = auth and bool(self.token)
        if with_token:
            hdrs.update(self.auth_header())
        data = None
        if body is not None:
            data = orjson.dumps(body)
            hdrs["Content-Type"] = "application/json"
        if headers:
            hdrs.update(headers)
        try:
            resp = self._http().request(  # verify per call: REQUESTS_CA_BUNDLE would win
                method, url, data=data, headers=hdrs, timeout=timeout or self.timeout,
                verify=transport.verify(),
            )
        except requests.Timeout as exc:
            raise HubUnreachable(f"hub at {self.base_url} timed out ({method} {path})") from exc
        except requests.RequestException as exc:
            raise HubUnreachable(f"hub at {self.base_url} unreachable: {exc}") from exc
        content = resp.content
        if not 200 <= resp.status_code < 300:
            error = P.error_body(content) if content else None
            err = error_for(resp.status_code, error, with_token=with_token)
            log.debug("%s %s -> %s %s", method, path, resp.status_code, err.code)
            raise err
        if answer is not None:
            try:
                return P.decode(content, answer)
            except P.ProtocolError as exc:
                if answer is Raw and exc.reason == P.TOO_DEEP:
                    # the caller decodes it part by part (protocol.decode_events_page and
                    # decode_snapshot split what is nested too deeply for one pass)
                    return Raw(content)
                if exc.reason != "not JSON":
                    raise BadAnswerError(
                        f"{method} {path} answered something the protocol does not allow "
                        f"({exc.detail})", status=resp.status_code) from None
        else:
            try:
                return orjson.loads(content) if content else None
            except orjson.JSONDecodeError:
                pass
        raise HubUnreachable(
            f"{url} answered {resp.status_code} with something that is not JSON "
            "(is this a hub URL?)",
            status=resp.status_code,
        )

    # ---- Session

    def login(self, username: str, password: str, otp: str | None = None) -> P.Session:
        """``POST /session``: log in; keep and return the session (token, expires_at, user).

        ``otp``: the second factor (a 6-digit code or a recovery code), protocol 1.1; a hub
        that wants one answers 401 ``otp_required`` (:class:`~client.errors.OtpRequiredError`).
        The answer's ``must_change_password`` / ``otp_enrolment_required`` (this hub's
        extension) say the session may do nothing else first."""
        body = {"username": username, "password": password}
        if otp:
            body["otp"] = otp
        answer = self.request("POST", "/session", body=body, auth=False, answer=P.Session)
        self.session = answer
        self.token = answer["token"]
        return answer

    def logout(self) -> None:
        """``DELETE /session``: end the session (the token is forgotten either way)."""
        try:
            if self.token:
                self.request("DELETE", "/session")
        finally:
            self.token = None
            self.session = None

    def change_password(self, old: str, new: str) -> None:
        """``POST /session/password`` (422 ``invalid`` with the reason when refused)."""
        self.request("POST", "/session/password", body={"old": old, "new": new})
        if self.session is not None:
            self.session["must_change_password"] = False

    def start_otp(self) -> object:
        """``POST /session/otp`` → ``{"secret", "uri"}`` (show ``uri`` as a QR code), as
        decoded JSON (not validated: the dialog reads both keys defensively)."""
        return self.request("POST", "/session/otp")

    def confirm_otp(self, otp: str) -> list[str]:
        """``POST /session/otp/confirm``: turn the factor on; returns the recovery codes."""
        answer = self.request("POST", "/session/otp/confirm", body={"otp": otp})
        if self.session is not None:
            self.session["otp_enrolment_required"] = False
        return list(answer.get("recovery_codes", [])) if isinstance(answer, dict) else []

    def logout_quietly(self, timeout: tuple[float, float] = (1.0, 2.0)) -> bool:
        """End the session on quitting, within ``timeout``, whatever happens; return
        whether the hub confirmed it."""
        try:
            if self.token:
                self.request("DELETE", "/session", timeout=timeout)
                return True
        except (HubError, OSError):
            log.info("logout at quit: the hub did not confirm; the token ends at expiry")
        finally:
            self.token = None
            self.session = None
        return False

    # ---- Reads

    def categories(self, *, fresh: bool = False) -> list[P.Category]:
        """``GET /categories``, asked once per client: the feed's startup (for its shift
        cache) and the console's session (names, protocol 1.1's stage clocks) share one
        answer, and a caller arriving while it is asked waits for it rather than asking
        again. A failure is not kept (the next call asks). ``fresh``: ask the hub again.

        Do not change the returned list: every caller shares it.
        """
        with self._categories_lock:
            if fresh or self._categories is None:
                self._categories = self.request("GET", "/categories", answer=list[P.Category])
            return self._categories

    def snapshot_checked(self) -> tuple[P.Snapshot, list[P.ProtocolError]]:
        """``GET /snapshot`` → ``(snapshot, skipped)``: invalid list elements (a case, a
        unit, …) are left out and returned in ``skipped`` (see ``protocol.decode_snapshot``)."""
        raw = self.request("GET", "/snapshot", timeout=SNAPSHOT_TIMEOUT, answer=Raw)
        try:
            return P.decode_snapshot(raw)
        except P.ProtocolError as exc:
            raise BadAnswerError(f"GET /snapshot answered something that is not a snapshot "
                                 f"({exc.detail})", status=200) from None

    def snapshot(self) -> P.Snapshot:
        """``GET /snapshot``: seq, server_time, post, regions, units, cases, calls, whistles
        (invalid elements left out and logged)."""
        snap, skipped = self.snapshot_checked()
        for err in skipped:
            log.warning("snapshot: skipped an invalid element (%s)", err.detail)
        return snap

    def events_page(self, since: int, limit: int = 1000) -> P.EventsPage:
        """``GET /events?since=N&limit=M`` with its events still raw (for the sequencer).

        Raises:
            GoneError: ``since`` is older than the hub keeps (reload the snapshot).
        """
        raw = self.request("GET", "/events", params={"since": int(since), "limit": int(limit)},
                           answer=Raw)
        try:
            return P.decode_events_page(raw)
        except P.ProtocolError as exc:
            raise BadAnswerError(f"GET /events answered something the protocol does not allow "
                                 f"({exc.detail})", status=200) from None

    def events(self, since: int, limit: int = 1000) -> EventList:
        """``GET /events?since=N&limit=M`` → ``{"events": [...], "seq": latest}``, each event
        validated (invalid ones left out and logged).

        Raises:
            GoneError: ``since`` is older than the hub keeps (reload the snapshot).
        """
        page = self.events_page(since, limit)
        return {"events": _valid_events(page.events, "GET /events"), "seq": page.seq}

    def region_geometry(
        self, etag: str | None = None
    ) -> tuple[str | None, FeatureCollection | None] | None:
        """``GET /regions/geometry`` (1.1) → ``(etag, FeatureCollection)``.

        Returns None for 304 (``etag`` still current) and ``(None, None)`` for a 1.0 hub
        (404). Other failures raise as every call does.
        """
        headers = {"If-None-Match": etag} if etag else {}
        headers.update(self.auth_header())
        try:
            resp = self._http().get(self.base_url + "/regions/geometry", headers=headers,
                                    timeout=SNAPSHOT_TIMEOUT)
        except requests.RequestException as exc:
            raise HubUnreachable(f"hub at {self.base_url} unreachable: {exc}") from exc
        if resp.status_code == 304:
            return None
        if resp.status_code == 404:
            return None, None
        if resp.status_code == 200:
            try:
                fc: FeatureCollection = orjson.loads(resp.content)
            except orjson.JSONDecodeError:
                raise HubUnreachable("the region geometry is not JSON") from None
            return resp.headers.get("ETag"), fc
        other = self.request("GET", "/regions/geometry")  # raises the typed error
        # (a 2xx other than 200 is passed on as it was decoded, as it always was)
        return cast("tuple[str | None, FeatureCollection | None] | None", other)

    def case(self, case_id: str) -> P.Case:
        """``GET /cases/{id}``."""
        return self.request("GET", f"/cases/{_q(case_id)}", answer=P.Case)

    def case_history(self, case_id: str) -> list[P.Event]:
        """``GET /cases/{id}/history``: the case's events, oldest first (each validated)."""
        raw = self.request("GET", f"/cases/{_q(case_id)}/history", answer=Raw)
        try:
            items = P.decode(raw, list[Raw])
        except P.ProtocolError:
            try:  # tolerate a wrapped list
                items = P.decode(raw, _Wrapped)["events"]
            except P.ProtocolError as exc:
                raise BadAnswerError(f"GET /cases/{case_id}/history answered something that "
                                     f"is not an event list ({exc.detail})", status=200) from None
        return _valid_events(items, f"GET /cases/{case_id}/history")

    def audit(self, since: int = 0, limit: int = 1000) -> P.AuditPage:
        """``GET /audit?since=N&limit=M`` (supervisor) → ``{"entries": [...], "last": int}``."""
        return self.request("GET", "/audit", params={"since": int(since), "limit": int(limit)},
                            answer=P.AuditPage)

    # ---- Commands (console)

    @staticmethod
    def _body(note: str | None, expected_version: int | None, **fields: JSON
              ) -> dict[str, JSON]:
        body: dict[str, JSON] = dict(fields)
        if note is not None:
            body["note"] = note
        if expected_version is not None:
            body["expected_version"] = expected_version
        return body

    def assign(
        self, case_id: str, unit_id: str, *, expected_version: int | None = None, note: str = ""
    ) -> P.Case:
        """``POST /cases/{id}/assign`` (supervisor): dispatch or reassign → case.

        Raises:
            ConflictError: ``expected_version`` is stale (``.current_case`` holds the hub's).
        """
        return self.request(
            "POST",
            f"/cases/{_q(case_id)}/assign",
            body=self._body(note, expected_version, unit_id=unit_id),
            answer=P.Case,
        )

    def urge(self, case_id: str, note: str = "", *, expected_version: int | None = None
             ) -> object:
        """``POST /cases/{id}/urge`` (officer, supervisor): remind the holding unit (督办)."""
        return self.request(
            "POST", f"/cases/{_q(case_id)}/urge", body=self._body(note, expected_version)
        )

    def start_call(self, title: str, case_id: str | None, unit_ids: list[str]) -> P.Call:
        """``POST /calls`` (officer, supervisor): open a video call room → call."""
        return self.request(
            "POST", "/calls", body={"title": title, "case_id": case_id, "unit_ids": list(unit_ids)},
            answer=P.Call,
        )

    def end_call(self, call_id: str) -> P.Call:
        """``POST /calls/{id}/end`` (officer, supervisor) → call."""
        return self.request("POST", f"/calls/{_q(call_id)}/end", body={}, answer=P.Call)

    def whistle(
        self, case_id: str, unit_ids: list[str], minutes: int, note: str = ""
    ) -> P.Whistle:
        """``POST /cases/{id}/whistle`` (supervisor): summon units (吹哨报到) → whistle."""
        return self.request(
            "POST",
            f"/cases/{_q(case_id)}/whistle",
            body={"unit_ids": list(unit_ids), "minutes": minutes, "note": note},
            answer=P.Whistle,
        )

    def checkin(self, whistle_id: str) -> P.Whistle:
        """``POST /whistles/{id}/checkin`` (unit, for its own unit) → whistle."""
        return self.request("POST", f"/whistles/{_q(whistle_id)}/checkin", body={},
                            answer=P.Whistle)

    # ---- Field commands (intake channels and units)

    def report(self, fields: Mapping[str, JSON], *, idempotency_key: str | None = None) -> P.Case:
        """``POST /cases`` (intake, supervisor): create a case → case (status reported).

        Args:
            fields: title, description, category, subcategory, priority, source,
                region_id, address, lat, lon.
            idempotency_key: with it, a retry returns the first case and creates nothing.
        """
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        return self.request("POST", "/cases", body=dict(fields), headers=headers,
                            answer=P.Case)

    def _move(
        self, case_id: str, action: str, note: str | None, expected_version: int | None
    ) -> P.Case:
        return self.request(
            "POST", f"/cases/{_q(case_id)}/{action}", body=self._body(note, expected_version),
            answer=P.Case,
        )

    def accept(self, case_id: str, *, note: str = "", expected_version: int | None = None) -> P.Case:
        """``POST /cases/{id}/accept`` (unit holding the case) → case."""
        return self._move(case_id, "accept", note, expected_version)

    def resolve(self, case_id: str, *, note: str = "", expected_version: int | None = None) -> P.Case:
        """``POST /cases/{id}/resolve`` (unit holding the case) → case."""
        return self._move(case_id, "resolve", note, expected_version)

    def return_case(
        self, case_id: str, *, note: str = "", expected_version: int | None = None
    ) -> P.Case:
        """``POST /cases/{id}/return`` (unit holding the case) → case (status returned)."""
        return self._move(case_id, "return", note, expected_version)

    def close_case(
        self, case_id: str, *, note: str = "", expected_version: int | None = None
    ) -> P.Case:
        """``POST /cases/{id}/close`` (intake, supervisor; only from resolved) → case."""
        return self._move(case_id, "close", note, expected_version)

    def reopen(self, case_id: str, *, note: str = "", expected_version: int | None = None) -> P.Case:
        """``POST /cases/{id}/reopen`` (intake, supervisor; only from resolved) → case."""
        return self._move(case_id, "reopen", note, expected_version)

    # ---- Protocol 1.1: the closed loop and assessment

    def extend(self, case_id: str, until: str, reason: str, *,
               expected_version: int | None = None) -> P.Case:
        """``POST /cases/{id}/extend`` (unit holding it): ask for ``due_at`` = ``until``
        (an RFC 3339 time) → case with ``pending`` set.

        Raises:
            ConflictError: another request is pending, or ``expected_version`` is stale.
        """
        body: dict[str, JSON] = {"until": until, "reason": reason}
        if expected_version is not None:
            body["expected_version"] = expected_version
        return self.request("POST", f"/cases/{_q(case_id)}/extend", body=body, answer=P.Case)

    def decide(self, case_id: str, approve: bool, *, note: str = "",
               expected_version: int | None = None) -> P.Case:
        """``POST /cases/{id}/decide`` (supervisor): approve or refuse the pending return or
        extension → case.

        Raises:
            ConflictError: nothing is pending, or ``expected_version`` is stale.
        """
        return self.request("POST", f"/cases/{_q(case_id)}/decide",
                            body=self._body(note, expected_version, approve=bool(approve)),
                            answer=P.Case)

    def callback(self, case_id: str, *, solved: bool, satisfaction: str, note: str = "",
                 expected_version: int | None = None) -> P.Case:
        """``POST /cases/{id}/callback`` (intake, supervisor; only from ``resolved``): record
        the citizen's answer (回访) → case (closed, or back to the unit as a rework).

        Args:
            satisfaction: ``satisfied``, ``basically_satisfied``, ``dissatisfied`` or
                ``unreachable``.
        """
        return self.request(
            "POST", f"/cases/{_q(case_id)}/callback",
            body=self._body(note, expected_version, solved=bool(solved),
                            satisfaction=satisfaction),
            answer=P.Case)

    def merge(self, case_id: str, into: str, *, note: str = "",
              expected_version: int | None = None) -> P.Case:
        """``POST /cases/{id}/merge`` (officer, supervisor): close ``case_id`` as a duplicate
        of ``into`` (并单) → case."""
        return self.request("POST", f"/cases/{_q(case_id)}/merge",
                            body=self._body(note, expected_version, into=into), answer=P.Case)

    def reporter(self, case_id: str) -> P.Reporter | None:
        """``GET /cases/{id}/reporter`` (supervisor, intake; audited): the unmasked
        ``{"name", "phone"}`` of the citizen who reported, or None."""
        reporter = self.request("GET", f"/cases/{_q(case_id)}/reporter",
                                answer=P.Reporter | None)
        return cast("P.Reporter | None", reporter)  # validated as that union

    def assessment(self, start: str, end: str, by: str = "unit") -> P.Assessment:
        """``GET /assessment?from=&to=&by=unit|region`` (officer, supervisor, wall) →
        ``{"from", "to", "rows": [...]}`` (counts of events in ``[start, end)``).

        Raises:
            NotFoundError: a 1.0 hub (no assessment).
        """
        return self.request("GET", "/assessment", params={"from": start, "to": end, "by": by},
                            answer=P.Assessment)
