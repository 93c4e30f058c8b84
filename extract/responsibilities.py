"""Responsibilities: which body must do what, in the implementation parts of a plan.

Owns `find_responsibilities(text) -> list[Responsibility]`. The parts read are the sections headed
"Tổ chức thực hiện", "Tiến độ", "Giải pháp" and "Khen thưởng", and the closing paragraph ("Trên đây
là ... yêu cầu ..."). Each numbered or dashed item is split into sentences and clauses; a clause
that starts with a list of bodies ("Phòng Lao động - TB&XH chủ trì, phối hợp với Phòng Nội vụ ...")
names its subjects, a clause that does not ("- Báo cáo kết quả ...", "Có trách nhiệm ...") inherits
the subjects of its item or of the item's heading ("1. Đối với các phòng ..."). The role comes from
the clause's leading verb: chủ trì -> lead, tham mưu -> advise, (tổng hợp,) báo cáo -> report,
theo dõi / kiểm tra / đôn đốc / giám sát -> monitor, phối hợp -> coordinate (and the bodies after
"phối hợp với" coordinate), anything else -> implement. Names are canonical (`bodies.canonical_body`).
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Optional

from vnplan.bodies import canonical_body, fold, loose_fold, near, same_body, squash
from vnplan.entity_lexicon import load
from vnplan.models import Responsibility

# ---------------------------------------------------------------- where to read

# Roman numerals as OCR reads them too: "I11." is III, "Il." is II; a scan may lose the dot before a
# heading in capitals ("II TỔ CHỨC THỰC HIỆN").
_ROMAN = re.compile(r"(?m)(?:^|(?<=\f))[ \t]*(?P<num>[IVX][IVXl1|]{0,3})(?:\s*\.\s*|[ \t]+(?=[A-ZĐÀ-Ỹ]{2,}[ \t,]+[A-ZĐÀ-Ỹ]{2,}))(?P<head>\S[^\n\f]*)(?=[\n\f]|\Z)")
# "Tổ chức thực hiện", "Tiến độ", "Giải pháp", "Khen thưởng", "Phân công", "Trách nhiệm", and a report's
# "Đề xuất, kiến nghị" (lc-bc-ks2025); not "Tình hình thực hiện trách nhiệm ..." (what was done).
_READ_HEADINGS = re.compile(r"^(?!tinh hinh).*(?:to chuc thuc hien|tien do|giai phap|^khen thuong|phan cong|trach nhiem|de xuat|kien nghi)")
# "Trên đây là ..." also as OCR leaves it ("Trốn đây là", "Tren day 1a").
_CLOSING = re.compile(r"(?m)(?:^|(?<=\f))[ \t]*(?:t[a-z]{2,4} day [l1]a\b|can cu noi dung ke hoach|trong qua trinh (?:to chuc )?thuc hien)")
# Where the body ends: "Nơi nhận" (also as OCR leaves it: "Xới nhận:"), a letter's "Trân trọng" (Nghị định 30/2020 Phụ lục
# I, the closing of a Công văn; bct-cv-813), and an e-office submission slip ("PHIẾU TRÌNH") filed after the document
# (bct-cv-logistic): not the document's text.
_END_OF_BODY = re.compile(r"(?m)(?:^|(?<=\f))[ \t]*(?:noi nhan|\w{2,4} nhan[ \t]*:(?=.*\n(?:.*\n){0,2}[ \t]*[-–][ \t]*nhu tren)|tran trong[ .]*(?:/\.)?[ \t]*$|phieu trinh[ \t]*$)")


_DUTY_LABELS = {"to_chuc_thuc_hien", "tien_do", "giai_phap", "khen_thuong"}
_KINH_GUI = re.compile(r"(?m)^[ \t]*kinh gui\s*:?")
_DECIDES = re.compile(r"(?m)^[ \t]*(?:quyet dinh\s*:|dieu\s+1\s*[.:])")


_MOTTO = re.compile(r"cong hoa xa hoi chu nghia")
_PLACE_DATE_LINE = re.compile(r"(?m)^.*[^\W\d]\s*,\s*ngay\s+\S{0,3}\s*thang\s+\S{0,3}\s*nam\s+(?:19|20)\d\d.*$")


def _after_addressees(folded: str, at: int) -> int:
    """The end of the "Kính gửi:" block that starts at `at`: its line and the dashed addressees under it."""
    pos = folded.find("\n", at)
    previous_ends = bool(folded[at : pos if pos >= 0 else len(folded)].split(":", 1)[-1].strip())
    while pos >= 0:
        nxt = folded.find("\n", pos + 1)
        line = folded[pos + 1 : nxt if nxt >= 0 else len(folded)].strip()
        if line and (line[0] in "-+•" or not previous_ends):
            previous_ends = line[-1:] in ".;" or line[0] not in "-+•"
        elif line:
            return pos + 1
        if nxt < 0:
            break
        pos = nxt
    return len(folded)


def body_parts(text: str, folded: str, sections) -> list[tuple[int, int]]:
    """The spans of the body, without the header (issuer, national motto, number and date, title, "Kính gửi"
    addressees): their bodies are not assigned duties there. A .docx whose header is a table may come out
    with the header after the body: both sides of it are read."""
    if sections:
        return [(sections[0].start, len(text))]
    motto = _MOTTO.search(folded)
    kinh_gui = _KINH_GUI.search(folded)
    decides = _DECIDES.search(folded)
    if motto is None:
        if kinh_gui is not None:
            before = [(0, kinh_gui.start())] if len(folded[: kinh_gui.start()].strip()) > 200 else []
            return before + [(_after_addressees(folded, kinh_gui.start()), len(text))]
        return [(decides.start() if decides else 0, len(text))]
    header_start = folded.rfind("\n", 0, max(0, folded.rfind("\n", 0, motto.start()))) + 1
    header_start = min(header_start, motto.start())
    if kinh_gui is not None and kinh_gui.start() > motto.start():
        body_start = _after_addressees(folded, kinh_gui.start())
    elif decides is not None and decides.start() > motto.start():
        body_start = decides.start()
    else:
        date_line = _PLACE_DATE_LINE.search(folded, motto.start())
        body_start = date_line.end() if date_line else folded.find("\n", motto.end()) + 1
    parts = []
    if len(folded[:header_start].strip()) > 200:
        parts.append((0, header_start))
    parts.append((body_start, len(text)))
    return parts


# The kind of a part whose sentences count only when they ask bodies by name ("yêu cầu", "đề nghị", "giao", "kiến nghị").
ASKS_ONLY = "asks"


def implementation_parts(text: str, folded: str, sections=()) -> list[tuple[int, int, bool]]:
    """(start, end, is_closing) of the parts that assign duties.

    The section tree decides: the sections labelled organisation, schedule, solutions or rewards when the
    document has them; otherwise its whole body (a Công văn's requests, a decision's articles), from
    `_body_start` to the closing paragraph ("Trên đây là ...") or "Nơi nhận". Without a section tree, the
    Roman-numeral headings are read as the outline.
    """
    parts: list[tuple[int, int, bool]] = []
    # the body is the larger side of the header (a .docx header table may come out after the body)
    start, limit = max(body_parts(text, folded, sections), key=lambda span: len(folded[span[0] : span[1]].strip()))
    closing = _CLOSING.search(folded, start, limit)
    body_end = closing.start() if closing else limit
    end_of_body = _END_OF_BODY.search(folded, start, limit)
    if end_of_body is not None:
        body_end = min(body_end, end_of_body.start())
    if sections:
        # A plan (Kế hoạch, Chương trình: "I. MỤC ĐÍCH, YÊU CẦU" ... "V. TỔ CHỨC THỰC HIỆN") assigns duties in its
        # organisation, schedule and solution parts; a decision's articles, a Công văn's items, a directive's
        # numbered tasks assign them anywhere in the body.
        plan_like = any(sec.label == "muc_dich_yeu_cau" and re.fullmatch(r"[IVX]+", sec.number or "") for sec in sections)
        duty = [sec for sec in sections if sec.label in _DUTY_LABELS] if plan_like else []
        if plan_like and not duty:  # labels the segmenter left "other": the headings' words decide
            duty = [sec for sec in sections if _READ_HEADINGS.search(loose_fold(sec.heading or "").strip())]
        if not plan_like and any(_READ_HEADINGS.search(loose_fold(sec.heading or "").strip()) and re.fullmatch(r"[IVX]+", sec.number or "")
                                 for sec in sections):
            # a report's "IV. ĐỀ XUẤT, KIẾN NGHỊ" among its "Tình hình ..." parts
            duty = [sec for sec in sections if _READ_HEADINGS.search(loose_fold(sec.heading or "").strip())]
        if duty:
            for sec in duty:
                if sec.start >= body_end:
                    continue
                head_end = text.find("\n", sec.start)
                parts.append((head_end if 0 <= head_end < sec.end else sec.start, min(sec.end, body_end), False))
            if not plan_like:
                # A report's account of what was done ("I. CÔNG TÁC QUẢN LÝ ...") may still ask bodies to act: "Để tiếp tục
                # nâng cao công tác bảo vệ khoáng sản ..., tiếp tục yêu cầu các Sở, ban, ngành và địa phương:\n- Tăng cường
                # ..." (lc-bc-ks2025). Those parts are read for explicit asks only.
                pos = start
                for a, b in sorted((p[0], p[1]) for p in parts):
                    if a > pos:
                        parts.append((pos, min(a, body_end), ASKS_ONLY))
                    pos = max(pos, b)
                if pos < body_end:
                    parts.append((pos, body_end, ASKS_ONLY))
                parts.sort()
        else:
            # A Công văn's lead-in before its first numbered item asks too ("Sở ... yêu cầu các Tổ chức, cá nhân hoạt động
            # khoáng sản ... thực hiện nghiêm túc một số nội dung sau:", lc-cv-snnmt-dcks): the body starts after the
            # header, not at the first section; an annex after "Nơi nhận" ("PHỤ LỤC ... đề nghị Công ty bổ sung ...",
            # bct-cv-logistic) is read as well.
            lead, _ = max(body_parts(text, folded, ()), key=lambda span: len(folded[span[0] : span[1]].strip()))
            if lead < start and not _DECIDES.search(folded, lead, start):
                # the lead-in states grounds and the letter answered; only its explicit asks count
                parts.append((lead, start, ASKS_ONLY))
                closing = _CLOSING.search(folded, lead, limit)
                body_end = min(closing.start() if closing else limit, end_of_body.start() if end_of_body else limit)
            parts.append((start, body_end, False))
            annexes = [sec for sec in sections if sec.start >= body_end and fold(sec.heading or "").lower().startswith("phu luc")]
            if annexes:
                stop = _END_OF_BODY.search(folded, annexes[0].start)
                parts.append((annexes[0].start, stop.start() if stop else len(text), False))
    else:
        heads = [h for h in _ROMAN.finditer(text, start, limit)]
        plan_like = any(loose_fold(h["head"]).strip().startswith("muc dich") for h in heads)
        others = []
        for i, h in enumerate(heads):
            if h.start() >= body_end:
                break
            end = min(heads[i + 1].start() if i + 1 < len(heads) else len(text), body_end)
            if _READ_HEADINGS.search(loose_fold(h["head"]).strip()):
                parts.append((h.end(), end, False))
            else:
                others.append((h.end(), end, ASKS_ONLY))
        if not heads or not parts:
            parts.append((start, body_end, False))
        elif not plan_like:
            parts = sorted(parts + others)  # a report's account parts, read for explicit asks (as with a section tree)
    if closing:
        stop = _END_OF_BODY.search(folded, closing.end())
        parts.append((closing.start(), stop.start() if stop else len(text), True))
    return parts


# ---------------------------------------------------------------- tokens and body lists

_TOKEN = re.compile(r"\([^()]*\)|[^\s,;:()]+|[,;:]")

_LEX = load("responsibilities")
_CAC_NOUNS = set(_LEX["cac_nouns"]["words"])
_CAPITAL_HEADS = set(_LEX["capital_heads"]["words"])
_LOWER_HEADS_FIRST = set(_LEX["lower_heads_first"]["words"])
_LOWER_HEADS_MID = set(_LEX["lower_heads_mid"]["words"])
_ORG_AFTER_TO_CHUC = {"hoi", "doan the", "chinh tri", "xa hoi"}

_PREDICATES = list(_LEX["predicates"]["words"])
_PRED_TUPLES = sorted((tuple(fold(p).split()) for p in _PREDICATES), key=len, reverse=True)
_PRED_PROPER = {tuple(fold(p).split()): tuple(p.split()) for p in _PREDICATES}
_PRED_PROPER[("hang", "nam")] = None  # hằng / hàng: either


@dataclass
class Tok:
    text: str
    fold: str
    start: int
    end: int


def tokens(text: str, folded: str, start: int, end: int) -> list[Tok]:
    """The tokens of text[start:end]; a word's folded form leaves out the full stop that ends its sentence ("để tổng hợp.")."""
    out = []
    for m in _TOKEN.finditer(text, start, end):
        f = folded[m.start() : m.end()]
        if f.endswith(".") and f[:-1].isalpha():
            f = f[:-1]
        out.append(Tok(m.group(), f, m.start(), m.end()))
    return out


def _words(toks: list[Tok], i: int, n: int) -> tuple[str, ...]:
    return tuple(t.fold for t in toks[i : i + n])


def _phrase_at(toks: list[Tok], i: int, phrases) -> Optional[tuple[str, ...]]:
    for p in phrases:
        if _words(toks, i, len(p)) == p:
            return p
    return None


# Words whose second syllable alone would read as a verb: "Chương trình", "Tuyên giáo", "phụ trách".
_COMPOUNDS = {("chuong", "trinh"), ("tuyen", "giao"), ("ban", "giao"), ("phu", "trach"), ("giao", "duc"), ("bao", "cao"),
              ("ban", "quan")}  # "Ban quản lý KKT, KCN" (ttg-ct-07), "Ban Quản lý dự án" (lc-cv-6791)


# Words that end a body's name (its level or place): a slip to one of these is a name, not a verb.
_BODY_WORDS = {"huyen", "tinh", "xa", "thi", "tran", "thanh", "pho", "so", "cap", "nganh", "ban", "phong", "hoi", "doan", "vu",
               "quan", "uy", "phuong", "thon", "ban", "khoi", "cum"}
_FUZZY_PREDS = [p for p in _PRED_TUPLES if len(" ".join(p)) >= 7]


def near_predicate(toks: list[Tok], i: int) -> Optional[tuple[str, ...]]:
    """A predicate of two syllables or more that one OCR slip left behind: "theo đi" (theo dõi), "nghiêm tác" (nghiêm túc).

    Only for lowercase words, never a spelling that is itself exact (that is `is_predicate`'s call:
    "cùng cấp" is not "cung cấp").
    """
    if i >= len(toks) or not _lowercase(toks[i]):
        return None
    if is_predicate(toks, i + 1):
        return None  # "liên quan triển khai": the verb starts at the next word ("quan triển" is not "quán triệt")
    for p in _FUZZY_PREDS:
        words = _words(toks, i, len(p))
        if len(words) == len(p) and words != p and (near(" ".join(words), " ".join(p)) or _one_syllable_wrecked(toks[i : i + len(p)], p)):
            if any(not t.text[:1].islower() for t in toks[i : i + len(p)]):
                continue  # "đồng Thi đua" is not "đồng thời"
            if any(w != q and w in _BODY_WORDS for w, q in zip(words, p)):
                continue  # "thưởng huyện" is not "thường xuyên": the slip would be a body's word
            return p
    return None


def _one_syllable_wrecked(toks: list[Tok], p: tuple[str, ...]) -> bool:
    """A two-syllable verb with one syllable intact (marks and all) and the other, of five letters or more, two
    slips off: "trườn khai" (triển khai); not "đóng trốn" (đồng thời: "đóng" is not "đồng")."""
    proper = _PRED_PROPER.get(p)
    if len(p) != 2 or len(toks) != 2 or not proper:
        return False
    intact = [k for k in range(2) if toks[k].fold == p[k]]
    if len(intact) != 1 or not _spelt_as(toks[intact[0]], proper[intact[0]]):
        return False
    w, q = toks[1 - intact[0]].fold, p[1 - intact[0]]
    return len(w) >= 5 and len(q) >= 5 and near(w, q, max_dist=2)


def _lowercase(tok: Tok) -> bool:
    """Starts with a small letter, or with an OCR digit standing for one ("13y" lấy, "c6")."""
    return tok.text[:1].islower() or (tok.text[:1].isdigit() and tok.fold[:1].isalpha())


def is_predicate(toks: list[Tok], i: int) -> bool:
    if i >= len(toks) or not _lowercase(toks[i]):
        return False
    if i > 0 and (toks[i - 1].fold, toks[i].fold) in _COMPOUNDS and toks[i - 1].fold != "bao":
        return False
    p = _phrase_at(toks, i, _PRED_TUPLES)
    if p is None:
        return False
    proper = _PRED_PROPER.get(p)
    if proper and not all(_spelt_as(toks[i + k], w) for k, w in enumerate(proper)):
        return False  # "cùng cấp" is not "cung cấp", "đua" is not "đưa"
    if p == ("to", "chuc") and (" ".join(_words(toks, i + 2, 2)) in _ORG_AFTER_TO_CHUC or _words(toks, i + 2, 1)[:1] in (("hoi",), ("doan",))):
        return False
    if p == ("to", "chuc") and (_words(toks, i + 2, 3) == (",", "ca", "nhan") or _words(toks, i - 1, 1) == ("cua",)):
        return False  # "của tổ chức, cá nhân đó" (bct-cv-813): the class of persons the laws address, a noun
    if p == ("tang",) and _words(toks, i + 1, 1) == ("cuong",):
        return True
    return True


_PROPER = {"so": "sở", "phong": "phòng", "bao": "báo", "dai": "đài", "hoi": "hội", "bo": "bộ", "ban": "ban", "cac": "các",
           "dang": "đảng", "doan": "đoàn", "cong": "công", "xa": "xã", "huyen": "huyện", "thu": "thủ", "chu": "chủ"}


def _spelt_as(tok: Tok, proper: str) -> bool:
    """A marked word must be the marked word we mean ("số" is not "Sở"); an unmarked one may have lost its marks."""
    low = tok.text.lower()
    return low == proper or low == tok.fold or fold(low) != tok.fold  # the last: OCR digits read as letters ("c6")


def is_head(toks: list[Tok], i: int, first: bool) -> bool:
    if i >= len(toks):
        return False
    t = toks[i]
    if t.fold in _PROPER and not _spelt_as(t, _PROPER[t.fold]):
        return False
    if t.fold == "phong" and _words(toks, i + 1, 1) == ("trao",):
        return False
    two = " ".join(_words(toks, i, 2))
    one = t.fold
    if one in ("cac", "nhung"):
        if damaged_so(toks, i + 1):
            return True  # "các SG, ban, ngành"
        nxt = " ".join(_words(toks, i + 1, 2))
        if any(_words(toks, i + 1, n.count(" ") + 1) == tuple(n.split()) for n in _CAC_NOUNS):  # "các Phó tổng giám đốc"
            return True
        # a two-word noun one OCR slip off: "các đoàn thổ" (đoàn thể), "các cơ quen"
        return toks[i + 1 : i + 3] != [] and all(_lowercase(t) for t in toks[i + 1 : i + 3]) and any(
            " " in n and len(n) >= 7 and near(nxt, n) for n in _CAC_NOUNS)
    if one == "to" and _words(toks, i + 1, 3) == ("chuc", ",", "ca") and _words(toks, i + 4, 1) == ("nhan",):
        return True  # "Tổ chức, cá nhân khai thác khoáng sản ..." (lc-cv-snnmt-dcks)
    if one == "to" and _words(toks, i + 1, 1) == ("chuc",) and (
        " ".join(_words(toks, i + 2, 2)) in _ORG_AFTER_TO_CHUC or _words(toks, i + 2, 1) in (("hoi",), ("doan",), ("chinh",), ("xa",))
    ):
        return True
    if one == "don" and _words(toks, i + 1, 1) == ("vi",) and _words(toks, i + 2, 1) in (("truc",), ("su",), ("thuoc",)):
        return True
    if one == "bao" and _words(toks, i + 1, 1) == ("cao",):
        return False
    if t.text == "Quý" and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
        return is_head(toks, i + 1, first)  # "Quý Sở", "Quý Cơ quan": a letter's courteous "you" (bct-cv-1178)
    heads = {one, two, " ".join(_words(toks, i, 3)), " ".join(_words(toks, i, 4))}  # "chủ đầu tư", "phó tổng giám đốc"
    if damaged_so(toks, i):
        return True
    if t.text[:1].isupper() or t.text[:1] == "$":  # "$6": Sở as English OCR reads it
        if heads & _CAPITAL_HEADS:
            return True
        # a two-word head one OCR slip off: "Họ đồng" (Hội đồng), "Uy bạn" (Ủy ban)
        return " " in two and any(" " in h and len(h) >= 6 and near(two, h) and two.split()[0] not in _PROPER for h in _CAPITAL_HEADS)
    return bool(heads & (_LOWER_HEADS_FIRST if first else _LOWER_HEADS_MID))


_SO_SHAPE = re.compile(r"S[A-Z0-9]")


def damaged_so(toks: list[Tok], i: int) -> bool:
    """"SA Lao động - ...", "Các SG, ban, ngành": "Sở" as an English OCR model reads it, known by what follows.

    Two capitals (or S and a digit) followed by ", ban"/", ngành" or by a capitalised name that is not a verb.
    """
    if i >= len(toks) or not _SO_SHAPE.fullmatch(toks[i].text):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return False
    if nxt.text == ",":
        return _words(toks, i + 2, 1) in (("ban",), ("nganh",))
    return nxt.text[:1].isupper() and nxt.text[1:2].islower() and not is_predicate(toks, i + 1)


# Words that end a body's name without being its duty: tense and modality ("Sở Xây dựng đã ...", "Công ty cần ...",
# "Bộ Xây dựng quan tâm ..."), and what a body receives ("... nhận được", "... bị xử phạt").
_BODY_STOPS = set(_LEX["body_stops"]["words"])


@dataclass
class BodyList:
    spans: list[tuple[int, int]]
    end_token: int  # index of the first token after the list (the predicate)


def parse_bodies(toks: list[Tok], i: int, first: bool = True) -> Optional[BodyList]:
    """Bodies listed from token i: 'Các sở, ban, ngành, UBND các huyện, thị xã và các doanh nghiệp'."""
    if not is_head(toks, i, first):
        return None
    spans: list[tuple[int, int]] = []
    cur = [toks[i].start, toks[i].end]
    j = i + 1
    words_in_body = 1
    j, words_in_body = _past_known_name(toks, i, cur, j, words_in_body)
    j, words_in_body, closed = _past_department(toks, i, cur, j, words_in_body)
    while j < len(toks) and not closed:
        t = toks[j]
        if t.text.startswith("("):
            j += 1
            continue
        if t.text in (",", ";", ":") or t.fold == "va":
            if t.text == ":":
                break
            if is_head(toks, j + 1, False) and not _ban_of_so(toks, cur, j) and not _persons_too(toks, cur, j) \
                    and not _localities_too(toks, cur, j):
                spans.append((cur[0], cur[1]))
                cur = [toks[j + 1].start, toks[j + 1].end]
                head = j + 1
                j, words_in_body = _past_known_name(toks, head, cur, j + 2, 1)
                j, words_in_body, closed = _past_department(toks, head, cur, j, words_in_body)
                continue
            if _persons_too(toks, cur, j):
                cur[1] = toks[j + 2].end
                j += 3
                continue  # "các đơn vị, tổ chức, cá nhân": "tổ chức" here is a kind of addressee, not the verb
            if is_predicate(toks, j + 1) or j + 1 >= len(toks):
                break
            if t.fold == "va":
                cur[1] = t.end
            j += 1
            continue
        if is_predicate(toks, j) and _relative_clause(toks, cur, j):
            marker = _relative_clause(toks, cur, j)
            cur[1] = toks[marker - 1].end
            j = marker
            break
        if is_predicate(toks, j) or (j > i + 1 and near_predicate(toks, j)) or t.text.lower() in _BODY_STOPS:
            break
        if _words(toks, j, 2) in _BODY_STOP_PAIRS:
            break
        cur[1] = t.end
        words_in_body += 1
        if words_in_body > 22:
            return None
        j += 1
    spans.append((cur[0], cur[1]))
    return BodyList(spans, j)


_BODY_STOP_PAIRS = {tuple(p.split()) for p in _LEX["body_stop_pairs"]["words"]}


def _relative_clause(toks: list[Tok], cur: list[int], j: int) -> Optional[int]:
    """A class of bodies named by what they do, before the duty marker: "các nhà thầu tham gia xây dựng công trình chịu
    trách nhiệm ..." (lc-tb-ngoinhu), "các đơn vị được giao ... có trách nhiệm": the verb at `j` is part of the name when
    "chịu/có trách nhiệm" follows within a few words, without a comma. The index of the marker, or None."""
    if not fold(toks_text(toks, cur)).lower().startswith("cac "):
        return None
    for k in range(j + 1, min(len(toks), j + 8)):
        if toks[k].text in (",", ";", ":") or toks[k].fold == "va":
            return None
        if _words(toks, k, 3) in (("chiu", "trach", "nhiem"), ("co", "trach", "nhiem")):
            return k
    return None


def toks_text(toks: list[Tok], cur: list[int]) -> str:
    return " ".join(t.text for t in toks if cur[0] <= t.start < cur[1])

# Names the document itself gives in full, as folded token tuples (longest first): its addressee ("Kính gửi: Công ty cổ
# phần Đầu tư xây dựng hạ tầng và giao thông"), the body whose proposal a decision follows ("Theo đề nghị của Đoàn tư vấn
# giám sát năng lượng", Nghị định 30/2020 Phụ lục III), an enterprise defined by a short name. Such a name holds verbs
# ("xây dựng", "giám sát") that would end a name elsewhere (dn-qd-89, lc-tb-ngoinhu).
_KNOWN_NAMES: ContextVar[tuple[tuple[str, ...], ...]] = ContextVar("known_names", default=())


def _past_known_name(toks: list[Tok], i: int, cur: list[int], j: int, words: int) -> tuple[int, int]:
    """(next token, words) after the known name that starts at token `i`, with `cur` stretched over it; unchanged if none."""
    for name in _KNOWN_NAMES.get():
        if len(name) <= j - i:
            continue
        if _words(toks, i, len(name)) == name:
            cur[1] = toks[i + len(name) - 1].end
            return i + len(name), len(name)
        # the name written without its "và" ("Công ty Cổ phần đầu tư xây dựng hạ tầng giao thông" for "... hạ tầng và
        # giao thông", lc-tb-ngoinhu)
        bare = [w for w in name if w != "va"]
        if len(bare) >= 4 and bare != list(name) and _words(toks, i, len(bare)) == tuple(bare):
            cur[1] = toks[i + len(bare) - 1].end
            return i + len(bare), len(bare)
    return j, words


_DEPARTMENTS = sorted((tuple(p.split()) for p in _LEX["departments"]["words"]), key=len, reverse=True)
# What may follow a department's name and still be its name: its place ("Sở Tài chính tỉnh Lào Cai", "Phòng Nội vụ các
# huyện, thị xã") or a list separator.
_AFTER_DEPARTMENT = {"tinh", "huyen", "thanh", "thi", "quan", "xa", "phuong", "cac", "cap", "va", ",", ";", ":", "khu", "tp"}


def _past_department(toks: list[Tok], i: int, cur: list[int], j: int, words: int) -> tuple[int, int, bool]:
    """(next token, words, closed) past "Sở|Bộ|Phòng <known department>" at token `i`; `closed` when the word after the
    name is neither its place nor a separator, so it starts the duty (a verb the verb list does not know)."""
    if j != i + 1 or toks[i].text not in ("Sở", "Bộ", "Phòng", "SỞ", "BỘ", "PHÒNG"):
        return j, words, False
    name = _phrase_at(toks, i + 1, _DEPARTMENTS)
    if name is None:
        return j, words, False
    end = i + 1 + len(name)
    cur[1] = toks[end - 1].end
    if end >= len(toks):
        return end, words + len(name), False
    nxt = toks[end]
    closed = nxt.fold not in _AFTER_DEPARTMENT and not nxt.text[:1].isupper() and not nxt.text.startswith("(")
    return end, words + len(name), closed


_PROPOSER = re.compile(r"(?m)^[ \t]*(?:Theo|Xét) đề nghị của (?P<name>[^\n.;,]{4,120}?)[ \t]*[.;]?[ \t]*$")


def known_names(text: str, folded: str, known: "Aliases") -> tuple[tuple[str, ...], ...]:
    names = [m["name"] for m in _PROPOSER.finditer(text)]
    names += [known.addressee] if known.addressee else []
    names += list(known.defined.values())
    out = set()
    for n in names:
        toks = tuple(fold(m.group()).lower() for m in _TOKEN.finditer(squash(n)))
        if 2 <= len(toks) <= 16:
            out.add(toks)
    return tuple(sorted(out, key=len, reverse=True))
_SECTOR_CLASS = re.compile(r"cac (?:bo|so)(?:\s*,\s*(?:ban|nganh))+")


def _localities_too(toks: list[Tok], cur: list[int], j: int) -> bool:
    """'các Bộ, ngành và (các) địa phương liên quan', 'các Sở, ngành và địa phương': one class of addressees, the
    sectors and the localities (ttg-ct-07, lc-cv-hoachat, lc-bc-ks2025)."""
    current = fold(" ".join(t.text for t in toks if cur[0] <= t.start < cur[1]).replace(" ,", ","))
    nxt = _words(toks, j + 1, 3)
    return bool(_SECTOR_CLASS.fullmatch(current)) and (nxt[:2] == ("dia", "phuong") or nxt == ("cac", "dia", "phuong"))


def _persons_too(toks: list[Tok], cur: list[int], j: int) -> bool:
    """'(các) tổ chức, cá nhân hoạt động khoáng sản', 'các đơn vị, tổ chức, cá nhân' are one class of addressees (the
    laws' fixed phrase; lc-cv-snnmt-dcks): small-letter kinds of addressee after "các", one after the other."""
    current = fold(" ".join(t.text for t in toks if cur[0] <= t.start < cur[1]).replace(" ,", ","))
    if toks[j].text != ",":
        return False
    if current.endswith("to chuc") and _words(toks, j + 1, 2) == ("ca", "nhan"):
        return True
    kinds = ("don vi", "to chuc", "ca nhan")
    return bool(re.fullmatch(r"cac (?:don vi|to chuc)(?:, (?:don vi|to chuc|ca nhan))*", current)) \
        and " ".join(_words(toks, j + 1, 2)) in kinds and toks[j + 1].text[:1].islower()


def _ban_of_so(toks: list[Tok], cur: list[int], j: int) -> bool:
    """'Ban Thi đua - Khen thưởng, Sở Nội vụ' is one body: the Ban of the Sở."""
    current = fold(" ".join(t.text for t in toks if cur[0] <= t.start < cur[1]))
    return current.startswith("ban thi dua") and _words(toks, j + 1, 1) == ("so",) and toks[j + 1].text[:1].isupper()


# ---------------------------------------------------------------- roles

_ADVERBS = [
    ("co", "trach", "nhiem"), ("chu", "dong"), ("thuong", "xuyen"), ("tich", "cuc"), ("hang", "nam"), ("dinh", "ky"),
    ("dong", "thoi"), ("tiep", "tuc"), ("kip", "thoi"), ("chiu", "trach", "nhiem"),
    ("nghiem", "tuc"), ("nghiem", "chinh"),  # "Nhà đầu tư nghiêm túc thực hiện báo cáo ..." (lc-qd-2463): the verb follows
]
_MONITOR = [("theo", "doi"), ("kiem", "tra"), ("don", "doc"), ("giam", "sat")]
# "gửi Báo cáo kết quả kiểm định về Sở" (lc-cv-2826), "nộp báo cáo", "thực hiện (chế độ) báo cáo" (lc-cv-snnmt-dcks): the duty
# is the report itself; "phản hồi vướng mắc về Sở Công Thương" (lc-cv-hoachat): reporting back.
_REPORT = [("bao", "cao"), ("tong", "hop", ",", "bao", "cao"), ("tong", "hop", "bao", "cao"), ("tong", "hop", ",", "xay", "dung", "bao", "cao"),
           ("gui", "bao", "cao"), ("nop", "bao", "cao"), ("phan", "hoi"), ("thuc", "hien", "bao", "cao"), ("thuc", "hien", "che", "do", "bao", "cao")]


_DECIDING = [("chu", "tri"), ("tham", "muu")] + _MONITOR + _REPORT


_PERIODS = {"thang", "nam", "quy", "tuan", "ngay"}


def _skip_adverbs(toks: list[Tok], i: int) -> int:
    start = i
    moved = True
    while moved and i < len(toks):
        moved = False
        p = _phrase_at(toks, i, _ADVERBS)
        if p:
            i += len(p)
            moved = True
            continue
        if toks[i].text == "," or re.fullmatch(r"\((?:[ivx]{1,4}|\d{1,2}|[a-zđ])\)\.?", toks[i].text):
            i += 1  # "(i) Báo cáo giám sát ...": an enumerator inside the paragraph (lc-qd-2463)
            moved = True
            continue
        if toks[i].text.isdigit() and _words(toks, i + 1, 1)[:1] and _words(toks, i + 1, 1)[0] in _PERIODS:
            i += 2  # "(Định kỳ) 6 tháng, hằng năm báo cáo ...": how often, before the verb (seeds' schedules)
            moved = True
            continue
        if toks[i].fold in ("hang", "moi", "cuoi", "dau") and _words(toks, i + 1, 1)[:1] and _words(toks, i + 1, 1)[0] in _PERIODS:
            i += 2  # "hằng quý", "mỗi năm", "cuối năm", "đầu năm"
            moved = True
            continue
        if toks[i].fold == "la" and toks[i].text.lower() == "là" and i == start:
            # "Là cơ quan thường trực, chủ trì, phối hợp ..." (a plan's standing body): the duty follows the apposition
            k = next((k for k in range(i + 1, min(len(toks), i + 16)) if toks[k].text == "," and is_predicate(toks, k + 1)), None)
            if k is not None:
                i = k + 1
                moved = True
                continue
        if _words(toks, i, 2) in (("xem", "xet"), ("nghien", "cuu")) and _words(toks, i + 2, 3) == (",", "tham", "muu"):
            i += 3  # "Xem xét, tham mưu cho Chính phủ ..." (lc-bc-ks2025): the study leads to advice
            moved = True
            continue
        for lead in (("tien", "hanh"), ("tang", "cuong")):
            if _words(toks, i, 2) == lead and _phrase_at(toks, i + 2, _MONITOR):
                i += 2
                moved = True
        if _words(toks, i, 2) == ("can", "cu") or _words(toks, i, 3) == ("theo", "chuc", "nang"):
            # "căn cứ chức năng, nhiệm vụ ..., xây dựng kế hoạch": the duty follows the grounds
            k = i + 2
            while k < len(toks) and not (toks[k].text == "," and is_predicate(toks, k + 1)) and not (
                k > i + 2 and is_predicate(toks, k) and _phrase_at(toks, k, _AFTER_GROUNDS)
            ):
                k += 1
            if k < len(toks):
                i = k
                moved = True
    return i


# Verbs that end the grounds of a duty ("căn cứ chức năng, nhiệm vụ được giao thực hiện tham mưu ...", lc-qd-2463;
# "theo chức năng, nhiệm vụ, quyền hạn được giao tham mưu ...", lc-qd-2463; "căn cứ chức năng, nhiệm vụ, tham mưu
# quản lý, giám sát", lc-gp-2507).
_AFTER_GROUNDS = [("de",), ("xay", "dung"), ("to", "chuc"), ("phoi", "hop"), ("tham", "muu"), ("chu", "tri"), ("thuc", "hien"),
                  ("trien", "khai")]


@dataclass
class Assignment:
    body_span: tuple[int, int]
    role: str
    task: str
    sentence: int


def _task(toks: list[Tok], i: int, limit: int = 16) -> str:
    words = [t.text for t in toks[i : i + limit] if not t.text.startswith("(")]
    return squash(" ".join(words)).replace(" ,", ",").replace(" ;", ";").strip(" ,;:")


def _later_report(toks: list[Tok], at: int) -> bool:
    """A clause whose verbs, after its first, include reporting: "..., báo cáo ...", "... và (kịp thời) báo cáo ..."
    (ttg-ct-07: a directive's tasks that end with the report due)."""
    for k in range(at + 1, len(toks) - 1):
        if (toks[k].text == "," or toks[k].fold == "va") and any(t.fold == "viec" for t in toks[max(at, k - 3) : k]):
            continue  # "thực hiện đầy đủ việc kê khai, báo cáo, xin cấp phép" (lc-cv-hoachat): nouns after "việc", not a report due
        if toks[k].text == "," or toks[k].fold == "va":
            q = k + 1 + (2 if _words(toks, k + 1, 2) == ("kip", "thoi") else 0)
            if _words(toks, q, 2) == ("bao", "cao") and toks[q].text[:1].islower() and _spelt_as(toks[q], "báo"):
                return True
    return False


def classify(toks: list[Tok], i: int) -> tuple[Optional[str], int]:
    """Role of the clause whose predicate starts at token i, and where its object list (if any) starts."""
    if i < len(toks) and toks[i].text.lower() in ("đã", "đang"):
        return None, i  # "Sở ... đã tham mưu": a fact reported, not a duty
    if i < len(toks) and toks[i].text.lower() in ("không", "chưa") and _words(toks, i + 1, 1) not in (("duoc",), ("de",)):
        # "Cụ thể: Công ty không lưu giữ đầy đủ hồ sơ ..." (bct-qd-26, a sanction decision's violations), "Công ty chưa
        # cung cấp thông tin" (bct-cv-logistic): what a body failed to do is a finding; "không được", "không để" forbid
        return None, i
    i = _skip_adverbs(toks, i)
    if i >= len(toks):
        return None, i
    if _phrase_at(toks, i, _OPENINGS) and not is_predicate(toks, i):
        # "Sau khi hoàn thành xây dựng cơ bản phải báo cáo ..." (lc-qd-2463), "Trong quá trình thực hiện rà soát, yêu cầu
        # tạm dừng ..." (ttg-ct-07), "(Cục Hóa chất) trong thời hạn 10 ngày, kể từ ngày nhận được Quyết định này"
        # (bct-qd-26): the duty is the verb after the opening phrase, or there is none
        for k in range(i + 1, len(toks)):
            if _phrase_at(toks, k, _DUTY_MARKERS) and toks[k].text[:1].islower():
                return classify(toks, k + len(_phrase_at(toks, k, _DUTY_MARKERS)))
            if toks[k].text == "," and is_predicate(toks, k + 1):
                return classify(toks, k + 1)
        return None, i
    fuzzy = near_predicate(toks, i)
    if fuzzy is not None and not is_predicate(toks, i):
        toks = toks[:i] + [Tok(toks[i + k].text, w, toks[i + k].start, toks[i + k].end) for k, w in enumerate(fuzzy)] + toks[i + len(fuzzy):]
    elif fuzzy is None and not is_predicate(toks, i):
        # words OCR wrecked before a verb that decides the role: "thường xuyên uốn hành (tiến hành) kiểm tra"
        for k in (i + 1, i + 2):
            if not all(_lowercase(t) and t.text not in ",;:" for t in toks[i:k]):
                break
            if _phrase_at(toks, k, _DECIDING):
                i = k
                break
    if _words(toks, i, 2) == ("thuc", "hien") and _phrase_at(toks, i + 2, [("chu", "tri"), ("tham", "muu")]):
        i += 2  # "thực hiện tham mưu quản lý ...": the role is the second verb's
    if _phrase_at(toks, i, [("chu", "tri")]):
        return "lead", i
    if _phrase_at(toks, i, [("tham", "muu")]):
        return "advise", i
    if _phrase_at(toks, i, _REPORT):
        return "report", i
    if _phrase_at(toks, i, _MONITOR):
        return "monitor", i
    if _phrase_at(toks, i, [("phoi", "hop")]):
        return "coordinate", i
    if _phrase_at(toks, i, [("la",), ("phan", "anh"), ("yeu", "cau"), ("de", "nghi"), ("co", "quyen"), ("chuyen",), ("nhan", "duoc"), ("co", "the")]):
        return None, i  # "nhận được hồ sơ": what a body receives (bct-cv-logistic, lc-cv-3686)
    if _phrase_at(toks, i, [("co", "y", "kien")]) and (_words(toks, i + 3, 2) == ("nhu", "sau") or _words(toks, i + 3, 1) == (":",)
                                                        or _words(toks, i + 3, 3) == ("tham", "gia", "nhu")):
        return None, i  # "Sở Công Thương có ý kiến như sau:": the writer's own answer, not a duty
    return "implement", i


# ---------------------------------------------------------------- reading a part

# Bullets as OCR reads them too: "_", "–", "—", "=" for "-".
_ITEM_START = re.compile(r"(?m)(?:^|(?<=\f))[ \t]*(?:(?P<num>Điều[ \t]+\d+[ \t]*[.:]|(?:\d+\.)+\d*|[a-zđ]\)|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|\d{1,2})\)\.?)|(?P<dash>[-+•_–—=~]))[ \t]*(?=\S)")
# Lines are also started by a page break ("\f"). An item a scan glued to the end of the line before: "... Xã hội.- Phối hợp với ...", "... bền vững.2. Ủy ban ...".
_GLUED_ITEM = re.compile(r"(?<=[^\W\d_][.;])[ \t]*(?:(?P<num>\d+\.)|(?P<dash>[-–—]))[ \t]*(?=[A-ZĐ])")
# A full stop may carry a footnote mark glued to it, or the page's number after a page break ("... có thẩm quyền.\f3\nSau
# khi ...", lc-cv-2826).
_SENTENCE_BREAK = re.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])|(?<=[^\W\d_])\.[ \t]*\f?[ \t]*\d{1,3}\s+(?=[A-ZĐÀ-Ỹ])|\./\.|:\s+|\n[ \t]*\n(?=[ \t]*[A-ZĐÀ-Ỹ])")
# A line break before a capital ends a sentence when the line before it is a heading (short, without a word that
# needs what follows): "1. Về phổ biến Văn bản quy phạm pháp luật mới\nĐề nghị các Sở, ngành ..." (Công văn items
# whose heading line has no colon, lc-cv-hoachat).
_LINE_BREAK = re.compile(r"\n(?=[ \t]*[A-ZĐÀ-Ỹ])")
# A line that cannot end a sentence or a heading: it ends with a hyphen, a comma or a word that needs what follows.
_CONTINUES = re.compile(r"(?:[-–,]|(?<!\w)(?:voi|va|cua|cac|cho|ve|de|theo|tai|trong|tu|den|nhung|hoac|qua|chu tri|phoi hop|tham muu))[ \t]*\Z")
_FULL_LINE = 60
# A line that opens with a short label and its colon ("Địa chỉ trụ sở: Tầng 24 ...", dn-qd-89) starts anew, however full
# the line before it.
_FIELD_LINE = re.compile(r"[ \t]*[A-ZĐÀ-Ỹ][^\n:;,.]{0,30}:[ \t]")
# The small words of `_CONTINUES` as they are spelt: the folded match must be one of these in the text.
_SMALL_WORDS = {"voi": ("với",), "va": ("và",), "cua": ("của",), "cac": ("các",), "cho": ("cho",), "ve": ("về",), "de": ("để",),
                "theo": ("theo",), "tai": ("tại",), "trong": ("trong",), "tu": ("từ",), "den": ("đến",), "nhung": ("những",),
                "hoac": ("hoặc",), "qua": ("qua",)}


def _in_parentheses(text: str, start: int, at: int) -> bool:
    """`at` is inside a parenthesis opened on its line."""
    line_start = max(start, text.rfind("\n", 0, at) + 1)
    before = text[line_start:at]
    return before.count("(") > before.count(")")


def _continues(text: str, folded: str, start: int, at: int) -> bool:
    """The line ending at `at` runs on past the blank line after it: it ends with a word that needs what follows,
    or it is a full line of a paragraph (a heading is short) without a closing mark."""
    m = _CONTINUES.search(folded, max(start, at - 12), at)
    if m and text[m.start() : m.end()].strip().lower() in _SMALL_WORDS.get(m.group().strip(), (text[m.start() : m.end()].strip().lower(),)):
        return True  # "tư" (Nhà đầu tư) is not "từ" (lc-qd-2463)
    line_start = text.rfind("\n", start, at) + 1 or start
    line = text[max(line_start, start) : at].rstrip()
    return len(line) >= _FULL_LINE and line[-1:] not in ".:;!?"


_CLAUSE_BREAK = re.compile(r";|,\s*(?=đồng thời|dong thoi)")
_SUBJECT_PREFIX = re.compile(r"^\s*(?:giao|de nghi|yeu cau|doi voi)\s+")


@dataclass
class Item:
    start: int
    end: int
    dash: bool
    subjects: list[tuple[int, int]] = field(default_factory=list)
    letter: bool = False  # "a)", "b)": under a numbered heading ("2. Giám đốc Sở Công Thương:"), it inherits its body


def _items(text: str, folded: str, start: int, end: int) -> list[Item]:
    marks = []
    for m in _ITEM_START.finditer(text, start, end):
        if m["dash"] and not text[m.end() : m.end() + 1].isupper():
            continue  # "... các tổ chức chính trị\n- xã hội": a line broken at a hyphen
        marks.append((m.start(), m.end(), bool(m["dash"])))
    for m in _GLUED_ITEM.finditer(text, start, end):
        if m["num"] and m["num"] != "1." and not any(text[a:b].strip().rstrip(".").isdigit() for a, b, _ in marks):
            continue  # a glued number only among numbered items
        marks.append((m.start(), m.end(), bool(m["dash"])))
    marks.sort()
    items = []
    if not marks or marks[0][0] > start:
        items.append(Item(start, marks[0][0] if marks else end, False))
    for k, (s, body_start, dash) in enumerate(marks):
        e = marks[k + 1][0] if k + 1 < len(marks) else end
        items.append(Item(body_start, e, dash, letter=bool(re.match(r"[ \t]*(?:[a-zđ]\)|\([ivx\d]+\))", text[s:body_start]))))
    return items


# A member of a team named by person (lc-qd-kthoachat, lc-bb-yenthanh): "1. Ông: Hoàng Văn Thuân - Phó Giám đốc
# Sở Công Thương, Trưởng đoàn;", "- Bà Nguyễn Thị Loan - Chuyên viên ..., Thư ký".
_MEMBER = re.compile(
    r"(?m)^[ \t]*(?:\d+[.)]|[-+•])?[ \t]*(?:Ông|Bà|Ông/Bà|Đ/c|Đồng chí)[ \t]*:?[ \t]*"
    r"(?P<name>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:[ \t]+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,4})[ \t]*[-–:,][ \t]*(?P<role>[^\n]*)"
)


# "Giám đốc các Sở, ngành: Tài chính, Xây dựng, ..., Công an tỉnh, Thanh tra tỉnh" in a decision's closing article
# (lc-qd-2463, lc-qd-2336): each name is a Sở unless it carries its own head.
_SO_LIST = re.compile(r"(?:Giám\s+đốc|Thủ\s+trưởng)\s+các\s+[Ss]ở(?:\s*,\s*(?:ban,\s*)?ngành)?\s*:\s*(?P<names>[^;:.]+?)(?=\s*;|\s+(?:có|chịu)\s+trách)")
_OWN_HEADS = re.compile(r"(?:Ban|Công an|Thanh tra|Trưởng|Cục|Chi cục|Kho bạc|Bộ|Văn phòng|Trung tâm|Đài|Báo)\b")


# Names of departments and ministries that hold a comma ("Văn hóa, Thể thao và Du lịch"): one piece of a list.
_COMMA_NAMES = _LEX["comma_names"]["words"]
_NAME_PIECE = re.compile(r"(?:" + "|".join(r"\s*" + r",?\s+".join(re.escape(w) for w in n.split()).replace(r"\,", ",")
                                           for n in _COMMA_NAMES) + r")(?=\s*(?:,|$))|[^,]+", re.I)


def listed_departments(text: str) -> list[Responsibility]:
    """The departments named after "Giám đốc các Sở, ngành:", each told to carry out the decision."""
    out = []
    for m in _SO_LIST.finditer(text):
        pos = m.start("names")
        for piece in _NAME_PIECE.finditer(m["names"]):
            name = squash(piece.group())
            start = pos + piece.start() + (len(piece.group()) - len(piece.group().lstrip()))
            if not name or not name[:1].isupper():
                continue
            body = canonical_body(name if _OWN_HEADS.match(name) else "Sở " + name)
            out.append(Responsibility(text=text[start : start + len(piece.group().strip())], start=start,
                                      end=start + len(piece.group().strip()), body=body, role="implement"))
    return out


def team_members(text: str) -> list[Responsibility]:
    """Members of an inspection or working team: the head ("Trưởng đoàn") leads, the others implement."""
    out = []
    for m in _MEMBER.finditer(text):
        described = fold(m["role"])
        head = re.search(r"(?<!pho )truong doan", described) is not None
        out.append(Responsibility(text=m["name"], start=m.start("name"), end=m.end("name"), body=m["name"],
                                  role="lead" if head else "implement", task=squash(m["role"]).strip(" ;.,") or None))
    return out


def find_responsibilities(text: str, folded: Optional[str] = None, skip: list[tuple[int, int]] = (),
                          sections=()) -> tuple[list[Responsibility], list[tuple[int, int, list[str]]]]:
    """Responsibilities, and the bodies named in each item (for deadlines' `responsible`)."""
    folded = folded if folded is not None else fold(text)
    folded = loose_fold(text)  # verbs and heads read through OCR digits ("c6 trách nhiệm", "t6 chức")
    token = _KNOWN_NAMES.set(known_names(text, folded, aliases(text)))
    try:
        return _find_responsibilities(text, folded, skip, sections)
    finally:
        _KNOWN_NAMES.reset(token)


def _find_responsibilities(text, folded, skip, sections):
    so_lists = list(_SO_LIST.finditer(text))
    assignments: list[Assignment] = []
    item_bodies: list[tuple[int, int, list[tuple[int, int]]]] = []
    sentence_no = 0
    carried: list[tuple[int, int]] = []  # a lead-in's "yêu cầu X thực hiện ... sau:" owns the next part's items
    for p_start, p_end, closing in implementation_parts(text, folded, sections):
        heading_subjects: list[tuple[int, int]] = []
        part_subjects, carried = carried, []
        for item in _items(text, folded, p_start, p_end):
            sub = item.dash or item.letter
            inherited = heading_subjects if sub else []
            named: list[tuple[int, int]] = []
            pos = item.start
            sentences = []
            breaks = sorted(list(_SENTENCE_BREAK.finditer(text, pos, item.end)) + list(_LINE_BREAK.finditer(text, pos, item.end)),
                            key=lambda m: m.start())
            for m in breaks:
                if m.start() < pos:
                    continue
                if m.group().startswith(":") and _in_parentheses(text, item.start, m.start()):
                    continue  # "Cục Hóa chất (mã số: 112166) trong thời hạn ..." (bct-qd-26): an aside, not a field's label
                if m.group().startswith(":") and any(d.start() <= m.start() < d.start("names") for d in so_lists):
                    continue  # "Giám đốc các Sở, ngành: Tài chính, ..." is one list of the sentence's subjects (lc-qd-2463)
                if m.group().startswith("\n") and _continues(text, folded, item.start, m.start()) \
                        and not _FIELD_LINE.match(text, m.end()):
                    continue  # a scan's blank line inside a sentence: "phối hợp với\n\nPhòng Nội vụ", "Sở Lao động -\n\nThương binh"
                if m.re is _LINE_BREAK and (text[max(item.start, text.rfind("\n", 0, m.start()) + 1) : m.start()].rstrip()[-1:] in (".", ";", ":", "")
                                            or not text[m.end() : m.end() + 1].isupper()):
                    # the sentence already ended there, or the line before is blank (a blank line is `_SENTENCE_BREAK`'s
                    # and `_continues`' call); a small letter goes on ("À-Ỹ" spans small letters too)
                    continue
                sentences.append((pos, m.start()))
                pos = m.end()
            sentences.append((pos, item.end))
            whole_item_is_subject = False
            listed = False  # the sentence before ended with a colon and said no duty: this one is its list, not a duty
            announced: list[tuple[int, int]] = []  # bodies whose duties a colon announced
            for s_start, s_end in sentences:
                sentence_no += 1
                given = inherited or named or heading_subjects if sub else (named or inherited)
                given = given or part_subjects
                if listed and text[s_start : s_start + 1].islower():
                    given = []  # "... có thể bao gồm ... các công việc sau: kiểm tra, quan trắc, ..." (a footnote quoting a law, lc-cv-2826)
                if announced:
                    given = announced  # "..., Nhà đầu tư nghiêm túc thực hiện: (i) Báo cáo ...; (ii) ..." (lc-qd-2463)
                subj, roles = _read_sentence(text, folded, s_start, s_end, given, closing, skip)
                listed = text[s_end : s_end + 1] == ":" and not roles and subj is None
                if text[s_end : s_end + 1] == ":" and not roles and subj is not None and subj["spans"] and not subj.get("heading"):
                    announced = subj["spans"]
                    if subj.get("announces") and not sub:
                        part_subjects = announced  # "... yêu cầu X thực hiện một số nội dung sau:" owns the items after it
                        if closing == ASKS_ONLY and not text[s_end + 1 : p_end].strip():
                            carried = announced
                if subj is not None and subj.get("heading"):
                    whole_item_is_subject = True
                if subj is not None and subj["spans"]:
                    named = subj["spans"]
                for span, role, task in roles:
                    assignments.append(Assignment(span, role, task, sentence_no))
            if item.letter:
                if whole_item_is_subject:
                    heading_subjects = named  # "a) Đối với các sở, ngành:" heads the dashes under it
            elif not item.dash:
                heading_subjects = named if (whole_item_is_subject or named) else []
            item_bodies.append((item.start, item.end, named or inherited))
    items = [r for r in _to_items(text, assignments)
             if not any(m.start() <= r.start < m.start("names") for m in _SO_LIST.finditer(text))]  # "Giám đốc các Sở, ngành:" heads a list
    members = [r for r in team_members(text) + listed_departments(text) if not any(i.start <= r.start < i.end for i in items)]
    return sorted(items + members, key=lambda r: r.start), [(s, e, [canonical_body(text[a:b]) for a, b in spans]) for s, e, spans in item_bodies]


_ASKING = [("de", "nghi"), ("yeu", "cau"), ("doi", "voi")]
# Words before the bodies a sentence or heading is about ("Giao Sở ...", "1. Trách nhiệm của chủ đầu tư", "2. Các điều
# kiện đối với nhà đầu tư thực hiện dự án"): data, with their why, in the lexicon.
_SUBJECT_LEADS = sorted((tuple(p.split()) for p in _LEX["subject_leads"]["words"]), key=len, reverse=True)


def _strip_prefixes(text: str, folded: str, toks: list[Tok], skip: list[tuple[int, int]]) -> int:
    i = 0
    while i < len(toks):
        t = toks[i]
        span = next(((a, b) for a, b in skip if a <= t.start < b), None)
        if span is not None:  # a time expression heading the sentence: "Năm 2018", "Trước ngày 10/11 hằng năm,"
            while i < len(toks) and toks[i].start < span[1]:
                i += 1
            while i < len(toks) and toks[i].text in (",", ":"):
                i += 1
            continue
        if _phrase_at(toks, i, _SUBJECT_LEADS):
            p = _phrase_at(toks, i, _SUBJECT_LEADS)
            if is_head(toks, i + len(p), True):
                return i + len(p)
        if i == 0 and is_head(toks, 2, True) and any(near(" ".join(_words(toks, 0, 2)), " ".join(p)) for p in _ASKING):
            return 2  # "Độ nghị Ủy ban ...": "Đề nghị" one OCR slip off, before a body
        if _words(toks, i, 2) == ("can", "cu") and t.text[:1].isupper():
            k = next((k for k in range(i, len(toks)) if toks[k].text == ","), None)
            if k is not None:
                i = k + 1
                continue
        break
    return i


def _sent_to(toks: list[Tok], first: int, any_role: bool = False) -> list[tuple[tuple[int, int], str, str]]:
    """The bodies a thing is sent to, and what they are to do with it, from token `first` on.

    "... về Ban Thi đua - Khen thưởng, Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh" (seeds); "... gửi Sở Công thương, Ban
    Quản lý Khu kinh tế, UBND xã ... để theo dõi, quản lý", "trao đổi ngay với Bộ Chỉ huy quân sự tỉnh và các cơ quan chức
    năng của địa phương để cùng phối hợp giải quyết" (lc-qd-2463, lc-gcn-banqua). A decision's closing lines "Gửi cho Kho
    bạc Nhà nước Khu vực I để thu tiền phạt", "Gửi cho Sở Công Thương để biết và phối hợp" (bct-qd-26; Nghị định
    118/2021 form of a sanction decision) start the sentence (`first` 0): there the duty may be any ("implement"); inside a
    sentence only watching, reporting or working with count. "để biết" alone is no duty.
    """
    roles = []
    if first == 0:  # a closing line's last word keeps its full stop ("để biết.", "phối hợp."): read it without
        toks = [Tok(t.text, t.fold[:-1], t.start, t.end) if t.fold[-1:] == "." and t.fold[:1].isalpha() else t for t in toks]
    for k in range(first, 1 if first == 0 else len(toks)):
        if toks[k].fold in ("ve", "qua", "gui", "voi", "den") and toks[k].text.lower() in ("về", "qua", "gửi", "với", "đến"):
            q = k + 1 + (1 if _words(toks, k + 1, 1) == ("cho",) else 0)
            objects = parse_bodies(toks, q, True)
            if not objects or _words(toks, objects.end_token, 1) != ("de",):
                continue
            at = objects.end_token + 1 + (1 if _words(toks, objects.end_token + 1, 1) == ("cung",) else 0)
            again = parse_bodies(toks, at, True)
            if again is not None and len(again.spans) == 1 and again.end_token - at <= 2:
                at = again.end_token  # "về Sở Công Thương để Sở tiếp nhận, xem xét" (lc-cv-2826): the same body again
            elif _words(toks, at, 1) == ("duoc",) and _phrase_at(toks, at + 1, _ACTING_ON_A_FILE):
                at += 1  # "gửi Sở Công Thương để được xem xét, có ý kiến" (lc-cv-2826): the sender is to be answered
            acts = _phrase_at(toks, at, _ACTING_ON_A_FILE) is not None
            if _words(toks, at, 1) == ("biet",):
                if _words(toks, at + 1, 3) != ("va", "phoi", "hop"):
                    continue
                at += 2
            if _words(toks, at, 2) == ("tong", "hop"):
                sent_role = "report"
            else:
                sent_role, _ = classify(toks, at)
                if sent_role is None or (first > 0 and not any_role and not acts
                                         and sent_role not in ("monitor", "coordinate", "lead", "advise")):
                    continue
            for span in objects.spans:
                roles.append((span, sent_role, _task(toks, at)))
                if _later_report(toks, at):
                    roles.append((span, "report", _task(toks, at)))
            if sent_role == "lead":
                # "... đến Sở Công Thương để chủ trì, phối hợp với cơ quan liên quan xem xét, ..., báo cáo UBND tỉnh" (lc-pc-466)
                for pk in range(at, len(toks)):
                    if _words(toks, pk, 3) == ("phoi", "hop", "voi"):
                        helpers = parse_bodies(toks, pk + 3, True)
                        for span in helpers.spans if helpers else []:
                            roles.append((span, "coordinate", _task(toks, helpers.end_token)))
                        break
    return roles


# What an authority does with a file sent to it ("gửi Sở Công Thương để được xem xét, có ý kiến", "về Sở ... để Sở tiếp nhận,
# xem xét", lc-cv-2826): a duty of the body sent to, inside a sentence too.
_ACTING_ON_A_FILE = sorted((tuple(p.split()) for p in _LEX["acting_on_a_file"]["words"]), key=len, reverse=True)


def _informed(toks: list[Tok], q: int) -> list[tuple[tuple[int, int], str, str]]:
    """From token `q`: "(cho|để|tới) <bodies> (được) biết, <verb> ..." — the bodies told, and what they are to do (nothing
    if only to know). Nghị định 30/2020 Phụ lục I: the closing of a Công văn or Thông báo names whom it is for."""
    purpose = _words(toks, q, 1) == ("de",)
    if _words(toks, q, 1) in (("cho",), ("de",), ("toi",), ("den",)):
        q += 1
    objects = parse_bodies(toks, q, True)
    if objects is None or objects.end_token >= len(toks):
        return []
    at = objects.end_token + (1 if _words(toks, objects.end_token, 1) == ("duoc",) else 0)
    if _words(toks, at, 1) == ("biet",):
        at += 1
        while at < len(toks) and (toks[at].text in (",", "và") or toks[at].fold == "va"):
            at += 1
        if at >= len(toks):
            return []
    elif not purpose or not is_predicate(toks, at):
        return []  # "thông báo cho Ủy ban nhân dân các cấp nơi có mỏ trước khi thực hiện" (lc-cv-snnmt-dcks) tells, asks nothing
    role, at = classify(toks, at)
    if role is None:
        return []
    return [(span, role, _task(toks, at)) for span in objects.spans]


def _for_whom(toks: list[Tok]) -> list[tuple[tuple[int, int], str, str]]:
    """"... để <bodies> <verb>" in a closing paragraph ("để Quý Sở nghiên cứu, thực hiện", bct-cv-1178)."""
    for k in range(1, len(toks) - 2):
        if toks[k].text == "để":
            found = _informed(toks, k)
            if found:
                return found
    return []


# The writer tells ("Sở Công Thương thông báo cho Công ty ... được biết, tổ chức thực hiện", lc-tb-ngoinhu; "Sở Công Thương
# phúc đáp để Công ty Cổ phần Mông Sơn biết, thực hiện", lc-cv-2826): the duty is the addressee's, not the writer's.
_TELLING = [("thong", "bao"), ("phuc", "dap"), ("tra", "loi")]


def _after_field_label(text: str, folded: str, at: int) -> bool:
    """The sentence at `at` follows "<label>:" on its line, and the label is not a body ("2. Bộ Công Thương: Chủ trì ..."
    gives its duties to the body; "Địa chỉ thường trú: phường ..." is a field of an identity block, lc-qd-2463)."""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at].rstrip()
    if not before.endswith(":") or text[:line_start].rstrip()[-1:] not in (".", ";", ":", ""):
        return False  # "... Nhà đầu tư nghiêm\ntúc thực hiện: (i) Báo cáo ...": a running sentence, not a field
    toks = tokens(text, folded, line_start, line_start + len(before) - 1)
    if len(toks) > 14:
        return False
    k = 0
    while k < len(toks) and not toks[k].fold[:1].isalpha():
        k += 1  # the item's mark: "2.", "-", "a)"
    if k < len(toks) and re.fullmatch(r"[a-zđ]\)|[ivx]+\.?", toks[k].text):
        k += 1
    k = _strip_prefixes(text, folded, toks[k:], []) + k
    return parse_bodies(toks, k, True) is None and not is_predicate(toks, k) and not _phrase_at(toks, k, _ADVERBS)


_FIELD_LABELS = sorted((tuple(p.split()) for p in _LEX["field_labels"]["words"]), key=len, reverse=True)


def _field_value(text: str, folded: str, at: int) -> bool:
    """The sentence at `at` is the value of a field on its line ("- Chủ đầu tư: Ban Quản lý dự án ...", "13. Hình thức tổ
    chức quản lý dự án được áp dụng: Chủ đầu tư trực tiếp quản lý dự án"): the label names a role or a field of an
    identity or project block; a body named there is identified, not given a duty."""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at].rstrip()
    if not before.endswith(":"):
        return False
    toks = tokens(text, folded, line_start, line_start + len(before) - 1)
    if not toks or len(toks) > 14:
        return False
    k = 0
    while k < len(toks) and not toks[k].fold[:1].isalpha():
        k += 1  # the item's mark: "2.", "-", "a)"
    if k < len(toks) and re.fullmatch(r"[a-zđ]\)|[ivx]+\.?", toks[k].text):
        k += 1
    return _phrase_at(toks, k, _FIELD_LABELS) is not None


def _directed(toks: list[Tok], first: int) -> list[tuple[tuple[int, int], str, str]]:
    """Bodies a duty-holder is told to direct, and what they are to do: "Chỉ đạo Ban quản lý KKT, KCN và các sở, ngành
    liên quan tuân thủ ..." (ttg-ct-07), "có ý kiến chỉ đạo Cục Đăng kiểm Việt Nam và các cơ quan đăng kiểm địa phương tổ
    chức kiểm tra ..." (lc-cv-3686). The bodies must be followed by their verb (not "chỉ đạo các đơn vị." alone)."""
    roles = []
    for k in range(first, len(toks) - 2):
        if _words(toks, k, 2) != ("chi", "dao") or not _spelt_as(toks[k], "chỉ"):
            continue
        objects = parse_bodies(toks, k + 2, True)
        if objects is None or objects.end_token >= len(toks) or not is_predicate(toks, objects.end_token):
            continue
        last = [t.fold for t in toks if objects.spans[-1][0] <= t.start < objects.spans[-1][1]]
        if len(last) <= 3 and last[:1] == ["cac"]:
            continue  # "chỉ đạo các cơ quan tuyên truyền đẩy mạnh ...": the verb may be the end of the name (seed 002)
        role, at = classify(toks, objects.end_token)
        if role is None:
            continue
        for span in objects.spans:
            roles.append((span, role, _task(toks, at)))
    return roles


def _asks_for_list(text: str, toks: list[Tok], k: int, s_end: int) -> bool:
    """"..., tiếp tục yêu cầu các Sở, ban, ngành và địa phương:" (lc-bc-ks2025): the bodies asked run to the colon that
    ends the sentence, and the dashed duties under it are theirs."""
    if text[s_end : s_end + 1] != ":" or _words(toks, k, 2) not in (("yeu", "cau"), ("de", "nghi")):
        return False
    asked = parse_bodies(toks, k + 2, True)
    return asked is not None and asked.end_token >= len(toks)


_OPENINGS = sorted((tuple(p.split()) for p in _LEX["openings"]["words"]), key=len, reverse=True)
_DUTY_MARKERS = [("co", "trach", "nhiem"), ("chiu", "trach", "nhiem"), ("phai",), ("can",)]


def _subject_after_opening(toks: list[Tok], i: int) -> Optional[BodyList]:
    """The bodies after an opening phrase and its comma, when a duty follows them: "Quyết định này có hiệu lực ..., các Phó
    tổng giám đốc, các phòng ban trong Công ty chịu trách nhiệm thi hành" (dn-qd-89), "Trong quá trình tồn tại của dự án,
    Nhà đầu tư nghiêm túc thực hiện: ..." (lc-qd-2463), "Sau thời hạn nêu trên, tổ chức, cá nhân ... phải tạm dừng"
    (lc-cv-snnmt-dcks): the Vietnamese sentence puts its time, condition or ground before the subject."""
    if i >= len(toks) or _phrase_at(toks, i, _OPENINGS) is None:
        return None
    for k in range(i + 1, len(toks) - 1):
        if toks[k].text == ";" or (_phrase_at(toks, k, _DUTY_MARKERS) and toks[k].text[:1].islower()):
            return None  # "Sau khi hoàn thành ... phải báo cáo chính quyền địa phương, cơ quan ...": the duty is said, the rest are its objects
        if toks[k].text != ",":
            continue
        found = parse_bodies(toks, k + 1, True)
        if found is None or found.end_token >= len(toks):
            continue
        at = found.end_token
        if _phrase_at(toks, at, _DUTY_MARKERS) and toks[at].text[:1].islower() or is_predicate(toks, at):
            return found
    return None


_ANNOUNCING = [("thuc", "hien"), ("co", "trach", "nhiem"), ("chiu", "trach", "nhiem"), ("co", "nhiem", "vu")]


def _announces(toks: list[Tok], i: int) -> bool:
    """The predicate from `i` is only "(nghiêm túc) thực hiện", "có trách nhiệm" (with "các nội dung sau", "như sau"): it
    announces the duties listed after its colon."""
    i = _skip_adverbs(toks, i)
    p = _phrase_at(toks, i, _ANNOUNCING)
    if p is None:
        return False
    rest = [t.fold for t in toks[i + len(p) :] if t.text not in ",;"]
    return len(rest) <= 6 and (not rest or rest[-1] in ("sau", "sau:") or rest[:2] == ["nghiem", "tuc"])


def _lists_after(toks: list[Tok], i: int) -> bool:
    """The predicate from `i` ends with "... (các nội dung, nhiệm vụ) sau (đây)" before the sentence's colon: "quán triệt và
    thực hiện các nhiệm vụ sau đây:" (ttg-ct-07), "thực hiện nghiêm túc một số nội dung sau:" (lc-cv-snnmt-dcks). The duties
    are the items listed after it."""
    if _phrase_at(toks, i, [("co", "y", "kien")]):
        return False  # "Sở ... có ý kiến tham gia như sau:" (lc-cv-6791): the writer's own answer follows
    words = [t.fold for t in toks[i:] if t.text not in ",;:"]
    return len(words) <= 14 and (words[-1:] == ["sau"] or words[-2:] == ["sau", "day"])


def _says_a_duty(toks: list[Tok], i: int) -> bool:
    """A sentence without its own subject inherits one only if it has a verb of duty and does not open with a field's
    label: "Bể nước, cát chữa cháy" (a heading of a description), "Diện tích xây dựng 9,0 m2" (dn-qd-89) say no duty."""
    if _phrase_at(toks, i, _FIELD_LABELS) and toks[i].text[:1].isupper():
        return False
    return any(is_predicate(toks, k) or _phrase_at(toks, k, _DECIDING) or (k == i and _phrase_at(toks, k, _PRED_TUPLES))
               or _phrase_at(toks, k, _ADVERBS) for k in range(i, len(toks)))


def _names_a_thing(toks: list[Tok], i: int) -> bool:
    """The sentence opens with a proper name or an address, not a verb: "Tầng 24, Tòa nhà Intracom, ..." (the value of an
    address field, dn-qd-89), "Đỗ Thanh Hà" (a signer's name, bct-cv-logistic). It inherits no duty-holder."""
    if i + 1 >= len(toks) or not toks[i].text[:1].isupper() or _phrase_at(toks, i, _ADVERBS):
        return False
    verb = _phrase_at(toks, i, _PRED_TUPLES)
    if verb and all(_spelt_as(toks[i + k], w) for k, w in enumerate(_PRED_PROPER.get(verb) or ())):
        return False  # "Tầng 24" is not "tặng"
    nxt = toks[i + 1].text
    return nxt[:1].isdigit() or (nxt[:1].isupper() and nxt[1:2].islower())


# Who petitions rather than assigns: an enterprise or a person asking a public body ("Công ty đề nghị Sở Công Thương hướng
# dẫn ...", the incoming letter a Công văn answers, lc-cv-2826).
_PETITIONERS = {"cong ty", "doanh nghiep", "nha dau", "chu dau", "hop tac", "ong", "ba"}


def _asked_at(toks: list[Tok], s_end: int, text: str) -> Optional[int]:
    """Where the bodies a sentence asks by name start ("... yêu cầu các Sở, ban, ngành và địa phương:", "Đề nghị Bộ ..."), or
    None."""
    for k in range(len(toks) - 2):
        if _words(toks, k, 2) in (("yeu", "cau"), ("de", "nghi"), ("kien", "nghi")) and is_head(toks, k + 2, True) \
                and (k == 0 or toks[k].text[:1].islower()):
            return k + 2
        if toks[k].fold == "giao" and toks[k].text.lower() == "giao" and is_head(toks, k + 1 + (_words(toks, k + 1, 1) == ("cho",)), True):
            return k + 1
    return None


def _after_condition(toks: list[Tok], i: int, k: int) -> bool:
    """The ask at `k` follows a condition that opens the sentence: "Trong quá trình triển khai thực hiện, nếu có vướng mắc
    ... đề nghị các đơn vị phản hồi về Sở" (lc-cv-hoachat), "Trường hợp không có nhu cầu tiếp tục gia hạn đề nghị tổ chức,
    cá nhân thực hiện ..." (lc-cv-snnmt-dcks)."""
    return any(t.fold in ("neu", "khi") or (t.fold == "truong" and q + 1 < k and toks[q + 1].fold == "hop")
               for q, t in enumerate(toks[i:k], start=i) if t.text[:1].lower() == t.text[:1])  \
        or (i < len(toks) and toks[i].fold == "truong" and _words(toks, i + 1, 1) == ("hop",))


def _read_sentence(text, folded, s_start, s_end, inherited, closing, skip):
    toks = tokens(text, folded, s_start, s_end)
    if not toks:
        return None, []
    if closing == ASKS_ONLY:
        asked = _asked_at(toks, s_end, text)
        if asked is None and not inherited:
            return None, []  # an account of what was done, not a request
        closing = False
    i = _strip_prefixes(text, folded, toks, skip)
    # "..., Ủy ban nhân dân tỉnh yêu cầu các Sở, ban, ngành ... triển khai thực hiện": the bodies asked to act
    asking = parse_bodies(toks, i, True)
    for k in range(i, len(toks)):
        # "<issuer> yêu cầu <bodies> ...", the closing paragraph's "..., yêu cầu <bodies> ...", and a letter's
        # "Để ..., Ủy ban nhân dân tỉnh trân trọng đề nghị Bộ Xây dựng:" (lc-cv-3686): the bodies asked to act
        if not closing and (asking is None or asking.end_token != k) and not _words(toks, k - 2, 2) == ("tran", "trong") \
                and not (k > i and toks[k - 1].text == ",") and not _asks_for_list(text, toks, k, s_end) \
                and not _after_condition(toks, i, k):
            continue
        if _words(toks, k, 2) in (("yeu", "cau"), ("de", "nghi"), ("kien", "nghi")) and toks[k].text[:1].islower() and is_head(toks, k + 2, True):
            if asking is not None and asking.end_token == k and _words(toks, i, 1)[:1] and " ".join(_words(toks, i, 2)) in _PETITIONERS:
                break  # "Trong đó Công ty đề nghị Sở Công Thương hướng dẫn ..." (lc-cv-2826): an enterprise's petition, told
            i = k + 2
            break
    subjects = parse_bodies(toks, i, True)
    if subjects is None and not closing:
        subjects = _subject_after_opening(toks, i)
    info = None
    if subjects is not None and _field_value(text, folded, s_start):
        # identified, not given a duty; what the item says next is about it ("1. Nhà đầu tư\nTên doanh nghiệp: Công ty
        # ...\nGiấy chứng nhận đăng ký doanh nghiệp số ...", lc-qd-2463)
        return {"spans": subjects.spans, "heading": False}, []
    if subjects is not None:
        spans = subjects.spans
        i = subjects.end_token
        info = {"spans": spans, "heading": i >= len(toks)}
        if i >= len(toks):
            return info, []
        if text[s_end : s_end + 1] == ":" and (_announces(toks, i) or _lists_after(toks, i)):
            info["announces"] = True
            return info, []  # "Nhà đầu tư nghiêm túc thực hiện: (i) Báo cáo ..." (lc-qd-2463): the duties follow the colon
    elif closing:
        # "Trong quá trình thực hiện nếu phát hiện ... phải trao đổi ngay với Bộ Chỉ huy quân sự tỉnh ... để cùng phối
        # hợp giải quyết" (lc-gcn-banqua): the bodies worked with, even in a closing paragraph; and the letter's own
        # closing formula, "Trên đây là ý kiến của Cục Hóa chất, gửi Công ty để thực hiện" (bct-cv-logistic), "... để Quý
        # Sở nghiên cứu, thực hiện" (bct-cv-1178): whom it is for, and what they are to do
        # (a closing's "báo cáo ... về UBND tỉnh (qua Ban Thi đua - Khen thưởng) để tổng hợp" names where reports go, the
        # issuer's own office; the seeds' gold gives it no duty, 004)
        sent = [r for r in _sent_to(toks, 1, any_role=_words(toks, 0, 3) != ("trong", "qua", "trinh"))
                if r[1] == "coordinate" or (_words(toks, 0, 3) != ("trong", "qua", "trinh") and r[1] != "report")]
        return None, sent + _for_whom(toks)
    elif text[s_end : s_end + 1] == ":" and i < len(toks) and not is_predicate(toks, i) and not _phrase_at(toks, i, _ADVERBS):
        return None, []  # a field's label ("Chức danh: Tổng Giám đốc.", "Địa chỉ: ..."), not a duty of the body before it
    elif _after_field_label(text, folded, s_start):
        return None, []  # the value of such a field ("Địa chỉ thường trú: phường Hà Đông.")
    else:
        spans = list(inherited) if not _names_a_thing(toks, i) and _says_a_duty(toks, i) else []
    if not spans:
        # "Thực hiện ..., Văn phòng UBND tỉnh chuyển Văn bản nêu trên đến Sở Công Thương để chủ trì, ..." (lc-pc-466)
        return info, _sent_to(toks, 0) + _sent_to(toks, 1)
    roles: list[tuple[tuple[int, int], str, str]] = _sent_to(toks, 0)
    clause_start = i
    clause_tok_ranges = []
    k = i
    while k < len(toks):
        if toks[k].text == ";" or (toks[k].text == "," and _words(toks, k + 1, 2) == ("dong", "thoi")):
            clause_tok_ranges.append((clause_start, k))
            clause_start = k + 1
        k += 1
    clause_tok_ranges.append((clause_start, len(toks)))
    has_lead = False
    pending: list[tuple[int, int]] = []
    for c_index, (a, b) in enumerate(clause_tok_ranges):
        ctoks = toks[a:b]
        if not ctoks:
            continue
        # a clause that names its own subject ("...; Phòng Nội vụ tổng hợp ...") is read on its own
        own = parse_bodies(ctoks, 0, True) if c_index > 0 else None
        subject_spans = spans
        start_at = 0
        if own is not None and own.end_token >= len(ctoks) and c_index + 1 < len(clause_tok_ranges):
            # "...; Chủ tịch UBND xã Võ Lao; Chủ tịch UBND xã Tằng Loong và Công ty ... có trách nhiệm thi hành":
            # a clause that is only names joins the subjects of the clause after it (lc-qd-2463)
            pending += own.spans
            continue
        if own is not None and own.end_token < len(ctoks):
            subject_spans, start_at = pending + own.spans, own.end_token
        pending = []
        told = _phrase_at(ctoks, _skip_adverbs(ctoks, start_at), _TELLING)
        if told is not None and subject_spans is spans:
            q = _skip_adverbs(ctoks, start_at) + len(told)
            roles += _informed(ctoks, q)
            continue  # the writer's own act of telling is no duty
        role, at = classify(ctoks, start_at)
        if closing and role != "implement" and not (role == "report" and c_index == 0):
            # a closing paragraph asks to carry out, or to report as its one duty ("đề nghị Sở Công thương tổng hợp, báo
            # cáo theo quy định", lc-cv-6791); a plan's closing "...; báo cáo định kỳ ..." after the ask is its routine
            # reporting line, which the seeds' gold does not count (004)
            continue
        if closing and {t.fold for t in ctoks[at:] if t.text not in ",."} <= {"xem", "xet", "tong", "hop", "va", "/"}:
            continue  # a report's "trân trọng đề nghị Bộ ... xem xét, tổng hợp./." hands the report up; no duty (lc-bc-ks2025)
        if role is None:
            continue
        task = _task(ctoks, at)
        if role == "lead":
            has_lead = True
        subject_role = role
        # "phối hợp (chặt chẽ) (với) <bodies> <duty>" anywhere in the clause
        for pk in range(len(ctoks)):
            if _words(ctoks, pk, 2) == ("phoi", "hop") and (ctoks[pk].text[:1].islower() or pk == at):
                q = pk + 2
                tight = _words(ctoks, q, 2) == ("chat", "che")
                if tight:
                    q += 2
                elif _words(ctoks, q + 2, 1) == ("voi",) and not is_head(ctoks, q, True) and all(
                    t.text[:1].islower() and t.text not in ",;:" for t in ctoks[q : q + 2]
                ):
                    tight, q = True, q + 2  # "phối hợp chặt chẽ với" as OCR left it ("phối hợp chữ chế với")
                if _words(ctoks, q, 1) == ("voi",):
                    q += 1
                objects = parse_bodies(ctoks, q, True)
                rest_role = None
                if objects is not None and role == "coordinate" and _words(ctoks, objects.end_token, 2) in (("trong", "viec"), ("trong", "cong")):
                    # "phối hợp với Sở Công Thương trong việc tuyên truyền ...": the task is the named body's, the
                    # subject helps (lc-cv-hoachat)
                    for span in objects.spans:
                        roles.append((span, "implement", _task(ctoks, objects.end_token + 2)))
                    for span in subject_spans:
                        roles.append((span, "coordinate", task))
                    subject_role = None
                    break
                if objects is not None:
                    for span in objects.spans:
                        roles.append((span, "coordinate", _task(ctoks, objects.end_token)))
                    rest = objects.end_token
                    if rest < len(ctoks):
                        if ctoks[rest].text == ",":
                            rest_role, _ = classify(ctoks, rest + 1)
                        elif not tight:
                            rest_role, _ = classify(ctoks, rest)
                if role == "coordinate" and objects is None:
                    # "Ủy ban Kiểm tra Tỉnh ủy ... phối hợp kiểm tra, giám sát": the subject coordinates, and the
                    # verb after it says how (lc-qd-2463)
                    rest_role, _ = classify(ctoks, q)
                    for span in subject_spans:
                        roles.append((span, "coordinate", task))
                        if rest_role not in (None, "implement", "coordinate"):
                            roles.append((span, rest_role, task))
                    subject_role = None
                elif role == "coordinate":
                    subject_role = None
                    if tight:
                        for span in subject_spans:
                            roles.append((span, "coordinate", task))
                    if rest_role:
                        for span in subject_spans:
                            roles.append((span, rest_role, _task(ctoks, objects.end_token) if objects else task))
                elif tight and role != "lead":
                    for span in subject_spans:
                        roles.append((span, "coordinate", task))
                    if rest_role and rest_role != role:
                        for span in subject_spans:
                            roles.append((span, rest_role, task))
                break
        if subject_role is not None:
            if has_lead and subject_role == "implement" and subject_spans is spans:
                if _later_report(ctoks, at - 1):  # "Chủ trì ...; trên cơ sở đó đề xuất ..., báo cáo Thủ tướng" (ttg-ct-07)
                    for span in subject_spans:
                        roles.append((span, "report", task))
                continue
            for span in subject_spans:
                roles.append((span, subject_role, task))
            if subject_role in ("implement", "advise") and any(
                ctoks[k].text == "," and _phrase_at(ctoks, k + 1, _MONITOR) for k in range(at, min(len(ctoks), at + 8))
            ):
                # "Chịu trách nhiệm hướng dẫn, kiểm tra, theo dõi ...", "tham mưu quản lý, giám sát ...": the listed
                # verbs include watching over (lc-gp-2507)
                for span in subject_spans:
                    roles.append((span, "monitor", task))
            if subject_role != "report" and _later_report(ctoks, at):
                # "... chỉ đạo thực hiện tốt chỉ thị này và báo cáo kết quả ...", "..., kịp thời báo cáo Thủ tướng"
                for span in subject_spans:
                    roles.append((span, "report", task))
    roles += [r for r in _sent_to(toks, 1) if not (closing and r[1] == "report")]  # (a closing's report collector: see above)
    roles += _directed(toks, i)
    if info is not None and not roles and subjects is not None and _phrase_at(toks, subjects.end_token, [("co", "y", "kien")]):
        info["spans"] = []  # "Sở Công Thương có ý kiến như sau:": the writer speaks; what follows is not its duty
    return info, roles


_TOO_VAGUE = {"van phong", "doan", "so", "bo", "cuc", "phong", "ban", "hoi", "uy ban"}
_QUOTE = re.compile(r"“[^“”]{20,3000}”")  # an opening quote OCR left unclosed does not run on into the next quote
# An enterprise's full name: "Công ty cổ phần Mông Sơn", "Công ty TNHH Đại Đồng Tiến", "Công ty Cổ phần đầu tư hạ
# tầng Châu Giang" (lowercase words, then the proper name).
_ENTERPRISE = re.compile(r"Công\s+ty\s+(?:[Cc]ổ\s+phần|CP|TNHH|[Tt]rách\s+nhiệm\s+hữu\s+hạn)(?:\s+MTV|\s+một\s+thành\s+viên)?"
                         r"(?:\s+[a-zà-ỹđ]+){0,6}?(?:[ \t]+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)+")


_ENTERPRISE_TYPE = re.compile(r"Công\s+ty\s+(?:[Cc][ổô]\s+phần|CP|TNHH|[Tt]rách\s+nhiệm\s+hữu\s+hạn)(?:\s+MTV|\s+một\s+thành\s+viên)?")
_NAME_WORD = re.compile(r"[ \t\n]*([^\s,;:.()“”\"]+)")


def _enterprise_end(text: str, start: int) -> Optional[int]:
    """The end of an enterprise's name at `start`: its type, then words up to the last capitalised one before the verb.

    A name holds verbs and small words ("Công ty Cổ phần Khai thác vật liệu xây dựng Miền Bắc", lc-gp-2507; "Công ty TNHH
    Thương mại\nHải Đăng", bct-qd-26) that would end a body's name elsewhere; the name runs on while a capitalised word
    follows within six words, and ends at a modal or a punctuation mark ("... Miền Bắc phải thực hiện")."""
    m = _ENTERPRISE_TYPE.match(text, start)
    if m is None:
        return None
    pos, last, words = m.end(), None, []
    for _ in range(12):
        w = _NAME_WORD.match(text, pos)
        if w is None or w.group(1).lower() in _BODY_STOPS or w.group(1).lower() == "có":
            break
        gap = text[pos : w.start(1)]
        if "\n" in gap and (w.group(1) in ("-", "–", "+", "•") or re.fullmatch(r"\d+[.)]|[a-zđ]\)", w.group(1))
                            or gap.count("\n") > 1 or _FIELD_LINE.match(text, w.start(1))):
            break  # the next line is an item of a list ("Kính gửi: Công ty ...\n- Lựa chọn ..."), a field ("Địa chỉ: ...")
        words.append((w.group(1), w.end(1)))
        pos = w.end()
    for k, (word, end) in enumerate(words):
        if word[:1].isupper():
            last = end
        elif not any(x[:1].isupper() for x, _ in words[k + 1 : k + 7]):
            break
        elif last is not None and any(tuple(fold(x).lower() for x, _ in words[k : k + len(p)]) == p for p in _PRED_TUPLES) \
                and not any(x[:1].isupper() for x, _ in words[k + 1 : k + 3]):
            break  # "Công ty TNHH Tân Phú thực hiện báo cáo Sở ...": a verb after the proper name, not "xây dựng Miền Bắc"
    return last


def _full_enterprise(text: str, at: int) -> Optional[str]:
    """"Công ty" alone stands for the enterprise the letter last named in full (gold/real/README: mentions
    'Công ty' canonicalised to the full name)."""
    names = [m for m in _ENTERPRISE.finditer(text, 0, at) if len(m.group().split()) >= 4]
    if not names:
        return None
    end = _enterprise_end(text, names[-1].start())  # "Công ty TNHH Thương mại\nHải Đăng": small words inside the name
    return squash(text[names[-1].start() : max(end or 0, names[-1].end())])


# The one addressee of a letter or notice ("Kính gửi: Sở Công Thương tỉnh Lào Cai", Nghị định 30/2020 Phụ lục I, ô 9a),
# on its line; a list of dashed addressees names no single one.
_ONE_ADDRESSEE = re.compile(r"(?m)^[ \t]*K[íi]nh g[ửu]i[ \t]*:[ \t]*(?P<name>[^\s\-–][^\n]*?)[ \t]*[.;]?[ \t]*$(?![ \t]*\n[ \t]*[-–+])")
# "... Công ty Cổ phần Logistic Việt Trung (sau đây gọi là Công ty)" (bct-cv-logistic): the document's own short name.
_DEFINED_AS = re.compile(r"\((?:sau đây )?gọi (?:tắt )?là\s*[“\"]?(?P<alias>[^()”\"]{2,30}?)[”\"]?\s*\)")
# An investment certificate names its investor under "Chứng nhận nhà đầu tư:" ("Tên doanh nghiệp: Công ty ...", Luật Đầu tư
# 2020's certificate form; lc-gcn-banqua): "Nhà đầu tư" in its articles is that enterprise.
_CERTIFIED_INVESTOR = re.compile(r"Chứng nhận nhà đầu tư\s*:\s*(?:\n[ \t]*)?Tên (?:doanh nghiệp|tổ chức kinh tế|nhà đầu tư)\s*:\s*(?P<name>[^\n.;]+)")
# Words that stand for the enterprise a letter is addressed to or an investment document names: "Công ty", "chủ đầu tư",
# "nhà đầu tư" (lc-tb-ngoinhu: a notice to the investor of a works; gold/real/README: 'Công ty' is the full name).
_ENTERPRISE_ROLES = {"cong ty", "chu dau tu", "nha dau tu"}


@dataclass
class Aliases:
    """Who the document's short names stand for."""
    addressee: Optional[str] = None
    defined: dict = field(default_factory=dict)  # folded short name -> full name


def aliases(text: str) -> Aliases:
    out = Aliases()
    m = _ONE_ADDRESSEE.search(text)
    if m is not None:
        out.addressee = canonical_body(m["name"])
    for d in _DEFINED_AS.finditer(text):
        named = [e for e in _ENTERPRISE.finditer(text, max(0, d.start() - 200), d.start()) if text[e.end() : d.start()].strip() == ""]
        if named:
            end = _enterprise_end(text, named[-1].start()) or named[-1].end()
            out.defined.setdefault(fold(d["alias"].strip()).lower(), squash(text[named[-1].start() : max(end, named[-1].end())]))
    c = _CERTIFIED_INVESTOR.search(text)
    if c is not None:
        out.defined.setdefault("nha dau tu", canonical_body(c["name"]))
    if out.addressee and _ENTERPRISE_TYPE.match(out.addressee):
        for role in _ENTERPRISE_ROLES:
            out.defined.setdefault(role, out.addressee)
    return out


def _resolve(name: str, known: Aliases) -> str:
    """A short name written out: "Công ty", "Chủ đầu tư" as the document defines them; "Quý Sở" (the courteous "you"
    of a letter, Nghị định 30/2020 Phụ lục I) is the addressee; a name that is the addressee with a word OCR dropped
    ("Cục quan" for "Cục Hải quan", bct-cv-813) is the addressee."""
    key = fold(name).lower()
    if key in known.defined:
        return known.defined[key]
    if key.startswith("quy ") and len(key.split()) <= 3:
        return known.addressee or name[4:].strip()
    if known.addressee:
        words, full = key.split(), fold(known.addressee).lower().split()
        if 2 <= len(words) < len(full) and words[0] == full[0] and words[-1] == full[-1] and _subsequence(words, full):
            return known.addressee
    return name


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _one_spelling(a: str, b: str) -> bool:
    """Two spellings of one body: as many words (OCR slips), with or without "các" ("Bộ ngành liên quan"), or the later
    mention leaving out the parent body ("trực thuộc (Sở)"); not "các Bộ, ngành liên quan (khác)", "(các) địa phương"."""
    wa, wb = (re.findall(r"\w+", fold(x).lower()) for x in (a, b))
    wa, wb = (w[1:] if w[:1] == ["cac"] else w for w in (wa, wb))
    short, long = sorted((wa, wb), key=len)
    return len(wa) == len(wb) or (long[: len(short)] == short and all(w in _BODY_WORDS for w in long[len(short) :]))


def _to_items(text: str, assignments: list[Assignment]) -> list[Responsibility]:
    out: list[Responsibility] = []
    seen: set[tuple[int, str]] = set()
    names: list[str] = []
    known = aliases(text)
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    for a in assignments:
        start, end = a.body_span
        if any(qs < start < qe for qs, qe in quotes):
            continue  # duties inside a quoted article are the content of the law quoted, not this document's
        while end > start and text[end - 1] in " \t\n,;:.":
            end -= 1
        cut = text.find("(", start, end)
        if cut > start and text.find(")", cut, end) < 0:
            end = cut  # "Cục Hóa chất (mã số ...": an aside the clause cut open
            while end > start and text[end - 1] in " \t\n,;:.":
                end -= 1
        whole = _enterprise_end(text, start)
        if whole is not None and whole > end:
            end = whole  # "Công ty Cổ phần Khai thác vật liệu xây dựng Miền Bắc": the verb inside is the name's
        name = canonical_body(text[start:end])
        if fold(name) in _TOO_VAGUE:
            continue  # "Văn phòng", "Đoàn": a head without its name says nobody in particular
        resolved = _resolve(name, known)
        if resolved != name:
            name = resolved
        elif fold(name) == "cong ty":
            name = _full_enterprise(text, start) or name
        if not name or fold(name) in ("ong", "ba", "cac"):
            continue  # "1. Ông: Hoàng Văn Thuân - ...": the person is read by `team_members`
        if fold(name).startswith("don vi "):  # "..., đơn vị trực thuộc Sở": a class of units, as its siblings
            name = "Các " + name[:1].lower() + name[1:]
        # one spelling per body: OCR variants of a name ("Phòng Nội vu", "Phòng Nội vụ") and a name whose tail a later
        # mention leaves out ("các đơn vị sự nghiệp trực thuộc (Sở)", seed 003) are one; a name with a word more or less
        # inside is written as the document writes it ("các Bộ, ngành và (các) địa phương liên quan", ttg-ct-07)
        same = next((n for n in names if n != name and same_body(n, name) and _one_spelling(n, name)), None)
        if same is not None:
            name = same  # one spelling per body in a document
        elif name not in names:
            names.append(name)
        if (start, a.role) in seen:
            continue
        seen.add((start, a.role))
        out.append(Responsibility(text=text[start:end], start=start, end=end, body=name, role=a.role, task=a.task or None))
    return out
