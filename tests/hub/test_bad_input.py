"""Bad input: every malformed request gets the protocol's error body with the right code,
never a 500, and changes nothing (the post's events seq stays where it was)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.hub.conftest import (
    GRID_B1,
    UNIT_A_GA,
    Api,
    Crew,
    assert_error,
    report_body,
)

ONE_MB = 1024 * 1024


def _without(*keys: str, **fields: Any) -> dict[str, Any]:
    body = report_body(**fields)
    for key in keys:
        del body[key]
    return body


BAD_REPORTS = {
    "title-int": report_body(title=123),
    "title-empty": report_body(title=""),
    "title-201": report_body(title="标" * 201),
    "address-201": report_body(address="址" * 201),
    "description-5001": report_body(description="述" * 5001),
    "lat-string": report_body(lat="25.0"),
    "lat-range": report_body(lat=95.0),
    "lon-bool": report_body(lon=True),
    "priority-unknown": report_body(priority="whenever"),
    "source-unknown": report_body(source="carrier-pigeon"),
    "region-int": report_body(region_id=532301),
    "category-null": report_body(category=None),
    "missing-title": _without("title"),
    "missing-category": _without("category"),
    "missing-subcategory": _without("subcategory"),
    # without region_id the hub places the report by its point (1.1, hub.geo.locate)
    "missing-region-and-point": _without("region_id", "lat", "lon"),
    "missing-region-half-point": _without("region_id", "lon"),
    "missing-region-point-outside": _without("region_id", lat=25.04, lon=102.71),
    "missing-source": _without("source"),
    "unknown-category": report_body(category="火星事务"),
    "unknown-subcategory": report_body(subcategory="不存在的小类"),
    "subcategory-of-other-category": report_body(subcategory="SRSM-01"),
    "unknown-region": report_body(region_id="999999"),
    "other-county-region": report_body(region_id=GRID_B1),
    "array": [report_body()],
    "string": "a case",
    "null": None,
    "number": 42,
}


@pytest.fixture
def unchanged(crew: Crew) -> Iterator[None]:
    """Asserts that the test added no event to county A's feed."""
    seq = crew.officer.seq()
    yield
    assert crew.officer.seq() == seq


def _post_json(api: Api, path: str, body: Any) -> tuple[int, Any]:
    import orjson

    return api.post(path, data=orjson.dumps(body))


@pytest.mark.parametrize("name", sorted(BAD_REPORTS))
def test_bad_report(crew: Crew, unchanged: None, name: str) -> None:
    """POST /cases with a wrong type, a missing field, an over-long text, an unknown
    category / subcategory / region, or JSON that is not an object → 422 `invalid`."""
    assert_error(*_post_json(crew.intake, "/cases", BAD_REPORTS[name]), 422)


def test_limits_exactly_ok(crew: Crew) -> None:
    """Texts exactly at the limits (title 200, address 200, description 5000) and integer
    coordinates are accepted (201)."""
    status, case = crew.intake.post("/cases", report_body(
        title="标" * 200, address="址" * 200, description="述" * 5000, lat=25, lon=101))
    assert status == 201, case
    assert len(case["title"]) == 200 and len(case["description"]) == 5000


def test_unknown_fields_ignored(crew: Crew) -> None:
    """Unknown extra fields in a body are ignored: the report → 201, the assign → 200."""
    status, case = crew.intake.post("/cases", report_body(colour="red", extra={"a": [1]}))
    assert status == 201, case
    assert "colour" not in case
    assert crew.sup.post(f"/cases/{case['id']}/assign",
                         {"unit_id": UNIT_A_GA, "whatever": 1})[0] == 200


@pytest.mark.parametrize("raw", [b"{", b"{'title': 'x'}", b"not json", b'{"a": 1,}',
                                 b"\xff\xfe{}", b'{"title": "x"'])
def test_broken_json(crew: Crew, unchanged: None, raw: bytes) -> None:
    """Broken JSON → 400 `bad_request` on a report, a command and the login."""
    assert_error(*crew.intake.post("/cases", data=raw), 400)
    assert_error(*crew.sup.post("/cases/CX-19990101-000001/assign", data=raw), 400)
    assert_error(*Api(crew.sup.base_url).post("/session", data=raw), 400)


@pytest.mark.parametrize("body, why", [
    ({"unit_id": 5}, "unit_id int"),
    ({}, "unit_id missing"),
    ({"unit_id": UNIT_A_GA, "expected_version": "2"}, "version string"),
    ({"unit_id": UNIT_A_GA, "expected_version": 0}, "version zero"),
    ({"unit_id": UNIT_A_GA, "note": "注" * 1001}, "note 1001"),
    ({"unit_id": UNIT_A_GA, "note": 7}, "note int"),
    ({"unit_id": "U-NOPE"}, "unknown unit"),
    ([{"unit_id": UNIT_A_GA}], "array"),
])
def test_bad_assign(crew: Crew, body: Any, why: str) -> None:
    """POST /cases/{id}/assign with a bad body → 422 `invalid`; the case is unchanged."""
    case = crew.intake.report()
    seq = crew.officer.seq()
    assert_error(*_post_json(crew.sup, f"/cases/{case['id']}/assign", body), 422)
    assert crew.officer.case(case["id"]) == case
    assert crew.officer.seq() == seq


@pytest.mark.parametrize("command", ["urge", "accept", "resolve", "return"])
def test_bad_note(crew: Crew, command: str) -> None:
    """A note of 1001 characters, a wrong-typed note or a JSON array → 422, no change."""
    case = crew.case_in("accepted")
    seq = crew.officer.seq()
    api = crew.officer if command == "urge" else crew.unit
    for body in ({"note": "注" * 1001}, {"note": ["x"]}, ["note"]):
        assert_error(*_post_json(api, f"/cases/{case['id']}/{command}", body), 422)
    assert crew.officer.case(case["id"]) == case
    assert crew.officer.seq() == seq


def test_bad_calls_and_whistles(crew: Crew) -> None:
    """Calls and whistles with bad bodies → 422 (unknown case → 404); no event."""
    case = crew.case_in("dispatched")
    seq = crew.officer.seq()
    for body in ({}, {"title": ""}, {"title": 1}, {"title": "x", "unit_ids": "U1"},
                 {"title": "x", "unit_ids": ["U-NOPE"]}, {"title": "标" * 201}):
        assert_error(*_post_json(crew.officer, "/calls", body), 422)
    assert_error(*crew.officer.post("/calls", {"title": "x", "case_id": "CX-NOPE"}), 404)
    for body in ({"unit_ids": [], "minutes": 5}, {"unit_ids": [UNIT_A_GA]},
                 {"unit_ids": [UNIT_A_GA], "minutes": "5"},
                 {"unit_ids": [UNIT_A_GA], "minutes": 0},
                 {"unit_ids": [UNIT_A_GA], "minutes": 5, "note": "注" * 1001}):
        assert_error(*_post_json(crew.sup, f"/cases/{case['id']}/whistle", body), 422)
    assert crew.officer.seq() == seq


def test_bad_login_bodies(anon: Api) -> None:
    """POST /session with a wrong-typed or missing field → 422, an array → 422."""
    for body in ({"username": "x"}, {"password": "y"}, {"username": 1, "password": "y"},
                 [], {}):
        assert_error(*_post_json(anon, "/session", body), 422)


@pytest.mark.parametrize("chunked", [False, True])
def test_body_too_large(crew: Crew, unchanged: None, chunked: bool) -> None:
    """A body over 1 MB → 413 `too_large` (with a Content-Length and chunked)."""
    big = report_body(description="x" * (ONE_MB + 10))
    import orjson

    raw = orjson.dumps(big)
    if chunked:
        def gen() -> Iterator[bytes]:
            for i in range(0, len(raw), 65536):
                yield raw[i:i + 65536]
        resp = crew.intake.http.post(crew.intake.url("/cases"), data=gen(),
                                     headers=crew.intake.headers(
                                         {"Content-Type": "application/json"}), timeout=30)
        assert_error(*Api._result(resp), 413)
    else:
        assert_error(*crew.intake.post("/cases", data=raw), 413)


@pytest.mark.parametrize("params", [{"since": "abc"}, {"since": -1}, {"limit": 0},
                                    {"limit": "x"}, {"since": "1.5"}])
def test_bad_query(crew: Crew, params: dict[str, Any]) -> None:
    """GET /events with a non-integer or negative since/limit → 422 `invalid`."""
    assert_error(*crew.officer.get("/events", **params), 422)


@pytest.mark.parametrize("method, path", [
    ("GET", "/nope"), ("GET", "/cases/CX-1/nope"), ("POST", "/cases/CX-1/fly"),
    ("GET", "/whistles"), ("POST", "/nope")])
def test_unknown_path(crew: Crew, method: str, path: str) -> None:
    """An unknown path → 404 `not_found` with the error body."""
    resp = crew.officer.http.request(method, crew.officer.url(path),
                                     headers=crew.officer.headers(), timeout=10)
    assert_error(*Api._result(resp), 404)


def test_unknown_path_outside_api(hub_url: str) -> None:
    """A path outside /api/v1 → 404 with the error body too."""
    import requests

    resp = requests.get(f"{hub_url}/definitely-not-here", timeout=10)
    assert_error(*Api._result(resp), 404)


def test_wrong_method(crew: Crew) -> None:
    """A known path with a method it does not take → a 4xx error body (never 500)."""
    resp = crew.officer.http.put(crew.officer.url("/snapshot"),
                                 headers=crew.officer.headers(), timeout=10)
    assert 400 <= resp.status_code < 500
    assert resp.json()["error"]["code"] in ("bad_request", "not_found")


def test_never_500_fuzz(crew: Crew) -> None:
    """A spread of odd-but-valid-JSON bodies on every command never yields a 5xx, always
    the error body on refusal."""
    case = crew.case_in("dispatched")
    odd = [{}, [], None, 0, "", {"note": None}, {"expected_version": -1},
           {"expected_version": 2 ** 70}, {"unit_id": "x" * 10_000}, {"note": "\u0000"},
           {"unit_ids": [None]}, {"title": "\ud800"}]
    paths = ["/cases", f"/cases/{case['id']}/assign", f"/cases/{case['id']}/urge",
             f"/cases/{case['id']}/accept", f"/cases/{case['id']}/close", "/calls",
             f"/cases/{case['id']}/whistle", "/session"]
    import json

    for path in paths:
        for body in odd:
            api = crew.sup if "accept" not in path else crew.unit
            raw = json.dumps(body).encode()
            status, resp = api.post(path, data=raw)
            assert status < 500, (path, body, resp)
            if status >= 400:
                assert_error(status, resp, status)
