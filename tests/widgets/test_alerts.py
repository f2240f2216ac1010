"""Alerts: follow the clock via State.tick, beep for critical, mute, acknowledge and persist."""

from __future__ import annotations

import pytest

from client.timeutil import parse_time
from widgets.alerts import AlertsPane
from widgets.qt import QSettings


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "alerts.ini"), QSettings.Format.IniFormat)


def make(qtbot, ctx, settings, beeps=None) -> AlertsPane:
    p = AlertsPane(ctx, settings=settings, refresh_ms=0, beeper=(lambda: beeps.append(1)) if beeps is not None
                   else (lambda: None))
    qtbot.addWidget(p)
    return p


def test_case_crossing_due_appears_without_event(qtbot, ctx, world, apply, clock, state,
                                                 settings) -> None:
    beeps: list[int] = []
    p = make(qtbot, ctx, settings, beeps)
    ev = world.created(priority="critical")
    cid = ev["data"]["case"]["id"]
    p.on_changes(apply(ev))
    assert cid not in dict(p.entries())
    due = parse_time(ev["data"]["case"]["due_at"])
    rep = parse_time(ev["data"]["case"]["reported_at"])
    clock.now = rep + 0.85 * (due - rep)
    p.on_changes(state.tick())
    assert dict(p.entries())[cid] == 1
    assert beeps == [1]
    clock.now = due + 1
    p.on_changes(state.tick())
    assert dict(p.entries())[cid] == 2
    assert beeps == [1, 1]
    over, near = len(state.overdue_ids()), len(state.near_due_ids())
    assert p.banner.text().startswith(f"⚠ {over} overdue · ◔ {near} near due")
    # overdue first, most overdue first
    phases = [ph for _, ph in p.entries()]
    assert phases == sorted(phases, reverse=True)


def test_mute_silences_the_cue(qtbot, ctx, world, apply, clock, state, settings) -> None:
    beeps: list[int] = []
    p = make(qtbot, ctx, settings, beeps)
    p.mute_button.click()
    assert p.muted and "Sound off" in p.mute_button.text()
    crit = world.created(priority="critical")
    apply(crit)
    clock.now = parse_time(crit["data"]["case"]["due_at"]) + 1
    p.on_changes(state.tick())
    assert crit["data"]["case"]["id"] in dict(p.entries())
    assert beeps == []
    # the choice is remembered
    assert make(qtbot, ctx, settings).muted


def test_acknowledge_dims_stays_and_persists(qtbot, ctx, state, settings) -> None:
    p = make(qtbot, ctx, settings)
    cid, phase = p.entries()[0]
    p.on_selection(cid)
    p.ack_button.click()
    assert p.is_acknowledged(cid, phase)
    assert cid in dict(p.entries())  # stays listed
    text = p.model.index(0).data()
    assert text.startswith("✓ acknowledged")
    assert "(1 acknowledged)" in p.banner.text()
    # another pane for the same user (a restart) sees it; another user does not
    again = make(qtbot, ctx, settings)
    assert again.is_acknowledged(cid, phase)
    other = AlertsPane(ctx, settings=settings, user_key="someone-else", beeper=lambda: None,
                       refresh_ms=0)
    qtbot.addWidget(other)
    assert not other.is_acknowledged(cid, phase)


def test_read_only_cannot_acknowledge(qtbot, state, world, settings) -> None:
    from tests.widgets.conftest import FakeContext

    p = make(qtbot, FakeContext(state, world, role="wall", read_only=True), settings)
    assert p.ack_button.isHidden()
    cid, phase = p.entries()[0]
    p.acknowledge([cid])
    assert not p.is_acknowledged(cid, phase)


def test_refresh_is_throttled(qtbot, ctx, world, apply, clock, state, settings) -> None:
    p = AlertsPane(ctx, settings=settings, beeper=lambda: None, refresh_ms=50)
    qtbot.addWidget(p)
    crit = world.created(priority="critical")
    apply(crit)
    clock.now = parse_time(crit["data"]["case"]["due_at"]) + 1
    p.on_changes(state.tick())
    cid = crit["data"]["case"]["id"]
    assert cid not in dict(p.entries())
    qtbot.waitUntil(lambda: cid in dict(p.entries()), timeout=1000)


def test_acknowledgements_are_keyed_by_the_context_user_id(qtbot, state, world, settings) -> None:
    """Without an explicit user_key the pane persists under ``ctx.user_id`` (PaneContext):
    the same user sees the acknowledgement again, another user does not."""
    from tests.widgets.conftest import FakeContext

    first = FakeContext(state, world)
    first.user_id = "u-alice"
    p = make(qtbot, first, settings)
    cid, phase = p.entries()[0]
    p.acknowledge([cid])
    assert p.is_acknowledged(cid, phase)
    assert settings.value("alerts/acknowledged/u-alice", [], type=list) == [f"{cid}#{phase}"]
    same = FakeContext(state, world)
    same.user_id = "u-alice"
    assert make(qtbot, same, settings).is_acknowledged(cid, phase)
    other = FakeContext(state, world)
    other.user_id = "u-bob"
    assert not make(qtbot, other, settings).is_acknowledged(cid, phase)
