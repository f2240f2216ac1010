"""The times pass: every protocol time is checked by msgspec's RFC 3339 parser, calendar
and clock included, at its path; whatever it accepts, ``parse_time`` reads the same."""

from __future__ import annotations

import datetime as dt

import msgspec
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from client import protocol as P
from client.times_pass import times_type
from client.timeutil import parse_time
from testkit.fakehub import FakeHub, ts


def a_case(**kw: object) -> dict:
    return dict(FakeHub(n_cases=1).cases.popitem()[1], **kw)


def updated(case: dict, ts_text: str | None = None) -> bytes:
    return orjson.dumps({"seq": 7, "ts": ts(7) if ts_text is None else ts_text, "type": "case.updated",
                         "data": {"case": case, "action": "edit", "actor": "x", "note": ""}})


# What a regex of the shape let through, and no parser can read.
IMPOSSIBLE = ["2026-13-22T00:03:00Z", "2026-02-30T00:00:00Z", "2026-11-22T24:00:00Z",
              "2026-11-22T23:59:60Z", "2026-11-22T00:03:00+24:00", "0000-01-01T00:00:00Z",
              "２０２６-11-22T00:03:00Z"]
NOT_TIMES = ["yesterday", "", "2026-11-22", "2026-11-22T00:03:00", "2026-11-22T00:03Z",
             "1764000000"]


@pytest.mark.parametrize("text", IMPOSSIBLE + NOT_TIMES)
def test_an_impossible_or_zoneless_time_makes_the_frame_junk_at_its_path(text: str) -> None:
    with pytest.raises(P.ProtocolError) as ei:
        P.decode_frame(updated(a_case(due_at=text)))
    assert ei.value.reason == "invalid $.data.case.due_at"
    with pytest.raises(P.ProtocolError) as ei:
        P.decode_frame(updated(a_case(), ts_text=text))
    assert ei.value.reason == "invalid $.ts"


@pytest.mark.parametrize("path", [("pending", "at"), ("pending", "until")])
def test_times_nested_in_1_1_objects_are_checked(path: tuple[str, str]) -> None:
    pending = {"kind": "extension", "by": "U1", "at": ts(1), "reason": "雨", "until": ts(2)}
    pending[path[1]] = "2026-02-30T00:00:00Z"
    with pytest.raises(P.ProtocolError) as ei:
        P.decode_frame(updated(a_case(pending=pending)))
    assert ei.value.reason == f"invalid $.data.case.pending.{path[1]}"


def test_times_in_rest_answers_and_snapshot_elements_are_checked() -> None:
    with pytest.raises(P.ProtocolError, match="closed_at"):
        P.decode(orjson.dumps(a_case(closed_at="2026-11-31T00:00:00Z")), P.Case)
    hub = FakeHub(n_cases=3)
    snap = hub.snapshot()
    w = {"id": "W1", "case_id": "C1", "unit_ids": ["U1"], "checked_in": {"U1": "noon"},
         "deadline": ts(5), "note": "", "actor": "sup", "created_at": ts(1)}
    bad = dict(snap, whistles=[w])
    got, skipped = P.decode_snapshot(orjson.dumps(bad))
    assert got["whistles"] == [] and len(got["cases"]) == 3
    assert [e.reason for e in skipped] == ["snapshot whistles: invalid $.checked_in[...]"]
    with pytest.raises(P.ProtocolError, match="server_time"):
        P.decode_snapshot(orjson.dumps(dict(snap, server_time="2026-11-22T25:00:00Z")))


def test_valid_times_pass_unchanged_as_strings() -> None:
    case = a_case(due_at="2026-11-22t00:03:00.123456789z", closed_at="2026-11-22 08:03:00+08:00")
    got = P.decode_frame(updated(case))["data"]["case"]
    assert got == case and type(got["due_at"]) is str


def test_the_derived_type_declares_only_times() -> None:
    fields = set(times_type(P.Case).__struct_fields__)
    assert fields == {"reported_at", "due_at", "updated_at", "closed_at", "sign_due",
                      "callback_due", "pending"}
    assert times_type(P.Counts) is None and times_type(P.Unit) is None


_stamp = msgspec.json.Decoder(times_type(P.Case))


@given(st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 30),
                    timezones=st.timezones()),
       st.sampled_from(["T", "t", " "]), st.sampled_from([0, 3, 6, 9]),
       st.booleans())
def test_what_the_times_pass_accepts_parse_time_reads_as_the_same_instant(
        when: dt.datetime, sep: str, digits: int, lower_z: bool) -> None:
    offset = when.utcoffset()
    assert offset is not None
    if offset.seconds % 60 or not when.tzinfo:  # RFC 3339 offsets are whole minutes
        return
    base = when.replace(tzinfo=None).isoformat(sep=sep, timespec="seconds")
    frac = f".{when.microsecond:06d}{'0' * max(0, digits - 6)}"[: digits + 1] if digits else ""
    if offset:
        minutes = int(offset.total_seconds()) // 60
        zone = f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    else:
        zone = "z" if lower_z else "Z"
    text = base + frac + zone
    try:
        got = _stamp.decode(orjson.dumps({"reported_at": text}))
    except msgspec.ValidationError:
        return  # refused at the boundary: nothing later reads it
    assert got.reported_at is not None
    assert parse_time(text) == pytest.approx(got.reported_at.timestamp(), abs=1e-6)
