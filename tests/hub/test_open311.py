"""Open311 GeoReport v2 at ``/open311/v2/``: the field rules, intake by API key, location,
filters, privacy — against the session hub (SQLite, and PostgreSQL when configured), with our
own requests and with ``georeport``, a GeoReport v2 client library from PyPI.
"""

from __future__ import annotations

import re
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import requests
from georeport import GeoReport

from hub.catalog import CATEGORIES
from hub.open311.keys import ApiKeys
from hub.server import EmbeddedHub
from tests.hub.conftest import (
    COUNTY_A,
    GRID_A1,
    GRID_B1,
    JURISDICTION,
    PREF,
    UNIT_A_GA,
    Crew,
)

REPO = Path(__file__).resolve().parents[2]
REGIONS = {r.id: r for r in JURISDICTION.regions}
SERVICE_FIELDS = {"service_code": str, "service_name": str, "description": str,
                  "metadata": bool, "type": str, "keywords": str, "group": str}
REQUEST_FIELDS = ("service_request_id", "status", "status_notes", "service_name",
                  "service_code", "description", "agency_responsible", "service_notice",
                  "requested_datetime", "updated_datetime", "expected_datetime", "address",
                  "address_id", "zipcode", "lat", "long", "media_url")
ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
CODE = "HJWS-01"  # 环境卫生 / 垃圾清运不及时


@pytest.fixture(scope="module")
def base(hub_url: str) -> str:
    return hub_url + "/open311/v2"


@pytest.fixture(scope="module")
def api_key(shared_hub: EmbeddedHub) -> str:
    """A key of an intake channel of county A's post."""
    _info, key = ApiKeys(shared_hub.hub.db).add(f"P{COUNTY_A}", "微信小程序")
    return key


def post(base: str, fmt: str = "json", **form: Any) -> requests.Response:
    return requests.post(f"{base}/requests.{fmt}", data=form, timeout=30)


def created_id(resp: requests.Response) -> str:
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert isinstance(body, list) and len(body) == 1
    assert set(body[0]) == {"service_request_id", "service_notice", "account_id"}
    assert isinstance(body[0]["service_request_id"], str)
    return body[0]["service_request_id"]


def assert_errors(resp: requests.Response, status: int) -> str:
    """GeoReport v2 errors: ``[{"code": int, "description": str}]``; returns the description."""
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert isinstance(body, list) and len(body) == 1 and set(body[0]) == {"code",
                                                                          "description"}
    assert body[0]["code"] == status and isinstance(body[0]["description"], str)
    return body[0]["description"]


def xml_root(resp: requests.Response) -> ET.Element:
    assert resp.headers["content-type"].startswith("text/xml"), resp.headers
    assert resp.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    return ET.fromstring(resp.content)


def centre(region_id: str) -> dict[str, float]:
    return {"lat": REGIONS[region_id].lat, "long": REGIONS[region_id].lon}


# ---------------------------------------------------------------- services
def test_services_json_are_the_76_subcategories(base: str) -> None:
    """Every subcategory is a service, its category the group; field types as in v2."""
    resp = requests.get(f"{base}/services.json", timeout=30)
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/json")
    services = resp.json()
    expected = [(cat.name, sub.code, sub.name) for cat in CATEGORIES for sub in cat.subcategories]
    assert len(services) == len(expected) == 76
    assert [(s["group"], s["service_code"], s["service_name"]) for s in services] == expected
    for service in services:
        assert set(service) == set(SERVICE_FIELDS)
        for name, kind in SERVICE_FIELDS.items():
            assert isinstance(service[name], kind), (name, service)
        assert service["type"] in ("realtime", "batch", "blackbox")
        assert service["metadata"] is False


def test_services_xml_root_and_elements(base: str) -> None:
    root = xml_root(requests.get(f"{base}/services.xml", timeout=30))
    assert root.tag == "services"
    assert [child.tag for child in root] == ["service"] * 76
    first = root[0]
    assert [c.tag for c in first] == list(SERVICE_FIELDS)
    assert first.findtext("service_code") == "HJWS-01"
    assert first.findtext("metadata") == "false" and first.findtext("type") == "realtime"
    assert first.findtext("group") == "环境卫生"


def test_service_definition(base: str) -> None:
    body = requests.get(f"{base}/services/{CODE}.json", timeout=30).json()
    assert body == {"service_code": CODE, "attributes": []}
    root = xml_root(requests.get(f"{base}/services/{CODE}.xml", timeout=30))
    assert root.tag == "service_definition" and root.findtext("service_code") == CODE
    assert_errors(requests.get(f"{base}/services/NOPE-99.json", timeout=30), 404)


def test_jurisdiction_id_is_the_root_region(base: str) -> None:
    assert requests.get(f"{base}/services.json", params={"jurisdiction_id": PREF},
                        timeout=30).status_code == 200
    assert_errors(requests.get(f"{base}/services.json", params={"jurisdiction_id": "999"},
                               timeout=30), 404)


def test_unknown_format_and_path(base: str) -> None:
    assert_errors(requests.get(f"{base}/services.yaml", timeout=30), 404)
    assert requests.get(f"{base}/nothing.json", timeout=30).status_code == 404


# ---------------------------------------------------------------- POST requests
def test_post_by_point_lands_in_the_grid_holding_it(base: str, api_key: str,
                                                    crew: Crew) -> None:
    """A point at a grid of county A becomes a case in that grid, seen by county A's post."""
    rid = created_id(post(base, api_key=api_key, service_code=CODE, description="路口垃圾满溢",
                          address_string="鹿城镇东兴社区", **centre(GRID_A1)))
    case = crew.sup.case(rid)
    assert case["region_id"] == GRID_A1
    assert (case["category"], case["subcategory"]) == ("环境卫生", "垃圾清运不及时")
    assert case["source"] == "app" and case["status"] == "reported"
    assert case["description"] == "路口垃圾满溢" and case["address"] == "鹿城镇东兴社区"
    assert case["lat"] == pytest.approx(REGIONS[GRID_A1].lat)


def test_post_address_only_is_placed_at_the_posts_level(base: str, api_key: str,
                                                        crew: Crew) -> None:
    rid = created_id(post(base, api_key=api_key, service_code=CODE,
                          address_string="楚雄市鹿城南路 12 号"))
    case = crew.sup.case(rid)
    assert case["region_id"] == COUNTY_A and case["lat"] is None


def test_post_xml_answer(base: str, api_key: str) -> None:
    resp = post(base, "xml", api_key=api_key, service_code=CODE, address_string="鹿城镇")
    assert resp.status_code == 200
    root = xml_root(resp)
    assert root.tag == "service_requests" and [c.tag for c in root] == ["request"]
    assert root[0].findtext("service_request_id", "").startswith("CX-")
    assert {c.tag for c in root[0]} == {"service_request_id", "service_notice", "account_id"}


def test_points_outside_the_jurisdiction_are_refused(base: str, api_key: str, crew: Crew
                                                     ) -> None:
    """Far away, or inside another county's grids: 400, and no case is made."""
    before = crew.sup.seq()
    for point in ({"lat": 0.0, "long": 0.0}, {"lat": 40.7, "long": -73.9}, centre(GRID_B1)):
        text = assert_errors(post(base, api_key=api_key, service_code=CODE, **point), 400)
        assert "outside the jurisdiction" in text
    assert crew.sup.seq() == before


@pytest.mark.parametrize(("form", "status"), [
    ({"api_key": ""}, 403),
    ({"api_key": "cp311_not-a-real-key"}, 403),
    ({"service_code": ""}, 400),
    ({"service_code": "NOPE-99"}, 400),
    ({"lat": "25.0"}, 400),                                   # long missing
    ({"lat": "north", "long": "101.5"}, 400),
    ({"lat": "95", "long": "101.5"}, 400),
    ({"lat": "nan", "long": "101.5"}, 400),
    ({"address_string": ""}, 400),                            # no location at all
    ({"address_string": "", "address_id": "A-1"}, 400),
    ({"address_string": "路" * 201}, 400),
    ({"description": "长" * 4001}, 400),
    ({"jurisdiction_id": "123"}, 404),
])
def test_post_refusals(base: str, api_key: str, crew: Crew, form: dict[str, str],
                       status: int) -> None:
    """Each refusal is a GeoReport error list (JSON and XML) and changes nothing."""
    before = crew.sup.seq()
    full = {"api_key": api_key, "service_code": CODE, "address_string": "鹿城镇", **form}
    assert_errors(post(base, **full), status)
    root = xml_root(post(base, "xml", **full))
    assert root.tag == "errors" and [c.tag for c in root] == ["error"]
    assert root[0].findtext("code") == str(status) and root[0].findtext("description")
    assert crew.sup.seq() == before


def test_post_must_be_form_encoded(base: str, api_key: str) -> None:
    resp = requests.post(f"{base}/requests.json", timeout=30,
                         json={"api_key": api_key, "service_code": CODE})
    assert "form-encoded" in assert_errors(resp, 400)
    resp = requests.post(f"{base}/requests.json", data=b"api_key=\xff\xfe", timeout=30,
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert_errors(resp, 400)


def test_refused_posts_are_audited(base: str, api_key: str, crew: Crew) -> None:
    post(base, api_key=api_key, service_code="NOPE-99", address_string="x")
    entries: list[dict[str, Any]] = []
    since = 0
    while True:  # the hub answers at most 1,000 entries a page; the shared hub has more
        page = crew.sup.get("/audit", since=since, limit=1000)[1]
        entries += page["entries"]
        if not page["entries"]:
            break
        since = page["last"]
    assert any(e["actor"] == "open311:微信小程序" and e["outcome"] == "invalid"
               and "NOPE-99" in e["detail"] for e in entries)


def test_reporter_is_kept_masked_and_never_in_open311_answers(base: str, api_key: str,
                                                               crew: Crew) -> None:
    """Name and phone become the 1.1 ``reporter``: masked in the case, unmasked only via the
    audited reporter read; no Open311 answer carries them, nor the email."""
    resp = post(base, api_key=api_key, service_code=CODE, address_string="鹿城镇",
                first_name="晓东", last_name="普", phone="13812345678", email="p@example.cn")
    rid = created_id(resp)
    answers = [resp.text,
               requests.get(f"{base}/requests/{rid}.json", timeout=30).text,
               requests.get(f"{base}/requests/{rid}.xml", timeout=30).text,
               requests.get(f"{base}/requests.json", params={"service_request_id": rid},
                            timeout=30).text]
    case = crew.sup.case(rid)
    assert case["reporter"] == {"name": "普**", "phone": "138****5678"}
    for text in [*answers, str(case), str(crew.sup.get(f"/cases/{rid}/history")[1])]:
        assert "13812345678" not in text and "晓东" not in text and "example.cn" not in text
    for text in answers:
        assert "reporter" not in text and "普" not in text
    status, reporter = crew.sup.get(f"/cases/{rid}/reporter")
    assert status == 200 and reporter["name"] == "普晓东" and reporter["phone"] == "13812345678"


def test_latin_reporter_name_and_bad_phone(base: str, api_key: str, crew: Crew) -> None:
    rid = created_id(post(base, api_key=api_key, service_code=CODE, address_string="x",
                          first_name="Ann", last_name="Lee"))
    assert crew.sup.get(f"/cases/{rid}/reporter")[1]["name"] == "Ann Lee"
    assert crew.sup.case(rid)["reporter"]["phone"] == ""
    before = crew.sup.seq()
    assert "phone" in assert_errors(post(base, api_key=api_key, service_code=CODE,
                                         address_string="x", phone="call me"), 400)
    assert crew.sup.seq() == before


# ---------------------------------------------------------------- GET requests
def test_request_fields_json_and_xml(base: str, api_key: str) -> None:
    rid = created_id(post(base, api_key=api_key, service_code=CODE, **centre(GRID_A1)))
    body = requests.get(f"{base}/requests/{rid}.json", timeout=30).json()
    assert isinstance(body, list) and len(body) == 1
    request = body[0]
    assert tuple(request) == REQUEST_FIELDS
    assert request["service_request_id"] == rid and request["service_code"] == CODE
    assert request["status"] == "open" and request["status_notes"] == "reported"
    assert request["service_name"] == "垃圾清运不及时"
    for name in ("requested_datetime", "updated_datetime", "expected_datetime"):
        assert ISO_Z.match(request[name]), request[name]
    assert isinstance(request["lat"], float) and isinstance(request["long"], float)
    assert request["agency_responsible"] is None
    root = xml_root(requests.get(f"{base}/requests/{rid}.xml", timeout=30))
    assert root.tag == "service_requests" and [c.tag for c in root] == ["request"]
    assert [c.tag for c in root[0]] == list(REQUEST_FIELDS)
    assert root[0].findtext("status") == "open" and root[0].findtext("address_id") == ""
    assert_errors(requests.get(f"{base}/requests/CX-00000000-000000.json", timeout=30), 404)


def test_closed_case_reads_closed_with_its_agency(base: str, api_key: str, crew: Crew) -> None:
    rid = created_id(post(base, api_key=api_key, service_code=CODE, **centre(GRID_A1)))
    crew.sup.ok(f"/cases/{rid}/assign", {"unit_id": UNIT_A_GA})
    crew.unit.ok(f"/cases/{rid}/accept", {})
    crew.unit.ok(f"/cases/{rid}/resolve", {"note": "已清运"})
    crew.intake.ok(f"/cases/{rid}/close", {"note": "回访满意"})
    request = requests.get(f"{base}/requests/{rid}.json", timeout=30).json()[0]
    assert request["status"] == "closed" and request["status_notes"] == "closed"
    assert request["agency_responsible"] == "楚雄市公安局"
    closed = requests.get(f"{base}/requests.json", params={"status": "closed"}, timeout=30).json()
    assert rid in {r["service_request_id"] for r in closed}
    assert all(r["status"] == "closed" for r in closed)
    opened = requests.get(f"{base}/requests.json", params={"status": "open"}, timeout=30).json()
    assert rid not in {r["service_request_id"] for r in opened}
    assert all(r["status"] == "open" for r in opened)


def test_get_requests_filters(base: str, api_key: str) -> None:
    first = created_id(post(base, api_key=api_key, service_code=CODE, address_string="一"))
    other = created_id(post(base, api_key=api_key, service_code="SRSM-01",
                            address_string="二"))
    listed = requests.get(f"{base}/requests.json",
                          params={"service_request_id": f"{first},{other}"}, timeout=30).json()
    assert {r["service_request_id"] for r in listed} == {first, other}
    by_code = requests.get(f"{base}/requests.json", params={"service_code": "SRSM-01"},
                           timeout=30).json()
    assert other in {r["service_request_id"] for r in by_code}
    assert {r["service_code"] for r in by_code} == {"SRSM-01"}
    now = datetime.now(UTC)
    window = {"start_date": (now - timedelta(hours=1)).isoformat(),
              "end_date": (now + timedelta(hours=1)).isoformat()}
    recent = requests.get(f"{base}/requests.json", params=window, timeout=30).json()
    assert {first, other} <= {r["service_request_id"] for r in recent}
    stamps = [r["requested_datetime"] for r in recent]
    assert stamps == sorted(stamps, reverse=True)
    future = {"start_date": (now + timedelta(days=1)).isoformat()}
    assert requests.get(f"{base}/requests.json", params=future, timeout=30).json() == []


@pytest.mark.parametrize("params", [
    {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-05-01T00:00:00Z"},  # > 90 days
    {"start_date": "2026-05-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"},  # reversed
    {"start_date": "2026-01-01T00:00:00"},                                       # no zone
    {"end_date": "yesterday"},
    {"status": "pending"},
    {"service_code": "NOPE-99"},
    {"jurisdiction_id": "1"},
])
def test_get_requests_refusals(base: str, params: dict[str, str]) -> None:
    resp = requests.get(f"{base}/requests.json", params=params, timeout=30)
    assert_errors(resp, 404 if "jurisdiction_id" in params else 400)


# ---------------------------------------------------------------- a real client library
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_georeport_client_reads_everything(base: str, api_key: str, fmt: str) -> None:
    """``georeport`` (PyPI) lists services, a definition, requests and one request.

    It only reads (it cannot post), so the request is posted with ``requests`` first.
    """
    rid = created_id(post(base, api_key=api_key, service_code=CODE, description="客户端测试",
                          **centre(GRID_A1)))
    client = GeoReport(base, jurisdiction=PREF, output_format=fmt)
    services = client.get_service_list()
    assert len(services) == 76 and services[0]["service_code"] == CODE
    assert client.get_service_definition(CODE)["service_code"] == CODE
    found = client.get_service_requests(service_request_id=rid)
    found = found if isinstance(found, list) else [found]  # xmltodict: one item → a dict
    assert [r["service_request_id"] for r in found] == [rid]
    one = client.get_service_request(rid)
    assert one["service_request_id"] == rid and one["description"] == "客户端测试"
    assert one["status"] == "open"


# ---------------------------------------------------------------- API keys from the CLI
def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), "hub", "apikey", *args],
                          capture_output=True, text=True, timeout=120, cwd=REPO)


def test_apikey_cli_add_list_revoke(hub_factory: Any) -> None:
    """``hub apikey add`` prints the key last; it works until ``revoke``; ``list`` hides it."""
    hub = hub_factory.start()
    db_url = hub.hub.config.db_url
    base_url = hub.url + "/open311/v2"
    name = f"热线 {uuid.uuid4().hex[:4]}"
    added = _cli("add", "--db", db_url, "--post", f"P{COUNTY_A}", "--name", name)
    assert added.returncode == 0, added.stderr
    key = added.stdout.strip().splitlines()[-1]
    assert key.startswith("cp311_") and len(key) > 30
    key_id = re.search(r"API key (K\w+)", added.stdout).group(1)  # type: ignore[union-attr]
    created_id(post(base_url, api_key=key, service_code=CODE, address_string="鹿城镇"))

    listed = _cli("list", "--db", db_url)
    assert listed.returncode == 0 and key_id in listed.stdout and name in listed.stdout
    assert key not in listed.stdout and "active" in listed.stdout

    revoked = _cli("revoke", "--db", db_url, key_id)
    assert revoked.returncode == 0, revoked.stderr
    assert_errors(post(base_url, api_key=key, service_code=CODE, address_string="鹿城镇"), 403)
    assert "revoked" in _cli("list", "--db", db_url).stdout

    bad = _cli("add", "--db", db_url, "--post", "P000000", "--name", "x")
    assert bad.returncode == 2 and "no post" in bad.stderr
    assert _cli("revoke", "--db", db_url, "K-none").returncode == 2
    assert key not in "".join(str(r) for r in ApiKeys(hub.hub.db).list())


# ---------------------------------------------------------------- service discovery
def test_discovery_names_the_endpoint(hub_url: str) -> None:
    body = requests.get(f"{hub_url}/open311/discovery.json", timeout=30).json()
    (endpoint,) = body["endpoints"]
    assert endpoint["url"] == hub_url + "/open311/v2"
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["type"] == "production" and ISO_Z.match(endpoint["changeset"])
    assert endpoint["formats"] == ["text/xml", "application/json"]
    root = xml_root(requests.get(f"{hub_url}/open311/discovery.xml", timeout=30))
    assert root.tag == "discovery"
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == [
        "text/xml", "application/json"]
    assert root.findtext("endpoints/endpoint/url") == hub_url + "/open311/v2"


@pytest.mark.parametrize("field", ["description", "address_string", "service_code", "first_name"])
def test_control_characters_are_refused(base: str, api_key: str, crew: Crew, field: str) -> None:
    """A NUL byte (which PostgreSQL cannot store) is a clear 400, never a failed insert."""
    before = crew.sup.seq()
    form = {"api_key": api_key, "service_code": CODE, "address_string": "鹿城镇"}
    form[field] = form.get(field, "") + "\x00x"
    assert f"{field} contains control characters" in assert_errors(post(base, **form), 400)
    assert crew.sup.seq() == before
    for name in ("service_request_id", "start_date", "status"):
        resp = requests.get(f"{base}/requests.json", params={name: "a\x00"}, timeout=30)
        assert "control characters" in assert_errors(resp, 400)
    assert_errors(requests.get(f"{base}/requests/%00.json", timeout=30), 400)
