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
from .syllables import TOKEN_RE, has_marks, nfc, skeleton

DAMAGE_KINDS = ("clean", "stripped", "eng_ocr", "legacy_font", "vie_ocr")

# legacy-font tokens keep their symbol glyphs inside the word: Th\l'c, K€, d(}ng, h,li, nu6'c
_LEGACY_TOKEN_RE = re.compile(
    r"[^\W_](?:[^\W_]|[~€\\{}()^|`]|[',.;](?=[^\W_]|[~€\\{}()^|`']))*[~€\\{}()^|`']*"
)
_LEGACY_SIGNS = re.compile(r"[a-zA-Z][~€\\{}]|[~€\\{}][a-zA-Z]|\\l|\(\}|l\}|[a-z]Q[a-z]|\d'[a-z]")
_ENG_SIGNS = re.compile(r"[a-z][0-9][a-z]|\b[1][a]\b|[a-z][&][a-z]?|[a-z]+[éèáàóòúùíì][a-z]*")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    protected: bool


def detect_damage(text: str) -> str:
    """The kind of damage of a text (a document, page or line)."""
    model = load_model()
    words = [nfc(t) for t in TOKEN_RE.findall(text) if not any(c.isdigit() for c in t)]
    words = [w for w in words if not (w.isupper() and len(w) > 1 and skeleton(w) not in model.by_skeleton)]
    if not words:
        return "clean"
    n = len(words)
    legacy = len(_LEGACY_SIGNS.findall(text))
    if legacy >= max(2, 0.03 * n):
        return "legacy_font"
    marked = sum(1 for w in words if has_marks(w)) / n
    valid = sum(1 for w in words if w.lower() in model.ids) / n
    if marked < 0.04:
        return "stripped" if valid > 0.6 else "eng_ocr"
    if marked < 0.3:
        return "eng_ocr"
    if valid > 0.995:
        return "clean"
    return "vie_ocr"


def page_tokens(page: str, kind: str) -> list[Token]:
    model = load_model()
    rx = _LEGACY_TOKEN_RE if kind == "legacy_font" else TOKEN_RE
    out = []
    for m in rx.finditer(page):
        s, e = m.span()
        tok = m.group()
        out.append(Token(tok, s, e, kind == "clean" or _protected(model, page, s, e, tok, kind)))
    return out


def _protected(model, page: str, s: int, e: int, tok: str, kind: str) -> bool:
    if tok.isdigit():
        return True
    before, after = page[s - 1:s], page[e:e + 1]
    if (before and before in "/&") or (after and after in "/&"):
        return True
    if (before == "-" and page[s - 2:s - 1].strip()) or (after == "-" and page[e + 1:e + 2].strip()):
        return True
    letters = [c for c in tok if c.isalpha()]
    digits = any(c.isdigit() for c in tok)
    if digits:
        # a digit inside a word is an OCR misreading only in OCR'd text, and only in short words
        return kind not in ("eng_ocr", "legacy_font") or len(tok) > 5 or sum(c.isdigit() for c in tok) > 2
    low = nfc(tok).lower()
    if len(letters) > 1 and sum(c.isupper() for c in letters) >= 2 and not tok.isupper() \
            and kind != "legacy_font":
        return low not in model.ids  # mixed case such as TTg
    if tok.isupper() and len(letters) > 1:
        sk = skeleton(low)
        known = sk in model.by_skeleton or low in model.channel.get("table", {})
        return not known
    return False
