"""The review window renders offscreen, the scrubber moves the panes' state; docs PNGs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from client.review import open_review
from client.review_report import build_report
from client.timeutil import parse_time
from console.i18n import install
from console.review.report import render_first_page, write_pdf
from console.review.window import ReviewWindow, grab_png
from testkit.pdf_text import page_texts, squeeze
from testkit.screen import ink, visible_text
from widgets.case_queue import COL_ID
from widgets.qt import QApplication, QtGui


@pytest.fixture
def zh(qapp: QApplication):
    translators = install(qapp, "zh_CN")
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def window(qtbot, shift_file: Path, zh) -> ReviewWindow:
    review = open_review(shift_file, checkpoint_every=500)
    w = ReviewWindow(review)
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_scrubber_moves_the_panes_state(window: ReviewWindow, qtbot) -> None:
    r = window.review
    assert window.ctx.read_only and window.ctx.state.seq == r.snapshot()["seq"]
    seen: list[tuple[int, float]] = []
    window.sig_position.connect(lambda s, t: seen.append((s, t)))
    mid = (r.start + r.end) / 2
    window.timeline.sig_moved.emit(mid)  # as a drag does
    qtbot.waitUntil(lambda: bool(seen), timeout=15000)
    assert window.ctx.state.seq == r.step_seq(r.step_at(mid))
    assert window.ctx.state is window.review_cursor.state
    assert window.timeline.line.value() == pytest.approx(mid)
    assert queue_ids(window) == open_ids(window) and queue_ids(window)
    seq = window.ctx.state.seq
    window.step_forward()
    assert window.ctx.state.seq == seq + 1
    window.step_back()
    assert window.ctx.state.seq == seq
    window.seek_time(r.start)
    assert window.ctx.state.seq == r.snapshot()["seq"]
    assert queue_ids(window) == open_ids(window)


def queue_ids(window: ReviewWindow) -> set[str]:
    """The case numbers the queue's table shows (its ID column, as on screen)."""
    queue = window.panes["queue"]
    queue.flush()
    model = queue.view.model()
    return {model.index(row, COL_ID).data() for row in range(model.rowCount())}


def open_ids(window: ReviewWindow) -> set[str]:
    """The cases open at the cursor, straight from the replayed state."""
    return {cid for cid, c in window.ctx.state.cases.items() if c["status"] != "closed"}


def test_the_event_list_follows_the_cursor_without_touching_the_selection(
        window: ReviewWindow, qtbot) -> None:
    """Seeking marks the last event the cursor has passed in the event list and scrolls
    it into view, as a player's playlist does; the case selection stays the user's."""
    r = window.review
    cid = next(iter(window.ctx.state.cases))
    window.ctx.select_case(cid)
    view = window.events_view
    for t in ((r.start + r.end) / 2, r.end, r.start + 600):
        window.seek_time(t)
        step = window.review_cursor.step
        number = window.events_model.row_at(view.currentIndex().row())
        assert r.info(number).step <= step  # passed
        if view.currentIndex().row() + 1 < window.events_model.rowCount():
            later = window.events_model.row_at(view.currentIndex().row() + 1)
            assert r.info(later).step > step  # and the last one passed
        assert view.viewport().rect().intersects(view.visualRect(view.currentIndex()))
        assert window.ctx.selected == cid
    window.seek_time(r.start)  # before the first event: nothing marked
    assert not view.selectionModel().hasSelection()


def test_play_advances_time(window: ReviewWindow, qtbot) -> None:
    window.speed = 600
    t0 = window.review_cursor.now
    window.set_playing(True)
    qtbot.waitUntil(lambda: window.review_cursor.now > t0 + 60, timeout=15000)
    window.set_playing(False)
    assert window.ctx.state.seq >= window.review.snapshot()["seq"]


def test_case_jumps_filter_and_story(window: ReviewWindow, qtbot) -> None:
    r = window.review
    cid, nums = max(r._case_events.items(), key=lambda kv: len(kv[1]))
    window.ctx.select_case(cid)
    window.next_case_event()
    assert window.review_cursor.step == r.info(nums[0]).step
    window.next_case_event()
    assert window.review_cursor.step == r.info(nums[1]).step
    window.prev_case_event()
    assert window.review_cursor.step == r.info(nums[0]).step
    assert window.story.table.model().rowCount() >= 1
    window.filter_edit.setText(cid)
    window.apply_filter()
    assert window.events_model.rowCount() == len(nums)
    window.next_match()
    assert window.review_cursor.step == r.info(nums[1]).step


def test_commands_are_refused(window: ReviewWindow) -> None:
    messages: list[str] = []
    window.ctx.sig_message.connect(lambda _l, t: messages.append(t))
    called = []
    window.ctx.run_command("urge", lambda api: called.append(api))
    assert not called and messages


def test_damaged_file_shows_a_banner(qtbot, shift_copy: Path, zh) -> None:
    size = shift_copy.stat().st_size
    with open(shift_copy, "r+b") as fh:
        fh.truncate(int(size * 0.6) // 4096 * 4096)
    w = ReviewWindow(open_review(shift_copy))
    qtbot.addWidget(w)
    w.show()
    assert not w.banner.isHidden()
    assert str(w.review.problem.events_read) in w.banner.text()


def test_docs_pictures(window: ReviewWindow, shift_file: Path, qtbot, tmp_path: Path) -> None:
    """The README's pictures: the window at 02:30 with a case selected, and the report's first
    page. Written to tmp_path; set COMMANDPOST_DOCS_DIR=docs to refresh docs/review.png and
    docs/report-page1.png (a test run never rewrites tracked files by itself)."""
    docs = Path(os.environ.get("COMMANDPOST_DOCS_DIR") or tmp_path / "docs")
    r = window.review
    window.seek_time(parse_time("2026-11-22T18:30:00Z"))
    cid = max((c for c in r._case_events if c in window.ctx.state.cases),
              key=lambda c: len(r._case_events[c]))
    window.ctx.select_case(cid)
    window.next_case_event()
    qtbot.wait(200)
    docs.mkdir(parents=True, exist_ok=True)
    assert grab_png(window, docs / "review.png")
    shot = QtGui.QImage(str(docs / "review.png"))
    assert (shot.width(), shot.height()) == (window.width(), window.height())
    assert ink(shot) > 0.05
    assert window.story.title.text().startswith(cid) and window.story.table.model().rowCount() > 0
    assert cid in visible_text(window.panes["queue"])
    report = build_report(r, clock=lambda: r.end + 60)
    pdf = tmp_path / "report.pdf"
    pages = write_pdf(report, pdf)
    assert pages >= 2 and len(page_texts(pdf)) == pages
    assert page_texts(pdf)[0].startswith(squeeze("交接班报告" + report.post_name))
    out = docs / "report-page1.png"
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", "-f", "1", "-l", "1",
                        str(pdf), str(out.with_suffix(""))], check=True)
    else:
        assert render_first_page(report, 110).save(str(out), "PNG")
    page1 = QtGui.QImage(str(out))
    assert 1.40 < page1.height() / page1.width() < 1.43  # an A4 page, upright
    assert ink(page1) > 0.02


def test_chinese_review_window_has_no_raw_english_words(window: ReviewWindow) -> None:
    """The review window's visible strings under zh_CN (labels, docks, the event list,
    menus) carry no raw English words: its words come from commandpost_zh_CN.qm."""
    from tests.console.test_words import offending, visible_strings

    window.seek_time((window.review.start + window.review.end) / 2)
    QApplication.processEvents()
    shown = [(where, text) for where, text in visible_strings(window)
             if not text.startswith("https://")]  # call links are shown as they are
    assert len(shown) > 100
    found = {(where, text, tuple(offending(text, set())))
             for where, text in shown if offending(text, set())}
    assert not found, "\n".join(f"{w}: {t!r} → {b}" for w, t, b in sorted(found))


def test_review_queue_shows_the_cases_of_the_cursors_state(window: ReviewWindow) -> None:
    """The review swaps its State as the cursor moves; the queue's rows show the cases of
    the State now in the context (id and title in every visible row, none blank)."""
    from widgets.case_queue import COL_TITLE

    r = window.review
    window.seek_time((r.start + r.end) / 2)
    QApplication.processEvents()
    queue = window.panes["queue"]
    n = queue.model.rowCount()
    assert n > 0
    for row in range(min(n, 40)):
        cid = queue.model.rows.id_at(row)
        assert queue.model.cell(row, COL_ID)[0] == cid
        assert queue.model.cell(row, COL_TITLE)[0], row
    assert set(queue.filtered_ids()) <= set(window.ctx.state.cases)


def test_window_fits_a_small_screen_with_the_longest_case_selected(window: ReviewWindow,
                                                                   qtbot) -> None:
    """On a 1366×768 screen (728 px left under a panel) the review window's minimum size
    fits, whatever case the detail and the story show: long panes scroll inside their
    docks instead of growing the window past the screen (it grabbed 1920×1235 before)."""
    r = window.review
    window.resize(1366, 728)
    window.seek_time((r.start + r.end) / 2)
    cid = max((c for c in r._case_events if c in window.ctx.state.cases),
              key=lambda c: len(r._case_events[c]))
    window.ctx.select_case(cid)
    window.next_case_event()
    qtbot.wait(100)
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert need.width() <= 1366 and need.height() <= 728, need
    assert (window.width(), window.height()) == (1366, 728)
    assert window.story.table.model().rowCount() > 0  # the story is there, in its dock
