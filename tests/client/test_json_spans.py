"""Splitting a JSON document one level down at any depth (client/json_spans.py)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from client.json_spans import SpanError, array_elements, object_members

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30)
LAYOUTS = st.sampled_from([
    {}, {"indent": 2}, {"separators": (",", ":")}, {"separators": (" , ", " : ")},
    {"ensure_ascii": False}])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), JSON, max_size=6), LAYOUTS)
def test_members_are_the_objects_values(obj: dict, layout: dict) -> None:
    members = object_members((" \n" + json.dumps(obj, **layout) + "\t").encode())
    assert {k: json.loads(v) for k, v in members.items()} == obj


@settings(max_examples=300, deadline=None)
@given(st.lists(JSON, max_size=6), LAYOUTS)
def test_elements_are_the_arrays_items(items: list, layout: dict) -> None:
    assert [json.loads(e) for e in array_elements(json.dumps(items, **layout).encode())] == items


def test_any_depth_is_split_in_linear_time() -> None:
    deep = b"[" * 200_000 + b'"]}[{\\""' + b"]" * 200_000
    page = b'{"events": [{"seq": 1}, {"seq": 2, "data": ' + deep + b'}, 3], "seq": 3}'
    members = object_members(page)
    assert members["seq"] == b"3"
    events = array_elements(members["events"])
    assert events[0] == b'{"seq": 1}' and events[2] == b"3"
    assert object_members(events[1])["data"] == deep


@pytest.mark.parametrize("bad", [
    b"", b"[]", b"{", b'{"a" 1}', b'{"a": 1,}', b'{"a": 1 "b": 2}', b'{"a": [1}', b'{"a": "x}',
    b'{"a": 1} {}', b'{a: 1}', b'{"a": }', b'{"a": [[[', b'{"\\u12": 1}', b'{"a": nul}',
])
def test_what_is_not_one_object_is_refused(bad: bytes) -> None:
    with pytest.raises(SpanError):
        object_members(bad)


@pytest.mark.parametrize("bad", [b"{}", b"[", b"[1,]", b"[1 2]", b"[1]]", b"[{]}", b"[1] x"])
def test_what_is_not_one_array_is_refused(bad: bytes) -> None:
    with pytest.raises(SpanError):
        array_elements(bad)
