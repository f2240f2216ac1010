"""The cost of one feed frame written to one subscriber, side by side in one run.

Opens N loopback TCP connections (their other ends read by a second process, which
discards), then writes one 700-byte feed frame to all of them, 60 rounds, two ways:

  * ``per subscriber``: the text encoded and framed again for each connection (what
    aiohttp's ``send_str`` does, and the hub did before ``hub/wsframe.py``);
  * ``shared bytes``: the frame built once (``hub.wsframe.text_frame``) and the same bytes
    written to every transport (what ``FeedConnection.write_now`` does now).

Prints the CPU time per write (``process_time`` of the writing loop, min and median of
the rounds) for the standard asyncio loop, and for uvloop when it is installed. The send
call itself is the kernel's: it is the floor under any fan-out in one process.
Run: ``python bench/fanout_write.py [--subs 2000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import selectors
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hub.wsframe import text_frame  # noqa: E402

ROUNDS = 60
TEXT = ('{"seq":1,"ts":"2026-12-01T00:00:00.000000Z","type":"case.created","data":"'
        + "群众反映" * 55 + '"}')


def read_and_discard(port: int, n: int) -> None:
    """The subscribers' side: n connections, everything read and dropped."""
    sel = selectors.DefaultSelector()
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port))
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
    while True:
        for key, _ in sel.select(1):
            sock = key.fileobj
            assert isinstance(sock, socket.socket)
            try:
                if not sock.recv(1 << 16):
                    return
            except BlockingIOError:
                pass
            except OSError:
                return


async def measure(n: int) -> dict[str, tuple[float, float]]:
    transports: list[asyncio.WriteTransport] = []
    connected = asyncio.Event()

    class Keep(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            transports.append(cast(asyncio.WriteTransport, transport))  # uvloop's: no subclass
            if len(transports) == n:
                connected.set()

    loop = asyncio.get_running_loop()
    server = await loop.create_server(Keep, "127.0.0.1", 0, backlog=4096)
    port = server.sockets[0].getsockname()[1]
    reader = subprocess.Popen([sys.executable, __file__, "--read", str(port), "--subs",
                               str(n)])
    try:
        await asyncio.wait_for(connected.wait(), 60)
        out: dict[str, tuple[float, float]] = {}
        for way in ("per subscriber", "shared bytes"):
            per_write: list[float] = []
            for _ in range(ROUNDS):
                t0 = time.process_time()
                if way == "shared bytes":
                    wire = text_frame(TEXT)
                    for t in transports:
                        t.write(wire)
                else:
                    for t in transports:
                        t.write(text_frame(TEXT))
                per_write.append((time.process_time() - t0) / n)
                await asyncio.sleep(0.05)  # let the reader drain the sockets
            per_write.sort()
            out[way] = (per_write[0], per_write[len(per_write) // 2])
        return out
    finally:
        for t in transports:
            t.close()
        server.close()
        reader.terminate()
        reader.wait(30)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--subs", type=int, default=2000)
    p.add_argument("--read", type=int, default=0, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.read:
        read_and_discard(args.read, args.subs)
        return
    loops: list[tuple[str, object]] = [("asyncio", None)]
    try:  # optional: not a dependency of the hub (measured, and not worth one)
        uvloop = importlib.import_module("uvloop")
        loops.append(("uvloop", uvloop.new_event_loop))
    except ImportError:
        pass
    print(f"one 700-byte frame to {args.subs} loopback connections, {ROUNDS} rounds: "
          "CPU µs per write, min / median")
    for name, factory in loops:
        runner = asyncio.Runner(loop_factory=factory) if callable(factory) else asyncio.Runner()
        with runner:
            out = runner.run(measure(args.subs))
        each = out["per subscriber"][1] / out["shared bytes"][1]
        print(f"{name:>8}: per subscriber {1e6 * out['per subscriber'][0]:.2f} / "
              f"{1e6 * out['per subscriber'][1]:.2f}   shared bytes "
              f"{1e6 * out['shared bytes'][0]:.2f} / {1e6 * out['shared bytes'][1]:.2f}   "
              f"ratio {each:.2f}", flush=True)


if __name__ == "__main__":
    main()
