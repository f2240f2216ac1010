"""The times pass: protocol times checked by msgspec's RFC 3339 parser, in C.

The protocol's times are strings, and the client keeps them as strings (the cache, the
panes and the review read them so). Checking each one with a regex while decoding cost a
Python call per time field: 2.6 of the 5.8 µs that decoding a case frame took. A regex
also let impossible times through (month 13, 30 February, 24:00, full-width digits),
which every later ``parse_time`` then refused.

So a protocol type marks its time fields with :data:`TIME`
(``Time = Annotated[str, TIME]``), and decoding runs two passes over the same bytes:

1. the **shape pass**: the type itself, times taken as plain strings;
2. the **times pass**: a type derived from it by :func:`times_type` that declares only the
   time fields, each as a zoned ``datetime``. msgspec skips everything else, parses each
   time with its own RFC 3339 parser (calendar and clock checked) and throws the result
   away.

A time that fails is an error at its path (``$.data.case.due_at``), exactly as a
failed check in the shape pass is. Together the two passes cost 4.5 µs per case frame
where the regex decoder cost 5.8 µs (``bench/ingest.py`` prints both passes beside
``orjson.loads``).
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from typing import Annotated, Any, Literal, NotRequired, Required, Union, get_args, get_origin

import msgspec
from msgspec import Meta, Struct


class TimeMark:
    """The :data:`TIME` marker's type (``Annotated`` metadata that msgspec ignores)."""

    def __repr__(self) -> str:
        return "TIME"


#: Marks a ``str`` as an RFC 3339 time with a zone: ``Annotated[str, TIME]``.
TIME = TimeMark()

#: What the times pass decodes a time into (and drops): a datetime that must carry a zone.
_Stamp = Annotated[dt.datetime, Meta(tz=True)]

@functools.cache
def times_type(typ: Any) -> Any | None:
    """The part of ``typ`` that holds times (each a zoned ``datetime``), or None if none.

    Supported shapes: TypedDicts, Structs (tagged ones keep their tag), ``list[X]``,
    ``dict[K, X]``, ``X | None``, ``Annotated[...]`` and ``(Not)Required[...]``; leaves
    (``str``, ``int``, literals, ``Raw``, ``Any``) hold no time. Derived once per type.

    Raises:
        TypeError: a union of two types holds a time (the times pass could not tell which
            arm a value is, so the protocol does not use one).
    """
    return _derive(typ)


def _derive(typ: Any) -> Any | None:
    origin = get_origin(typ)
    if origin is Annotated:
        inner, *extras = get_args(typ)
        if any(e is TIME for e in extras):
            return _Stamp
        return times_type(inner)
    if origin in (Required, NotRequired):
        return times_type(get_args(typ)[0])
    if origin in (Union, types.UnionType):
        arms = [a for a in get_args(typ) if a is not type(None)]
        derived = [times_type(a) for a in arms]
        timed = [d for d in derived if d is not None]
        if not timed:
            return None
        if len(arms) > 1 and not all(_is_tagged_struct(a) for a in arms):
            raise TypeError(f"a union of several types holds a time: {typ!r}")
        if len(arms) > 1:  # a tagged union: every arm is there, timed or not
            return Union[tuple(times_type(a) or _tagged_shell(a) for a in arms)]  # noqa: UP007
        return timed[0] | None
    if origin is list:
        item = times_type(get_args(typ)[0])
        return None if item is None else list[item]  # type: ignore[valid-type]
    if origin is dict:
        value = times_type(get_args(typ)[1])
        return None if value is None else dict[str, value]  # type: ignore[valid-type]
    if origin is Literal:
        return None
    if typing.is_typeddict(typ):
        return _fields_struct(typ, typing.get_type_hints(typ, include_extras=True), None)
    if isinstance(typ, type) and issubclass(typ, Struct):
        hints = typing.get_type_hints(typ, include_extras=True)
        fields = {name: hints[name] for name in typ.__struct_fields__}
        return _fields_struct(typ, fields, typ.__struct_config__)
    return None


def _is_tagged_struct(typ: Any) -> bool:
    return (isinstance(typ, type) and issubclass(typ, Struct)
            and typ.__struct_config__.tag is not None)


def _fields_struct(owner: type, fields: dict[str, Any],
                   config: msgspec.structs.StructConfig | None) -> Any | None:
    """A Struct with the time-holding ``fields`` of ``owner``, every one optional (the
    shape pass already checked which are required and which may be null)."""
    timed = [(name, derived | None, None) for name, hint in fields.items()
             if (derived := times_type(hint)) is not None]
    if config is None or config.tag is None:
        return msgspec.defstruct(f"{owner.__name__}Times", timed, gc=False) if timed else None
    return msgspec.defstruct(f"{owner.__name__}Times", timed, gc=False,
                             tag_field=config.tag_field, tag=config.tag)


def _tagged_shell(typ: type[Struct]) -> Any:
    """An arm of a tagged union that holds no time: its tag alone."""
    config = typ.__struct_config__
    return msgspec.defstruct(f"{typ.__name__}Times", [], gc=False,
                             tag_field=config.tag_field, tag=config.tag)


class CheckedDecoder:
    """Decode JSON into ``typ`` (the shape pass), then check its times (the times pass).

    Raises (from :meth:`decode`): ``msgspec.DecodeError`` / ``ValidationError`` as a
    plain msgspec decoder does, a bad time included (at its path).
    """

    def __init__(self, typ: Any) -> None:
        self.type = typ
        #: the shape pass (times as plain strings)
        self.shape: msgspec.json.Decoder[Any] = msgspec.json.Decoder(typ)
        times = times_type(typ)
        #: the times pass (None when the type holds no time)
        self.times: msgspec.json.Decoder[Any] | None = (
            None if times is None else msgspec.json.Decoder(times))

    def decode(self, raw: bytes | str | memoryview | msgspec.Raw) -> Any:
        """``raw`` decoded into the type, its times checked."""
        out = self.shape.decode(raw)
        if self.times is not None:
            self.times.decode(raw)
        return out


def check_times(obj: object, typ: Any) -> None:
    """Check the times of ``obj`` (already converted into ``typ``, e.g. by
    ``msgspec.convert``), as the times pass does for JSON.

    Raises:
        msgspec.ValidationError: a time that is not an RFC 3339 time with a zone.
    """
    times = times_type(typ)
    if times is not None:
        msgspec.convert(obj, times)
