"""The text of a PDF's pages as a reader copying it would get it (pypdf).

Squeezed: full-width forms become their ASCII (（16） is (16)) and every run of white space
is removed, so a test looks for ``"交班时超期案件(16)"`` without caring how the page broke its
lines. Nothing else is folded: a CJK radical copied in place of an ideograph (⼯ for 工,
the fault ``console/review/pdf_unicode.py`` repairs) stays as it is and fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

#: Full-width ASCII forms (U+FF01–FF5E) and the ideographic space, to their ASCII.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def squeeze(text: str) -> str:
    """Full-width forms as ASCII, without white space: how page text and expected text are
    compared."""
    return re.sub(r"\s+", "", text.translate(_FULL_WIDTH))


def page_texts(path: Path) -> list[str]:
    """Each page's text, :func:`squeeze`-d, in page order."""
    return [squeeze(page.extract_text()) for page in PdfReader(path).pages]
