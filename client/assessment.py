"""Assessment (考核) scoring over the hub's ``GET /assessment`` rows (protocol 1.1).

The hub counts; this module turns counts into the rates, a composite score, a ranking, the
red line and the red and black lists, the same way for the board, the wall and the monthly
report (通报). Definitions (each rate is None when its denominator is 0):

===========  ====================  ===============================================
key          name                  formula
===========  ====================  ===============================================
sign         签收及时率            signed_on_time / dispatched
on_time      按期办结率            resolved_on_time / resolved
solve        解决率                solved / (callbacks − unreachable)
satisfy      满意率                (satisfied + basically_satisfied)
                                   / (satisfied + basically_satisfied + dissatisfied)
rework       重办率                reworks / resolved
returns      退单率                returns_requested / dispatched
checkin      吹哨报到率            whistle_checked_in / whistle_summons
===========  ====================  ===============================================

Composite score (0–100) = 100 × (w_response × 签收及时率 + w_solving × 解决率
+ w_satisfaction × 满意率) / (sum of the weights used); default weights 30 / 35 / 35 as
published 12345 rules do. A rate without data is left out and the remaining weights are
rescaled (said in the report); a unit with none of the three has no score and is not ranked.
A ranked unit under the red line (default 85) is flagged. Ranking: score high to low, ties
by more cases handled, then by id; the red list (红榜) is the top 5, the black list (黑榜)
the bottom 5 of the ranked units (never the same unit on both).

Threading: pure functions and frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from client.timeutil import zone

COUNT_FIELDS = (
    "dispatched", "signed", "signed_on_time", "resolved", "resolved_on_time", "callbacks",
    "solved", "satisfied", "basically_satisfied", "dissatisfied", "unreachable", "reworks",
    "returns_requested", "returns_approved", "extensions", "urges", "whistle_summons",
    "whistle_checked_in", "open_overdue",
)
RATE_KEYS = ("sign", "on_time", "solve", "satisfy", "rework", "returns", "checkin")
DEFAULT_WEIGHTS = (30.0, 35.0, 35.0)  # response (签收及时率), solving (解决率), satisfaction
DEFAULT_RED_LINE = 85.0
LIST_SIZE = 5


def _ratio(num: int, den: int) -> float | None:
    return min(1.0, num / den) if den > 0 else None


def _count(row: Mapping[str, object], key: str) -> int:
    v = row.get(key)
    return int(v) if isinstance(v, int) and not isinstance(v, bool) and v > 0 else 0


@dataclass(frozen=True)
class Weights:
    """Composite weights (any positive scale) and the red line (points, 0–100)."""

    response: float = DEFAULT_WEIGHTS[0]
    solving: float = DEFAULT_WEIGHTS[1]
    satisfaction: float = DEFAULT_WEIGHTS[2]
    red_line: float = DEFAULT_RED_LINE

    def __post_init__(self) -> None:
        for name in ("response", "solving", "satisfaction"):
            v = getattr(self, name)
            if not isinstance(v, int | float) or v < 0:
                raise ValueError(f"weight {name} must be a number ≥ 0, not {v!r}")
        if self.response + self.solving + self.satisfaction <= 0:
            raise ValueError("at least one weight must be above 0")
        if not 0 <= self.red_line <= 100:
            raise ValueError(f"red line must be within 0–100, not {self.red_line!r}")

    @classmethod
    def parse(cls, text: str, red_line: float = DEFAULT_RED_LINE) -> Weights:
        """``"30/35/35"`` (or commas) → Weights.

        Raises:
            ValueError: not three numbers ≥ 0 with a positive sum.
        """
        parts = [p for p in text.replace(",", "/").split("/") if p.strip()]
        if len(parts) != 3:
            raise ValueError(f"weights must be three numbers like 30/35/35, not {text!r}")
        try:
            r, s, t = (float(p) for p in parts)
        except ValueError:
            raise ValueError(f"weights must be numbers like 30/35/35, not {text!r}") from None
        return cls(r, s, t, red_line)

    def text(self) -> str:
        """``30/35/35``."""
        return "/".join(f"{w:g}" for w in (self.response, self.solving, self.satisfaction))


@dataclass(frozen=True)
class Score:
    """One unit's (or region's) figures.

    Attributes:
        key: the unit or region id.
        counts: the hub's counts (missing ones are 0).
        rates: RATE_KEYS → share 0..1 or None.
        composite: 0–100, or None (no response/solving/satisfaction data).
        below_red_line: scored and under the red line.
        rank: 1-based rank among scored rows (None when unscored).
    """

    key: str
    counts: dict[str, int]
    rates: dict[str, float | None]
    composite: float | None
    below_red_line: bool = False
    rank: int | None = None

    @property
    def handled(self) -> int:
        """Cases that reached the unit (dispatches and reassignments)."""
        return self.counts.get("dispatched", 0)


def rates_of(row: Mapping[str, object]) -> dict[str, float | None]:
    """The rates of one assessment row (see the module docstring)."""
    c = {k: _count(row, k) for k in COUNT_FIELDS}
    rated = c["satisfied"] + c["basically_satisfied"] + c["dissatisfied"]
    return {
        "sign": _ratio(c["signed_on_time"], c["dispatched"]),
        "on_time": _ratio(c["resolved_on_time"], c["resolved"]),
        "solve": _ratio(c["solved"], c["callbacks"] - c["unreachable"]),
        "satisfy": _ratio(c["satisfied"] + c["basically_satisfied"], rated),
        "rework": _ratio(c["reworks"], c["resolved"]),
        "returns": _ratio(c["returns_requested"], c["dispatched"]),
        "checkin": _ratio(c["whistle_checked_in"], c["whistle_summons"]),
    }


def composite(rates: Mapping[str, float | None], weights: Weights) -> float | None:
    """The composite score 0–100 (weights rescaled over the rates that have data)."""
    parts = ((rates.get("sign"), weights.response), (rates.get("solve"), weights.solving),
             (rates.get("satisfy"), weights.satisfaction))
    used = [(r, w) for r, w in parts if r is not None and w > 0]
    total = sum(w for _, w in used)
    if not used or total <= 0:
        return None
    return 100.0 * sum(r * w for r, w in used) / total


def row_key(row: Mapping[str, object]) -> str | None:
    """The row's unit or region id."""
    for k in ("unit_id", "region_id"):
        v = row.get(k)
        if isinstance(v, str) and v:
            return v
    return None


@dataclass
class Board:
    """Scored, ranked rows of one assessment answer.

    Attributes:
        scores: every row, ranked ones first (rank order), then the unscored by id.
        weights: the weights and red line used.
        red_list / black_list: the top and bottom ``LIST_SIZE`` of the ranked rows.
    """

    scores: list[Score]
    weights: Weights
    red_list: list[Score] = field(default_factory=list)
    black_list: list[Score] = field(default_factory=list)

    def get(self, key: str) -> Score | None:
        """The score of ``key``."""
        for s in self.scores:
            if s.key == key:
                return s
        return None

    @property
    def flagged(self) -> list[Score]:
        """Ranked rows under the red line."""
        return [s for s in self.scores if s.below_red_line]

    def totals(self) -> Score:
        """The sums of every row, scored like one row."""
        sums = {k: sum(s.counts.get(k, 0) for s in self.scores) for k in COUNT_FIELDS}
        rates = rates_of(sums)
        comp = composite(rates, self.weights)
        return Score("", sums, rates, comp,
                     comp is not None and comp < self.weights.red_line)


def score_rows(rows: Iterable[Mapping[str, object]], weights: Weights | None = None) -> Board:
    """Score and rank the rows of ``GET /assessment`` (rows without an id are skipped)."""
    weights = weights or Weights()
    scored: list[Score] = []
    unscored: list[Score] = []
    for row in rows:
        if not isinstance(row, Mapping):
            continue
        key = row_key(row)
        if key is None:
            continue
        counts = {k: _count(row, k) for k in COUNT_FIELDS}
        rates = rates_of(counts)
        comp = composite(rates, weights)
        s = Score(key, counts, rates, comp)
        (scored if comp is not None else unscored).append(s)
    scored.sort(key=lambda s: (-(s.composite or 0.0), -s.handled, s.key))
    ranked = [Score(s.key, s.counts, s.rates, s.composite,
                    (s.composite or 0.0) < weights.red_line, i + 1)
              for i, s in enumerate(scored)]
    unscored.sort(key=lambda s: s.key)
    red = ranked[:LIST_SIZE]
    black = [s for s in ranked[-LIST_SIZE:] if s not in red][::-1]
    return Board(ranked + unscored, weights, red, black)


# ---- Periods


def period_bounds(kind: str, now: float, zone_name: str = "Asia/Shanghai",
                  start: date | None = None, end: date | None = None) -> tuple[float, float]:
    """``[from, to)`` epoch seconds of ``today``, ``week`` (from Monday), ``month``, or
    ``custom`` (``start`` to ``end`` inclusive, local days). Today/week/month end at ``now``.

    Raises:
        ValueError: an unknown kind, or a custom range without dates or ending before it starts.
    """
    tz = zone(zone_name)
    local = datetime.fromtimestamp(now, tz)
    d = local.date()

    def midnight(day: date) -> float:
        return datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()

    if kind == "today":
        return midnight(d), now
    if kind == "week":
        return midnight(d - timedelta(days=d.weekday())), now
    if kind == "month":
        return midnight(d.replace(day=1)), now
    if kind == "custom":
        if start is None or end is None:
            raise ValueError("a custom range needs a first and a last day")
        if end < start:
            raise ValueError("the range ends before it starts")
        return midnight(start), midnight(end + timedelta(days=1))
    raise ValueError(f"unknown period {kind!r}")


def month_bounds(month: str, zone_name: str = "Asia/Shanghai") -> tuple[float, float]:
    """``"2026-11"`` → ``[first day 00:00, next month's first day 00:00)`` local.

    Raises:
        ValueError: not ``YYYY-MM``.
    """
    try:
        y, m = (int(p) for p in month.split("-"))
        first = date(y, m, 1)
    except (ValueError, TypeError):
        raise ValueError(f"month must look like 2026-11, not {month!r}") from None
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    tz = zone(zone_name)
    return (datetime(first.year, first.month, 1, tzinfo=tz).timestamp(),
            datetime(nxt.year, nxt.month, 1, tzinfo=tz).timestamp())
