"""No 5xx on any input: integer ranges, non-ASCII digits, NUL characters (on SQLite and on
PostgreSQL, which cannot store NUL), 405 with ``Allow``, and the protocol's JSON error body
for aiohttp's own refusals too; the OpenAPI document declares every status and the bearer
scheme."""

from __future__ import annotations

import requests

from tests.hub.conftest import Api, Crew, assert_error, feed_refusal, report_body

HUGE = "9223372036854775808"  # 2**63: one past BIGINT


def test_integers_beyond_64_bits_are_invalid(crew: Crew) -> None:
    assert_error(*crew.sup.get("/events", since=HUGE), 422)
    assert_error(*crew.sup.get("/events", since=0, limit=HUGE), 422)
    assert_error(*crew.sup.get("/audit", since=HUGE), 422)
    status, body = crew.sup.get("/events", since=str(2**63 - 1))
    assert status == 200 and body["events"] == []


def test_non_ascii_digits_are_refused(crew: Crew) -> None:
    assert_error(*crew.sup.get("/events", since="²"), 422)
    assert_error(*crew.sup.get("/events", since="٣"), 422)
    assert feed_refusal(crew.sup.base_url, crew.sup.token, "²") == 400  # type: ignore[arg-type]
    assert feed_refusal(crew.sup.base_url, crew.sup.token, HUGE) == 400  # type: ignore[arg-type]


def test_nul_is_refused_everywhere(crew: Crew, anon: Api) -> None:
    """Runs on both backends: PostgreSQL answered 500 for each of these."""
    before = crew.sup.seq()
    assert_error(*crew.intake.post("/cases", report_body(title="井盖\x00丢失")), 422)
    assert_error(*crew.intake.post("/cases", report_body(address="\x00")), 422)
    assert_error(*anon.post("/session", {"username": "supervisor\x00", "password": "x"}), 422)
    assert_error(*crew.sup.get("/cases/CX-1%00"), 422)
    assert_error(*crew.sup.get("/cases/CX%001/history"), 422)
    case = crew.intake.report()
    assert_error(*crew.sup.post(f"/cases/{case['id']}/urge", {"note": "快\x00"}), 422)
    assert_error(*crew.sup.get("/events", since="0\x00"), 422)
    assert crew.sup.seq() == before + 1  # only the valid report


def test_405_names_the_allowed_methods(crew: Crew) -> None:
    base = crew.sup.base_url + "/api/v1"
    resp = requests.put(base + "/session", timeout=10)
    assert resp.status_code == 405 and resp.json()["error"]["code"] == "bad_request"
    assert set(resp.headers["Allow"].split(", ")) == {"POST", "DELETE"}
    resp = requests.delete(base + "/cases", headers=crew.sup.headers(), timeout=10)
    assert resp.status_code == 405 and resp.headers["Allow"] == "POST"
    resp = requests.post(base + "/feed", headers=crew.sup.headers(), timeout=10)
    assert resp.status_code == 405 and "GET" in resp.headers["Allow"]
    assert resp.json()["error"]["code"] == "bad_request"


def test_router_refusals_are_protocol_json(crew: Crew) -> None:
    """A path aiohttp's router cannot match (a newline in it) still gets the JSON body."""
    resp = requests.get(crew.sup.base_url + "/api/v1/cases/a%0Ab", headers=crew.sup.headers(),
                        timeout=10)
    assert resp.status_code == 404
    assert resp.headers["Content-Type"].startswith("application/json")
    assert resp.json()["error"]["code"] == "not_found"


def test_openapi_declares_errors_and_bearer(hub_url: str) -> None:
    doc = requests.get(hub_url + "/openapi.json", timeout=10).json()
    assert doc["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http", "scheme": "bearer", "description": "the token of POST /api/v1/session"}
    for path, item in doc["paths"].items():
        for method, op in item.items():
            declared = set(op["responses"])
            assert {"400", "401", "403", "404", "405", "409", "413", "422", "429"} <= declared
            public = (method, path) == ("post", "/api/v1/session")
            assert op["security"] == ([] if public else [{"bearerAuth": []}]), (method, path)
