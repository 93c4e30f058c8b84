"""Which kind of damage a text has, and which of its tokens must never be changed.

Kinds: ``clean`` (correct Vietnamese), ``stripped`` (all marks lost), ``eng_ocr`` (read by an
English OCR model: some marks kept but wrong, letters confused), ``legacy_font`` (a legacy
VNI/TCVN-font PDF read by an English engine: marks come out as symbols), ``vie_ocr``
(Vietnamese-model OCR with a few errors).

Protected tokens are numbers, dates, document codes (``1258/QĐ-TTg``) and abbreviations
(``UBND``, ``LĐ-TB&XH``): a repair never touches them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import load_model
from .syllables import ENG_TOKEN_RE, TOKEN_RE, has_marks, nfc, skeleton

DAMAGE_KINDS = ("clean", "stripped", "eng_ocr", "legacy_font", "vie_ocr")

# legacy-font tokens keep their symbol glyphs inside the word: Th\l'c, K€, d(}ng, h,li, nu6'c
_LEGACY_TOKEN_RE = re.compile(
    r"[^\W_](?:[^\W_]|[~€\\{}^|`?<]|(?<=\d)'(?=[^\W_])|(?<=[^\W\d_]|[~€\\{}',!()<])[',.;!()](?=[^\W_]|[~€\\{}()^|`'?<!,;]))*[~€\\{}^|`'?<]*"
)
_LEGACY_SIGNS = re.compile(r"[a-zA-Z][~€\\{}]|[~€\\{}][a-zA-Z]|\\l|\(\}|l\}|[a-z]Q[a-z]|\d'[a-z]|[A-Z]Q[A-Z]")
_MISREAD_DIGITS = re.compile(r"(?=.*(?:[^\W\d_]|[€¢&§]))(?:[^\W\d_]|[€¢&§]|[013469](?![0-9]{2})){2,5}")
_OCR_SIGNS = re.compile(r"[Ðð|]")
# English-model OCR: digits and symbols read for marked letters (x4, 1ap, ctia, K&, ti€u)
_ENG_SIGNS = re.compile(r"\b[^\W\d_]+[0-9][^\W\d_]*\b|\b[0-9][^\W\d_]+\b|[^\W\d_][&€¢§]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    protected: bool
    glued: bool = False     # OCR glued it to the next token (dO(;1n2016): output needs a space


def detect_damage(text: str) -> str:
    """The kind of damage of a text (a document, page or line)."""
    model = load_model()
    words = [nfc(t) for t in TOKEN_RE.findall(text) if not any(c.isdigit() for c in t)]
    # abbreviations (UBND, TTg) say nothing about damage
    words = [w for w in words if not (any(c.isupper() for c in w[1:]) and skeleton(w) not in model.by_skeleton)]
    if not words:
        return "clean"
    n = len(words)
    legacy = len(_LEGACY_SIGNS.findall(text))
    if legacy >= max(2, 0.03 * n):
        return "legacy_font"
    marked = sum(1 for w in words if has_marks(w)) / n
    valid = sum(1 for w in words if model.is_valid(w)) / n
    if marked < 0.04:
        skel_valid = sum(1 for w in words if skeleton(w) in model.by_skeleton) / n
        eng = len(_ENG_SIGNS.findall(text))
        return "stripped" if skel_valid > 0.9 and eng < max(2, 0.02 * n) else "eng_ocr"
    if marked < 0.3:
        return "eng_ocr"
    invalid = round((1 - valid) * n)
    if (invalid >= 2 and valid < 0.97) or _OCR_SIGNS.search(text) or _hard_wrapped(text):
        return "vie_ocr"
    return "clean"


def _hard_wrapped(text: str) -> bool:
    """Lines broken mid-sentence at a page width, as OCR writes them (clean text from a word
    processor has one line per paragraph)."""
    lines = [l.strip() for l in text.split("\n") if l.strip()]
    long = [(a, b) for a, b in zip(lines, lines[1:]) if len(a) >= 50]
    if len(long) < 5:
        return False
    broken = sum(1 for a, b in long if a[-1].isalpha() and b[:1].islower())
    return broken >= 0.3 * len(long)


def page_tokens(page: str, kind: str) -> list[Token]:
    """The tokens of a page as the repair of ``kind`` sees them (legacy-font and English-OCR
    tokens keep their glyph symbols), each marked protected or not."""
    model = load_model()
    rx = {"legacy_font": _LEGACY_TOKEN_RE, "eng_ocr": ENG_TOKEN_RE}.get(kind, TOKEN_RE)
    out = []
    for m in rx.finditer(page):
        s, e = m.span()
        tok = m.group()
        if kind == "legacy_font":
            # glyph junk glued to a number: dO(;1n2016 = đoạn 2016, 80INQ = 80 NQ
            parts = _glued_number(tok)
            if parts:
                for n, (off, sub) in enumerate(parts):
                    a, b = s + off, s + off + len(sub)
                    out.append(Token(sub, a, b, _protected(model, page, a, b, sub, kind),
                                     glued=n == 0))
                continue
        out.append(Token(tok, s, e, kind == "clean" or _protected(model, page, s, e, tok, kind)))
    return out


def _glued_number(tok: str) -> list[tuple[int, str]] | None:
    m = re.fullmatch(r"(.*?\D)(\d{2,})", tok) or re.fullmatch(r"(\d{2,})(\D.*)", tok)
    if not m or not any(c.isalpha() for c in tok):
        return None
    return [(0, m.group(1)), (m.start(2), m.group(2))]


def _in_address(page: str, s: int, e: int) -> bool:
    """Is page[s:e] part of an e-mail or web address (``sct@laocai.gov.vn``, ``www.laocai.gov.vn``)?
    Letterheads and footers of the real documents carry them; their letters are not syllables."""
    a, b = s, e
    while a > 0 and not page[a - 1].isspace() and s - a < 80:
        a -= 1
    while b < len(page) and not page[b].isspace() and b - e < 80:
        b += 1
    chunk = page[a:b].lower()
    return "@" in chunk or "://" in chunk or chunk.startswith("www.") or ".gov.vn" in chunk


def _protected(model, page: str, s: int, e: int, tok: str, kind: str) -> bool:
    """Must ``tok`` (at page[s:e]) pass through unchanged? Numbers and dates; parts of codes
    (joined to a neighbour by / & or an unspaced hyphen: 1258/QĐ-TTg, LĐ-TB&XH); mixed-case and
    capitalised abbreviations that no syllable explains. In OCR'd text a digit inside a short
    word is a misread letter (x4, 1ap), not a number."""
    if tok.isdigit():
        return True
    if kind != "legacy_font" and _in_address(page, s, e):
        return True
    before, after = page[s - 1:s], page[e:e + 1]
    if (before and before in "/&") or (after and after in "/&"):
        return True
    if (before == "-" and page[s - 2:s - 1].strip()) or (after == "-" and page[e + 1:e + 2].strip()):
        return True
    letters = [c for c in tok if c.isalpha()]
    digits = any(c.isdigit() for c in tok)
    if digits and re.search(r"\d[.,]\d", tok):
        return True
    if digits and kind in ("eng_ocr", "legacy_font") and _MISREAD_DIGITS.fullmatch(tok):
        return False    # 1a (là), 16p (lớp), x4 (xã), 1€ (lệ): digits read for letters
    if digits and tok[0].isdigit() and sum(c.isdigit() for c in tok) * 2 >= len(tok):
        return True
    if digits:
        # a digit inside a word is an OCR misreading only in OCR'd text, and only in short words
        n_digits = sum(c.isdigit() for c in tok)
        return kind not in ("eng_ocr", "legacy_font") or n_digits > 2 or n_digits > len(letters)
    low = nfc(tok).lower()
    if len(letters) > 1 and sum(c.isupper() for c in letters) >= 2 and not tok.isupper() \
            and kind != "legacy_font":
        return not model.is_valid(low)  # mixed case such as TTg
    if tok.isupper() and len(letters) > 1:
        if kind in ("eng_ocr", "legacy_font"):
            from .channel import candidates
            if kind == "legacy_font" and _LEGACY_SIGNS.search(tok):
                return False        # KEHO~CH, CQNG: glyph junk, not an abbreviation
            if not re.search(r"[AEIOUYĂÂÊÔƠƯ]", skeleton(tok).upper()) and not re.search(r"[^\w]", tok):
                return True         # KTĐ, PGD, HV: no vowel, an abbreviation
            if skeleton(low) in model.by_skeleton or low in model.channel.get("table", {}):
                return False
            return len(letters) < 3 or not candidates(kind, nfc(tok))[0]
        return skeleton(low) not in model.by_skeleton
    return False
