"""Regenerate the console's translations.

    python resources/build_translations.py          lupdate + lrelease
    python resources/build_translations.py --check  also fail if a zh_CN string is untranslated

1. ``pyside6-lupdate`` scans console/ and widgets/ and updates
   resources/translations/commandpost_{zh_CN,en}.ts (existing translations are kept;
   strings no longer in the sources are marked obsolete and dropped with -no-obsolete);
2. in the English file every unfinished message gets its source text as translation
   (the sources are English), so it is complete by construction;
3. ``pyside6-lrelease`` compiles both into .qm files next to them (commit both).

New Chinese strings show up as ``type="unfinished"`` in commandpost_zh_CN.ts: translate
them there (Qt Linguist: ``pyside6-linguist``, or any editor) and run this again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations"
SOURCES = [ROOT / "console", ROOT / "widgets"]
LANGS = ("zh_CN", "en")


def tool(name: str) -> str:
    """Path of a PySide6 tool next to this Python, else on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6")
    return found


def python_files() -> list[str]:
    files = []
    for folder in SOURCES:
        files += sorted(str(p.relative_to(ROOT)) for p in folder.rglob("*.py"))
    return files


def fill_english(ts: Path) -> None:
    """Give every unfinished message of the English file its source as translation."""
    tree = ET.parse(ts)
    for msg in tree.iter("message"):
        tr = msg.find("translation")
        src = msg.find("source")
        if tr is None or src is None:
            continue
        if tr.get("type") == "unfinished":
            if msg.get("numerus") == "yes":
                for form in tr.findall("numerusform") or [ET.SubElement(tr, "numerusform")]:
                    form.text = src.text
            else:
                tr.text = src.text
            del tr.attrib["type"]
    _write(tree, ts)


def unfinished(ts: Path) -> list[str]:
    """Source texts still untranslated in ``ts``."""
    tree = ET.parse(ts)
    out = []
    for ctx in tree.iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") == "unfinished":
                out.append(f"{name}: {msg.findtext('source')}")
    return out


def _write(tree: ET.ElementTree, path: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def main(argv: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    files = python_files()
    for lang in LANGS:
        ts = OUT / f"commandpost_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), *files, "-no-obsolete", "-locations",
                        "relative", "-target-language", lang, "-ts", str(ts)],
                       cwd=ROOT, check=True)
        if lang == "en":
            fill_english(ts)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm",
                        str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
    missing = unfinished(OUT / "commandpost_zh_CN.ts")
    if missing:
        print(f"{len(missing)} zh_CN strings untranslated:", file=sys.stderr)
        for line in missing:
            print("  " + line, file=sys.stderr)
        if "--check" in argv:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
