"""Sans-I/O WebSocket frame decoder for the feed's receive path (RFC 6455, client side).

websocket-client does the handshake and owns the socket; reading frames through its
``recv_data()`` costs three ``recv`` system calls and a dozen Python objects per frame,
and every system call releases the GIL — with the console's GUI thread busy, each
re-acquisition may wait a whole switch interval. :class:`FrameReader` instead decodes
frames from large chunks (one ``recv`` per up to 256 KB): bytes in, ``(opcode, payload)``
out. It reassembles fragmented messages, lets control frames interleave, unmasks masked
frames (servers should not mask, but tolerating it costs nothing) and refuses frames
larger than ``max_size``.

Threading: not thread-safe; owned by the Feed thread (or a test).
"""

from __future__ import annotations

OP_CONT, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA


class FrameError(Exception):
    """The byte stream is not valid WebSocket framing (or a frame is too large)."""


def _unmask(payload: bytes, key: bytes) -> bytes:
    n = len(payload)
    if not n:
        return payload
    mask = int.from_bytes((key * (n // 4 + 1))[:n], "big")
    return (int.from_bytes(payload, "big") ^ mask).to_bytes(n, "big")


class FrameReader:
    """Decode server frames from bytes fed in any chunking.

    Args:
        max_size: the largest message accepted (bytes); bigger → :class:`FrameError`.
    """

    def __init__(self, max_size: int = 16 * 1024 * 1024) -> None:
        self.max_size = max_size
        self._buf = bytearray()
        self._pos = 0
        self._frag_op: int | None = None
        self._frag: list[bytes] = []
        self._frag_len = 0

    def feed(self, data: bytes) -> None:
        """Add received bytes."""
        if self._pos:
            del self._buf[: self._pos]
            self._pos = 0
        self._buf += data

    def next(self) -> tuple[int, bytes] | None:
        """The next complete message or control frame, or None if more bytes are needed."""
        buf = self._buf
        while True:
            p = self._pos
            avail = len(buf) - p
            if avail < 2:
                return None
            b0 = buf[p]
            b1 = buf[p + 1]
            length = b1 & 0x7F
            h = 2
            if length == 126:
                if avail < 4:
                    return None
                length = (buf[p + 2] << 8) | buf[p + 3]
                h = 4
            elif length == 127:
                if avail < 10:
                    return None
                length = int.from_bytes(buf[p + 2 : p + 10], "big")
                h = 10
            if length > self.max_size:
                raise FrameError(f"frame of {length} bytes exceeds {self.max_size}")
            masked = b1 & 0x80
            if masked:
                h += 4
            if avail < h + length:
                return None
            start = p + h
            payload = bytes(buf[start : start + length])
            if masked:
                payload = _unmask(payload, bytes(buf[start - 4 : start]))
            self._pos = start + length
            op = b0 & 0x0F
            fin = b0 & 0x80
            if op >= 0x8:
                if not fin or length > 125:
                    raise FrameError("fragmented or oversized control frame")
                return op, payload
            if op == OP_CONT:
                if self._frag_op is None:
                    raise FrameError("continuation frame without a start")
                self._frag.append(payload)
                self._frag_len += length
                if self._frag_len > self.max_size:
                    raise FrameError(f"message exceeds {self.max_size} bytes")
                if fin:
                    out = (self._frag_op, b"".join(self._frag))
                    self._frag_op, self._frag, self._frag_len = None, [], 0
                    return out
                continue
            if self._frag_op is not None:
                raise FrameError("new message before the fragmented one ended")
            if not fin:
                self._frag_op, self._frag, self._frag_len = op, [payload], length
                continue
            return op, payload
