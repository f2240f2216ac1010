"""A local XYZ tile server for tests and benches: PNG tiles, a request log, optional delay."""

from __future__ import annotations

import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def png_tile(colour: tuple[int, int, int] = (200, 220, 200)) -> bytes:
    """A 256×256 PNG of one colour with a darker border (no Qt needed)."""
    import struct
    import zlib

    r, g, b = colour
    rows = []
    for y in range(256):
        row = bytearray([0])
        for x in range(256):
            edge = x < 2 or y < 2
            row += bytes((r // 2, g // 2, b // 2) if edge else (r, g, b))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", 256, 256, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


class TileServer:
    """Serves ``/tiles/{z}/{x}/{y}.png`` on 127.0.0.1 (port 0); ``delay_s`` per tile.

    With ``gate``, every tile is held until the gate is set (or ``gate_timeout_s`` passed).

    Attributes:
        requests: the (z, x, y) asked, in order.
        answered: how many tiles have been sent whole.
        url: the URL template for ``TileSettings``.
    """

    def __init__(self, delay_s: float = 0.0, gate: threading.Event | None = None,
                 gate_timeout_s: float = 10.0) -> None:
        self.delay_s = delay_s
        self.gate = gate
        self.gate_timeout_s = gate_timeout_s
        self.answered = 0
        self.requests: list[tuple[int, int, int]] = []
        self.tile = png_tile()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                m = re.fullmatch(r"/tiles/(\d+)/(\d+)/(\d+)\.png", self.path)
                if m is None:
                    self.send_error(404)
                    return
                server.requests.append(tuple(int(v) for v in m.groups()))  # type: ignore[arg-type]
                if server.gate is not None:
                    server.gate.wait(server.gate_timeout_s)
                if server.delay_s:
                    time.sleep(server.delay_s)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(server.tile)))
                self.end_headers()
                self.wfile.write(server.tile)
                self.wfile.flush()
                server.answered += 1

            def log_message(self, *_args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/tiles/{{z}}/{{x}}/{{y}}.png"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
