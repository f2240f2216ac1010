"""Protocol 1.1 on the wall: the ranking page and the KPI page's requests to decide."""

from __future__ import annotations

from client.errors import NotFoundError
from client.state import State
from client.timeutil import format_time
from console.loop.wall_rank import RankPage
from console.wall.model import WallStats
from console.wall.pages.kpi import KpiPage
from console.wall.pages.registry import PAGE_TYPES
from testkit.clock import Clock
from testkit.wall_context import WallCtx

T = 1_795_000_000.0


def _row(uid: str, signed: int) -> dict:
    return {"unit_id": uid, "dispatched": 10, "signed_on_time": signed, "callbacks": 4,
            "solved": 4, "satisfied": 4}


def _state() -> State:
    st = State(clock=Clock(T))
    cases = []
    for i, kind in enumerate(("return", "extension", "extension")):
        cases.append({"id": f"C{i}", "version": 1, "region_id": "R", "status": "accepted",
                      "unit_id": "U1", "reported_at": format_time(T - 3600),
                      "due_at": format_time(T + 3600),
                      "pending": {"kind": kind, "by": "U1", "at": format_time(T - 60 * i),
                                  "reason": "x", "until": None}})
    st.load_snapshot({"seq": 1, "server_time": format_time(T), "post": {"id": "P"},
                      "regions": [], "units": [{"id": "U1", "name": "公安局"},
                                               {"id": "U2", "name": "城管局"}],
                      "cases": cases, "calls": [], "whistles": []})
    return st


class FetchCtx(WallCtx):
    def __init__(self, state: State, answer: object) -> None:
        super().__init__(state)
        self.answer = answer

    def fetch(self, fn, on_ok, on_error=None) -> None:  # noqa: ANN001
        class Api:
            def assessment(_self, a, b, by):  # noqa: ANN001, N805
                if isinstance(self.answer, Exception):
                    raise self.answer
                return self.answer

        try:
            result = fn(Api())
        except Exception as exc:
            on_error(exc)
            return
        on_ok(result)


def test_rank_page_ranks_and_flags_units_under_the_red_line(qtbot):
    st = _state()
    ctx = FetchCtx(st, {"rows": [_row("U2", 4), _row("U1", 10)]})
    page = RankPage(ctx, WallStats(st))
    qtbot.addWidget(page)
    page.resize(1600, 800)
    page.show()
    qtbot.waitExposed(page)
    page.maybe_refresh(T, force=True)
    assert [s.key for s in page.board.scores] == ["U1", "U2"]
    header, first, second = page.list.rows
    assert header[1][1] == "muted"
    assert first[1][0] == "公安局" and first[2][0] == "100.0" and first[-1][0] == ""
    # U2: 100 × (30 × 0.4 + 35 × 1 + 35 × 1) / 100 = 82 < 85: flagged
    assert second[2][0] == "82.0" and second[1][1] == "danger" and second[-1][0]
    assert "rank" in PAGE_TYPES


def test_rank_page_says_a_10_hub_has_no_assessment(qtbot):
    st = _state()
    page = RankPage(FetchCtx(st, NotFoundError("no route")), WallStats(st))
    qtbot.addWidget(page)
    page.maybe_refresh(T, force=True)
    assert page.unsupported and page.list.rows == []
    assert page.list.empty_text


def test_kpi_page_counts_the_requests_to_decide(qtbot):
    st = _state()
    page = KpiPage(WallCtx(st), WallStats(st))
    qtbot.addWidget(page)
    page.maybe_refresh(T, force=True)
    assert page.tiles["pending"].value.text() == "3"


def test_kpi_requests_follow_the_feed(qtbot):
    st = _state()
    page = KpiPage(WallCtx(st), WallStats(st))
    qtbot.addWidget(page)
    case = dict(st.cases["C0"], version=2, pending=None)
    page.mark(st.apply_events([{"seq": 2, "ts": format_time(T), "type": "case.updated",
                                "data": {"action": "deny", "case": case}}]))
    page.maybe_refresh(T + 5, force=True)
    assert page.tiles["pending"].value.text() == "2"
    assert "0" in page.tiles["pending"].sub.text()  # no return request left
