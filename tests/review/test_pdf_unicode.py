"""What a reader copies from the report PDFs: the ideographs drawn, never the look-alike
radicals Qt's ToUnicode maps name (⼀ for 一, ⼯ for 工, ⻚ for 页)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from console.review.pdf_unicode import (
    equivalent_ideographs,
    repair_copied_text,
    repaired_cmap,
    unified_text,
)
from console.review.report import font, write_pages
from widgets.qt import QtGui

DRAWN = "一工心人口日月大小山水火土金言门页 交班超期案件"
HEADER = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
          b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
TRAILER = b"\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


def test_the_table_maps_radicals_to_the_ideographs_they_look_like() -> None:
    table = equivalent_ideographs()
    assert table[0x2F00] == ord("一") and table[0x2F2F] == ord("工")
    assert table[0x2ED4] == ord("门") and table[0x2EDA] == ord("页")  # simplified forms
    assert unified_text("⼀⼯⼼⻔⻚ 交班 ABC") == "一工心门页 交班 ABC"
    assert len(table) > 300


def test_a_cmap_of_arrays_ranges_and_chars_is_rewritten_whole() -> None:
    cmap = (HEADER + b"3 beginbfrange\n<0000> <0000> <0000>\n"
            b"<0001> <0003> [<2F00> <4EA4> <2F2F>]\n<0004> <0006> <2F00>\nendbfrange\n"
            b"2 beginbfchar\n<0007> <2ED4>\n<0008> <0041>\nendbfchar" + TRAILER)
    repaired = repaired_cmap(cmap)
    assert repaired is not None
    assert repaired.startswith(HEADER) and repaired.endswith(TRAILER)
    body = repaired[len(HEADER):-len(TRAILER)]
    # the scalar range <0004>..<0006> → ⼀⼁⼂ is spelled out as 一丨丶
    assert body == (b"9 beginbfchar\n<0000> <0000>\n<0001> <4E00>\n<0002> <4EA4>\n"
                    b"<0003> <5DE5>\n<0004> <4E00>\n<0005> <4E28>\n<0006> <4E36>\n"
                    b"<0007> <95E8>\n<0008> <0041>\nendbfchar")


def test_a_cmap_without_radicals_is_left_alone() -> None:
    assert repaired_cmap(HEADER + b"1 beginbfchar\n<0001> <4E00>\nendbfchar" + TRAILER) is None


def test_long_maps_are_written_in_sections_of_at_most_100() -> None:
    entries = b"\n".join(b"<%04X> <%04X>" % (i, 0x2F00 + i % 200) for i in range(250))
    repaired = repaired_cmap(HEADER + b"250 beginbfchar\n" + entries + b"\nendbfchar" + TRAILER)
    assert repaired is not None
    assert [line for line in repaired.split(b"\n") if line.endswith(b"beginbfchar")] == [
        b"100 beginbfchar", b"100 beginbfchar", b"50 beginbfchar"]


def test_a_written_report_page_copies_as_drawn(qapp, tmp_path: Path) -> None:
    def draw(painter: QtGui.QPainter, new_page) -> int:
        painter.setFont(font(12))
        painter.drawText(40, 100, DRAWN)
        new_page()
        painter.drawText(40, 100, "第 2 页")
        return 2

    pdf = tmp_path / "drawn.pdf"
    assert write_pages(pdf, "t", draw) == 2
    texts = [page.extract_text() for page in PdfReader(pdf).pages]
    assert texts[0].split() == DRAWN.split() and texts[1].split() == ["第", "2", "页"]
    assert not (tmp_path / "drawn.pdf.partial").exists()
    assert repair_copied_text(pdf) == 0  # already repaired: nothing to do, file untouched
