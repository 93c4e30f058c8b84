"""Targets: the numeric goals a plan sets ("giảm tỷ lệ hộ nghèo bình quân từ 2-2,5%/năm") and the planned quantities a
decision or licence sets ("Tổng vốn đầu tư: 5.171.344.000.000 đồng").

Owns `find_targets(text) -> list[Target]`, which gathers planned quantities (`target_quantities`), percentages (read
here, `_percent_target`), counts and multiples (`target_counts`), and drops what stands in a part of the document that
reports the past or sets award criteria (`_in_report_part`).
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
from vnplan.models import Target
from vnplan.target_counts import find_counts, find_frequencies, find_multiples, inside, lower_first, sentence_start, spans_of
from vnplan.target_quantities import find_quantities, number

_NUM = r"\d+(?:[,.]\d+)?"
_PERCENT = re.compile(
    rf"(?P<from>tu\s+)?(?P<v>{_NUM})(?:\s*-\s*(?P<v2>{_NUM}))?\s*(?P<unit>%|diem\s*%|diem phan tram)"
    rf"(?P<per>\s*/\s*nam)?(?P<up>\s+tro\s+len)?"
)
# "còn", "xuống (còn/dưới)", "lên" count as verbs only right before the value ("giảm tỷ lệ hộ nghèo xuống còn 6,5%",
# "nâng tỷ lệ lao động qua đào tạo lên 60%": the subject sits between the first verb and these)
_VALUE_NEXT = r"(?=\s+(?:duoi|khoang|muc|tren|it\s+nhat|\d))"
_VERBS = re.compile(rf"(?<!\w)(giam con|giam|xoa|tang len|tang|nang|duy tri|dat|dam bao|bao dam|phan dau|hoan thanh|xuong con{_VALUE_NEXT}"
                    rf"|xuong{_VALUE_NEXT}|con{_VALUE_NEXT}|len{_VALUE_NEXT})(?!\w)")
_DIRECTION = {"giam con": "decrease", "giam": "decrease", "xoa": "decrease", "tang len": "increase", "tang": "increase",
              "nang": "increase", "duy tri": "maintain", "dat": "reach", "dam bao": "reach", "bao dam": "reach", "phan dau": "reach",
              "xuong con": "decrease", "xuong": "decrease", "con": "decrease", "len": "increase", "hoan thanh": "reach"}
_FILLER = re.compile(r"(?<!\w)(binh quan|moi nam|hang nam|tu|khoang|on dinh|o muc|muc|con|xuong|len|duoc|it nhat|toi thieu|tren|duoi)(?!\w)")
# filler words left at the end of an indicator read between the verb and the value ("giảm tỷ lệ hộ nghèo xuống dưới")
_TRAILING_FILLER = re.compile(r"(?:\s+(?:xuong|con|duoi|len|tren|khoang|o\s+muc|muc|on\s+dinh|dat|giam|tang|toi\s+thieu|it\s+nhat))+\s*$")
_CLAUSE_BREAK = re.compile(r"[;.:()]|\n\s*[-+]\s|\n\s*[a-z0-9]{1,3}[.)]\s")
_INDICATOR_CUT = re.compile(
    r"\s+(?P<w>(?:vao|trong|den|toi)\s+(?:(?:cuoi|het)\s+)?nam\s+(?:19|20)\d\d|so\s+voi|ve|theo\s+quy\s+dinh|giai\s+doan|tai\s+cac|nham|de|dong\s+thoi|tren\s+dia\s+ban|cua\s+tinh|cua\s+huyen"
    r"|o\s+(?:cac|khu\s+vuc|vung)|tai\s+(?:khu\s+vuc|vung)|moi\s+nam|hang\s+nam|(?:truoc|cham\s+nhat)\s+ngay|trong\s+quy)(?!\w)|\s*/\s*nam(?!\w)"
    r"|[,;.:()]\s*(?:giai\s+doan|dong\s+thoi|nham|de|voi|tuong\s+(?:ung|duong))(?!\w)|[;.:()]"
)
# a place restriction after a rate's subject is its scope, not its indicator ("tỷ lệ hộ nghèo của huyện", "... ở khu vực
# thành thị", "... tại các xã đặc biệt khó khăn"; typical forms of provincial poverty plans)
# (and "tỷ lệ hộ nghèo từ 8,5% xuống còn dưới 4%": the starting value is no part of the subject)
_PLACE_SCOPE = re.compile(r"\s+(?:o|tai)\s+(?=(?:cac|khu\s+vuc|vung)(?!\w))")
_SUBJECT_CUT = re.compile(r"\s+(?:(?:(?:den|toi|vao|trong)\s+(?:(?:cuoi|het)\s+)?nam\s+\d{4}|tren\s+dia\s+ban|cua\s+(?:tinh|huyen|xa|thanh\s+pho|thi\s+xa|ca\s+nuoc)|toan\s+(?:tinh|huyen|xa|thanh\s+pho|thi\s+xa|quoc)|(?:o|tai)\s+(?:cac|khu\s+vuc|vung))(?!\w)|tu\s+\d).*$", re.S)
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
    out: list[Target] = _once(find_quantities(text, folded))
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
    out += find_frequencies(text, folded, out)
    if _INSPECTION_RECORD.search(folded[:600]):
        return []  # a record of an inspection sets no goal: its figures were found on site or read from a licence
    out = [t for t in out if not _in_report_part(folded, t.start) and _plausible_indicator(t.indicator)]
    out.sort(key=lambda t: t.start)
    return out


def _once(quantities: list[Target]) -> list[Target]:
    """A planned quantity said again later is one target: "công suất khai thác là 20.000 m3/năm" in the plan's
    grounds and "Công suất khai thác mỏ là 20.000 m3/năm, nên ta có: ..." at the start of a computation (an
    enterprise's blasting plan), the annex's "300 ha" after the decision's "quy mô 300ha" (gold/holdout notes: a
    repeated figure is not listed again). Same value, unit, per and year, and one indicator the start of the other."""
    kept: list[Target] = []
    for t in quantities:
        a = fold(t.indicator)
        if any(k.value == t.value and k.unit == t.unit and k.per == t.per and k.by_year == t.by_year
               and (a.startswith(fold(k.indicator)) or fold(k.indicator).startswith(a)) for k in kept):
            continue
        kept.append(t)
    return kept


# "BIÊN BẢN KIỂM TRA", "BIÊN BẢN LÀM VIỆC" heading the document: the minutes of an inspection record what the team found
# (areas measured, capacities and distances read from the licence), facts rather than goals (gold/README.md: facts
# are not targets; inspection minutes of Sở Công Thương on sites using industrial explosives)
_INSPECTION_RECORD = re.compile(r"(?m)^[ \t]*bien\s+ban\s+(?:kiem\s+tra|lam\s+viec)(?!\w)")
# What an indicator is not: an indicator is a short noun phrase ("tỷ lệ hộ nghèo", "tổng vốn đầu tư"). Text read
# across a table row or a coordinate table holds cell separators ("|", tabs), many numbers ("điểm góc x y 1 2463081
# 472600 2 ...") or a formula's signs ("x 50% = 13", "dày 30 cm, K=0,98"); a long run of words is a sentence, not a
# phrase (the longest gold indicators, poverty plans' "100% cán bộ ... được bồi dưỡng, tập huấn ...", have 19 words).
_TABLE_SIGNS = re.compile(r"[|\t=§÷≤≥<>]")


def _plausible_indicator(indicator: str) -> bool:
    if _TABLE_SIGNS.search(indicator) or len(indicator.split()) > 24:
        return False
    return len(re.findall(r"\d+(?:[.,]\d+)*", indicator)) < 3


# A part of a plan or report that tells what was done ("I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2016-2020", "1. Tình hình
# thực hiện", "Phần thứ nhất: ĐÁNH GIÁ ..."): its figures are facts of the past, not goals (gold/README.md: facts
# reported about the past are not targets). A heading that also names goals ("KẾT QUẢ ... VÀ NHIỆM VỤ ...") is not one.
_HEADING = re.compile(r"(?m)^[ \t]*(?:(?P<roman>[ivx]{1,4})|\d{1,2}(?:\.\d{1,2})*|phan\s+(?:thu\s+)?\w+)[.):\-][ \t]*(?P<head>[^\n]{3,160})$")
# (and a part that sets the criteria of emulation titles and awards, "IV. TIÊU CHUẨN KHEN THƯỞNG": its figures are
# conditions for an award, not goals the plan sets, gold/README.md)
# (and a part that describes the site as it is, "II. ĐẶC ĐIỂM KHU VỰC NỔ MÌN" of an enterprise's blasting plan, "Đặc điểm
# tự nhiên" of a project: the mine's area and coordinates there describe the licensed site, not what the plan sets)
_PAST_PART = re.compile(r"(?:ket\s+qua|tinh\s+hinh|thuc\s+trang|danh\s+gia|tieu\s+chuan|tieu\s+chi|(?:hinh\s+thuc\s+)?khen\s+thuong"
                        r"|dac\s+diem)(?!\w)")
_GOAL_PART = re.compile(r"(?<!\w)(?:muc\s+tieu|chi\s+tieu|nhiem\s+vu|ke\s+hoach|phuong\s+huong|giai\s+phap|de\s+xuat|kien\s+nghi)(?!\w)")


def _in_report_part(folded: str, at: int) -> bool:
    heads = list(_HEADING.finditer(folded, max(0, at - 8000), at))
    # "II.1. Vị trí ..." is an item of part II, not a part: the part is the last Roman heading without a number after it
    roman = next((h for h in reversed(heads) if h["roman"] and not h["head"][:1].isdigit()), None)
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
                  "xuong": "xuống", "xoa": "xóa xoá", "duy": "duy", "dam": "đảm", "bao": "bảo", "phan": "phấn",
                  "hoan": "hoàn"}


# "từ 9,18% (năm 2021)" between a verb and "xuống còn 4,5%": the starting value of the change
_BASELINE = re.compile(r"(?<!\w)tu\s+\d+(?:[.,]\d+)?\s*%?(?:\s*\(?\s*nam\s+\d{4}\s*\)?)?")
# "giảm nghèo" is the field (poverty reduction: "chỉ tiêu giảm nghèo", "công tác giảm nghèo"), not a decrease
_POVERTY_REDUCTION = re.compile(r"giam\s+ngheo(?!\w)")
# a result achieved: "vượt kế hoạch đề ra", "đạt kế hoạch", "..., đạt mục tiêu Nghị quyết Đại hội đề ra" after the value (news pages on provincial plans report the year's results)
_ACHIEVED = re.compile(r"(?<!\w)(?:vuot|dat|hoan\s+thanh)\s+(?:[\d,.]+\s*%\s+(?:so\s+voi\s+)?)?(?:ke\s+hoach|chi\s+tieu|muc\s+tieu)(?!\w)")
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
    value = number(m["v"])
    value_max = number(m["v2"]) if m["v2"] else None
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
    begin = sentence_start(text, m.start())
    if re.search(r"(?<!\w)đã(?!\w)", text[begin : m.start()]) and not _PLANNING.search(folded, begin, m.start()):
        return None  # "Năm 2025, đã đôn đốc thu hồi ... đạt 100% ...": a report's result, not a goal (lc-bc-ks2025)
    if (re.search(r"(?<!\w)(?:(?:giam|tang|dat)\s+duoc|ket\s+qua)(?!\w)", folded[begin : m.start()])
            and not _PLANNING.search(folded, begin, m.start())):
        return None  # "Năm 2022, toàn tỉnh giảm được 3.200 hộ nghèo, tỷ lệ ... xuống còn 10,1%": a result achieved
    sentence_end = re.search(r"\.\s|\n|$", text[m.end() :]).start() + m.end()
    if _YEAR_TOLD.match(folded, begin) and not _PLAN_WORDS.search(folded, begin, sentence_end):
        return None  # "Năm 2023, toàn tỉnh có 12.345 hộ thoát nghèo, tỷ lệ hộ nghèo giảm 4,12%"
    if (re.match(r"\s*(?:so\s+voi\s+)?(?:ke\s+hoach|chi\s+tieu|du\s+toan)(?!\w)(?!\s+(?:giam|tang|phat|ho\s+tro))", folded[m.end() : m.end() + 30])
            and not re.search(r"(?<!\w)(?:phan\s+dau|muc\s+tieu|hoan\s+thanh)(?!\w)", folded[begin : m.start()])):
        return None  # "đạt 105% kế hoạch", "thu ngân sách đạt 112% dự toán": a result measured against the plan
    if _ACHIEVED.search(folded, m.end(), sentence_end):
        return None  # "năm 2023 toàn tỉnh giảm 2,8% tỷ lệ hộ nghèo, vượt kế hoạch đề ra"
    if re.search(r"(?<!\w)(?:cao|thap)\s+hon\s*$|(?<!\w)(?:khong\s+(?:vuot\s+)?qua|vuot\s+qua)\s*$", before):
        return None  # "đạt cao hơn 125% mức doanh thu", "không quá 30%": a threshold of a rule, not a goal
    if re.match(r"[\s\-+*]*(?:(?:doi\s+voi\s+)?truong\s+hop|neu|khi)(?!\w)", folded[begin : m.start()]):
        return None  # "Khi doanh thu thực tế đạt cao hơn 125% ...", "Nếu ...": a condition of a rule (Luật, Nghị định)
    if re.search(r"(?<!\w)chua\s+lam\s+ro(?!\w)", before):
        return None  # "... Công ty chưa làm rõ ... quy mô 70%": a shortcoming pointed out, not a goal (bct-cv-logistic)
    if re.search(r"(?:(?<!\w)[x×*]|[=+])\s*$", folded[max(0, m.start() - 4) : m.start()]) or re.match(r"\s*[x×*=+](?!\w)", after_value):
        return None  # "0,35 x 20% x 20.000", "x 0,19% x 50% = ...": a factor of a computation, not a goal
    if re.search(r"(?<!\w)uoc\s+tinh(?!\w)", before):
        return None  # "khối lượng đá quá cỡ ... ước tính khoảng 20%": an estimate to compute with, not a goal
    if re.search(r"(?<!sức )(?<!bể )(?<!kho )(?<!\w)chứa(?!\w)", text[max(0, m.start() - 80) : m.start()], re.I):
        return None  # "HYPOCLORIT, KHÔ chứa trên 39% clo có sẵn": what a substance contains (goods of a transport licence)
    if re.match(r"\s*tinh\s+tren", after_value):
        return None  # "tỷ lệ 0,05% tính trên tổng số tiền phạt chưa nộp": a rate to compute with (bct-qd-26), not a goal
    if re.match(r"\s*so\s+voi", after_value) and not _PLANNING.search(folded, c_start, m.start()):
        return None  # "(năm 2024 tỷ lệ hộ nghèo là 12,5%,) giảm 2,3% so với năm 2023": a change reported, not set
    if re.match(r"\s*(?:\(?\s*(?:nam\s+)?\d{4}\s*\)?)?\s*,?\s*(?:xuong|len)(?:\s+con)?\s+(?:duoi\s+|khoang\s+)?\d", after_value + folded[m.end() + 30 : m.end() + 45]):
        return None  # "giảm từ 9,18% năm 2021 xuống còn 4,5%": the value the change starts from, not the goal
    since = max([c_start] + [t.end for t in previous if c_start <= t.end <= m.start()])
    counted_after = None
    if verb is not None:
        between = folded[verb.end() : m.start()]
        # "Phấn đấu đến năm 2025, 100% xã ...": the year between the verb and the value is the target's by_year
        words = _FILLER.sub(" ", _BY_YEAR.sub(" ", between)).strip(" ,")
        has_subject = folded.find("ty le", since, verb.start()) >= 0 and not _SCOPE_LEAD.match(folded, since)
        # "... 02 huyện thoát nghèo và 30% số xã đặc biệt khó khăn thoát khỏi ...": "số <noun>" after the value names
        # what the percentage counts (typical form of provincial poverty plans); the words before are another goal's
        counted_after = re.match(r"\s+so\s+(?!voi(?!\w))[^\W\d]", folded[m.end() : m.end() + 8])
        if len(words.split()) >= 2 and not (has_subject and "ty le" not in between) and not counted_after:  # "giảm tỷ lệ hộ nghèo bình quân từ 2-2,5%"
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
            object_end = _indicator_cut(text, folded, m.end(), c_stop)
            if ("ty le" not in folded[ind_start:ind_end] and object_end - m.end() > 3
                    and re.match(r"\s+[^\W\d]", folded[m.end() : m.end() + 3])
                    and not re.match(r"\s+(?:tro|so\s+voi|ke\s+hoach|chi\s+tieu|du\s+toan|moi|hang|trong|vao|den|toi|tu|theo|nam|tren|duoi)(?!\w)",
                                     folded[m.end() : m.end() + 14])):
                # "bảo đảm giải ngân 100% vốn được giao": the action before the value, its object after it
                indicator = f"{squash(indicator)} {squash(text[m.end() : object_end])}"
                end = object_end
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
        elif (previous and previous[-1].end >= c_start - 3 and re.match(r"[\s,]*rieng\s+ho\s", region_folded)
              and fold(previous[-1].indicator).startswith("ty le")):
            # "giảm tỷ lệ hộ nghèo 1,5 điểm phần trăm, riêng hộ nghèo đồng bào dân tộc thiểu số giảm 4 điểm phần trăm": a
            # kind of household is a rate of its own (a place, "riêng các huyện nghèo", is a scope, below)
            lead = re.match(r"[\s,]*rieng\s+", region_folded).end()
            sub = region[lead:]
            indicator = "tỷ lệ " + sub[: len(_SUBJECT_CUT.sub("", fold(sub)).rstrip())]
            start = since + lead
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
    if by_at is not None and not counted_after:
        start = by_at  # (not over another goal that lies between: "... 02 huyện ... và 30% số xã ...")
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
        text=text[start:end], start=start, end=end, indicator=lower_first(_clean_indicator(indicator)), direction=direction,
        value=value, value_max=value_max, unit=unit, per=per, by_year=by_year, scope=scope,
    )
