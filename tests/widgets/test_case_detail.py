"""Case detail: plain fields, history fetched per selection, errors in words, urge by role."""

from __future__ import annotations

from testkit.pane_context import FakeContext
from widgets.case_detail import CaseDetailPane


def test_shows_fields_and_history(qtbot, ctx, world) -> None:
    p = CaseDetailPane(ctx)
    qtbot.addWidget(p)
    cid = next(c for c, v in ctx.state.cases.items() if v["unit_id"])
    case = ctx.state.cases[cid]
    p.on_selection(cid)
    assert p.fields["id"].text() == cid
    assert p.fields["address"].text() == case["address"]
    assert p.fields["location"].text() == f"{case['lat']:.5f}, {case['lon']:.5f}"
    assert p.fields["reported_at"].text().startswith("2026-11-1")
    assert ("case_history", cid) in ctx.api.calls
    hist = p.history_lines()
    assert len(hist) == 2 and "dispatched" in hist[1] and "<b>速办</b>" in hist[1]


def test_loading_then_stale_answers_dropped(qtbot, ctx) -> None:
    ctx.defer = True
    p = CaseDetailPane(ctx)
    qtbot.addWidget(p)
    a, b = list(ctx.state.cases)[:2]
    p.on_selection(a)
    assert p.history_lines() == ["Loading history…"]
    p.on_selection(b)
    first, second = ctx.deferred
    first()  # late answer for the old selection
    assert p.history_lines() == ["Loading history…"]
    second()
    assert len(p.history_lines()) == 2


def test_history_error_in_words(qtbot, ctx) -> None:
    ctx.api.history_error = ConnectionError("hub unreachable")
    p = CaseDetailPane(ctx)
    qtbot.addWidget(p)
    p.on_selection(next(iter(ctx.state.cases)))
    assert p.history_lines() == ["Could not load the history: hub unreachable"]


def test_urge_by_role(qtbot, state, world) -> None:
    cid = next(c for c, v in state.cases.items() if v["unit_id"] and v["status"] != "closed")
    officer = FakeContext(state, world, role="officer")
    p = CaseDetailPane(officer)
    qtbot.addWidget(p)
    p.on_selection(cid)
    assert not p.urge_button.isHidden()
    p.urge()
    assert ("urge", cid, "") in officer.api.calls
    wall = FakeContext(state, world, role="wall", read_only=True)
    w = CaseDetailPane(wall)
    qtbot.addWidget(w)
    w.on_selection(cid)
    assert w.urge_button.isHidden()
    w.urge()
    assert not [c for c in wall.api.calls if c[0] == "urge"]


def test_follows_changes_and_removal(qtbot, ctx, world, apply) -> None:
    p = CaseDetailPane(ctx)
    qtbot.addWidget(p)
    cid = next(c for c, v in ctx.state.cases.items() if v["status"] == "reported")
    p.on_selection(cid)
    p.on_changes(apply(world.dispatch(cid, world.units[2]["id"])))
    assert p.fields["unit"].text() == world.units[2]["name"]
    assert p.fields["version"].text() == "2"
    p.on_selection(None)
    assert "No case selected" in p.message.text()


def test_history_follows_urges_live(qtbot, ctx, world, apply) -> None:
    """An urge on the shown case (no new version) reloads its history at once; an urge on
    another case does not."""
    p = CaseDetailPane(ctx)
    qtbot.addWidget(p)
    held = [c for c, v in ctx.state.cases.items() if v["unit_id"]]
    cid, other = held[0], held[1]
    p.on_selection(cid)
    before = ctx.api.calls.count(("case_history", cid))
    p.on_changes(apply(world.urged(other)))
    assert ctx.api.calls.count(("case_history", cid)) == before
    p.on_changes(apply(world.urged(cid)))
    assert ctx.api.calls.count(("case_history", cid)) == before + 1
