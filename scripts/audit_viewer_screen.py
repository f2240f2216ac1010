"""The auditor's window over a small hub's audit log, saved as a picture (docs/).

    QT_QPA_PLATFORM=offscreen python scripts/audit_viewer_screen.py OUT.png [--lang en]

Starts an embedded reference hub (a temporary SQLite file), writes the entries a shift
meets — a wrong password, logins, a dispatch, a stale-version conflict, a role refusal, a
report refused for its category and one for its fields, a command with an unknown token —
then opens the auditor's window (``console.audit_viewer``) as ``main.py`` would and paints it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from client.api import HubClient  # noqa: E402
from console import i18n  # noqa: E402
from console.app import CJK_FAMILIES  # noqa: E402
from console.audit_viewer import AuditViewer  # noqa: E402
from console.jobs import Jobs  # noqa: E402
from hub.seed import DEMO_PASSWORD, SeedSizes  # noqa: E402
from hub.server import start_embedded  # noqa: E402
from widgets.qt import QApplication, QFont, QtWidgets  # noqa: E402

GRID = "53230110120101"


def write_entries(url: str) -> None:
    """The entries of a short shift, accepted and refused."""
    api = url + "/api/v1"

    def login(user: str, password: str = DEMO_PASSWORD) -> requests.Session:
        http = requests.Session()
        r = http.post(api + "/session", json={"username": user, "password": password},
                      timeout=10)
        if r.ok:
            http.headers["Authorization"] = f"Bearer {r.json()['token']}"
        return http

    login("supervisor-532301", "wrong")
    boss, intake = login("supervisor-532301"), login("intake-532301")
    body = {"title": "垃圾桶满溢", "description": "鹿城南路垃圾桶满溢", "category": "环境卫生",
            "subcategory": "垃圾清运不及时", "priority": "urgent", "source": "hotline",
            "region_id": GRID, "address": "鹿城南路 1 号", "lat": 25.03, "lon": 101.54}
    case = intake.post(api + "/cases", json=body, timeout=10).json()
    intake.post(api + "/cases", json=body | {"subcategory": "井盖缺失"}, timeout=10)
    intake.post(api + "/cases", json=body | {"title": ""}, timeout=10)
    assign = api + f"/cases/{case['id']}/assign"
    boss.post(assign, json={"unit_id": "U532301-GA", "expected_version": case["version"]},
              timeout=10)
    boss.post(assign, json={"unit_id": "U532301-GA", "expected_version": case["version"]},
              timeout=10)
    intake.post(assign, json={"unit_id": "U532301-GA"}, timeout=10)
    requests.post(assign, json={"unit_id": "U532301-GA"}, timeout=10,
                  headers={"Authorization": "Bearer stale"})


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("out", type=Path)
    p.add_argument("--lang", default="zh_CN")
    args = p.parse_args()
    app = QApplication(sys.argv[:1])
    keep = i18n.install(app, args.lang)  # noqa: F841 - translators stay installed
    app.setStyle(QtWidgets.QStyleFactory.create("Fusion"))
    font = QFont(app.font())
    font.setFamilies(CJK_FAMILIES + [app.font().family()])
    font.setPointSizeF(10.5)
    app.setFont(font)
    folder = Path(tempfile.mkdtemp())
    hub = start_embedded(f"sqlite:///{folder / 'hub.db'}", sizes=SeedSizes(2, 1, 1, 1))
    try:
        write_entries(hub.url)
        api = HubClient(hub.url)
        api.login("auditor-532300", DEMO_PASSWORD)
        viewer = AuditViewer(api, Jobs())
        viewer.show()
        viewer.load()
        for _ in range(200):
            app.processEvents()
            if len(viewer.entries) >= 10:
                break
            time.sleep(0.02)
        viewer.table.resizeColumnsToContents()  # a QTableView over the entries' model
        app.processEvents()
        viewer.grab().save(str(args.out))
        viewer.close()
    finally:
        hub.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
