"""Database statements per command on PostgreSQL, counted by the server itself.

Starts a private PostgreSQL (``testkit/pgcluster.py``), turns on ``log_statement = all``,
starts the hub embedded with its pool connections named by ``application_name`` (so the
LISTEN connection and this script's own connections are not counted), then runs the
closed loop of county A N times: report (intake), assign (supervisor), accept and resolve
(unit), urge (officer, before the resolve), close (intake). For each command it prints
the statements the server logged per call, ``BEGIN``/``COMMIT`` and the pool's liveness
ping (an empty statement) included: every logged statement is one round trip unless
libpq pipelines an ``executemany`` (then several are logged for one trip; this prints
how many such batched statements it saw). ``--show`` prints one call's statements.

Run: ``python bench/db_round_trips.py [--n 20] [--show report]``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from client.json_value import JSON  # noqa: E402
from testkit.pgcluster import ThrowawayCluster  # noqa: E402

APP = "cp-roundtrips"
COUNTY, GRID, UNIT = "532301", "53230110120101", "U532301-GA"
BODY: dict[str, JSON] = {"title": "路面垃圾堆积", "description": "群众反映", "category": "环境卫生",
               "subcategory": "HJWS-01", "priority": "normal", "source": "hotline",
               "region_id": GRID, "address": "鹿城南路 1 号", "lat": 25.03, "lon": 101.54}
#: what the LISTEN connection sends (it inherits the URL's application_name)
_LISTENER = frozenset({"SELECT 1", 'LISTEN "cp_feed_public"'})
_LINE = re.compile(r"^\S+ \S+ \S+ \[\d+\] (?P<app>\S*) LOG:  (?P<what>statement|execute "
                   r"(?P<name>[^:]*)): (?P<sql>.*)$")


class Api:
    """Just enough of the protocol: login, POST with a bearer token."""

    def __init__(self, base: str, username: str) -> None:
        import requests

        from hub.seed import DEMO_PASSWORD

        self.http = requests.Session()
        self.base = base + "/api/v1"
        r = self.http.post(self.base + "/session",
                           json={"username": username, "password": DEMO_PASSWORD}, timeout=30)
        r.raise_for_status()
        self.http.headers["Authorization"] = f"Bearer {r.json()['token']}"

    def post(self, path: str, body: JSON) -> dict[str, object]:
        r = self.http.post(self.base + path, json=body, timeout=30)
        if r.status_code not in (200, 201):
            raise RuntimeError(f"{path}: {r.status_code} {r.text[:200]}")
        answer: dict[str, object] = r.json()
        return answer


class Log:
    """The server log from a remembered offset: the hub's pool statements only."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = path.stat().st_size

    def take(self) -> list[tuple[str, str]]:
        """``(kind, sql)`` logged since the last call; kind ``statement`` or ``execute``."""
        time.sleep(0.3)  # the server writes its log asynchronously
        with self.path.open("rb") as f:
            f.seek(self.offset)
            data = f.read()
        self.offset += len(data)
        out = []
        for line in data.decode("utf-8", "replace").splitlines():
            m = _LINE.match(line)
            if m and m["app"] == APP and m["sql"] not in _LISTENER:
                out.append(("statement" if m["what"] == "statement" else "execute",
                            m["sql"]))
        return out


def run(n: int, show: str | None) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from hub.seed import SeedSizes
    from hub.server import start_embedded

    with ThrowawayCluster() as cluster:
        admin = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("ALTER SYSTEM SET log_statement = 'all'"))
            conn.execute(text("ALTER SYSTEM SET log_line_prefix = '%m [%p] %a '"))
            conn.execute(text("SELECT pg_reload_conf()"))
        admin.dispose()
        url = make_url(cluster.url).update_query_dict({"application_name": APP})
        hub = start_embedded(url.render_as_string(hide_password=False),
                             sizes=SeedSizes(2, 2, 1, 1))
        try:
            intake = Api(hub.url, f"intake-{COUNTY}")
            sup = Api(hub.url, f"supervisor-{COUNTY}")
            officer = Api(hub.url, f"officer-{COUNTY}")
            unit = Api(hub.url, f"unit-{UNIT}")
            posts = len(hub.hub.ctx.tree.posts_seeing(GRID))
            steps = [
                ("report", lambda c: intake.post("/cases", BODY)),
                ("assign", lambda c: sup.post(f"/cases/{c['id']}/assign", {"unit_id": UNIT})),
                ("accept", lambda c: unit.post(f"/cases/{c['id']}/accept", {})),
                ("urge", lambda c: officer.post(f"/cases/{c['id']}/urge", {"note": "请尽快"})),
                ("resolve", lambda c: unit.post(f"/cases/{c['id']}/resolve", {"note": "已清运"})),
                ("close", lambda c: intake.post(f"/cases/{c['id']}/close", {"note": "满意"})),
            ]
            case: dict[str, object] = {}  # the report step (first) fills it
            for name, step in steps:  # warm up: first statements prepare, caches fill
                got = step(case)
                case = got if name == "report" else case
            counts: dict[str, list[int]] = {name: [] for name, _ in steps}
            batched: Counter[str] = Counter()
            shown: list[tuple[str, str]] = []
            log = Log(cluster.log)
            for _ in range(n):
                for name, step in steps:
                    log.take()
                    got = step(case)
                    if name == "report":
                        case = got
                    lines = log.take()
                    counts[name].append(len(lines))
                    batched[name] += _pipelined(lines)
                    if name == show and not shown:
                        shown = lines
        finally:
            hub.stop()
    print(f"PostgreSQL statements per command (server log, {n} calls each; a report is "
          f"numbered in {posts} posts' feeds)")
    print(f"{'command':>8} | {'statements':>10} {'min':>4} {'max':>4} | pipelined in a batch")
    for name, values in counts.items():
        print(f"{name:>8} | {sum(values) / len(values):>10.1f} {min(values):>4} "
              f"{max(values):>4} | {batched[name] / n:.1f}")
    if shown:
        print(f"\none {show}:")
        for kind, sql in shown:
            print(f"  {kind:>9}: {sql[:150]}")


def _pipelined(lines: list[tuple[str, str]]) -> int:
    """Statements after the first of a run of identical prepared ``execute``s: what an
    ``executemany`` sends in one pipeline (one round trip for the run)."""
    extra = 0
    for prev, cur in zip(lines, lines[1:], strict=False):
        if cur[0] == "execute" and cur == prev and cur[1].startswith("INSERT"):
            extra += 1
    return extra


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=20)
    p.add_argument("--show", default=None, help="print one call's statements (a command)")
    args = p.parse_args()
    run(args.n, args.show)


if __name__ == "__main__":
    main()
