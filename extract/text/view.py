"""A document's text seen once: its lines, their folded form and their pages.

`DocView(text)` is built once per document by the structure stage and handed to every reader
(header, title, foot, outline), instead of each splitting and folding the text again. Lines are
split at "\\n" and at the form feed that separates pages (a page may end without a newline);
each `Line` knows its offsets in the text, so every value read from a line has an exact span.
A tab inside a line is kept: .docx tables and two-column headers use it between cells.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from vnplan.text.fold import fold

LINE_BREAKS = re.compile(r"[\n\f]")


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # offset of the first non-blank character (== end for a blank line)
    end: int  # offset just after the last non-blank character
    text: str  # text[start:end]
    folded: str  # fold(text)

    @property
    def blank(self) -> bool:
        return not self.text


class DocView:
    """The text, its fold, its lines and its pages; built once, read by every structure reader."""

    def __init__(self, text: str):
        self.text = text
        self.folded = fold(text)

    @cached_property
    def lines(self) -> list[Line]:
        out = []
        pos = 0
        for i, raw in enumerate(LINE_BREAKS.split(self.text)):
            stripped = raw.strip(" \t\u00a0\r\u200b\ufeff")
            lead = raw.find(stripped) if stripped else len(raw)
            start = pos + lead
            end = start + len(stripped)
            out.append(Line(i, start, end, stripped, self.folded[start:end]))
            pos += len(raw) + 1
        return out

    @cached_property
    def _page_breaks(self) -> list[int]:
        return [i for i, c in enumerate(self.text) if c == "\f"]

    def page_of(self, offset: int) -> int:
        return bisect.bisect_right(self._page_breaks, offset - 1) + 1
