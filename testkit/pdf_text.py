"""The text of a PDF's pages as a reader copying it would get it (pypdf).

NFKC-normalised (the CJK font maps some characters to Kangxi radicals, e.g. ⼯ for 工,
and full-width punctuation becomes ASCII), and with every run of white space removed, so
a test looks for ``"交班时超期案件(16)"`` without caring how the page broke its lines.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader


def squeeze(text: str) -> str:
    """NFKC without white space: how page text and expected text are compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def page_texts(path: Path) -> list[str]:
    """Each page's text, :func:`squeeze`-d, in page order."""
    return [squeeze(page.extract_text()) for page in PdfReader(path).pages]
