"""Planned quantities a decision, licence or plan sets: "Tổng vốn đầu tư: 5.171.344.000.000 đồng", "quy mô 482,6ha",
"63.000 kg/năm", "Vận động Quỹ Vì người nghèo 20 tỷ đồng/năm".

Owns `find_quantities(text, folded) -> list[Target]`. A quantity is a number and a unit of the lexicon
(`extract/lexicon/entities/targets.yaml`: units, quantity_labels, fillers, raising_verbs, ocr_units) read with its label:
the words before a colon ("Tổng vốn đầu tư: ..."), a label word of the lexicon before the value ("với quy mô 482,6ha"),
a "vốn ..." before money, the part after "trong đó" of a total, or, for money a plan raises or a subject reaches, the
clause before it ("Vận động Quỹ ...", "thu nhập bình quân đầu người đạt 120 triệu đồng/năm"). The lines around a bare
label name what it measures (a heading before a colon, a named zone, the object a line describes, the phase a line
heads, the material of a mass). Not quantities: the current state of land, a funding source, conditions ("không quá"),
facts checked against a rule ("thuộc trường hợp"), overlaps found, construction dimensions, figures reported ("đã").
"""

from __future__ import annotations

import re
from typing import Optional

from vnplan.bodies import fold, squash
from vnplan.entity_lexicon import load
from vnplan.models import Target
from vnplan.target_counts import lower_first

def number(s: str) -> float:
    """Vietnamese numbers: "5.171" and "1.360.668.000.000" are thousands, "2,5" and "763.876,85" decimals."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    return float(s.replace(",", "."))


_QLEX = load("targets")
_LABELS = sorted(_QLEX["quantity_labels"]["words"], key=len, reverse=True)
_LABEL = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _LABELS) + r")(?!\w)")
_UNITS = sorted(_QLEX["units"]["words"], key=len, reverse=True)
_PER_YEAR_ONLY = set(_QLEX["units"]["per_year_only"])
_TERM_ONLY = set(_QLEX["units"]["term_only"])
_FILLERS = sorted((fold(w) for w in _QLEX["fillers"]["words"]), key=len, reverse=True)
_OCR_UNITS = dict(_QLEX["ocr_units"]["words"])
_TERM_LABEL = re.compile(r"(?<!\w)(?:" + "|".join(w.replace(" ", r"\s+") for w in _QLEX["units"]["term_labels"]) + r")(?!\w)")
_OCR_MONEY = dict(_QLEX["ocr_money"]["words"])
_QNUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# Between an amount and its unit: spaces, a line break, or a line holding one or two stray digits that a scan's OCR
# left there ("434.000.000.000\n\n2\n\nđồng", kind of held-out lc-qd-2338; accepted for money only).
# A superscript a text layer flattened ("20.000 m 3/năm", an enterprise's blasting plan): "m 3" is "m3".
_QUANTITY = re.compile(
    rf"(?<![\w.,/])(?P<v>{_QNUM})(?:[ \t]*[-–][ \t]*(?P<v2>{_QNUM}))?(?P<stray>\s*\n[ \t]*\d{{1,2}}[ \t]*\n)?[ \t]*(?:\|[ \t]*)?\n?[ \t]*(?P<unit>"
    + r"m[ \t][23](?=[ \t]*/|[ \t]*[.;,)\n])|"
    + "|".join(re.escape(u) for u in sorted(_UNITS + list(_OCR_UNITS) + list(_OCR_MONEY), key=len, reverse=True))
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
    out: list[Target] = _period_rows(text, folded)
    taken = [(t.start, t.end) for t in out]
    for m in _QUANTITY.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        unit, per = m["unit"], bool(m["per"])
        if re.fullmatch(r"m[ \t][23]", unit):
            unit = "m" + unit[-1]
        per_year = per
        c_start = _clause_start(text, m.start())
        if unit in _OCR_MONEY:
            if not re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", m["v"]):
                continue
            unit = _OCR_MONEY[unit]  # "657.000.000.000 đông" (a scan's OCR): đồng
        if m["stray"] and unit not in _MONEY_UNITS:
            continue
        if unit in _OCR_UNITS:
            if not re.search(r"(?<!\w)dung\s+tich(?!\w)", folded[c_start : m.start()]):
                continue
            unit = _OCR_UNITS[unit]  # "dung tích bể chứa V 13,5m$" (dn-qd-89's OCR): m³
        before = text[c_start : m.start()]
        fb = folded[c_start : m.start()]
        label = None
        # the label ends at a colon, or at a table cell's edge ("Tổng vốn đầu tư | 3.277.000.000.000 | đồng", "... \t
        # 20.000 m3/năm": a table reader joins a row's cells with " | " or tabs); a cell starts after the previous one
        colon = max(before.rfind(":"), before.rfind("|"), before.rfind("\t"))
        if colon >= 0 and not before[colon + 1 :].strip(" \t\n≈=").replace("khoảng", "").strip():
            head_start = before.rfind(":", 0, colon) + 1
            if before[colon] in "|\t":
                head_start = max(before.rfind("|", 0, colon), before.rfind("\t", 0, colon), before.rfind("\n", 0, colon)) + 1
            if not before[head_start:colon].strip(" \t|"):
                colon = -1
        if colon >= 0 and not before[colon + 1 :].strip(" \t\n≈=|").replace("khoảng", "").strip():
            lead = _LINE_LEAD.match(before, head_start)
            label = (c_start + lead.end(), c_start + len(before[:colon].rstrip(" \t|")))
        if any(t.start <= m.start() < t.end for t in out[-2:]):  # out grows in reading order
            continue  # the share already read with its amount
        if re.match(r"\s*(?:thanh|len|xuong)\s+\d", folded[m.end() : m.end() + 12]):
            continue  # "từ 20,0 ha thành 60,0 ha": the value a change starts from
        if re.search(r"(?<!\w)khong\s+qua\s*$", fb):
            continue  # "sức chứa không quá 10 tấn": a condition, not a quantity set
        if out and out[-1].unit == unit and re.fullmatch(r"[\s,]*(?:trong\s+nam\s+\d{4})?[\s,]*(?:va)?\s*", fold(text[out[-1].end : m.start()])):
            prev = out[-1]  # "10% trong năm 2027, 50% trong năm 2028 và 100% ...": the indicator is shared
            out.append(Target(text=text[m.start() : m.end()], start=m.start(), end=m.end(), indicator=prev.indicator,
                              direction=prev.direction, value=number(m["v"]), unit=unit, by_year=_year_after(folded, m.end())))
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
        if re.search(r"(?<!\w)uoc\s+tinh(?!\w)", folded[label[0] : m.start()]):
            continue  # "Khối lượng đá quá cỡ ... ước tính khoảng 20%" (a blasting plan's factor): an estimate, not a goal
        if re.search(r"(?<!\w)(?:đã|đang|chưa)(?!\w)", text[label[0] : m.start()]):  # "chưa": "... Công ty chưa làm rõ ... quy mô"
            continue  # a fact reported ("diện tích ... đã được UBND tỉnh công bố là 1,69 ha")
        lab_text = re.sub(r"\s*\((?:nếu có|[^()]*)\)\s*", " ", text[label[0] : label[1]])
        lab_text = re.sub(r"(?i)\s*phấn đấu\s+", " ", lab_text)  # "Quỹ ... phấn đấu vận động được": a planning word
        lab_fold = fold(lab_text)
        has_lexicon_word = bool(_LABEL.search(lab_fold)) or unit in _MONEY_UNITS and bool(re.match(r"\s*von(?!\w)", lab_fold))
        if unit in _PER_YEAR_ONLY and not per:
            continue
        if unit in _TERM_ONLY and not _TERM_LABEL.search(lab_fold):
            continue
        if unit in _TERM_ONLY and re.search(r"thoi\s+han\s+(?:cua\s+)?giay\s+phep|hieu\s+luc", lab_fold):
            continue  # "Thời hạn của Giấy phép: 24 tháng": a licence's validity, its deadline (deadlines), not a target
        if unit in _TERM_ONLY:
            has_lexicon_word = True  # "Tiến độ thực hiện dự án: 21 tháng": the term label names the measure
        if part is not None and label == (c_start + part.start("x"), c_start + part.end("x")):
            has_lexicon_word = True
        heading = None
        if not has_lexicon_word and colon >= 0 and unit in _MONEY_UNITS:
            heading = _list_heading(text, label[0])
            has_lexicon_word = heading is not None
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
        if heading:  # "Giá trị dự toán xây dựng công trình:\n- Trước thuế giá trị gia tăng: ... đồng"
            indicator = f"{lower_first(heading)} {lower_first(indicator)}"
        elif len(indicator.split()) <= 4:  # syllables: "quy mô thực hiện"
            # a bare label names what it measures from around it: "2. Tổng mặt bằng khu đất đặt kho: Diện tích khoảng
            # 768 m²" (the heading before the colon), "Khu công nghiệp Võ Lao với quy mô 482,6ha" (the named object)
            line_before = text[max(c_start, text.rfind("\n", 0, label[0]) + 1) : label[0]]
            colon_head = re.match(r"(?P<head>[^:\n]{8,80}):\s*$", line_before.lstrip(" \t-+•~_"))  # "~", "_": OCR's dashes
            obj = list(_NAMED_OBJECT.finditer(text, max(0, label[0] - 300), label[0]))
            if colon_head and len(indicator.split()) <= 2:
                head = _LINE_LEAD.sub("", colon_head["head"], count=1)
                indicator = f"{indicator} {lower_first(squash(head))}"
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
        value_max = number(m["v2"]) if m["v2"] else None
        upto = re.match(rf"[ \t]*(?:đến|tới)[ \t]+(?P<v>{_QNUM})[ \t]*" + re.escape(m["unit"]) + r"(?![\w²³])", text[end : end + 40])
        if upto and value_max is None:  # "Mức phạt tiền từ 20.000.000 đồng đến 30.000.000 đồng": a range
            value_max, end = number(upto["v"]), end + upto.end()
        out.append(Target(text=text[start:end], start=start, end=end, indicator=indicator, direction=direction,
                          value=number(m["v"]), value_max=value_max,
                          unit=unit + ("/năm" if per else "") + (f"/{m['each']}" if m["each"] else ""),
                          per="year" if per_year else None, by_year=by_year))
        share = re.match(r"\s*\(\s*chi[eếê]m\s+(?P<v>\d+(?:,\d+)?)\s*%\s*(?P<of>[^)]{3,60})\)", text[end : end + 90])
        if share:  # "775.701.600.000 đồng (chiếm 15% tổng vốn đầu tư)": the share of the total
            s_start = end + share.start() + len(re.match(r"\s*\(\s*", share.group()).group())
            s_end = end + share.end("of")
            # "+ Vốn vay: Vốn vay tổ chức tín dụng: ... (chiếm 85% ...)": the share is the item's, named at the line head
            item = re.match(r"[ \t]*(?:[-+•*]|[a-zđ\d]{1,2}[.)])?[ \t]*(?P<head>[^:\n]{3,60}):[ \t]*$",
                            text[text.rfind("\n", 0, label[0]) + 1 : label[0]])
            of = lower_first(squash(item["head"])) if item and fold(indicator).startswith(fold(item["head"]).strip()) else indicator
            out.append(Target(text=text[s_start:s_end], start=s_start, end=s_end,
                              indicator=f"{of} trong {squash(share['of']).rstrip('.')}", direction="reach",
                              value=number(share["v"]), unit="%"))
    return out


_ITEM_HEAD = re.compile(r"[ \t]*(?:\d+(?:\.\d+)*[.)]|[a-zđ]\))?[ \t]*(?P<head>[^:\n]{3,80}?)[ \t]*:[ \t]*$")


def _list_heading(text: str, at: int) -> Optional[str]:
    """The heading a dash item's money stands under, when it names money of the lexicon: "7. Giá trị dự toán xây dựng
    công trình:\n- Trước thuế giá trị gia tăng: 14.631.302.504 đồng" (a construction design appraisal gives the
    approved estimate as items under its heading); the item alone names no measure."""
    line = text.rfind("\n", 0, at) + 1
    if not re.match(r"[ \t]*[-+•*][ \t]*$", text[line:at]):
        return None
    head = None
    for _ in range(6):  # up over the sibling items ("- Sau thuế ...: ... đồng" under "- Trước thuế ...")
        prev_end = line - 1
        while prev_end > 0 and text[prev_end - 1] in " \t\n":
            prev_end -= 1
        line = text.rfind("\n", 0, prev_end) + 1
        prev = text[line:prev_end]
        if not re.match(r"[ \t]*[-+•*]", prev):
            head = _ITEM_HEAD.match(prev)
            break
    if head is None:
        return None
    if head and _LABEL.search(fold(head["head"])) and _MONEY_LABEL.search(fold(head["head"])) or head and re.search(r"(?<!\w)du\s+toan(?!\w)", fold(head["head"])):
        return squash(head["head"])
    return None


_PERIOD = _QLEX["period_tables"]
_PERIOD_HEAD = re.compile(r"(?m)^[ \t|]*(?:[\w.]{1,8}[.)][ \t]*)?" + _PERIOD["heading"] + r"[ \t:.|]*$")
# a row of such a table: "Khối lượng thuốc nổ: 700 kg", and the forms a table reader gives it: cells joined by " | " or
# tabs ("Kíp các loại | 745 | cái"), the unit in its own cell before the value ("Dây nổ | mét | 370"), a row number first,
# label and value on separate lines ("Dây nổ:\n4.442 mét")
_ROW_UNIT = "|".join(re.escape(u) for u in sorted(_PERIOD["units"], key=len, reverse=True))
_SEP = r"[ \t]*(?:[:|\t][ \t|]*)\n?[ \t]*"
_PERIOD_ROW = re.compile(
    r"[ \t|]*(?:[-+•*][ \t]*)?(?:\d{1,2}[.)]?[ \t]*[|\t][ \t|]*)?(?P<label>[^\W\d_][^:|\t\n\d]{2,80}?)" + _SEP
    + rf"(?:(?P<v>{_QNUM})[ \t|]*(?P<unit>{_ROW_UNIT})|(?P<unit2>{_ROW_UNIT}){_SEP}(?P<v2>{_QNUM}))(?![\w²³])[ \t|.;]*(?:\n|$)"
)
_PERIOD_WORDS = {"thang": "tháng", "quy": "quý", "nam": "năm", "tuan": "tuần"}


def out_of(head: re.Match, found: list[Target]) -> bool:
    """Whether a row under this heading was read already."""
    return any(t.start > head.end() for t in found)


def _period_rows(text: str, folded: str) -> list[Target]:
    """The rows of a table of planned use per period ("BẢNG KHỐI LƯỢNG VLNCN CẦN SỬ DỤNG TRONG MỘT THÁNG"), an
    enterprise's blasting plan: each "label: value unit" row under the heading is a planned quantity."""
    out: list[Target] = []
    for h in _PERIOD_HEAD.finditer(folded):
        use = text[h.start("use") : h.end("use")]
        use = use[:1].lower() + use[1:].lower()  # the heading is in capitals: "CẦN SỬ DỤNG TRONG MỘT THÁNG"
        at = h.end() + 1
        while at < len(text):
            row = _PERIOD_ROW.match(text, at)
            line_end = text.find("\n", at)
            line_end = len(text) if line_end < 0 else line_end
            if row is None and not out_of(h, out) and not re.search(r"\d", text[at:line_end]) and line_end - at < 100:
                at = line_end + 1  # the table's header row ("TT | Loại vật liệu nổ | Đơn vị | Khối lượng")
                continue
            if row is None:
                break
            at = row.end()
            v, unit = (row["v"], row["unit"]) if row["v"] else (row["v2"], row["unit2"])
            label = squash(row["label"]).strip(" -+")
            start = row.start("label")
            end = row.end("unit") if row["v"] else row.end("v2")
            out.append(Target(text=text[start:end], start=start, end=end, indicator=f"{lower_first(label)} {use}",
                              direction="reach", value=number(v), unit=unit,
                              per="year" if h["period"] == "nam" else None))
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
    return lower_first(words)


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
