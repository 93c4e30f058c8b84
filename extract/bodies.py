"""Canonical names of public bodies, and the mark-stripped ("folded") view of Vietnamese text.

Re-exports the text core's `fold(text)` (same length as `text`, so offsets found in the folded view are
offsets into the text itself); owns `canonical_body(mention)`: abbreviations expanded (UBND, HĐND, MTTQ, LĐ-TB&XH, BHXH, NHCSXH, KBNN,
TB&XH, HĐTĐKT, TĐKT), whitespace collapsed, "Uỷ" written "Ủy", the first letter capitalised, as
the gold conventions (gold/README.md) ask.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

# The one fold of the text core (issue 9): marks stripped, đ -> d, one character out per character in.
from vnplan.text.fold import fold  # re-exported: the entity finders import it from here


# Characters OCR puts for letters inside a word ("c6" có, "16p" lớp, "x3" xã, "1€" lệ, "13y" lấy).
_OCR_LETTERS = str.maketrans({"1": "l", "3": "a", "4": "a", "6": "o", "0": "o", "5": "s", "€": "e", "¢": "e", "|": "l", "$": "s"})
_WORDISH = re.compile(r"[\w€¢|$]+")


def loose_fold(text: str) -> str:
    """`fold`, and in words that mix letters and digits the digits read as the letters OCR took them for.

    Same length as `text`. Pure numbers ("2020", "15/12", "3%") are untouched; only a word such as
    "c6" (có), "t6" (tổ), "16p" (lớp), "x3" (xã), "13y" (lấy), "1€"/"1¢" (lệ), "$6" (sở) is read as letters
    ("$" only in words of two characters: never a sum of money).
    For keyword matching (verbs, body heads, indicators), never for numbers or codes.
    """
    folded = fold(text)
    out = None
    for m in _WORDISH.finditer(folded):
        w = m.group()
        if "$" in w and len(w) != 2:
            continue  # "$6", "$o" (Sở); never a sum of money
        if any(c.isdigit() or c == "$" for c in w) and any(c.isalpha() or c in "€¢|$" for c in w) and not w.isdigit():
            if out is None:
                out = list(folded)
            out[m.start() : m.end()] = w.translate(_OCR_LETTERS)
    return "".join(out) if out is not None else folded


def near(a: str, b: str, max_dist: int = 1) -> bool:
    """Two folded phrases one OCR slip apart ("theo di" ~ "theo doi", "nghiem tac" ~ "nghiem tuc")."""
    return a[:1] == b[:1] and Levenshtein.distance(a, b, score_cutoff=max_dist) <= max_dist


def squash(text: str) -> str:
    """Whitespace (line breaks of the page) collapsed to single spaces."""
    return re.sub(r"\s+", " ", text).strip()


# Abbreviation -> expansion, matched on whole words of the folded mention (longest first).
_EXPANSIONS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\blao dong\s*-?\s*(?:tb\s*&\s*xh|tbxh|thuong binh\s*&\s*xh)(?!\w)"), "Lao động - Thương binh và Xã hội"),
    (re.compile(r"\bld\s*-\s*tb\s*&\s*xh(?!\w)|\bldtbxh\b|\bld-tbxh\b"), "Lao động - Thương binh và Xã hội"),
    (re.compile(r"\btb\s*&\s*xh(?!\w)|\bthuong binh\s*&\s*xh(?!\w)"), "Thương binh và Xã hội"),
    # "Ủy ban MTTQ Việt Nam tỉnh", the way provincial and district plans most often write the Front (seed 004 has
    # "UBMTTQVN tỉnh"): the words after the abbreviation already say "Việt Nam", which is not written twice.
    (re.compile(r"\bubmttq(?=\s+viet\s+nam\b)"), "Ủy ban Mặt trận Tổ quốc"),
    (re.compile(r"\bmttq(?=\s+viet\s+nam\b)"), "Mặt trận Tổ quốc"),
    (re.compile(r"\bubmttqvn\b|\bubmttq\b"), "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    (re.compile(r"\bmttqvn\b|\bmttq\b"), "Mặt trận Tổ quốc Việt Nam"),
    (re.compile(r"\bubnd\b"), "Ủy ban nhân dân"),
    (re.compile(r"\bhdnd\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bhd\s*tdkt\b|\bhdtdkt\b"), "Hội đồng Thi đua - Khen thưởng"),
    (re.compile(r"\btd\s*-\s*kt\b|\btdkt\b"), "Thi đua - Khen thưởng"),
    # The bodies the poverty-reduction programme (Quyết định 90/QĐ-TTg) and the emulation plans task by their short
    # names in provincial and district plans' lists of bodies: "BHXH tỉnh", "Chi nhánh NHCSXH tỉnh", "KBNN huyện".
    (re.compile(r"\bbhxh\b"), "Bảo hiểm xã hội"),
    (re.compile(r"\bnhcsxh\b"), "Ngân hàng Chính sách xã hội"),
    (re.compile(r"\bkbnn\b"), "Kho bạc Nhà nước"),
]

# Spellings the documents use for names that have one canonical form.
_FIXES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"Uỷ"), "Ủy"),
    (re.compile(r"uỷ"), "ủy"),
    (re.compile(r"Mặt trận [Tt]ổ [Qq]uốc [Vv]iệt [Nn]am"), "Mặt trận Tổ quốc Việt Nam"),
    (re.compile(r"Mặt trận [Tt]ổ [Qq]uốc(?!\s+V\w{1,4}\s+Nam)"), "Mặt trận Tổ quốc Việt Nam"),  # not "... Vượt Nam" (OCR)
    (re.compile(r"Mặt trận [Tt]ổ [Qq]uốc"), "Mặt trận Tổ quốc"),
    (re.compile(r"Thi đua\s*[-–—]\s*Khen thưởng"), "Thi đua - Khen thưởng"),
    (re.compile(r"Lao động\s*[-–—]\s*Thương binh"), "Lao động - Thương binh"),
    (re.compile(r"chính trị\s*[-–—]\s*[Xx]ã hội"), "chính trị - xã hội"),
    # a person's title with its marks lost or its dot an OCR speck: "ong. Đỗ Quang Nhõn" (bct-qd-26) is "Ông Đỗ Quang Nhõn"
    (re.compile(r"^[Oo]ng\.?(?=\s+[A-ZĐÀ-Ỹ])"), "Ông"),
]

# Known names whose marks OCR repair may have missed: folded form -> proper Vietnamese.
_LEXICON = [
    "Phòng Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội", "Phòng Nội vụ", "Sở Nội vụ",
    "Phòng Văn hóa và Thông tin", "Sở Thông tin và Truyền thông", "Văn phòng Sở", "Phòng Bảo trợ xã hội",
    "Ban Thi đua - Khen thưởng", "Hội đồng Thi đua - Khen thưởng", "Ủy ban nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc Việt Nam", "Ban Tuyên giáo", "Huyện ủy", "Tỉnh ủy", "Sở Tài chính", "Sở Kế hoạch và Đầu tư",
    "Chủ tịch", "Thủ trưởng", "các sở, ban, ngành", "đoàn thể", "các huyện", "thị xã", "thành phố", "thị trấn",
    "các xã", "tỉnh", "huyện", "các cơ quan", "các đơn vị", "trực thuộc", "Ban Chỉ đạo", "cùng cấp", "các cấp",
    "Đài Phát thanh", "Truyền hình", "Báo", "các tổ chức", "chính trị - xã hội", "doanh nghiệp", "hợp tác xã",
    "thành viên", "phụ trách", "thuộc", "có liên quan", "nghiệp vụ", "chuyên môn", "sự nghiệp", "chính quyền",
]
LEXICON = _LEXICON
_LEXICON_WORDS: dict[str, str] = {}
_AMBIGUOUS: set[str] = set()
for _name in _LEXICON:
    for _w in _name.split():
        _k = fold(_w)
        if _w == "-":
            continue
        if _k in _LEXICON_WORDS and _LEXICON_WORDS[_k].lower() != _w.lower():
            _AMBIGUOUS.add(_k)
        _LEXICON_WORDS.setdefault(_k, _w)
for _k in _AMBIGUOUS:
    _LEXICON_WORDS.pop(_k, None)
_PHRASES = sorted(((fold(n), n) for n in _LEXICON if " " in n), key=lambda p: -len(p[0]))


def _restore_marks(name: str) -> str:
    """Put back the marks of words that lost them in repair, where the lexicon is unambiguous."""
    folded = fold(name)
    chars = list(name)
    for key, proper in _PHRASES:
        for m in re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", folded):
            segment = name[m.start() : m.end()]
            if segment.lower() == fold(segment):  # no marks at all: lost in repair
                repl = proper if segment[:1].isupper() == proper[:1].isupper() else (
                    proper[:1].upper() + proper[1:] if segment[:1].isupper() else proper[:1].lower() + proper[1:])
                chars[m.start() : m.end()] = list(repl)
    name = "".join(chars)
    if name.lower() != fold(name).lower():
        # Some words carry their marks: the text kept them, and an unmarked word is written so ("Công ty ... hạ tầng và
        # Giao thông" is not "Giáo thông", dn-qd-89). Words are restored only in a name that lost every mark.
        return name
    out = []
    for w in name.split(" "):
        k = fold(w)
        if w and w.lower() == k and k in _LEXICON_WORDS:
            proper = _LEXICON_WORDS[k]
            if proper.lower() != w.lower():
                w = proper[:1].upper() + proper[1:].lower() if w[:1].isupper() else proper.lower()
        out.append(w)
    return " ".join(out)


_HEADS = ("phong ", "so ", "ban ", "hoi dong ", "uy ban ", "van phong ", "mat tran ")
_KNOWN_BODIES = sorted(((fold(n), n) for n in _LEXICON if fold(n).startswith(_HEADS)), key=lambda p: -len(p[0]))


# Heads of bodies spelt with their marks: a name that opens with one of them names that kind of body (a ministry, a
# department, an office), whatever known name of another kind it is one letter away from.
_HEAD_WORDS = {"Bộ", "Sở", "Phòng", "Ban", "Cục", "Vụ", "Hội", "Văn", "Ủy", "Mặt"}


def other_heads(a: str, b: str) -> bool:
    """Two names that open with different heads, each spelt with its marks ("Bộ ..." and "Sở ..."): two bodies, never one
    name and its OCR slip."""
    ha, hb = a.split(" ", 1)[0], b.split(" ", 1)[0]
    return ha in _HEAD_WORDS and hb in _HEAD_WORDS and ha != hb


def _repair_known(name: str) -> str:
    """A known body's name one or two OCR slips off, written properly: "Phong Nô vụ" -> "Phòng Nội vụ".

    The name's first words are compared with each known name of as many words (mark-stripped): one slip
    allowed, two in names of 15 letters or more ("Ủy ban Mức trần Tổ quốc" -> "Ủy ban Mặt trận Tổ quốc").
    """
    words = name.split(" ")
    for key, proper in _KNOWN_BODIES:
        if other_heads(name, proper):
            continue  # "Bộ Lao động - Thương binh và Xã hội" is the ministry, no slip of the "Sở" of that name
        n = len(proper.split(" "))
        last = words[n - 1] if len(words) >= n else ""
        trail = last[len(last.rstrip(",;:")) :]  # "Ban Thi đua - Khen thưởng, Sở Nội vụ": the comma is not a slip
        head = fold(" ".join(words[:n]))[: len(fold(" ".join(words[:n]))) - len(trail)]
        if len(words) < n or head == key:
            continue
        if near(head, key, 2 if len(key) >= 15 else 1) and head.split(" ")[-1][:1] == key.split(" ")[-1][:1]:
            return " ".join([proper + trail] + words[n:])
    return name


# "Sở" as an English OCR model reads it ("$6", "SG", "SA"), at the head of a name or of a list item:
# "SA Lao động - ...", "Các SG, ban, ngành".
_DAMAGED_SO = re.compile(r"(?:(?<=^)|(?<=^[Cc]ác )|(?<=, ))(?:\$\w|S[A-Z0-9])(?=,|\s+[A-ZĐ][a-zà-ỹđ])")


@lru_cache(maxsize=4096)
def canonical_body(mention: str) -> str:
    """'phòng Lao động - TB&XH các huyện,\\nthị xã' -> 'Phòng Lao động - Thương binh và Xã hội các huyện, thị xã'."""
    name = unicodedata.normalize("NFC", squash(mention))
    name = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()  # asides: "(Thường trực Hội đồng ...)"
    name = name.strip(" ,;:.-")
    for pattern, expansion in _EXPANSIONS:
        folded = fold(name)
        pieces, last = [], 0
        for m in pattern.finditer(folded):
            pieces += [name[last : m.start()], expansion]
            last = m.end()
        if pieces:
            name = "".join(pieces) + name[last:]
    name = _DAMAGED_SO.sub("Sở", name)
    for pattern, replacement in _FIXES:
        name = pattern.sub(replacement, name)
    name = _restore_marks(name)
    name = _repair_known(name)
    name = re.sub(r"\s+", " ", name).strip()
    return name[:1].upper() + name[1:] if name else name


def body_key(name: str) -> str:
    """The comparison form of a body name: NFC, casefolded, abbreviations expanded."""
    return canonical_body(name).casefold()


def same_body(a: str, b: str, threshold: float = 90.0) -> bool:
    return fuzz.ratio(body_key(a), body_key(b)) >= threshold
