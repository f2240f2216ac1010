"""The closed loop in the offline review and the handover report: a live Feed mirrors a
real 1.1 hub into a shift cache while the loop is played; the case story then shows the
stage clocks, late steps, callbacks and merges, and the report counts callbacks, reworks,
merges, decisions and pending requests — each checked against what the test did."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest

from client.api import HubClient
from client.feed import Feed
from client.review import open_review
from client.review_report import build_report
from client.shifts import ShiftSchedule
from client.state import State
from client.timeutil import DEFAULT_ZONE, format_time, parse_time, zone
from hub.seed import DEMO_PASSWORD, SeedSizes
from hub.server import start_embedded
from tests.client.conftest import pump_until

GA = "U532301-GA"


def login(url: str, user: str) -> HubClient:
    c = HubClient(url)
    c.login(user, DEMO_PASSWORD)
    return c


def test_story_and_report_show_the_loop(tmp_path: Path) -> None:
    hub = start_embedded(sizes=SeedSizes(2, 1, 1, 1), heartbeat_s=0.5)
    try:
        sup = login(hub.url, "supervisor-532300")
        unit = login(hub.url, f"unit-{GA}")
        start = datetime.fromtimestamp(time.time() - 3600, zone(DEFAULT_ZONE)).strftime("%H:%M")
        feed = Feed(sup, tmp_path / "cache", schedule=ShiftSchedule((start,)),
                    backoff_initial=0.05)
        state = State()
        feed.start()
        try:
            def case() -> dict:
                c = sup.report({"title": "闭环复盘", "description": "d", "category": "环境卫生",
                                "subcategory": "垃圾清运不及时", "priority": "normal",
                                "source": "hotline", "region_id": "53230110120101",
                                "address": "鹿城南路 1 号", "lat": 25.03, "lon": 101.54})
                return sup.assign(c["id"], GA)

            a, b, c, d, e = (case() for _ in range(5))
            for x in (a, b):
                unit.accept(x["id"])
                unit.resolve(x["id"])
            sup.callback(a["id"], solved=True, satisfaction="satisfied")
            sup.callback(b["id"], solved=False, satisfaction="dissatisfied", note="仍有异味")
            sup.merge(c["id"], d["id"], note="重复")
            unit.extend(d["id"], format_time(parse_time(d["due_at"]) + 86400), "等待配件")
            sup.decide(d["id"], True, note="同意")
            unit.return_case(e["id"], note="非本单位职责")  # stays pending
            latest = sup.events(0, 1)["seq"]
            pump_until(feed, state, lambda: state.seq >= latest)
        finally:
            feed.stop()
        files = sorted((tmp_path / "cache").rglob("*.sqlite*"))
        path = next(p for p in files if p.suffix in (".sqlite", ".sqlite3"))
        review = open_review(path)
        report = build_report(review)
        assert [(x["case_id"], x["action"], x["satisfaction"], x["solved"])
                for x in report.callbacks] == [(a["id"], "callback", "satisfied", True),
                                               (b["id"], "rework", "dissatisfied", False)]
        assert [x["case_id"] for x in report.reworks] == [b["id"]]
        assert [(m["case_id"], m["into"]) for m in report.merges] == [(c["id"], d["id"])]
        assert [(x["case_id"], x["approve"], x["kind"], x["reason"])
                for x in report.decisions] == [(d["id"], True, "extension", "等待配件")]
        assert [p["id"] for p in report.pending] == [e["id"]]
        assert report.late_signs == 0
        assert {a["id"], c["id"]} <= {cid for cid, x in report.cases.items()
                                      if x["status"] == "closed"}

        story = review.story(b["id"])
        kinds = [s.kind for s in story.steps]
        assert kinds[:2] == ["created", "dispatch"] and kinds[-1] == "rework"
        dispatch = story.steps[1]
        assert dispatch.stage == "sign" and dispatch.stage_due is not None
        resolve = next(s for s in story.steps if s.kind == "resolve")
        assert resolve.stage == "callback" and not resolve.stage_late
        rework = story.steps[-1]
        assert rework.loop == {"satisfaction": "dissatisfied", "solved": False}
        assert rework.stage == "sign"  # back to the unit: it must sign again
        merge = review.story(c["id"]).steps[-1]
        assert merge.kind == "merge" and merge.loop == {"merged_into": d["id"]}
        from console.review.report import write_pdf
        from widgets.qt import QApplication

        QApplication.instance() or QApplication([])
        pdf = Path(__import__("os").environ.get("LOOP_REPORT_PDF") or tmp_path / "r.pdf")
        assert write_pdf(report, pdf) >= 2 and pdf.read_bytes()[:5] == b"%PDF-"
    finally:
        hub.stop()


def test_a_demo_hub_publishes_the_limits_it_really_uses() -> None:
    """With SLAs compressed 60× the hub counts every limit in wall-clock minutes; its
    categories say so, so the console's countdowns match its deadlines."""
    from client.stages import StagePolicy

    hub = start_embedded(sizes=SeedSizes(2, 1, 1, 1), sla_scale=1 / 60)
    try:
        sup = login(hub.url, "supervisor-532300")
        cats = sup.categories()
        lim = cats[0]["subcategories"][0]["limits"]
        assert lim["working_time"] is False
        c = sup.report({"title": "演示", "description": "d", "category": "环境卫生",
                        "subcategory": "垃圾清运不及时", "priority": "normal",
                        "source": "hotline", "region_id": "53230110120101",
                        "address": "鹿城南路 1 号", "lat": 25.03, "lon": 101.54})
        c = sup.assign(c["id"], GA)
        clock = StagePolicy.from_categories(cats).nearest(c)
        assert clock.stage == "sign" and not clock.working
        assert clock.due - parse_time(c["updated_at"]) == pytest.approx(
            clock.limit_s, abs=2)
    finally:
        hub.stop()
