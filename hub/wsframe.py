"""A WebSocket text frame built once and written as it is to every subscriber.

The feed sends the same frame to every subscriber of a post. A server's frames are not
masked (RFC 6455 §5.1) and the feed does not compress them, so the frame on the wire —
header and UTF-8 payload — is the same bytes for every connection: ``hub.broker`` builds
it once per post and event, and a caught-up connection writes it to its transport as it
is (``hub.feed.FeedConnection.write_now``), instead of encoding the text and framing it
again for each subscriber.
"""

from __future__ import annotations

import struct

OP_TEXT = 1


def server_frame(payload: bytes, opcode: int = OP_TEXT) -> bytes:
    """One unmasked, single-fragment server frame (RFC 6455 §5.2) carrying ``payload``."""
    n = len(payload)
    first = 0x80 | opcode  # FIN + opcode
    if n < 126:
        header = struct.pack("!BB", first, n)
    elif n < 65536:
        header = struct.pack("!BBH", first, 126, n)
    else:
        header = struct.pack("!BBQ", first, 127, n)
    return header + payload


def text_frame(text: str) -> bytes:
    """The unmasked, uncompressed, single-fragment WebSocket frame carrying ``text``."""
    return server_frame(text.encode())
