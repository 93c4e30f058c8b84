"""Deadlines: the time expressions that say when something must be done or take place.

Owns `find_deadlines(text, context) -> (deadlines, warnings)`. The time expressions and their normalised
values come from the one date grammar (`extract.dates`); this module decides which of them are deadlines,
with the words of `extract/lexicon/entities/deadlines.yaml`:

- an expression right after a cue ("trước", "chậm nhất", "hoàn thành trong", "xong trong", "vào", "trong",
  "từ", ...) is a deadline of the cue's kind;
- a quarter, a month, a half-year, a day-to-day or quarter-to-quarter interval, a recurrence ("hằng năm",
  "ngày 20 hằng tháng") is a deadline wherever it stands (schedules name them so);
- a year or a span of years that heads a line ("Năm 2023: ...", "Giai đoạn 2022-2025: ..."), stands in
  brackets ("(năm 2018)"), names an occasion ("nhân dịp ... năm 2020"), or fills a table cell on its own line;
- not: dates inside legal references (a cited document's date), the document's own date, a time in the past
  of the document's date (events reported; a limit "trước ngày ..." is kept), a target's horizon
  ("đến năm 2025"), statistics and terms of office ("trung bình hàng năm", "nhiệm kỳ 2015 - 2020").

Values: see `extract.dates` (a day "2026-04-15", a year "2026", an interval "2024/2025", every year "--12-10").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Optional

from vnplan.bodies import fold
from vnplan.dates import TimeExpression, find_times
from vnplan.entity_lexicon import load
from vnplan.models import Deadline, Span, Warning


@dataclass(frozen=True)
class DeadlineContext:
    """What relative and past expressions are read against: the document's year and date ("2026-05-11",
    partial "2026-05" for an undated draft); without a date nothing is taken for the past."""

    year: Optional[int] = None
    date: Optional[str] = None
    now: Optional[str] = None  # the earliest day the document can be written: its date, the latest date it cites, ...


_LEX = load("deadlines")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_CUES = [(kind, entry["words"]) for kind, entry in _LEX["cues"].items()]
_CUE = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<{kind}>{_alternation(words)})" for kind, words in _CUES) + r")\s*[:,]?\s*(?:ngay\s+|la\s+)?(?:(?:cuoi|dau|giua)\s+)?$"
)  # "vào cuối năm 2025", "trong đầu năm 2024": the part of the year is as precise as the value goes
_NOT_AFTER = re.compile(r"(?<!\w)(?:" + _alternation(_LEX["not_after"]["words"]) + r")\s+(?:\S+\s+){0,2}$")
_TARGET_YEAR = re.compile(r"(?<!\w)(?:" + _alternation(_LEX["target_years"]["words"]) + r")\s*(?:(?:cuoi|dau|giua)\s+)?$")
_COMPLETION = re.compile(r"(?<!\w)(?:hoan thanh|hoan tat|xong|phai)(?!\w)")
_FREE_GRAINS = ("quarter", "month", "monthly", "yearly", "recurrence")
_OCCASION = re.compile(r"(?<!\w)(?:nhan\s+|vao\s+)?dip\s+(?:[^\W\d]+[ \n]+){1,10}?$")
_HEADING = re.compile(r"(?:^|\n)[ \t]*(?:\d+\.\s*|[-+•]\s*|[a-z]\)\s*)?$")
_THIS_YEAR = re.compile(r"(?<!\w)(?:trong|vao)\s+nam\s+nay(?!\w)")
# "định kỳ" on its own (seed 001); not in a list of kinds of checks ("định kỳ, đột xuất", "định kỳ, chuyên đề" and
# its OCR slips), nor after a frequency it repeats ("hàng năm, định kỳ, chuyên đề", seed 002)
_PERIODIC = re.compile(r"(?<!hang nam,\s)(?<!hang nam,\n)(?<!\w)dinh ky(?!\s*,\s*(?:dot xuat|chuyen d\w{1,2}))(?!\s*\(?\s*(?:hang|6|sau|moi|hoac|va|dot xuat))(?!\w)")
# A time limit counted in days ("không quá 10 ngày làm việc", lc-qd-kthoachat; "trong thời hạn 15 ngày"): a deadline
# without a date.
# "trong thời hạn 36 tháng kể từ ngày Luật có hiệu lực" (lc-cv-snnmt-dcks), "dự kiến 01 tháng từ khi bàn giao mặt bằng"
# (dn-qd-89, a project's schedule), "trong thời hạn 24 giờ" (statutes). "không quá" counts days, or months and hours
# only when it counts from something ("không quá 3 năm" is a penalty's ceiling in the codes, not a time limit).
_DURATION = re.compile(
    r"(?<!\w)(?:(?:trong\s+thoi\s+han|trong\s+vong|cham\s+nhat(?:\s+la)?|du\s+kien)\s+\d{1,3}\s+(?:ngay(?:\s+lam\s+viec)?|thang|gio)"
    r"|khong\s+qua\s+\d{1,3}\s+(?:ngay(?:\s+lam\s+viec)?|(?:thang|gio)(?=\s*,?\s*(?:ke\s+)?tu\s)))(?!\w)")
# "định kỳ 6 tháng" (gold/README's own example of a deadline; poverty plans' "định kỳ 6 tháng, hằng năm"): a
# reporting cycle the schema has no recurrence value for
_HALF_YEARLY = re.compile(r"(?<!\w)dinh\s+ky\s+(?:6|sau)\s+thang(?:\s+(?:mot\s+lan|1\s+lan))?(?!\w)")
# the date written after a document's number: "(Kèm theo Công văn số      /HC-QLHC ngày     tháng 10 năm 2025"
# (bct-cv-logistic, a draft's annex), a number the reference finder could not read
_NUMBER_DATE = re.compile(r"(?<!\w)so\s*[\w.]*\s*/\s*[^\W_][\w./-]*\s*,?\s+ngay\s*$")
# a duty described as not done: the violations of a sanction decision ("không thực hiện chế độ báo cáo ... hằng năm",
# bct-qd-26; Nghị định 71/2019/NĐ-CP words its violations so)
_VIOLATION = re.compile(r"(?<!\w)(?:" + "|".join(w.replace(" ", r"\s+") for w in _LEX["violations"]["words"]) + r")(?!\w)")
_CLAUSE = re.compile(r"[;.!?]\s|\n\s*\n|\n\s*[-+•]\s")


def _end_value(t: TimeExpression) -> Optional[str]:
    """The last day the expression reaches, as an ISO string ("2026-Q3" -> "2026-09-31": compared, never shown)."""
    if t.value is None:
        return None
    end = t.value.split("/")[-1]
    q = re.fullmatch(r"(\d{4})-Q(\d)", end)
    if q:
        return f"{q[1]}-{int(q[2]) * 3:02d}-31"
    if re.fullmatch(r"\d{4}", end):
        return end + "-12-31"
    return end + "-31" if re.fullmatch(r"\d{4}-\d\d", end) else end


def _in_past(t: TimeExpression, context: DeadlineContext) -> bool:
    """The expression ends before the document was written: an event reported, not a time to act by."""
    now = context.date if context.date and re.fullmatch(r"\d{4}-\d\d-\d\d", context.date) else None
    # the cited documents bound "now" only when the header's date is missing or partial: a document is written after
    # what it cites, so a cited date later than a full header date is misread (OCR "14/7/2096", lc-gp-2507)
    now = now or max(filter(None, [context.now, context.date]), default=None)
    if not now or t.value is None or t.value.startswith("-"):
        return False
    end = _end_value(t)
    now = now + "-01" * (2 - now.count("-"))  # a partial date is its first day (a lower bound)
    return end is not None and end < now


def _lead(folded: str, start: int, text: Optional[str] = None) -> str:
    """The words before an expression in its clause (at most 120 characters). A full stop followed by a small
    letter ends no sentence (OCR's stray dots: "hoạt động hóa. chất hằng năm", bct-qd-26)."""
    offset = max(0, start - 120)
    window = folded[offset:start]
    cut = 0
    for m in _CLAUSE.finditer(window):
        if text is not None and window[m.start()] == "." and m.end() < len(window) and text[offset + m.end()].islower():
            continue
        cut = m.end()
    return window[cut:]


def _own_date(text: str, folded: str, t: TimeExpression, context: DeadlineContext) -> bool:
    """The document's date in its header: "Lào Cai, ngày 21 tháng 7 năm 2022"."""
    if t.grain not in ("day", "month", "year") or _REVIEW_NEXT.match(folded, t.end):
        return False  # "..., năm 2020 tổng kết": a review scheduled, not "Place, date"
    line_start = folded.rfind("\n", 0, t.start) + 1
    before = folded[line_start : t.start]
    # the place and the date line stand wherever a table layout puts them (docx headers, signature blocks)
    return bool(re.search(r"[^\W\d]\s*,\s*(?:ngay\s*)?$", before)) or (context.date is not None and t.value == context.date)


def _table_cell(text: str, t: TimeExpression) -> bool:
    """An expression alone on its line, as a schedule column of a table comes out of a text layer."""
    line_start = text.rfind("\n", 0, t.start) + 1
    line_end = text.find("\n", t.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : t.start].strip(" \t-+•|") and not text[t.end : line_end].strip(" \t|")


def find_deadlines(text: str, context: DeadlineContext = DeadlineContext(), folded: Optional[str] = None,
                   exclude: list[tuple[int, int]] = ()) -> tuple[list[Deadline], list[Warning]]:
    folded = folded if folded is not None else fold(text)
    found: list[Deadline] = []
    warnings: list[Warning] = []
    for t in find_times(text, folded):
        if any(s <= t.start < e for s, e in exclude):
            continue  # a cited document's date
        decided = _decide(text, folded, t, context, exclude)
        if decided is None:
            continue
        kind, start = decided
        t = _yearly_in_clause(folded, t, _lead(folded, t.start, text))
        found.append(_build(text, start, t, kind, warnings))
    taken = [(d.start, d.end) for d in found]
    for m in _THIS_YEAR.finditer(folded):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            surface = text[m.start() : m.end()]
            if context.year is None:
                warnings.append(Warning(code="relative_year_unresolved", message=f"{surface!r}: the document's year is unknown",
                                        span=Span(text=surface, start=m.start(), end=m.end())))
            found.append(Deadline(text=surface, start=m.start(), end=m.end(), kind="during",
                                  date=str(context.year) if context.year else None, year=context.year))
    for m in _DURATION.finditer(folded):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(Deadline(text=text[m.start() : m.end()], start=m.start(), end=m.end(), kind="by"))
    for m in _HALF_YEARLY.finditer(folded):
        if not any(s < m.end() and m.start() < e for s, e in taken) and not _in_cited_title(folded, m.start(), exclude):
            found.append(Deadline(text=text[m.start() : m.end()], start=m.start(), end=m.end(), kind="during"))
            taken.append((m.start(), m.end()))
    for m in _PERIODIC.finditer(folded):
        if not any(s <= m.start() < e for s, e in taken) and not _NOT_AFTER.search(folded[max(0, m.start() - 40) : m.start()]) \
                and not _in_cited_title(folded, m.start(), exclude) and not _told_later(folded, m.end(), found):
            found.append(Deadline(text=text[m.start() : m.end()], start=m.start(), end=m.end(), kind="on"))
    found.sort(key=lambda d: d.start)
    return found, warnings


def _told_later(folded: str, at: int, found: list[Deadline]) -> bool:
    """A bare "định kỳ" whose clause goes on to say when ("định kỳ báo cáo UBND tỉnh trước ngày 15/12 hằng năm"):
    the later expression is the deadline, the bare word adds nothing."""
    for d in found:
        if at <= d.start <= at + 80 and (d.date or d.recurrence) and not re.search(r"[;.\n]", folded[at : d.start]):
            return True
    return False


# what a target's sentence says after its horizon (poverty plans: "Đến năm 2025, tỷ lệ hộ nghèo còn dưới 10%";
# gold/README: targets' "đến năm 2020" is their by_year)
_TARGET_AFTER = re.compile(r"\d\s*%|(?<!\w)(?:ty le|phan dau)(?!\w)")  # not "mục tiêu": "Chương trình mục tiêu quốc gia"


def _following(folded: str, end: int) -> str:
    """The rest of the expression's sentence (at most 120 characters)."""
    after = folded[end : end + 120]
    m = re.search(r"[;.!?]\s|\n\s*\n|\n\s*[-+•]\s", after)
    return after[: m.start()] if m else after


# "đã" (already) in the expression's sentence tells a past event (reports, provincial news pages); read on the text,
# since folded "da" is also "đa" ("đa chiều")
_PAST = re.compile(r"(?<!\w)(?:đã|Đã|ĐÃ)(?!\w)")

# "hằng năm", "định kỳ ...", "báo cáo năm", "báo cáo 6 tháng": a reporting cycle (Thông tư 01/2022/TT-BLĐTBXH's
# reports of the programme are six-monthly and yearly)
_CLAUSE_RECURS = re.compile(r"(?<!\w)(?:hang\s+nam|dinh\s+ky|bao\s+cao\s+(?:nam|(?:6|sau)\s+thang))(?!\w)")


def _yearly_in_clause(folded: str, t: TimeExpression, lead: str) -> TimeExpression:
    """A day and month without a year, in a clause that recurs every year, is a day of every year: "báo cáo định kỳ
    6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12)", "rà soát hộ nghèo hằng năm ..., hoàn thành trước ngày
    15/12" (poverty plans' reporting calendars) -> "--06-15", "--12-15"."""
    if t.warning != "date_without_year" or t.recurrence or not _CLAUSE_RECURS.search(lead):
        return t
    dm = re.search(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})|(\d{1,2})\s+thang\s+(\d{1,2})", folded[t.start : t.end])
    if dm is None:
        return t
    day, month = (int(n) for n in [g for g in dm.groups() if g][:2])
    return replace(t, value=f"--{month:02d}-{day:02d}", grain="yearly", recurrence="yearly", warning=None)


# a year followed at once by the review it schedules: "Năm 2018 sơ kết, năm 2020 tổng kết" (the calendar Quyết định
# 1258/QĐ-TTg and 666/QĐ-TTg set for the emulation movement, which provincial plans and news pages repeat in one sentence)
_REVIEW_NEXT = re.compile(r"\s*,?\s*(?:(?:to\s+chuc|tien\s+hanh)\s+)?(?:so\s+ket|tong\s+ket)(?!\w)")
# a span of years opening a sentence, then a comma: "Trong giai đoạn 2024-2025, tỉnh tiếp tục lồng ghép ..." says when
# the sentence's action runs (provincial news pages); a programme's name ("Chương trình ... giai đoạn 2021-2025") never
# opens a sentence with "Trong"
_OPENING_PERIOD = re.compile(r"(?:^|[.;:]\s+|\n[ \t]*(?:[-+•]\s*)?)(?P<w>trong\s+giai\s+doan)\s+$")


def _in_cited_title(folded: str, at: int, cited: list[tuple[int, int]]) -> bool:
    """The expression stands in the subject of a document cited just before it: "Công văn số 2856/SNNMT-CCMT ngày
    16/10/2025 về thực hiện chương trình quan trắc môi trường định kỳ;" (lc-bc-ks2025) names that document."""
    for s, e in cited:
        if e <= at and at - e <= 150:
            between = folded[e:at]
            if not re.search(r"[;:()]|\n\s*[-+•\d]|[.,]\s", between) and re.search(r"(?<!\w)ve(?!\w)", between):
                return True
    return False


def _counted_from(folded: str, t: TimeExpression, lead: str) -> Optional[int]:
    """"50 năm kể từ ngày chấp thuận chủ trương đầu tư (ngày 23/6/2026)" (lc-gcn-banqua): the bracket gives the day
    a term counts from; the start of the term's words, or None."""
    if t.grain != "day" or not re.search(r"\(\s*$", folded[max(0, t.start - 3) : t.start]):
        return None
    m = re.search(r"(?<!\w)(?:ke\s+)?tu\s+(?:ngay|khi)(?!\w)", lead)  # the term's length itself is a quantity
    return t.start - (len(lead) - m.start()) if m else None


def _decide(text: str, folded: str, t: TimeExpression, context: DeadlineContext,
            cited: list[tuple[int, int]] = ()) -> Optional[tuple[str, int]]:
    """(kind, start of the deadline's text) when the expression is a deadline, else None."""
    lead = _lead(folded, t.start, text)
    if _NUMBER_DATE.search(lead):
        return None  # a document's date after its number
    counted = _counted_from(folded, t, lead)
    if counted is not None:
        return "from", counted  # the start of a term, even in the past: the term runs on
    cue = _CUE.search(lead)
    kind = next((k for k, v in cue.groupdict().items() if v), None) if cue else None
    start = t.start - (len(lead) - cue.start()) if cue else t.start
    if kind is None and re.search(r"(?<!\w)(?:truoc|cham nhat)(?!\w)", folded[t.start : t.end]):
        kind = "before"  # "định kỳ hàng năm trước ngày 20/11": the limit inside the expression
    if _own_date(text, folded, t, context) and kind is None:
        return None
    if _NOT_AFTER.search(lead):
        return None
    if kind == "before" and t.value is not None and not t.value.startswith("-") and t.grain == "day":
        return kind, start  # a limit stays a deadline even when the letter reports it after the day; "số liệu ...
        # trước tháng 7/2025" in a report (lc-bc-ks2025) is a past period, left to the test below
    if _in_past(t, context) and not (kind == "from" and re.match(r"\s*(?:den|toi)\s+(?:thoi diem|nay|hien nay|khi)(?!\w)", folded[t.end : t.end + 20])):
        return None  # an event reported; "Từ 01/3/2025 đến thời điểm kiểm tra" is the period an inspection covers
    if t.grain == "year" and _TARGET_YEAR.search(lead) and not _COMPLETION.search(lead + folded[t.end : t.end + 40]) \
            and not _HEADING.search(folded, max(0, cue.start() - 12 if cue else t.start - 12), cue.start() if cue else t.start):
        return None  # "mục tiêu ... đến năm 2025": a target's horizon; "Đến năm 2015, hoàn thành ..." is a schedule
    if t.grain == "year" and _TARGET_YEAR.search(lead) and not _COMPLETION.search(lead + folded[t.end : t.end + 40]) \
            and _TARGET_AFTER.search(_following(folded, t.end)):
        return None  # "Đến năm 2025, tỷ lệ hộ nghèo còn dưới 10%" heading a paragraph: still a target's horizon
    if re.search(r"\d\s*%\s*(?:\S+\s+)?$", lead):
        return None  # "lấp đầy 10% trong năm 2027": a target's year
    if kind != "before" and _PAST.search(_following(text, t.end)[:80]):
        return None  # "6 tháng đầu năm 2024, toàn tỉnh đã giải ngân ...": an event told, whatever the document's date
    default = "during" if t.grain in ("interval", "quarter", "month", "year", "recurrence") else "on"
    if t.rule.startswith("interval") and folded.startswith("tu ", t.start):
        default = "from"
    if kind == "from" and re.match(r"\s*,?\s*(?:den|toi)\s+nay(?!\w)", folded[t.end : t.end + 12]):
        return None  # "từ năm 2008 đến nay": a time elapsed, told
    if kind == "on" and default == "from":
        kind = "from"  # "Thời gian thực hiện: Từ tháng 01/2024 đến tháng 12/2024": the label, then a span
    if kind is not None:
        return kind, start
    if _VIOLATION.search(lead) or _in_cited_title(folded, t.start, cited):
        return None
    if t.rule == "named_day" and _CLAUSE_RECURS.search(lead) and t.text[:1].isupper():
        return "on", t.start  # "Hằng năm, nhân Ngày Quốc tế xóa đói giảm nghèo 17/10, ...": that day, every year
    if t.grain in _FREE_GRAINS or (t.grain == "interval" and t.rule != "interval_years"):
        return default, t.start
    if t.grain == "interval" and t.rule == "interval_from_to" and not re.match(r"tu\s+nam", folded[t.start : t.end]):
        return default, t.start
    if t.grain == "year" and _REVIEW_NEXT.match(folded, t.end):
        return "on", t.start  # "Năm 2018 sơ kết, năm 2020 tổng kết Phong trào thi đua": the movement's review calendar
    if t.rule == "interval_years" and _OPENING_PERIOD.search(folded, max(0, t.start - 40), t.start) \
            and text[_OPENING_PERIOD.search(folded, max(0, t.start - 40), t.start).start("w")].isupper() \
            and re.match(r"\s*,", folded[t.end : t.end + 2]) and not _TARGET_AFTER.search(_following(folded, t.end)):
        return default, _OPENING_PERIOD.search(folded, max(0, t.start - 40), t.start).start("w")
    heading = _HEADING.search(folded, max(0, t.start - 12), t.start)
    if heading is not None and t.grain in ("year", "interval") and t.text[:1].isupper() and re.match(r"\s*[:,]|\s+[^\W\d]", folded[t.end : t.end + 3]):
        if t.grain == "interval" and not re.match(r"\s*:", folded[t.end : t.end + 3]):
            return None  # "Giai đoạn 2022-2025:" heads a paragraph; a title's period does not
        following = _following(folded, t.end)
        if _TARGET_AFTER.search(following) and not _COMPLETION.search(following):
            return None  # "Năm 2023, phấn đấu giảm 3% tỷ lệ hộ nghèo": a target's year
        return ("on" if t.grain == "year" else default), t.start
    if t.grain == "interval" and re.search(r"(?:^|\n)[ \t]*(?:\d+\.\s*|[-+]\s*)?giai doan\s+$", folded[max(0, t.start - 30) : t.start]) \
            and text[folded.rfind("giai doan", 0, t.start)].isupper() and re.match(r"\s*:", folded[t.end : t.end + 3]):
        following = _following(folded, t.end)
        if _TARGET_AFTER.search(following) and not _COMPLETION.search(following):
            return None  # "Giai đoạn 2023-2025: phấn đấu giảm tỷ lệ hộ nghèo 3%/năm": a target's period
        return default, folded.rfind("giai doan", 0, t.start)
    if t.grain == "year" and re.search(r"\(\s*$", folded[max(0, t.start - 3) : t.start]) and folded[t.end : t.end + 2].strip().startswith(")"):
        return "on", t.start
    occasion = _OCCASION.search(folded, max(0, t.start - 120), t.start)
    if t.grain == "year" and occasion:
        return "on", occasion.start()
    if re.search(r"(?:giai\s+doan|thoi\s+ky|nhiem\s+ky)\s*$", lead):
        return None  # "... giai đoạn\n2016 - 2020;": a title's period broken over two lines
    if _table_cell(text, t) and t.grain in ("day", "interval", "year"):
        return default, t.start
    return None


def _build(text: str, start: int, t: TimeExpression, kind: str, warnings: list[Warning]) -> Deadline:
    end = t.end
    surface = text[start:end]
    if t.warning:
        message = {"unreadable_date": f"cannot read the date in {surface!r}",
                   "date_without_year": f"{surface!r} names a day and month but no year"}[t.warning]
        warnings.append(Warning(code=t.warning, message=message, span=Span(text=surface, start=start, end=end)))
    return Deadline(text=surface, start=start, end=end, kind=kind, date=t.value, year=t.year, year_end=t.year_end,
                    recurrence=t.recurrence)


def parse_deadline(expression: str, context: DeadlineContext = DeadlineContext()) -> Optional[Deadline]:
    """The single deadline an expression states, or None: what the corpus tests pin."""
    found, _ = find_deadlines(expression, context)
    return found[0] if found else None


_ACTION_END = re.compile(r"[;.]\s|[;.]$|\n\s*\n|\n\s*[-+]\s|\n\s*\d+\.\s")


def attach_actions(text: str, deadlines: list[Deadline], responsible_at: Callable[[int], list[str]]) -> None:
    """The verb phrase a deadline governs, and the bodies that must act (from the responsibilities found)."""
    for d in deadlines:
        after = text[d.end :]
        m = _ACTION_END.search(after)
        clause = after[: m.start()] if m else after[:200]
        clause = re.sub(r"\s+", " ", clause).strip(" ,:")
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        if not text[line_start : d.start].strip(" \t-+•|") and not text[d.end : line_end if line_end >= 0 else len(text)].strip(" \t|"):
            # a table cell: the action is the row's cell before it ("Khởi công công trình" / "Quý II/2027")
            previous = [ln.strip(" \t|-+•") for ln in text[max(0, line_start - 300) : line_start].split("\n")]
            previous = [ln for ln in previous if ln and not re.fullmatch(r"[\d.]+", ln)]
            if previous:
                clause = previous[-1]
        elif len(clause.split()) < 3:
            # "... báo cáo về Sở trước ngày 15/12 hằng năm." — the action comes before the expression
            before = text[: d.start]
            cut = max(before.rfind(". "), before.rfind(";"), before.rfind("\n-"), before.rfind(":"))
            clause = re.sub(r"\s+", " ", before[cut + 1 :]).strip(" ,:-")
        words = clause.split()
        d.action = " ".join(words[:25]) if words else None
        d.responsible = responsible_at(d.start)
