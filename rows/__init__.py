"""Table rows in plain Python (no Qt): row lists that announce precise changes.

- :mod:`rows.observer`: what a row list tells its observer (:class:`RowObserver`).
- :mod:`rows.row_list`: ``Rows[T]``, the rows of any table, synced by key.
- :mod:`rows.case_rows`: the case queue's sorted, filtered rows (100,000s of cases).
- :mod:`rows.sorted_pairs`: the chunked sorted list under ``CaseRows``.

A view's Qt model is a thin adapter over these (:mod:`widgets.rows_model`): every
structural step is announced to an observer before and after it happens, in the order Qt's
item models need. Nothing in this package imports Qt (an import-linter contract keeps it so).
"""

from rows.observer import NullObserver, RowObserver
from rows.row_list import Rows

__all__ = ["NullObserver", "RowObserver", "Rows"]
