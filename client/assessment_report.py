"""The monthly assessment report (月度考核通报) as data and CSV, without Qt.

:class:`MonthlyReport` holds what the PDF (``console.loop.report``) and the CSV show: the
post, the month, the scored board (:func:`client.assessment.score_rows`) and the names of
the rows. :func:`write_csv` writes one line per unit or region: rank, id, name, every
count of the hub's row, every rate, the score and the red-line flag (UTF-8 with a BOM so
spreadsheet programs read the Chinese names).

Threading: pure data and file writing.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from client.assessment import COUNT_FIELDS, RATE_KEYS, Board

CSV_RATES = {"sign": "签收及时率", "on_time": "按期办结率", "solve": "解决率", "satisfy": "满意率",
             "rework": "重办率", "returns": "退单率", "checkin": "吹哨报到率"}


@dataclass
class MonthlyReport:
    """One month's 通报.

    Attributes:
        post_name: the post's name.
        month: ``YYYY-MM``.
        start / end: the month's ``[from, to)`` (epoch seconds).
        by: ``unit`` or ``region``.
        board: the scored rows.
        names: id → display name.
        made_at: when the report was made (epoch seconds).
        zone_name: the post's time zone.
    """

    post_name: str
    month: str
    start: float
    end: float
    by: str
    board: Board
    names: dict[str, str]
    made_at: float
    zone_name: str = "Asia/Shanghai"

    def name(self, key: str) -> str:
        return self.names.get(key, key)


def write_csv(report: MonthlyReport, path: str | Path,
              clean: Callable[[str], str] = lambda s: s) -> int:
    """Write the report's rows as CSV; return how many rows were written.

    Args:
        clean: applied to names (e.g. neutralising control characters).
    """
    header = ["rank", "id", "name", *COUNT_FIELDS,
              *(f"{k} {CSV_RATES[k]}" for k in RATE_KEYS), "score", "below_red_line"]
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(header)
        for s in report.board.scores:
            w.writerow([s.rank or "", s.key, clean(report.name(s.key)),
                        *(s.counts.get(k, 0) for k in COUNT_FIELDS),
                        *("" if s.rates.get(k) is None else f"{s.rates[k]:.4f}" for k in RATE_KEYS),
                        "" if s.composite is None else f"{s.composite:.2f}",
                        int(s.below_red_line)])
    return len(report.board.scores)
