"""Counted targets of a plan: "giảm 500 hộ nghèo", "Hỗ trợ xây dựng 500 nhà Đại đoàn kết", "Mỗi năm đào tạo nghề cho
1.500 lao động", "Kiểm tra ... đối với 04 đơn vị", and multiples: "thu nhập ... tăng 1,5 lần".

Owns `find_counts(text, folded, taken) -> list[Target]`, `find_multiples(...)` and `find_frequencies(...)` (how often a
plan will do something: "tổ chức thực hiện nổ mìn 03 lần/tuần"). A count is a whole number before a
counted noun of the lexicon (`count_units`); the words before it in its clause say what the plan does with it: a
direction verb ("giảm", "tăng", "có thêm") or a light verb ("có", "giúp") leaves the counted phrase as the indicator;
an action verb ("hỗ trợ xây dựng", "đào tạo nghề cho", "kiểm tra ... đối với") names the action, written after the
counted phrase with "được" ("nhà Đại đoàn kết được hỗ trợ xây dựng"). Planning words before the verb ("Phấn đấu",
"Hằng năm", "Đến năm 2025") give `per` and `by_year`. A sentence that reports what was done ("đã", "đang") sets
nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from typing import Optional

from vnplan.bodies import squash
from vnplan.entity_lexicon import load
from vnplan.models import Target

_LEX = load("targets")
_UNITS = sorted(_LEX["count_units"]["words"], key=len, reverse=True)
_ACTIONS = sorted(_LEX["action_verbs"]["words"], key=len, reverse=True)
_LIGHT = sorted(_LEX["light_verbs"]["words"], key=len, reverse=True)

_WORDS = lambda ws: "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + ")"  # noqa: E731
# a whole number ("1.500", "04"), not a part of a date, a code or a decimal
_CNUM = r"\d{1,3}(?:\.\d{3})+|\d+"
_COUNT = re.compile(rf"(?<![\w.,/%-])(?P<v>{_CNUM})(?:\s*-\s*(?P<v2>{_CNUM}))?\s+(?P<unit>{_WORDS(_UNITS)})(?!\w)")
_CLAUSE_BREAK = re.compile(r"[;.:()]\s|[;:()]|\n\s*[-+•*]\s|\n\s*[a-z0-9]{1,3}[.)]\s|\n\s*\n")
# planning words that may open the clause before the verb (typical forms of provincial poverty plans)
_LEAD = re.compile(
    r"\s*(?:[-+•*~]\s*|phan\s+dau|hang\s+nam|moi\s+nam|binh\s+quan|(?:chi|muc)\s+tieu(?:\s+nam\s+\d{4})?|dang\s+ky"
    # the province or district that sets the goal, in news pages: "Tỉnh phấn đấu đến năm 2025 có thêm 2 huyện thoát nghèo"
    r"|(?:toan\s+)?(?:tinh|huyen|thanh\s+pho|thi\s+xa)\s+(?=phan\s+dau(?!\w))"
    # "Phấn đấu mỗi xã xây dựng ít nhất 01 mô hình", "Mỗi tổ chức thành viên đăng ký giúp đỡ ít nhất 05 hộ nghèo": the
    # unit each count is for
    r"|moi\s+(?:xa|phuong|thi\s+tran|huyen|thon|ban|to\s+dan\s+pho|don\s+vi|to\s+chuc(?:\s+thanh\s+vien)?|co\s+quan"
    r"|doanh\s+nghiep|hoi\s+vien|dang\s+vien|can\s+bo)"
    r"|(?:den|toi|trong|vao)\s+(?:(?:cuoi|het)\s+)?nam\s+\d{4}|nam\s+\d{4}|(?:trong\s+)?giai\s+doan\s+\d{4}\s*-\s*\d{4}|,)\s*"
)
_PER_YEAR = re.compile(r"(?<!\w)(?:hang\s+nam|moi\s+nam|binh\s+quan\s+(?:hang|moi)\s+nam)(?!\w)")
_BY_YEAR = re.compile(r"(?:den|toi|vao|trong)\s+(?:(?:cuoi|het)\s+)?nam\s+(?P<y>(?:19|20)\d\d)|(?:chi|muc)\s+tieu\s+nam\s+(?P<y2>(?:19|20)\d\d)"
                      r"|^\s*[-+]?\s*nam\s+(?P<y3>(?:19|20)\d\d)\s*:")
# words after a verb and before the number that belong to neither ("cho 2.000 lao động", "đối với 04 đơn vị")
_TRAIL = re.compile(r"(?:\s+(?:cho|doi\s+voi|them|duoc|khoang|tren|it\s+nhat|toi\s+thieu|tu|thuc\s+hien|tai))+\s*$")
# a count that tells what something is made of ("thành lập Đoàn kiểm tra gồm 05 người", "... với 03 thành viên"), not
# how many a plan will do
_MADE_OF = re.compile(r"(?<!\w)(?:gom|bao\s+gom|gom\s+co|co|la|(?<!doi\s)voi|trong\s+do)\s*$")
# where the counted phrase ends (time, comparison, purpose, place of the whole plan, the next count)
_NOUN_END = re.compile(
    r"\s+(?:(?:vao|trong|den|toi)\s+(?:(?:cuoi|het)\s+)?nam\s+\d{4}|so\s+voi|voi|nham|de|dong\s+thoi|giai\s+doan|tren\s+dia\s+ban"
    r"|moi\s+nam|hang\s+nam|trong\s+giai\s+doan)(?!\w)|\s*,\s*(?=\d)|\s*/\s*nam|[;.:()\n]|,\s*(?:dat|trong\s+do|moi|voi)(?!\w)"
    rf"|\s+va\s+(?={_WORDS(_ACTIONS)}(?!\w))"  # "xây dựng mới 250 nhà ... và sửa chữa 100 nhà": the next action
    r"|,\s*(?=ty\s+le(?!\w))"  # "giảm 350 hộ nghèo, tỷ lệ hộ nghèo ...": the next target
    r"|,\s*(?=(?:dua|giam|tang|nang)\s)"  # "giảm 3.000 hộ nghèo, đưa tỷ lệ hộ nghèo xuống dưới 2%": the next verb's target
    r"|\s+va\s+(?=\d)"  # "02 huyện thoát khỏi ... và 30% số xã ...": the next value
    r"|\s+la\s"  # "2 huyện thoát nghèo là Như Xuân và Thường Xuân": the names of what is counted
)
# the place an action is done in is not part of what is counted ("... trên địa bàn tỉnh Lào Cai thuộc phạm vi ...")
_ACTION_END = re.compile(r"\s+(?:tren\s+dia\s+ban|thuoc\s+pham\s+vi|cua\s+(?:tinh|huyen|xa|so))(?!\w)")
_PAST = re.compile(r"(?<!\w)(?:đã|đang|được\s+giao\s+đã)(?!\w)")
# after a counted phrase cut at its place ("... trên địa bàn tỉnh Cao Bằng"), a few words of the place and then an action
# verb ending the clause: the purpose of the action ("... xây mới và sửa chữa nhà ở"; typical form of provincial
# poverty plans' housing goals)
_PURPOSE_AFTER_PLACE = re.compile(rf"\s+tren\s+dia\s+ban\s+(?:[^\W\d]+\s+){{1,5}}?(?P<p>{_WORDS(_ACTIONS)}(?!\w)[^;.:()\n]{{0,80}}?)(?=\s*(?:[;.:()\n]|$))")
# as extract/targets.py: a sentence opened by "Năm 2023," without a word of planning tells that year's results
_YEAR_TOLD = re.compile(r"[\s\-+*]*(?:trong\s+)?nam\s+(?:19|20)\d\d\s*,")
_PLAN_WORDS = re.compile(r"(?<!\w)(?:phan\s+dau|muc\s+tieu|chi\s+tieu|ke\s+hoach|den\s+nam|se|can|phai|dat\s+ra|de\s+ra)(?!\w)")


def spans_of(targets: list[Target]) -> list[tuple[int, int]]:
    return sorted((t.start, t.end) for t in targets)


def inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls inside one of the sorted `spans` (a long statute holds thousands of values: no scan of all)."""
    i = bisect_right(spans, (at, float("inf"))) - 1
    return any(spans[j][0] <= at < spans[j][1] for j in range(max(0, i - 3), i + 1))


def _clause_start(folded: str, at: int) -> int:
    start = max(0, at - 300)
    for m in _CLAUSE_BREAK.finditer(folded, start, at):
        start = m.end()
    return start


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _lead_end(folded: str, start: int, stop: int) -> tuple[int, bool, Optional[int]]:
    """Skip the planning words that open a clause: (where the verb starts, per year, by_year)."""
    at, per, by, _ = _lead(folded, start, stop)
    return at, per, by


def _lead(folded: str, start: int, stop: int) -> tuple[int, bool, Optional[int], Optional[int]]:
    """`_lead_end` and where its year phrase starts ("đến năm 2025" belongs to the target's text, not to a deadline:
    gold/README.md)."""
    per, by, by_at = False, None, None
    at = start
    while True:
        m = _LEAD.match(folded, at, stop)
        if not m or m.end() == at:
            break
        if _PER_YEAR.search(m.group()):
            per = True
        y = re.search(r"(?:den|toi|vao)\s+(?:(?:cuoi|het)\s+)?nam\s+(\d{4})", m.group())
        if y:
            by, by_at = int(y.group(1)), m.start() + y.start()
        at = m.end()
    return at, per, by, by_at


def _dedupe(words: str) -> str:
    """A word typed twice ("việc việc chấp hành", lc-qd-kthoachat) once."""
    return re.sub(r"(?<!\w)(\w+)\s+\1(?!\w)", r"\1", words)


def _number(s: str) -> float:
    return float(s.replace(".", ""))


# "giảm <số hộ nghèo> xuống còn", "<số hộ nghèo> giảm còn": a subject and a change to a level
_SUBJECT_VERB = re.compile(r"(?P<v1>giam|tang)\s+(?P<s1>so\s.+?)\s+(?:xuong\s+con|xuong|con|len)"
                           r"|(?P<s2>so\s.+?)\s+(?P<v2>giam|tang)(?:\s+(?:xuong\s+con|xuong|con|len))?")
_SUBJECT_FILLER = re.compile(r"(?:\s+(?:binh\s+quan|moi\s+nam|hang\s+nam|khoang|dat|tren|it\s+nhat|toi\s+thieu))+\s*$")


def _written_direction(text: str, start: int, stop: int) -> bool:
    """"giảm"/"tăng" written as such in the phrase ("tầng" folds as "tăng")."""
    return bool(re.search(r"(?i)(?<!\w)(?:giảm|tăng|giam|tang)(?!\w)", text[start:stop]))


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding offset `at` begins: after the last ". " or line break before it."""
    return max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1


def find_counts(text: str, folded: str, taken: list[Target]) -> list[Target]:
    out: list[Target] = []
    spans = spans_of(taken)
    for m in _COUNT.finditer(folded):
        if inside(spans, m.start()):
            continue
        c_start = _clause_start(folded, m.start())
        sentence = sentence_start(text, m.start())
        if _PAST.search(text, sentence, m.start()):
            continue  # "Sau 5 năm thực hiện, toàn tỉnh đã có 12.345 hộ thoát nghèo": a result reported
        if _YEAR_TOLD.match(folded, sentence) and not _PLAN_WORDS.search(folded, sentence, m.start()):
            continue  # "Năm 2023, toàn tỉnh có 12.345 hộ thoát nghèo": that year's result
        before = [t.end for t in taken + out if c_start <= t.end <= m.start()]
        if before and not re.fullmatch(r"[\s,]*(?:va\s+)?", folded[max(before) : m.start()]):
            # "... 250 nhà "Đại đoàn kết" và sửa chữa 100 nhà": the next count's verb starts after the previous target
            c_start = max(before) + len(re.match(r"[\s,]*(?:va\s+)?", folded[max(before) :]).group())
        verb_at, per, by_year, by_at = _lead(folded, c_start, m.start())
        phrase = folded[verb_at : m.start()]
        if re.search(r"(?<!\w)(?:giam|tang|dat)\s+duoc(?!\w)", phrase) and not re.search(r"(?<!\w)phan\s+dau(?!\w)", folded[c_start:m.start()]):
            continue  # "Năm 2022, toàn tỉnh giảm được 3.200 hộ nghèo": a result achieved
        phrase_end = verb_at + len(_TRAIL.sub("", phrase).rstrip(" ,"))
        verb_words = folded[verb_at:phrase_end].strip()
        # the counted phrase
        stop = _NOUN_END.search(folded, m.end("unit"))
        n_end = stop.start() if stop else len(folded)
        n_end = min(n_end, m.end("unit") + 160)
        noun = squash(text[m.start("unit") : n_end]).rstrip(" ,")
        after = folded[n_end : n_end + 40]
        if re.match(r"\s*/\s*nam", after) or _PER_YEAR.match(after.lstrip()):
            per = True
        y = re.match(r"\s*(?:vao|trong|den)\s+(?:(?:cuoi|het)\s+)?nam\s+(\d{4})", after)
        if y and by_year is None:
            by_year = int(y.group(1))
        if by_year is None:
            for b in _BY_YEAR.finditer(folded, _line_start(text, m.start()), m.start()):
                by_year = int(b["y"] or b["y2"] or b["y3"])
        direction = "reach"
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"\s*,\s*(?:va\s+)?", folded[prev.end : m.start()]):
            # "giảm 350 hộ nghèo, 200 hộ cận nghèo": the second count shares the first one's verb
            indicator, direction, by_year, per = noun, prev.direction, prev.by_year, bool(prev.per)
            start = m.start()
        elif not verb_words:
            continue  # a bare count ("01 kho chứa thuốc nổ") sets nothing
        elif _SUBJECT_VERB.fullmatch(verb_words) and _written_direction(text, verb_at, phrase_end):
            # "Giảm số hộ nghèo xuống còn 2.000 hộ", "Số hộ nghèo giảm còn 1.500 hộ": the counted thing is the subject
            sv = _SUBJECT_VERB.fullmatch(verb_words)
            subj = sv["s1"] or sv["s2"]
            s_at = verb_at + (sv.start("s1") if sv["s1"] else sv.start("s2"))
            indicator = squash(text[s_at : s_at + len(subj)])
            direction = "decrease" if (sv["v1"] or sv["v2"]).startswith("giam") else "increase"
            start = verb_at
        elif re.match(r"so\s", verb_words) and not re.search(r"(?<!\w)(?:la|co|gom)(?!\w)", verb_words):
            # "Số hộ thoát nghèo bình quân mỗi năm khoảng 800 hộ": "số ..." names the count (not "Số hộ nghèo là ...")
            indicator = squash(text[verb_at : verb_at + len(_SUBJECT_FILLER.sub("", verb_words))])
            if _PER_YEAR.search(verb_words):
                per = True
            start = verb_at
        elif re.fullmatch(r"(?:.*\s)?giam(?:\s+(?:them|it\s+nhat|toi\s+thieu))?", verb_words) and re.search(r"(?i)giảm|giam", text[verb_at:phrase_end]):
            # "giảm 500 hộ nghèo"; "UBND tỉnh giao chỉ tiêu giảm 1.200 hộ nghèo": the verb next to the count
            direction, indicator = "decrease", noun
            start = verb_at
        elif (re.fullmatch(r"(?:tang|co\s+them)(?:\s+them)?", phrase.strip(" ,"))
              and text[verb_at : verb_at + 4].lower() != "tặng"):
            direction, indicator = "increase", noun
            start = verb_at
        elif re.fullmatch(_WORDS(_LIGHT), verb_words):
            indicator = noun
            start = verb_at
        elif re.match(_WORDS(_ACTIONS) + r"(?!\w)", verb_words) and not _MADE_OF.search(phrase.rstrip(" ,")):
            cut = _ACTION_END.search(folded, verb_at, phrase_end)
            action = squash(text[verb_at : cut.start() if cut else phrase_end]).rstrip(" ,")
            action = _dedupe(action[:1].lower() + action[1:])
            purpose = _PURPOSE_AFTER_PLACE.match(folded, n_end)
            if purpose:
                # "hỗ trợ 1.200 hộ nghèo, hộ cận nghèo trên địa bàn tỉnh Cao Bằng xây mới và sửa chữa nhà ở": what the
                # counted households are helped to do comes after the place
                action = f"{action} {squash(text[purpose.start('p') : purpose.end()])}"
                n_end = purpose.end()
            indicator = f"{noun} được {action}"
            start = verb_at
        else:
            continue
        if by_at is not None and by_year is not None and start == verb_at:
            start = by_at  # "Phấn đấu đến năm 2025 có thêm 10 xã ...": the year is the target's
        end = n_end
        while end > start and text[end - 1] in " \t\n,;":
            end -= 1
        unit = squash(text[m.start("unit") : m.end("unit")])
        unit = unit[:1].lower() + unit[1:]
        insort(spans, (start, end))
        out.append(Target(text=text[start:end], start=start, end=end, indicator=lower_first(indicator),
                          direction=direction, value=_number(m["v"]), value_max=_number(m["v2"]) if m["v2"] else None,
                          unit=unit, per="year" if per else None,
                          by_year=by_year))
    return out


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s[:2] != s[:2].upper() else s


# ---------------------------------------------------------------- multiples

_MULTIPLE = re.compile(r"(?<!\w)(?:(?P<verb>tang|gap)|(?P<lead>tang|nang)\s+(?P<subj>[^,;.\n]{3,80}?)\s+len)\s+(?:len\s+)?"
                       r"(?:khoang\s+|it\s+nhat\s+|tren\s+)?(?P<v>\d+(?:,\d+)?)\s+lan(?!\w)")
# a place restriction of the subject ("... của người dân ở các xã đặc biệt khó khăn"): a scope, not the indicator
_SUBJECT_SCOPE = re.compile(r"\s+(?:o|tai)\s+(?:cac|khu\s+vuc|vung|dia\s+ban)(?!\w).*$|\s+tren\s+dia\s+ban(?!\w).*$", re.S)


# A multiple inside a rule or a computation ("Trường hợp ... thì ... được tăng lên 02 lần", "có độ dốc cao nên bán kính
# vùng nguy hiểm phải tăng lên 1,5 lần", "theo công thức"; the safety-distance computations of enterprises' blasting
# plans under QCVN 01:2019/BCT) is a factor of the rule, not a goal. Written words: "thì", "nên" fold as "thị", "nền".
_RULE_WORDS = re.compile(r"(?i)(?<!\w)(?:thì|nên|trường\s+hợp|nếu|công\s+thức|phải)(?!\w)")


def find_multiples(text: str, folded: str, taken: list[Target]) -> list[Target]:
    """"Thu nhập bình quân của hộ nghèo tăng 1,5 lần so với cuối năm 2015" (Quyết định 1258/QĐ-TTg's income target,
    as provincial plans repeat it): the subject before the verb is the indicator, unit "lần"."""
    out = []
    spans = spans_of(taken)
    for m in _MULTIPLE.finditer(folded):
        if inside(spans, m.start()):
            continue
        c_start = _clause_start(folded, m.start())
        sentence = sentence_start(text, m.start())
        if _PAST.search(text, sentence, m.start()):
            continue
        at, per, by_year = _lead_end(folded, c_start, m.start())
        if m["subj"]:  # "Phấn đấu tăng thu nhập của hộ nghèo lên 1,5 lần": the subject after the verb
            at = m.start("subj")
            subject = m["subj"]
        else:
            subject = folded[at : m.start()]
        cut = _SUBJECT_SCOPE.search(subject)
        s_end = at + (cut.start() if cut else len(subject.rstrip()))
        indicator = squash(text[at:s_end]).strip(" ,")
        if len(indicator.split()) < 2:
            continue
        if _RULE_WORDS.search(text, c_start, m.start()):
            continue  # "Trường hợp không có hầm trú ẩn thì khoảng cách ... được tăng lên 02 lần": a rule's factor
        end = m.end()
        start = c_start + len(text[c_start:end]) - len(text[c_start:end].lstrip(" -+\n\t"))  # past a list mark
        if _YEAR_TOLD.match(folded, sentence) and not _PLAN_WORDS.search(folded, sentence, m.start()):
            continue  # "Năm 2023, thu nhập ... tăng 1,2 lần": that year's result
        out.append(Target(text=text[start:end], start=start, end=end, indicator=lower_first(indicator),
                          direction="increase", value=float(m["v"].replace(",", ".")), unit="lần",
                          per="year" if per else None, by_year=by_year))
    return out


# ---------------------------------------------------------------- frequencies

# "Công ty tổ chức thực hiện nổ mìn 03 lần/tuần": how often a plan will do something (an enterprise's blasting plan
# sets its blasting days; a plan "kiểm tra 02 lần/năm"). The activity follows the verb of doing ("tổ chức", "thực hiện",
# "tiến hành"); the indicator is "số lần <activity> trong một <period>" (gold/holdout's reading), unit "lần/<period>".
_FREQUENCY = re.compile(r"(?<![\w.,])(?P<v>\d{1,3})\s+lần\s*/\s*(?P<p>tuần|tháng|quý|năm|ngày)(?!\w)")
_DOING = re.compile(r"(?i)(?<!\w)(?:tổ\s+chức\s+thực\s+hiện|tổ\s+chức|thực\s+hiện|tiến\s+hành)\s+")


def find_frequencies(text: str, folded: str, taken: list[Target]) -> list[Target]:
    out = []
    spans = spans_of(taken)
    for m in _FREQUENCY.finditer(text):
        if inside(spans, m.start()):
            continue
        c_start = _clause_start(folded, m.start())
        sentence = sentence_start(text, m.start())
        if _PAST.search(text, sentence, m.start()) or _RULE_WORDS.search(text, c_start, m.start()):
            continue  # a frequency reported, or one a rule sets under a condition
        doing = list(_DOING.finditer(text, c_start, m.start()))
        if not doing:
            continue
        activity = squash(text[doing[-1].end() : m.start()]).strip(" ,")
        if not 1 <= len(activity.split()) <= 6 or re.search(r"\d", activity):
            continue
        period = m["p"]
        start = doing[-1].start()
        out.append(Target(text=text[start : m.end()], start=start, end=m.end(),
                          indicator=f"số lần {lower_first(activity)} trong một {period}", direction="reach",
                          value=float(m["v"]), unit=f"lần/{period}", per="year" if period == "năm" else None))
    return out
