"""Legal references: mentions of other documents by number, and short forms that point back.

Owns `find_references(text) -> list[LegalReference]`. As eyecite does, the citation itself is found first
(a number and its symbol: normative "105/2025/NĐ-CP", "55/2024/QH15"; "1258/QĐ-TTg", "7432/UBND-XD"; Party
"22-NQ/TU"; standards "QCVN 01:2019/BCT"; a bare number after a type word and "số"), then, around it, the type
word before it ("Nghị định", "Luật Hóa chất", "Văn bản"; a member of an enumeration shares the type of the
first one), the date after it, its issuer ("của ...") and the verb that governs it ("Căn cứ" / "Thực hiện" /
"theo"); finally short forms ("Quyết định nêu trên") are resolved to the citation they refer to. Words and
symbol heads are data (`extract/lexicon/entities/references.yaml`).

Keys are written as the document writes them, with the national numbering rules' Đ restored where OCR lost
it ("QD-TTg" -> "QĐ-TTg") and a footnote mark glued to a normative symbol dropped ("QH151" -> "QH15").
The document's own number in its header is not a reference.
"""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Optional

from vnplan.bodies import canonical_body, fold, squash
from vnplan.dates import _DMY, _point
from vnplan.entity_lexicon import load
from vnplan.models import LegalReference

_LEX = load("references")
DOC_TYPES: dict[str, str] = _LEX["doc_types"]["words"]
ABBREVIATED_TYPES: dict[str, str] = _LEX["abbreviated_types"]["words"]
SYMBOL_HEAD_TYPES: dict[str, str] = _LEX["symbol_heads"]["heads"]
_SYMBOL_PARTS: dict[str, str] = _LEX["lost_d"]["parts"]
_NOT_BY_NUMBER_ONLY = set(_LEX["number_only"]["not_types"])
_COMPLETE = _LEX["dangling_symbols"]["complete"]

_UP = "A-ZĐÀ-Ỹ"
_PART = rf"[{_UP}][A-Za-zĐđ0-9&]*"
_SEP = r"[ \t]?\n?[ \t]?"  # a symbol broken at the line's end: "TT-\nBGTVT"
# number, separator, optional year (normative form), symbol of one or more parts. The number may carry a letter
# ("Nghị quyết số 30a/2008/NQ-CP", the programme for the poorest districts); a symbol part may follow a dot
# ("Công văn số 501/TTr-NV.IV", lc-bc-ks2025: a division of the issuer); OCR reads a slash as the fraction slash
# "⁄" and sometimes doubles it ("23⁄/BB-VPHC", bct-qd-26).
_KEY = re.compile(
    rf"(?<![\w/.,-])(?P<num>\d{{1,5}}(?:\.\d{{1,2}}(?=[./⁄])|[a-zA-Z](?=[/-]))?)[ \t]*(?P<sep>⁄?/(?:[ \t]*\n)?|⁄|-|\.(?=(?:19|20)\d\d/)|[Il|](?=[A-ZĐ]{{2}}))[ \t]*(?P<year>(?:19|20)\d\d[ \t]*/[ \t]*)?"
    rf"(?P<sym>{_PART}(?:{_SEP}[-/]{_SEP}(?:{_PART}|[a-z]{{1,4}}\b)|\.[A-ZĐ][A-ZĐ0-9]{{0,5}}(?![\w.]))*)"
)
_SERIES = "|".join(_LEX["standards"]["series"])
# "QCVN 01:2019/BCT", "QCVN 01-1:2018/BYT", "QCVN 08-MT:2015/BTNMT" (the environment regulations carry the field),
# "TCVN ISO 9001:2015" (an adopted international standard)
_STANDARD = re.compile(rf"(?<![\w])(?P<series>{_SERIES})[ \t]*(?P<code>(?:ISO(?:/IEC)?[ \t]+)?\d{{1,5}}[A-Z]?(?:-(?:\d{{1,3}}|[A-Z]{{1,4}}))*[ \t]*:[ \t]*(?:19|20)\d\d(?:[ \t]*/[ \t]*{_PART})?)")
_TYPE_WORDS = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in DOC_TYPES), key=len, reverse=True))
_TYPE = re.compile(rf"(?<!\w)(?P<type>{_TYPE_WORDS})(?!\w)")
_ABBR = re.compile(rf"(?<!\w)(?P<abbr>{'|'.join(ABBREVIATED_TYPES)})\s*$")
_SO = re.compile(r"(?<!\w)(?:so|s[o0]\.)\s*:?\s*$")
_NUMBER_ONLY = re.compile(r"(?<!\w)so\s*:?\s*(?P<num>\d{3,15})(?![\d/.,-]|\s*[/-]\s*\w)")
# "ban hành ngày", "ký ngày"; "lập ngày" of a Biên bản (bct-qd-26)
_DATE_AFTER = re.compile(rf"[ \t\n]*,?[ \t\n]*(?:(?:ban hanh|ky|lap)[ \t\n]+)?(?:ngay[ \t\n]+)?(?P<date>{_DMY})")
# A cited date that OCR damaged: "ngày l6 tháng 3 năm 2026" (l for 1, bct-qd-26), "ngày 17 tháng 01 năm 206" (a
# digit of the year lost, bct-cv-813). Read only after "ngày" and only when the plain date did not match: the
# letters l, i, | are read as 1 and o as 0; a year that is not a year leaves the date to the normative number's
# year (a normative document is dated in the year its number carries: Luật 80/2015/QH13, Điều 8).
_OCR_DIGIT = r"[\dli|o]"
_DATE_AFTER_OCR = re.compile(
    rf"[ \t\n]*,?[ \t\n]*(?:(?:ban hanh|ky|lap)[ \t\n]+)?ngay[ \t\n]+(?P<d>{_OCR_DIGIT}{{1,2}})"
    rf"(?:[ \t\n]+thang[ \t\n]+(?P<m>{_OCR_DIGIT}{{1,2}})[ \t\n]*,?[ \t\n]+nam[ \t\n]+|[ \t]*/[ \t]*(?P<m2>{_OCR_DIGIT}{{1,2}})[ \t]*/[ \t]*)"
    rf"(?P<y>\d{{1,4}})(?![\d/])"
)


def _ocr_date(folded: str, at: int, symbol: Optional[str], normative: bool) -> Optional[tuple[str, int]]:
    """(ISO date, end) of a damaged cited date after `at`, or None."""
    m = _DATE_AFTER_OCR.match(folded, at)
    if m is None:
        return None
    digits = str.maketrans("li|o", "1110")
    day, month = int(m["d"].translate(digits)), int((m["m"] or m["m2"]).translate(digits))
    year = int(m["y"]) if re.fullmatch(r"(?:19|20)\d\d", m["y"]) else None
    if year is None and normative and symbol and re.match(r"(?:19|20)\d\d/", symbol):
        year = int(symbol[:4])
    if year is None:
        return None
    try:
        return Date(year, month, day).isoformat(), m.end()
    except ValueError:
        return None
_ISSUER_AFTER = re.compile(r"\s+cua\s+")
# The date may follow the issuer instead of the number: "Quyết định số 512/QĐ-UBND của UBND xã Yên Thành,
# tỉnh Lào Cai ngày 12 tháng 11 năm 2025" (lc-bb-yenthanh), "Kế hoạch số 45/KH-UBND của UBND tỉnh ngày
# 10/3/2025"; the issuer's province or district may stand between them.
_DATE_AFTER_ISSUER = re.compile(
    r"(?:[ \t\n]*,[ \t\n]*(?:tinh|thanh pho|huyen|thi xa|xa|phuong)[ \t\n]+[^\d;:.,\n]{1,30}?)?"
    rf"[ \t\n]+ngay[ \t\n]+(?P<date>{_DMY})")
# Words that end an issuer: what the cited document is about, or the next clause.
_ISSUER_STOP = re.compile(
    r"\s+(?:ve|thuc\s+hien|chi\s+dao|phe\s+duyet|ban\s+hanh|va|tai|de|den|cho|quy\s+dinh|huong\s+dan|thong\s+qua|voi|trong|theo|giai\s+doan|da|thi|nay|doi\s+voi|ngay)(?!\w)"
    r"|[;,.:()\"“”]|\s+\d|\s*$"
)


_BODY_HEADS = set(_LEX["body_heads"]["words"])


def _issuer_stop(text: str, folded: str, at: int) -> Optional[re.Match]:
    """The first stop after an issuer's name; a stop word written with a capital belongs to the name ("Bộ Tài
    chính": "tài" is not "tại"; "UBND Thị xã Sa Pa", "huyện Chợ Đồn", "thành phố Đà Nẵng"), except "Về" that
    opens a title ("... của UBND tỉnh Về việc ...")."""
    for m in _ISSUER_STOP.finditer(folded, at):
        word = text[m.start() : m.end()].strip()
        if word[:1].isalpha() and word[:1].isupper() and fold(word) != "ve":
            continue
        if fold(word) == "va":
            # "Bộ Lao động - Thương binh và Xã hội", "Sở Kế hoạch và Đầu tư": "và" inside a name, unless a second
            # body follows ("của UBND tỉnh và Sở Tài chính")
            nxt = re.match(r"\s*(\w+)", text[m.end() : m.end() + 30])
            if nxt and nxt[1][:1].isupper() and fold(nxt[1]) not in _BODY_HEADS:
                continue
        return m
    return None


_RELATION_WORDS = re.compile(r"(?<!\w)(can cu|thuc hien|trien khai|theo)(?!\w)")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])|\./\.|\n\s*[-+]\s+(?=[A-ZĐÀ-Ỹ])|\n\s*[IVX]+\.\s|\n\s*\d+(?:\.\d+)*\.\s|(?<![Ss][ốoỐ]):(?![ \t]*số[ \t])\s")  # "số: 1258/..." goes on
# (nor does "các Nghị định của Chính phủ: số 27/2022/NĐ-CP ..., số 38/2023/NĐ-CP ...": a colon before an enumeration of numbers,
# the way a plan's "Căn cứ" lists documents of one issuer)
# Between a type word and its number: descriptive words ("Luật Hóa chất số", "Giấy phép sử dụng vật liệu nổ
# công nghiệp số"), never a clause break or another number.
_TYPE_GAP = re.compile(r"[^;:.\d()\[\]]{0,90}?$")
_ENUM_GAP = re.compile(r"\s*(?:,|;|va|hoac)?\s*(?:cac\s+)?(?:so\s*)?$")
_FORM = re.compile(r"(?<!\w)(?:" + "|".join(_LEX["forms"]["words"]) + r")\s*(?:so\s*)?:?\s*$")
_SHORT_FORM = re.compile(rf"(?<![\w])(?P<type>{_TYPE_WORDS})\s+(?:neu tren|tren|noi tren|do|nay)(?![\w])")


def normalise_symbol(raw: str) -> str:
    """'QD-TTg' -> 'QĐ-TTg', 'HD-\\nHĐTĐKT' -> 'HD-HĐTĐKT' (Hướng dẫn keeps its plain D); spaces dropped."""
    raw = re.sub(r"\s+", "", raw)
    out = []
    for part in re.split(r"([-/])", raw):
        key = fold(part).upper()
        if part not in ("-", "/") and part.upper() == key and key in _SYMBOL_PARTS:  # written without the Đ
            out.append(_SYMBOL_PARTS[key])
        else:
            out.append(part)
    return "".join(out)


def _drop_footnote_mark(symbol: str) -> tuple[str, int]:
    """A footnote number glued to a normative symbol: "QH151" -> "QH15", "TT-BGTVT4" -> "TT-BGTVT".

    Normative symbols end in letters, except the legislature of a Luật (QH + two digits)."""
    last = re.split(r"[-/]", symbol)[-1]
    q = re.fullmatch(r"((?:UBTV)?QH)(\d+)", last)
    if q:
        # the Quốc hội's legislatures run from I to XV (QH9 in 1992-1997, QH15 since 2021): "QH151" is QH15 and
        # a footnote mark, "QH9" and "QH14" are whole
        digits = q[2]
        keep = 2 if len(digits) >= 2 and 1 <= int(digits[:2]) <= 16 else 1
        return symbol[: len(symbol) - len(digits) + keep], len(digits) - keep
    m = re.fullmatch(r"([A-ZĐa-z&]+)(\d{1,2})", last)
    if m:
        return symbol[: len(symbol) - len(m[2])], len(m[2])
    return symbol, 0


_HEAD_OF_TYPE = {t: h for h, t in SYMBOL_HEAD_TYPES.items() if h not in ("QH", "PL", "CV", "QĐi", "L", "LCT")}
_FIXED = _LEX["fixed_symbols"]["symbols"]


def _near(a: str, b: str) -> bool:
    """One letter added, dropped or changed (OCR's slips in a short symbol part: "QĐĐ", "NB")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _agree_with_type(c: dict, doc_type: str) -> None:
    """Mend a symbol head that OCR damaged, from the type word written before it: "Quyết định số 128/QĐĐ-HC" ->
    "128/QĐ-HC", "Nghị định số 26/2026/NB-CP" -> "NĐ-CP", "Nghị định số 17/2022/NĐ- GE" -> "NĐ-CP" (bct-qd-26,
    bct-cv-813: scans). Only a head that is no kind's abbreviation and one letter away from the type's own is
    mended; a Nghị định's whole symbol is fixed by law (the Chính phủ alone issues them)."""
    year = c["symbol"][:5] if re.match(r"(?:19|20)\d\d/", c["symbol"]) else ""
    symbol = c["symbol"][len(year) :]
    parts = symbol.split("-")
    fixed = _FIXED.get(doc_type)
    if fixed and year and len(parts) == 2 and symbol != fixed and symbol.replace("-", "") != fixed.replace("-", ""):
        head, tail = fixed.split("-")
        if (parts[0] == head and re.fullmatch(r"[A-Z]{2}", parts[1])) or (parts[1] == tail and _near(parts[0], head)):
            new = fixed
        else:
            return
    else:
        head = _HEAD_OF_TYPE.get(doc_type)
        first = re.sub(r"\d+$", "", parts[0])
        if head is None or first in SYMBOL_HEAD_TYPES or not _near(first, head) or fold(first).upper() == fold(head).upper():
            return
        new = "-".join([head + parts[0][len(first) :]] + parts[1:])
    c["key"] = c["key"][: len(c["key"]) - len(symbol)] + new
    c["symbol"] = year + new


def _type_of_symbol(symbol: str) -> str:
    parts = [p for p in re.split(r"[-/]", symbol) if p]
    for part in parts:
        head = re.sub(r"\d+$", "", part)
        if head in SYMBOL_HEAD_TYPES:
            return SYMBOL_HEAD_TYPES[head]
    return "Công văn"


def _relation(text: str, folded: str, start: int, previous: Optional[tuple[int, str]]) -> str:
    """The verb that governs the citation: the nearest of Căn cứ / Thực hiện / triển khai / theo in its sentence.

    A citation listed after another one ("...; Quyết định số 1722/QĐ-TTg ...") with no verb in between
    shares that one's relation.
    """
    window_start = max(0, start - 400)
    for m in _SENTENCE_END.finditer(text, window_start, start):
        window_start = m.end()
    if previous is not None and previous[0] >= window_start:
        window_start = previous[0]
    found = None
    for m in _RELATION_WORDS.finditer(folded, window_start, start):
        found = m.group(1)
    if found is None:
        return previous[1] if previous is not None and previous[0] >= window_start else "other"
    return {"can cu": "can_cu", "thuc hien": "thuc_hien", "trien khai": "thuc_hien", "theo": "theo"}[found]


_OWN = re.compile(r"(?:^|(?<=\n))[ \t]*(?:Số|SỐ|So|Mã số dự án|Mã số)[ \t]*:[ \t]*$")


def _own_number(text: str, folded: str, at: int) -> bool:
    """"Số: 165/KH-UBND" heading a line (the header's number, wherever a table layout puts it; "Mã số dự án:"
    of a certificate)."""
    line_start = text.rfind("\n", 0, at) + 1
    return bool(_OWN.search(text[line_start:at]))


def _find_type(text: str, folded: str, at: int, floor: int) -> Optional[tuple[int, str]]:
    """(start, doc_type) of the type word that the citation at `at` belongs to, looking back in its clause."""
    window_start = max(floor, at - 110)
    gap = _TYPE_GAP.search(folded, window_start, at)
    if gap is None:
        return None
    best = None
    for m in _TYPE.finditer(folded, gap.start(), at):
        word = text[m.start() : m.end()]
        if not word[:1].isupper() and fold(m["type"]) in ("van ban", "quy dinh", "bao cao", "ket luan", "giay phep", "phuong an"):
            # "văn bản", "quy định", "báo cáo" in lower case are common nouns unless "số" follows them
            if not re.match(r"\s+so\b", folded[m.end() : m.end() + 5]):
                continue
        best = (m.start(), DOC_TYPES[re.sub(r"\s+", " ", m["type"])])
    if best is None:
        a = _ABBR.search(folded, max(0, at - 6), at)
        if a and text[a.start("abbr") : a.end("abbr")].isupper():
            return a.start("abbr"), ABBREVIATED_TYPES[a["abbr"]]
    return best


def _candidates(text: str, folded: str) -> list[dict]:
    found = _all_candidates(text, folded)
    own = {c["key"] for c in found if c.get("own")}
    return [c for c in found if c["key"] not in own]


def _all_candidates(text: str, folded: str) -> list[dict]:
    found: list[dict] = []
    for m in _KEY.finditer(text):
        sym_raw = m["sym"]
        symbol = normalise_symbol(sym_raw)
        letters = re.sub(r"[^A-ZĐ]", "", symbol)
        if len(letters) < 2 and not (m["year"] and letters):
            continue  # "số 3 - nhóm", "1/2": not codes
        own = _own_number(text, folded, m.start())
        dropped = 0
        if m["year"]:
            symbol, dropped = _drop_footnote_mark(symbol)
            if symbol in _COMPLETE and re.match(r"[ \t]*-", text[m.end() : m.end() + 3]):
                symbol = _COMPLETE[symbol]  # "105/2025/NĐ-" cut by a table cell
        year = re.sub(r"\s+", "", m["year"] or "")
        sep = m["sep"].strip() if m["sep"].strip() in "/-." else "/"  # "80INQ-CP": the slash read as a capital I
        key = f"{m['num']}{sep}{year}{symbol}"
        found.append({"own": own, "needs_type": m["sep"] in "Il|", "key_start": m.start(), "end": m.end(), "number": m["num"], "symbol": year + symbol, "key": key,
                      "normative": bool(m["year"]), "head_type": _type_of_symbol(symbol)})
    for m in _STANDARD.finditer(text):
        code = re.sub(r"(?<=ISO)[ \t]+|(?<=IEC)[ \t]+", " ", m["code"])
        code = re.sub(r"(?<!ISO)(?<!IEC)[ \t]+", "", code)
        code = re.sub(r"(/[A-ZĐ]+)\d{1,2}$", r"\1", code)  # "QCVN122:2024/BGTVT3": a footnote mark
        series = m["series"]
        written_space = text[m.end("series") : m.start("code")]
        key = f"{series}{' ' if written_space else ''}{code}"
        found.append({"key_start": m.start(), "end": m.end(), "number": code.split(":")[0], "symbol": code, "key": key,
                      "normative": True, "head_type": "Quy chuẩn" if series.startswith("QC") else "Tiêu chuẩn", "standard": True})
    taken = [(c["key_start"], c["end"]) for c in found]
    for m in _NUMBER_ONLY.finditer(folded):
        if any(s <= m.start("num") < e for s, e in taken):
            continue
        if _own_number(text, folded, m.start("num")) or re.search(r"ma\s+so[^\n]{0,12}:\s*$", folded[max(0, m.start("num") - 30) : m.start("num")]):
            found.append({"own": True, "key": m["num"], "key_start": m.start("num"), "end": m.end("num")})
            continue
        t = _find_type(text, folded, m.start(), 0)
        if t is None or m.start() - t[0] > 90 or t[1] in _NOT_BY_NUMBER_ONLY:
            continue
        found.append({"key_start": m.start("num"), "end": m.end("num"), "number": m["num"], "symbol": None, "key": m["num"],
                      "normative": False, "head_type": t[1]})
    found.sort(key=lambda c: c["key_start"])
    return found


# "Ð" (U+00D0, eth) stands for "Đ" in text converted from legacy fonts and in some OCR output ("123/QÐ-UBND",
# "NÐ-CP"): read as Đ (same length, so offsets hold); items keep the text as written.
_CONFUSABLES = str.maketrans({"Ð": "Đ", "ð": "đ"})


def find_references(text: str, folded: Optional[str] = None) -> list[LegalReference]:
    folded = folded if folded is not None else fold(text)
    shown, text = text, text.translate(_CONFUSABLES)
    refs: list[LegalReference] = []
    previous: Optional[tuple[int, str]] = None  # (end, relation) of the last citation
    last_end, last_type = 0, None
    for c in _candidates(text, folded):
        key_start = c["key_start"]
        if refs and key_start < refs[-1].end:
            continue
        if _FORM.search(folded, max(0, key_start - 20), key_start):
            continue  # "theo Mẫu số 02/BC-UBND": a form of an annex, not a document
        start, doc_type = key_start, None
        so = _SO.search(folded, max(0, key_start - 8), key_start)
        if c.get("standard"):
            t = _find_type(text, folded, key_start, last_end)
            if t is not None and t[1] in ("Quy chuẩn", "Tiêu chuẩn") and key_start - t[0] < 40:
                start = t[0]
            doc_type = c["head_type"]
        elif last_type is not None and refs and _ENUM_GAP.fullmatch(folded, refs[-1].end, key_start) and "\n" not in text[refs[-1].end : key_start].strip(" "):
            # "các Nghị định số 06/2021/NĐ-CP, 35/2023/NĐ-CP và 175/2024/NĐ-CP": members share the type
            doc_type = last_type
            if so is not None:
                start = so.start()
        else:
            t = _find_type(text, folded, key_start, last_end)
            if t is not None:
                start, doc_type = t
                if not c.get("standard") and c["symbol"]:
                    _agree_with_type(c, doc_type)
            elif c.get("needs_type") or (so is None and not c["normative"] and c["head_type"] == "Công văn"):
                continue  # a bare code that names no kind of document ("QL279/..."): not read as a citation
            else:
                doc_type = c["head_type"]
                prev = re.search(r"(?<![\w])(\w{1,3})\s+$", text[max(0, key_start - 6) : key_start])
                if so is None and prev and prev.group(1)[:1].isupper() and c["symbol"] and fold(prev.group(1))[:1] == fold(c["symbol"])[:1]:
                    start = key_start - (len(text[max(0, key_start - 6) : key_start]) - prev.start(1))  # "Qb 2338/QĐ-UBND"
        end = c["end"]
        iso = None
        d = _DATE_AFTER.match(folded, end)
        if d:
            p = _point(folded[d.start("date") : d.end("date")])
            iso = p[0] if p else None
            end = d.end()
        else:
            damaged = _ocr_date(folded, end, c["symbol"], c["normative"])
            if damaged:
                iso, end = damaged
        if iso is None:
            iso = _date_before(text, folded, start, last_end)
        issuer = None
        i = _ISSUER_AFTER.match(folded, end)
        if i:
            stop = _issuer_stop(text, folded, i.end())
            stop_at = stop.start() if stop else min(len(text), i.end() + 60)
            words = text[i.end() : stop_at].split()
            if 0 < len(words) <= 10 and words[0][:1].isupper():
                end = i.end() + len(text[i.end() : stop_at].rstrip())
                issuer = squash(text[i.end() : end])
                if iso is None:
                    later = _DATE_AFTER_ISSUER.match(folded, end)
                    p = _point(folded[later.start("date") : later.end("date")]) if later else None
                    iso = p[0] if p else None
        relation = _relation(text, folded, start, previous)
        refs.append(LegalReference(
            text=shown[start:end], start=start, end=end, doc_type=doc_type, number=c["number"], symbol=c["symbol"],
            key=c["key"], date=iso, issuer=issuer, relation=relation,
        ))
        previous = (end, relation)
        last_end, last_type = end, doc_type
    _propagate_dates(refs)
    refs += _short_forms(shown, folded, refs)
    refs.sort(key=lambda r: r.start)
    return refs


_DATE_LEADS = re.compile(rf"(?:^|(?<=[\n.;:]))[ \t\n]*(?:-[ \t]*)?ngay[ \t]+(?P<date>{_DMY})[ \t]*,")


def _date_before(text: str, folded: str, start: int, floor: int) -> Optional[str]:
    """"Ngày 18/12/2025, Cục Địa chất ... có Văn bản số 3633/ĐCKS-PCKS": a sentence that opens with the date
    of the document it then cites (reports tell events so)."""
    window_start = max(floor, start - 160)
    last = None
    for m in _DATE_LEADS.finditer(folded, window_start, start):
        last = m
    if last is None or re.search(r"[.;]\s", folded[last.end() : start]):
        return None
    p = _point(folded[last.start("date") : last.end("date")])
    return p[0] if p else None


def _propagate_dates(refs: list[LegalReference]) -> None:
    """A key mentioned again without its date takes the date of its first dated mention."""
    first: dict[str, Optional[str]] = {}
    for ref in refs:
        if ref.date and ref.key not in first:
            first[ref.key] = ref.date
    for ref in refs:
        if ref.date is None and ref.key in first:
            ref.date = first[ref.key]


def _short_forms(text: str, folded: str, refs: list[LegalReference]) -> list[LegalReference]:
    """'Quyết định nêu trên' -> the last cited Quyết định before it. 'Kế hoạch này' is the document itself."""
    out = []
    spans = [(r.start, r.end) for r in refs]
    for m in _SHORT_FORM.finditer(folded):
        if fold(text[m.end() - 3 : m.end()]) == "nay" or any(s <= m.start() < e for s, e in spans):
            continue
        if not text[m.start()].isupper():
            continue  # "văn bản trên", "quy định trên": common nouns
        doc_type = DOC_TYPES[re.sub(r"\s+", " ", m["type"])]
        antecedent = next((r for r in reversed(refs) if r.end <= m.start() and r.doc_type == doc_type and r.key), None)
        if antecedent is None:
            continue
        out.append(LegalReference(
            text=text[m.start() : m.end()], start=m.start(), end=m.end(), doc_type=doc_type, number=None,
            symbol=None, key=antecedent.key, date=antecedent.date, issuer=antecedent.issuer,
            relation=_relation(text, folded, m.start(), None), resolved_to=antecedent.key, confidence=0.8,
        ))
    return out


def issuer_canonical(issuer: Optional[str]) -> Optional[str]:
    return canonical_body(issuer) if issuer else None
