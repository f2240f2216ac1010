"""Assessment scoring (client.assessment): rates, composite, ranking, red line, lists."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from client.assessment import (
    Weights,
    composite,
    month_bounds,
    period_bounds,
    rates_of,
    score_rows,
)
from client.timeutil import zone

TZ = zone("Asia/Shanghai")


def row(uid: str, **kw) -> dict:
    r = {"unit_id": uid, "dispatched": 0, "signed": 0, "signed_on_time": 0, "resolved": 0,
         "resolved_on_time": 0, "callbacks": 0, "solved": 0, "satisfied": 0,
         "basically_satisfied": 0, "dissatisfied": 0, "unreachable": 0, "reworks": 0,
         "returns_requested": 0, "returns_approved": 0, "extensions": 0, "urges": 0,
         "whistle_summons": 0, "whistle_checked_in": 0, "open_overdue": 0}
    r.update(kw)
    return r


def test_rates_follow_the_written_formulas():
    r = row("U1", dispatched=20, signed_on_time=18, resolved=10, resolved_on_time=9,
            callbacks=10, unreachable=2, solved=6, satisfied=5, basically_satisfied=1,
            dissatisfied=2, reworks=1, returns_requested=2, whistle_summons=4,
            whistle_checked_in=3)
    rates = rates_of(r)
    assert rates["sign"] == pytest.approx(18 / 20)
    assert rates["on_time"] == pytest.approx(9 / 10)
    assert rates["solve"] == pytest.approx(6 / 8)
    assert rates["satisfy"] == pytest.approx(6 / 8)
    assert rates["rework"] == pytest.approx(1 / 10)
    assert rates["returns"] == pytest.approx(2 / 20)
    assert rates["checkin"] == pytest.approx(3 / 4)
    assert composite(rates, Weights()) == pytest.approx(100 * (0.3 * 0.9 + 0.35 * 0.75 + 0.35 * 0.75))
    assert composite(rates, Weights(1, 0, 0)) == pytest.approx(90.0)


def test_rates_without_data_are_none_and_weights_rescale():
    rates = rates_of(row("U", dispatched=10, signed_on_time=8))
    assert rates["solve"] is None and rates["satisfy"] is None and rates["on_time"] is None
    assert composite(rates, Weights()) == pytest.approx(80.0)
    assert composite(rates_of(row("U")), Weights()) is None
    # junk counts are read as 0, never an error
    assert rates_of({"unit_id": "U", "dispatched": "x", "signed_on_time": True})["sign"] is None


def test_ranking_red_line_and_lists():
    rows = [row(f"U{i}", dispatched=10, signed_on_time=10 - i) for i in range(8)]
    rows.append(row("U-idle"))  # nothing to score
    rows.append({"junk": 1})
    board = score_rows(rows, Weights(red_line=85))
    ranked = [s for s in board.scores if s.rank]
    assert [s.key for s in ranked] == [f"U{i}" for i in range(8)]
    assert [s.rank for s in ranked] == list(range(1, 9))
    assert board.scores[-1].key == "U-idle" and board.scores[-1].rank is None
    assert [s.key for s in board.flagged] == ["U2", "U3", "U4", "U5", "U6", "U7"]
    assert [s.key for s in board.red_list] == ["U0", "U1", "U2", "U3", "U4"]
    assert [s.key for s in board.black_list] == ["U7", "U6", "U5"]  # worst first, no overlap
    assert board.totals().counts["dispatched"] == 80


def test_ties_rank_by_cases_handled_then_id():
    rows = [row("B", dispatched=10, signed_on_time=9), row("A", dispatched=10, signed_on_time=9),
            row("C", dispatched=20, signed_on_time=18)]
    assert [s.key for s in score_rows(rows).scores] == ["C", "A", "B"]


def test_weights_parse_and_refuse():
    w = Weights.parse("20/40/40", red_line=80)
    assert (w.response, w.solving, w.satisfaction, w.red_line) == (20, 40, 40, 80)
    assert w.text() == "20/40/40"
    for bad in ("30/35", "a/b/c", "0/0/0", "-1/50/50"):
        with pytest.raises(ValueError):
            Weights.parse(bad)
    with pytest.raises(ValueError):
        Weights(red_line=120)


def test_periods_in_the_post_zone():
    now = datetime(2026, 11, 26, 15, 0, tzinfo=TZ).timestamp()  # a Thursday
    assert period_bounds("today", now) == (datetime(2026, 11, 26, tzinfo=TZ).timestamp(), now)
    assert period_bounds("week", now)[0] == datetime(2026, 11, 23, tzinfo=TZ).timestamp()
    assert period_bounds("month", now)[0] == datetime(2026, 11, 1, tzinfo=TZ).timestamp()
    a, b = period_bounds("custom", now, start=date(2026, 11, 2), end=date(2026, 11, 3))
    assert (b - a) == 2 * 86400
    with pytest.raises(ValueError):
        period_bounds("custom", now, start=date(2026, 11, 3), end=date(2026, 11, 2))
    assert month_bounds("2026-12") == (datetime(2026, 12, 1, tzinfo=TZ).timestamp(),
                                       datetime(2027, 1, 1, tzinfo=TZ).timestamp())
    for bad in ("2026-13", "Nov", "2026"):
        with pytest.raises(ValueError):
            month_bounds(bad)
