"""The administrative header and the signature block of a plan: its `Metadata`.

Owns reading, from the text before the first section and after the last one, the document type,
number and symbol, issuer and its parent, place and date, title, movement and period, signer and
recipients, following the conventions of gold/README.md. Two-column header lines that OCR
interleaved ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI ...") are split at the right column's markers.
Text may carry residual OCR damage, so markers are found in the *fold* of the text (marks
stripped, casefolded, one character per character, see `extract.outline.fold`) and values are
put back into proper Vietnamese where a closed vocabulary allows it (issuer forms, signer
titles, family names, and place names: the official spelling of a province or district whose
letters the document writes, from the address data shipped with underthesea, else the spelling the
document itself uses most). Where a value is doubtful a `Warning` says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from extract.outline import LINE_BREAKS, fold
from extract.places import address_records
from models import Metadata, Span, Warning

DOC_TYPES = {
    "kehoach": "Kế hoạch",
    "quyetdinh": "Quyết định",
    "chithi": "Chỉ thị",
    "thongbao": "Thông báo",
    "huongdan": "Hướng dẫn",
    "baocao": "Báo cáo",
    "chuongtrinh": "Chương trình",
    "congvan": "Công văn",
    "nghiquyet": "Nghị quyết",
}

# Departments (Sở) in canonical form, keyed by their folded name.
DEPARTMENTS = [
    "Lao động - Thương binh và Xã hội",
    "Nội vụ",
    "Tài chính",
    "Y tế",
    "Tư pháp",
    "Công Thương",
    "Xây dựng",
    "Giao thông vận tải",
    "Giáo dục và Đào tạo",
    "Kế hoạch và Đầu tư",
    "Thông tin và Truyền thông",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hóa và Thể thao",
    "Nông nghiệp và Phát triển nông thôn",
    "Tài nguyên và Môi trường",
    "Khoa học và Công nghệ",
    "Ngoại vụ",
    "Dân tộc",
]

PROVINCES = (
    "An Giang, Bà Rịa - Vũng Tàu, Bạc Liêu, Bắc Giang, Bắc Kạn, Bắc Ninh, Bến Tre, Bình Dương, "
    "Bình Định, Bình Phước, Bình Thuận, Cà Mau, Cao Bằng, Cần Thơ, Đà Nẵng, Đắk Lắk, Đắk Nông, "
    "Điện Biên, Đồng Nai, Đồng Tháp, Gia Lai, Hà Giang, Hà Nam, Hà Nội, Hà Tĩnh, Hải Dương, "
    "Hải Phòng, Hậu Giang, Hòa Bình, Hưng Yên, Khánh Hòa, Kiên Giang, Kon Tum, Lai Châu, Lạng Sơn, "
    "Lào Cai, Lâm Đồng, Long An, Nam Định, Nghệ An, Ninh Bình, Ninh Thuận, Phú Thọ, Phú Yên, "
    "Quảng Bình, Quảng Nam, Quảng Ngãi, Quảng Ninh, Quảng Trị, Sóc Trăng, Sơn La, Tây Ninh, "
    "Thái Bình, Thái Nguyên, Thanh Hóa, Thừa Thiên Huế, Tiền Giang, Hồ Chí Minh, Trà Vinh, "
    "Tuyên Quang, Vĩnh Long, Vĩnh Phúc, Yên Bái"
).split(", ")

ADMIN_UNITS = {
    "tinh": "tỉnh",
    "thanh pho": "thành phố",
    "huyen": "huyện",
    "quan": "quận",
    "thi xa": "thị xã",
    "xa": "xã",
    "phuong": "phường",
    "thi tran": "thị trấn",
}

SIGNER_WORDS = {
    "chu tich": "CHỦ TỊCH",
    "pho chu tich": "PHÓ CHỦ TỊCH",
    "giam doc": "GIÁM ĐỐC",
    "pho giam doc": "PHÓ GIÁM ĐỐC",
    "uy ban nhan dan": "ỦY BAN NHÂN DÂN",
    "chanh van phong": "CHÁNH VĂN PHÒNG",
    "truong phong": "TRƯỞNG PHÒNG",
    "truong ban": "TRƯỞNG BAN",
    "pho truong ban": "PHÓ TRƯỞNG BAN",
    "bi thu": "BÍ THƯ",
    "so lao dong - thuong binh va xa hoi": "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
    "hoi dong thi dua - khen thuong": "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
}
_SIGNER_PREFIX = re.compile(r"^(?P<p>kt|tm|tl|tuq|q)\b(?P<dot>\s*\.)?(?P<sp>\s*)(?P<rest>.*)$")

_QUOTE_OPEN = "“\"«„"
_QUOTE_CLOSE = "”\"»~"

_PREAMBLE_START = ("can cu", "thuc hien", "nham", "de ", "theo ", "tiep tuc huong ung", "trien khai")


@dataclass
class _Field:
    value: object
    start: int
    end: int


def _span(text: str, start: int, end: int, confidence: float = 1.0) -> Span:
    return Span(text=text[start:end], start=start, end=end, confidence=confidence)


def _lines(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, str]]:
    """(offset, line) for each line overlapping text[start:end]."""
    end = len(text) if end is None else end
    out = []
    pos = 0
    for raw in LINE_BREAKS.split(text):  # a page break ends a line too
        if pos >= end:
            break
        if pos + len(raw) >= start:
            out.append((pos, raw))
        pos += len(raw) + 1
    return out


def _collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _has_marks(s: str) -> bool:
    return any(unicodedata.category(c) == "Mn" for c in unicodedata.normalize("NFD", s)) or "đ" in s.lower()


def match_province(name: str) -> Optional[tuple[str, float]]:
    """The province whose folded name is closest to `name` (letters only), with its score."""
    target = re.sub(r"[^a-z ]", "", _collapse(fold(name)))
    target = _collapse(target)
    if not target:
        return None
    best, score = None, 0.0
    for province in PROVINCES:
        p = _collapse(re.sub(r"[^a-z ]", "", fold(province)))
        r = fuzz.ratio(target, p)
        if r > score:
            best, score = province, r
    return (best, score) if best else None


_DISTRICT_UNITS = {"huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thanh pho": "thành phố"}


@lru_cache(maxsize=1)
def district_gazetteer() -> dict[str, list[tuple[str, str, str]]]:
    """Vietnam's districts before the 2025 reform (the units that issue and sign most plans),
    keyed by their skeleton (folded words): [(unit, name, province)], e.g. "tam duong" ->
    [("huyện", "Tam Đường", "Lai Châu")].

    Read from the address data that ships with underthesea (`extract.places`); empty when the
    installed version has none, and names then come from the document alone."""
    records = address_records()
    out: dict[str, list[tuple[str, str, str]]] = {}
    seen = set()
    for r in records:
        district, province = r.get("old_district") or "", r.get("old_province") or ""
        if (district, province) in seen:
            continue
        seen.add((district, province))
        f = _collapse(fold(district))
        for key, unit in _DISTRICT_UNITS.items():
            if f.startswith(key + " "):
                name = _collapse(district)[len(key) + 1 :]
                prov = re.sub(r"^(Tỉnh|Thành phố)\s+", "", _collapse(province))
                out.setdefault(_skeleton(name), []).append((unit, name, prov))
                break
    return out


def _skeleton(name: str) -> str:
    return _collapse(re.sub(r"[^a-z ]", " ", fold(name)))


def _known_names(unit: Optional[str]) -> dict[str, list[tuple[str, Optional[str]]]]:
    """Official spellings by skeleton, with their province (None for a province): provinces, and
    districts (of `unit` when given)."""
    out: dict[str, list[tuple[str, Optional[str]]]] = {}
    if unit in (None, "tỉnh", "thành phố"):
        for province in PROVINCES:
            out.setdefault(_skeleton(province), []).append((province, None))
    if unit != "tỉnh":
        for key, entries in district_gazetteer().items():
            for u, name, province in entries:
                if (unit is None or u == unit) and (name, province) not in out.get(key, []):
                    out.setdefault(key, []).append((name, province))
    return out


def _official(target: str, text: str, unit: Optional[str], forms: Counter) -> Optional[str]:
    """The official spelling of the unit whose skeleton is `target`. Where units share a
    skeleton ("Tam Đường", Lai Châu, and "Tam Dương", Vĩnh Phúc) the one the document writes,
    else the one whose province the document names, else None."""
    entries = _known_names(unit).get(target, [])
    names = {name for name, _ in entries}
    if len(names) == 1:
        return names.pop()
    if entries and any(p is None for _, p in entries):
        return next(name for name, p in entries if p is None)  # a province's own name first
    written = {name for name, _ in entries if forms.get(name)}
    if len(written) == 1:
        return written.pop()
    folded_text = " " + _skeleton(text) + " "
    named = {name for name, p in entries if p and f" {_skeleton(p)} " in folded_text}
    return named.pop() if len(named) == 1 else None


def _document_forms(target: str, text: str) -> Counter:
    """Title-case spellings in `text` whose skeleton is `target`, with their counts."""
    n_words = len(target.split())
    folded = fold(text)
    counts: Counter[str] = Counter()
    pattern = r"(?<![^\W_])" + r"[^\w]{1,3}".join(re.escape(w) for w in target.split()) + r"(?![^\W_])"
    for m in re.finditer(pattern, folded):
        surface = _collapse(text[m.start() : m.end()])
        words = surface.split()
        if len(words) == n_words and all(w[:1].isupper() and w[1:] == w[1:].lower() for w in words):
            counts[surface] += 1
    return counts


def proper_name(name: str, text: str, unit: Optional[str] = None, warnings: Optional[list[Warning]] = None) -> str:
    """A place name in proper Vietnamese, chosen among what the document offers.

    - A province, or a district (of `unit`, "huyện", "quận", ..., when given), whose skeleton
      (marks stripped) is the name's takes its official spelling: repair restores marks without
      knowing the name ("Tạm Đương", "Tâm Đường" for "Tam Đường").
    - A damaged name that no unit has ("TÂM PHƯƠNG") takes the unit whose skeleton is closest
      among those the document itself writes (in its title, place line, body), with a warning.
    - Otherwise the spelling the document uses most often (title case, with marks), preferring
      the marked ones; else `name` in title case. Nothing is taken from outside the document but
      the marks of a name whose letters it has."""
    target = _skeleton(name)
    if not target:
        return name
    forms = _document_forms(target, text)
    official = _official(target, text, unit, forms)
    if official:
        if warnings is not None and official not in forms and _collapse(name).lower() != official.lower():
            warnings.append(Warning(code="place_name_restored",
                                    message=f"name {_collapse(name)!r} read as {official!r} (official spelling of its letters)"))
        return official
    folded_text = _collapse(re.sub(r"[^a-z ]", " ", fold(text)))
    if not forms and len(target) >= 5:
        # damaged letters: the known unit the document names whose skeleton is closest
        best, best_score = None, 0.0
        for key in _known_names(unit):
            if abs(len(key) - len(target)) > 3 or key == target:
                continue
            score = fuzz.ratio(key, target)
            if score >= 75 and score > best_score and re.search(r"(?<![a-z])" + re.escape(key) + r"(?![a-z])", folded_text):
                official = _official(key, text, unit, _document_forms(key, text))
                if official:
                    best, best_score = official, score
        if best:
            if warnings is not None:
                warnings.append(Warning(code="place_name_guessed",
                                        message=f"damaged name {_collapse(name)!r} read as {best!r}, a name the document writes elsewhere"))
            return best
    counts = forms
    if not counts:
        # damaged spelling ("Tam Dpuong"): the closest title-case run of as many words
        n_words = len(target.split())
        word = r"[^\W\d_]+"
        for m in re.finditer(r"(?<![^\W_])" + r"\s+".join([word] * n_words) + r"(?![^\W_])", text):
            surface = _collapse(m.group(0))
            words = surface.split()
            if all(w[:1].isupper() and w[1:] == w[1:].lower() for w in words):
                if fuzz.ratio(_skeleton(surface), target) >= 85:
                    counts[surface] += 1
    marked = [s for s, _ in counts.most_common() if _has_marks(s)]
    choice = marked[0] if marked else (counts.most_common(1)[0][0] if counts else None)
    if choice is None:
        return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
    if warnings is not None and len(counts) > 1:
        warnings.append(Warning(code="place_name_doubtful",
                                message=f"the document spells {_collapse(name)!r} as {sorted(counts)}; took {choice!r}"))
    return choice


def _respell(value: str, name: Optional[str]) -> str:
    """`value` with each run of words that spells `name` but for its marks written as `name`
    ("Làng Sơn cùng cả nước" -> "Lạng Sơn cùng cả nước" once the place is known as Lạng Sơn)."""
    if not value or not name:
        return value
    target = _skeleton(name)
    n = len(name.split())
    words = list(re.finditer(r"[^\W\d_]+", value))
    out, last, i = [], 0, 0
    while i + n <= len(words):
        start, end = words[i].start(), words[i + n - 1].end()
        run = value[start:end]
        if _skeleton(run) == target and run[:1].isupper() and not run.isupper() and run != name:
            out += [value[last:start], name]
            last, i = end, i + n
        else:
            i += 1
    return "".join(out) + value[last:]


def _department(folded_name: str) -> Optional[str]:
    """Canonical department name for the folded words after "Sở"."""
    name = _collapse(folded_name.replace("&", " va ").replace("-", " - "))
    aliases = {"ld tb xh": "Lao động - Thương binh và Xã hội", "ldtbxh": "Lao động - Thương binh và Xã hội"}
    compact = re.sub(r"[^a-z]", "", name)
    for alias, canon in aliases.items():
        if compact == alias.replace(" ", ""):
            return canon
    best, best_score = None, 0.0
    for canon in DEPARTMENTS:
        score = fuzz.ratio(compact, re.sub(r"[^a-z]", "", fold(canon)))
        if score > best_score:
            best, best_score = canon, score
    return best if best_score >= 85 else None


def _department_inside(folded: str) -> Optional[tuple[str, int]]:
    """(department, offset in `folded` where its name starts) for a damaged header line whose
    word "Sở" was lost or glued ("PHV6CSA LAO DQNG - TRUONG BINH VA XA HOI")."""
    words = [(m.start(), re.sub(r"[^a-z]", "", m.group(0))) for m in re.finditer(r"\S+", folded)]
    for canon in DEPARTMENTS:
        key = re.sub(r"[^a-z]", "", fold(canon))
        if len(key) < 12:
            continue  # short names ("Y tế") are too easy to find by accident
        for i in range(len(words)):
            joined = ""
            for j in range(i, len(words)):
                joined += words[j][1]
                if len(joined) >= len(key) - 2:
                    break
            if fuzz.ratio(joined, key) >= 85:
                return canon, words[i][0]
    return None


# ----------------------------------------------------------------------------------------------
# The header block


_RIGHT_MARKERS = [
    re.compile(r"c\S{0,2}ng\s*h\S{0,2}a\s*x\S{0,2}\s*h\S{0,2}i"),  # CỘNG HÒA XÃ HỘI ...
    re.compile(r"\bd\S{1,2}c\s*[l1i]\S{1,2}p\s*[-–—]"),  # Độc lập - Tự do - Hạnh phúc
    re.compile(r"(?:(?<=\s)|^)[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*,\s*ng\S{1,2}y\b"),  # Lạng Sơn, ngày ...
]
_NUMBER_LINE = re.compile(r"^\s*[s$5]\S{0,2}\s*[:;]")
_DATE = re.compile(
    r"ng\S{1,2}y(?P<d>[^\n]{0,6}?)th\S{1,3}g(?P<m>[^\n]{0,6}?)n\S{1,2}m\s*(?P<y>\d{4})"
)


def _doc_type_line(text: str, limit: int) -> Optional[tuple[int, int, str]]:
    for pos, raw in _lines(text, 0, limit):
        stripped = raw.strip()
        if not stripped or len(stripped) > 24:
            continue
        compact = re.sub(r"[^a-z]", "", fold(stripped))
        for key, canon in DOC_TYPES.items():
            if len(compact) >= len(key) - 2 and fuzz.ratio(compact, key) >= 80:
                start = pos + raw.index(stripped[0])
                return start, start + len(stripped), canon
    return None


def _split_columns(line: str) -> int:
    """Offset in `line` where its right column starts (len(line) when it has none)."""
    f = fold(line)
    cut = len(line)
    for marker in _RIGHT_MARKERS:
        m = marker.search(f)
        if m:
            cut = min(cut, m.start())
    return cut


@dataclass
class HeaderResult:
    metadata: Metadata
    warnings: list[Warning]


def _issuer_from_left(left: str, text: str, warnings: list[Warning]) -> tuple[Optional[str], Optional[str]]:
    """(issuer, issuer_parent) from the left column of the header."""
    orig = _collapse(left)
    f = fold(orig)
    if not f:
        return None, None
    parent: Optional[str] = None
    issuer: Optional[str] = None
    unit_re = r"(?P<unit>tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\s+(?P<name>\S.*?)"
    m_so = re.search(r"(?:^|\s)s[o0]\s+(?P<dept>.+)$", f)
    dept_fuzzy = None if m_so else _department_inside(f)
    ubnd_end = m_so.start() if m_so else (dept_fuzzy[1] if dept_fuzzy else len(f))
    ubnd_part = f[:ubnd_end]
    m_unit = re.search(r"(?:ubnd|uy ban nhan dan)?\s*" + unit_re + r"\s*$", ubnd_part.strip())
    unit_text = None
    if m_unit:
        unit = ADMIN_UNITS[m_unit["unit"]]
        offset = len(ubnd_part) - len(ubnd_part.lstrip())
        surface = orig[offset + m_unit.start("name") : offset + m_unit.end("name")]
        if dept_fuzzy:
            # the word "SỞ" lost its space and marks and sits at the end of the name ("PHV6CSA")
            surface = re.sub(r"(?i)(?<=\S)s\S$", "", surface)
        name = proper_name(surface, text, None if m_unit["unit"] in ("tinh", "thanh pho") else unit, warnings)
        if m_unit["unit"] in ("tinh", "thanh pho") and name not in PROVINCES and not district_gazetteer().get(_skeleton(name)):
            found = match_province(surface)
            if found and found[1] >= 70:
                if found[1] < 100:
                    warnings.append(Warning(code="issuer_name_guessed",
                                            message=f"damaged province name {surface!r} read as {found[0]!r}"))
                name = found[0]
        unit_text = f"UBND {unit} {name}"
        if not re.search(r"ubnd|uy ban nhan dan", ubnd_part) and not m_so and not dept_fuzzy:
            warnings.append(
                Warning(code="issuer_inferred", message=f"header names only the unit; issuer read as {unit_text!r}")
            )
    if dept_fuzzy:
        issuer = f"Sở {dept_fuzzy[0]}"
        parent = unit_text
        warnings.append(Warning(code="issuer_damaged", message=f"damaged header {left.strip()!r}: department read as {issuer!r}"))
    elif m_so:
        dept = _department(m_so["dept"])
        if dept:
            issuer = f"Sở {dept}"
        else:
            issuer = None
            warnings.append(Warning(code="issuer_unrecognised", message=f"department not recognised in header: {left!r}"))
        parent = unit_text
    else:
        issuer = unit_text
    return issuer, parent


def _issuer_from_preamble(text: str, start: int, end: int) -> Optional[_Field]:
    """Issuer named in the enacting sentence ("Ủy ban nhân dân tỉnh X ban hành Kế hoạch")."""
    f = fold(text[start:end])
    m = re.search(
        r"(?:uy ban nhan dan|ubnd)\s+(?P<unit>tinh|thanh pho|huyen|quan|thi xa)\s+(?P<name>[a-z]+(?: [a-z]+){0,3}?)\s+(?:ban hanh|xay dung)\s+ke hoach",
        f,
    )
    if m:
        surface = text[start + m.start("name") : start + m.end("name")]
        unit = ADMIN_UNITS[m["unit"]]
        value = f"UBND {unit} {proper_name(surface, text, None if unit in ('tỉnh', 'thành phố') else unit)}"
        return _Field(value, start + m.start(), start + m.end("name"))
    m = re.search(r"\bs[o0]\s+(?P<dept>[^,;.]{3,60}?)\s+(?:ban hanh|xay dung)\s+ke hoach", f)
    if m:
        dept = _department(m["dept"])
        if dept:
            return _Field(f"Sở {dept}", start + m.start(), start + m.end("dept"))
    return None


_SYMBOL = re.compile(r"(?P<sym>[A-ZĐ][A-ZĐa-z]{0,7}(?:\s?[-–]\s?[A-ZĐ&][A-ZĐ&a-z]{0,10})+)")
_SYMBOL_FIX = {"QD": "QĐ", "LDTBXH": "LĐTBXH", "SLDTBXH": "SLĐTBXH", "HDND": "HĐND", "TDKT": "TĐKT", "HDTDKT": "HĐTĐKT", "BCD": "BCĐ"}


def _number_symbol(line: str, line_start: int, text: str, warnings: list[Warning]) -> tuple[Optional[_Field], Optional[_Field]]:
    m0 = re.match(r"\s*\S{1,3}\s*[:;]", line)
    body_start = m0.end() if m0 else 0
    cut = _split_columns(line[body_start:]) + body_start
    body = line[body_start:cut]
    ms = None
    for m in _SYMBOL.finditer(body):
        ms = m
        break
    number = symbol = None
    if ms:
        raw_sym = ms["sym"].replace("–", "-").replace(" ", "")
        parts = raw_sym.split("-")
        sym = "-".join(_SYMBOL_FIX.get(p.upper(), p) for p in parts)
        symbol = _Field(sym, line_start + body_start + ms.start(), line_start + body_start + ms.end())
        before = body[: ms.start()].rstrip(" /")
        digits = re.search(r"(\d+)\s*/?\s*$", body[: ms.start()])
        garbage = re.sub(r"[\d\s/]", "", before)
        if digits and not garbage:
            number = _Field(digits.group(1), line_start + body_start + digits.start(1), line_start + body_start + digits.end(1))
        elif before.strip() and garbage:
            warnings.append(
                Warning(
                    code="number_unreadable",
                    message=f"document number unreadable ({before.strip()!r}); left null",
                    span=_span(text, line_start + body_start, line_start + body_start + len(before)),
                )
            )
    return number, symbol


def _date(line: str, line_start: int, text: str, warnings: list[Warning]) -> Optional[_Field]:
    f = fold(line)
    m = _DATE.search(f)
    if not m:
        return None
    year = m["y"]
    d_raw, m_raw = line[m.start("d") : m.end("d")], line[m.start("m") : m.end("m")]
    day = d_raw.strip() if re.fullmatch(r"\s*\d{1,2}\s*", d_raw) else None
    month = m_raw.strip() if re.fullmatch(r"\s*\d{1,2}\s*", m_raw) else None
    span = _span(text, line_start + m.start(), line_start + m.end())
    if month and day and 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
        return _Field(f"{year}-{int(month):02d}-{int(day):02d}", span.start, span.end)
    if month and 1 <= int(month) <= 12:
        value = f"{year}-{int(month):02d}"
        why = "the day is blank" if not d_raw.strip() else f"the day is unreadable ({d_raw.strip()!r})"
    else:
        value = year
        why = "day and month are blank or unreadable"
    # A digital signature timestamp of the same month gives the day a signed copy carries.
    month_pattern = value[5:7] or r"\d\d"
    stamp = re.search(rf"\b{year}-{month_pattern}-(\d\d)T\d\d:\d\d", text) if d_raw.strip() else None
    if stamp:
        full = stamp.group(0)[:10]
        warnings.append(
            Warning(code="date_from_signature", message=f"date {why}; taken from the digital signature timestamp {full}", span=span)
        )
        return _Field(full, span.start, span.end)
    warnings.append(Warning(code="date_partial", message=f"date is partial ({value}): {why}", span=span))
    return _Field(value, span.start, span.end)


def _place(line: str, line_start: int, text: str, warnings: Optional[list[Warning]] = None) -> Optional[_Field]:
    f = fold(line)
    m = re.search(r"(?:(?<=\s)|^)(?P<place>[^\W\d_]+(?:\s+[^\W\d_]+){0,3})\s*,\s*ng\S{1,2}y\b", f)
    if not m:
        # damaged place name ("Binh Phụ:ước, ngày"): the tokens before the comma, matched
        # against the provinces
        m2 = re.search(r"(?P<place>(?:[^\s,/]+\s+){0,3}[^\s,/]+)\s*,\s*ng\S{1,2}y", f)
        if not m2:
            return None
        surface = line[m2.start("place") : m2.end("place")]
        tokens = surface.split()
        while tokens and (any(c.isdigit() for c in tokens[0]) or not tokens[0][:1].isupper()):
            tokens.pop(0)
        if not tokens:
            return None
        surface = " ".join(tokens)
        found = match_province(surface)
        if not found or found[1] < 80:
            return None
        start = line_start + line.find(surface)
        return _Field(found[0], start, start + len(surface))
    words = line[m.start("place") : m.end("place")].split()
    # the place is the trailing run of capitalised words
    keep: list[str] = []
    all_caps = all(w.isupper() for w in words)
    for w in reversed(words):
        if w[:1].isupper() and (all_caps or not (len(w) > 1 and w.isupper())):
            keep.insert(0, w)
        else:
            break
    if not keep:
        return None
    surface = " ".join(keep)
    start = line_start + line.find(surface, m.start("place"))
    return _Field(proper_name(surface, text, None, warnings), start, start + len(surface))


def _title(text: str, doc_line_end: int, limit: int) -> Optional[_Field]:
    start = None
    end = None
    taken = 0
    for pos, raw in _lines(text, doc_line_end + 1, limit):
        if pos <= doc_line_end:
            continue
        s = raw.strip()
        if not s:
            continue
        f = fold(s)
        if taken and _starts_preamble(f):
            break
        if taken >= 4:
            break
        lead = pos + raw.index(s[0])
        start = lead if start is None else start
        end = lead + len(s)
        taken += 1
        joined = text[start:end]
        opens = sum(joined.count(q) for q in "“«")
        closes = sum(joined.count(q) for q in "”»~")
        straight = joined.count('"')
        balanced = opens <= closes and straight % 2 == 0
        period_end = re.search(r"(\d{4}\s*[-–—]\s*\d{4}|n\S{1,2}m\s*\d{4})(\W*)$", fold(s))
        if period_end and (balanced or not period_end.group(2).strip()):
            break
    if start is None:
        return None
    return _Field(_collapse(text[start:end]), start, end)


def _starts_preamble(folded_line: str) -> bool:
    if folded_line.startswith(_PREAMBLE_START):
        return True
    if re.match(r"c\S{1,2}n\s+c\S{1,3}\s", folded_line):  # "Căn cứ" with damaged letters
        return True
    head = re.sub(r"[^a-z ]", "", folded_line[:24])
    head = re.sub(r"\s+", " ", head).strip()
    return any(fuzz.ratio(head[: len(p.strip())], p.strip()) >= 75 for p in _PREAMBLE_START if len(p.strip()) >= 6)


def _movement(title: str) -> Optional[tuple[str, int, int]]:
    i = next((k for k, c in enumerate(title) if c in _QUOTE_OPEN), None)
    if i is None:
        return None
    j = next((k for k in range(i + 1, len(title)) if title[k] in _QUOTE_CLOSE), None)
    if j is None:
        m = re.search(r"\s+(giai đoạn|năm)\s+\d{4}", title[i:])
        j = i + m.start() if m else len(title)
    return _collapse(title[i + 1 : j]), i + 1, j


def _period(title: str) -> tuple[Optional[int], Optional[int]]:
    f = fold(title)
    m = re.search(r"giai doan\s*(?:tu\s*(?:nam\s*)?)?(\d{4})\s*[-–—]\s*(\d{4})", f) or re.search(
        r"(\d{4})\s*[-–—]\s*(\d{4})\s*$", f
    )
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.search(r"nam\s*(\d{4})\s*$", f)
    if m:
        return int(m.group(1)), int(m.group(1))
    return None, None


# ----------------------------------------------------------------------------------------------
# Signature block and recipients

_RECIPIENTS_HEAD = re.compile(r"^\s*n\S{1,4}i\s*nh\S{1,4}n\s*[:;.]?")


def _signer_title_part(fragment: str) -> Optional[str]:
    """Canonical signer-title line, or None when `fragment` is not one."""
    frag = fragment.strip(" \t:;,")
    letters = [c for c in frag if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.7:
        return None
    f = _collapse(fold(frag))
    m = _SIGNER_PREFIX.match(f)
    prefix = ""
    rest = f
    if m and (m["dot"] or m["sp"]) and m["rest"]:
        sep = "" if m["dot"] and not m["sp"] else " "
        prefix = m["p"].upper() + "." + sep
        rest = m["rest"]
    best, score = None, 0.0
    for key, canon in SIGNER_WORDS.items():
        s = fuzz.ratio(rest, key)
        if s > score:
            best, score = canon, s
    if best and score >= 80:
        return prefix + best
    return None


# Vietnamese family names (the common ones, as registered): a closed vocabulary, so a surname
# whose marks repair got wrong ("Họ" for "Hồ") can be put right when its letters fit only one.
SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh "
    "Trương Đinh Lâm Phùng Mai Tô Hà Tạ Lương Lường Cao Lưu Quách Chu Châu La Lã Thái Kiều Đàm Lục "
    "Nông Triệu Hứa Khổng Tăng Giang Mạc Thân Nghiêm Vi Lò Hầu Tống Diệp Từ Lại Đồng Âu Doãn Khúc "
    "Ninh Bạch Quan Tôn Ông Cù Phí Kim Lữ Ma Trình Bế Tiêu Nhữ Lăng Hàn Thạch Sầm Văn Vàng Giàng "
    "Sùng Mùa Thào Lầu Lù Điêu Cầm Quàng Hoàng Khuất Lạc Lê Mẫn Nhâm Ôn Phó Quản Tiết Uông Viên Yên"
).split()


def _fix_surname(name: str, warnings: list[Warning], span: Optional[Span] = None) -> str:
    """`name` with its family name put right when repair gave it marks no surname has and its
    letters fit exactly one surname ("Họ Tiến Thiệu" -> "Hồ Tiến Thiệu"); a warning says so,
    since the given names may carry wrong marks too."""
    words = name.split()
    if not words or words[0] in SURNAMES:
        return name
    key = _skeleton(words[0])
    fits = {s for s in SURNAMES if _skeleton(s) == key}
    if len(fits) != 1:
        return name
    fixed = " ".join([fits.pop()] + words[1:])
    warnings.append(Warning(code="signer_name_corrected",
                            message=f"signer {name!r}: family name read as in {fixed!r}; the other words may be misread too",
                            span=span))
    return fixed


def _looks_like_name(fragment: str) -> bool:
    words = fragment.split()
    if not 2 <= len(words) <= 5:
        return False
    if any(not w[:1].isupper() or any(c.isdigit() or c in ",;:()/" for c in w) for w in words):
        return False
    letters = sum(c.isalpha() for c in fragment.replace(" ", ""))
    if letters < 0.85 * len(fragment.replace(" ", "")):
        return False
    return any(w[1:] and w[1:] == w[1:].lower() for w in words)


def signature_and_recipients(text: str, start: int, warnings: list[Warning]) -> dict:
    lines = _lines(text, start)
    head_index = None
    for k, (pos, raw) in enumerate(lines):
        if pos >= start and _RECIPIENTS_HEAD.match(fold(raw)):
            head_index = k
            break
    titles: list[tuple[str, int, int]] = []
    name: Optional[tuple[str, int, int]] = None
    recipients: list[list] = []  # [text, start, end]
    closed = False

    def signature_fragment(frag: str, frag_start: int) -> bool:
        nonlocal name
        stripped = frag.strip(" \t:;,")
        if not stripped:
            return True
        off = frag_start + frag.index(stripped[0])
        t = _signer_title_part(stripped)
        if t:
            titles.append((t, off, off + len(stripped)))
            return True
        if _looks_like_name(stripped):
            name = (_collapse(stripped), off, off + len(stripped))
            return True
        if fold(stripped).startswith(("da ky", "(da ky")):
            return True
        return False

    region = lines if head_index is None else lines[head_index:]
    if head_index is None:
        # no recipients list: look for a signature block after the closing part
        for pos, raw in region:
            if pos >= start:
                signature_fragment(raw, pos)
    else:
        for k, (pos, raw) in enumerate(region):
            line = raw
            if k == 0:
                m = _RECIPIENTS_HEAD.match(fold(raw))
                rest_start = m.end()
                signature_fragment(raw[rest_start:], pos + rest_start)
                continue
            s = line.strip()
            if not s:
                continue
            bullet = re.match(r"\s*[-_–—•+]\s*", line)
            if bullet and not closed:
                body = line[bullet.end() :]
                body_start = pos + bullet.end()
                semi = body.rfind(";")
                tail = body[semi + 1 :] if semi >= 0 else ""
                if semi >= 0 and tail.strip() and signature_fragment(tail, body_start + semi + 1):
                    body = body[:semi]
                item = body.rstrip(" \t;")
                recipients.append([item, body_start, body_start + len(item)])
                if fold(item).startswith("luu"):
                    closed = True
                continue
            if signature_fragment(line, pos):
                continue
            if recipients and not closed:
                # continuation of the previous recipient line; its own tail may be signature
                body = line
                semi = body.rfind(";")
                tail = body[semi + 1 :] if semi >= 0 else ""
                if semi >= 0 and tail.strip() and signature_fragment(tail, pos + semi + 1):
                    body = body[:semi]
                item = body.strip().rstrip(" \t;")
                if item:
                    prev = recipients[-1]
                    prev[0] = _collapse(prev[0].rstrip() + " " + item)
                    prev[2] = pos + body.index(item[0]) + len(item)
                    if fold(item).startswith("luu"):
                        closed = True
    out = {
        "recipients": [r[0].strip().rstrip(" ;.,:") for r in recipients if r[0].strip().rstrip(" ;.,:")],
        "recipients_span": (recipients[0][1], recipients[-1][2]) if recipients else None,
        "signer_title": " / ".join(t for t, _, _ in titles) if titles else None,
        "signer_title_span": (titles[0][1], titles[-1][2]) if titles else None,
        "signer_name": name[0] if name else None,
        "signer_name_span": (name[1], name[2]) if name else None,
    }
    return out


# ----------------------------------------------------------------------------------------------


def read_header(text: str, body_start: int, closing_start: int) -> HeaderResult:
    """Metadata of the document: header before `body_start`, signature after `closing_start`."""
    warnings: list[Warning] = []
    values: dict[str, object] = {}
    spans: dict[str, Span] = {}

    def put(name: str, value, start: int, end: int, confidence: float = 1.0) -> None:
        if value is None:
            return
        values[name] = value
        spans[name] = _span(text, start, end, confidence)

    doc = _doc_type_line(text, body_start)
    head_end = doc[0] if doc else body_start
    if doc:
        put("doc_type", doc[2], doc[0], doc[1])

    left_parts: list[tuple[int, str]] = []
    number_seen = False
    for pos, raw in _lines(text, 0, head_end):
        if pos >= head_end:
            break
        if not raw.strip():
            continue
        f = fold(raw)
        if _NUMBER_LINE.match(f):
            number_seen = True
            number, symbol = _number_symbol(raw, pos, text, warnings)
            if number:
                put("number", number.value, number.start, number.end)
            if symbol:
                put("symbol", symbol.value, symbol.start, symbol.end)
        date = _date(raw, pos, text, warnings) if "date" not in values else None
        if date:
            put("date", date.value, date.start, date.end, 1.0 if len(str(date.value)) == 10 else 0.6)
            place = _place(raw, pos, text, warnings)
            if place:
                put("place", place.value, place.start, place.end)
        if not number_seen and not _NUMBER_LINE.match(f):
            cut = _split_columns(raw)
            left = raw[:cut]
            if left.strip():
                left_parts.append((pos, left))

    left_text = " ".join(p[1].strip() for p in left_parts)
    issuer, parent = _issuer_from_left(left_text, text, warnings)
    if left_parts:
        first, last = left_parts[0], left_parts[-1]
        lstart = first[0] + len(first[1]) - len(first[1].lstrip())
        lend = last[0] + len(last[1].rstrip())
        if issuer:
            put("issuer", issuer, lstart, lend)
        if parent:
            put("issuer_parent", parent, lstart, lend)
    if "issuer" not in values:
        found = _issuer_from_preamble(text, doc[1] if doc else 0, body_start)
        if found:
            put("issuer", found.value, found.start, found.end, 0.8)
            warnings.append(
                Warning(code="issuer_from_preamble", message=f"no header issuer; read {found.value!r} from the enacting sentence",
                        span=spans["issuer"])
            )

    if doc:
        title = _title(text, doc[1], body_start)
        if title:
            # the title names the place the header names: the same restored spelling in both
            title_value = _respell(title.value, values.get("place"))
            put("title", title_value, title.start, title.end)
            mv = _movement(title_value)
            if mv:
                values["movement"] = mv[0]
                if not any(c in _QUOTE_CLOSE for c in str(title_value)[mv[1] :]):
                    warnings.append(Warning(code="movement_unquoted", message="closing quote of the movement name not found"))
            ps, pe = _period(title_value)
            if ps:
                values["period_start"], values["period_end"] = ps, pe

    sig = signature_and_recipients(text, closing_start, warnings)
    if sig["recipients"]:
        values["recipients"] = sig["recipients"]
        put("recipients", sig["recipients"], *sig["recipients_span"])
    if sig["signer_title"]:
        put("signer_title", sig["signer_title"], *sig["signer_title_span"])
    if sig["signer_name"]:
        nstart, nend = sig["signer_name_span"]
        sig["signer_name"] = _fix_surname(sig["signer_name"], warnings, _span(text, nstart, nend))
        put("signer_name", sig["signer_name"], nstart, nend)
        from extract.vietnamese import is_valid_syllable

        if not all(is_valid_syllable(w) for w in sig["signer_name"].split()):
            warnings.append(
                Warning(code="signer_name_doubtful", message=f"signer name {sig['signer_name']!r} has invalid syllables",
                        span=spans["signer_name"])
            )
    for required in ("doc_type", "date", "issuer", "title"):
        if required not in values:
            warnings.append(Warning(code=f"{required}_missing", message=f"no {required.replace('_', ' ')} found in the header"))
    metadata = Metadata(**values, spans=spans)
    return HeaderResult(metadata, warnings)
