"""Lines of a scan that carry no text: OCR noise and a scanning app's marks.

Owns `is_scanner_mark(line)` and `is_noise_line(line)`. An OCR engine reads a stamp, a signature,
a rule or the edge of a page as a line of stray marks and letters ("„ ^ » ˆ LFA A A .ˆ", "= XI",
"n na N2"); a phone scanning app prints its footer on every page ("Được quét bằng CamScanner").
Such lines must not become a title, an issuer, a signer's name or a section heading: the header,
title, foot and outline readers skip them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from vnplan.lexicon import load
from vnplan.text import collapse, fold, is_valid_syllable


@lru_cache(maxsize=1)
def _marks() -> tuple[str, ...]:
    return tuple(e["value"] for e in load("header")["scanner_marks"])


def is_scanner_mark(line: str) -> bool:
    """Whether the line is (or holds) a scanning app's footer: never document content."""
    f = collapse(fold(line))
    return any(m in f for m in _marks())


def is_noise_line(line: str) -> bool:
    """Whether a non-blank line is OCR noise rather than words: a scanner's mark; or fewer than
    three letters ("= XI"); or letters under 60% of its characters ("„ ^ » ˆ LFA A A .ˆ"); or
    fewer than half its words Vietnamese syllables of two letters or more or abbreviations
    ("n na N2"). Dotted numbers, dates and codes are not judged here: callers ask only of lines
    that should hold words (titles, names, issuers, headings)."""
    s = line.strip()
    if not s:
        return False
    if is_scanner_mark(s):
        return True
    chars = [c for c in s if not c.isspace()]
    letters = [c for c in chars if c.isalpha()]
    if len(letters) < 3:
        return True
    if len(letters) < 0.6 * len(chars):
        return True
    words = re.findall(r"\S+", s)
    good = 0
    for w in words:
        core = w.strip(".,;:()\"“”'’-–/")
        if len(core) >= 2 and (is_valid_syllable(core) or (core.isupper() and core.isalpha() and len(core) <= 6 and len(words) > 1
                                                           and any(is_valid_syllable(x.strip(".,;:()")) and len(x.strip(".,;:()")) >= 2 for x in words if x is not w))):
            good += 1
    return good < 0.5 * len(words)


def is_junk_heading(line: str) -> bool:
    """Whether a numbered line's words are no words: a scanner's mark, or after its number
    ("1.", "a)") no Vietnamese syllable of two letters or more, no abbreviation and mostly marks
    ("1. ^ » ˆ"). Short real headings ("1. Sở", "a) Xã") are words and stay."""
    if is_scanner_mark(line):
        return True
    # the number: digits and dots, a Roman numeral, or a list letter as OCR left it ("¢)" for "c)")
    rest = re.sub(r"^\s*(?:[\dIVXivx.]{1,8}|\S{1,2})\s*[.):]\s*", "", line)
    chars = [c for c in rest if not c.isspace()]
    if not chars or any(c.isdigit() for c in chars):
        return False  # figures ("2. 50%") are not judged: repair never drops numbers
    letters = [c for c in chars if c.isalpha()]
    words = [w.strip(".,;:()\"“”'’-–/") for w in rest.split()]
    has_word = any(len(w) >= 2 and (is_valid_syllable(w) or (w.isupper() and w.isalpha() and len(w) <= 6)) for w in words)
    return not has_word and len(letters) < 0.6 * len(chars)
