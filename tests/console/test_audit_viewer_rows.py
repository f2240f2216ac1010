"""The auditor's table (rows.Rows + RowsTableModel): each page of entries is appended as
one inserted range, so the row the auditor selected stays selected while newer pages load,
and every cell is the entry's plain text (codes in words, times in the post's zone)."""

from __future__ import annotations

from console.audit_viewer import AuditViewer


class _Api:
    def logout_quietly(self) -> None:
        pass


def entry(n: int, **over: object) -> dict:
    return {"id": n, "at": "2026-12-01T02:00:00Z", "actor": f"officer-{n}", "role": "officer",
            "action": "urge", "target": f"CX-{n}", "outcome": "ok", "addr": "127.0.0.1",
            "detail": "<b>速办</b>\n第二行", "prev": "0" * 64, "hash": "1" * 64} | over


def test_a_new_page_is_appended_and_the_selection_stays(qtbot) -> None:
    viewer = AuditViewer(_Api(), jobs=None)  # type: ignore[arg-type]  # no reads here
    qtbot.addWidget(viewer)
    model = viewer.table.model()
    viewer._on_page({"entries": [entry(n) for n in range(1, 4)]})
    assert model.rowCount() == 3
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "1", "2026-12-01 10:00:00", "officer-1", "duty officer", "urge", "CX-1", "done",
        "127.0.0.1", "<b>速办</b> 第二行"]  # plain text, one line, in Shanghai time
    viewer.table.selectRow(1)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    viewer._on_page({"entries": [entry(n) for n in range(4, 9)]})
    assert inserted == [(3, 7)] and resets == []
    assert model.rowCount() == 8 and model.index(7, 0).data() == "8"
    assert [i.row() for i in viewer.table.selectionModel().selectedRows()] == [1]
    assert viewer.table.currentIndex().row() == 1
    assert viewer.status.text() == "8 entries"
