"""Document structure: the components of an administrative document and its section tree.

Owns `segment(text) -> Segmented`, the stage between repair and entity extraction. It follows
the components Nghị định 30/2020/NĐ-CP, Phụ lục I, lays out for every administrative document
(and Hướng dẫn 36-HD/VPTW for Party documents), each read by its own module:

    header_top  issuer and parent, "Số:" number and symbol, place and date   (ô 1-4)
    title       type word and trích yếu, or a Công văn's "V/v"; movement, period (ô 5)
    outline     the body's sections: Roman parts, articles (Điều), numbered items; annexes (ô 6)
    foot        "Kính gửi" addressees, signer, "Nơi nhận" recipients           (ô 7, 9)
    noise       a scan's stray-mark lines and scanner footers, never content

Kinds beyond the national layout are read by the same modules: a Biên bản dated in its opening
sentence ("Hôm nay, ngày ...") and signed by rows of blocks ("ĐD SỞ CÔNG THƯƠNG  ĐẠI DIỆN CÔNG TY"),
a Phiếu trình dated above its signatures and signed by its maker, a Phương án behind a cover page
with dotted numbering ("I.2.1."); a date read outside the header comes with a warning.

The text is seen once through `extract.text.DocView`; word lists live in `extract/lexicon/`.
Every guess becomes a `Warning`; every value keeps its span in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from vnplan.lexicon import load
from vnplan.structure import foot as foot_reader
from vnplan.structure import header_top, title as title_reader
from vnplan.structure.outline import closing_start, find_annexes, outline, recipients_start
from vnplan.structure.placenames import respell
from vnplan.text import DocView, fold
from vnplan.models import Metadata, Section, Span, Warning


@dataclass
class Segmented:
    metadata: Metadata
    sections: list[Section] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


@dataclass
class HeaderResult:
    metadata: Metadata
    warnings: list[Warning]


def _initials(name: str) -> list[str]:
    """Abbreviations a body's name gives its symbol (ND30 II.3.b): the first letter of each word
    ("Sở Lao động - Thương binh và Xã hội" -> "SLĐTBXH", "LĐTBXH")."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if fold(w) not in ("va",)]
    letters = "".join(w[0].upper() for w in words)
    return [letters, letters[1:]] if len(letters) > 2 else [letters]


def restore_symbol(symbol: str, names: list[str]) -> str:
    """The symbol with "Đ" put back where OCR wrote "D": a part whose letters are those of the
    issuer's initials or of a type abbreviation that has "Đ" ("KH-LDTBXH" -> "KH-LĐTBXH",
    "QD-UBND" -> "QĐ-UBND")."""
    candidates = [a for _, _, abbrs in title_reader.doc_types() for a in abbrs]
    for name in names:
        candidates += _initials(name)
    by_fold = {}
    for c in candidates:
        if "Đ" in c:
            by_fold.setdefault(fold(c), c)
    parts = re.split(r"([-/])", symbol)
    return "".join(by_fold.get(fold(p), p) if "Đ" not in p and p.upper() == p else p for p in parts)


def read_header(view: DocView, first_section: Optional[int], foot_start: int, last_section: Optional[int] = None) -> HeaderResult:
    """Metadata of the document: the header components wherever the text holds them, the foot
    from `foot_start` on (`last_section`: where the body's last section starts)."""
    text = view.text
    warnings: list[Warning] = []
    values: dict[str, object] = {}
    spans: dict[str, Span] = {}

    def put(name: str, value, start: int, end: int, confidence: float = 1.0) -> None:
        if value is None:
            return
        values[name] = value
        spans[name] = header_top.span_of(text, start, end, confidence)

    number_line = next((ln for ln in view.lines if not ln.blank and header_top.is_number_line(ln)), None)
    type_found = title_reader.find_type_line(view, first_section)
    header_begin = 0
    cover = header_top.cover_page(view, type_found[0] if type_found else None, first_section)
    if cover is not None:
        # a cover page ("CÔNG TY ...", "PHƯƠNG ÁN NỔ MÌN", "Lào Cai, năm 2026") before the real
        # header: the type word under the motto is the document's, the issuer is beside the motto
        type_found, header_begin = cover
        warnings.append(Warning(code="cover_page", message="a cover page precedes the header; header read after it"))
        if number_line is not None and number_line.index < header_begin:
            number_line = next((ln for ln in view.lines[header_begin:] if not ln.blank and header_top.is_number_line(ln)), None)
    if type_found and number_line and type_found[0].index > number_line.index + 12 and first_section is None:
        type_found = None  # a type word far below the header is body text

    if number_line is not None:
        number, symbol = header_top.number_symbol(number_line, warnings, text)
        if number:
            put("number", number.value, number.start, number.end)
        if symbol:
            put("symbol", symbol.value, symbol.start, symbol.end)

    if number_line is None and type_found:
        code = re.compile(load("header")["code_line"]["pattern"])
        for ln in view.lines[type_found[0].index + 1 : type_found[0].index + 5]:
            m = code.match(ln.folded)
            if m:
                put("number", m["num"], ln.start + m.start("num"), ln.start + m.end("num"), 0.8)
                warnings.append(Warning(code="number_from_code", message=f"no 'Số:' line; the register code {m['num']} read as the number"))
                break

    # place and date (ô 4): beside or under the number line, else the first place-date line
    date_line = None
    if number_line is not None:
        near = view.lines[max(0, number_line.index - 4) : number_line.index + 10]
        date_line = next((ln for ln in near if header_top.read_date_line(ln) and not header_top.opens_body_date(ln)), None)
    if date_line is None:
        limit = first_section if first_section is not None else len(text)
        date_line = next((ln for ln in view.lines[header_begin:] if ln.start < limit and header_top.read_date_line(ln)
                          and not header_top.opens_body_date(ln)), None)
    body_date = None
    if date_line is None and type_found:
        body_date = header_top.body_opening_date(view, type_found[0], first_section)
    if body_date is not None:
        put("date", body_date.value, body_date.start, body_date.end, 0.8)
        warnings.append(Warning(code="date_from_body", message=f"no place-date line in the header; date {body_date.value} read from "
                                "the body's opening sentence (a Biên bản's 'Hôm nay, ...')", span=spans["date"]))
    elif date_line is None and type_found:
        # no place-date line: a date under the type word ("Chứng nhận lần đầu: ngày 30 tháng 6 năm 2026")
        date_line = next((ln for ln in view.lines[type_found[0].index + 1 : type_found[0].index + 5]
                          if header_top._DATE.search(ln.folded)), None)
    if date_line is not None:
        date = header_top.read_date(date_line, text, warnings)
        if date:
            put("date", date.value, date.start, date.end, 1.0 if len(str(date.value)) == 10 else 0.6)
        place = header_top.read_place(date_line, text, warnings)
        if place:
            put("place", place.value, place.start, place.end)

    block = header_top.issuer_block(view, number_line, type_found[0].start if type_found else first_section, header_begin)
    issuer, parent = header_top.read_issuer(block, text, warnings)
    if issuer:
        expanded = header_top.expand_unit(str(issuer.value), text)
        if expanded:
            warnings.append(Warning(code="issuer_expanded", message=f"issuer {issuer.value!r} read as {expanded!r}, the name the body gives it"))
            issuer = header_top.Field(expanded, issuer.start, issuer.end)
    if issuer:
        put("issuer", issuer.value, issuer.start, issuer.end)
    if parent:
        put("issuer_parent", parent.value, parent.start, parent.end)
    if "issuer" not in values:
        lo = type_found[0].start if type_found else 0
        found = title_reader.issuer_from_preamble(text, lo, first_section if first_section is not None else min(len(text), lo + 3000))
        if found:
            put("issuer", found.value, found.start, found.end, 0.8)
            warnings.append(Warning(code="issuer_from_preamble", message=f"no header issuer; read {found.value!r} from the enacting sentence",
                                    span=spans["issuer"]))
    if "symbol" in values:
        restored = restore_symbol(str(values["symbol"]), [str(values[k]) for k in ("issuer", "issuer_parent") if k in values])
        if restored != values["symbol"]:
            warnings.append(Warning(code="symbol_restored", message=f"symbol {values['symbol']!r} read as {restored!r}"))
            values["symbol"] = restored

    # type word and trích yếu (ô 5a), or a Công văn's V/v (ô 5b)
    subject_line = None
    if number_line is not None:
        near = view.lines[number_line.index : number_line.index + 10]
        subject_line = next((ln for ln in near if header_top.subject_match(ln)), None)
    if subject_line is None:
        limit = first_section if first_section is not None else len(text)
        subject_line = next((ln for ln in view.lines if ln.start < limit and header_top.subject_match(ln)), None)
    title = None
    doc_type_word = None
    if type_found:
        line, doc_type_word, type_end = type_found
        put("doc_type", doc_type_word, line.start, line.start + type_end)
        limit = first_section if first_section is not None and first_section > line.start else len(text)
        title = title_reader.read_title(view, line, line.start + type_end, limit)
    elif subject_line is not None:
        title = title_reader.read_subject(view, subject_line, len(text))
    doc_type = title_reader.check_type(doc_type_word, values.get("symbol"), subject_line is not None and not type_found, warnings)
    if doc_type and "doc_type" not in values:
        anchor = subject_line or number_line
        if anchor is not None:
            put("doc_type", doc_type, anchor.start, anchor.end, 0.8)
    if title:
        value = respell(str(title.value), values.get("place"))
        put("title", value, title.start, title.end)
        mv = title_reader.movement(value)
        if mv:
            values["movement"] = mv[0]
            if not any(c in title_reader._QUOTE_CLOSE for c in value[mv[1] :]):
                warnings.append(Warning(code="movement_unquoted", message="closing quote of the movement name not found"))
        ps, pe = title_reader.period(value)
        if ps and doc_type not in (title_reader.cong_van(),):
            values["period_start"], values["period_end"] = ps, pe

    if "date" not in values:
        # the foot, or without "Nơi nhận" the last section on (a Phiếu trình's numbered items)
        foot_date = header_top.foot_date(view, foot_start if foot_start < len(text) else max(first_section or 0, last_section or 0))
        if foot_date is not None:
            put("date", foot_date.value, foot_date.start, foot_date.end, 0.8)
            warnings.append(Warning(code="date_from_foot", message=f"no place-date line in the header; date {foot_date.value} read from "
                                    "the date line above the signatures", span=spans["date"]))

    # addressees (ô 9a), signer (ô 7) and recipients (ô 9b)
    addressees, _ = foot_reader.read_addressees(view)
    foot = foot_reader.read_foot(view, foot_start)
    row = foot_reader.read_signature_row(view, first_section if first_section is not None else (type_found[0].end if type_found else 0))
    row_start = view.lines[row.first_line].start if row is not None else 0
    if row is not None and row.signer_name and (not foot.signer_name or (
            row_start <= foot.signer_name[1] < view.lines[row.last_line].end
            and (row.blocks >= 2 or (foot.signer_title is not None and row_start <= foot.signer_title[1])))):
        # blocks side by side (a Biên bản's parties, a Phiếu trình's maker and reviewers): the
        # signer is the maker's block, else the first; an ordinary signature block with its name
        # wins over a row elsewhere (an annex's list of members), not over one read inside the row
        foot.signer_title, foot.signer_name = row.signer_title, row.signer_name
    if not (foot.signer_title or foot.signer_name) and foot_start >= len(text) and last_section is not None:
        # no "Nơi nhận" and no closing phrase (an enterprise's Phương án, a Thuyết minh): the
        # signature block closes the last section; look for it in the last lines
        tail = [ln for ln in view.lines if not ln.blank and ln.start >= last_section][-12:]
        if tail:
            late = foot_reader.read_foot(view, tail[0].start)
            if late.signer_name:
                foot.signer_title, foot.signer_name = late.signer_title, late.signer_name
    recipients = addressees + (foot.recipients or [])
    items = [r[0].strip().rstrip(" ;.,:").lstrip("-– ").strip() for r in recipients]
    items = [x for x in items if x]
    if items:
        values["recipients"] = items
        put("recipients", items, recipients[0][1], max(recipients[0][2], recipients[-1][2]) if recipients[-1][1] >= recipients[0][1] else recipients[0][2])
    if foot.signer_title:
        put("signer_title", *foot.signer_title)
    if foot.signer_name:
        name, nstart, nend = foot.signer_name
        name = foot_reader.fix_surname(name, warnings, header_top.span_of(text, nstart, nend))
        put("signer_name", name, nstart, nend)
        if foot_reader.name_is_doubtful(name):
            warnings.append(Warning(code="signer_name_doubtful", message=f"signer name {name!r} has invalid syllables",
                                    span=spans["signer_name"]))
    for required in ("doc_type", "date", "issuer", "title"):
        if required not in values:
            warnings.append(Warning(code=f"{required}_missing", message=f"no {required.replace('_', ' ')} found in the header"))
    return HeaderResult(Metadata(**values, spans=spans), warnings)


def segment(text: str) -> Segmented:
    """Header metadata, section tree and warnings of a document's repaired text."""
    view = DocView(text)
    sections, warnings = outline(text)
    annex_starts = {a[0] for a in find_annexes(text, 0)}
    body_sections = [s for s in sections if s.start not in annex_starts]
    first = sections[0].start if sections else None
    # the foot starts at the "Nơi nhận" line, or where the last body section ends
    body_end = body_sections[-1].end if body_sections else (closing_start(text) if not sections else sections[0].start)
    foot_start = min(body_end, recipients_start(text, body_sections[0].start if body_sections else 0))
    header = read_header(view, first, foot_start, body_sections[-1].start if body_sections else None)
    return Segmented(header.metadata, sections, header.warnings + warnings)
