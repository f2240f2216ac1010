"""The top-level parts of a JSON document as raw byte spans, whatever the nesting below.

msgspec (like every C JSON parser here) gives up on a document nested about 1,000 levels
deep (``RecursionError``). A hostile hub can put one such value inside a ``GET /events``
page or a snapshot, and the whole answer would be refused every time it is asked for. The
client then splits the answer one level down with :func:`object_members` and
:func:`array_elements` and decodes each part on its own: only the deep part is junk.

The scan is iterative (a stack of expected closers, no recursion) and linear: it jumps from
one structural character to the next with a regular expression and over strings with
another. It checks that brackets match and that members and elements are separated as JSON
says; the spans it returns are decoded and validated by the caller (:mod:`client.protocol`),
so a span that is not valid JSON is refused there.

Qt-free; pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TypeVar

import msgspec

_STRUCTURAL = re.compile(rb'["\[\]{}]')
_STRING_REST = re.compile(rb'(?:[^"\\]|\\.)*"', re.S)  # after the opening quote
_SCALAR = re.compile(rb"-?[0-9][0-9.eE+\-]*|true|false|null")
_SPACE = re.compile(rb"[ \t\r\n]*")
_CLOSER = {ord("["): ord("]"), ord("{"): ord("}")}
T = TypeVar("T")


class SpanError(ValueError):
    """The document is not a JSON object or array of the expected shape."""


def _space(buf: bytes, i: int) -> int:
    m = _SPACE.match(buf, i)
    assert m is not None  # ``*``: always matches
    return m.end()


def _string_end(buf: bytes, i: int) -> int:
    """The index just past the string whose opening quote is at ``i``."""
    m = _STRING_REST.match(buf, i + 1)
    if m is None:
        raise SpanError(f"unterminated string at {i}")
    return m.end()


def value_end(buf: bytes, i: int) -> int:
    """The index just past the JSON value that starts at ``i`` (no space before it)."""
    first = buf[i] if i < len(buf) else -1
    if first == ord('"'):
        return _string_end(buf, i)
    if first not in _CLOSER:
        m = _SCALAR.match(buf, i)
        if m is None:
            raise SpanError(f"no JSON value at {i}")
        return m.end()
    expected = bytearray([_CLOSER[first]])
    i += 1
    while expected:
        m = _STRUCTURAL.search(buf, i)
        if m is None:
            raise SpanError("unterminated array or object")
        j = m.start()
        c = buf[j]
        if c == ord('"'):
            i = _string_end(buf, j)
            continue
        if c in _CLOSER:
            expected.append(_CLOSER[c])
        elif c != expected.pop():
            raise SpanError(f"mismatched {chr(c)!r} at {j}")
        i = j + 1
    return i


def object_members(raw: bytes) -> dict[str, bytes]:
    """``{"key": value, …}`` → each key with its value's raw bytes (the last of a repeated
    key wins, as msgspec decodes it).

    Raises:
        SpanError: ``raw`` is not one JSON object.
    """
    return dict(_sequence(bytes(raw), b"{", b"}", _member))


def array_elements(raw: bytes) -> list[bytes]:
    """``[value, …]`` → each element's raw bytes.

    Raises:
        SpanError: ``raw`` is not one JSON array.
    """
    return list(_sequence(bytes(raw), b"[", b"]", _element))


def _member(buf: bytes, i: int) -> tuple[int, tuple[str, bytes]]:
    """The member ``"key": value`` at ``i``: where it ends, and (key, the value's bytes)."""
    if buf[i:i + 1] != b'"':
        raise SpanError(f"no member name at {i}")
    end = _string_end(buf, i)
    try:
        key = msgspec.json.decode(buf[i:end], type=str)
    except msgspec.DecodeError as exc:
        raise SpanError(f"bad member name at {i}: {exc}") from None
    i = _space(buf, end)
    if buf[i:i + 1] != b":":
        raise SpanError(f"no ':' at {i}")
    i = _space(buf, i + 1)
    end = value_end(buf, i)
    return end, (key, buf[i:end])


def _element(buf: bytes, i: int) -> tuple[int, bytes]:
    end = value_end(buf, i)
    return end, buf[i:end]


def _sequence(buf: bytes, opener: bytes, closer: bytes,
              item: Callable[[bytes, int], tuple[int, T]]) -> Iterator[T]:
    """The items of the one object or array that ``buf`` holds, each read by ``item``."""
    i = _space(buf, 0)
    if buf[i:i + 1] != opener:
        raise SpanError(f"not a JSON {'object' if opener == b'{' else 'array'}")
    i = _space(buf, i + 1)
    if buf[i:i + 1] != closer:
        while True:
            end, value = item(buf, i)
            yield value
            i = _space(buf, end)
            if buf[i:i + 1] == closer:
                break
            if buf[i:i + 1] != b",":
                raise SpanError(f"no ',' or {closer.decode()!r} at {i}")
            i = _space(buf, i + 1)
    if _space(buf, i + 1) != len(buf):
        raise SpanError("something after the document")


__all__ = ["SpanError", "array_elements", "object_members", "value_end"]
