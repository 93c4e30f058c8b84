"""The role a clause gives its bodies, from its verb.

Owns `classify`: chủ trì -> lead, tham mưu -> advise, (tổng hợp,) báo cáo / gửi báo cáo -> report, theo dõi / kiểm
tra / đôn đốc / giám sát -> monitor, phối hợp -> coordinate, any other duty -> implement; None for what is no duty (a
fact reported, a finding, a right, a request passed on). Adverbs, grounds ("căn cứ chức năng, nhiệm vụ") and opening
phrases before the verb are read past (gold/README.md's roles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from vnplan.bodies import squash
from vnplan.responsibilities.names import (
    Tok, _LEX, _lowercase, _phrase_at, _spelt_as, _words, is_predicate, near_predicate
)


# ---------------------------------------------------------------- roles

_ADVERBS = [
    ("co", "trach", "nhiem"), ("chu", "dong"), ("thuong", "xuyen"), ("tich", "cuc"), ("hang", "nam"), ("dinh", "ky"),
    ("dong", "thoi"), ("tiep", "tuc"), ("kip", "thoi"), ("chiu", "trach", "nhiem"),
    ("nghiem", "tuc"), ("nghiem", "chinh"),  # "Nhà đầu tư nghiêm túc thực hiện báo cáo ..." (lc-qd-2463): the verb follows
    ("duoc", "giao"), ("duoc", "phan", "cong"),  # "Sở ... được giao tham mưu ...": assigned, the duty's verb follows
]
_MONITOR = [("theo", "doi"), ("kiem", "tra"), ("don", "doc"), ("giam", "sat")]
# "tổng hợp kết quả(,) báo cáo UBND tỉnh" (a plan's standing body); "gửi Báo cáo kết quả kiểm định về Sở" (lc-cv-2826), "nộp báo cáo", "thực hiện (chế độ) báo cáo" (lc-cv-snnmt-dcks): the duty
# is the report itself; "phản hồi vướng mắc về Sở Công Thương" (lc-cv-hoachat): reporting back.
_REPORT = [("bao", "cao"), ("tong", "hop", ",", "bao", "cao"), ("tong", "hop", "bao", "cao"), ("tong", "hop", ",", "xay", "dung", "bao", "cao"),
           ("tong", "hop", "ket", "qua", "bao", "cao"), ("tong", "hop", "ket", "qua", ",", "bao", "cao"),
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
        if toks[i].text.lower() in ("phải", "cùng") and i + 1 < len(toks) and is_predicate(toks, i + 1):
            i += 1  # "cán bộ kỹ thuật, tổ trưởng tổ nổ mìn, phải tiến hành kiểm tra", "... cùng kiểm tra" (blasting plans): the verb follows
            moved = True
            continue
        if toks[i].text == "," or re.fullmatch(r"\((?:[ivx]{1,4}|\d{1,2}|[a-zđ]|\w{0,3})\)\.?", toks[i].text):
            # "(i) Báo cáo giám sát ...": an enumerator inside the paragraph (lc-qd-2463), also as a scan leaves it ("()",
            # "(1ñ)": provincial investment decisions on copier scans)
            i += 1
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
        if toks[i].fold == "la" and toks[i].text.lower() == "là" and (i == start or _words(toks, start, i - start) in _ADVERBS):
            # also after an adverb: "Sở ... tiếp tục là cơ quan thường trực, tham mưu ..." (a report's tasks ahead)
            # "Là cơ quan thường trực, chủ trì, phối hợp ..." (a plan's standing body): the duty follows the apposition
            # (the standing body of a programme whose name is long: "Là cơ quan thường trực Chương trình mục tiêu quốc gia xây
            # dựng nông thôn mới, chủ trì ...")
            k = next((k for k in range(i + 1, min(len(toks), i + 26)) if toks[k].text == "," and is_predicate(toks, k + 1)), None)
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
        if _words(toks, i, 2) == ("can", "cu") or _words(toks, i, 3) in (("theo", "chuc", "nang"), ("theo", "linh", "vuc")):
            # also "theo lĩnh vực được phân công theo dõi, đôn đốc ..." (the members of a steering committee, each for
            # the field given to it)
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
                  ("trien", "khai")] + _MONITOR


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
        if toks[k].text == "," or toks[k].fold == "va" or (toks[k].text == "phải" and k > at + 1):
            # "..., trường hợp vượt thẩm quyền ... không ngăn chặn được phải kịp thời báo cáo Ủy ban nhân dân tỉnh" (lc-bc-ks2025)
            q = k + 1 + (1 if _words(toks, k + 1, 1) == ("phai",) else 0)
            q += 2 if _words(toks, q, 2) == ("kip", "thoi") else 0
            q += 1 if _words(toks, q, 1) == ("gui",) and toks[q].text == "gửi" else 0  # "..., gửi báo cáo về Sở Nội vụ"
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
    if _words(toks, i, 1) == ("la",):
        # "Giao cho ông Đỗ Quang Nhõn là người đại diện theo pháp luật của Công ty ... để chấp hành" (bct-qd-26; Nghị định
        # 118/2021/NĐ-CP, the form of a sanction decision): who the body is, then its duty after "để"
        k = next((k for k in range(i + 1, len(toks)) if toks[k].text == "để" and is_predicate(toks, k + 1)), None)
        if k is not None and not any(t.text == ";" for t in toks[i:k]):
            return classify(toks, k + 1)
    if _phrase_at(toks, i, [("la",), ("phan", "anh"), ("yeu", "cau"), ("de", "nghi"), ("co", "quyen"), ("chuyen",), ("nhan", "duoc"), ("co", "the"),
                           ("cho", "phep"), ("duoc", "phep")]):
        # "nhận được hồ sơ": what a body receives (bct-cv-logistic, lc-cv-3686); "Bộ Công Thương cho phép:" the issuer's
        # grant in a licence (Giấy phép forms), no duty of its own
        return None, i
    if _phrase_at(toks, i, [("co", "y", "kien")]) and (_words(toks, i + 3, 2) == ("nhu", "sau") or _words(toks, i + 3, 1) == (":",)
                                                        or _words(toks, i + 3, 3) == ("tham", "gia", "nhu")):
        return None, i  # "Sở Công Thương có ý kiến như sau:": the writer's own answer, not a duty
    return "implement", i


_OPENINGS = sorted((tuple(p.split()) for p in _LEX["openings"]["words"]), key=len, reverse=True)
_DUTY_MARKERS = [("co", "trach", "nhiem"), ("chiu", "trach", "nhiem"), ("phai",), ("can",)]
