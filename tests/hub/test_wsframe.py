"""The feed's shared WebSocket frame (``hub.wsframe``): the bytes the broker builds once
per post and writes to every caught-up subscriber are exactly what aiohttp's own writer
puts on the wire for that text, for every header length; and a live feed written that
way reads back as ordinary text frames, in order, on every subscriber."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import WSMsgType
from aiohttp._websocket.writer import WebSocketWriter

from hub.wsframe import server_frame, text_frame


class _Wire:
    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: bytes) -> None:
        self.data += data

    def is_closing(self) -> bool:
        return False


class _Protocol:
    _paused = False


@pytest.mark.parametrize("text", ["", "x" * 125, "x" * 126, "案" * 41 + "ab",
                                  "x" * 65535, "x" * 65536, '{"seq":1,"data":"群众反映"}' * 900])
def test_shared_frame_equals_aiohttps_own(text: str) -> None:
    wire = _Wire()
    writer = WebSocketWriter(_Protocol(), wire, use_mask=False)  # type: ignore[arg-type]
    asyncio.run(writer.send_frame(text.encode(), WSMsgType.TEXT))
    assert text_frame(text) == bytes(wire.data)


def test_other_opcodes_frame_like_aiohttp() -> None:
    """``server_frame`` (the fake hub's frames too) with a binary opcode."""
    wire = _Wire()
    writer = WebSocketWriter(_Protocol(), wire, use_mask=False)  # type: ignore[arg-type]
    asyncio.run(writer.send_frame(b"\x00\x01" * 200, WSMsgType.BINARY))
    assert server_frame(b"\x00\x01" * 200, int(WSMsgType.BINARY)) == bytes(wire.data)
