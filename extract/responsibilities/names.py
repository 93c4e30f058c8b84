"""Which words name a body: tokens, the verbs that end a name, the heads that start one, and lists of bodies.

Owns the token view (`tokens`, `Tok`), `is_predicate` / `near_predicate` (a verb, also one OCR slip off), `is_head`
(the head of a body's name: Sở, Phòng, UBND, Công ty, "các đơn vị", ...), `parse_bodies` (the bodies listed from a
token: "Các sở, ban, ngành, UBND các huyện, thị xã và các doanh nghiệp"), the names a document gives in full (its
addressee, "Theo đề nghị của ...", known departments, enterprises) and `aliases` (what "Công ty", "Chủ đầu tư", "Quý
Sở" stand for in a document). Word lists are data (`extract/lexicon/entities/responsibilities.yaml`).
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Optional

from vnplan.bodies import canonical_body, fold, near, squash
from vnplan.entity_lexicon import load


# ---------------------------------------------------------------- tokens and body lists

_TOKEN = re.compile(r"\([^()]*\)|[^\s,;:()]+|[,;:]")

_LEX = load("responsibilities")
_CAC_NOUNS = set(_LEX["cac_nouns"]["words"])
_CAPITAL_HEADS = set(_LEX["capital_heads"]["words"])
_LOWER_HEADS_FIRST = set(_LEX["lower_heads_first"]["words"])
_LOWER_HEADS_MID = set(_LEX["lower_heads_mid"]["words"])
_NOT_HEADS = set(_LEX["not_heads"]["words"])
_POSITIONS = sorted((tuple(p.split()) for p in _LEX["positions"]["words"]), key=len, reverse=True)
_POSITION_FOLDS = {tuple(fold(w) for w in p): p for p in _POSITIONS}
_POSITION_OPEN = {tuple(fold(p).split()) for p in _LEX["positions"]["position_open"]}
_POSITION_OBJECTS = {tuple(fold(p).split()) for p in _LEX["positions"]["position_objects"]}
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


# A page number on a line of its own, as a PDF's text layer gives a page's footer ("- 31 -": enterprise plans).
_PAGE_MARK = re.compile(r"(?m)(?:^|(?<=\f))[ \t]*[-–][ \t]*\d{1,3}[ \t]*[-–][ \t]*(?=\n|\f|\Z)")


def tokens(text: str, folded: str, start: int, end: int) -> list[Tok]:
    """The tokens of text[start:end]; a word's folded form leaves out the full stop that ends its sentence ("để tổng hợp.")."""
    out = []
    marks = [(m.start(), m.end()) for m in _PAGE_MARK.finditer(text, start, end)]
    for m in _TOKEN.finditer(text, start, end):
        if marks and any(a <= m.start() < b for a, b in marks):
            continue  # a page's number between two lines of a sentence ("... người chỉ huy nổ mìn và\n- 31 -\nthợ mìn ...")
        f = folded[m.start() : m.end()]
        if f.endswith(".") and f[:-1].isalpha():
            f = f[:-1]
        elif re.fullmatch(r"[a-z]+\.\d{1,2}", f):
            f = f[: f.index(".")]  # "chấp hành.3": a footnote mark glued to the full stop (bct-qd-26)
        out.append(Tok(m.group(), f, m.start(), m.end()))
    return out


def _words(toks: list[Tok], i: int, n: int) -> tuple[str, ...]:
    return tuple(t.fold for t in toks[i : i + n])


_BY_FIRST: dict[int, tuple[object, dict[str, list]]] = {}  # id of a long phrase list -> (the list, phrases by first word)


def _phrase_at(toks: list[Tok], i: int, phrases) -> Optional[tuple[str, ...]]:
    """The first of `phrases` (folded word tuples, longest first) that the tokens from `i` spell."""
    if i >= len(toks):
        return None
    if len(phrases) > 8:  # the module's word lists: looked up by their first word
        entry = _BY_FIRST.get(id(phrases))
        if entry is None or entry[0] is not phrases:
            index: dict[str, list] = {}
            for p in phrases:
                index.setdefault(p[0], []).append(p)
            entry = _BY_FIRST[id(phrases)] = (phrases, index)
        phrases = entry[1].get(toks[i].fold, ())
    for p in phrases:
        if _words(toks, i, len(p)) == p:
            return p
    return None


# Words whose second syllable alone would read as a verb: "Chương trình", "Tuyên giáo", "phụ trách".
_COMPOUNDS = {("chuong", "trinh"), ("tuyen", "giao"), ("ban", "giao"), ("phu", "trach"), ("giao", "duc"), ("bao", "cao"),
              ("ban", "quan"),
              ("cong", "trinh"),
              ("dong", "bao")}  # "vùng đồng bào dân tộc thiểu số" (Quyết định 1719/QĐ-TTg's programme): "bào dân" is no slip of "bảo đảm"  # "đại diện chủ công trình" (the works' owner, blasting plans), not "trình" (submit)  # "Ban quản lý KKT, KCN" (ttg-ct-07), "Ban Quản lý dự án" (lc-cv-6791)


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
    if i > 0 and (toks[i - 1].fold, toks[i].fold) in _COMPOUNDS:
        return None  # the second syllable of a compound noun ("đồng bào") starts no verb
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
    if p == ("giao",) and _words(toks, i + 1, 1) == ("thong",):
        return False  # "lực lượng điều tiết giao thông" (traffic), not "giao" (assign): blasting plans' traffic measures
    if p == ("quyet", "dinh") and _words(toks, i - 1, 1) == ("nguoi",):
        return False  # "cơ quan chuyên môn trực thuộc người quyết định đầu tư" (Luật Xây dựng's investment decider; appraisal notices)
    if p == ("tang",) and _words(toks, i + 1, 1) == ("cuong",):
        return True
    return True


_PROPER = {"so": "sở", "phong": "phòng", "bao": "báo", "dai": "đài", "hoi": "hội", "bo": "bộ", "ban": "ban", "cac": "các",
           "dang": "đảng", "doan": "đoàn", "cong": "công", "xa": "xã", "huyen": "huyện", "thu": "thủ", "chu": "chủ",
           "truong": "trưởng", "thue": "thuế"}


def _spelt_as(tok: Tok, proper: str) -> bool:
    """A marked word must be the marked word we mean ("số" is not "Sở"); an unmarked one may have lost its marks."""
    low = tok.text.lower()
    return low == proper or low == tok.fold or fold(low) != tok.fold  # the last: OCR digits read as letters ("c6")


def _person_named(toks: list[Tok], i: int) -> bool:
    """Two or more capitalised syllables from `i`: a person's name ("Đỗ Quang Nhõn")."""
    n = 0
    while i + n < len(toks) and toks[i + n].text[:1].isupper() and toks[i + n].text[1:].islower():
        n += 1
    return n >= 2


def position_at(toks: list[Tok], i: int) -> int:
    """The number of words of the enterprise or team position ("Chỉ huy nổ mìn", "thợ mìn", "cán bộ kỹ thuật") spelt from
    token `i` (marks and all: "thơ" is not "thợ"), or 0."""
    for folded, proper in _POSITION_FOLDS.items():
        if _words(toks, i, len(folded)) == folded and all(_spelt_as(toks[i + k], w.lower()) for k, w in enumerate(proper)):
            return len(folded)
    return 0


def _person_before_position(toks: list[Tok], i: int) -> bool:
    """"người chỉ huy nổ mìn": the person who holds the position (blasting plans)."""
    return i < len(toks) and toks[i].text.lower() == "người" and position_at(toks, i + 1) > 0


def is_head(toks: list[Tok], i: int, first: bool) -> bool:
    if i >= len(toks):
        return False
    t = toks[i]
    if position_at(toks, i) or _person_before_position(toks, i):
        return True
    if t.fold in _PROPER and not _spelt_as(t, _PROPER[t.fold]) and not (
            t.text[:1].isupper() and " ".join(_words(toks, i, 4)) in _CAPITAL_HEADS):
        # "số" is not "Sở", "bảo" not "Báo"; but a head of four words is its own spelling ("Bảo hiểm xã hội tỉnh")
        return False
    if t.fold == "phong" and _words(toks, i + 1, 1) == ("trao",):
        return False
    if t.fold == "ban" and _words(toks, i + 1, 1) == ("hanh",) and toks[i + 1].text.lower() == "hành":
        return False  # "Điều 1. Ban hành kèm theo Quyết định này ...": the verb, not a Ban
    two = " ".join(_words(toks, i, 2))
    one = t.fold
    if two == "tat ca" and _words(toks, i + 2, 1) in (("nhung",), ("cac",)):
        return is_head(toks, i + 2, first)  # "yêu cầu tất cả những người làm việc liên quan đến VLNCN" (blasting plans)
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
    if t.text.lower().rstrip(".") in ("ông", "bà", "ong") and _person_named(toks, i + 1):
        return True  # "Giao cho ông Đỗ Quang Nhõn ..." (bct-qd-26): a person told to act, named in full
    if t.text == "Quý" and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
        return is_head(toks, i + 1, first)  # "Quý Sở", "Quý Cơ quan": a letter's courteous "you" (bct-cv-1178)
    heads = {one, two, " ".join(_words(toks, i, 3)), " ".join(_words(toks, i, 4))}  # "chủ đầu tư", "phó tổng giám đốc"
    if damaged_so(toks, i):
        return True
    if two in _NOT_HEADS:
        return False
    if two == "lanh dao" and not (i + 2 < len(toks) and (toks[i + 2].text[:1].isupper() or toks[i + 2].fold == "cac")):
        return False  # "Lãnh đạo Sở", "Lãnh đạo các đơn vị" are bodies; "- Lãnh đạo, chỉ đạo thực hiện ..." is the verb
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
    if not closed:
        j, closed = _past_position(toks, i, cur, j)
    while j < len(toks) and not closed:
        t = toks[j]
        if t.text.startswith("("):
            j += 1
            continue
        if t.text in (",", ";", ":") or t.fold == "va" or t.text == "hoặc":
            if t.text == ":":
                break
            if is_head(toks, j + 1, False) and not _ban_of_so(toks, cur, j) and not _joint_office(toks, cur, j) \
                    and not _persons_too(toks, cur, j) \
                    and not _localities_too(toks, cur, j):
                spans.append((cur[0], cur[1]))
                cur = [toks[j + 1].start, toks[j + 1].end]
                head = j + 1
                j, words_in_body = _past_known_name(toks, head, cur, j + 2, 1)
                j, words_in_body, closed = _past_department(toks, head, cur, j, words_in_body)
                if not closed:
                    j, closed = _past_position(toks, head, cur, j)
                continue
            if t.text == "hoặc":
                # "Người chỉ huy nổ mìn hoặc người được giao nhiệm vụ và đại diện chủ công trình cùng kiểm tra" (blasting
                # plans): a stand-in described, not named, is read past to the next body of the list
                nxt = next((k for k in range(j + 1, min(len(toks), j + 8)) if toks[k].text in (",", ";") or toks[k].fold == "va"), None)
                if nxt is not None and is_head(toks, nxt + 1, False):
                    j = nxt
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
        if t.text.lower() == "nhận" and _words(toks, j + 1, 2) == ("uy", "thac"):
            # "các hội, đoàn thể nhận ủy thác" (the mass organisations that take on the social-policy bank's lending,
            # Nghị định 78/2002/NĐ-CP on policy credit): what names the class, not something the body receives
            cur[1] = toks[j + 2].end
            j += 3
            continue
        if is_predicate(toks, j) or (j > i + 1 and near_predicate(toks, j)) or t.text.lower() in _BODY_STOPS:
            break
        if t.text.lower() == "cùng" and is_predicate(toks, j + 1):
            break  # "... đại diện chủ công trình cùng kiểm tra" (not "cùng cấp", which is part of a name)
        if t.text.lower() == "như" and j > i + 1 and j + 1 < len(toks) and toks[j + 1].text[:1].isupper():
            break  # "UBND các huyện có tỷ lệ hộ nghèo cao như Tuy Đức, Đắk Glong phải ...": the class, then its examples
        if t.text.lower() == "được" and _words(toks, j + 1, 1) in (("giao",), ("phan",)) and not _relative_clause(toks, cur, j + 1):
            break  # "UBND tỉnh được giao tổ chức triển khai ...": assigned, its duty follows (not "các đơn vị được giao ... có trách nhiệm")
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


def _past_position(toks: list[Tok], i: int, cur: list[int], j: int) -> tuple[int, bool]:
    """(next token, closed) past a position at token `i` ("người" before it too), with `cur` stretched over it; a post named
    by the work it does takes that work's verb into its name ("lực lượng đảm bảo giao thông", blasting plans' traffic
    plans). `closed` when the position is a whole name and no list separator follows: the next word starts its duty."""
    if j != i + 1:
        return j, False
    at = i + 1 if _person_before_position(toks, i) else i
    n = position_at(toks, at)
    if not n:
        return j, False
    end = at + n
    if _words(toks, at, n) in _POSITION_OBJECTS and is_predicate(toks, end):
        end += len(_phrase_at(toks, end, _PRED_TUPLES))
    cur[1] = toks[end - 1].end
    if _words(toks, at, n) in _POSITION_OPEN or end >= len(toks):
        return end, False
    return end, toks[end].text not in (",", ";", "và", "hoặc") and not toks[end].text.startswith("(")


def _relative_clause(toks: list[Tok], cur: list[int], j: int) -> Optional[int]:
    """A class of bodies named by what they do, before the duty marker: "các nhà thầu tham gia xây dựng công trình chịu
    trách nhiệm ..." (lc-tb-ngoinhu), "các đơn vị được giao ... có trách nhiệm": the verb at `j` is part of the name when
    "chịu/có trách nhiệm" follows within a few words, without a comma. The index of the marker, or None."""
    if not fold(toks_text(toks, cur)).lower().startswith("cac "):
        return None
    for k in range(j + 1, min(len(toks), j + 11)):
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


def _joint_office(toks: list[Tok], cur: list[int], j: int) -> bool:
    """'Văn phòng HĐND và UBND huyện' is one body: the office that serves both the council and the committee of a district
    (Nghị định 37/2014/NĐ-CP and 108/2020/NĐ-CP, the district's specialised bodies)."""
    current = fold(" ".join(t.text for t in toks if cur[0] <= t.start < cur[1])).lower()
    return current in ("van phong hdnd", "van phong hoi dong nhan dan") and toks[j].fold == "va" and (
        _words(toks, j + 1, 1) == ("ubnd",) or _words(toks, j + 1, 4) == ("uy", "ban", "nhan", "dan"))


def _ban_of_so(toks: list[Tok], cur: list[int], j: int) -> bool:
    """'Ban Thi đua - Khen thưởng, Sở Nội vụ' is one body: the Ban of the Sở."""
    current = fold(" ".join(t.text for t in toks if cur[0] <= t.start < cur[1]))
    return current.startswith("ban thi dua") and _words(toks, j + 1, 1) == ("so",) and toks[j + 1].text[:1].isupper()
# A line that opens with a short label and its colon ("Địa chỉ trụ sở: Tầng 24 ...", dn-qd-89) starts anew, however full
# the line before it.
_FIELD_LINE = re.compile(r"[ \t]*[A-ZĐÀ-Ỹ][^\n:;,.]{0,30}:[ \t]")
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
    if out.addressee and (_ENTERPRISE_TYPE.match(out.addressee) or re.match(r"Tổng\s+[Cc]ông\s+ty\s+\S", out.addressee)):
        # a corporation ("Kính gửi: Tổng công ty Khoáng sản TKV - CTCP", an appraisal notice to the investor) is "Công ty" too
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
