"""The top of an administrative document: number and symbol, place and date, issuer and parent.

Owns reading ô 1-4 of Nghị định 30/2020, Phụ lục I (IV: the layout): the issuer's name (with its
cơ quan chủ quản above it) in the left column, "Số: 12/KH-UBND" under it, the quốc hiệu and
tiêu ngữ (or the Party motto) in the right column with "Lào Cai, ngày ... tháng ... năm ..."
under them. The text may hold these two columns interleaved line by line ("ỦY BAN NHÂN DÂN
CỘNG HÒA XÃ HỘI ..."), column by column, or as table cells joined by tabs (.docx), and the block
may stand anywhere (a .docx header table read after the body): the "Số:" line anchors it, and
the issuer is the run of capital lines above that line in the left column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from vnplan.lexicon import load
from vnplan.structure.noise import is_noise_line
from vnplan.structure.placenames import district_gazetteer, match_province, proper_name, provinces, skeleton
from vnplan.text import DocView, Line, collapse, fold, is_valid_syllable
from vnplan.models import Span, Warning


@dataclass
class Field:
    value: object
    start: int
    end: int


def span_of(text: str, start: int, end: int, confidence: float = 1.0) -> Span:
    return Span(text=text[start:end], start=start, end=end, confidence=confidence)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, object]:
    header = load("header")
    return {
        "motto": [re.compile(e["pattern"]) for e in header["motto"]],
        "furniture": [re.compile(e["pattern"]) for e in header["furniture"]],
        "number": re.compile(header["number_line"]["pattern"]),
        "subject": re.compile(header["subject_line"]["pattern"]),
        "addressee": re.compile(header["addressee_line"]["pattern"]),
    }


# "Lạng Sơn, ngày ..." in the right column (ND30 II.4.c: "sau địa danh có dấu phẩy").
_PLACE_DATE = re.compile(r"(?:(?<=\s)|^)[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*,\s*ng\S{1,2}y\b")
_DATE = re.compile(r"ng\S{1,2}y(?P<d>[^\n]{0,12}?)th\S{1,3}g(?P<m>[^\n]{0,12}?)n\S{1,2}m\s*(?P<y>\d{4})")


def split_columns(line: str) -> int:
    """Offset in `line` where its right column starts (len(line) when it has none): the first
    motto or place-date marker, or a tab between table cells."""
    f = fold(line)
    cut = len(line)
    for marker in _patterns()["motto"] + [_PLACE_DATE]:
        m = marker.search(f)
        if m:
            cut = min(cut, m.start())
    tab = line.find("\t")
    if 0 < tab < cut and line[:tab].strip():
        cut = tab
    return cut


def is_motto(line: Line) -> bool:
    f = line.folded
    return any(p.search(f) and p.search(f).start() == 0 for p in _patterns()["motto"]) or any(
        p.search(f.strip()) for p in _patterns()["furniture"]
    )


def is_number_line(line: Line) -> bool:
    return bool(_patterns()["number"].match(line.folded)) and bool(re.search(r"[/\-]", line.text))


def subject_match(line: Line) -> Optional[re.Match]:
    return _patterns()["subject"].match(line.folded)


def addressee_match(line: Line) -> Optional[re.Match]:
    return _patterns()["addressee"].match(line.folded)


def upper_share(s: str) -> float:
    letters = [c for c in s if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


# ----------------------------------------------------------------------------------------------
# Number and symbol (ô 3)

# A symbol: groups of capitals joined by "-" (ND30 II.3.c) and, for Party documents, "/" (HD 36).
_CODE = r"[A-ZĐ][A-ZĐa-zđ0-9&.]*(?:\s?[-–/]\s?[A-ZĐ&][A-ZĐa-zđ0-9&.]*)+"
_NUMBER_SYMBOL = re.compile(
    r"(?P<num>\d(?: ?\d){0,5})?\s*(?P<sep>[/\-–])?\s*(?P<year>(?:19|20)\d\d\s*/\s*)?(?P<code>" + _CODE + ")"
)


def number_symbol(line: Line, warnings: list[Warning], text: str) -> tuple[Optional[Field], Optional[Field]]:
    """(number, symbol) of a "Số:" line. "Số: 165/KH-UBND" -> 165, KH-UBND; "Số: 89/2026/QĐ-CT"
    -> 89, 2026/QĐ-CT (normative numbering keeps the year); Party "Số 22-NQ/TU" -> 22, NQ/TU;
    a draft "Số: /KH-SCT" -> None, KH-SCT."""
    s = line.text
    m0 = re.match(r"\s*\S{1,3}\s*[:;.]?", s)
    body_start = m0.end() if m0 else 0
    cut = split_columns(s[body_start:]) + body_start
    body = s[body_start:cut]
    m = _NUMBER_SYMBOL.search(body)
    if not m:
        return None, None
    code = re.sub(r"\s+", "", m["code"]).replace("–", "-").rstrip(".")
    year = re.sub(r"\s+", "", m["year"] or "")
    base = line.start + body_start
    symbol = Field(year + code, base + (m.start("year") if m["year"] else m.start("code")), base + m.end("code"))
    number = None
    before = body[: m.start()].strip()
    if m["num"]:
        # stamped or handwritten digits come out with a space inside ("Số: 4 66 /PC-VPUBND", lc-pc-466)
        number = Field(m["num"].replace(" ", ""), base + m.start("num"), base + m.end("num"))
    elif before and re.sub(r"[\s/]", "", before):
        warnings.append(Warning(code="number_unreadable", message=f"document number unreadable ({before!r}); left null",
                                span=span_of(text, base + body.find(before), base + body.find(before) + len(before))))
    else:
        # OCR lost the slash: "904KH-UBND"
        glued = re.match(r"(\d{1,6})(?=[A-ZĐ])", m["code"])
        if glued:
            number = Field(glued.group(1), base + m.start("code"), base + m.start("code") + len(glued.group(1)))
            symbol = Field(code[len(glued.group(1)) :], number.end, symbol.end)
    return number, symbol


# ----------------------------------------------------------------------------------------------
# Place and date (ô 4)


def read_date(line: Line, text: str, warnings: list[Warning]) -> Optional[Field]:
    """The date of a "..., ngày 26 tháng 9 năm 2017" line; partial ("2024-08", "2026") with a
    warning when the day or month is left blank (drafts)."""
    m = _DATE.search(line.folded)
    if not m:
        return None
    s = line.text
    year = m["y"]
    d_raw, m_raw = s[m.start("d") : m.end("d")], s[m.start("m") : m.end("m")]
    day = d_raw.strip() if re.fullmatch(r"\s*\d{1,2}\s*", d_raw) else None
    month = m_raw.strip() if re.fullmatch(r"\s*\d{1,2}\s*", m_raw) else None
    start, end = line.start + m.start(), line.start + m.end()
    if month and day and 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
        return Field(f"{year}-{int(month):02d}-{int(day):02d}", start, end)
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
        warnings.append(Warning(code="date_from_signature", message=f"date {why}; taken from the digital signature timestamp",
                                span=span_of(text, start, end)))
        return Field(stamp.group(0)[:10], start, end)
    warnings.append(Warning(code="date_partial", message=f"date is partial ({value}): {why}", span=span_of(text, start, end)))
    return Field(value, start, end)


def read_place(line: Line, text: str, warnings: list[Warning]) -> Optional[Field]:
    f = line.folded
    s = line.text
    m = re.search(r"(?:(?<=\s)|^)(?P<place>[^\W\d_]+(?:\s+[^\W\d_]+){0,4})\s*,\s*ng\S{1,2}y\b", f)
    if not m:
        # damaged place name ("Binh Phụ:ước, ngày"): the tokens before the comma, matched
        # against the provinces
        m2 = re.search(r"(?P<place>(?:[^\s,/]+\s+){0,3}[^\s,/]+)\s*,\s*ng\S{1,2}y", f)
        if not m2:
            return None
        tokens = s[m2.start("place") : m2.end("place")].split()
        while tokens and (any(c.isdigit() for c in tokens[0]) or not tokens[0][:1].isupper()):
            tokens.pop(0)
        if not tokens:
            return None
        surface = " ".join(tokens)
        found = match_province(surface)
        if not found or found[1] < 80:
            return None
        start = line.start + s.find(surface)
        return Field(found[0], start, start + len(surface))
    words = s[m.start("place") : m.end("place")].split()
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
    start = line.start + s.find(surface, m.start("place"))
    return Field(proper_name(surface, text, None, warnings), start, start + len(surface))


# ----------------------------------------------------------------------------------------------
# Issuer and parent (ô 2)


@lru_cache(maxsize=1)
def _heads() -> list[tuple[list[str], str]]:
    heads = [(e["value"].split(), e["form"]) for e in load("issuers")["heads"]]
    return sorted(heads, key=lambda h: -len(h[0]))


@lru_cache(maxsize=1)
def _units() -> list[tuple[list[str], str]]:
    return sorted(((e["value"].split(), e["form"]) for e in load("issuers")["units"]), key=lambda u: -len(u[0]))


@lru_cache(maxsize=1)
def _fields() -> list[tuple[str, str]]:
    return [(skeleton(e["value"]), e["value"]) for e in load("issuers")["fields"]]


def _words(s: str) -> list[tuple[int, int, str]]:
    """(start, end, folded letters) of each word of `s`."""
    return [(m.start(), m.end(), re.sub(r"[^a-z0-9]", "", fold(m.group(0)))) for m in re.finditer(r"[^\s,;:()]+", s)]


def _head_at(words: list[tuple[int, int, str]], i: int) -> Optional[tuple[int, str]]:
    for seq, form in _heads():
        if [w[2] for w in words[i : i + len(seq)]] == seq:
            return len(seq), form
    return None


def split_bodies(block: str) -> list[tuple[int, int, str]]:
    """The bodies named in an issuer block, in order: (start, end, head form). A body starts at a
    head word ("BỘ", "SỞ", "CỤC", "ỦY BAN NHÂN DÂN", "ĐẢNG ỦY", "CÔNG TY", ...) and runs to the
    next one: "UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG" holds two, the parent and the issuer."""
    words = _words(block)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        head = _head_at(words, i)
        if head and (not out or i > 0):
            n, form = head
            if out:
                out[-1] = (out[-1][0], words[i - 1][1], out[-1][2])
            out.append((words[i][0], words[-1][1], form))
            i += n
            continue
        if not out:
            out.append((words[i][0], words[-1][1], ""))
        i += 1
    return out


def _field_case(words: str) -> str:
    """Words of a body's name in normal case: a ministry's or department's field in its official
    case ("CÔNG THƯƠNG" -> "Công Thương"), the rest lower case (places after a unit word proper)."""
    toks = words.split()
    for sk, canon in _fields():
        for n in (len(sk.split()), len(sk.split()) + 1):  # a dash may stand as a token of its own
            if n <= len(toks) and skeleton(" ".join(toks[:n])) == sk:
                rest = " ".join(toks[n:])
                return canon + (" " + _sentence(rest) if rest else "")
    return _sentence(words)


def _sentence(words: str) -> str:
    """Lower case, but for abbreviations (UBND, KCN) and proper place names after a unit word."""
    out: list[str] = []
    toks = words.split()
    i = 0
    while i < len(toks):
        t = toks[i]
        f = re.sub(r"[^a-z]", "", fold(t))
        unit = next((form for seq, form in _units() if [re.sub(r"[^a-z]", "", fold(x)) for x in toks[i : i + len(seq)]] == seq), None)
        if unit and i + len(unit.split()) < len(toks):
            out.append(unit)
            i += len(unit.split())
            rest = " ".join(toks[i:])
            out.append(proper_name(rest, "", unit if unit not in ("tỉnh", "thành phố") else None))
            break
        # an abbreviation keeps its capitals ("UBND", "KCN", "CP", "MTV"): not a Vietnamese syllable
        is_abbr = t.isupper() and 2 <= len(f) <= 6 and not is_valid_syllable(re.sub(r"[^\w]", "", t))
        out.append(t if is_abbr else t.lower())
        i += 1
    return " ".join(out)


def body_name(segment: str, form: str, text: str, warnings: list[Warning]) -> str:
    """A body's name from its header words in normal case ("SỞ CÔNG THƯƠNG" -> "Sở Công Thương",
    "UBND TỈNH LÀO CAI" -> "UBND tỉnh Lào Cai", "CỤC HÓA CHẤT" -> "Cục Hóa chất")."""
    seg = collapse(segment).strip(" ,;:-")
    if upper_share(seg) < 0.6:
        return seg  # already written in normal case
    words = seg.split()
    n_head = 0
    if form:
        n_head = next(len(seq) for seq, fm in _heads() if fm == form and [re.sub(r"[^a-z0-9]", "", fold(w)) for w in words[: len(seq)]] == seq)
    rest = " ".join(words[n_head:])
    if form in ("UBND", "HĐND"):
        for seq, unit in _units():
            if [re.sub(r"[^a-z]", "", fold(w)) for w in rest.split()[: len(seq)]] == seq:
                name = " ".join(rest.split()[len(seq):])
                place = proper_name(name, text, None if unit in ("tỉnh", "thành phố") else unit, warnings)
                if unit in ("tỉnh", "thành phố") and place not in provinces() and not district_gazetteer().get(skeleton(place)):
                    found = match_province(name)
                    if found and 70 <= found[1]:
                        if found[1] < 100:
                            warnings.append(Warning(code="issuer_name_guessed", message=f"damaged province name {name!r} read as {found[0]!r}"))
                        place = found[0]
                return f"{form} {unit} {place}"
        return f"{form} {_sentence(rest)}".strip()
    if not rest:
        return form
    named = _field_case(rest)
    # ND30 Phụ lục II (viết hoa): the first word of an organisation's name after its kind is
    # capitalised ("Cục Đổi mới sáng tạo ...", "Ban Quản lý ...")
    if not any(named.startswith(unit + " ") for _, unit in _units()):
        named = named[:1].upper() + named[1:]
    return f"{form} {named}".strip() if form else named


def department_inside(folded: str) -> Optional[tuple[str, int]]:
    """(field, offset) of a ministry/department field name whose head word OCR lost or glued to
    the word before ("PHV6CSA LAO DQNG - TRUONG BINH VA XA HOI"): scanned headers (seed 000 and
    the stress corpus's English-model OCR of the seeds)."""
    words = [(m.start(), re.sub(r"[^a-z]", "", m.group(0))) for m in re.finditer(r"\S+", folded)]
    for key_words, canon in _fields():
        key = key_words.replace(" ", "")
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


def issuer_block(view: DocView, number_line: Optional[Line], stop: Optional[int], begin: int = 0) -> list[tuple[Line, int]]:
    """The left-column header lines naming the issuer: (line, end of its left part).

    With a "Số:" line, the capital lines right above it (motto lines, rules and blanks skipped);
    without one, the capital lines at the top of the text (from line `begin`: after a cover page)
    before `stop` (the type word). Noise lines of a scan are passed over."""
    out: list[tuple[Line, int]] = []
    lines = view.lines
    if number_line is not None:
        k = number_line.index - 1
        while k >= 0 and len(out) < 8:
            ln = lines[k]
            k -= 1
            if ln.blank or is_motto(ln) or is_noise_line(ln.text):
                continue  # a scan's noise line (a stamp or rule read as marks) names nobody
            cut = split_columns(ln.text)
            left = ln.text[:cut].strip()
            if not left or any(p.search(fold(left)) for p in _patterns()["furniture"]):
                continue
            if upper_share(left) < 0.7 or subject_match(ln) or read_date_line(ln):
                break
            out.insert(0, (ln, ln.start + len(ln.text[:cut].rstrip())))
        return out
    for ln in lines:
        if stop is not None and ln.start >= stop:
            break
        if ln.index < begin or ln.blank or is_motto(ln) or is_noise_line(ln.text):
            continue
        cut = split_columns(ln.text)
        left = ln.text[:cut].strip()
        if not left:
            continue
        if upper_share(left) < 0.7:
            break
        out.append((ln, ln.start + len(ln.text[:cut].rstrip())))
        if len(out) >= 6:
            break
    return out


def read_date_line(line: Line) -> bool:
    """A place-date line: "Lào Cai, ngày ... tháng ... năm 2026" (ND30 II.4.c: a comma after the
    place); the place may be damaged ("Bình Phụ:ước, ngay ở tháng ':/--nam 2018", seed 000)."""
    f = line.folded
    return bool(_DATE.search(f)) and bool(re.search(r"[^\W\d_]\S*\s*,\s*ng\S{1,2}y", f))


def read_issuer(block: list[tuple[Line, int]], text: str, warnings: list[Warning]) -> tuple[Optional[Field], Optional[Field]]:
    """(issuer, parent) from the issuer block: the last body named is the issuer, the one before
    it its cơ quan chủ quản (ND30 II.2.a)."""
    if not block:
        return None, None
    # a dash OCR read from the gap before the motto column ("BỘ KHOA HỌC VÀ CÔNG NGHỆ — CỘNG HÒA ...") is no part of the name
    parts = [text[ln.start : end].strip().rstrip(" —–-_|~").strip() for ln, end in block]
    joined = " ".join(parts)
    offsets = []  # joined offset -> text offset
    for (ln, end), part in zip(block, parts):
        offsets.extend(range(ln.start, ln.start + len(part)))
        offsets.append(ln.start + len(part))
    bodies = split_bodies(joined)
    if len(bodies) == 1 and not bodies[0][2]:
        inside = department_inside(fold(joined))
        if inside and inside[1] > 0:
            # the word "SỞ" was lost or glued by OCR: the field name starts a second body
            first = joined[: inside[1]]
            first = re.sub(r"(?i)(?<=\S)s\S$", "", first.rstrip())  # "PHV6CSA": "SỞ" glued to the name
            bodies = [(0, len(first), ""), (inside[1], len(joined), "Sở")]
            warnings.append(Warning(code="issuer_damaged", message=f"damaged header {joined!r}: department read as 'Sở {inside[0]}'"))
    if not bodies:
        return None, None

    def field(body: tuple[int, int, str]) -> Field:
        start, end, form = body
        segment = joined[start:end]
        unit_at = re.search(r"(?:^|\s)(tinh|huyen|thanh pho|quan|thi xa)\s", fold(segment)) if form == "" else None
        if unit_at:
            value = body_name("UBND " + segment[unit_at.start(1) :], "UBND", text, warnings)
            warnings.append(Warning(code="issuer_inferred", message=f"header names only the unit; issuer read as {value!r}"))
        elif form == "Sở" and department_inside(fold(segment)) and not re.match(r"^\s*s[o0]\b", fold(segment)):
            value = "Sở " + department_inside(fold(segment))[0]
        else:
            value = body_name(segment, form, text, warnings)
            if form == "" and len(bodies) == 1:
                # a unit name without "UBND" above it (seed 002's damaged "HUYỆN TAM ĐƯỜNG")
                m = re.match(r"^\s*(?:ubnd|uy ban nhan dan)?\s*(tinh|huyen|thanh pho|quan|thi xa)\s", fold(segment))
                if m:
                    value = body_name("UBND " + segment[m.start(1):], "UBND", text, warnings)
        s, e = offsets[start], offsets[min(end, len(offsets) - 1)]
        return Field(value, s, max(s, e))

    issuer = field(bodies[-1])
    parent = field(bodies[-2]) if len(bodies) >= 2 else None
    return issuer, parent


# ----------------------------------------------------------------------------------------------
# Kinds of documents whose header lacks a component: a cover page, a body or foot date, a unit
# named by its abbreviation


def _has_motto(line: Line) -> bool:
    return any(p.search(line.folded) for p in _patterns()["motto"][:1])


def cover_page(view: DocView, type_line: Optional[Line], limit: Optional[int]) -> Optional[tuple[tuple[Line, str, int], int]]:
    """(type line of the document, index of its header's first line) when the first type word
    stands on a cover page: no quốc hiệu above it, a quốc hiệu below it, and a type word under
    that quốc hiệu (an enterprise's Phương án, a technical Thuyết minh: "CÔNG TY ...", "PHƯƠNG ÁN
    NỔ MÌN", "Lào Cai, năm 2026", then the national layout of ND30 Phụ lục I); else None."""
    from vnplan.structure.title import find_type_line

    if type_line is None:
        return None
    lines = view.lines
    if any(_has_motto(ln) for ln in lines[: type_line.index + 1] if not ln.blank):
        return None
    motto = next((ln for ln in lines[type_line.index + 1 : type_line.index + 60] if not ln.blank and _has_motto(ln)), None)
    if motto is None:
        return None
    found = find_type_line(view, limit, begin=motto.index + 1)
    if found is None or found[0].index > motto.index + 15:
        return None
    # the header starts with the capital lines right above the quốc hiệu (column order), or at it
    begin = motto.index
    k = motto.index - 1
    while k > type_line.index:
        ln = lines[k]
        if ln.blank or is_noise_line(ln.text):
            if begin != motto.index and ln.blank:
                break
            k -= 1
            continue
        if upper_share(ln.text) < 0.7 or is_motto(ln):
            break
        begin = k
        k -= 1
    return found, begin


def opens_body_date(line: Line) -> bool:
    """Whether the line is a Biên bản's opening sentence ("Hôm nay, ngày ..."): its comma before
    "ngày" is no place-date line's."""
    openings = tuple(e["value"] for e in load("header")["body_date_openings"])
    return line.folded.lstrip(" -–•*").startswith(openings)


def body_opening_date(view: DocView, type_line: Line, limit: Optional[int]) -> Optional[Field]:
    """The day of a Biên bản's opening sentence ("Hôm nay, ngày 29/6/2026, ...", "Vào hồi 9 giờ
    00 ngày 08 tháng 6 năm 2026, tại ..."; ND30 Phụ lục III mẫu Biên bản), within the 40 lines
    after the type word; None when no such sentence gives a whole day."""
    from vnplan.dates import find_times

    lines = view.lines
    for ln in lines[type_line.index + 1 : type_line.index + 40]:
        if ln.blank or not opens_body_date(ln):
            continue
        stop = ln.end
        nxt = next((x for x in lines[ln.index + 1 : ln.index + 3] if not x.blank), None)
        if nxt is not None:
            stop = nxt.end  # a date wrapped onto the next line
        piece = view.text[ln.start : stop]
        for t in find_times(piece):
            if t.grain == "day" and t.value and t.start < 160:
                return Field(t.value, ln.start + t.start, ln.start + t.end)
        return None
    return None


def foot_date(view: DocView, start: int) -> Optional[Field]:
    """The date of a line that holds only a date ("Ngày 19 tháng 8 năm 2025", "Lào Cai, ngày ...")
    after offset `start`, the last one: an internal Phiếu trình dates itself above the signatures."""
    pattern = re.compile(load("header")["foot_date_line"]["pattern"])
    found = None
    for ln in view.lines:
        if ln.start < start or ln.blank or not pattern.match(ln.folded):
            continue
        value = read_date(ln, view.text, [])
        if value is not None and len(str(value.value)) == 10:
            found = value
    return found


def expand_unit(issuer: str, text: str) -> Optional[str]:
    """A unit named in the header by its abbreviation ("PHÒNG QLCN" under "SỞ CÔNG THƯƠNG", an
    internal Phiếu trình) written out as the body names it ("Phòng chuyên môn: Phòng Quản lý Công
    nghiệp"): only a name with the same head word whose words' initials spell the abbreviation
    exactly, and only when the body names one such unit; else None (kept as written)."""
    words = issuer.split()
    if len(words) != 2 or not words[1].isupper() or not words[1].isalpha() or is_valid_syllable(words[1]) or not 2 <= len(words[1]) <= 8:
        return None
    head, abbr = words
    found = set()
    # a lookahead, so that one name's words do not hide the next name of the same head
    pattern = re.compile(r"(?<![\w])" + re.escape(head) + r"(?=((?:\s+(?:-\s+)?[^\W\d_]+){%d,%d}))" % (len(abbr), len(abbr) + 2))
    for m in pattern.finditer(text):
        picked, last = [], m.start(1)
        for t in re.finditer(r"[^\W\d_]+", m.group(1)):
            if len(picked) == len(abbr):
                break
            if fold(t.group(0)) != "va":
                picked.append(t.group(0))
            last = m.start(1) + t.end()
        initials = "".join(t[0] for t in picked)
        if fold(initials) == fold(abbr) and initials[0].isupper():
            found.add(collapse(text[m.start() : last]))
    return found.pop() if len(found) == 1 else None
