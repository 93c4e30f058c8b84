"""Text encodings Vietnamese documents come in, and their detection.

Owns the step from bytes to Unicode: UTF-8 (with or without BOM), UTF-16, Windows-1258
(decomposed tone marks), and text typed in the legacy TCVN3 (ABC) and VNI fonts, whose bytes
are Latin-1/Windows-1252 characters that must be mapped to Vietnamese letters by table. Where
several decodings are possible the one that reads most like Vietnamese wins.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from vnplan.text.vietnamese import is_valid_syllable, vietnamese_share

# TCVN 5712:1993 VN3 ("ABC" fonts such as .VnTime): one byte per letter, lowercase letters with
# tones in the upper half; uppercase toned letters were drawn by the separate "H" fonts.
_TCVN3 = {
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
    "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ", "\xad": "ư", "\xae": "đ",
    "\xb5": "à", "\xb6": "ả", "\xb7": "ã", "\xb8": "á", "\xb9": "ạ",
    "\xbb": "ằ", "\xbc": "ẳ", "\xbd": "ẵ", "\xbe": "ắ", "\xc6": "ặ",
    "\xc7": "ầ", "\xc8": "ẩ", "\xc9": "ẫ", "\xca": "ấ", "\xcb": "ậ",
    "\xcc": "è", "\xce": "ẻ", "\xcf": "ẽ", "\xd0": "é", "\xd1": "ẹ",
    "\xd2": "ề", "\xd3": "ể", "\xd4": "ễ", "\xd5": "ế", "\xd6": "ệ",
    "\xd7": "ì", "\xd8": "ỉ", "\xdc": "ĩ", "\xdd": "í", "\xde": "ị",
    "\xdf": "ò", "\xe1": "ỏ", "\xe2": "õ", "\xe3": "ó", "\xe4": "ọ",
    "\xe5": "ồ", "\xe6": "ổ", "\xe7": "ỗ", "\xe8": "ố", "\xe9": "ộ",
    "\xea": "ờ", "\xeb": "ở", "\xec": "ỡ", "\xed": "ớ", "\xee": "ợ",
    "\xef": "ù", "\xf1": "ủ", "\xf2": "ũ", "\xf3": "ú", "\xf4": "ụ",
    "\xf5": "ừ", "\xf6": "ử", "\xf7": "ữ", "\xf8": "ứ", "\xf9": "ự",
    "\xfa": "ỳ", "\xfb": "ỷ", "\xfc": "ỹ", "\xfd": "ý", "\xfe": "ỵ",
}
_TCVN3_TABLE = str.maketrans(_TCVN3)
_TCVN3_FROM_UNICODE = str.maketrans({v: k for k, v in _TCVN3.items()})


def _vni_tables() -> dict[str, str]:
    """Unicode letter -> its VNI-Windows spelling (base letter followed by mark characters)."""
    tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # none, sắc, huyền, hỏi, ngã, nặng
    plain_marks = ["", "ù", "ø", "û", "õ", "ï"]
    circ_marks = ["â", "á", "à", "å", "ã", "ä"]
    breve_marks = ["ê", "é", "è", "ú", "ü", "ë"]
    i_marks = ["i", "í", "ì", "æ", "ó", "ò"]
    table: dict[str, str] = {}

    def add(letter: str, spellings: list[str]) -> None:
        for tone, spelling in zip(tones, spellings):
            ch = unicodedata.normalize("NFC", letter + tone)
            if len(ch) == 1 and ch != spelling:
                table[ch] = spelling
                table[ch.upper()] = spelling.upper()

    for v in "aeouy":
        add(v, [v + m for m in plain_marks])
    for base, vni in (("ơ", "ô"), ("ư", "ö")):
        add(base, [vni + m for m in plain_marks])
    for base, v in (("â", "a"), ("ê", "e"), ("ô", "o")):
        add(base, [v + m for m in circ_marks])
    add("ă", ["a" + m for m in breve_marks])
    add("i", i_marks)
    table["đ"], table["Đ"] = "ñ", "Ñ"
    return table


_VNI_FROM_UNICODE = _vni_tables()
_VNI_TO_UNICODE = {v: k for k, v in _VNI_FROM_UNICODE.items()}
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(_VNI_TO_UNICODE, key=len, reverse=True)))


def tcvn3_to_unicode(text: str) -> str:
    return text.translate(_TCVN3_TABLE)


def unicode_to_tcvn3(text: str) -> str:
    """For tests and round trips; uppercase toned letters have no VN3 code and are lowered."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = ch.translate(_TCVN3_FROM_UNICODE)
        if code == ch and ch.lower() != ch and ch.lower().translate(_TCVN3_FROM_UNICODE) != ch.lower():
            code = ch.lower().translate(_TCVN3_FROM_UNICODE)
        out.append(code)
    return "".join(out)


def vni_to_unicode(text: str) -> str:
    return _VNI_RE.sub(lambda m: _VNI_TO_UNICODE[m.group(0)], text)


def unicode_to_vni(text: str) -> str:
    return "".join(_VNI_FROM_UNICODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _score(text: str) -> float:
    valid, marked = vietnamese_share(text)
    return valid + 0.5 * marked


def _legacy_candidates(text: str, base_encoding: str) -> list[Decoded]:
    return [
        Decoded(text, base_encoding),
        Decoded(tcvn3_to_unicode(text), "tcvn3"),
        Decoded(vni_to_unicode(text), "vni"),
    ]


LEGACY_MARGIN = 0.05
_LEGACY_HINT = re.compile("[\xa1-\xfe]")


def decode_bytes(data: bytes) -> Decoded:
    """Bytes of a text file to NFC Unicode, naming the encoding found.

    Raises UnicodeError when no encoding fits (the caller names the file).
    """
    if data.startswith(codecs.BOM_UTF8):
        return _finish(data[3:].decode("utf-8"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _finish(data.decode("utf-16"), "utf-16")
    if len(data) >= 4 and data.count(b"\x00") > len(data) // 4:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        even_nuls = data[0::2].count(0)
        odd_nuls = data[1::2].count(0)
        codec = "utf-16-be" if even_nuls > odd_nuls else "utf-16-le"
        return _finish(data.decode(codec), codec)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _LEGACY_HINT.search(text) and not re.search("[\u1ea0-\u1ef9]", text):
            # Legacy-font text pasted as Latin-1 characters into a UTF-8 file.
            # English-model OCR also writes Latin-1 letters (hién, nuéc): a legacy reading must
            # make clearly more Vietnamese of the text than the text as it is, not a little more
            cands = _legacy_candidates(text, "utf-8")
            best = max(cands, key=lambda d: _score(d.text))
            if _score(best.text) < _score(text) + LEGACY_MARGIN:
                best = cands[0]
            return _finish(best.text, best.encoding if best.encoding == "utf-8" else f"utf-8+{best.encoding}")
        return _finish(text, "utf-8")
    candidates = [Decoded(data.decode("cp1258", errors="replace"), "cp1258")]
    # TCVN3 codes are read as Latin-1; VNI fonts were typed on Windows-1252 (curly quotes at 0x93).
    candidates.append(Decoded(tcvn3_to_unicode(data.decode("latin-1")), "tcvn3"))
    candidates.append(Decoded(vni_to_unicode(data.decode("cp1252", errors="replace")), "vni"))
    best = max(candidates, key=lambda d: _score(d.text))
    if "\ufffd" in best.text and best.text.count("\ufffd") > len(best.text) // 50:
        raise UnicodeError("not text in any known Vietnamese encoding")
    return _finish(best.text, best.encoding)


def _finish(text: str, encoding: str) -> Decoded:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return Decoded(text, encoding)


# Legacy fonts named in a document's runs (.doc, .rtf, .docx). The ABC fonts of TCVN 5712:1993
# are all named ".Vn..." (.VnTime, .VnArial, ...); the ones whose name ends in "H" (.VnTimeH,
# .VnArialH) draw every code as a capital, so their text is upper-cased after mapping. The VNI
# fonts are named "VNI-..." (VNI-Times, VNI-Helve). Both were the norm in Vietnamese government
# offices before Unicode (TCVN 6909:2001) became mandatory; archives of 2002-2009 are full of them.
_TCVN3_FONT = re.compile(r"\.vn", re.IGNORECASE)
_VNI_FONT = re.compile(r"vni[- ]", re.IGNORECASE)
# A character no 8-bit legacy font can hold (Vietnamese precomposed letters, ơ, ư, đ, ...):
# a run that has one was typed in Unicode whatever its font name says, and is left as it is.
_CP1252_SPECIALS = "".join(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
_NOT_8BIT = re.compile(f"[^\\x00-\\xff{re.escape(_CP1252_SPECIALS)}\\uf020-\\uf0ff]")
# A legacy font declared with the Symbol charset comes out of Word and LibreOffice as private-use
# code points U+F0xx, xx being the byte typed.
_SYMBOL_PUA = re.compile("[\uf020-\uf0ff]")


def _token_score(text: str) -> float:
    """Share of the words of a short run that are valid syllables; a word with a stray symbol
    ("ho¹ch") counts as invalid, where `vietnamese_share` would skip it."""
    words = [w.strip(_PUNCTUATION) for w in text.split()]
    words = [w for w in words if w and not w.isdigit()]
    return sum(is_valid_syllable(w) for w in words) / len(words) if words else 0.0


_PUNCTUATION = ".,;:!?()[]{}\"'“”‘’-–…/"


def font_encoding(font_name: str | None) -> str | None:
    """The legacy encoding a font name implies: 'tcvn3', 'tcvn3-caps' (the ABC "H" fonts), 'vni',
    or None for a Unicode font (Times New Roman, Arial, ...) or no font at all."""
    if not font_name:
        return None
    name = font_name.split(";")[0].strip()  # LibreOffice may write "Font;Fallback"
    if _TCVN3_FONT.match(name):
        return "tcvn3-caps" if name.endswith("H") else "tcvn3"
    if _VNI_FONT.match(name):
        return "vni"
    return None


def decode_font_run(text: str, encoding: str | None) -> str:
    """The text of runs typed in a legacy font (as Word and LibreOffice report it: each byte as
    its Windows-1252 character) in NFC Unicode. Text that is already Unicode (it holds a
    character no 8-bit font can) and text in a Unicode font (`encoding` None) are returned as
    they are."""
    if encoding is None or not text:
        return text
    if _NOT_8BIT.search(text):
        # Unicode, or a legacy font declared with the Vietnamese charset (RTF \fcharset163), which
        # readers decode through Windows-1258 (TCVN3 0xD5 "ế" arrives as "Ơ"). Only a reading
        # that is clearly more Vietnamese than the text as it stands undoes that.
        try:
            raw = unicodedata.normalize("NFC", text).encode("cp1258").decode("latin-1")
        except UnicodeEncodeError:  # precomposed tone letters: no 8-bit charset has them
            return text
        candidate = decode_font_run(raw, encoding)
        return candidate if _token_score(candidate) >= _token_score(text) + LEGACY_MARGIN else text
    text = _SYMBOL_PUA.sub(lambda m: chr(ord(m.group(0)) - 0xF000), text)
    if encoding == "vni":
        # The VNI table is written in Windows-1252 characters, as the VNI fonts were typed.
        return unicodedata.normalize("NFC", vni_to_unicode(text))
    # TCVN3 codes are bytes read as Latin-1; Windows-1252's 0x80-0x9F characters are not letters there.
    out = tcvn3_to_unicode(text)
    if encoding == "tcvn3-caps":
        out = out.upper()
    return unicodedata.normalize("NFC", out)
