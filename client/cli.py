"""Headless mirror and offline review: ``sync`` and ``export`` command lines.

``sync_main(argv)`` logs in, restores from the shift cache (or loads a snapshot) and keeps
the cache and a :class:`client.state.State` in step with the hub until SIGTERM/SIGINT or
``--for`` seconds; SIGKILL loses nothing (the cache is committed before each batch is
applied). ``export_main(argv)`` prints every case as a cache knows it (at the end, or as
of ``--at``) without the hub: ``--format json`` one JSON array, ``jsonl`` one case per line
(both in the protocol's own fields), ``csv`` a spreadsheet in UTF-8 with a BOM, the
glossary's words (``--lang``), local times (``--zone``, Asia/Shanghai by default) and
region and unit names — or, with ``--raw``, the protocol's codes, field names and UTC
times.

Both return 0 on success and print one clear ``<command>: error: ...`` line on stderr
with a non-zero code otherwise: 2 usage / bad URL / unreadable password file / no cache,
3 hub unreachable, 4 bad credentials or locked user, 5 other hub error, 6 cache error.

Entry points: ``python main.py sync|export ...`` (wired by main.py) or
``python -m client.cli sync|export ...``.

Threading: runs on the main thread (it installs signal handlers there); the Feed runs
in its own thread and hands batches over through ``Feed.drain()``.
"""

from __future__ import annotations

import argparse
import csv
import logging
import signal
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import FrameType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import orjson

from client import glossary, transport
from client.api import HubClient, normalize_base_url
from client.cache import CacheDir, ShiftCache
from client.errors import (
    CacheError,
    HubError,
    HubUnreachable,
    RateLimitedError,
    UnauthenticatedError,
)
from client.feed import SESSION_EXPIRED, Feed
from client.protocol import Case
from client.review_report import TEXT_FIELDS, csv_cell
from client.shifts import DEFAULT_STARTS, ShiftSchedule
from client.state import State
from client.store import CASE_FIELDS, Store
from client.timeutil import DEFAULT_ZONE, parse_time, parse_time_or_none

log = logging.getLogger(__name__)

EXIT_USAGE, EXIT_UNREACHABLE, EXIT_AUTH, EXIT_HUB, EXIT_CACHE = 2, 3, 4, 5, 6


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors as one line and returns instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def _fail(cmd: str, message: str, code: int) -> int:
    print(f"{cmd}: error: {message}", file=sys.stderr, flush=True)
    return code


# ---- sync


def _sync_parser() -> _Parser:
    p = _Parser(prog="sync", description="Mirror a hub's post into a shift cache (headless).")
    p.add_argument("--hub", required=True, help="hub URL, e.g. http://127.0.0.1:8000")
    p.add_argument("--user", required=True)
    p.add_argument("--password-file", required=True, type=Path)
    p.add_argument("--cache", required=True, type=Path, help="directory of shift files")
    p.add_argument("--for", dest="duration", type=float, default=None,
                   help="stop after this many seconds")
    p.add_argument("--shifts", default=",".join(DEFAULT_STARTS),
                   help="daily shift start times, e.g. 08:00,20:00")
    p.add_argument("--zone", default=DEFAULT_ZONE)
    p.add_argument("--ca-bundle", default=None, metavar="FILE",
                   help="PEM file of the CA that signed the hub's certificate")
    p.add_argument("--insecure-http", action="store_true",
                   help="allow plain http to a hub that is not on this machine")
    p.add_argument("-v", "--verbose", action="store_true")
    return p


def sync_main(argv: Sequence[str]) -> int:
    """Run the headless mirror; return the process exit code."""
    try:
        args = _sync_parser().parse_args(list(argv))
    except _UsageError as exc:
        return _fail("sync", str(exc), EXIT_USAGE)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        url = normalize_base_url(args.hub)
        transport.configure(args.ca_bundle, args.insecure_http)
        transport.check_url(url)
    except ValueError as exc:
        return _fail("sync", str(exc), EXIT_USAGE)
    if args.insecure_http and transport.insecure_link(url):
        print(f"sync: WARNING: plain http to {url}: passwords and cases travel in clear",
              file=sys.stderr)
    try:
        password = args.password_file.read_text(encoding="utf-8").rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as exc:
        return _fail("sync", f"cannot read password file {args.password_file}: {exc}", EXIT_USAGE)
    try:
        schedule = ShiftSchedule(tuple(args.shifts.split(",")), args.zone)
    except (ValueError, KeyError) as exc:
        return _fail("sync", f"bad --shifts/--zone: {exc}", EXIT_USAGE)

    api = HubClient(url)
    code = _login(api, args.user, password)
    if code:
        return code

    stop = threading.Event()
    wake = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stop.set()
        wake.set()

    old_handlers = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    feed = Feed(api, args.cache, schedule=schedule, on_batch=wake.set)
    state = State(zone_name=args.zone)
    deadline = None if args.duration is None else time.monotonic() + args.duration
    shown = ""
    last_login = 0.0
    try:
        feed.start()
        while not stop.is_set():
            if deadline is not None and time.monotonic() >= deadline:
                break
            wake.wait(0.1)
            wake.clear()
            for batch in feed.drain():
                state.apply_batch(batch)
            state.tick()
            if feed.fatal is not None:
                err = feed.fatal
                code = EXIT_CACHE if isinstance(err, CacheError) else EXIT_HUB
                return _fail("sync", str(err), code)
            st = feed.status()
            if st.state != shown:
                shown = st.state
                print(f"sync: link {st.state} (seq {st.last_seq})", file=sys.stderr, flush=True)
            if st.state == SESSION_EXPIRED and time.monotonic() - last_login > 5.0:
                last_login = time.monotonic()
                code = _login(api, args.user, password, quiet_unreachable=True)
                if code == EXIT_AUTH:
                    return code
                if code == 0:
                    feed.resume()
    finally:
        feed.stop()
        for batch in feed.drain():
            state.apply_batch(batch)
        for s, h in old_handlers.items():
            signal.signal(s, h)
    st = feed.status()
    print(
        f"sync: stopped at seq {state.seq}: {len(state.cases)} cases, "
        f"{st.applied} events applied, {st.duplicates} duplicates, {st.gaps_filled} gaps filled, "
        f"{st.junk} junk frames, {st.skipped} invalid events skipped, "
        f"{st.reconnects} reconnects",
        file=sys.stderr,
        flush=True,
    )
    return 0


def _login(api: HubClient, user: str, password: str, *, quiet_unreachable: bool = False) -> int:
    try:
        api.login(user, password)
    except HubUnreachable as exc:
        if quiet_unreachable:
            return EXIT_UNREACHABLE
        return _fail("sync", f"hub unreachable: {exc}", EXIT_UNREACHABLE)
    except RateLimitedError as exc:
        return _fail("sync", f"login refused for user {user!r}: {exc}", EXIT_AUTH)
    except UnauthenticatedError:
        return _fail("sync", f"bad credentials for user {user!r}", EXIT_AUTH)
    except HubError as exc:
        return _fail("sync", f"login failed: {exc}", EXIT_HUB)
    return 0


# ---- export


def _export_parser() -> _Parser:
    p = _Parser(prog="export", description="Print every case a shift cache knows.")
    p.add_argument("--cache", required=True, type=Path, help="directory of shift files")
    p.add_argument("--at", default=None, help="RFC 3339 time: the cases as of then")
    p.add_argument("--format", choices=("json", "jsonl", "csv"), default="json",
                   help="json: one JSON array; jsonl: one case per line; csv: a spreadsheet "
                        "(UTF-8 with a BOM, local times, words from the glossary)")
    p.add_argument("--raw", action="store_true",
                   help="CSV with the protocol's own codes, field names and UTC times")
    p.add_argument("--lang", default="zh_CN", help="CSV words: zh_CN (default) or en")
    p.add_argument("--zone", default="Asia/Shanghai", help="CSV local time zone")
    return p


def cases_as_of(cache_dir: str | Path, at: float | None = None) -> tuple[Store, Path]:
    """Rebuild the cached picture at the end, or as of ``at`` (epoch seconds).

    Uses the newest shift file that has a snapshot taken at or before ``at``, its newest
    such snapshot, and the events after it whose ``ts`` is not after ``at``.

    Raises:
        CacheError: no cache, nothing that old, or a damaged file.
    """
    files = CacheDir(cache_dir).shift_files()
    if not files:
        if not Path(cache_dir).is_dir():
            raise CacheError(f"cache directory {cache_dir} does not exist")
        raise CacheError(f"no shift cache files in {cache_dir}")
    for _label, path in reversed(files):
        cache = ShiftCache.open(path)
        try:
            snaps = cache.snapshots()
            if at is not None:
                snaps = [s for s in snaps if _snap_time(s.server_time, s.received_at) <= at]
            if not snaps:
                continue
            snap = snaps[-1]
            store = Store()
            store.load_snapshot(cache.load_snapshot(snap.id))
            for ev, received in cache.iter_events(snap.id):
                if at is not None:
                    t = parse_time_or_none(ev.get("ts"))
                    if (t if t is not None else received) > at:
                        break
                store.apply(ev)
            return store, path
        except ValueError as exc:
            raise CacheError(f"cache file {path} is damaged: {exc}") from exc
        finally:
            cache.close()
    raise CacheError(f"the cache in {cache_dir} holds nothing as old as the requested time")


def _snap_time(server_time: str | None, received_at: float) -> float:
    t = parse_time_or_none(server_time)
    return t if t is not None else received_at


def export_main(argv: Sequence[str]) -> int:
    """Print the cached cases as JSON lines or CSV; return the process exit code."""
    try:
        args = _export_parser().parse_args(list(argv))
    except _UsageError as exc:
        return _fail("export", str(exc), EXIT_USAGE)
    at = None
    if args.at is not None:
        try:
            at = parse_time(args.at)
        except ValueError:
            return _fail("export", f"bad --at time {args.at!r}: expected RFC 3339", EXIT_USAGE)
    try:
        store, _path = cases_as_of(args.cache, at)
    except CacheError as exc:
        return _fail("export", str(exc), EXIT_CACHE)
    cases = [store.cases[k] for k in sorted(store.cases)]
    out = sys.stdout
    out.flush()
    if args.format in ("json", "jsonl"):
        if args.format == "json":
            chunks = [orjson.dumps(cases), b"\n"]
        else:
            chunks = [orjson.dumps(c) + b"\n" for c in cases]
        buf = out.buffer if hasattr(out, "buffer") else None
        for chunk in chunks:
            if buf is not None:
                buf.write(chunk)
            else:
                out.write(chunk.decode())
        if buf is not None:
            buf.flush()
    else:
        try:
            zone = ZoneInfo(args.zone)
        except (ZoneInfoNotFoundError, ValueError):
            return _fail("export", f"unknown time zone {args.zone!r}", EXIT_USAGE)
        names: dict[str, Mapping[str, Mapping[str, object]]] = {
            "region_id": store.regions, "unit_id": store.units}
        if not args.raw:
            out.write("\ufeff")  # a BOM: spreadsheet programs then read UTF-8 right
        w = csv.writer(out, lineterminator="\r\n" if not args.raw else "\n")
        w.writerow(CASE_FIELDS if args.raw else
                   [glossary.word("field", f, args.lang) for f in CASE_FIELDS])
        for c in cases:
            w.writerow(csv_row(c, raw=args.raw, lang=args.lang, zone=zone, names=names))
        out.flush()
    return 0


#: fields whose codes the glossary turns into words, and fields holding times
_WORD_FIELDS = {"status": "status", "priority": "priority", "source": "source"}
_TIME_FIELDS = frozenset(("reported_at", "due_at", "updated_at", "closed_at"))


def csv_row(case: Case, *, raw: bool, lang: str, zone: ZoneInfo,
            names: Mapping[str, Mapping[str, Mapping[str, object]]] | None = None) -> list[object]:
    """One case as a CSV row: protocol codes and UTC times when ``raw``, else glossary words,
    region and unit names, and local times."""
    row: list[object] = []
    for f in CASE_FIELDS:
        v = case.get(f)
        if v is None:
            row.append("")
        elif f in TEXT_FIELDS:
            row.append(csv_cell(v, True))  # hub text: no control characters, no formulas
        elif raw:
            row.append(v)
        elif f in _WORD_FIELDS:
            row.append(glossary.word(_WORD_FIELDS[f], v, lang))
        elif f in _TIME_FIELDS:
            t = parse_time_or_none(v)
            row.append(glossary.local_time(t, zone) if t is not None else v)
        elif names is not None and f in names:
            known = names[f].get(v) if isinstance(v, str) else None
            row.append(known.get("name") or v if isinstance(known, dict) else v)
        else:
            row.append(v)
    return row


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m client.cli sync|export ...``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in ("sync", "export"):
        return _fail("client.cli", "usage: python -m client.cli sync|export [options]", EXIT_USAGE)
    return sync_main(argv[1:]) if argv[0] == "sync" else export_main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
