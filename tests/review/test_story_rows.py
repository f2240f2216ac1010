"""The review's case story (rows.Rows + RowsTableModel): moving the cursor over the
selected case's next event adds its step as one inserted row; the step the reviewer
selected stays selected, and moving back removes only the steps after the cursor."""

from __future__ import annotations

from pathlib import Path

from client.review import open_review
from console.review.window import ReviewWindow


def test_the_story_grows_by_steps_and_the_selected_step_stays(qtbot, shift_file: Path) -> None:
    window = ReviewWindow(open_review(shift_file, checkpoint_every=500))
    qtbot.addWidget(window)
    r = window.review
    cid, _nums = max(r._case_events.items(), key=lambda kv: len(kv[1]))
    window.ctx.select_case(cid)
    window.next_case_event()
    view = window.story.table
    model = view.model()
    before = model.rowCount()
    assert before >= 1
    view.selectRow(0)
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    seen: list[tuple] = []
    model.rowsInserted.connect(lambda _p, a, b: seen.append(("inserted", a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: seen.append(("removed", a, b)))
    model.modelReset.connect(lambda: seen.append(("reset",)))

    window.next_case_event()
    after = model.rowCount()
    assert after > before
    assert ("inserted", before, after - 1) in seen and ("reset",) not in seen
    assert [i.row() for i in view.selectionModel().selectedRows()] == [0]
    assert [model.index(0, c).data() for c in range(model.columnCount())] == first

    seen.clear()
    window.prev_case_event()
    assert model.rowCount() == before
    assert seen == [("removed", before, after - 1)]
    assert [i.row() for i in view.selectionModel().selectedRows()] == [0]
