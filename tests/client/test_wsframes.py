"""The sans-I/O frame decoder: any chunking, fragments, control frames, masks, limits."""

from __future__ import annotations

import os

import pytest

from client.wsframes import OP_CLOSE, OP_PING, OP_TEXT, FrameError, FrameReader
from testkit.fakehub import ws_frame


def frames_of(data: bytes, step: int) -> list:
    r = FrameReader()
    out = []
    for i in range(0, len(data), step):
        r.feed(data[i:i + step])
        while (f := r.next()) is not None:
            out.append(f)
    return out


@pytest.mark.parametrize("step", [1, 2, 3, 7, 125, 4096, 10**7])
def test_any_chunking_gives_the_same_frames(step: int) -> None:
    payloads = [b"", b"a" * 125, b"b" * 126, b"c" * 65535, b"d" * 65536, os.urandom(300)]
    data = b"".join(ws_frame(p) for p in payloads)
    assert frames_of(data, step) == [(OP_TEXT, p) for p in payloads]


def test_fragments_with_an_interleaved_ping() -> None:
    data = (bytes([0x01, 3]) + b"abc" + bytes([0x89, 2]) + b"hi" + bytes([0x00, 2]) + b"de"
            + bytes([0x80, 1]) + b"f" + ws_frame(b"", opcode=OP_CLOSE))
    assert frames_of(data, 1) == [(OP_PING, b"hi"), (OP_TEXT, b"abcdef"), (OP_CLOSE, b"")]


def test_masked_frame_is_unmasked() -> None:
    key, payload = b"\x01\x02\x03\x04", b"hello world"
    masked = bytes(b ^ key[i % 4] for i, b in enumerate(payload))
    assert frames_of(bytes([0x81, 0x80 | len(payload)]) + key + masked, 4) == [(OP_TEXT, payload)]


def test_limits_and_bad_framing() -> None:
    r = FrameReader(max_size=10)
    r.feed(ws_frame(b"x" * 11))
    with pytest.raises(FrameError):
        r.next()
    r = FrameReader()
    r.feed(bytes([0x80, 1]) + b"x")  # continuation without a start
    with pytest.raises(FrameError):
        r.next()
