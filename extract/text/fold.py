"""The folded view of Vietnamese text: marks stripped, đ -> d, casefolded, one character out per
character in, so an offset found in the fold is an offset in the text.

Every stage matches keywords in this view (headings, header markers, verbs, body names); it is
the one definition of it (issue 9: `extract.outline` and `extract.bodies` each had their own).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# "ð" (eth) is what some OCR engines and legacy fonts put for "đ"; "ƣ" (U+01A3, oi) is what
# Word 2010 PDF exports put in the text layer for "ư" (bct-cv-1178, ../shared/notes/pdf-text-layers.md).
_EXTRA = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ƣ": "u", "Ƣ": "u"}


@lru_cache(maxsize=8192)
def fold_char(c: str) -> str:
    if c in _EXTRA:
        return _EXTRA[c]
    if ord(c) < 128:
        return c.lower()
    base = unicodedata.normalize("NFD", c)[0]
    if unicodedata.combining(base):
        return c
    low = base.lower()
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """Lowercase, marks stripped, đ -> d; one character out per character in."""
    return "".join(fold_char(c) for c in text)


def collapse(text: str) -> str:
    """Whitespace runs (line breaks, tabs) collapsed to one space, ends stripped."""
    return re.sub(r"\s+", " ", text).strip()


def letters_only(text: str) -> str:
    """The folded words of `text` with everything but a-z removed and spaces collapsed."""
    return collapse(re.sub(r"[^a-z ]", " ", fold(text)))


def has_marks(text: str) -> bool:
    return "đ" in text.lower() or any(unicodedata.category(c) == "Mn" for c in unicodedata.normalize("NFD", text))
