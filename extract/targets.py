"""Targets: the numeric goals a plan sets ("giảm tỷ lệ hộ nghèo bình quân từ 2-2,5%/năm") and the planned quantities a
decision or licence sets ("Tổng vốn đầu tư: 5.171.344.000.000 đồng").

Owns `find_targets(text) -> list[Target]`: planned quantities (`find_quantities`: a label of the lexicon, or money a plan
raises, and its value and unit), percentages (`_percent_target`), and counts and multiples (`target_counts`).
A percentage's indicator is read, in this order, between the verb and the value ("giảm tỷ lệ hộ nghèo bình quân 3%"),
as the "tỷ lệ ..." subject before the verb that is followed by nothing but fillers ("Tỷ lệ trường học đạt chuẩn quốc gia
đạt 60%"), after the value ("100% hộ nghèo được ..."), or from the previous target ("riêng các huyện nghèo giảm 4%/năm":
its scope). The direction comes from the verb ("giảm", "còn", "xuống" decrease; "tăng", "nâng", "lên" increase; "duy
trì" maintain); "/năm", "mỗi năm", "hằng năm" give per="year"; "đến (cuối/hết) năm 2025", "vào năm 2025", a line headed
"Năm 2024:" give by_year; a place restriction ("ở các huyện nghèo", "của huyện") is cut off a rate's indicator.
Not targets: facts of the past ("đã", "giảm được", "vượt kế hoạch", a part headed "Kết quả"/"Tình hình"), starting values
("từ 9,18% ... xuống còn 4,5%"), conditions ("có tỷ lệ hộ nghèo từ 40% trở lên", "cao hơn 125%", "không quá 50%", a
sentence opened by "Trường hợp"/"Nếu"/"Khi"), rates to compute with, funding sources, quoted names.
Vietnamese numbers: "5.171" is 5171, "2,5" is 2.5.
"""

from __future__ import annotations

import re
from bisect import insort
from typing import Optional

from vnplan.bodies import fold, loose_fold, near, squash
from vnplan.entity_lexicon import load
from vnplan.models import Target
from vnplan.target_counts import find_counts, find_multiples, inside, spans_of

_NUM = r"\d+(?:[,.]\d+)?"
_PERCENT = re.compile(
    rf"(?P<from>tu\s+)?(?P<v>{_NUM})(?:\s*-\s*(?P<v2>{_NUM}))?\s*(?P<unit>%|diem\s*%|diem phan tram)"
    rf"(?P<per>\s*/\s*nam)?(?P<up>\s+tro\s+len)?"
)
# "còn", "xuống (còn/dưới)", "lên" count as verbs only right before the value ("giảm tỷ lệ hộ nghèo xuống còn 6,5%",
# "nâng tỷ lệ lao động qua đào tạo lên 60%": the subject sits between the first verb and these)
_VALUE_NEXT = r"(?=\s+(?:duoi|khoang|muc|tren|it\s+nhat|\d))"
_VERBS = re.compile(rf"(?<!\w)(giam con|giam|xoa|tang len|tang|nang|duy tri|dat|dam bao|phan dau|xuong con{_VALUE_NEXT}"
                    rf"|xuong{_VALUE_NEXT}|con{_VALUE_NEXT}|len{_VALUE_NEXT})(?!\w)")
_DIRECTION = {"giam con": "decrease", "giam": "decrease", "xoa": "decrease", "tang len": "increase", "tang": "increase",
              "nang": "increase", "duy tri": "maintain", "dat": "reach", "dam bao": "reach", "phan dau": "reach",
              "xuong con": "decrease", "xuong": "decrease", "con": "decrease", "len": "increase"}
_FILLER = re.compile(r"(?<!\w)(binh quan|moi nam|hang nam|tu|khoang|on dinh|o muc|muc|con|xuong|len|duoc|it nhat|toi thieu|tren|duoi)(?!\w)")
# filler words left at the end of an indicator read between the verb and the value ("giảm tỷ lệ hộ nghèo xuống dưới")
_TRAILING_FILLER = re.compile(r"(?:\s+(?:xuong|con|duoi|len|tren|khoang|o\s+muc|muc|on\s+dinh|dat|giam|tang|toi\s+thieu|it\s+nhat))+\s*$")
_CLAUSE_BREAK = re.compile(r"[;.:()]|\n\s*[-+]\s|\n\s*[a-z0-9]{1,3}[.)]\s")
_INDICATOR_CUT = re.compile(
    r"\s+(?P<w>(?:vao|trong|den|toi)\s+(?:(?:cuoi|het)\s+)?nam\s+(?:19|20)\d\d|so\s+voi|ve|theo\s+quy\s+dinh|giai\s+doan|tai\s+cac|nham|de|dong\s+thoi|tren\s+dia\s+ban|cua\s+tinh|cua\s+huyen"
    r"|o\s+(?:cac|khu\s+vuc|vung)|tai\s+(?:khu\s+vuc|vung)|moi\s+nam|hang\s+nam)(?!\w)|\s*/\s*nam(?!\w)"
    r"|[,;.:()]\s*(?:giai\s+doan|dong\s+thoi|nham|de|voi|tuong\s+(?:ung|duong))(?!\w)|[;.:()]"
)
# a place restriction after a rate's subject is its scope, not its indicator ("tỷ lệ hộ nghèo của huyện", "... ở khu vực
# thành thị", "... tại các xã đặc biệt khó khăn"; typical forms of provincial poverty plans)
# (and "tỷ lệ hộ nghèo từ 8,5% xuống còn dưới 4%": the starting value is no part of the subject)
_PLACE_SCOPE = re.compile(r"\s+(?:o|tai)\s+(?=(?:cac|khu\s+vuc|vung)(?!\w))")
_SUBJECT_CUT = re.compile(r"\s+(?:(?:(?:den|toi|vao|trong)\s+(?:(?:cuoi|het)\s+)?nam\s+\d{4}|tren\s+dia\s+ban|cua\s+(?:tinh|huyen|xa|thanh\s+pho|thi\s+xa|ca\s+nuoc)|(?:o|tai)\s+(?:cac|khu\s+vuc|vung))(?!\w)|tu\s+\d).*$", re.S)
_SCOPE_LEAD = re.compile(r"[\s,]*(?:rieng|doi\s+voi|trong\s+do)\s+")
# the whole area a previous target covered, dropped when a scope narrows it ("tỷ lệ hộ nghèo cả nước ..., riêng các huyện
# nghèo giảm 4%/năm": Quyết định 1258/QĐ-TTg's targets as provincial plans quote them)
_PLACE_TAIL = re.compile(r"\s+(?:(?:của\s+)?cả\s+nước|toàn\s+(?:tỉnh|huyện|quốc)|của\s+(?:tỉnh|huyện))$")


def _indicator_cut(text: str, folded: str, start: int, stop: int) -> int:
    """Where an indicator read after the number ends ("về y tế, giáo dục, ..." is a list of fields, not the indicator)."""
    for m in _INDICATOR_CUT.finditer(folded, start, stop):
        if m.group("w") == "ve" and text[m.start("w") : m.end("w")] == "vệ":  # "bảo vệ", not "về"
            continue
        if m.group("w") == "ve" and "," not in folded[m.end() : stop]:
            continue  # "về chính sách giảm nghèo" qualifies; "về y tế, giáo dục, nhà ở, ..." lists fields (seed 003)
        return m.start()
    return stop
_BY_YEAR = re.compile(r"(?:den|toi|trong|vao)\s+(?:(?:cuoi|het)\s+)?nam\s+(?P<y>(?:19|20)\d\d)|chi tieu nam\s+(?P<y2>(?:19|20)\d\d)")
_CONDITION = re.compile(r"(?:co|voi)\s+ty le[^%;.]{0,60}$")


# Words that make a sentence a plan's goal rather than a report of what happened (poverty-reduction plans:
# "phấn đấu", "mục tiêu", "chỉ tiêu", "đến năm 2025", "kế hoạch").
_PLANNING = re.compile(r"(?<!\w)(?:phan dau|muc tieu|chi tieu|den nam|ke hoach)(?!\w)")


def _number(s: str) -> float:
    """Vietnamese numbers: "5.171" and "1.360.668.000.000" are thousands, "2,5" and "763.876,85" decimals."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    return float(s.replace(",", "."))


def _clause_bounds(folded: str, at: int, end: int) -> tuple[int, int]:
    start = 0
    for m in _CLAUSE_BREAK.finditer(folded, max(0, at - 300), at):
        start = m.end()
    start = max(start, at - 300)
    m = _CLAUSE_BREAK.search(folded, end)
    stop = m.start() if m else len(folded)
    return start, stop


def _clean_indicator(text: str) -> str:
    return squash(text).strip(" ,;:-").rstrip(".")


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s[:2] != s[:2].upper() else s


_TWO_WORDS = re.compile(r"\s+(\w{2,4})\s+(\w{2,5})(?!\w)")


def _fuzzy_up(folded: str, at: int) -> Optional[int]:
    """End of a "trở lên" / "trở xuống" that OCR left two slips off ("trẻ 18n"), right after `at`; else None."""
    m = _TWO_WORDS.match(folded, at)
    if m is None:
        return None
    pair = f"{m[1]} {m[2]}"
    if pair[:2] == "tr" and (near(pair, "tro len", 2) or near(pair, "tro xuong", 2)):
        return m.end()
    return None


def find_targets(text: str, folded: Optional[str] = None) -> list[Target]:
    folded = loose_fold(text)  # numbers are kept; words read through OCR digits ("1€" lệ, "x3" xã)
    out: list[Target] = find_quantities(text, folded)
    spans = spans_of(out)
    for m in _PERCENT.finditer(folded):
        if inside(spans, m.start()):
            continue
        target = _percent_target(text, folded, m, out)
        if target is not None:
            out.append(target)
            insort(spans, (target.start, target.end))
    out += find_counts(text, folded, out)
    out += find_multiples(text, folded, out)
    out = [t for t in out if not _in_report_part(folded, t.start)]
    out.sort(key=lambda t: t.start)
    return out


# A part of a plan or report that tells what was done ("I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2016-2020", "1. Tình hình
# thực hiện", "Phần thứ nhất: ĐÁNH GIÁ ..."): its figures are facts of the past, not goals (gold/README.md: facts
# reported about the past are not targets). A heading that also names goals ("KẾT QUẢ ... VÀ NHIỆM VỤ ...") is not one.
_HEADING = re.compile(r"(?m)^[ \t]*(?:(?P<roman>[ivx]{1,4})|\d{1,2}(?:\.\d{1,2})*|phan\s+(?:thu\s+)?\w+)[.):][ \t]*(?P<head>[^\n]{3,160})$")
# (and a part that sets the criteria of emulation titles and awards, "IV. TIÊU CHUẨN KHEN THƯỞNG": its figures are
# conditions for an award, not goals the plan sets, gold/README.md)
_PAST_PART = re.compile(r"(?:ket\s+qua|tinh\s+hinh|thuc\s+trang|danh\s+gia|tieu\s+chuan|tieu\s+chi|(?:hinh\s+thuc\s+)?khen\s+thuong)(?!\w)")
_GOAL_PART = re.compile(r"(?<!\w)(?:muc\s+tieu|chi\s+tieu|nhiem\s+vu|ke\s+hoach|phuong\s+huong|giai\s+phap|de\s+xuat|kien\s+nghi)(?!\w)")


def _in_report_part(folded: str, at: int) -> bool:
    heads = list(_HEADING.finditer(folded, max(0, at - 8000), at))
    roman = next((h for h in reversed(heads) if h["roman"]), None)
    nearest = heads[-1] if heads else None
    for h in {id(x): x for x in (roman, nearest) if x is not None}.values():
        head = h["head"]
        if _PAST_PART.match(head.lstrip(" -*")) and not _GOAL_PART.search(head):  # the heading opens with them
            return True
    return False


def _by_year(folded: str, start: int, at: int) -> tuple[Optional[int], Optional[int]]:
    by = None
    for y in _BY_YEAR.finditer(folded, start, at):
        by = (int(y["y"] or y["y2"]), y.start())
    return by if by else (None, None)


# The written first syllable of each verb: folding merges "giảm" with "giám" (giám sát), "tăng" with "tầng", "đạt" with
# "đất", "nâng" with "năng" (năng lực). The bare form stays allowed: OCR drops marks.
_VERB_SPELLING = {"giam": "giảm", "tang": "tăng", "dat": "đạt", "nang": "nâng", "con": "còn", "len": "lên",
                  "xuong": "xuống", "xoa": "xóa xoá", "duy": "duy", "dam": "đảm", "phan": "phấn"}


# "từ 9,18% (năm 2021)" between a verb and "xuống còn 4,5%": the starting value of the change
_BASELINE = re.compile(r"(?<!\w)tu\s+\d+(?:[.,]\d+)?\s*%?(?:\s*\(?\s*nam\s+\d{4}\s*\)?)?")
# "giảm nghèo" is the field (poverty reduction: "chỉ tiêu giảm nghèo", "công tác giảm nghèo"), not a decrease
_POVERTY_REDUCTION = re.compile(r"giam\s+ngheo(?!\w)")
# a result achieved: "vượt kế hoạch đề ra", "đạt kế hoạch" (news pages on provincial plans report the year's results)
_ACHIEVED = re.compile(r"(?<!\w)(?:vuot|dat|hoan\s+thanh)\s+(?:[\d,.]+\s*%\s+(?:so\s+voi\s+)?)?(?:ke\s+hoach|chi\s+tieu)(?!\w)")
# "Năm 2023, toàn tỉnh có ...": a sentence opened by a year and a comma, without a word of planning, tells that year's
# results (news pages of provinces); a plan writes "Năm 2024: ..." or "Năm 2024, tỉnh phấn đấu ..."
_YEAR_TOLD = re.compile(r"[\s\-+*]*(?:trong\s+)?nam\s+(?:19|20)\d\d\s*,")
_PLAN_WORDS = re.compile(r"(?<!\w)(?:phan\s+dau|muc\s+tieu|chi\s+tieu|ke\s+hoach|den\s+nam|se|can|phai|dat\s+ra|de\s+ra)(?!\w)")


def _written_verb(text: str, v: re.Match) -> bool:
    first = v.group(1).split()[0]
    word = re.match(r"\w+", text[v.start() :])
    written = word.group().lower() if word else ""
    return written == first or written in _VERB_SPELLING.get(first, first).split()


def _percent_target(text: str, folded: str, m: re.Match, previous: list[Target]) -> Optional[Target]:
    c_start, c_stop = _clause_bounds(folded, m.start(), m.end())
    before = folded[c_start : m.start()]
    if _CONDITION.search(before) and not _VERBS.search(before[_CONDITION.search(before).start() :]):
        return None  # "(các xã) có tỷ lệ hộ nghèo từ 40% trở lên": a condition, part of a scope
    value = _number(m["v"])
    value_max = _number(m["v2"]) if m["v2"] else None
    unit = "%" if m["unit"] == "%" else "điểm %"
    per = "year" if m["per"] or re.search(r"(binh quan )?moi nam|hang nam", before[-40:]) else None
    # the whole text is searched: "xuống còn" looks ahead at the value, which lies past m.start()
    verbs = [v for v in _VERBS.finditer(folded, c_start, m.end()) if v.end() <= m.start() and _written_verb(text, v)
             and not _POVERTY_REDUCTION.match(folded, v.start())]
    verb = verbs[-1] if verbs else None
    direction = _DIRECTION[verb.group(1)] if verb else "reach"
    if verb and verb.group(1) == "duy tri" and re.search(r"giam|tang", folded[verb.end() : m.start()]):
        direction = "decrease" if "giam" in folded[verb.end() : m.start()] else "increase"
    start, end = m.start(), m.end()
    if re.match(r"\s*(?:tro\s+len\s*)?(?:(?:moi|hang)\s+nam|/\s*nam)(?!\w)", folded[m.end() : m.end() + 25]):
        per = "year"  # "giảm bình quân từ 2,5% trở lên mỗi năm", "từ 1,5% trở lên/năm"
    up_end = _fuzzy_up(folded, m.end()) if not m["up"] else None
    if up_end is not None:
        end = up_end
    indicator, scope = None, None
    after_value = folded[m.end() : m.end() + 30]
    if re.search(r"nguon\s+von", folded[folded.rfind("\n", 0, m.start()) + 1 : m.start()]):
        return None  # "Nguồn vốn đầu tư: 100% vốn tự có của Công ty": where the money comes from (dn-qd-89)
    ahead = text[max(0, m.start() - 200) : m.start()]
    if ahead.count("“") > ahead.count("”"):
        return None  # inside a quoted name: "mặt hàng “AXIT NITRIC, ... chứa hơn 70% axit nitric”" (bct-cv-logistic)
    sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    if re.search(r"(?<!\w)đã(?!\w)", text[sentence_start : m.start()]) and not _PLANNING.search(folded, sentence_start, m.start()):
        return None  # "Năm 2025, đã đôn đốc thu hồi ... đạt 100% ...": a report's result, not a goal (lc-bc-ks2025)
    if (re.search(r"(?<!\w)(?:(?:giam|tang|dat)\s+duoc|ket\s+qua)(?!\w)", folded[sentence_start : m.start()])
            and not _PLANNING.search(folded, sentence_start, m.start())):
        return None  # "Năm 2022, toàn tỉnh giảm được 3.200 hộ nghèo, tỷ lệ ... xuống còn 10,1%": a result achieved
    sentence_end = re.search(r"\.\s|\n|$", text[m.end() :]).start() + m.end()
    if _YEAR_TOLD.match(folded, sentence_start) and not _PLAN_WORDS.search(folded, sentence_start, sentence_end):
        return None  # "Năm 2023, toàn tỉnh có 12.345 hộ thoát nghèo, tỷ lệ hộ nghèo giảm 4,12%"
    if _ACHIEVED.search(folded, m.end(), sentence_end):
        return None  # "năm 2023 toàn tỉnh giảm 2,8% tỷ lệ hộ nghèo, vượt kế hoạch đề ra"
    if re.search(r"(?<!\w)(?:cao|thap)\s+hon\s*$|(?<!\w)(?:khong\s+(?:vuot\s+)?qua|vuot\s+qua)\s*$", before):
        return None  # "đạt cao hơn 125% mức doanh thu", "không quá 30%": a threshold of a rule, not a goal
    if re.match(r"[\s\-+*]*(?:(?:doi\s+voi\s+)?truong\s+hop|neu|khi)(?!\w)", folded[sentence_start : m.start()]):
        return None  # "Khi doanh thu thực tế đạt cao hơn 125% ...", "Nếu ...": a condition of a rule (Luật, Nghị định)
    if re.search(r"(?<!\w)chua\s+lam\s+ro(?!\w)", before):
        return None  # "... Công ty chưa làm rõ ... quy mô 70%": a shortcoming pointed out, not a goal (bct-cv-logistic)
    if re.match(r"\s*tinh\s+tren", after_value):
        return None  # "tỷ lệ 0,05% tính trên tổng số tiền phạt chưa nộp": a rate to compute with (bct-qd-26), not a goal
    if re.match(r"\s*so\s+voi", after_value) and not _PLANNING.search(folded, c_start, m.start()):
        return None  # "(năm 2024 tỷ lệ hộ nghèo là 12,5%,) giảm 2,3% so với năm 2023": a change reported, not set
    if re.match(r"\s*(?:\(?\s*(?:nam\s+)?\d{4}\s*\)?)?\s*,?\s*(?:xuong|len)(?:\s+con)?\s+(?:duoi\s+|khoang\s+)?\d", after_value + folded[m.end() + 30 : m.end() + 45]):
        return None  # "giảm từ 9,18% năm 2021 xuống còn 4,5%": the value the change starts from, not the goal
    since = max([c_start] + [t.end for t in previous if c_start <= t.end <= m.start()])
    if verb is not None:
        between = folded[verb.end() : m.start()]
        # "Phấn đấu đến năm 2025, 100% xã ...": the year between the verb and the value is the target's by_year
        words = _FILLER.sub(" ", _BY_YEAR.sub(" ", between)).strip(" ,")
        has_subject = folded.find("ty le", since, verb.start()) >= 0 and not _SCOPE_LEAD.match(folded, since)
        if len(words.split()) >= 2 and not (has_subject and "ty le" not in between):  # "giảm tỷ lệ hộ nghèo bình quân từ 2-2,5%"
            seg_end = verb.end() + len(between)
            cut = re.search(r"\s+(?:binh quan|moi nam|hang nam|tu|khoang|muc)(?!\w)", folded[verb.end() : seg_end])
            ind_end = verb.end() + cut.start() if cut else seg_end
            ind_end = verb.end() + len(_TRAILING_FILLER.sub("", folded[verb.end() : ind_end]))
            lead = _BY_YEAR.match(folded, verb.end() + len(between) - len(between.lstrip(" ,")))
            ind_start = verb.end()
            if lead and folded.find("ty le", lead.end(), ind_end) >= 0:
                ind_start = folded.find("ty le", lead.end(), ind_end)  # "Phấn đấu đến cuối năm 2025, tỷ lệ hộ nghèo ..."
            indicator = text[ind_start:ind_end]
            start = verb.start()
    if indicator is None and verb is not None:
        # "tỷ lệ hộ nghèo ... giảm còn khoảng 11%", "Tỷ lệ trường học đạt chuẩn quốc gia đạt 60%": the subject before
        # the verb that is followed by nothing but fillers up to the value
        s = folded.rfind("ty le", since, verb.start())
        if s >= 0 and not _SCOPE_LEAD.match(folded, since):
            after_subject = [v for v in verbs if v.start() > s]
            first_verb = next((v for v in after_subject
                               if not _FILLER.sub(" ", _VERBS.sub(" ", _BY_YEAR.sub(" ", _BASELINE.sub(" ", folded[v.end() : m.start()])))).strip(" ,")),
                              after_subject[0] if after_subject else verb)
            sub_text = text[s : first_verb.start()]
            indicator = text[s : s + len(_SUBJECT_CUT.sub("", fold(sub_text)).rstrip())]
            place = _PLACE_SCOPE.match(fold(sub_text), len(indicator))
            if place:  # "tỷ lệ lao động thất nghiệp ở khu vực thành thị xuống dưới 3%"
                scope = squash(sub_text[place.end() :]).rstrip(" ,") or None
            start = s
            if any(v.group(1) == "duy tri" for v in verbs) and direction == "reach":
                direction = "maintain"  # "Duy trì tỷ lệ huy động trẻ 5 tuổi đến trường đạt 99%"
    if indicator is None:
        after = folded[m.end() : c_stop]
        phrase_end = _indicator_cut(text, folded, m.end(), c_stop)
        if up_end is None and re.match(r"\s*(?:ty le|so|\w)", after) and phrase_end - m.end() > 3 and not re.match(r"\s*(?:/|tro len|tro xuong|,)", after):
            indicator = text[m.end() : phrase_end]
            place = _PLACE_SCOPE.match(folded, phrase_end)
            if place:  # "giảm 3-4% tỷ lệ hộ nghèo ở các huyện nghèo": the place is the scope
                scope = squash(text[place.end() : _indicator_cut(text, folded, place.end(), c_stop)]).rstrip(" ,") or None
            end = phrase_end
            if verb is not None:
                start = verb.start() if folded[verb.end() : m.start()].strip() in ("", "tu") or len(_FILLER.sub(" ", folded[verb.end() : m.start()]).split()) < 2 else start
            if re.match(r"\s*(?:(?:moi|hang)\s+nam|/\s*nam)(?!\w)", folded[phrase_end : phrase_end + 12]):
                per = "year"  # "giảm 1,5 điểm phần trăm tỷ lệ hộ nghèo mỗi năm", "giảm 2-3% hộ nghèo/năm"
    if indicator is None and verb is not None:
        region = text[since : verb.start()]
        region_folded = fold(region)
        own_rate = re.match(r"[\s,]*(?:rieng|doi voi|trong do)\s+(?=ty le)", region_folded)
        if previous and previous[-1].end >= c_start - 3 and not _FILLER.sub(" ", region_folded).strip(" ,"):
            # "tỷ lệ hộ nghèo ... giảm còn 15%, bình quân mỗi năm giảm 4%": the same rate, its yearly pace
            indicator = previous[-1].indicator
            start = since + len(region) - len(region.lstrip(" ,\n"))
        elif own_rate:
            # "...; riêng tỷ lệ hộ nghèo đồng bào dân tộc thiểu số giảm trên 3%/năm": a rate of its own
            sub = region[own_rate.end() :]
            indicator = sub[: len(_SUBJECT_CUT.sub("", fold(sub)).rstrip())]
            start = since + own_rate.end()
        elif previous and previous[-1].end >= c_start - 3 and (_SCOPE_LEAD.match(region_folded) or re.match(r"[\s,]*cac\s", region_folded)):
            # "(riêng các huyện, xã có tỷ lệ hộ nghèo từ 40% trở lên giảm từ 4%/năm trở lên)"
            indicator = _PLACE_TAIL.sub("", previous[-1].indicator)
            per = per or previous[-1].per  # "mỗi năm giảm từ 3-4% ...; riêng các huyện nghèo giảm từ 4-5%"
            lead = re.match(r"[\s,]*(?:(?:rieng|doi voi|trong do)\s+)?", region_folded)
            offset = lead.end()
            scope = squash(region[offset:]).rstrip(" ,") or None
            start = since + offset
            if re.match(r"[\s,]*trong do\s+(?!cac\s)", region_folded) and scope:
                # "Tỷ lệ lao động qua đào tạo đạt 70%, trong đó có bằng cấp, chứng chỉ đạt 25%": a part of the
                # same measure, named by both
                indicator, scope = f"{previous[-1].indicator} {scope}", None
        elif previous and previous[-1].end >= c_start - 3 and len(region_folded.strip(" ,").split()) >= 2:
            # "Tỷ lệ hộ nghèo toàn tỉnh giảm 1,5%, hộ cận nghèo giảm 1%": the next subject after the previous target
            lead = len(region) - len(region.lstrip(" ,\n"))
            indicator = region[lead:]
            start = since + lead
        else:
            return None
    if indicator is None and verb is None:
        # "Đến năm 2025: - Tỷ lệ hộ nghèo dưới 3%;": a rate and its level, no verb (a list of goals)
        bare = re.search(r"(?<!\w)ty\s+le\s+\S.*?\s+(?:duoi|tren|toi\s+thieu|it\s+nhat|khoang|dat)\s*$", folded[since : m.start()])
        if bare and not re.search(r"(?<!\w)la(?!\w)", bare.group()):  # "là": a state told ("Tỷ lệ ... là 9,5%")
            start = since + bare.start()
            sub = text[start : m.start()]
            sub = sub[: len(_TRAILING_FILLER.sub("", fold(sub)))]
            indicator = sub[: len(_SUBJECT_CUT.sub("", fold(sub)).rstrip())]
    if indicator is None and verb is None:
        # "Chỉ tiêu giảm nghèo năm 2024 của huyện là 3,5%": a goal named by "chỉ tiêu"/"mục tiêu" and "là"
        goal = re.search(r"(?<!\w)(?:chi|muc)\s+tieu\s+\S.*?\s+la\s*$", folded[since : m.start()])
        if goal:
            start = since + goal.start()
            indicator = text[start : since + goal.end() - len(re.search(r"\s+la\s*$", goal.group()).group())]
    if indicator is None:
        return None
    since = max([c_start] + [t.end for t in previous if t.end <= start])
    by_year, by_at = _by_year(folded, since, start)
    if by_at is None and by_year is None:
        by_year, _ = _by_year(folded, start, m.start())  # "tỷ lệ hộ nghèo đến cuối năm 2025 còn 4%"
    if by_at is not None:
        start = by_at
    elif by_year is None:
        # "Tỷ lệ lao động qua đào tạo đạt 65% vào năm 2025", "giảm 2% tỷ lệ hộ nghèo trong năm 2024"
        rest = folded[m.end() : min(c_stop, m.end() + 80)].split(",")[0]  # ", đến năm 2020 tỷ lệ ...": the next phrase's
        later = re.search(r"(?<!\w)(?:trong|vao|den)\s+(?:(?:cuoi|het)\s+)?nam\s+((?:19|20)\d\d)", rest)
        by_year = int(later.group(1)) if later else None
    if by_year is None:
        line = folded.rfind("\n", 0, start) + 1
        previous_line = folded[folded.rfind("\n", 0, max(0, line - 1)) + 1 : max(0, line - 1)]
        year_head = r"[ \t]*[-+*]?[ \t]*(?:(?:muc|chi)\s+tieu\s+)?(?:(?:den|toi|trong)\s+)?(?:(?:cuoi|het)\s+)?nam\s+((?:19|20)\d\d)\s*[:,]"
        # the target's line, or the line above it ending with the colon ("Đến năm 2025:\n- Tỷ lệ hộ nghèo dưới 3%;")
        heading = re.match(year_head, folded[line:start]) or re.fullmatch(year_head + r"\s*", previous_line)
        by_year = int(heading.group(1)) if heading else None  # "Năm 2024: giảm tỷ lệ hộ nghèo xuống còn 6,5%"
    while end > start and text[end - 1] in " \t\n,;":
        end -= 1
    if isinstance(indicator, str) and not fold(indicator).strip():
        return None
    if re.match(r"\s*(?:ty le|chi tieu|muc tieu)(?!\w)", fold(indicator)):
        kept = len(_SUBJECT_CUT.sub("", fold(indicator)))
        place = _PLACE_SCOPE.match(fold(indicator), kept)
        if place and scope is None:  # "... tại các xã đặc biệt khó khăn": a scope
            scope = squash(indicator[place.end() :]).rstrip(" ,") or None
        indicator = indicator[:kept]
        year = re.search(r"\s+(?:trong\s+)?nam\s+((?:19|20)\d\d)(?!\w)", fold(indicator))
        if year:  # "tỷ lệ hộ nghèo năm 2024 giảm 3%": the year is the target's
            indicator = indicator[: year.start()]
            by_year = by_year or int(year.group(1))
    return Target(
        text=text[start:end], start=start, end=end, indicator=_lower_first(_clean_indicator(indicator)), direction=direction,
        value=value, value_max=value_max, unit=unit, per=per, by_year=by_year, scope=scope,
    )


# ---------------------------------------------------------------- planned quantities

_QLEX = load("targets")
_LABELS = sorted(_QLEX["quantity_labels"]["words"], key=len, reverse=True)
_LABEL = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _LABELS) + r")(?!\w)")
_UNITS = sorted(_QLEX["units"]["words"], key=len, reverse=True)
_PER_YEAR_ONLY = set(_QLEX["units"]["per_year_only"])
_TERM_ONLY = set(_QLEX["units"]["term_only"])
_FILLERS = sorted((fold(w) for w in _QLEX["fillers"]["words"]), key=len, reverse=True)
_OCR_UNITS = dict(_QLEX["ocr_units"]["words"])
_QNUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_QUANTITY = re.compile(
    rf"(?<![\w.,/])(?P<v>{_QNUM})(?:[ \t]*[-–][ \t]*(?P<v2>{_QNUM}))?[ \t]*\n?[ \t]*(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(_UNITS + list(_OCR_UNITS), key=len, reverse=True))
    + r")(?:(?P<per>[ \t]*/[ \t]*năm)|[ \t]*/[ \t]*(?P<each>hộ|người|tháng|tấn|lao động))?(?![\w²³])"
)
_MONEY_UNITS = {"tỷ đồng", "triệu đồng", "nghìn đồng", "đồng"}
_CAPITAL = re.compile(r"(?<!\w)von(?!\w)")
_RAISING = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in _QLEX["raising_verbs"]["words"]) + r")(?!\w)")
# planning words that open a clause before a verb of raising money ("Hằng năm vận động ...", "- Phấn đấu huy động ...")
_RAISE_LEAD = re.compile(r"(?:[ \t\n]*(?:[-+•*]|phan\s+dau|hang\s+nam|moi\s+nam|(?:(?:den|trong)\s+)?nam\s+\d{4}|,))*[ \t\n]*")
# "(kích thước 3mx3mx1,5m)": a quantity given with the sizes of what is built is a construction detail, not one of the
# headline quantities of an approval (lc-tb-ngoinhu's notes: "construction dimensions ... are not recorded")
_DIMENSIONS = re.compile(r"(?<!\w)kich\s+thuoc(?!\w)")
# the value puts a project in a class of a rule ("có tổng mức đầu tư là 26.700.000.000 đồng thuộc trường hợp phải lập
# Báo cáo nghiên cứu khả thi", lc-cv-3298), or measures an overlap found ("diện tích khoảng hơn 2,0 ha chồng lấn với
# ranh giới mỏ", lc-cv-6791): facts checked against a rule, not quantities the document sets
_FINDING_AFTER = re.compile(r"(?<!\w)(?:thuoc\s+(?:truong\s+hop|nhom|loai)|chong\s+lan|trung\s+voi)(?!\w)")
_LINE_LEAD = re.compile(r"[ \t]*(?:\d+(?:\.\d+)*[.)]|[a-zđ]\)|[-+•*])?[ \t]*")
_QCLAUSE_BREAK = re.compile(r"[;.]\s|\n(?=[ \t]*(?:\d+(?:\.\d+)*[.)]|[a-zđ]\)|[-+•*])[ \t])")
# An industrial zone or cluster named by its kind only (Nghị định 35/2022/NĐ-CP: khu công nghiệp, cụm công nghiệp).
_ZONE = re.compile(r"(?<!\w)(?:[Kk]hu|[Cc]ụm)\s+công\s+nghiệp(?!\w)")
_NAMED_OBJECT = re.compile(r"(?:Khu|Cụm)\s+công\s+nghiệp(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)+")


# "hiện trạng" (the current state of the land, lc-cv-6791): a quantity described as it is, not set by the document.
_CURRENT_STATE = re.compile(r"(?<!\w)hien\s+trang(?!\w)")
# Labels of money: a project's capital or budget, which a named zone nearby ("Khu công nghiệp Võ Lao với quy mô ...")
# does not qualify (lc-qd-2463: "Tổng vốn đầu tư: ...", gold "tổng vốn đầu tư").
_MONEY_LABEL = re.compile(r"(?<!\w)(?:von|kinh\s+phi|muc\s+dau\s+tu|tien)(?!\w)")


def _clause_start(text: str, at: int) -> int:
    """The start of the clause a value stands in; breaks inside brackets ("Thuốc nổ các loại (Thuốc nổ amonit
    AD1; Anfo; ...): 63.000 kg/năm") do not count."""
    floor = max(0, at - 220)
    for m in reversed(list(_QCLAUSE_BREAK.finditer(text, floor, at))):
        rest = re.sub(r"^[ \t]*[a-zđ\d]{1,2}\)", "", text[m.end() : at])  # "a) ...": an item's mark, not a bracket
        if rest.count(")") > rest.count("("):
            continue
        return m.end()
    return floor


def find_quantities(text: str, folded: str) -> list[Target]:
    """Planned quantities: "Tổng vốn đầu tư: 5.171.344.000.000 đồng", "quy mô 482,6ha", "63.000 kg/năm"."""
    out: list[Target] = []
    for m in _QUANTITY.finditer(text):
        unit, per = m["unit"], bool(m["per"])
        per_year = per
        c_start = _clause_start(text, m.start())
        if unit in _OCR_UNITS:
            if not re.search(r"(?<!\w)dung\s+tich(?!\w)", folded[c_start : m.start()]):
                continue
            unit = _OCR_UNITS[unit]  # "dung tích bể chứa V 13,5m$" (dn-qd-89's OCR): m³
        before = text[c_start : m.start()]
        fb = folded[c_start : m.start()]
        label = None
        colon = before.rfind(":")
        if colon >= 0 and not before[colon + 1 :].strip(" \t\n≈=").replace("khoảng", "").strip():
            head_start = before.rfind(":", 0, colon) + 1
            lead = _LINE_LEAD.match(before, head_start)
            label = (c_start + lead.end(), c_start + colon)
        if any(t.start <= m.start() < t.end for t in out[-2:]):  # out grows in reading order
            continue  # the share already read with its amount
        if re.match(r"\s*(?:thanh|len|xuong)\s+\d", folded[m.end() : m.end() + 12]):
            continue  # "từ 20,0 ha thành 60,0 ha": the value a change starts from
        if re.search(r"(?<!\w)khong\s+qua\s*$", fb):
            continue  # "sức chứa không quá 10 tấn": a condition, not a quantity set
        if out and out[-1].unit == unit and re.fullmatch(r"[\s,]*(?:trong\s+nam\s+\d{4})?[\s,]*(?:va)?\s*", fold(text[out[-1].end : m.start()])):
            prev = out[-1]  # "10% trong năm 2027, 50% trong năm 2028 và 100% ...": the indicator is shared
            out.append(Target(text=text[m.start() : m.end()], start=m.start(), end=m.end(), indicator=prev.indicator,
                              direction=prev.direction, value=_number(m["v"]), unit=unit, by_year=_year_after(folded, m.end())))
            continue
        labels = list(_LABEL.finditer(folded, c_start, m.start()))
        if unit in _MONEY_UNITS:
            # "vốn ngân sách tỉnh 40 tỷ đồng", "vốn đối ứng ...": capital of any source is money a project plans
            capital = [c for c in _CAPITAL.finditer(folded, c_start, m.start())
                       if not any(x.start() <= c.start() < x.end() for x in labels)  # not the "vốn" of "tổng nguồn vốn"
                       and "," not in folded[c.start() : m.start()]]  # "vay vốn từ ..., với dư nợ ...": another thing
            labels = sorted(labels + capital, key=lambda x: x.start())
        if out and label is None and labels and labels[-1].start() < out[-1].end <= m.start():
            # "Tổng mức đầu tư ... khoảng 120 tỷ đồng, trong đó vốn ngân sách tỉnh 40 tỷ đồng": the label after the
            # previous quantity
            later = [x for x in labels if x.start() >= out[-1].end]
            labels = later
        if label is None and labels:
            label = (labels[-1].start(), m.start())
        part = re.search(r"[,;(]\s*trong\s+do[:,]?\s+(?P<x>[^,;:.\d()]{3,60}?)\s*(?:khoang|la|:)?\s*$", folded[c_start : m.start()])
        if label is None and part and out and out[-1].unit == unit and out[-1].end <= c_start + part.start() + 1:
            # "Tổng kinh phí ... là 2.546 tỷ đồng, trong đó ngân sách trung ương 2.100 tỷ đồng": a part of the total
            label = (c_start + part.start("x"), c_start + part.end("x"))
            labels = [part]
        if unit == "%" and re.search(r"(?<!\w)(?:giảm|tăng|t[ỷỉ]\s+lệ)(?!\w)", text[c_start : m.start()], re.I):  # written words: "tầng" folds as "tăng"
            continue  # "Chỉ tiêu: giảm tỷ lệ hộ nghèo 1,2%": a rate's change, read by the percentage rule
        raised = False
        if label is None and unit in _MONEY_UNITS and _RAISING.search(fb) and not re.search(r"(?<!\w)(?:đã|đang)(?!\w)", before):
            # "Vận động Quỹ Vì người nghèo 20 tỷ đồng/năm", "Quỹ ... các cấp vận động được 15 tỷ đồng": money to raise
            label_start = _RAISE_LEAD.match(folded, c_start, m.start()).end()
            per_year = per_year or bool(re.search(r"(?:hang|moi)\s+nam", folded[c_start:label_start]))
            per_year = per_year or bool(re.match(r"\s*(?:hang|moi)\s+nam", folded[m.end() : m.end() + 12]))
            goal = list(re.finditer(r"(?<!\w)phan\s+dau\s+", folded[label_start : m.start()]))
            if goal and len(folded[label_start + goal[-1].end() : m.start()].split()) >= 4:
                label_start += goal[-1].end()  # "Các cấp Mặt trận phấn đấu vận động Quỹ ...": what is raised follows
            label, raised = (label_start, m.start()), True
        reached = re.search(r"(?<!\w)(?:dat|tang\s+len|len)(?:\s+(?:khoang|tren|it\s+nhat|toi\s+thieu))?\s*$", fb)
        if (label is None and unit in _MONEY_UNITS and reached
                and re.match(r"(?i)(?:đạt|tăng|lên|dat|tang|len)(?!\w)", text[c_start + reached.start() :])):
            # "Phấn đấu đến năm 2030, thu nhập bình quân đầu người đạt 120 triệu đồng/năm": the subject of "đạt"
            label_start = _RAISE_LEAD.match(folded, c_start, m.start()).end()
            if len(folded[label_start : c_start + reached.start()].split()) >= 2 and not re.search(r"(?<!\w)(?:đã|đang)(?!\w)", before):
                label, raised = (label_start, c_start + reached.start()), True
        if label is None:
            continue
        sentence_end = re.search(r"[.;]\s|[.;]$|\n\s*[-+]", folded[m.end() : m.end() + 400])
        sentence_stop = m.end() + (sentence_end.start() if sentence_end else 400)
        if _DIMENSIONS.search(folded, c_start, sentence_stop):
            continue  # "... với kích thước 3mx3mx1,5m, ..., dung tích bể chứa V ≈ 13,5m3": a construction detail
        if _FINDING_AFTER.search(folded, m.end(), min(sentence_stop, m.end() + 60)):
            continue
        sentence_end = re.search(r"[.;]\s|\n", folded[m.end() : m.end() + 60])
        if _CURRENT_STATE.search(folded, label[0], m.end() + (sentence_end.start() if sentence_end else 60)):
            continue  # "diện tích 1,69 ha hiện trạng đất cụm công nghiệp", "... thể hiện theo hiện trạng": what is, not a plan
        if unit == "%" and re.search(r"nguon\s+von", fold(text[c_start : m.start()])):
            continue  # "Nguồn vốn đầu tư: 100% vốn tự có": where the money comes from, not a quantity set (dn-qd-89)
        if re.search(r"(?<!\w)(?:đã|đang|chưa)(?!\w)", text[label[0] : m.start()]):  # "chưa": "... Công ty chưa làm rõ ... quy mô"
            continue  # a fact reported ("diện tích ... đã được UBND tỉnh công bố là 1,69 ha")
        lab_text = re.sub(r"\s*\((?:nếu có|[^()]*)\)\s*", " ", text[label[0] : label[1]])
        lab_text = re.sub(r"(?i)\s*phấn đấu\s+", " ", lab_text)  # "Quỹ ... phấn đấu vận động được": a planning word
        lab_fold = fold(lab_text)
        has_lexicon_word = bool(_LABEL.search(lab_fold)) or unit in _MONEY_UNITS and bool(re.match(r"\s*von(?!\w)", lab_fold))
        if unit in _PER_YEAR_ONLY and not per:
            continue
        if unit in _TERM_ONLY and not re.search(r"thoi\s+han", lab_fold):
            continue
        if part is not None and label == (c_start + part.start("x"), c_start + part.end("x")):
            has_lexicon_word = True
        if not raised and (not has_lexicon_word and not per or unit == "%" and not has_lexicon_word):
            continue
        direction = "reach"
        between = fold(text[label[0] : m.start()])
        span_from = re.search(r"(?<!\w)tu\s+[\d.,]+\s*\S*\s+(?:thanh|len)\s*$", between)
        if span_from:
            direction = "increase"
            lab_text = text[label[0] : label[0] + span_from.start()]
        # the verb right before the value ("giảm còn 2.000 ha"); "cho công tác giảm nghèo 50 tỷ đồng" is no decrease
        elif re.search(r"(?<!\w)giam(?:\s+(?:con|xuong|them|khoang))*\s*$", between):
            direction = "decrease"
        elif re.search(r"(?<!\w)tang(?:\s+(?:len|them|khoang))*\s*$", between) and not re.search(r"tặng[\s\w]*$", text[label[0] : m.start()]):
            direction = "increase"
        lab_text = re.sub(r"\s*(?:trong\s+)?giai đoạn\s+\d{4}\s*[-–]\s*\d{4}", "", lab_text)  # the plan's period, not the indicator
        indicator = _indicator_of(lab_text)
        by = re.search(r"(?:den|toi)\s+nam\s+((?:19|20)\d\d)", fold(lab_text))
        by_year = int(by.group(1)) if by else _year_after(folded, m.end())
        lead_year = re.search(r"(?:den|toi|trong)\s+(?:(?:cuoi|het)\s+)?nam\s+((?:19|20)\d\d)", folded[c_start : label[0]])
        if by_year is None and lead_year:
            by_year = int(lead_year.group(1))  # "Phấn đấu đến năm 2030, thu nhập ... đạt 120 triệu đồng/năm"
        else:
            lead_year = None
        if by:
            indicator = _indicator_of(re.sub(r"\s*(?:phân bổ\s+)?(?:đến|tới)\s+năm\s+\d{4}", " ", lab_text))
        if not indicator:
            continue
        if len(indicator.split()) <= 4:  # syllables: "quy mô thực hiện"
            # a bare label names what it measures from around it: "2. Tổng mặt bằng khu đất đặt kho: Diện tích khoảng
            # 768 m²" (the heading before the colon), "Khu công nghiệp Võ Lao với quy mô 482,6ha" (the named object)
            line_before = text[max(c_start, text.rfind("\n", 0, label[0]) + 1) : label[0]]
            colon_head = re.match(r"(?P<head>[^:\n]{8,80}):\s*$", line_before.lstrip(" \t-+•~_"))  # "~", "_": OCR's dashes
            obj = list(_NAMED_OBJECT.finditer(text, max(0, label[0] - 300), label[0]))
            if colon_head and len(indicator.split()) <= 2:
                head = _LINE_LEAD.sub("", colon_head["head"], count=1)
                indicator = f"{indicator} {_lower_first(squash(head))}"
            elif obj and not _MONEY_LABEL.search(fold(indicator)):  # the project's money is not the zone's
                indicator = f"{indicator} {squash(obj[-1].group())}"
            elif not _MONEY_LABEL.search(fold(indicator)):
                # "... hạ tầng của khu công nghiệp ..., thu hút các nhà đầu tư ... với tốc độ lập đầy khoảng 10%"
                # (lc-gcn-banqua): the zone named without its proper name in the same sentence
                sentence = max(text.rfind(". ", 0, label[0]), text.rfind(";", 0, label[0]), label[0] - 300)
                zone = list(_ZONE.finditer(text, max(0, sentence), label[0]))
                if zone:
                    indicator = f"{indicator} {squash(zone[-1].group()).lower()}"
        indicator = _qualified(text, folded, label, m, indicator)
        start = c_start + lead_year.start() if lead_year else label[0]  # the year with its target, not a deadline
        end = m.end()
        value_max = _number(m["v2"]) if m["v2"] else None
        upto = re.match(rf"[ \t]*(?:đến|tới)[ \t]+(?P<v>{_QNUM})[ \t]*" + re.escape(m["unit"]) + r"(?![\w²³])", text[end : end + 40])
        if upto and value_max is None:  # "Mức phạt tiền từ 20.000.000 đồng đến 30.000.000 đồng": a range
            value_max, end = _number(upto["v"]), end + upto.end()
        out.append(Target(text=text[start:end], start=start, end=end, indicator=indicator, direction=direction,
                          value=_number(m["v"]), value_max=value_max,
                          unit=unit + ("/năm" if per else "") + (f"/{m['each']}" if m["each"] else ""),
                          per="year" if per_year else None, by_year=by_year))
        share = re.match(r"\s*\(\s*chiếm\s+(?P<v>\d+(?:,\d+)?)\s*%\s*(?P<of>[^)]{3,60})\)", text[end : end + 90])
        if share:  # "775.701.600.000 đồng (chiếm 15% tổng vốn đầu tư)": the share of the total
            s_start = end + share.start() + share.group().index("chiếm")
            s_end = end + share.end("of")
            # "+ Vốn vay: Vốn vay tổ chức tín dụng: ... (chiếm 85% ...)": the share is the item's, named at the line head
            item = re.match(r"[ \t]*(?:[-+•*]|[a-zđ\d]{1,2}[.)])?[ \t]*(?P<head>[^:\n]{3,60}):[ \t]*$",
                            text[text.rfind("\n", 0, label[0]) + 1 : label[0]])
            of = _lower_first(squash(item["head"])) if item and fold(indicator).startswith(fold(item["head"]).strip()) else indicator
            out.append(Target(text=text[s_start:s_end], start=s_start, end=s_end,
                              indicator=f"{of} trong {squash(share['of']).rstrip('.')}", direction="reach",
                              value=_number(share["v"]), unit="%"))
    return out


def _year_after(folded: str, at: int) -> Optional[int]:
    """"10% trong năm 2027": the year the value is planned for."""
    m = re.match(r"\s*(?:trong|vao|den)\s+nam\s+((?:19|20)\d\d)", folded[at : at + 25])
    return int(m.group(1)) if m else None


def _indicator_of(label: str) -> str:
    words = squash(label).strip(" ,;:-+").rstrip(".")
    folded = fold(words)
    changed = True
    while changed:  # "đạt từ", "vận động được": fillers one after another
        changed = False
        for f in _FILLERS:
            if folded.endswith(" " + f):
                words = words[: len(words) - len(f) - 1].rstrip(" ,:")
                folded = fold(words)
                changed = True
        if re.search(r"(?i)\s(?:từ|trong đó)$", words):  # written "từ" only: "đầu tư" folds the same
            words = re.sub(r"(?i)\s+(?:từ|trong đó)$", "", words)
            folded = fold(words)
            changed = True
    return _lower_first(words)


_MASS_UNITS = {"tấn", "kg"}


def _qualified(text: str, folded: str, label: tuple[int, int], m: re.Match, indicator: str) -> str:
    """What the surrounding lines add to a label's indicator:
    - the phase a line heads ("* Giai đoạn 2: Đối với phần diện tích còn lại 282,6 ha ...", lc-qd-2463);
    - the object a line describes and its use ("Bể nước: dùng để chữa cháy có dung tích bể chứa V ≈ 13,5 m³", dn-qd-89):
      the measure is the object's ("dung tích bể nước chữa cháy");
    - the material a mass is of ("Dung tích chứa tối đa là 05 tấn thuốc nổ", lc-tb-ngoinhu)."""
    line_start = text.rfind("\n", 0, label[0]) + 1
    phase = re.search(r"(?<!\w)giai\s+doan\s+(\d{1,2})\s*:", folded[line_start : label[0]])
    if phase:
        indicator = f"{indicator} giai đoạn {phase.group(1)}"
    use = re.match(r"[ \t\-+•*]*(?P<head>[^:\n]{3,40}):\s*dùng\s+để\s+(?P<use>[^,;:\n]{3,40}?)\s+(?:có|với)\s*$",
                   text[line_start : label[0]])
    if use:
        measure = _LABEL.match(fold(indicator))
        if measure:
            indicator = f"{indicator[: measure.end()]} {use['head'].strip().lower()} {use['use'].strip()}"
    if m["unit"] in _MASS_UNITS and not m["per"]:
        material = re.match(r"[ \t]+(?P<w>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3})[ \t]*(?:[.;,\n]|$)", text[m.end() : m.end() + 60])
        if material:
            indicator = f"{indicator} {material['w']}"
    return indicator
