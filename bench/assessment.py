"""Assessment benchmark: GET /assessment over a month of a 15,000-case-a-day post.

A real hub on PostgreSQL (the demo jurisdiction: 10 counties, 140 units) gets a month of
the closed loop written straight into its tables with COPY: 450,000 cases and their
~2 million ``loop_marks`` and their daily ``loop_tally`` (dispatches, reassignments, signs — 92 % on time —, resolves —
88 % on time —, callbacks with their answers and reworks, return requests and approvals,
extensions, urges, whistle summons and check-ins), plus the cases still open at the end.
Then the prefecture's supervisor asks the hub over HTTP for the month, by unit and by
region, a few times each.

Side by side in the same run, the floor: the bare ``SELECT count(*)`` of the month's marks
(one pass over the same rows without any counting rule). The figures are the median
answer times and their ratio to the floor. Target: each answer under 2 s.

Run: ``python bench/assessment.py --pg postgresql+psycopg://…`` (or with
COMMANDPOST_TEST_PG_URL set). The bench uses, and first empties, the schema
``bench_assessment`` of that database.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from hub.assessment import AssessmentJSON  # noqa: E402
from hub.seed import DEMO_PASSWORD, SeedSizes  # noqa: E402
from hub.server import start_embedded  # noqa: E402
from hub.timeutil import to_rfc3339  # noqa: E402

SCHEMA = "bench_assessment"
MONTH_START = datetime(2026, 10, 1, tzinfo=UTC) - timedelta(hours=8)  # 1 Oct, Shanghai
ANSWERS = (("satisfied", True, 72), ("basically_satisfied", True, 14),
           ("dissatisfied", True, 5), ("satisfied", False, 3), ("unreachable", None, 6))


def schema_url(base: str) -> str:
    """Recreate the bench schema; a URL whose connections use it."""
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{SCHEMA}"'))
    engine.dispose()
    url = make_url(base).update_query_dict({"options": f"-csearch_path={SCHEMA}"})
    return url.render_as_string(hide_password=False)


def generate(url: str, per_day: int, days: int, seed: int) -> tuple[int, int]:
    """COPY ``per_day × days`` cases and their marks into the hub's tables."""
    rng = random.Random(seed)
    engine = create_engine(url)
    with engine.connect() as conn:
        grids = conn.execute(text("SELECT id, path FROM regions WHERE level = 'grid'")).all()
        units = conn.execute(text(
            "SELECT u.id, r.path, u.kind FROM units u JOIN regions r ON r.id = u.region_id")
        ).all()
    # the units that may hold a case of a grid: those whose region encloses it
    handlers = {gid: [u for u, upath, kind in units if path.startswith(upath)
                      and kind != "grid_team"] for gid, path in grids}
    raw, raw_marks = engine.raw_connection(), engine.raw_connection()  # one COPY each
    n_cases = n_marks = 0
    end = MONTH_START + timedelta(days=days)
    try:
        cur, cur_marks = raw.cursor(), raw_marks.cursor()
        with cur.copy("COPY cases (id, version, title, description, category, subcategory, "
                      "priority, source, status, unit_id, region_id, region_path, address, "
                      "reported_at, due_at, updated_at, closed_at, sign_due, urges, returns, "
                      "extensions, reworks) FROM STDIN") as cases, \
             cur_marks.copy("COPY loop_marks (ts, kind, unit_id, case_id, case_path, on_time, "
                      "result, solved, rework) FROM STDIN") as marks:
            for n in range(per_day * days):
                gid, path = rng.choice(grids)
                unit = rng.choice(handlers[gid])
                t0 = MONTH_START + timedelta(seconds=rng.uniform(0, days * 86400))
                cid = f"CX-B-{n:07d}"

                def mark(kind: str, at: datetime, who: str, on_time: bool | None = None,
                         result: str | None = None, solved: bool | None = None,
                         rework: bool | None = None, cid: str = cid, path: str = path
                         ) -> None:
                    nonlocal n_marks
                    marks.write_row((at, kind, who, cid, path, on_time, result, solved,
                                     rework))
                    n_marks += 1

                t = t0 + timedelta(minutes=rng.uniform(2, 30))
                mark("dispatch", t, unit)
                if rng.random() < 0.05:
                    t += timedelta(minutes=rng.uniform(5, 60))
                    unit = rng.choice(handlers[gid])
                    mark("reassign", t, unit)
                sign_due = t + timedelta(hours=2)
                due = t0 + timedelta(hours=rng.choice((24, 48, 72, 120)))
                counts = {"urges": 0, "returns": 0, "extensions": 0, "reworks": 0}
                if rng.random() < 0.03:
                    mark("request_return", t + timedelta(minutes=20), unit)
                    if rng.random() < 0.6:
                        mark("approve_return", t + timedelta(minutes=50), unit)
                        counts["returns"] += 1
                        unit = rng.choice(handlers[gid])
                        t += timedelta(hours=1)
                        mark("dispatch", t, unit)
                        sign_due = t + timedelta(hours=2)
                late_sign = rng.random() < 0.08
                t += timedelta(minutes=rng.uniform(130, 400) if late_sign
                               else rng.uniform(2, 110))
                mark("accept", t, unit, on_time=t <= sign_due)
                if rng.random() < 0.1:
                    mark("urge", t + timedelta(hours=3), unit)
                    counts["urges"] += 1
                if rng.random() < 0.02:
                    for who in rng.sample(handlers[gid], min(3, len(handlers[gid]))):
                        mark("summon", t + timedelta(minutes=10), who)
                        if rng.random() < 0.85:
                            mark("checkin", t + timedelta(minutes=30), who,
                                 on_time=rng.random() < 0.9)
                if rng.random() < 0.03:
                    due += timedelta(days=3)
                    mark("approve_extension", t + timedelta(hours=5), unit)
                    counts["extensions"] += 1
                status, closed = "accepted", None
                span = (due - t0).total_seconds()
                resolved_at = t0 + timedelta(seconds=span * (rng.uniform(1.05, 1.5)
                                                             if rng.random() < 0.12
                                                             else rng.uniform(0.2, 0.95)))
                if resolved_at < end:
                    mark("resolve", resolved_at, unit, on_time=resolved_at <= due)
                    status = "resolved"
                    called = resolved_at + timedelta(hours=rng.uniform(2, 40))
                    if called < end and rng.random() < 0.95:
                        result, solved, _ = rng.choices(ANSWERS,
                                                        weights=[a[2] for a in ANSWERS])[0]
                        rework = result == "dissatisfied" or solved is False
                        mark("callback", called, unit, result=result, solved=solved,
                             rework=rework)
                        if rework:
                            counts["reworks"] += 1
                            status = "dispatched"
                        else:
                            status, closed = "closed", called
                last = max(t, resolved_at if status != "accepted" else t,
                           closed or t)  # the case's last change
                cases.write_row((cid, 5, "路边垃圾堆积", "", "环境卫生", "垃圾清运不及时",
                                 "normal", "app", status, unit, gid, path, "", t0, due, last,
                                 closed, sign_due, counts["urges"], counts["returns"],
                                 counts["extensions"], counts["reworks"]))
                n_cases += 1
        raw.commit()
        raw_marks.commit()
    finally:
        raw.close()
        raw_marks.close()
    with engine.connect() as conn:  # the daily tally the hub keeps with every mark
        conn.execute(text(_TALLY_FROM_MARKS))
        # a hub appends marks as they happen: on disk in time order, as CLUSTER leaves them
        # (COPY wrote them case by case, which scatters a day over the whole table)
        conn.execute(text("CLUSTER loop_marks USING ix_loop_marks_ts"))
        conn.execute(text("ANALYZE cases"))
        conn.execute(text("ANALYZE loop_marks"))
        conn.execute(text("ANALYZE loop_tally"))
        conn.commit()
    engine.dispose()
    return n_cases, n_marks


# loop_tally from loop_marks, as hub.loop.add_mark builds it mark by mark: per UTC day,
# unit, deepest post holding the case, and the counted attributes as 0/1 ('' no result).
_TALLY_FROM_MARKS = """
INSERT INTO loop_tally (day, unit_id, post_path, kind, on_time, result, solved, rework, n)
SELECT date_trunc('day', m.ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', m.unit_id, p.post_path,
       m.kind, (m.on_time IS TRUE)::int, coalesce(m.result, ''), (m.solved IS TRUE)::int,
       (m.rework IS TRUE)::int, count(*)
FROM loop_marks m
JOIN (SELECT c.case_path, (SELECT max(r.path) FROM posts po JOIN regions r
                            ON r.id = po.region_id
                           WHERE c.case_path LIKE r.path || '%') AS post_path
      FROM (SELECT DISTINCT case_path FROM loop_marks) c) p ON p.case_path = m.case_path
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
"""


def timed(fn: object, rounds: int) -> float:
    """Median seconds of ``rounds`` calls (after one warm-up)."""
    fn()  # type: ignore[operator]
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("COMMANDPOST_TEST_PG_URL"))
    parser.add_argument("--per-day", type=int, default=15_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not args.pg:
        print("give --pg postgresql+psycopg://… (or set COMMANDPOST_TEST_PG_URL)")
        return 2
    url = schema_url(args.pg)
    started = time.perf_counter()
    hub = start_embedded(url, sizes=SeedSizes())
    try:
        seeded = time.perf_counter()
        n_cases, n_marks = generate(url, args.per_day, args.days, seed=14)
        loaded = time.perf_counter()
        print(f"seeded in {seeded - started:.1f} s; COPY of {n_cases:,} cases and "
              f"{n_marks:,} marks in {loaded - seeded:.1f} s")
        base = hub.url + "/api/v1"
        token = requests.post(base + "/session", json={"username": "supervisor-532300",
                                                       "password": DEMO_PASSWORD},
                              timeout=30).json()["token"]
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {token}"
        window = {"from": to_rfc3339(MONTH_START),
                  "to": to_rfc3339(MONTH_START + timedelta(days=args.days))}

        def ask(by: str) -> AssessmentJSON:
            resp = http.get(base + "/assessment", params={**window, "by": by}, timeout=120)
            resp.raise_for_status()
            answer: AssessmentJSON = resp.json()
            return answer

        engine = create_engine(url)

        def floor() -> None:
            with engine.connect() as conn:
                conn.execute(text("SELECT count(*) FROM loop_marks WHERE ts >= :lo AND ts < :hi"),
                             {"lo": MONTH_START, "hi": MONTH_START + timedelta(days=args.days)}
                             ).scalar()

        rows = ask("unit")["rows"]
        total = {k: sum(int(r[k]) for r in rows) for k in ("dispatched", "signed",
                                                           "signed_on_time", "resolved",
                                                           "resolved_on_time", "callbacks")}
        assert total["dispatched"] >= n_cases, total
        t_floor = timed(floor, args.rounds)
        t_unit = timed(lambda: ask("unit"), args.rounds)
        t_region = timed(lambda: ask("region"), args.rounds)
        middle = MONTH_START + timedelta(days=args.days // 2)
        past = {"from": to_rfc3339(MONTH_START), "to": to_rfc3339(middle)}

        def ask_past() -> None:
            resp = http.get(base + "/assessment", params={**past, "by": "unit"}, timeout=120)
            resp.raise_for_status()

        t_past = timed(ask_past, args.rounds)
        engine.dispose()
        print(f"month: {total['dispatched']:,} dispatches, {total['signed_on_time'] / total['signed']:.1%}"
              f" signed on time, {total['resolved_on_time'] / total['resolved']:.1%} resolved "
              f"on time, {total['callbacks']:,} callbacks; {len(rows)} unit rows")
        print(f"floor (bare count of the month's marks): {t_floor * 1000:.0f} ms")
        print(f"GET /assessment by=unit:   {t_unit * 1000:.0f} ms  "
              f"({t_unit / t_floor:.1f}× the floor)  target < 2000 ms: "
              f"{'met' if t_unit < 2 else 'MISSED'}")
        print(f"GET /assessment by=region: {t_region * 1000:.0f} ms  "
              f"({t_region / t_floor:.1f}× the floor)  target < 2000 ms: "
              f"{'met' if t_region < 2 else 'MISSED'}")
        print(f"GET /assessment by=unit, first half (open_overdue at a past moment, cases "
              f"changed since looked up in their marks): {t_past * 1000:.0f} ms  "
              f"target < 2000 ms: {'met' if t_past < 2 else 'MISSED'}")
        return 0 if max(t_unit, t_region, t_past) < 2 else 1
    finally:
        hub.stop()


if __name__ == "__main__":
    sys.exit(main())
