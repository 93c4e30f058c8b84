"""Vietnamese syllables: normal forms, skeletons (marks stripped), tone and case patterns.

The skeleton of a syllable is what survives when every mark is lost: lowercase, no diacritics,
``đ`` read as ``d``. It is the key under which candidates are looked up.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền sắc ngã hỏi nặng
ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
          "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
_ONSETS_BY_LEN = sorted(ONSETS, key=len, reverse=True)

# A token is a run of letters or digits (the unit of the syllable error rate).
TOKEN_RE = re.compile(r"[^\W_]+")
# In English-model OCR a marked vowel sometimes comes out as a symbol inside the word
# (ti€u = tiêu, hi¢n = hiện, K& = Kế): those symbols belong to the token.
ENG_GLYPHS = "€¢&§"
ENG_TOKEN_RE = re.compile(r"[^\W_]+(?:[€¢&§]+[^\W_]*)*")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@lru_cache(maxsize=200_000)
def skeleton(s: str) -> str:
    """``Quyết`` -> ``quyet``; ``Đảng`` -> ``dang``."""
    s = s.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def untoned(s: str) -> str:
    """Remove the tone mark only: ``quyết`` -> ``quyêt``."""
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in TONE_MARKS))


@lru_cache(maxsize=200_000)
def tone_of(s: str) -> str:
    for c in unicodedata.normalize("NFD", s):
        if c in TONE_MARKS:
            return c
    return ""


def split_onset(s: str) -> tuple[str, str]:
    """Split a lowercase syllable into onset and rhyme (``gi``/``qu`` taken greedily)."""
    for o in _ONSETS_BY_LEN:
        if o and s.startswith(o) and len(s) > len(o):
            return o, s[len(o):]
    return "", s


def has_marks(s: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", s)) or "đ" in s.lower()


def case_pattern(tok: str) -> str:
    """'upper', 'title' or 'lower' — how to put a repaired syllable back into the text."""
    letters = [c for c in tok if c.isalpha()]
    if not letters:
        return "lower"
    ups = sum(c.isupper() for c in letters)
    if len(letters) > 1 and ups >= max(2, len(letters) * 0.6):
        return "upper"
    if letters[0].isupper():
        return "title"
    return "lower"


def apply_case(syl: str, pattern: str) -> str:
    if pattern == "upper":
        return syl.upper()
    if pattern == "title":
        return syl[:1].upper() + syl[1:]
    return syl
