"""The docs' pictures of the loop: the inbox, the assessment board, a case with its three
clocks and the first page of the monthly report, from a real hub with a played month.
Written to tmp_path; COMMANDPOST_DOCS_DIR=docs refreshes docs/loop-*.png."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from client.assessment import Weights
from client.timeutil import format_time, parse_time
from console.loop.assess_cli import build_report
from console.loop.report import render_monthly_first_page
from tests.loop.conftest import SUPERVISOR, Player

UNITS = ["U532301-GA", "U532301-CG", "U532301-JT", "U532301-MZ", "U532301-SJ",
         "U532301-ST", "U532301-XF"]


def _play(hub_url: str) -> list[str]:
    sup = Player(hub_url, SUPERVISOR)
    made = []
    titles = ["鹿城南路路灯不亮", "永安路井盖缺失", "小区垃圾清运不及时", "农贸市场占道经营",
              "夜间施工噪音扰民", "自来水管破裂", "公交站牌损坏"]
    for i, uid in enumerate(UNITS):
        unit = Player(hub_url, f"unit-{uid}")
        for k in range(3):
            c = sup.report(f"{titles[(i + k) % len(titles)]}（{k + 1}）")
            sup.post(f"/cases/{c['id']}/assign", {"unit_id": uid, "note": "请尽快处理"})
            if (i + k) % 5 == 4:
                made.append(c["id"])
                continue  # not signed yet: the sign clock runs
            unit.post(f"/cases/{c['id']}/accept")
            unit.post(f"/cases/{c['id']}/resolve", {"note": "已处理"})
            sat = ["satisfied", "basically_satisfied", "dissatisfied", "satisfied",
                   "unreachable"][(i * 2 + k) % 5 if i < 5 else k % 2]
            sup.post(f"/cases/{c['id']}/callback",
                     {"solved": sat != "dissatisfied", "satisfaction": sat})
        if i < 3:
            c = sup.report(f"{titles[i]}（申请）")
            sup.post(f"/cases/{c['id']}/assign", {"unit_id": uid})
            unit.post(f"/cases/{c['id']}/accept")
            if i == 1:
                unit.post(f"/cases/{c['id']}/return", {"note": "该路段属开发区管辖，非本单位职责"})
            else:
                unit.post(f"/cases/{c['id']}/extend", {
                    "until": format_time(parse_time(c["due_at"]) + 2 * 86400),
                    "reason": "需要采购配件，预计三天到货"})
        if i in (3, 4):
            c = sup.report(f"{titles[i]}（待回访）")
            sup.post(f"/cases/{c['id']}/assign", {"unit_id": uid})
            unit.post(f"/cases/{c['id']}/accept")
            unit.post(f"/cases/{c['id']}/resolve")
    return made


def test_docs_pictures(qtbot, launch, hub, tmp_path: Path) -> None:
    docs = Path(os.environ.get("COMMANDPOST_DOCS_DIR") or tmp_path / "docs")
    docs.mkdir(parents=True, exist_ok=True)
    unsigned = _play(hub.url)
    from console import i18n
    from widgets.common import clear_label_cache
    from widgets.qt import QApplication

    translators = i18n.install(QApplication.instance(), "zh_CN")  # as main.py does
    clear_label_cache()
    try:
        _pictures(qtbot, launch, hub, docs, unsigned)
    finally:
        i18n.remove(QApplication.instance(), translators)
        clear_label_cache()


def _pictures(qtbot, launch, hub, docs: Path, unsigned: list[str]) -> None:  # noqa: ANN001
    launcher = launch(hub.url, "--user", SUPERVISOR, "--lang", "zh_CN")
    console = launcher.console
    window = console.window
    qtbot.waitUntil(lambda: console.session.loop.supported is True, timeout=10000)
    inbox = window.panes["inbox"]
    qtbot.waitUntil(lambda: len(inbox.request_ids()) == 3, timeout=10000)

    def shot(key: str, name: str, size: tuple[int, int]) -> Path:
        dock = window.docks[key]
        dock.setFloating(True)
        dock.resize(*size)
        dock.show()
        dock.raise_()
        qtbot.wait(300)
        path = docs / name
        assert dock.grab().save(str(path), "PNG")
        return path

    inbox.requests.selectRow(0)
    shot("inbox", "loop-inbox.png", (1100, 360))
    board = window.panes["assessment"]
    board.refresh()
    qtbot.waitUntil(lambda: board.board is not None and bool(board.board.scores), timeout=10000)
    shot("assessment", "loop-board.png", (1500, 760))
    console.session.select_case(unsigned[0])
    detail = window.panes["detail"]
    qtbot.waitUntil(lambda: detail.stage_clocks.case is not None, timeout=15000)
    shot("detail", "loop-case-clocks.png", (720, 720))

    api = console.session.api
    report = build_report(api, datetime.now(console.session.zone).strftime("%Y-%m"), "unit",
                          Weights())
    img = render_monthly_first_page(report, dpi=110)
    assert img.save(str(docs / "loop-report-page1.png"), "PNG")
    _wall_pictures(qtbot, console, docs)


def _wall_pictures(qtbot, console, docs: Path) -> None:  # noqa: ANN001
    """The wall's ranking page and its KPI page (with the requests to decide), 1920×1080."""
    import time

    from console.wall import WallConfig, open_wall
    from console.wall.config import ScreenPlan, Slot

    plan = ScreenPlan((Slot("rank", 30.0), Slot("kpi", 30.0)))
    cfg = WallConfig(screens=(plan,), burn_in_px=0, takeover_critical=False,
                     takeover_overdue=False)
    wall = open_wall(console.session, screens=1, config=cfg, sizes=[(1920, 1080)],
                     clock=time.time)
    try:
        w = wall.windows[0]
        w.show_page("rank", 0, time.time())
        rank = w.pages["rank"]
        qtbot.waitUntil(lambda: rank.board is not None, timeout=10000)
        w.show_page("rank", 0, time.time())
        qtbot.wait(200)
        assert w.grab().save(str(docs / "loop-wall-rank-1080p.png"), "PNG")
        w.show_page("kpi", 1, time.time())
        qtbot.wait(200)
        assert w.grab().save(str(docs / "loop-wall-kpi-1080p.png"), "PNG")
    finally:
        wall.close()
