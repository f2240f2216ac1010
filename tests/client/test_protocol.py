"""Typed protocol objects: what the decoders accept, keep, ignore and refuse (no sockets)."""

from __future__ import annotations

import msgspec
import msgspec.inspect
import orjson
import pytest

from client import protocol as P
from testkit.fakehub import FakeHub, ts

CASE_11 = {
    "sign_due": ts(600), "callback_due": None,
    "pending": {"kind": "extension", "by": "U1", "at": ts(700), "reason": "雨天",
                "until": ts(90000)},
    "satisfaction": "basically_satisfied", "solved": True, "merged_into": None,
    "counts": {"urges": 2, "returns": 0, "extensions": 1, "reworks": 0},
    "reporter": {"name": "张*", "phone": "138****5678"},
}


def a_case(**kw: object) -> dict:
    return dict(FakeHub(n_cases=1).cases.popitem()[1], **kw)


def frame(typ: str, data: dict, seq: int = 7) -> bytes:
    return orjson.dumps({"seq": seq, "ts": ts(seq), "type": typ, "data": data})


def test_a_1_0_case_passes_and_every_1_1_field_is_kept() -> None:
    old = a_case()
    assert P.decode(orjson.dumps(old), P.Case) == old  # no 1.1 field: still valid
    new = a_case(**CASE_11)
    got = P.decode(orjson.dumps(new), P.Case)
    assert got == new and type(got) is dict  # a plain dict, nothing dropped
    ev = P.decode_frame(frame("case.updated", {"case": new, "action": "request_extension",
                                               "actor": "unit", "note": ""}))
    assert ev["data"]["case"] == new


def test_unknown_fields_are_ignored_not_kept() -> None:
    """msgspec skips unknown fields of a TypedDict while decoding (checked here, since the
    console relies on it): the object passes, without the field."""
    got = P.decode(orjson.dumps(a_case(future_field=[1], version=3)), P.Case)
    assert "future_field" not in got and got["version"] == 3
    ev = P.decode_frame(frame("case.created", {"case": a_case(), "extra": 1}) [:-1]
                        + b',"more":{"x":1}}')
    assert set(ev) == {"seq", "ts", "type", "data"} and set(ev["data"]) == {"case"}


def test_every_declared_1_1_field_is_optional_for_msgspec() -> None:
    """(TypedDict's own ``__required_keys__`` is wrong under postponed annotations; what
    msgspec sees is what counts.)"""
    required = {f.name for f in msgspec.inspect.type_info(P.Case).fields if f.required}
    assert not required & set(CASE_11)
    assert required == set(a_case())


def test_the_reference_hubs_extension_fields_are_kept() -> None:
    unit = {"id": "U1", "name": "公安局", "kind": "department", "region_id": "C1", "on_duty": 3,
            "phone": None, "categories": ["治安"]}
    region = {"id": "G1", "name": "网格", "level": "grid", "parent_id": "C1", "lat": 25.0,
              "lon": 101.5}
    whistle = {"id": "w", "case_id": "c", "unit_ids": ["U1"], "checked_in": {"U1": ts(5)},
               "deadline": ts(60), "note": "", "actor": "sup", "created_at": ts(0), "open": True}
    assert P.decode(orjson.dumps(unit), P.Unit) == unit
    assert P.decode(orjson.dumps(region), P.Region) == region
    assert P.decode(orjson.dumps(whistle), P.Whistle) == whistle


def test_unknown_types_pass_with_their_data() -> None:
    ev = P.decode_frame(frame("future.thing", {"anything": [1, {"x": None}]}))
    assert ev["type"] == "future.thing" and ev["data"] == {"anything": [1, {"x": None}]}


def test_heartbeat() -> None:
    hb = P.decode_frame(orjson.dumps({"type": "heartbeat", "ts": ts(1), "data": {
        "server_time": ts(1), "seq": 42, "interval_s": 10}}))
    assert hb == {"type": "heartbeat", "ts": ts(1),
                  "data": {"server_time": ts(1), "seq": 42, "interval_s": 10.0}}


URGE = {"case_id": "c1", "unit_id": "U1", "actor": "sup", "note": ""}


@pytest.mark.parametrize(("raw", "reason"), [
    (b"not json", "not JSON"),
    (b"[1, 2]", "invalid $"),
    (frame("case.urged", URGE, seq=10**12 * 10**4), "invalid $.seq"),
    (frame("case.urged", URGE, seq=0), "invalid $.seq"),
    (orjson.dumps({"seq": "7", "ts": ts(1), "type": "case.urged", "data": URGE}), "invalid $.seq"),
    (orjson.dumps({"seq": 7.0, "ts": ts(1), "type": "case.urged", "data": URGE}), "invalid $.seq"),
    (orjson.dumps({"seq": True, "ts": ts(1), "type": "case.urged", "data": URGE}),
     "invalid $.seq"),
    (orjson.dumps({"seq": 7, "ts": "yesterday", "type": "case.urged", "data": URGE}),
     "invalid $.ts"),
    (orjson.dumps({"seq": 7, "ts": ts(1), "type": "future.thing", "data": []}), "invalid $.data"),
    (frame("case.urged", dict(URGE, case_id=5)), "invalid $.data.case_id"),
    (frame("case.urged", dict(URGE, case_id="")), "invalid $.data.case_id"),
    (frame("case.urged", {"case": {}}), "invalid $.data"),
    (frame("unit.updated", {"case": {}}), "invalid $.data"),
    (frame("case.created", {"case": None}), "invalid $.data.case"),
])
def test_absurd_frames_are_refused_with_a_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(P.ProtocolError) as ei:
        P.decode_frame(raw)
    assert ei.value.reason == reason


@pytest.mark.parametrize(("field", "value"), [
    ("id", 12345), ("version", "3"), ("version", 0), ("status", "banana"),
    ("priority", "very"), ("region_id", None), ("reported_at", "2026-13-45"),
    ("due_at", "soon"), ("lat", 1000.0), ("lon", "east"), ("unit_id", 7),
    ("counts", {"urges": -1, "returns": 0, "extensions": 0, "reworks": 0}),
    ("pending", {"kind": "holiday", "by": "U1", "at": ts(0), "reason": ""}),
    ("satisfaction", "thrilled"), ("reporter", {"name": "张*"}),
])
def test_absurd_case_fields_make_the_event_junk(field: str, value: object) -> None:
    data = {"case": a_case(**{field: value}), "action": "edit", "actor": "x", "note": ""}
    with pytest.raises(P.ProtocolError) as ei:
        P.decode_frame(frame("case.updated", data))
    assert ei.value.reason == f"invalid $.data.case.{field}" or ei.value.reason.startswith(
        f"invalid $.data.case.{field}.")


def test_a_snapshot_keeps_its_valid_elements_and_reports_the_rest() -> None:
    hub = FakeHub(n_cases=3)
    snap = hub.snapshot()
    bad = dict(snap, cases=[*snap["cases"], {"id": 5}], units=[{"id": None}])
    got, skipped = P.decode_snapshot(orjson.dumps(bad))
    assert got["cases"] == snap["cases"] and got["units"] == []
    assert sorted(e.reason for e in skipped) == ["snapshot cases: invalid $.id",
                                                 "snapshot units: invalid $.id"]
    assert P.decode_snapshot(orjson.dumps(snap)) == (snap, [])
    with pytest.raises(P.ProtocolError):
        P.decode_snapshot(orjson.dumps(dict(snap, seq=-1)))


def test_events_page_leaves_each_event_to_decode_alone() -> None:
    page = P.decode_events_page(b'{"events": [{"seq": 1}, 17, "x"], "seq": 3, "more": 1}')
    assert page.seq == 3 and [bytes(e) for e in page.events] == [b'{"seq": 1}', b"17", b'"x"']
    with pytest.raises(P.ProtocolError):
        P.decode_events_page(b'{"events": [], "seq": "3"}')


def test_error_bodies() -> None:
    case = a_case()
    body = P.error_body(orjson.dumps({"error": {"code": "conflict", "message": "m"},
                                      "case": case}))
    assert body == {"error": {"code": "conflict", "message": "m"}, "case": case}
    # an invalid case leaves the error itself usable
    body = P.error_body(orjson.dumps({"error": {"code": "conflict", "message": "m"},
                                      "case": {"id": 1}}))
    assert body == {"error": {"code": "conflict", "message": "m"}}
    assert P.error_body(b"<html>") is None


def test_rest_types_decode_the_1_1_answers() -> None:
    cats = [{"name": "市容", "subcategories": [{"code": "S1", "name": "垃圾", "sla_hours": 4,
                                                "limits": {"sign_hours": 1, "resolve_hours": 4,
                                                           "callback_hours": 24,
                                                           "working_time": True}}]}]
    assert P.decode(orjson.dumps(cats), list[P.Category]) == cats
    row = dict.fromkeys(P.AssessmentRow.__annotations__, 0)
    del row["region_id"]
    row["unit_id"] = "U1"
    ans = {"from": ts(0), "to": ts(3600), "rows": [row]}
    assert P.decode(orjson.dumps(ans), P.Assessment) == ans
    audit = {"entries": [{"id": 1, "at": ts(0), "actor": "sup", "role": "supervisor",
                          "action": "assign", "target": "c1", "outcome": "ok", "addr": None,
                          "detail": {"x": 1}, "prev": "0" * 64, "hash": "ab"}], "last": 1}
    assert P.decode(orjson.dumps(audit), P.AuditPage) == audit
    with pytest.raises(P.ProtocolError):
        P.decode(orjson.dumps(dict(ans, rows=[dict(row, urges=-2)])), P.Assessment)


def test_the_login_answer_keeps_the_hubs_session_flags() -> None:
    ans = {"token": "t", "expires_at": ts(43200), "must_change_password": True,
           "otp_enrolment_required": False,
           "user": {"id": "u", "name": "张", "role": "auditor", "post_id": None, "unit_id": None}}
    assert P.decode(orjson.dumps(ans), P.Session) == ans


DEEP = b"[" * 5000 + b"]" * 5000  # past msgspec's limit (about 1,000 levels)


def test_a_frame_nested_too_deeply_is_junk_not_a_crash() -> None:
    """msgspec raises RecursionError past ~1,000 levels: it is a ProtocolError like any
    other junk (it killed the feed thread), and the envelope is still read for the
    sequencer."""
    raw = b'{"seq": 9, "ts": "%s", "type": "case.urged", "data": {"x": %s}}' % (
        ts(9).encode(), DEEP)
    with pytest.raises(P.ProtocolError) as caught:
        P.decode_frame(raw)
    assert caught.value.reason == P.TOO_DEEP
    assert P.envelope(raw) == (9, ts(9))
    assert P.envelope(b'{"seq": "9", "ts": 1}') is None
    with pytest.raises(P.ProtocolError, match="nested too deeply"):
        P.decode(b'{"a": %s}' % DEEP, dict)


def test_a_page_with_one_deep_event_gives_the_others() -> None:
    good = frame("case.urged", URGE, seq=1)
    bad = b'{"seq": 2, "ts": "%s", "type": "x", "data": %s}' % (ts(2).encode(), DEEP)
    page = P.decode_events_page(b'{"seq": 3, "events": [%s, %s, %s]}' % (
        good, bad, frame("case.urged", URGE, seq=3)))
    assert page.seq == 3 and [bytes(e) for e in page.events][::2] == [
        good, frame("case.urged", URGE, seq=3)]
    assert P.decode_frame(page.events[0])["seq"] == 1
    with pytest.raises(P.ProtocolError):
        P.decode_events_page(b'{"events": [%s], "seq": "3"}' % DEEP)
    with pytest.raises(P.ProtocolError):
        P.decode_events_page(b'{"events": [%s]}' % DEEP)


def test_a_snapshot_with_one_deep_case_keeps_the_others() -> None:
    snap = FakeHub(n_cases=3).snapshot()
    raw = orjson.dumps(snap)
    at = raw.index(b'"cases":[') + len(b'"cases":[')
    got, skipped = P.decode_snapshot(raw[:at] + b'{"id": "c-deep", "x": %s},' % DEEP
                                     + raw[at:])
    assert got == snap
    assert [e.reason for e in skipped] == ["snapshot cases: nested too deeply"]
