"""Targets: the numeric goals a plan sets ("giảm tỷ lệ hộ nghèo bình quân từ 2-2,5%/năm").

Owns `find_targets(text) -> list[Target]`. A target is anchored on its number: a percentage, or a
count of households/people/communes after "giảm"/"tăng". The indicator is read around the number
(after the verb, after the number, or the subject before the verb), the direction from the verb,
"/năm" or "bình quân mỗi năm" gives per="year", a preceding "đến năm 2020" gives by_year, and a
"riêng ..." aside gives the scope. Percentages inside a condition ("có tỷ lệ hộ nghèo từ 40% trở
lên") are a scope, not a target. Vietnamese decimals use a comma: "2,5" is 2.5.
"""

from __future__ import annotations

import re
from typing import Optional

from vnplan.bodies import fold, loose_fold, near, squash
from vnplan.entity_lexicon import load
from vnplan.models import Target

_NUM = r"\d+(?:[,.]\d+)?"
_PERCENT = re.compile(
    rf"(?P<from>tu\s+)?(?P<v>{_NUM})(?:\s*-\s*(?P<v2>{_NUM}))?\s*(?P<unit>%|diem\s*%|diem phan tram)"
    rf"(?P<per>\s*/\s*nam)?(?P<up>\s+tro\s+len)?"
)
_COUNT_UNITS = "ho|nguoi|lan|xa|huyen|thon|ban|doanh nghiep|lao dong|mo hinh|tre em"
_COUNT = re.compile(rf"(?<!\w)(?P<verb>giam|tang|thoat ngheo cho|ho tro|dao tao|giai quyet viec lam cho|co them)\s+(?:them\s+)?(?P<v>\d[\d.]*)\s+(?P<unit>{_COUNT_UNITS})(?!\w)")
_VERBS = re.compile(r"(?<!\w)(giam con|giam|xoa|tang len|tang|nang|duy tri|dat|dam bao|phan dau)(?!\w)")
_DIRECTION = {"giam con": "decrease", "giam": "decrease", "xoa": "decrease", "tang len": "increase", "tang": "increase",
              "nang": "increase", "duy tri": "maintain", "dat": "reach", "dam bao": "reach", "phan dau": "reach"}
_FILLER = re.compile(r"(?<!\w)(binh quan|moi nam|hang nam|tu|khoang|muc|con|xuong|len|duoc|it nhat|toi thieu|tren|duoi)(?!\w)")
_CLAUSE_BREAK = re.compile(r"[;.:()]|\n\s*[-+]\s|\n\s*[a-z0-9]{1,3}[.)]\s")
_INDICATOR_CUT = re.compile(
    r"\s+(?P<w>(?:vao|trong|den|toi)\s+(?:cuoi\s+)?nam\s+(?:19|20)\d\d|so\s+voi|ve|theo\s+quy\s+dinh|giai\s+doan|tai\s+cac|nham|de|dong\s+thoi|tren\s+dia\s+ban|cua\s+tinh|cua\s+huyen)(?!\w)"
    r"|[,;.:()]\s*(?:giai\s+doan|dong\s+thoi|nham|de)(?!\w)|[;.:()]"
)
_SUBJECT_CUT = re.compile(r"\s+(?:tren\s+dia\s+ban|cua\s+tinh|cua\s+huyen|cua\s+ca\s+nuoc|o\s+cac)(?!\w).*$", re.S)
_SCOPE_LEAD = re.compile(r"\s*(?:rieng|doi\s+voi|trong\s+do)\s+")


def _indicator_cut(text: str, folded: str, start: int, stop: int) -> int:
    """Where an indicator read after the number ends ("về y tế, giáo dục, ..." is a list of fields, not the indicator)."""
    for m in _INDICATOR_CUT.finditer(folded, start, stop):
        if m.group("w") == "ve" and text[m.start("w") : m.end("w")] == "vệ":  # "bảo vệ", not "về"
            continue
        return m.start()
    return stop
_BY_YEAR = re.compile(r"(?:den|toi|trong|vao)\s+(?:cuoi\s+)?nam\s+(?P<y>(?:19|20)\d\d)|chi tieu nam\s+(?P<y2>(?:19|20)\d\d)")
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
    for m in _PERCENT.finditer(folded):
        if any(t.start <= m.start() < t.end for t in out):
            continue
        target = _percent_target(text, folded, m, out)
        if target is not None:
            out.append(target)
    for m in _COUNT.finditer(folded):
        if any(t.start <= m.start() < t.end for t in out):
            continue
        out.append(_count_target(text, folded, m))
    out.sort(key=lambda t: t.start)
    return out


def _by_year(folded: str, start: int, at: int) -> tuple[Optional[int], Optional[int]]:
    by = None
    for y in _BY_YEAR.finditer(folded, start, at):
        by = (int(y["y"] or y["y2"]), y.start())
    return by if by else (None, None)


def _percent_target(text: str, folded: str, m: re.Match, previous: list[Target]) -> Optional[Target]:
    c_start, c_stop = _clause_bounds(folded, m.start(), m.end())
    before = folded[c_start : m.start()]
    if _CONDITION.search(before) and not _VERBS.search(before[_CONDITION.search(before).start() :]):
        return None  # "(các xã) có tỷ lệ hộ nghèo từ 40% trở lên": a condition, part of a scope
    value = _number(m["v"])
    value_max = _number(m["v2"]) if m["v2"] else None
    unit = "%" if m["unit"] == "%" else "điểm %"
    per = "year" if m["per"] or re.search(r"(binh quan )?moi nam|hang nam", before[-40:]) else None
    verbs = list(_VERBS.finditer(folded, c_start, m.start()))
    verb = verbs[-1] if verbs else None
    direction = _DIRECTION[verb.group(1)] if verb else "reach"
    if verb and verb.group(1) == "duy tri" and re.search(r"giam|tang", folded[verb.end() : m.start()]):
        direction = "decrease" if "giam" in folded[verb.end() : m.start()] else "increase"
    start, end = m.start(), m.end()
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
    if re.search(r"(?<!\w)chua\s+lam\s+ro(?!\w)", before):
        return None  # "... Công ty chưa làm rõ ... quy mô 70%": a shortcoming pointed out, not a goal (bct-cv-logistic)
    if re.match(r"\s*tinh\s+tren", after_value):
        return None  # "tỷ lệ 0,05% tính trên tổng số tiền phạt chưa nộp": a rate to compute with (bct-qd-26), not a goal
    if re.match(r"\s*so\s+voi", after_value) and not _PLANNING.search(folded, c_start, m.start()):
        return None  # "(năm 2024 tỷ lệ hộ nghèo là 12,5%,) giảm 2,3% so với năm 2023": a change reported, not set
    if verb is not None:
        between = folded[verb.end() : m.start()]
        # "Phấn đấu đến năm 2025, 100% xã ...": the year between the verb and the value is the target's by_year
        words = _FILLER.sub(" ", _BY_YEAR.sub(" ", between)).strip(" ,")
        if len(words.split()) >= 2:  # "giảm tỷ lệ hộ nghèo bình quân từ 2-2,5%"
            seg_end = verb.end() + len(between)
            cut = re.search(r"\s+(?:binh quan|moi nam|hang nam|tu|khoang|muc)(?!\w)", folded[verb.end() : seg_end])
            ind_end = verb.end() + cut.start() if cut else seg_end
            indicator = text[verb.end() : ind_end]
            start = verb.start()
    if indicator is None:
        after = folded[m.end() : c_stop]
        phrase_end = _indicator_cut(text, folded, m.end(), c_stop)
        if up_end is None and re.match(r"\s*(?:ty le|so|\w)", after) and phrase_end - m.end() > 3 and not re.match(r"\s*(?:/|tro len|tro xuong|,)", after):
            indicator = text[m.end() : phrase_end]
            end = phrase_end
            if verb is not None:
                start = verb.start() if folded[verb.end() : m.start()].strip() in ("", "tu") or len(_FILLER.sub(" ", folded[verb.end() : m.start()]).split()) < 2 else start
    if indicator is None and verb is not None:
        # "tỷ lệ hộ nghèo ... giảm còn khoảng 11%": the subject before the (first) verb
        s = folded[c_start : verb.start()].rfind("ty le")
        first_verb = next((v for v in verbs if v.start() > c_start + s), verb) if s >= 0 else verb
        scoped = _SCOPE_LEAD.match(folded, c_start)
        if s >= 0 and not scoped:
            sub_text = text[c_start + s : first_verb.start()]
            indicator = text[c_start + s : c_start + s + len(_SUBJECT_CUT.sub("", fold(sub_text)).rstrip())]
            start = c_start + s
        elif previous and previous[-1].end >= c_start - 3:
            # "(riêng các huyện, xã có tỷ lệ hộ nghèo từ 40% trở lên giảm từ 4%/năm trở lên)"
            indicator = previous[-1].indicator
            scope_text = text[c_start : verb.start()]
            scope_folded = fold(scope_text)
            lead = re.match(r"\s*(?:rieng|doi voi|trong do)\s+", scope_folded)
            offset = lead.end() if lead else len(scope_text) - len(scope_text.lstrip())
            scope = squash(scope_text[offset:]) or None
            start = c_start + offset
        else:
            return None
    if indicator is None:
        return None
    since = max([c_start] + [t.end for t in previous if t.end <= start])
    by_year, by_at = _by_year(folded, since, start)
    if by_at is not None:
        start = by_at
    elif by_year is None:
        by_year = _year_after(folded, m.end())  # "Tỷ lệ lao động qua đào tạo đạt 65% vào năm 2025"
    while end > start and text[end - 1] in " \t\n,;":
        end -= 1
    if isinstance(indicator, str) and not fold(indicator).strip():
        return None
    return Target(
        text=text[start:end], start=start, end=end, indicator=_lower_first(_clean_indicator(indicator)), direction=direction,
        value=value, value_max=value_max, unit=unit, per=per, by_year=by_year, scope=scope,
    )


_UNIT_NAMES = {"ho": "hộ", "nguoi": "người", "lan": "lần", "xa": "xã", "huyen": "huyện", "thon": "thôn", "ban": "bản",
               "doanh nghiep": "doanh nghiệp", "lao dong": "lao động", "mo hinh": "mô hình", "tre em": "trẻ em"}


def _count_target(text: str, folded: str, m: re.Match) -> Target:
    c_start, c_stop = _clause_bounds(folded, m.start(), m.end())
    end = _indicator_cut(text, folded, m.start("unit"), c_stop)
    while end > m.start() and text[end - 1] in " \t\n,;":
        end -= 1
    start = m.start()
    by_year, by_at = _by_year(folded, c_start, m.start())
    if by_at is not None:
        start = by_at
    verb = m["verb"]
    direction = "decrease" if verb == "giam" else "increase" if verb in ("tang", "co them") else "reach"
    return Target(
        text=text[start:end], start=start, end=end, indicator=_clean_indicator(text[m.start("unit") : end]), direction=direction,
        value=_number(m["v"]), unit=_UNIT_NAMES[m["unit"]], by_year=by_year,
    )


# ---------------------------------------------------------------- planned quantities

_QLEX = load("targets")
_LABELS = sorted(_QLEX["quantity_labels"]["words"], key=len, reverse=True)
_LABEL = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _LABELS) + r")(?!\w)")
_UNITS = sorted(_QLEX["units"]["words"], key=len, reverse=True)
_PER_YEAR_ONLY = set(_QLEX["units"]["per_year_only"])
_TERM_ONLY = set(_QLEX["units"]["term_only"])
_FILLERS = sorted((fold(w) for w in _QLEX["fillers"]["words"]), key=len, reverse=True)
_QNUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_QUANTITY = re.compile(
    rf"(?<![\w.,/])(?P<v>{_QNUM})[ \t]*\n?[ \t]*(?P<unit>" + "|".join(re.escape(u) for u in _UNITS) + r")(?P<per>[ \t]*/[ \t]*năm)?(?![\w²³])"
)
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
        c_start = _clause_start(text, m.start())
        before = text[c_start : m.start()]
        fb = folded[c_start : m.start()]
        label = None
        colon = before.rfind(":")
        if colon >= 0 and not before[colon + 1 :].strip(" \t\n≈=").replace("khoảng", "").strip():
            head_start = before.rfind(":", 0, colon) + 1
            lead = _LINE_LEAD.match(before, head_start)
            label = (c_start + lead.end(), c_start + colon)
        if any(t.start <= m.start() < t.end for t in out):
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
        if label is None and labels:
            label = (labels[-1].start(), m.start())
        if label is None:
            continue
        sentence_end = re.search(r"[.;]\s|\n", folded[m.end() : m.end() + 60])
        if _CURRENT_STATE.search(folded, label[0], m.end() + (sentence_end.start() if sentence_end else 60)):
            continue  # "diện tích 1,69 ha hiện trạng đất cụm công nghiệp", "... thể hiện theo hiện trạng": what is, not a plan
        if unit == "%" and re.search(r"nguon\s+von", fold(text[c_start : m.start()])):
            continue  # "Nguồn vốn đầu tư: 100% vốn tự có": where the money comes from, not a quantity set (dn-qd-89)
        if re.search(r"(?<!\w)(?:đã|đang|chưa)(?!\w)", text[label[0] : m.start()]):  # "chưa": "... Công ty chưa làm rõ ... quy mô"
            continue  # a fact reported ("diện tích ... đã được UBND tỉnh công bố là 1,69 ha")
        lab_text = re.sub(r"\s*\((?:nếu có|[^()]*)\)\s*", " ", text[label[0] : label[1]])
        lab_fold = fold(lab_text)
        has_lexicon_word = bool(_LABEL.search(lab_fold))
        if unit in _PER_YEAR_ONLY and not per:
            continue
        if unit in _TERM_ONLY and not re.search(r"thoi\s+han", lab_fold):
            continue
        if not has_lexicon_word and not per or unit == "%" and not has_lexicon_word:
            continue
        direction = "reach"
        between = fold(text[label[0] : m.start()])
        span_from = re.search(r"(?<!\w)tu\s+[\d.,]+\s*\S*\s+(?:thanh|len)\s*$", between)
        if span_from:
            direction = "increase"
            lab_text = text[label[0] : label[0] + span_from.start()]
        elif re.search(r"(?<!\w)giam(?!\w)", between):
            direction = "decrease"
        elif re.search(r"(?<!\w)tang(?!\w)", between):
            direction = "increase"
        indicator = _indicator_of(lab_text)
        by = re.search(r"(?:den|toi)\s+nam\s+((?:19|20)\d\d)", fold(lab_text))
        by_year = int(by.group(1)) if by else _year_after(folded, m.end())
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
        start = label[0]
        end = m.end()
        out.append(Target(text=text[start:end], start=start, end=end, indicator=indicator, direction=direction,
                          value=_number(m["v"]), unit=unit + ("/năm" if per else ""), per="year" if per else None,
                          by_year=by_year))
        share = re.match(r"\s*\(\s*chiếm\s+(?P<v>\d+(?:,\d+)?)\s*%\s*(?P<of>[^)]{3,60})\)", text[end : end + 90])
        if share:  # "775.701.600.000 đồng (chiếm 15% tổng vốn đầu tư)": the share of the total
            s_start = end + share.start() + share.group().index("chiếm")
            s_end = end + share.end("of")
            out.append(Target(text=text[s_start:s_end], start=s_start, end=s_end,
                              indicator=f"{indicator} trong {squash(share['of']).rstrip('.')}", direction="reach",
                              value=_number(share["v"]), unit="%"))
    return out


def _year_after(folded: str, at: int) -> Optional[int]:
    """"10% trong năm 2027": the year the value is planned for."""
    m = re.match(r"\s*(?:trong|vao|den)\s+nam\s+((?:19|20)\d\d)", folded[at : at + 25])
    return int(m.group(1)) if m else None


def _indicator_of(label: str) -> str:
    words = squash(label).strip(" ,;:-+").rstrip(".")
    folded = fold(words)
    for f in _FILLERS:
        if folded.endswith(" " + f):
            words = words[: len(words) - len(f) - 1].rstrip()
            folded = fold(words)
    return _lower_first(words)
