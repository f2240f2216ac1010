"""Feed fan-out of the reference hub, beside a bare broadcast by the same server library.

For N subscribers (default 100 and 500) and R events/s (default 50), this starts:
  * the hub (``main.py hub serve``, its own process), N feed subscribers of one post in a
    second process, and commands (``POST /cases``) arriving through the API at R/s;
  * a bare aiohttp app (the library the hub's feed runs on) that broadcasts a frame
    of the same size to N WebSocket subscribers at R/s, received the same way.
Latency is receive time minus the frame's ``ts`` (the hub stamps it before the commit, so
the hub's figure includes the database commit). Prints p50/p99 and delivered frames/s for
both and the ratio hub/bare. Run: ``python bench/hub_fanout.py [--subs 100,500] [--rate 50]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_http(url: str, timeout: float = 60) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


# ---------------------------------------------------------------- bare broadcast server
def serve_bare(port: int) -> None:
    """A minimal aiohttp broadcast (the hub's feed library): POST /publish sends its body,
    stamped with the time, to every WebSocket subscriber, one send per subscriber."""
    from aiohttp import web

    subscribers: set[web.WebSocketResponse] = set()

    async def feed(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(compress=False)
        await ws.prepare(request)
        subscribers.add(ws)
        try:
            async for _msg in ws:
                pass
        finally:
            subscribers.discard(ws)
        return ws

    async def publish(request: web.Request) -> web.Response:
        if request.method == "GET":
            return web.Response(text="ok")
        body = (await request.read()).decode()
        frame = body.replace("TS_PLACEHOLDER", f"{time.time():.6f}")
        for ws in list(subscribers):
            try:
                await ws.send_str(frame)
            except ConnectionError:
                subscribers.discard(ws)
        return web.Response(text="{}", content_type="application/json")

    app = web.Application()
    app.router.add_get("/feed", feed)
    app.router.add_route("*", "/publish", publish)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


# ---------------------------------------------------------------- subscribers process
def _frame_time(frame: str, bare: bool) -> float:
    if bare:
        i = frame.index('"t":') + 4
        return float(frame[i:frame.index(",", i)])
    i = frame.find('"ts":"')
    if i < 0:
        return -1.0
    from datetime import datetime

    return datetime.fromisoformat(frame[i + 6:i + 29].replace("Z", "+00:00")).timestamp()


class _RawFeedClient(asyncio.Protocol):
    """The cheapest WebSocket reader Python can be: server frames are unmasked, so it parses
    the 2–10 byte header and slices the payload; nothing else. Keeps the subscriber
    process from being the bottleneck of the measurement."""

    def __init__(self, sink: list[float], gate: list[float], bare: bool,
                 ready: asyncio.Future[None]) -> None:
        self.buf = bytearray()
        self.sink, self.gate, self.bare, self.ready = sink, gate, bare, ready
        self.handshaken = False

    def data_received(self, data: bytes) -> None:
        self.buf += data
        if not self.handshaken:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            if b" 101 " not in self.buf[:20]:
                self.ready.set_exception(RuntimeError(bytes(self.buf[:200]).decode()))
                return
            del self.buf[:end + 4]
            self.handshaken = True
            self.ready.set_result(None)
        buf = self.buf
        now = time.time()
        pos = 0
        while len(buf) - pos >= 2:
            length = buf[pos + 1] & 0x7F
            head = 2
            if length == 126:
                if len(buf) - pos < 4:
                    break
                length = int.from_bytes(buf[pos + 2:pos + 4], "big")
                head = 4
            elif length == 127:
                if len(buf) - pos < 10:
                    break
                length = int.from_bytes(buf[pos + 2:pos + 10], "big")
                head = 10
            if len(buf) - pos < head + length:
                break
            if buf[pos] & 0x0F == 1 and now >= self.gate[0]:
                frame = buf[pos + head:pos + head + min(length, 120)].decode(errors="replace")
                if '"heartbeat"' not in frame:
                    t = _frame_time(frame, self.bare)
                    if t > 0:
                        self.sink.append(now - t)
            pos += head + length
        del buf[:pos]


async def _subscribe_all(url: str, headers: dict[str, str], n: int, seconds: float,
                         warmup: float, bare: bool, ready_file: str) -> dict[str, float]:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    request = (f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
               f"Sec-WebSocket-Version: 13\r\n{extra}\r\n").encode()
    loop = asyncio.get_running_loop()
    latencies: list[float] = []
    gate = [float("inf")]
    transports = []
    host, port = parts.hostname, parts.port
    assert host is not None and port is not None  # (the hub's URL names both)

    async def one() -> None:
        ready: asyncio.Future[None] = loop.create_future()
        transport, _ = await loop.create_connection(
            lambda: _RawFeedClient(latencies, gate, bare, ready), host, port)
        transport.write(request)
        await asyncio.wait_for(ready, 60)
        transports.append(transport)

    for batch in range(0, n, 50):
        await asyncio.gather(*(one() for _ in range(min(50, n - batch))))
    Path(ready_file).write_text("ready")
    gate[0] = time.time() + warmup
    await asyncio.sleep(warmup + seconds)
    measured = sorted(latencies)
    for transport in transports:
        transport.abort()
    if not measured:
        return {"frames_per_s": 0, "p50_ms": float("nan"), "p99_ms": float("nan"), "n": 0}
    return {"frames_per_s": len(measured) / seconds,
            "p50_ms": 1000 * statistics.median(measured),
            "p99_ms": 1000 * measured[int(0.99 * (len(measured) - 1))],
            "n": len(measured)}


def run_subscribers(args: argparse.Namespace) -> None:
    headers = json.loads(args.headers)
    result = asyncio.run(_subscribe_all(args.url, headers, args.n, args.seconds, args.warmup,
                                        args.bare, args.ready_file))
    print(json.dumps(result))


# ---------------------------------------------------------------- driver
def _start_subscribers(url: str, headers: dict[str, str], n: int, seconds: float,
                       warmup: float, bare: bool) -> tuple[subprocess.Popen[str], str]:
    ready = tempfile.mktemp(prefix="fanout-ready-")
    cmd = [sys.executable, __file__, "--subscribers-process", "--url", url,
           "--headers", json.dumps(headers), "--n", str(n), "--seconds", str(seconds),
           "--warmup", str(warmup), "--ready-file", ready]
    if bare:
        cmd.append("--bare")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not os.path.exists(ready):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("subscribers did not connect")
        time.sleep(0.05)
    os.unlink(ready)
    return proc, ready


def _drive(rate: float, duration: float, send: Callable[[int], object]) -> int:
    """Call ``send(i)`` at ``rate`` per second for ``duration`` seconds from 4 threads."""
    interval = 1.0 / rate
    start = time.monotonic()
    sent = [0]
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                i = sent[0]
                sent[0] += 1
            at = start + i * interval
            if at - start > duration:
                return
            delay = at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            send(i)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sent[0]


def bench_hub(n: int, rate: float, seconds: float, warmup: float) -> dict[str, float]:
    import requests

    from hub.seed import DEMO_PASSWORD

    port = free_port()
    folder = tempfile.mkdtemp(prefix="fanout-hub-")
    hub = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "hub", "serve", "--db",
                            f"sqlite:///{folder}/hub.db", "--port", str(port), "--sizes",
                            "2,1,1,1", "--log-level", "warning",
                            "--feed-queue", "100000", "--feeds-per-user", "100000"],
                           cwd=ROOT)
    try:
        base = f"http://127.0.0.1:{port}/api/v1"
        wait_http(base + "/categories")
        s = requests.Session()
        token = s.post(base + "/session", json={"username": "supervisor-532300",
                                                "password": DEMO_PASSWORD}).json()["token"]
        h = {"Authorization": f"Bearer {token}"}
        snap = s.get(base + "/snapshot", headers=h).json()
        grid = next(r["id"] for r in snap["regions"] if r["level"] == "grid")
        cat = s.get(base + "/categories", headers=h).json()[0]
        body = {"title": "路面垃圾堆积，影响通行" * 2, "description": "群众反映" * 20,
                "category": cat["name"], "subcategory": cat["subcategories"][0]["code"],
                "priority": "normal", "source": "app", "region_id": grid,
                "address": "鹿城镇某路 12 号", "lat": 25.04, "lon": 101.55}
        proc, _ = _start_subscribers(f"ws://127.0.0.1:{port}/api/v1/feed?since="
                                     f"{snap['seq']}", h, n, seconds, warmup, bare=False)
        sessions = [requests.Session() for _ in range(8)]

        def send(i: int) -> None:
            sessions[i % 8].post(base + "/cases", json=body, headers=h, timeout=30)

        _drive(rate, warmup + seconds + 0.5, send)
        out, _ = proc.communicate(timeout=120)
        result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
        return result
    finally:
        hub.terminate()
        hub.wait(10)


def bench_bare(n: int, rate: float, seconds: float, warmup: float, frame_size: int
               ) -> dict[str, float]:
    import requests

    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve-bare", str(port)], cwd=ROOT)
    try:
        wait_http(f"http://127.0.0.1:{port}/publish")
        proc, _ = _start_subscribers(f"ws://127.0.0.1:{port}/feed", {}, n, seconds, warmup,
                                     bare=True)
        pad = "x" * max(0, frame_size - 40)
        payload = '{"t":TS_PLACEHOLDER,"pad":"' + pad + '"}'
        sessions = [requests.Session() for _ in range(8)]

        def send(i: int) -> None:
            sessions[i % 8].post(f"http://127.0.0.1:{port}/publish", data=payload, timeout=30)

        _drive(rate, warmup + seconds + 0.5, send)
        out, _ = proc.communicate(timeout=120)
        result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
        return result
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--subs", default="100,500")
    p.add_argument("--rate", type=float, default=50)
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--warmup", type=float, default=2)
    p.add_argument("--serve-bare", type=int)
    p.add_argument("--subscribers-process", action="store_true")
    p.add_argument("--url")
    p.add_argument("--headers", default="{}")
    p.add_argument("--n", type=int, default=0)
    p.add_argument("--bare", action="store_true")
    p.add_argument("--ready-file")
    args = p.parse_args()
    if args.serve_bare:
        serve_bare(args.serve_bare)
        return
    if args.subscribers_process:
        run_subscribers(args)
        return
    print(f"fan-out at {args.rate:g} events/s, {args.seconds:g} s measured after "
          f"{args.warmup:g} s warm-up; subscribers in a second process")
    print(f"{'subs':>5} {'frames/s wanted':>15} | {'hub f/s':>8} {'p50 ms':>7} {'p99 ms':>7} | "
          f"{'bare f/s':>8} {'p50 ms':>7} {'p99 ms':>7} | {'throughput hub/bare':>19}")
    for n in (int(x) for x in args.subs.split(",")):
        hub = bench_hub(n, args.rate, args.seconds, args.warmup)
        bare = bench_bare(n, args.rate, args.seconds, args.warmup, frame_size=700)
        ratio = hub["frames_per_s"] / bare["frames_per_s"] if bare["frames_per_s"] else 0
        print(f"{n:>5} {n * args.rate:>15.0f} | {hub['frames_per_s']:>8.0f} "
              f"{hub['p50_ms']:>7.1f} {hub['p99_ms']:>7.1f} | {bare['frames_per_s']:>8.0f} "
              f"{bare['p50_ms']:>7.1f} {bare['p99_ms']:>7.1f} | {ratio:>19.2f}", flush=True)


if __name__ == "__main__":
    main()
