"""The hub's memory under abuse: a login flood and feed clients that never read.

    python bench/hub_abuse_memory.py [--root DIR] [--feeds 200] [--logins 40]

Starts ``main.py hub serve`` from ``--root`` (default: this tree; give another checkout to
compare side by side), fills a ~7 MB backlog, then measures the hub process's RSS:
at rest, 5 s / 25 s after opening ``--feeds`` feeds from ``since=0`` whose clients never
read, then at the peak of ``--logins`` parallel logins of unknown names. Prints the
figures and each peak as a ratio of the resting RSS.
"""

from __future__ import annotations

import argparse
import base64
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent.parent
PASSWORD = "cx-demo-2026"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def stalled_feed(port: int, token: str) -> socket.socket:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /api/v1/feed?since=0 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                  f"Sec-WebSocket-Version: 13\r\nAuthorization: Bearer {token}\r\n\r\n")
                 .encode())
    return sock


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--root", type=Path, default=HERE)
    p.add_argument("--feeds", type=int, default=200)
    p.add_argument("--logins", type=int, default=40)
    p.add_argument("--events", type=int, default=450)
    p.add_argument("--serve-arg", action="append", default=[],
                   help="extra argument for hub serve (e.g. --serve-arg=--feeds-per-user=1000 "
                        "to measure the replay bound rather than the per-user cap)")
    args = p.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="abuse-"))
    port = free_port()
    hub = subprocess.Popen([sys.executable, "main.py", "hub", "serve", "--db",
                            f"sqlite:///{folder / 'hub.db'}", "--port", str(port),
                            "--sizes", "2,1,1,1", "--log-level", "error", *args.serve_arg],
                           cwd=args.root, env={**os.environ, "PYTHONPATH": str(args.root)})
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(300):
            try:
                requests.get(base + "/categories", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.2)
        def login(name: str, pw: str = PASSWORD) -> requests.Response:
            return requests.post(base + "/session", json={"username": name, "password": pw},
                                 timeout=120)
        intake = login("intake-532301").json()["token"]
        body = {"title": "井盖缺失", "description": "述" * 4990, "category": "环境卫生",
                "subcategory": "垃圾清运不及时", "source": "app",
                "region_id": "53230110120101"}
        http = requests.Session()
        for _ in range(args.events):
            http.post(base + "/cases", json=body, timeout=30,
                      headers={"Authorization": f"Bearer {intake}"})
        tokens = [login(f"officer-{c}").json()["token"]  # before the flood: it throttles
                  for c in ("532300", "532301", "532322", "532301101", "532322101")]
        time.sleep(1)
        rest = rss_mb(hub.pid)
        socks = [stalled_feed(port, tokens[n % len(tokens)]) for n in range(args.feeds)]
        time.sleep(5)
        feeds_5s = rss_mb(hub.pid)
        time.sleep(20)
        feeds_25s = rss_mb(hub.pid)
        for s in socks:
            s.close()
        time.sleep(2)
        rest2 = rss_mb(hub.pid)
        peak = [rest2]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], rss_mb(hub.pid))
                time.sleep(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        with ThreadPoolExecutor(args.logins) as pool:
            codes = list(pool.map(lambda n: login(f"nobody-{n}", "x").status_code,
                                  range(args.logins)))
        done.set()
        sampler.join()
        login_peak = peak[0]
        print(f"root {args.root}")
        print(f"at rest: {rest:.0f} MB")
        print(f"{args.logins} parallel logins (after the feeds, from {rest2:.0f} MB): peak "
              f"{login_peak:.0f} MB (+{login_peak - rest2:.0f} MB); answers "
              f"{sorted(set(codes))}")
        print(f"{args.feeds} feeds never reading: {feeds_5s:.0f} MB after 5 s "
              f"(x{feeds_5s / rest:.2f}), {feeds_25s:.0f} MB after 25 s "
              f"(x{feeds_25s / rest:.2f})")
    finally:
        hub.terminate()
        hub.wait(15)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
