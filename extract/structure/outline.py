"""The numbered outline of a plan's body as a tree of `Section`s, with canonical labels.

Owns: finding heading lines ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2.1. ...", "a) ..."),
deciding which of them are sections (numbering must continue the sequence of its level, so a
list restarting at "1." inside a section is not a section), their headings and exact
boundaries (gold/README.md: a section runs from its number to the next section of the same or a
higher level; the last one ends where the closing part starts), and the labels of top-level
sections, matched tolerantly so that residual OCR damage ("MUC PICH", "TIEU CHUAN") still works.
Numbers damaged by OCR or by repair ("I." or "I11." for "III.", "TV." for "IV.", "ở)", "là)",
"có)" for list letters, "l." for "1.") are read from the sequence, each only where the token can
stand for the expected number and the neighbouring headings confirm it; every such reading is
reported as a `section_number_guessed` warning.

Matching is done on a *fold* of the text: one character per character (marks stripped, đ -> d,
casefolded), so every offset found in the fold is an offset in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from vnplan.lexicon import load
from vnplan.structure.noise import is_junk_heading
from vnplan.text import LINE_BREAKS, fold
from vnplan.models import Section, Span, Warning


@lru_cache(maxsize=1)
def _label_phrases() -> list[tuple[str, str, bool]]:
    """(label, folded phrase, found anywhere in a run-in heading) of the lexicon, longest first."""
    out = [(label, e["value"], bool(e.get("anywhere"))) for label, entries in load("sections")["labels"].items() for e in entries]
    return sorted(out, key=lambda lp: -len(lp[1]))


@lru_cache(maxsize=1)
def _other_openings() -> tuple[str, ...]:
    return tuple(e["value"] for e in load("sections")["other_openings"])


def heading_labels(heading: str, run_in: bool = False) -> list[str]:
    """Labels named by a top-level heading, in the order they appear; ["other"] when none.

    Each phrase is compared with every window of as many words (rapidfuzz ratio), so one or two
    damaged letters ("muc pich", "tieu chuán") still match; a longer phrase that covers a shorter
    one wins ("phân công nhiệm vụ"). In a run-in heading (a numbered item's or an article's
    sentence) only a phrase among its first words names the section."""
    words = re.findall(r"[a-z0-9]+", fold(heading))
    if " ".join(words).startswith(_other_openings()):
        return ["other"]
    run_in_limit = load("sections")["run_in_words"]
    taken: list[tuple[int, int, str]] = []  # (first word, last word + 1, label)
    for label, phrase, anywhere in _label_phrases():
        pw = re.findall(r"[a-z0-9]+", phrase)
        n = len(pw)
        key = " ".join(pw)
        limit = run_in_limit if run_in and not anywhere else len(words)
        for i in range(0, min(limit, max(1, len(words) - n + 1))):
            window = " ".join(words[i : i + n])
            # one damaged letter in a short phrase ("muc pich"), a few in a long one
            # (up to 12 letters: "kien thong" of "Ý KIẾN THỐNG NHẤT" is two slips from "khen thuong")
            # and never in a phrase's first letter: "hồ sơ trình" is no slip of "lộ trình"
            close = window[:1] == key[:1] and (
                Levenshtein.distance(window, key) <= 1 if len(key) <= 12 else fuzz.ratio(window, key) >= 85)
            if close:
                if not any(a <= i and i + n <= b for a, b, _ in taken):
                    taken.append((i, i + n, label))
                break
    found = [(i, label) for i, _, label in taken]
    if not found and not run_in:
        # words glued by OCR ("TO CHUCTHUC HIEN"): compare without spaces
        glued = "".join(words)
        for label, phrase, _ in _label_phrases():
            p = phrase.replace(" ", "").replace(",", "")
            if len(p) >= 8 and len(glued) >= len(p) - 1 and fuzz.partial_ratio(p, glued) >= 85:
                found.append((glued.find(p[:3]) if p[:3] in glued else 99, label))
                break
    labels: list[str] = []
    for _, label in sorted(found):
        if label not in labels:
            labels.append(label)
    return labels or ["other"]


# ----------------------------------------------------------------------------------------------
# Heading lines

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]

# Roman numeral as OCR may leave it: "I1." for "III.", "Il." for "II.", "LI." for "II.",
# "V.TO CHUC" without space.
_ROMAN_LINE = re.compile(r"(?P<num>[IVXLl1|!T]{1,5})\s*[.:\-–)]\s*(?P<rest>\S.*)$")
# A Roman numeral whose dot OCR dropped ("II CHỦ ĐỀ, NỘI DUNG PHONG TRÀO THI ĐUA"): only real
# numeral letters (and "l" beside an I: "Il", "Ill"), never digits ("2 MỤC TIÊU" may be an item).
_ROMAN_BARE_LINE = re.compile(r"(?P<num>(?=[IVXl]*[IVX])[IVXl]{1,4})\s+(?P<rest>[^\W\d_].*)$")
# Characters OCR (or a repair that took them for letters) puts for the I of a Roman numeral;
# "T" only beside a V or an X ("TV." for "IV."), never alone ("TT." is an abbreviation).
_ROMAN_I = str.maketrans({c: "I" for c in "l1|!LT"})
# "7.4.1. Thực trạng ..." (a report's third level, lc-bc-ks2025)
_DECIMAL3_LINE = re.compile(r"(?P<num>\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+(?P<rest>\S.*)$")
_DECIMAL2_LINE = re.compile(r"(?P<num>[\dlIoO|]{1,2}\.[\dlIoO|]{1,2})\s*\.?\s*(?P<rest>\S.*)$")
_DECIMAL_LINE = re.compile(r"(?P<num>\d{1,2})\s*[.)]\s*(?P<rest>[^\d\s./].*)$")
# An item number with letters for digits ("l. Mục đích", "I. Mục đích" in lower case, "2, Yêu
# cầu", "1: Muc dich" where OCR read the dot as a colon): taken only when it reads as exactly the
# next number of its level, its heading starts with a capital and the next item of the level
# follows it.
_DECIMAL_OCR_LINE = re.compile(r"(?P<num>[\dlIoOSZB|]{1,2})\s*[.,:)]\s*(?P<rest>[^\W\d_].*)$")
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "o": "0", "O": "0", "S": "5", "Z": "2", "B": "8"})
_LETTER_LINE = re.compile(r"(?P<num>[a-zđ]|[" + re.escape("".join(load("sections")["ocr_lookalikes"])) + r"])\s*\)\s*(?P<rest>\S.*)$")
# Requests numbered "(i)", "(ii)" in a Công văn (lc-cv-3686), read like list letters.
_PAREN_ROMAN_LINE = re.compile(r"\((?P<num>[ivx]{1,4})\)\.?\s*(?P<rest>\S.*)$")
_SMALL_ROMANS = [r.lower() for r in ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]]
# Any one or two letters before ")": a list letter that OCR or repair changed ("ở)" for "a)",
# "e)" for "c)", "có)" for "c)"); taken only where the sequence of letters asks for it.
_ANY_LETTER_LINE = re.compile(r"(?P<num>[^\W\d_]{1,2})\s?\)\s+(?P<rest>\S.*)$")
# Letters OCR and repair confuse with each list letter (after folding marks: "ở" -> "o").
_LETTER_CONFUSIONS = load("sections")["letter_confusions"]
_LOOKALIKES = {k: v["letter"] for k, v in load("sections")["ocr_lookalikes"].items()}
# Item whose number OCR lost: ". Phòng Nội vụ ..." after item 6.
_LOST_NUMBER_LINE = re.compile(r"(?P<num>)\.\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$")

_LETTERS = "abcdđefghiklmnopqrstuvxy"

# Parts lettered "A. THÀNH PHẦN ĐOÀN KIỂM TRA", "B. NỘI DUNG KIỂM TRA", "C. KẾT LUẬN" (inspection
# minutes, reports without Roman parts): top level only when the body has no Roman parts.
_LETTER_PART_LINE = re.compile(r"(?P<num>[A-HĐ])\s*\.\s+(?P<rest>\S.*)$")
# Numbering under a Roman part by dotted paths (technical Phương án, Thuyết minh: "I.1. Thông tin
# chung", "I.4.1. Mô tả sơ đồ công nghệ", "III.5.2.1. Xác định đường cản chân tầng"); the depth
# of the path is the level. "IV5.2." (the dot after the numeral lost) is read only where the
# sequence asks for exactly that number.
_ROMAN_DOTTED_LINE = re.compile(r"(?P<roman>[IVX]{1,4})(?P<dot>\.?)(?P<path>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<rest>\S.*)$")

@lru_cache(maxsize=1)
def _recipients_line() -> re.Pattern:
    return re.compile(load("foot")["recipients_head"]["pattern"])


@lru_cache(maxsize=1)
def _closing_phrases() -> tuple[tuple[str, bool], ...]:
    return tuple((e["value"], bool(e.get("in_head"))) for e in load("sections")["closing"])


@lru_cache(maxsize=1)
def _section_patterns() -> dict[str, re.Pattern]:
    sec = load("sections")
    return {k: re.compile(sec[k]["pattern"]) for k in ("annex_head", "article_head")}


_BULLET = re.compile(r"\s*(?:[-_–—+•*]|\d{1,2}\s*[.)]|\d{1,2}\.\d{1,2}|[a-zđ]\))")


def _roman_match(s: str) -> Optional[re.Match]:
    """The Roman heading match of line `s`: "II. NỘI DUNG", or a numeral that lost its dot when
    the rest is an upper-case heading naming a known section type ("II CHỦ ĐỀ, NỘI DUNG ...");
    without the dot, an upper-case line of other words ("V VIỆC", "X XÃ HỘI") is not taken."""
    m = _ROMAN_LINE.match(s)
    if m:
        return m
    m = _ROMAN_BARE_LINE.match(s)
    if m and _is_upper_heading(m["rest"]) and heading_labels(m["rest"]) != ["other"]:
        return m
    return None


def _roman_is_bare(m: re.Match) -> bool:
    """Whether a Roman heading match has no mark between the numeral and the heading."""
    return not m.string[m.end("num") : m.start("rest")].strip()


def _roman_value(token: str) -> Optional[int]:
    if token in _ROMANS:
        return _ROMANS.index(token) + 1
    return None


def _is_upper_heading(rest: str, share: float = 0.75) -> bool:
    letters = [c for c in rest if c.isalpha()]
    if len(letters) < 3:
        return False
    upper = sum(c.isupper() for c in letters)
    return upper / len(letters) >= share


def _is_top_heading(rest: str) -> bool:
    """Level-1 headings are upper case; with residual damage ("Ml)C Dịch, YÊU cầu") a short line
    naming a canonical label is accepted with less upper case."""
    if _is_upper_heading(rest):
        return True
    if len(rest) > 90 or rest.rstrip().endswith((".", ";", ",")):
        return False
    return _is_upper_heading(rest, 0.3) and heading_labels(rest) != ["other"]


@dataclass
class _Line:
    start: int  # offset of the first non-blank character
    end: int  # offset of the line end (the "\n" or len(text))
    text: str  # the line from `start` to `end`




def _lines(text: str) -> list[_Line]:
    """Lines of `text` split at "\n" and "\f" (one character each, so offsets stay exact)."""
    out = []
    pos = 0
    for raw in LINE_BREAKS.split(text):
        stripped = raw.lstrip(" \t\f\u00a0")
        lead = len(raw) - len(stripped)
        out.append(_Line(pos + lead, pos + len(raw), stripped.rstrip()))
        pos += len(raw) + 1
    return out


@dataclass
class _Candidate:
    level: int  # 1 roman or article, 2 "1.", 3 "1.1.", 4 "1.1.1.", 5 "a)" "(i)" (under the deepest numeric item)
    number: str
    start: int
    line_index: int
    heading: str
    heading_start: int
    heading_end: int
    ocr_guess: bool = False
    children: list["_Candidate"] = field(default_factory=list)
    end: int = 0


def closing_start(text: str, body_start: int = 0) -> int:
    """Offset where the closing part begins ("Trên đây là ...", "Nơi nhận", ...), else len(text)."""
    folded = fold(text)
    best = len(text)
    for line in _lines(text):
        if line.start < body_start or not line.text:
            continue
        head = re.sub(r"[^a-z ]", "", folded[line.start : line.start + min(60, len(line.text))]).strip()
        head = re.sub(r"\s+", " ", head)
        for phrase, in_head in _closing_phrases():
            if in_head and re.search(r"(?<![a-z])" + phrase + r"(?![a-z])", head[:60]):
                best = min(best, line.start)
                break
            window = head[: len(phrase)]
            # one slip in a short phrase ("tren day la"; not "tren dia ban"), a few in a long one
            close = Levenshtein.distance(window, phrase) <= 1 if len(phrase) <= 12 else fuzz.ratio(window, phrase) >= 80
            if close:
                best = min(best, line.start)
                break
        if best != len(text):
            break
    return best


def _referring_close(text: str, start: int, end: int) -> int:
    """Offset of a closing paragraph that refers back to the document itself ("Căn cứ nội dung Kế
    hoạch này, Ủy ban nhân dân huyện yêu cầu ...", seed 002; "Căn cứ ý kiến chỉ đạo trên, Sở ...
    triển khai thực hiện./.", lc-cv-giao-uyquyen), after the last heading of any level; else `end`."""
    pattern = re.compile(load("sections")["referring_close"]["pattern"])
    for line in _lines(text):
        if start <= line.start < end and line.text and pattern.match(fold(line.text)):
            return line.start
    return end


def recipients_start(text: str, start: int = 0) -> int:
    """Offset of the "Nơi nhận" line at or after `start`, else len(text)."""
    folded = fold(text)
    for line in _lines(text):
        if line.start >= start and line.text and _recipients_line().match(folded[line.start : line.end]):
            return line.start
    return len(text)


def _heading_of(lines: list[_Line], index: int, rest_offset: int, level: int) -> tuple[str, int, int]:
    """Heading text and its span: the rest of the line up to ':' or ';' (trailing . , stripped);
    a short heading wrapped onto one more line joins it (uppercase continuation for level 1, a
    line followed by an item marker for the others)."""
    line = lines[index]
    rest = line.text[rest_offset:]
    start = line.start + rest_offset
    # A heading ends at a colon; at a semicolon only when the clause before it is short (a long
    # one-line paragraph, as in documents without hard line wraps, is its own heading).
    # OCR leaves ":" and ";" inside damaged words ("m(;1nh", "cư:(mg"): only a mark followed by
    # a space or the line end ends a heading.
    cut = re.search(r":(?=\s|$)", rest)
    if cut and len(rest[: cut.start()].split()) <= 1 and rest[cut.end() :].strip():
        cut = None  # a one-word label ("1. Ông: Hoàng Văn Thuân - Trưởng đoàn", lc-qd-kthoachat) is not the heading
    semi = re.search(r";(?=\s|$)", rest)
    if semi and semi.start() <= 120 and (not cut or semi.start() < cut.start()):
        cut = semi
    wrapped = False
    if cut:
        rest = rest[: cut.start()]
    else:
        # look for one continuation line
        j = index + 1
        while j < len(lines) and not lines[j].text:
            j += 1
        if j < len(lines):
            nxt = lines[j].text
            if level == 1:
                if _is_upper_heading(nxt) and not _roman_match(nxt) and not _BULLET.match(nxt) and len(nxt) < 60:
                    wrapped = True
            elif not rest.rstrip().endswith((".", ",", ";")) and not _BULLET.match(nxt) and len(rest) + len(nxt) < 140:
                k = j + 1
                while k < len(lines) and not lines[k].text:
                    k += 1
                after = lines[k].text if k < len(lines) else ""
                if (
                    re.match(r"\s*[-_–—+•]", after)
                    and not nxt.rstrip().endswith((".", ";", ":"))
                    and nxt[:1].islower()
                ):
                    wrapped = True
            if wrapped:
                more = nxt
                c2 = re.search(r"[:;](?=\s|$)", more)
                if c2:
                    more = more[: c2.start()]
                more = more.rstrip(" .,;:\t")
                heading = re.sub(r"\s+", " ", rest.strip() + " " + more.strip())
                return heading, start, lines[j].start + len(more)
    trimmed = rest.rstrip(" .,;:\t")
    return trimmed.strip(), start, start + len(trimmed)


def _is_noise_heading(rest: str) -> bool:
    from vnplan.structure.noise import is_noise_line

    return is_noise_line(rest)


def _roman_distance(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b)


def _clean_roman(token: str) -> str:
    if "T" in token and not re.search(r"[VX]", token):
        return ""
    return token.translate(_ROMAN_I)


def _ocr_number(token: str) -> Optional[int]:
    digits = token.translate(_OCR_DIGITS)
    return int(digits) if digits.isdigit() else None


def _plausible_letter(token: str, letter: str) -> bool:
    """Whether `token` (one or two characters before ")") can be the list letter `letter` as OCR
    or repair left it: the letter, once marks are folded, with at most one letter added ("có",
    "là"), or a single letter commonly read for it ("e" for "c", "ở" for "a")."""
    f = fold(_unlook(token))
    if not f:
        return False
    if fold(letter) in f:  # "có)" for "c)", "là)" for "a)": a letter was added
        return True
    return len(f) == 1 and f in _LETTER_CONFUSIONS.get(letter, "")


def _unlook(token: str) -> str:
    """A list letter with OCR look-alike characters read as letters ("¢" -> "c")."""
    return "".join(_LOOKALIKES.get(c, c) for c in token)


def _guess_warning(message: str, token: str, start: int) -> Warning:
    return Warning(
        code="section_number_guessed",
        message=message,
        span=Span(text=token, start=start, end=start + len(token)),
    )


def find_candidates(text: str, body_start: int, body_end: int, mode: str = "roman") -> tuple[list[_Candidate], list[Warning]]:
    """Heading lines in reading order that continue their level's numbering.

    `mode` says what the top level is: "roman" ("I.", "II." headings; numbered lines before the
    first are not sections), "article" ("Điều 1." of a Quyết định, Nghị quyết), "decimal" (a
    document without either: its "1.", "2." items, as in a Công văn).

    Numbers damaged by OCR or repair ("I1." or "I." for "III.", "ở)" or "có)" for "a)" / "c)",
    "l." for "1.") are read as the number the sequence expects, only where the damaged token can
    stand for it and the lines around confirm it; each such reading gives a warning."""
    lines = _lines(text)
    warnings: list[Warning] = []
    out: list[_Candidate] = []
    last_roman = 0
    last_l2: Optional[int] = None  # within the current roman section
    last_l3: Optional[tuple[int, int]] = None
    last_letter: Optional[int] = None
    last_paren: Optional[int] = None
    last_l4: Optional[tuple[int, int, int]] = None
    last_article = 0
    last_part: Optional[int] = None  # letter of the last "A." part (mode "letter")
    dotted: list[int] = []  # path of the last "I.2.1." heading under the current Roman part
    sentence_romans = mode == "roman" and _sentence_case_romans(lines, body_start, body_end)
    quoted = _quoted_lines(lines)
    article_re = _section_patterns()["article_head"]

    def l2_continues(n: int) -> bool:
        # a skipped item number (seed 003's "1." then "3.") is kept inside a part; at the top of
        # a document without parts numbering must continue exactly (quoted articles restart it)
        step = 1 if mode == "decimal" else 2
        return (last_l2 is None and n == 1) or (last_l2 is not None and last_l2 < n <= last_l2 + step)

    for i, line in enumerate(lines):
        if line.start < body_start or line.start >= body_end or not line.text or i in quoted:
            continue
        s = line.text
        if is_junk_heading(s):
            continue  # a scan's stray marks after a number, or its scanning app's footer
        if mode == "article":
            m = article_re.match(fold(s))
            if m and int(m["num"]) in (last_article + 1, last_article + 2):
                rest_offset = m.start("rest")
                heading = s[rest_offset:].strip()
                cut = re.search(r"\t", heading)
                heading = (heading[: cut.start()] if cut else heading).rstrip(" .:;")
                out.append(_Candidate(1, m["num"].lstrip("0") or "0", line.start, i, heading, line.start + rest_offset,
                                      line.start + rest_offset + len(heading)))
                last_article = int(m["num"])
                last_l2, last_l3, last_letter, last_paren = None, None, None, None
                continue
        if mode == "letter":
            m = _LETTER_PART_LINE.match(s)
            if m and _is_top_heading(m["rest"]):
                idx = _LETTERS.index(m["num"].lower())
                if (last_part is None and idx == 0) or (last_part is not None and idx in _followers(last_part)):
                    heading, hs, he = _heading_of(lines, i, m.start("rest"), 1)
                    out.append(_Candidate(1, m["num"], line.start, i, heading, hs, he))
                    last_part = idx
                    last_l2, last_l3, last_letter, last_paren = None, None, None, None
                    continue
        m = _ROMAN_DOTTED_LINE.match(s) if mode == "roman" and last_roman else None
        if m and _roman_value(m["roman"]) == last_roman and m["rest"][:1].isupper():
            path = [int(x) for x in m["path"].split(".")]
            d = len(path)
            fits = path[:-1] == dotted[: d - 1] and (
                (len(dotted) >= d and path[-1] == dotted[d - 1] + 1) or (len(dotted) == d - 1 and path[-1] == 1))
            if fits and (m["dot"] or not _is_noise_heading(m["rest"])):
                number = m["roman"] + "." + ".".join(str(x) for x in path)
                heading, hs, he = _heading_of(lines, i, m.start("rest"), 2)
                out.append(_Candidate(1 + d, number, line.start, i, heading, hs, he, ocr_guess=not m["dot"]))
                if not m["dot"]:
                    warnings.append(_guess_warning(f"heading number {m.group(0).split()[0]!r} read as {number!r} from the sequence",
                                                   s[: m.end("path")], line.start))
                dotted = path
                last_l2, last_l3, last_letter, last_paren = None, None, None, None
                continue
        if dotted and s[:1].isdigit() and (_DECIMAL_LINE.match(s) or _DECIMAL2_LINE.match(s) or _DECIMAL3_LINE.match(s)):
            continue  # plain numbers inside a part numbered by dotted paths are lists, not sections
        m = _roman_match(s) if mode == "roman" else None
        if m and sentence_romans and _clean_roman(m["num"]) == m["num"] and not _is_top_heading(m["rest"]) and (
            m["rest"][:1].isupper() and not m["rest"].rstrip().endswith((".", ";", ",")) and len(m["rest"]) < 160
            and _roman_value(m["num"]) == last_roman + 1
        ):
            # a document whose parts are headed in sentence case ("I. Đối với các dự án ...")
            heading, hs, he = _heading_of(lines, i, m.start("rest"), 2)
            out.append(_Candidate(1, m["num"], line.start, i, heading, hs, he))
            last_roman = _roman_value(m["num"])
            last_l2, last_l3, last_letter, last_paren = None, None, None, None
            dotted = []
            continue
        if m and _clean_roman(m["num"]) and _is_top_heading(m["rest"]) and not (
            # an upper-case item "1. MỤC ĐÍCH" that continues the items of its section is an item
            out and m["num"].isdigit() and l2_continues(int(m["num"]))
        ):
            token = m["num"]
            # outlines never reach L (50): an "L" is a misread I, like l, 1 and |
            clean = _clean_roman(token)
            value = _roman_value(clean)
            guess = clean != token
            expected = last_roman + 1
            if guess or value is None:
                value = expected
            if value == last_roman and not guess and last_roman and _implied_roman(lines, i, last_roman) == expected:
                # a numeral repeated by damage ("I." for "II.") that the next one shows was the next
                guess, value = True, expected
            bare = _roman_is_bare(m)
            accepted = value in (last_roman, expected) or (not guess and value == last_roman + 2)
            if bare:
                # no dot is already one doubt: the numeral itself must be the next one (or a repeat)
                accepted = _roman_value(clean) in (last_roman, expected)
            elif not accepted and expected <= len(_ROMANS) and _roman_distance(clean, _ROMANS[expected - 1]) <= 2:
                # a valid numeral out of sequence ("I." where "III." lost two strokes): the
                # expected one when the heading names a section or the next numeral follows it
                if _is_upper_heading(m["rest"]) and (
                    heading_labels(m["rest"]) != ["other"] or _implied_roman(lines, i, last_roman) == expected
                ):
                    accepted, guess, value = True, True, expected
            if accepted:
                number = _ROMANS[value - 1] if guess else token
                heading, hs, he = _heading_of(lines, i, m.start("rest"), 1)
                out.append(_Candidate(1, number, line.start, i, heading, hs, he, ocr_guess=guess or bare))
                if guess:
                    warnings.append(
                        _guess_warning(f"heading numeral {token!r} read as {number!r} from the sequence", token, line.start)
                    )
                if bare:
                    warnings.append(
                        _guess_warning(f"heading numeral {token!r} has no dot; read as a heading (its words name a "
                                       "section and it continues the numbering)", token, line.start)
                    )
                last_roman = value
                last_l2, last_l3, last_letter = None, None, None
                dotted = []
                continue
        if not out and mode != "decimal":
            continue  # numbered lines before the first roman heading (or article) are not sections
        m = _DECIMAL3_LINE.match(s)
        if m:
            a, b, c = (int(x) for x in m["num"].split("."))
            if last_l3 == (a, b) and ((last_l4 is None and c == 1) or (last_l4 is not None and last_l4 == (a, b, c - 1))):
                heading, hs, he = _heading_of(lines, i, m.start("rest"), 4)
                out.append(_Candidate(4, f"{a}.{b}.{c}", line.start, i, heading, hs, he))
                last_l4, last_letter = (a, b, c), None
            continue
        m = _DECIMAL2_LINE.match(s)
        if m:
            parts = [_ocr_number(x) for x in m["num"].split(".")]
            if None not in parts:
                a, b = parts
                expected = last_l3 is None and b == 1 and a == last_l2 or (
                    last_l3 is not None and a == last_l3[0] and b == last_l3[1] + 1
                )
                if expected:
                    number = f"{a}.{b}"
                    heading, hs, he = _heading_of(lines, i, m.start("rest"), 3)
                    guessed = number != m["num"]
                    out.append(_Candidate(3, number, line.start, i, heading, hs, he, ocr_guess=guessed))
                    if guessed:
                        warnings.append(_guess_warning(f"item number {m['num']!r} read as {number!r}", m["num"], line.start))
                    last_l3 = (a, b)
                    last_l4, last_letter = None, None
                continue
        m = _DECIMAL_LINE.match(s)
        if m:
            n = int(m["num"])
            if l2_continues(n):
                heading, hs, he = _heading_of(lines, i, m.start("rest"), 2)
                out.append(_Candidate(2, str(n), line.start, i, heading, hs, he))
                last_l2, last_l3, last_letter = n, None, None
            continue
        m = _DECIMAL_OCR_LINE.match(s)
        if m and not (m["num"].isdigit() and s[m.end("num") :].lstrip().startswith(".")):
            n = _ocr_number(m["num"])
            next_n = 1 if last_l2 is None else last_l2 + 1
            sep = s[m.end("num") : m.start("rest")].strip()
            letters_for_digits = any(c in "oOSZB" for c in m["num"])  # only with a dot
            if (
                n == next_n
                and last_l3 is None
                and last_letter is None
                and m["rest"][:1].isupper()
                and not (letters_for_digits and sep != ".")
                and _next_item_number(lines, i) in (n + 1, n + 2)
            ):
                heading, hs, he = _heading_of(lines, i, m.start("rest"), 2)
                out.append(_Candidate(2, str(n), line.start, i, heading, hs, he, ocr_guess=True))
                warnings.append(_guess_warning(f"item number {m['num']!r} read as {n}", m["num"], line.start))
                last_l2, last_l3, last_letter = n, None, None
                continue
        m = _PAREN_ROMAN_LINE.match(s)
        if m and out and last_letter is None:
            idx = _SMALL_ROMANS.index(m["num"]) if m["num"] in _SMALL_ROMANS else -1
            if idx == (0 if last_paren is None else last_paren + 1):
                heading, hs, he = _heading_of(lines, i, m.start("rest"), 4)
                out.append(_Candidate(5, m["num"], line.start, i, heading, hs, he))
                last_paren = idx
                continue
        m = _LETTER_LINE.match(s) or _ANY_LETTER_LINE.match(s)
        if m:
            token = m["num"]
            read = _read_letter(token, last_letter, lines, i)
            if read:
                idx, guessed = read
                letter = _LETTERS[idx]
                if guessed and letter != token:
                    warnings.append(
                        _guess_warning(f"list letter {token!r} read as {letter!r} from the sequence", token, line.start)
                    )
                heading, hs, he = _heading_of(lines, i, m.start("rest"), 4)
                out.append(_Candidate(5, letter, line.start, i, heading, hs, he, ocr_guess=guessed))
                last_letter = idx
            continue
        m = _LOST_NUMBER_LINE.match(s)
        if m and last_l2 is not None and last_l3 is None and last_letter is None:
            n = last_l2 + 1
            heading, hs, he = _heading_of(lines, i, m.start("rest"), 2)
            out.append(_Candidate(2, str(n), line.start, i, heading, hs, he, ocr_guess=True))
            warnings.append(_guess_warning(f"item number lost by OCR; read as {n} from the sequence", s[:1], line.start))
            last_l2 = n
    return out, warnings


def _quoted_lines(lines: list[_Line], reach: int = 40) -> set[int]:
    """Indexes of the lines inside a quotation that spans lines (“ ... ”): a Công văn quoting a
    decree's clauses ("4. Đối với dự án khác ...", "a) Bộ quản lý ...", lc-cv-3298) does not number
    its own outline there. A quotation not closed within `reach` lines (OCR loses quotes) counts
    for nothing."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        t = lines[i].text
        opened = t.rfind("“")
        if opened >= 0 and "”" not in t[opened:]:
            for j in range(i + 1, min(len(lines), i + 1 + reach)):
                tj = lines[j].text
                close, reopen = tj.find("”"), tj.find("“")
                if reopen >= 0 and (close < 0 or reopen < close):
                    break  # another quotation opens first: the first one is damaged
                if close >= 0:
                    out.update(range(i + 1, j + 1))
                    i = j
                    break
        i += 1
    return out


def _sentence_case_romans(lines: list[_Line], body_start: int, body_end: int) -> bool:
    """Whether the body's parts are headed "I. Đối với ..." in sentence case: an "I." and a "II."
    line, both in sentence case and not ending as a sentence ends (lc-cv-snnmt-dcks)."""
    seen = set()
    for line in lines:
        if line.start < body_start or line.start >= body_end:
            continue
        m = _ROMAN_LINE.match(line.text)
        if m and m["num"] in ("I", "II") and m["rest"][:1].isupper() and not _is_upper_heading(m["rest"]) and not m["rest"].rstrip().endswith((".", ";", ",")):
            seen.add(m["num"])
    return seen == {"I", "II"}


def _next_document(text: str, start: int, end: int) -> int:
    """Where another document's header (its quốc hiệu or Party motto) begins between `start` and
    `end`, else `end`: an annex ends there (bct-cv-logistic keeps an internal Phiếu trình after it)."""
    motto = [re.compile(e["pattern"]) for e in load("header")["motto"]]
    for line in _lines(text):
        if start <= line.start < end and line.text:
            f = fold(line.text)
            hit = [p.search(f) for p in motto]
            if any(h for h in hit):
                # the header line above the motto (the issuer beside it) opens the document
                return line.start
    return end


def find_annexes(text: str, start: int) -> list[tuple[int, str, str, int, int]]:
    """Annexes after offset `start`: (offset, number, heading, heading start, heading end).

    "PHỤ LỤC" or "Phụ lục I" on a line of its own, or "PHỤ LỤC: TITLE" (ND30 Phụ lục I, III.1.b);
    a copy may glue the word to the signer's name before it ("Nguyễn Tuấn AnhPHỤ LỤC:")."""
    pattern = _section_patterns()["annex_head"]
    lines = _lines(text)
    out = []
    for i, line in enumerate(lines):
        if line.start < start or not line.text:
            continue
        s = line.text
        glued = re.search(r"(?<=[a-zà-ỹ])(?=PHỤ LỤC|Phụ lục)", s)
        offset = glued.start() if glued else 0
        head = s[offset:]
        m = pattern.match(fold(head))
        if not m or len(head) > 160:
            continue
        word = head[:7]
        rest = head[m.start("rest"):].strip()
        num = head[m.start("num"):m.end("num")] if m["num"] else ""
        if rest and not (word.isupper() or head[m.end("num") if m["num"] else 7:].lstrip()[:1] in (":", ".") or _is_upper_heading(rest)):
            continue  # "Phụ lục kèm theo ..." in a sentence
        rest = rest.lstrip(":.-– ").strip()
        hs = line.start + offset + (head.find(rest) if rest else len(head))
        if not rest:
            # the title on the next upper-case lines
            parts, he = [], hs
            for nxt in lines[i + 1 : i + 5]:
                if not nxt.text:
                    if parts:
                        break
                    continue
                if nxt.text.startswith("(") or _BULLET.match(nxt.text):
                    break
                if not _is_upper_heading(nxt.text) and (parts or len(nxt.text) > 200):
                    break  # a title in sentence case is one line ("Phụ lục 01" / "Thông số chính ...", lc-tb-ngoinhu)
                if not parts:
                    hs = nxt.start
                parts.append(nxt.text)
                he = nxt.end
            heading = re.sub(r"\s+", " ", " ".join(parts)).strip() or head.strip()  # no title line: "PHỤ LỤC"
        else:
            heading, he = rest, hs + len(rest)
        out.append((line.start + offset, num.upper() if re.fullmatch(r"[ivxlc]+", num.lower() or "-") else num, heading, hs, he))
    return out


def _followers(idx: int) -> list[int]:
    """Indexes of the letters that may follow list letter `idx` ("d" is followed by "đ" or, in
    some documents, by "e")."""
    out = [idx + 1] if idx + 1 < len(_LETTERS) else []
    if out and _LETTERS[idx + 1] == "đ" and idx + 2 < len(_LETTERS):
        out.append(idx + 2)
    return out


def _read_letter(token: str, prev: Optional[int], lines: list[_Line], index: int) -> Optional[tuple[int, bool]]:
    """(index in _LETTERS, guessed) of the list item `token)` on line `index` after the item
    `prev`, or None when it does not continue the list.

    A token that is a letter with a mark ("ạ", "ê") is that letter. A token out of sequence
    (OCR or repair turned "a)" into "ở)", "c)" into "e)" or "có)") is read as the letter the
    sequence expects when the next letter item confirms it, or when the token still holds that
    letter and the list ends after it."""
    letter = _unlook(token)
    if letter not in _LETTERS and len(letter) == 1 and fold(letter) in _LETTERS:
        letter = fold(letter)
    idx = _LETTERS.index(letter) if letter in _LETTERS else -1
    if idx >= 0 and ((prev is None and idx == 0) or (prev is not None and idx in _followers(prev) + [prev + 2])):
        return idx, letter != token
    wanted = [0] if prev is None else _followers(prev)
    nxt = _next_letter_item(lines, index)
    nxt_letter = None
    if nxt is not None:
        nxt_letter = fold(nxt) if len(nxt) == 1 and fold(nxt) in _LETTERS and nxt not in _LETTERS else nxt
    for want in wanted:
        plausible = _plausible_letter(token, _LETTERS[want])
        after = [_LETTERS[k] for k in _followers(want)]
        confirmed = (nxt_letter in after and (len(token) == 1 or plausible)) or (
            plausible and nxt is not None and any(_plausible_letter(nxt, a) for a in after)
        )
        # the last item of a list has no next item to confirm it: only a token that still
        # holds the letter ("có") is taken there, not a look-alike ("e", "ở")
        closing = prev is not None and nxt is None and fold(_LETTERS[want]) in fold(token)
        if confirmed or closing:
            return want, True
    return None


def _implied_roman(lines: list[_Line], index: int, last: int) -> Optional[int]:
    """The value the Roman heading on line `index` should have, judging by the headings after it:
    the first later upper-case heading whose numeral reads cleanly, k headings on, with value v
    such that v - k is past `last` (the previous heading's value), implies v - k; None when no
    later numeral does."""
    k = 0
    for line in lines[index + 1 :]:
        m = _roman_match(line.text) if line.text else None
        if m and _is_upper_heading(m["rest"]):
            k += 1
            value = _roman_value(m["num"]) if _clean_roman(m["num"]) == m["num"] else None
            if value and value - k > last:
                return value - k
    return None


def _next_item_number(lines: list[_Line], index: int) -> Optional[int]:
    """The number of the next "n." item after line `index`, unless a Roman heading comes first."""
    for line in lines[index + 1 :]:
        s = line.text
        if not s:
            continue
        m = _roman_match(s)
        if m and _is_upper_heading(m["rest"]) and not m["num"].isdigit():
            return None
        m = _DECIMAL_LINE.match(s)
        if m:
            return int(m["num"])
    return None


def _next_letter_item(lines: list[_Line], index: int, window: int = 60) -> Optional[str]:
    """The letter of the next "x)" item after line `index`, unless a numbered item comes first."""
    for line in lines[index + 1 : index + 1 + window]:
        s = line.text
        if not s:
            continue
        if _roman_match(s) and _is_upper_heading(s) or _DECIMAL2_LINE.match(s) or _DECIMAL_LINE.match(s):
            return None
        m = _LETTER_LINE.match(s) or _ANY_LETTER_LINE.match(s)
        if m:
            return m["num"]
    return None


def _build_tree(cands: list[_Candidate], body_end: int) -> list[_Candidate]:
    roots: list[_Candidate] = []
    stack: list[_Candidate] = []
    for c in cands:
        while stack and stack[-1].level >= c.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(c)
        stack.append(c)

    def close(nodes: list[_Candidate], end: int) -> None:
        for k, node in enumerate(nodes):
            node.end = nodes[k + 1].start if k + 1 < len(nodes) else end
            close(node.children, node.end)

    close(roots, body_end)
    return roots


def _to_sections(nodes: list[_Candidate], text: str, label: Optional[str], labels: Optional[list[str]],
                 run_in: bool = False) -> list[Section]:
    out = []
    for node in nodes:
        if label is None:
            # a long heading in sentence case reads as a run-in sentence ("I. Đối với các mỏ hết thời
            # hạn khai thác ...", lc-cv-snnmt-dcks); a short damaged one ("Ml)C Dịch, YÊU cầu") does not
            sentence = not _is_upper_heading(node.heading) and len(node.heading.split()) > 8
            node_labels = heading_labels(node.heading, run_in=run_in or sentence)
            node_label = node_labels[0]
        else:
            node_label, node_labels = label or "other", labels or [label or "other"]
        out.append(
            Section(
                label=node_label,
                labels=node_labels,
                number=node.number,
                heading=node.heading,
                start=node.start,
                end=node.end,
                confidence=0.8 if node.ocr_guess else 1.0,
                children=_to_sections(node.children, text, node_label, node_labels),
            )
        )
    return out


def _mode(text: str, body_start: int, body_end: int) -> str:
    """What the top level of the body is: articles ("Điều 1.", ND30 II.6.đ) when the body has
    "Điều 1." and "Điều 2." lines; else Roman parts when any; else numbered items."""
    article = _section_patterns()["article_head"]
    numbers = set()
    for line in _lines(text):
        if body_start <= line.start < body_end and line.text:
            m = article.match(fold(line.text))
            if m:
                numbers.add(int(m["num"]))
    if {1, 2} <= numbers:
        return "article"
    cands, _ = find_candidates(text, body_start, body_end, "roman")
    if any(c.level == 1 for c in cands):
        return "roman"
    # lettered parts "A.", "B." in capitals and no Roman parts (inspection minutes)
    letters = set()
    for line in _lines(text):
        if body_start <= line.start < body_end and line.text:
            m = _LETTER_PART_LINE.match(line.text)
            if m and _is_upper_heading(m["rest"]):
                letters.add(m["num"])
    return "letter" if {"A", "B"} <= letters else "decimal"


def outline(text: str, body_start: int = 0) -> tuple[list[Section], list[Warning]]:
    """The section tree of `text`, searching for headings from `body_start` on, then the annexes.

    The closing part ("Trên đây là ...", "Nơi nhận") is looked for only after the last top-level
    heading, so that a body paragraph opening with similar words does not cut the outline. Each
    annex after it is a top-level node of its own, label "other" (gold/real/README.md)."""
    recipients = recipients_start(text, body_start)
    annexes = find_annexes(text, body_start)
    body_end = min([recipients] + [a[0] for a in annexes if a[0] > body_start])
    mode = _mode(text, body_start, body_end)
    cands, warnings = find_candidates(text, body_start, body_end, mode)
    top = min((c.level for c in cands), default=1)
    last_top = max((c.start for c in cands if c.level == top), default=body_start)
    end = min(closing_start(text, last_top + 1), body_end)
    last_any = max((c.start for c in cands), default=body_start)
    end = min(end, _referring_close(text, last_any + 1, body_end))
    cands = [c for c in cands if c.start < end]
    roots = _build_tree(cands, end)
    sections = _to_sections(roots, text, None, None, run_in=mode not in ("roman", "letter"))
    for section in sections:
        if section.label == "other":
            warnings.append(
                Warning(
                    code="section_label_unknown",
                    message=f"top-level heading {section.heading!r} matches no canonical label",
                    span=Span(text=text[section.start : section.start + len(section.number)], start=section.start,
                              end=section.start + len(section.number)),
                )
            )
    annexes = [a for a in annexes if a[0] >= end]

    def he_of(annex: tuple) -> int:
        return annex[4]

    for k, (start, number, heading, _, _) in enumerate(annexes):
        stop = annexes[k + 1][0] if k + 1 < len(annexes) else len(text)
        stop = min(stop, _next_document(text, he_of(annexes[k]), stop))
        if stop > start:
            inner, _ = find_candidates(text, he_of(annexes[k]), stop, _mode(text, he_of(annexes[k]), stop))
            children = _to_sections(_build_tree(inner, stop), text, "other", ["other"])
            sections.append(Section(label="other", labels=["other"], number=number, heading=heading, start=start, end=stop,
                                    children=children))
    return sections, warnings
