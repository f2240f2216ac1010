"""The case queue's columns: their numbers, default order and visibility, kinds of sort
key, and which are right-aligned (Qt-free).

The queue's pane (``widgets.case_queue``), its model (``widgets.case_queue_model``) and
its sort keys (``widgets.case_queue_keys``) all index columns by these numbers.
"""

from __future__ import annotations

# Column order (also the index of each column's sort key: widgets.case_queue_keys).
(COL_STATUS, COL_PRIORITY, COL_CATEGORY, COL_REGION, COL_UNIT, COL_SOURCE, COL_AGE,
 COL_LEFT, COL_TITLE, COL_ID) = range(10)
N_COLUMNS = 10
COLUMN_KINDS = ("num", "num", "str", "str", "str", "str", "num", "num", "str", "str")
#: what a 1920×1080 queue shows without scrolling, in this order (the officer can change it)
DEFAULT_ORDER = (COL_ID, COL_PRIORITY, COL_STATUS, COL_TITLE, COL_REGION, COL_UNIT, COL_LEFT,
                 COL_CATEGORY, COL_SOURCE, COL_AGE)
DEFAULT_HIDDEN = (COL_CATEGORY, COL_SOURCE, COL_AGE)

#: the time columns (age, time left) are right-aligned
RIGHT_COLS = frozenset((COL_AGE, COL_LEFT))
