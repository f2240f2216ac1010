"""Untrusted text (titles, notes, addresses) made safe to show.

Everything from the hub is shown as plain text (never Qt rich text), with control and
bidirectional-override characters neutralised and long strings elided.
"""

from __future__ import annotations

import unicodedata

# Bidi embeddings/overrides/isolates and marks that can reorder what an officer reads.
_BIDI = {0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def neutralize(text: object) -> str:
    """Return ``text`` as a single-line string without control or bidi-override characters.

    Control characters (C0/C1, including newlines and tabs) become spaces; bidi controls are
    replaced by U+FFFD so their presence stays visible; non-strings are converted with str().
    """
    if text is None:
        return ""
    s = text if isinstance(text, str) else str(text)
    out = []
    for ch in s:
        code = ord(ch)
        if code in _BIDI:
            out.append("\ufffd")
        elif code < 0x20 or 0x7F <= code < 0xA0 or unicodedata.category(ch) in ("Zl", "Zp"):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def elide(text: str, limit: int = 120) -> str:
    """Cut ``text`` to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"


def safe(text: object, limit: int = 120) -> str:
    """``neutralize`` then ``elide``: what a cell or label shows (the tooltip gets neutralize)."""
    return elide(neutralize(text), limit)
