"""Ingest benchmark: frames/s of the full client vs. the fastest bare loop.

A fake hub (testkit/fakehub.py, in a child process so it does not share the GIL)
holds a backlog of N case events (~630-byte frames). Two readers drain it from seq 0:

* bare: websocket-client with ``skip_utf8_validation=True`` + ``orjson.loads``, nothing else;
* full: the real client — Feed thread (parse, sequence, commit to the shift cache, apply
  to its store) handing batches to a State applied on the main thread, as the console
  does — timed until the State holds the last seq.

Each round runs the bare loop, the full client and the bare loop again, back to back, and
the ratio is taken per round against the mean of the two bare runs (they bracket the full
client's conditions; on a shared VM the bare loop alone varies 30–70k frames/s from one
minute to the next); the median of the rounds' ratios is the figure. The full client runs with the process settings the
console and the mirror use (``client.gc_policy.tune_for_streaming``).

Two more figures, in the same run:

* the decode cost per frame of the typed decoder the client uses (``client.protocol``:
  msgspec, validating while parsing, plain dicts out; its shape pass and its times pass
  also apart) beside ``orjson.loads`` to dicts (no validation), all-``Struct`` decoding
  (with and without converting to dicts for a dict-compatible interface) and orjson +
  ``msgspec.convert`` (validating the dicts after);
* a hostile catch-up: the same backlog served with 1 % junk and 1 % poison frames (absurd
  content, seqs far ahead or above the hub's latest) mixed in, caught up by the full
  client and checked equal to the clean run's cases; its time beside the clean time.

Run: ``python bench/ingest.py [--events 100000] [--rounds 5]``. Targets: full ≥ 20,000
events/s, full/bare ≥ 0.5, a 100,000-event catch-up under 10 s, the hostile catch-up
correct in < 2× the clean time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


import orjson  # noqa: E402
import websocket  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Mapping

    from client import protocol as P
    from testkit.fakehub import FakeHub


def build_hub(n_events: int) -> FakeHub:
    """The backlog: ~630-byte case events (25 % new cases, the rest updates)."""
    from testkit.fakehub import FakeHub

    hub = FakeHub(n_cases=0, interval_s=5.0, seed=2)
    rng = random.Random(3)
    ids: list[str] = []
    pad = "路面有积水，车辆通行不便，请尽快处理。"
    while hub.latest < n_events:
        if not ids or rng.random() < 0.25:
            ids.append(hub.create_case(description=pad * 3)["id"])
        else:
            cid = rng.choice(ids)
            hub.update_case(cid, rng.choice(["dispatch", "accept", "edit"]),
                            status=rng.choice(["dispatched", "accepted", "resolved"]),
                            unit_id=rng.choice(list(hub.units)))
    return hub


def serve(n_events: int, hostile: bool) -> None:
    """Child process: build the backlog, print the URL, serve until stdin closes."""
    from testkit.fakehub import Behavior

    hub = build_hub(n_events)
    if hostile:
        hub.behaviors = [Behavior(junk=0.01, poison=0.01, seed=k) for k in range(1000)]
    snap = hub.snapshot()
    hub.fixed_snapshot = dict(snap, seq=0, cases=[])
    avg = sum(map(len, hub.frames)) / len(hub.frames)
    hub.start()
    print(hub.url, hub.token_for("sup"), f"{avg:.0f}", flush=True)
    sys.stdin.read()
    hub.stop()


def bare(url: str, token: str, n: int) -> float:
    """The fastest plain loop: receive and decode every frame; return frames/s."""
    ws_url = url.replace("http", "ws", 1) + "/api/v1/feed?since=0"
    t0 = time.perf_counter()
    ws = websocket.create_connection(ws_url, header=[f"Authorization: Bearer {token}"],
                                     skip_utf8_validation=True)
    loads = orjson.loads
    seen = 0
    while seen < n:
        _, data = ws.recv_data()
        obj = loads(data)
        if obj.get("seq"):
            seen = obj["seq"]
    dt = time.perf_counter() - t0
    ws.close()
    return n / dt


def full(url: str, token: str, n: int) -> tuple[float, float, dict[str, Any],
                                                 Mapping[str, P.Case]]:
    """The whole client; return (events/s, seconds, link counters, the cases it holds)."""
    from client import protocol as P
    from client.api import HubClient
    from client.feed import Feed
    from client.state import State

    api = HubClient(url, token=token)
    api.session = cast(P.Session, {"token": token, "user": {"id": "sup", "post_id": "P1"}})
    with tempfile.TemporaryDirectory() as tmp:
        feed = Feed(api, tmp)
        state = State()
        t0 = time.perf_counter()
        feed.start()
        while state.seq < n:
            for b in feed.drain():
                state.apply_batch(b)
            time.sleep(0.1)  # the console's ~100 ms timer
        dt = time.perf_counter() - t0
        st = feed.status()
        feed.stop()
        api.close()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    return n / dt, dt, {"applied": st.applied, "duplicates": st.duplicates,
                        "gaps_filled": st.gaps_filled, "junk": st.junk,
                        "cases": len(state.cases), "cache_mb": round(size / 1e6, 1)}, state.cases


def decode_costs(frames: list[bytes], repeat: int = 5) -> dict[str, float]:
    """Microseconds per frame of each way to decode the feed's frames (best of ``repeat``).

    Every validating way checks the times the same way (the times pass of
    :mod:`client.times_pass`), so the rows compare what carries the values.
    """
    import typing

    import msgspec
    import msgspec.inspect

    from client import protocol as P
    from client.times_pass import CheckedDecoder

    def as_struct(td: type) -> type:
        """The same fields as a Struct (TypedDict's own ``__required_keys__`` is wrong under
        postponed annotations; msgspec's view of the type is the one that counts)."""
        hints = typing.get_type_hints(td, include_extras=True)
        info = cast(msgspec.inspect.TypedDictType, msgspec.inspect.type_info(td))
        required = {f.name for f in info.fields if f.required}
        fields: list[tuple[Any, ...]] = []
        for name, typ in hints.items():
            if typing.get_origin(typ) is typing.NotRequired:
                typ = typing.get_args(typ)[0]
            if name in required:
                fields.append((name, typ))
            else:
                fields.append((name, typ, None))
        return msgspec.defstruct(td.__name__ + "Struct", fields)

    case_s = as_struct(P.Case)
    created = msgspec.defstruct("Created", [("seq", P.Seq), ("ts", P.Time), (
        "data", msgspec.defstruct("CreatedData", [("case", case_s)]))],
        tag_field="type", tag="case.created")
    updated = msgspec.defstruct("Updated", [("seq", P.Seq), ("ts", P.Time), (
        "data", msgspec.defstruct("UpdatedData", [("case", case_s), ("action", str),
                                                  ("actor", str), ("note", str)]))],
        tag_field="type", tag="case.updated")
    structs = msgspec.json.Decoder(created | updated)
    passes = CheckedDecoder(P.FrameUnion)
    times = passes.times
    assert times is not None
    to_builtins = msgspec.to_builtins

    def struct_objects(f: bytes) -> object:
        times.decode(f)
        return structs.decode(f)

    def struct_dicts(f: bytes) -> dict:
        times.decode(f)
        return to_builtins(structs.decode(f))

    def orjson_convert(f: bytes) -> dict:
        times.decode(f)
        ev = orjson.loads(f)
        msgspec.convert(ev["data"], P.CaseUpdatedData if ev["type"] == "case.updated"
                        else P.CaseCreatedData)
        return ev

    ways = {"orjson.loads -> dict (no validation)": orjson.loads,
            "client.protocol.decode_frame (validated dicts)": P.decode_frame,
            "  its shape pass (TypedDicts, times as text)": passes.shape.decode,
            "  its times pass (RFC 3339, msgspec's parser)": times.decode,
            "msgspec Structs (validated objects)": struct_objects,
            "msgspec Structs + to_builtins (dicts)": struct_dicts,
            "orjson + msgspec.convert (validated)": orjson_convert}
    out = {}
    for name, fn in ways.items():
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            for f in frames:
                fn(f)
            best = min(best, time.perf_counter() - t0)
        out[name] = best / len(frames) * 1e6
    return out


def start_child(n: int, hostile: bool) -> tuple[subprocess.Popen, str, str, str]:
    args = [sys.executable, __file__, "--serve", "--events", str(n)]
    if hostile:
        args.append("--hostile")
    child = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             cwd=ROOT)
    assert child.stdout is not None
    url, token, avg = child.stdout.readline().split()
    return child, url, token, avg


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--hostile", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.serve:
        serve(a.events, a.hostile)
        return 0
    import logging

    logging.getLogger("client").setLevel(logging.ERROR)  # the junk warnings, as in `sync`
    frames = build_hub(3000).frames
    costs = decode_costs(frames)
    print(f"decode cost per frame ({len(frames):,} frames, "
          f"{sum(map(len, frames)) / len(frames):.0f} bytes on average; best of 5):")
    base = costs["orjson.loads -> dict (no validation)"]
    for name, us in costs.items():
        print(f"  {name:<48s} {us:6.2f} us  ({us / base:.2f}x orjson)")
    print()
    child, url, token, avg = start_child(a.events, False)
    hostile, h_url, h_token, _ = start_child(a.events, True)
    try:
        from client.gc_policy import tune_for_streaming

        tune_for_streaming()
        print(f"backlog: {a.events:,} events, {avg}-byte frames on average, hub {url}")
        bares, fulls, ratios, hostiles = [], [], [], []
        for r in range(a.rounds):
            # the bare loop right before and right after the full client: their mean is the
            # baseline of this round (the shared machine drifts within seconds)
            before = bare(url, token, a.events)
            rate, secs, info, cases = full(url, token, a.events)
            bares.append((before + bare(url, token, a.events)) / 2)
            fulls.append((rate, secs))
            ratios.append(rate / bares[-1])
            print(f"round {r + 1}: bare {bares[-1]:>9,.0f} frames/s   full {rate:>9,.0f} events/s "
                  f"ratio {ratios[-1]:.2f}  ({secs:.2f} s for the catch-up) {info}")
            if r < 2:  # the hostile catch-up, right after a clean one
                _, h_secs, h_info, h_cases = full(h_url, h_token, a.events)
                same = h_cases == cases
                hostiles.append((h_secs / secs, h_secs, same))
                print(f"         hostile (1 % junk + 1 % poison): {h_secs:.2f} s, "
                      f"{h_secs / secs:.2f}x the clean time, cases equal: {same} {h_info}")
        b = statistics.median(bares)
        f = statistics.median(rate for rate, _ in fulls)
        ratio = statistics.median(ratios)
        secs = max(s for _, s in fulls)
        h_ratio = max(x for x, _, _ in hostiles)
        h_ok = all(same for _, _, same in hostiles)
        print()
        print(f"bare loop (websocket-client + orjson), median : {b:>9,.0f} frames/s")
        print(f"full client (parse+sequence+cache+apply), med.: {f:>9,.0f} events/s")
        print(f"ratio full/bare, median of the rounds' ratios : {ratio:>9.2f}   (target >= 0.5; "
              f"rounds {min(ratios):.2f}–{max(ratios):.2f})")
        print(f"{a.events:,}-event catch-up, slowest round       : {secs:>9.2f} s (target < 10 s)")
        print(f"hostile catch-up / clean, worst of {len(hostiles)}           : {h_ratio:>9.2f}x "
              f"(target < 2; cases equal to the clean run's: {h_ok})")
        ok = f >= 20_000 and ratio >= 0.5 and secs < 10 and h_ratio < 2 and h_ok
        print("targets:", "MET" if ok else "NOT MET")
        return 0 if ok else 1
    finally:
        for c in (child, hostile):
            if c.stdin:
                c.stdin.close()
            c.wait(10)


if __name__ == "__main__":
    sys.exit(main())
