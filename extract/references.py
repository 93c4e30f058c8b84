"""Legal references: mentions of other legal documents by number, and short forms that point back.

Owns `find_references(text) -> list[LegalReference]`. Matching runs on the folded text
(`bodies.fold`, same offsets) so that residual OCR damage ("Quyet dinh so 1258/QD-TTg") is still
found; the values written out are proper Vietnamese ("QĐ-TTg"). Like eyecite, a full citation is
found first, then its date, issuer and the verb that governs it ("Căn cứ" / "Thực hiện" / "theo"),
and finally short forms ("Quyết định nêu trên") are resolved to the citation they refer to.
"""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Optional

from extract.bodies import canonical_body, fold, squash
from models import LegalReference

DOC_TYPES = {
    "quyet dinh": "Quyết định", "ke hoach": "Kế hoạch", "nghi quyet": "Nghị quyết", "cong van": "Công văn",
    "huong dan": "Hướng dẫn", "thong bao": "Thông báo", "chi thi": "Chỉ thị", "nghi dinh": "Nghị định",
    "thong tu": "Thông tư", "thong tu lien tich": "Thông tư liên tịch", "quy che": "Quy chế", "luat": "Luật",
    "phap lenh": "Pháp lệnh", "chuong trinh": "Chương trình", "ket luan": "Kết luận", "to trinh": "Tờ trình",
}
# Abbreviated type words ("QĐ 2338/QĐ-UBND", "TB 90/TB-UBND"): accepted only in capitals.
ABBREVIATED_TYPES = {"qd": "Quyết định", "tb": "Thông báo", "kh": "Kế hoạch", "nq": "Nghị quyết", "cv": "Công văn",
                     "hd": "Hướng dẫn", "ct": "Chỉ thị", "nd": "Nghị định", "tt": "Thông tư"}

# Parts of symbols whose Đ the OCR or the repair lost, written back.
_SYMBOL_PARTS = {
    "QD": "QĐ", "HDTDKT": "HĐTĐKT", "LDTBXH": "LĐTBXH", "SLDTBXH": "SLĐTBXH", "BCD": "BCĐ", "TTG": "TTg",
    "HDND": "HĐND", "UBTVQH": "UBTVQH", "BTDKT": "BTĐKT", "TDKT": "TĐKT", "ND": "NĐ", "BLDTBXH": "BLĐTBXH",
    "DU": "ĐU", "BCH": "BCH", "HU": "HU", "TU": "TU", "TW": "TW",
}

_TYPE_WORDS = "|".join(sorted((re.escape(k) for k in DOC_TYPES), key=len, reverse=True))
_ABBR_WORDS = "|".join(ABBREVIATED_TYPES)
_SYMBOL = r"[a-z][a-z&]*(?:\s?[-/]\s?[a-z][a-z&]*)*"
# Residual OCR damage seen after repair: "K& hoạch", "Hudng dân", "sd/sẽ/s6 1258".
_DAMAGED_TYPES = {r"k\S{1,2}\s+hoach": "ke hoach", r"hu\w{1,3}ng\s+dan": "huong dan", r"quy\w{0,2}t\s+dinh": "quyet dinh",
                  r"ngh\w{1,2}\s+quy\w{1,2}t": "nghi quyet", r"c\w{1,2}ng\s+v\w{1,2}n": "cong van"}
_REF = re.compile(
    rf"(?<![\w])(?P<type>{_TYPE_WORDS}|{_ABBR_WORDS}|{'|'.join(_DAMAGED_TYPES)})\s+(?:(?:so|s[\w\d])\s*[:.]?\s*)?"
    rf"(?P<num>\d{{1,5}})\s*(?P<sep>[/-]|[il|](?=[a-z]))\s*(?P<sym>{_SYMBOL})(?![\w])"
)
_NUMERIC_DATE = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
_WORDY_DATE = r"(?P<d2>\d{1,2})\s+th\w{1,2}ng\s+(?P<m2>\d{1,2})\s+n\w{1,2}m\s+(?P<y2>\d{4})"
_DATE_AFTER = re.compile(rf"\s*,?\s*ngay\s+(?:{_NUMERIC_DATE}|{_WORDY_DATE})")
_ISSUER_AFTER = re.compile(r"\s+cua\s+")
# Words that end an issuer: what the cited document is about, or the next clause.
_ISSUER_STOP = re.compile(
    r"\s+(?:ve|thuc hien|chi dao|phe duyet|ban hanh|va|tai|de|den|cho|quy dinh|huong dan|thong qua|voi|trong|theo|giai doan)(?!\w)"
    r"|[;,.:()\"“”]|\s+\d|\s*$"
)
_RELATION_WORDS = re.compile(r"(?<!\w)(can cu|thuc hien|trien khai|theo)(?!\w)")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])|\./\.|\n\s*[-+]\s+(?=[A-ZĐÀ-Ỹ])|\n\s*[IVX]+\.\s|\n\s*\d+(?:\.\d+)*\.\s|:\s")
_SHORT_FORM = re.compile(rf"(?<![\w])(?P<type>{_TYPE_WORDS})\s+(?:neu tren|tren|noi tren|do|nay)(?![\w])")


def _iso(day: str, month: str, year: str) -> Optional[str]:
    try:
        return Date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def normalise_symbol(raw: str) -> str:
    """'QD-TTg' -> 'QĐ-TTg', 'HD-\\nHĐTĐKT' -> 'HD-HĐTĐKT' (Hướng dẫn keeps its plain D)."""
    raw = re.sub(r"\s+", "", raw)
    parts = re.split(r"([-/])", raw)
    out = []
    for part in parts:
        if part in ("-", "/"):
            out.append(part)
            continue
        key = fold(part).upper()
        if part.upper() == key and key in _SYMBOL_PARTS:  # written without the Đ, or in a wrong case
            out.append(_SYMBOL_PARTS[key])
        else:
            out.append(part)
    return "".join(out)


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


# A number and symbol with no type word before it, or one the OCR destroyed ("Ký họ(;1chs6 318/KH-UBND",
# "Qb 2338/QĐ-UBND"): the type is read from the symbol's head, which names it ("QĐ-" a Quyết định).
SYMBOL_HEAD_TYPES = {"QĐ": "Quyết định", "KH": "Kế hoạch", "NQ": "Nghị quyết", "TB": "Thông báo", "CT": "Chỉ thị",
                     "NĐ": "Nghị định", "TT": "Thông tư", "HD": "Hướng dẫn", "TTLT": "Thông tư liên tịch", "KL": "Kết luận",
                     "QC": "Quy chế", "CTr": "Chương trình", "TTr": "Tờ trình"}
_BARE = re.compile(rf"(?<![\w/.-])(?P<num>\d{{1,5}})\s*(?P<sep>[/-])\s*(?P<sym>{_SYMBOL})(?![\w])")
# The document's own number in its header ("Số: 165 /KH-UBND") is not a reference.
_OWN_NUMBER = re.compile(r"(?<!\w)s\w{0,2}\s*:?\s*$")


def _candidates(text: str, folded: str) -> list[tuple[int, str, str, str, int, int]]:
    """(start, doc_type, number, separator, symbol start, symbol end) of every citation by number."""
    found = []
    for m in _REF.finditer(folded):
        type_key = m["type"]
        if type_key not in DOC_TYPES and type_key not in ABBREVIATED_TYPES:
            type_key = next((v for k, v in _DAMAGED_TYPES.items() if re.fullmatch(k, type_key)), None)
            if type_key is None:
                continue
        if type_key in ABBREVIATED_TYPES:
            raw_type = text[m.start("type") : m.end("type")]
            if not raw_type.isupper():
                continue
            doc_type = ABBREVIATED_TYPES[type_key]
        else:
            doc_type = DOC_TYPES[type_key]
        sep = m["sep"]
        sym_start = m.start("sym")
        if sep in "il|":  # "80INQ-CP": the slash read as a capital I
            if text[m.start("sep")] not in "Il|" or not text[sym_start : sym_start + 1].isupper():
                continue
            sep = "/"
        found.append((m.start(), doc_type, m["num"], sep, sym_start, m.end("sym")))
    taken = [(f[0], f[5]) for f in found]
    for m in _BARE.finditer(folded):
        if any(s <= m.start() < e for s, e in taken):
            continue
        symbol = normalise_symbol(text[m.start("sym") : m.end("sym")])
        parts = re.split(r"[-/]", symbol)
        doc_type = SYMBOL_HEAD_TYPES.get(parts[0])
        if doc_type is None or len(parts) < 2 or not parts[-1][:1].isupper():
            continue
        line_start = folded.rfind("\n", 0, m.start()) + 1
        if _OWN_NUMBER.search(folded, line_start, m.start()) and m.start() < len(text) // 5:
            continue
        start = m.start()
        prev = re.search(r"(?<![\w])(\w{1,3})\s+$", text[max(0, start - 6) : start])
        if prev and prev.group(1)[:1].isupper() and fold(prev.group(1))[:1] == fold(parts[0])[:1]:
            start -= len(text[max(0, start - 6) : start]) - prev.start(1)  # "Qb 2338/QĐ-UBND": the type word, damaged
        found.append((start, doc_type, m["num"], m["sep"], m.start("sym"), m.end("sym")))
    found.sort()
    return found


def find_references(text: str, folded: Optional[str] = None) -> list[LegalReference]:
    folded = folded if folded is not None else fold(text)
    refs: list[LegalReference] = []
    previous: Optional[tuple[int, str]] = None  # (end, relation) of the last citation
    for start, doc_type, number, sep, sym_start, sym_end in _candidates(text, folded):
        end = sym_end
        sym_raw = text[sym_start:sym_end]
        symbol = normalise_symbol(sym_raw)
        if not re.search(r"[A-ZĐ]", symbol):  # "số 3 - nhóm": not a code
            continue
        key = f"{number}{sep}{symbol}"
        iso = None
        d = _DATE_AFTER.match(folded, end)
        if d:
            day, month, year = (d["d"], d["m"], d["y"]) if d["d"] else (d["d2"], d["m2"], d["y2"])
            iso = _iso(day, month, year)
            end = d.end()
        issuer = None
        i = _ISSUER_AFTER.match(folded, end)
        if i:
            stop = _ISSUER_STOP.search(folded, i.end())
            stop_at = stop.start() if stop else min(len(text), i.end() + 60)
            words = text[i.end() : stop_at].split()
            if 0 < len(words) <= 10 and words[0][:1].isupper():
                end = i.end() + len(text[i.end() : stop_at].rstrip())
                issuer = squash(text[i.end() : end])
        relation = _relation(text, folded, start, previous)
        refs.append(
            LegalReference(
                text=text[start:end], start=start, end=end, doc_type=doc_type, number=number,
                symbol=symbol, key=key, date=iso, issuer=issuer, relation=relation,
            )
        )
        previous = (end, relation)
    _propagate_dates(refs)
    refs += _short_forms(text, folded, refs)
    refs.sort(key=lambda r: r.start)
    return refs


def _propagate_dates(refs: list[LegalReference]) -> None:
    """A key mentioned again without its date takes the date of its first dated mention."""
    first: dict[str, tuple[Optional[str], Optional[str]]] = {}
    for ref in refs:
        if ref.date and ref.key not in first:
            first[ref.key] = (ref.date, ref.issuer)
    for ref in refs:
        if ref.date is None and ref.key in first:
            ref.date = first[ref.key][0]


def _short_forms(text: str, folded: str, refs: list[LegalReference]) -> list[LegalReference]:
    """'Quyết định nêu trên' -> the last cited Quyết định before it. 'Kế hoạch này' is the document itself."""
    out = []
    spans = [(r.start, r.end) for r in refs]
    for m in _SHORT_FORM.finditer(folded):
        if fold(text[m.end() - 3 : m.end()]) == "nay" or any(s <= m.start() < e for s, e in spans):
            continue
        doc_type = DOC_TYPES[m["type"]]
        antecedent = next((r for r in reversed(refs) if r.end <= m.start() and r.doc_type == doc_type and r.key), None)
        if antecedent is None:
            continue
        out.append(
            LegalReference(
                text=text[m.start() : m.end()], start=m.start(), end=m.end(), doc_type=doc_type, number=None,
                symbol=None, key=antecedent.key, date=antecedent.date, issuer=antecedent.issuer,
                relation=_relation(text, folded, m.start(), None), resolved_to=antecedent.key, confidence=0.8,
            )
        )
    return out


def issuer_canonical(issuer: Optional[str]) -> Optional[str]:
    return canonical_body(issuer) if issuer else None
