"""Digits that OCR read as look-alike letters, put back where the grammar of the sentence wants a
number: the day, month and year of a date and the number of a cited document, on OCR'd pages only.

Tesseract `vie` on real scans writes "ngày l6 tháng 6 năm 2025", "ngày 3] tháng 3", "ngày l1
tháng 12" and "203⁄BC-BQL" (lc-qd-2336 and lc-qd-2338, 200 dpi copier scans of the Lào Cai
provincial People's Committee; also seen on lc-gp-2507): the digit 1 taken for "l", "I", "|", "]",
"[" or "!", the digit 0 for "O" or "o", the slash for the fraction slash U+2044 or the division
slash U+2215. The repair decoder passes such tokens through (they hold a digit, so they are not
syllables), and the date grammar and the citation finder then lose the date or the key.

A token is changed only when (a) it sits in a slot the national rules give a number
(Nghị định 30/2020/NĐ-CP, Phụ lục I: "ngày ... tháng ... năm ..." of the date line and of
citations, "số .../..." of the number), (b) it holds at least one real digit and only digits and
look-alikes, and (c) what it becomes is a valid day (1-31), month (1-12) or year (1945-2099).
Every change is one character for one character, so offsets into the text do not move. Typed
pages never come here: a person typed their "l" on purpose.
"""
from __future__ import annotations

import re

# one look-alike per digit, as Tesseract confuses them on Times New Roman scans
_LOOKALIKE = {"l": "1", "I": "1", "|": "1", "]": "1", "[": "1", "!": "1", "O": "0", "o": "0"}
_SLASHES = {"\u2044": "/", "\u2215": "/"}
_TOK = r"[0-9lI|\]\[!Oo]{1,4}"

# "ngày l6 tháng 6 năm 2025" (the date line and dates of citations); "ngày" and "tháng" may have
# lost their marks in OCR ("ngay", "thang"), the slot is the same.
_DATE_WORDS = re.compile(
    rf"\b(ng[àa]y)(\s+)(?P<d>{_TOK})(\s+)(th[áa]ng)(\s+)(?P<m>{_TOK})(\s+)(n[ăa]m)(\s+)(?P<y>{_TOK})\b",
    re.IGNORECASE)
# "ngày l6/6/2025"
_DATE_NUMERIC = re.compile(rf"\b(ng[àa]y)(\s+)(?P<d>{_TOK})[/.-](?P<m>{_TOK})[/.-](?P<y>{_TOK})\b", re.IGNORECASE)
# "số 2O3/BC-BQL", "Số: l2/KH-UBND": the number before the slash of a document's symbol
_NUMBER = re.compile(rf"\b(s[ốo])(:?\s*)(?P<n>{_TOK})(?=/[A-ZĐ0-9])", re.IGNORECASE)

_RANGES = {"d": (1, 31), "m": (1, 12), "y": (1945, 2099), "n": (1, 99999)}


def _as_number(token: str, slot: str) -> str | None:
    """The token with its look-alikes read as digits, if it then is a valid value for the slot."""
    if not any(c.isdigit() for c in token):
        return None
    digits = "".join(_LOOKALIKE.get(c, c) for c in token)
    if not digits.isdigit():
        return None
    low, high = _RANGES[slot]
    if slot == "y" and len(digits) != 4:
        return None
    return digits if low <= int(digits) <= high else None


def fix_digit_slips(text: str) -> tuple[str, int]:
    """`text` with look-alike letters read as digits in number slots and fraction slashes read as
    slashes; the number of characters changed. Same length as `text`."""
    chars = list(text)
    changed = 0
    for i, c in enumerate(chars):
        if c in _SLASHES and 0 < i < len(chars) - 1 and chars[i - 1].isalnum() and chars[i + 1].isalnum():
            chars[i] = _SLASHES[c]
            changed += 1
    text = "".join(chars)
    for pattern in (_DATE_WORDS, _DATE_NUMERIC, _NUMBER):
        for m in pattern.finditer(text):
            for slot, value in m.groupdict().items():
                if value is None or value.isdigit():
                    continue
                fixed = _as_number(value, slot)
                if fixed is None:
                    continue
                start = m.start(slot)
                for k, c in enumerate(fixed):
                    if chars[start + k] != c:
                        chars[start + k] = c
                        changed += 1
    return "".join(chars), changed
