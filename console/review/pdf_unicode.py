"""Make a PDF's Chinese text copy as the characters drawn, not as look-alike radicals.

Qt's PDF engine writes each font's ToUnicode map (what a reader copies or searches) by
looking up, for every glyph, the *first* code point the font maps to it. A CJK font maps a
radical and the ideograph it looks like to one glyph (⼀ U+2F00 and 一 U+4E00, ⼯ and 工,
⻔ and 门), and the radicals come first, so without this repair 一工心人口日月大小山水火土金
言门 copy as ⼀⼯⼼⼈⼝⽇⽉⼤⼩⼭⽔⽕⼟⾦⾔⻔ and a search for 工作 finds nothing.

:func:`repair_copied_text` rewrites the ToUnicode maps of a written PDF: every radical
(CJK Radicals Supplement, Kangxi Radicals, CJK Strokes) becomes the unified ideograph that
Unicode's ``EquivalentUnifiedIdeograph.txt`` names for it. The report text never holds a
radical on purpose, and where a citizen's text did, the glyph drawn is the same.

Qt-free: it works on the file (pypdf) after :func:`console.review.report.write_pages`.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, IndirectObject, StreamObject

EQUIVALENTS_FILE = (Path(__file__).resolve().parent.parent.parent / "resources" / "unicode"
                    / "EquivalentUnifiedIdeograph.txt")

#: A CMap's mapping sections: ``N beginbfchar … endbfchar`` and ``N beginbfrange … endbfrange``.
_SECTION = re.compile(rb"\d+\s+begin(bfchar|bfrange)(.*?)end\1", re.S)
_TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|\[|\]")
#: Entries per section: the PDF reference's limit for bfchar and bfrange blocks.
_PER_SECTION = 100


@functools.cache
def equivalent_ideographs() -> dict[int, int]:
    """Radical or stroke code point → the unified ideograph it looks like (Unicode 15.0)."""
    table: dict[int, int] = {}
    for line in EQUIVALENTS_FILE.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) != 2:
            continue
        source, target = (f.strip() for f in fields)
        first, _, last = source.partition("..")
        for code in range(int(first, 16), int(last or first, 16) + 1):
            table[code] = int(target, 16)
    return table


def unified_text(text: str) -> str:
    """``text`` with every radical replaced by its equivalent unified ideograph."""
    table = equivalent_ideographs()
    return "".join(chr(table.get(ord(ch), ord(ch))) for ch in text)


def _decode_destination(hex_digits: bytes) -> str | None:
    try:
        return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return None


def _mappings(cmap: bytes) -> Iterator[tuple[bytes, int, bytes]]:
    """Each ``(source hex, source width in digits, destination hex)`` the CMap maps, ranges
    spelled out one code at a time."""
    for match in _SECTION.finditer(cmap):
        tokens = [t.group(1) if t.group(1) is not None else t.group(0)
                  for t in _TOKEN.finditer(match.group(2))]
        if match.group(1) == b"bfchar":
            for source, destination in zip(tokens[::2], tokens[1::2], strict=False):
                yield source, len(source), destination
            continue
        i = 0
        while i + 2 < len(tokens):
            low, high = int(tokens[i], 16), int(tokens[i + 1], 16)
            width = len(tokens[i])
            if tokens[i + 2] == b"[":
                end = tokens.index(b"]", i + 3)
                for code, destination in zip(range(low, high + 1), tokens[i + 3:end],
                                             strict=False):
                    yield f"{code:0{width}X}".encode(), width, destination
                i = end + 1
                continue
            first = int(tokens[i + 2], 16)
            digits = len(tokens[i + 2])
            for offset in range(high - low + 1):
                yield (f"{low + offset:0{width}X}".encode(), width,
                       f"{first + offset:0{digits}X}".encode())
            i += 3


def repaired_cmap(cmap: bytes) -> bytes | None:
    """``cmap`` with its radicals mapped to unified ideographs, written as bfchar sections;
    ``None`` when it maps no radical (left as it is)."""
    entries: list[bytes] = []
    changed = False
    for source, _width, destination in _mappings(cmap):
        text = _decode_destination(destination)
        if text is not None and (fixed := unified_text(text)) != text:
            destination = fixed.encode("utf-16-be").hex().upper().encode()
            changed = True
        entries.append(b"<" + source + b"> <" + destination + b">")
    if not changed:
        return None
    sections = [b"%d beginbfchar\n%s\nendbfchar" % (len(chunk), b"\n".join(chunk))
                for chunk in (entries[i:i + _PER_SECTION]
                              for i in range(0, len(entries), _PER_SECTION))]
    spans = [m.span() for m in _SECTION.finditer(cmap)]
    return cmap[:spans[0][0]] + b"\n".join(sections) + cmap[spans[-1][1]:]


def _fonts(writer: PdfWriter) -> Iterator[DictionaryObject]:
    """Every font the pages use, once each."""
    seen: set[int] = set()
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for ref in (fonts.get_object().values() if fonts is not None else ()):
            key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
            if key not in seen:
                seen.add(key)
                yield ref.get_object()


def repair_copied_text(path: str | Path) -> int:
    """Rewrite the ToUnicode maps of the PDF at ``path`` in place (atomically) so its text
    copies as the ideographs drawn; return how many maps changed (0: file untouched).

    Raises:
        OSError: the file cannot be read or written.
    """
    writer = PdfWriter(clone_from=str(path))
    changed = 0
    for font in _fonts(writer):
        to_unicode = font.get("/ToUnicode")
        stream = to_unicode.get_object() if to_unicode is not None else None
        if not isinstance(stream, StreamObject):
            continue
        repaired = repaired_cmap(stream.get_data())
        if repaired is not None:
            stream.set_data(repaired)
            changed += 1
    if changed:
        partial = Path(f"{path}.partial")
        with partial.open("wb") as out:
            writer.write(out)
        os.replace(partial, path)
    return changed
