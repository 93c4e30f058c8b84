"""The document type and its trích yếu (ô 5a/5b of Nghị định 30/2020, Phụ lục I).

Owns: the type word line ("KẾ HOẠCH", "QUYẾT ĐỊNH", "CHỈ THỊ", ... in capitals, the title on the
lines under it or on the same line: "QUYẾT ĐỊNH CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ"); a Công văn's
"V/v ..." line, which is its title and its type (ND30 II.5.b); the agreement of the type with the
symbol's type abbreviation (Phụ lục III: "KH" is Kế hoạch, a symbol without one is a Công văn);
the movement (quoted name) and period (years) of a title.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from vnplan.lexicon import load
from vnplan.structure.header_top import Field, _sentence, upper_share, addressee_match, is_motto, is_number_line, read_date_line, subject_match
from vnplan.structure.noise import is_noise_line
from vnplan.text import DocView, Line, collapse, fold, is_valid_syllable
from vnplan.models import Warning

_QUOTE_OPEN = "“\"«„"
_QUOTE_CLOSE = "”\"»~"


@lru_cache(maxsize=1)
def doc_types() -> list[tuple[str, str, tuple[str, ...]]]:
    """(folded name without spaces, name, abbreviations) of every type, longest name first."""
    out = [(re.sub(r"[^a-z]", "", fold(e["name"])), e["name"], tuple(e.get("abbr") or ())) for e in load("doc_types")["types"]]
    return sorted(out, key=lambda t: -len(t[0]))


def cong_van() -> str:
    return load("doc_types")["cong_van"]["name"]


def type_of_symbol(symbol: Optional[str]) -> Optional[str]:
    """The type whose abbreviation the symbol carries ("KH-UBND" -> Kế hoạch, "2026/QĐ-CT" ->
    Quyết định, Party "NQ/TU" -> Nghị quyết); None when no part of it is one (a Công văn)."""
    if not symbol:
        return None
    parts = [p for p in re.split(r"[-/]", symbol) if p and not p.isdigit()]
    if not parts:
        return None
    first = fold(parts[0])
    for _, name, abbrs in doc_types():
        if any(first == fold(a) for a in abbrs):
            return name
    return None


def _type_at(folded_line: str) -> Optional[tuple[str, int]]:
    """(type name, folded length it covers) when the line starts with a type word."""
    compact_pos = [i for i, c in enumerate(folded_line) if "a" <= c <= "z"]
    compact = "".join(folded_line[i] for i in compact_pos)
    for key, name, _ in doc_types():
        if compact.startswith(key):
            end = compact_pos[len(key) - 1] + 1
            if end < len(folded_line) and folded_line[end].isalpha():
                continue
            return name, end
    for key, name, _ in doc_types():
        # damaged letters (OCR): the whole line is the type word
        if len(key) - 2 <= len(compact) <= len(key) + 2 and fuzz.ratio(compact, key) >= 80:
            return name, len(folded_line)
    return None


def find_type_line(view: DocView, limit: Optional[int] = None, begin: int = 0) -> Optional[tuple[Line, str, int]]:
    """(line, type, offset in the line where the type word ends) of the type word line: in
    capitals (ND30 II.5.b), at the start of its line, before the body; from line `begin` on."""
    for ln in view.lines[begin:]:
        if limit is not None and ln.start >= limit:
            break
        if ln.blank or len(ln.text) < 4:
            continue
        cut = ln.text.find("\t")
        s = ln.text if cut <= 0 else ln.text[:cut]
        if upper_share(s) < 0.8:
            continue
        found = _type_at(fold(s))
        if not found:
            continue
        name, end = found
        if len(s) > end + 2 and not s[end:].strip()[:1].isupper():
            continue
        return ln, name, end
    return None


@lru_cache(maxsize=1)
def _openings(strong_only: bool = False) -> tuple[str, ...]:
    return tuple(e["value"] for e in load("header")["body_openings"] if e.get("strong") or not strong_only)


@lru_cache(maxsize=1)
def _authority_heads() -> tuple[str, ...]:
    return tuple(e["value"] for e in load("header")["authority_heads"])


def starts_body(folded_line: str, strong_only: bool = False) -> bool:
    """Whether a line opens the body rather than continuing the trích yếu."""
    f = folded_line.lstrip(" -–•*")
    openings = _openings(strong_only)
    if f.startswith(openings):
        return True
    if re.match(r"c\S{1,2}n\s+c\S{1,3}\s", f):  # "Căn cứ" with damaged letters
        return True
    head = collapse(re.sub(r"[^a-z ]", "", f[:24]))
    return any(fuzz.ratio(head[: len(p.strip())], p.strip()) >= 75 for p in openings if len(p.strip()) >= 6)


def is_authority_line(line: Line) -> bool:
    """An upper-case line restating the issuing authority before the căn cứ ("ỦY BAN NHÂN DÂN
    TỈNH LÀO CAI", "GIÁM ĐỐC SỞ CÔNG THƯƠNG", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")."""
    return upper_share(line.text) >= 0.8 and collapse(line.folded).startswith(_authority_heads())


def read_title(view: DocView, start_line: Line, start_offset: int, limit: int) -> Optional[Field]:
    """The trích yếu: from `start_offset` in `start_line` over the lines under it, to the body.

    It ends at a blank line once begun, at a line that opens the body (căn cứ, "Thực hiện", the
    addressees), at the restated authority line of a Quyết định, at a line in another case than
    the title's (a sentence-case trích yếu does not run into a capital line), at a bracketed line
    ("(cấp lần đầu: ...)"), or at a closed period ("giai đoạn 2016 - 2020", "năm 2024").

    A type line that carries the title's first words ("BIÊN BẢN KIỂM TRA", then "Thực tế kho
    bảo quản ...") goes on over the sentence-case line under it: the title is then written in
    sentence case ("Kiểm tra thực tế kho bảo quản ..."), as the two parts are one phrase. Noise
    lines of a scan ("= XI") are passed over."""
    text = view.text
    start = end = None
    upper = None
    taken = 0
    crossed = False  # a blank line was passed since the last title line
    mixed = None  # (end of the type line's part) when a capital start runs on in sentence case
    noise: list[tuple[int, int]] = []  # noise lines passed over: not part of the title's words

    def words(a: int, b: int) -> str:
        out, at = [], a
        for ns, ne in noise:
            if a <= ns and ne <= b:
                out.append(text[at:ns])
                at = ne
        return collapse(" ".join(out + [text[at:b]]))

    def runs_on(s: str) -> bool:
        # a few capital words on the type line ("BIÊN BẢN KIỂM TRA") go on over a sentence-case
        # line that does not open the body ("Thực tế kho ...", a blank line between in a scan)
        return (taken == 1 and bool(upper) and start >= start_line.start and end <= start_line.end
                and len(text[start:end].split()) <= 6 and s[:1].isalpha() and upper_share(s) < 0.8 and len(s) < 120
                and not starts_body(fold(s)))
    for ln in view.lines[start_line.index :]:
        if ln.start >= limit:
            break
        if ln.index != start_line.index and not ln.blank and is_noise_line(ln.text) and not re.search(r"\d", ln.text):
            noise.append((ln.start, ln.end))
            continue
        if ln.index == start_line.index:
            s = text[start_offset : ln.end]
            lead = start_offset + (len(s) - len(s.lstrip(" \t:.-–")))
            s = text[lead : ln.end]
            tab = s.find("\t")
            if tab > 0:
                s = s[:tab].rstrip()
            if not s.strip():
                continue
            seg_start = lead
        else:
            if ln.blank:
                crossed = True
                continue
            s = ln.text
            if taken and crossed:
                joined = text[start:end]
                unbalanced = sum(joined.count(q) for q in "“«") > sum(joined.count(q) for q in "”»") or joined.count('"') % 2
                # a scan puts a blank line between the lines of a capital title ("QUYẾT ĐỊNH CHẤP
                # THUẬN ...", blank, "ĐỒNG THỜI CHẤP THUẬN NHÀ ĐẦU TƯ", lc-qd-2336)
                same_case = upper and upper_share(s) >= 0.8 and len(s) < 90
                if not (unbalanced or s[:1] in _QUOTE_OPEN or s[:1].islower() or same_case or runs_on(s)):
                    break
            tab = s.find("\t")
            if tab > 0:
                s = s[:tab].rstrip()
            seg_start = ln.start
            f = fold(s)
            prev = text[start:end].rstrip() if start is not None else ""
            weak_ok = prev.endswith((".", ";", ":")) or len(s) > 90 or len(prev) > 200
            if taken and (starts_body(f, strong_only=not weak_ok) or is_authority_line(ln) or is_number_line(ln) or is_motto(ln) or read_date_line(ln)
                          or addressee_match(ln) or s.startswith("(")):
                break
            if taken and upper is not None and (upper_share(s) >= 0.8) != upper and len(s) > 3:
                if runs_on(s):
                    # "BIÊN BẢN KIỂM TRA" / "Thực tế kho ...": the type line's words begin the title
                    mixed = end
                    upper = False
                else:
                    break
            if taken >= 5:
                break
        if start is None:
            if re.match(r"^[^:]{1,30}:\s*\S", s) and not s.lstrip().startswith(("V/v", "v/v")):
                return None  # "Mã số dự án: 4275604886" under a certificate's type word: a field, not a title
            start = seg_start
            upper = upper_share(s) >= 0.8
        crossed = False
        end = seg_start + len(s.rstrip())
        taken += 1
        joined = text[start:end]
        opens = sum(joined.count(q) for q in "“«")
        closes = sum(joined.count(q) for q in "”»~")
        balanced = opens <= closes and joined.count('"') % 2 == 0
        period_end = re.search(r"(\d{4}\s*[-–—]\s*\d{4}|n\S{1,2}m\s*\d{4})(\W*)$", fold(s))
        if period_end and (balanced or not period_end.group(2).strip()) and not _continues(view, ln):
            break
    if start is None:
        return None
    # OCR noise before the words (a stamp or a rule read as letters: "weDÑ kị} royết | Xử phạt ...",
    # bct-qd-26): leading tokens that are neither Vietnamese syllables, numbers nor abbreviations
    while start < end:
        m = re.match(r"\s*\S+\s*", text[start:end])
        if not m:
            break
        token = m.group(0).strip()
        letters = re.sub(r"[^\w]", "", token)
        clean = not re.search(r"[^\w\-/.,:;()\"“”«»'’]", token)
        if clean and letters and (letters.isdigit() or (letters.isupper() and letters.isalpha()) or is_valid_syllable(letters)):
            break
        start += m.end()
    if start >= end:
        return None
    value = words(start, end).rstrip(" .;:")
    if mixed is not None and mixed > start:
        head = _sentence(words(start, mixed))
        tail = words(mixed, end).rstrip(" .;:")
        first = tail.split()[0] if tail.split() else ""
        if first and not (first.isupper() and len(first) > 1):
            tail = tail[:1].lower() + tail[1:]  # "Thực tế kho" continues the phrase: "kiểm tra thực tế kho"
        value = (head[:1].upper() + head[1:] + " " + tail).strip()
    return Field(value, start, start + len(text[start:end].rstrip(" .;:\t")))


def _continues(view: DocView, line: Line) -> bool:
    """Whether the next non-blank line goes on with a sentence-case title ("... năm 2025" then
    "trên địa bàn tỉnh Lào Cai", lc-bc-ks2025): it starts in lower case."""
    for ln in view.lines[line.index + 1 : line.index + 3]:
        if not ln.blank:
            return ln.text[:1].islower()
    return False


def read_subject(view: DocView, line: Line, limit: int) -> Optional[Field]:
    """A Công văn's trích yếu after "V/v", over its wrapped lines, without "V/v" (ND30 II.5.b)."""
    m = subject_match(line)
    if not m:
        return None
    text = view.text
    start = line.start + m.end()
    end = line.end
    tab = text[start:end].find("\t")
    if tab >= 0:
        end = start + len(text[start : start + tab].rstrip())
    for ln in view.lines[line.index + 1 :]:
        if ln.start >= limit or ln.blank:
            break
        s = ln.text
        tab = s.find("\t")
        if tab == 0:
            break
        part = s if tab < 0 else s[:tab].rstrip()
        f = fold(part)
        weak_ok = text[start:end].rstrip().endswith((".", ";", ":")) or len(part) > 90
        if (starts_body(f, strong_only=not weak_ok) or is_motto(ln) or is_number_line(ln) or read_date_line(ln) or addressee_match(ln)
                or upper_share(part) >= 0.8 or re.match(r"^(\d{1,2}|[ivx]+)\s*[.)]\s", f)):
            break
        if text[start:end].rstrip().endswith((".", ";")):
            break
        end = ln.start + len(part)
    value = collapse(text[start:end]).rstrip(" .;:")
    if not value:
        return None
    return Field(value, start, start + len(text[start:end].rstrip(" .;:\t")))


def movement(title: str) -> Optional[tuple[str, int, int]]:
    """The quoted movement name in a title, without its quotes: a quote after the words "phong
    trào" or "cuộc vận động" (seeds: 'Phong trào thi đua “...”'); a quoted project name in a
    decision's title is not a movement (dn-qd-89)."""
    i = next((k for k, c in enumerate(title) if c in _QUOTE_OPEN), None)
    if i is None or not re.search(r"phong\s*trao|cuoc\s*van\s*dong", fold(title[:i])):
        return None
    j = next((k for k in range(i + 1, len(title)) if title[k] in _QUOTE_CLOSE), None)
    if j is None:
        m = re.search(r"\s+(giai đoạn|năm)\s+\d{4}", title[i:])
        j = i + m.start() if m else len(title)
    return collapse(title[i + 1 : j]), i + 1, j


def period(title: str) -> tuple[Optional[int], Optional[int]]:
    """(first, last) year of a title's period: "giai đoạn 2016 - 2020", "... 2021-2025", "năm 2024"."""
    f = fold(title)
    m = re.search(r"giai doan\s*(?:tu\s*(?:nam\s*)?)?(\d{4})\s*[-–—]\s*(\d{4})", f) or re.search(
        r"(\d{4})\s*[-–—]\s*(\d{4})\s*$", f
    )
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.search(r"nam\s*(\d{4})\s*$", f)
    if not m:
        # "... năm 2025 trên địa bàn tỉnh" (lc-bc-ks2025); not a date's year ("tháng 6 năm 2025")
        years = [y for y in re.finditer(r"(?<!thang )(?<!\d )\bnam\s+(\d{4})\b", f)]
        m = years[-1] if years else None
    if m:
        return int(m.group(1)), int(m.group(1))
    return None, None


def check_type(doc_type: Optional[str], symbol: Optional[str], has_subject: bool, warnings: list[Warning]) -> Optional[str]:
    """The document type from the type word, the symbol and the "V/v" line, which must agree:
    a type word wins over the symbol, with a warning when they disagree; no type word and a "V/v"
    line or a symbol without a type abbreviation is a Công văn (ND30 Phụ lục I, II.3.b, II.5.b)."""
    from_symbol = type_of_symbol(symbol)
    if doc_type:
        if symbol and from_symbol and from_symbol != doc_type:
            warnings.append(Warning(code="doc_type_disagrees",
                                    message=f"type word {doc_type!r} but the symbol {symbol!r} abbreviates {from_symbol!r}"))
        return doc_type
    if has_subject and not from_symbol:
        return cong_van()
    if symbol and from_symbol is None and re.search(r"[A-ZĐ]", symbol):
        if not has_subject:
            warnings.append(Warning(code="doc_type_inferred", message=f"no type word; symbol {symbol!r} has no type abbreviation: read as a Công văn"))
        return cong_van()
    if from_symbol:
        warnings.append(Warning(code="doc_type_from_symbol", message=f"no type word in the header; read {from_symbol!r} from the symbol {symbol!r}"))
        return from_symbol
    return None


_ISSUES = r"(?:ban hanh|xay dung)\s+(?:ke hoach|quyet dinh|chi thi|chuong trinh|huong dan|thong bao|bao cao|phuong an)"


def issuer_from_preamble(text: str, start: int, end: int) -> Optional[Field]:
    """The issuer named in the enacting sentence when the header has none ("Ủy ban nhân dân tỉnh
    Quảng Bình ban hành Kế hoạch", "Sở Lao động - Thương binh và Xã hội xây dựng Kế hoạch";
    seeds 003 and 004, whose copies lost the header block)."""
    from vnplan.structure.header_top import body_name

    f = fold(text[start:end])
    m = re.search(r"(?:uy ban nhan dan|ubnd)\s+(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\s+[a-z]+(?: [a-z]+){0,3}?(?=\s+" + _ISSUES + ")", f)
    if not m:
        m = re.search(r"\b(?:so|cuc|bo|ban)\s+[^,;.]{3,60}?(?=\s+" + _ISSUES + ")", f)
    if not m:
        return None
    surface = text[start + m.start() : start + m.end()]
    head = surface.split()[0]
    form = {"uy": "UBND", "ubnd": "UBND", "so": "Sở", "cuc": "Cục", "bo": "Bộ", "ban": "Ban"}[fold(head)]
    if form == "UBND" and fold(head) == "uy":
        surface_body = "UBND " + " ".join(surface.split()[4:])
    else:
        surface_body = surface
    return Field(body_name(surface_body.upper(), form, text, []), start + m.start(), start + m.end())
