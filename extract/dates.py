"""The one date grammar of vnplan: time expressions of Vietnamese administrative text, normalised.

Owns `find_times(text) -> list[TimeExpression]`, `parse_time(expression)` and `parse_date(expression)`
(the latter for the header: "ngày 21 tháng 7 năm 2022" -> "2022-07-21"). As in Duckling's Time rules,
each rule below is a named pattern -> value, and every rule is pinned by the corpus in
`tests/data/deadlines.yaml` (expressions that must parse to a value, expressions that must not).

Normalised values (as precise as the text, ISO 8601):

    day        "2026-04-15"          (a time of day and a weekday may come with it: "13h30' ngày 29/4/2026 (Thứ Tư)")
    month      "2026-05"             ("tháng 5/2026", "tháng 5 năm 2026")
    quarter    "2026-Q3"             ("Quý III/2026", "quý III năm 2012")
    year       "2026"                ("năm 2026")
    interval   "2024/2025", "2026-Q3/2026-Q4", "2026-01/2026-06", "2026-03-01/2026-05-31"  (start/end)
    yearly     "--12-10"             ("ngày 10/12 hằng năm"); "--12" ("trong tháng 12 hằng năm"); "--01-01/--12-31"
                                     ("từ ngày 01 tháng 01 đến ngày 31 tháng 12 hằng năm"); a quarter of every
                                     year has no ISO form: no value, recurrence yearly ("trong quý I hằng năm")
    monthly    "---20"               ("ngày 20 hằng tháng")

Patterns run on the folded text (`bodies.fold`: marks stripped, same offsets). Dates are day before
month, as Vietnamese writes them. A day that does not exist (31/02, month 13) gives no value and the
warning `unreadable_date`; a day and month with neither a year nor a recurrence give no value and the
warning `date_without_year`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Callable, Optional

from vnplan.bodies import fold
from vnplan.entity_lexicon import load

_WORDS = load("dates")
_QUARTER = _WORDS["quarters"]["numerals"]
_RECURRENCE = _WORDS["recurrence"]["words"]


@dataclass
class TimeExpression:
    start: int
    end: int
    text: str
    rule: str
    value: Optional[str]  # the normalised value, None when it cannot be read
    grain: str  # day | month | quarter | year | interval | yearly | monthly | recurrence
    year: Optional[int] = None  # the first year the expression names
    year_end: Optional[int] = None
    recurrence: Optional[str] = None  # yearly | quarterly | monthly
    warning: Optional[str] = None  # unreadable_date | date_without_year


# ------------------------------------------------------------------ atoms (folded text)

_Y = r"(?:19|20)\d\d"
# no digit or slash around a date: "105/2025/NĐ-CP" and "66.4.2025/NQ-CP" are codes, not dates
_DMY_NUM = rf"(?<![\d/.,])\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*{_Y}(?![\d/])"
_DMY_WORDS = rf"(?<!\d)\d{{1,2}}\s+thang\s+\d{{1,2}}\s*,?\s+nam\s+{_Y}(?!\d)"
_ISO = rf"(?<![\d/])(?:{_Y})-\d\d-\d\d(?!\d)"
_DMY = rf"(?:{_DMY_NUM}|{_DMY_WORDS}|{_ISO})"
_DM = r"(?<![\d/.,])\d{1,2}\s*[/.-]\s*\d{1,2}(?![\d/.]|\s*[/.-]\s*\d)|(?<!\d)\d{1,2}\s+thang\s+\d{1,2}(?!\d|\s*,?\s*nam\s+\d|\s*/)"
_MONTH = rf"thang\s+\d{{1,2}}\s*(?:/|-|,?\s*nam)\s*{_Y}(?![\d/])"
_Q_NUM = r"(?:iv|iii|ii|i|[1-4])"
_QUARTER_ONE = rf"quy\s+{_Q_NUM}\s*(?:/|-|,?\s*nam)\s*{_Y}(?![\d/])"
_QUARTER_LIST = rf"quy\s+{_Q_NUM}(?:\s*(?:,|va|-|–)\s*(?:quy\s+)?{_Q_NUM})+\s*(?:/|,?\s*nam)\s*{_Y}(?:\s*(?:,|va|-|–)\s*(?:nam\s+)?{_Y})*(?![\d/])"
_YEAR = rf"nam\s+{_Y}(?![\d/])"
_HALF = "|".join(re.escape(w) for w in _WORDS["half_years"]["first"] + _WORDS["half_years"]["last"])
_HALF_YEAR = rf"(?:{_HALF})\s+{_Y}(?![\d/])"
_POINT = rf"(?:(?:ngay\s+)?{_DMY}|{_QUARTER_ONE}|{_MONTH}|{_YEAR})"
_WEEKDAY = "|".join(re.escape(w) for w in _WORDS["weekdays"]["words"])
_CLOCK = r"(?<!\d)\d{1,2}\s*(?:h|gio)\s*(?:\d{2})?\s*(?:'|’|phut)?"
_RECUR = r"hang\s+(?:nam|quy|thang)"  # hằng / hàng: both fold to "hang"


def _iso_day(day: int, month: int, year: Optional[int]) -> Optional[str]:
    try:
        Date(year or 2000, month, day)  # 2000 is a leap year: 29/02 every year is readable
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _point(s: str) -> Optional[tuple[str, str, int, str]]:
    """(value, grain, year, end value) of the first point in a folded string; the end value of a month
    or a quarter is itself (an interval's end keeps the grain of what the text names)."""
    m = re.search(_DMY_NUM, s) or re.search(_DMY_WORDS, s) or re.search(_ISO, s)
    if m:
        nums = [int(n) for n in re.findall(r"\d+", m.group())]
        if m.re.pattern == _ISO:
            y, mo, d = nums
        else:
            d, mo, y = nums
        iso = _iso_day(d, mo, y)
        return (iso, "day", y, iso) if iso else (None, "day", y, None)
    m = re.search(rf"quy\s+({_Q_NUM})\s*(?:/|-|,?\s*nam)\s*({_Y})", s)
    if m:
        v = f"{m[2]}-Q{_QUARTER[m[1]]}"
        return v, "quarter", int(m[2]), v
    m = re.search(rf"thang\s+(\d{{1,2}})\s*(?:/|-|,?\s*nam)\s*({_Y})", s)
    if m:
        if not 1 <= int(m[1]) <= 12:
            return None, "month", int(m[2]), None
        v = f"{m[2]}-{int(m[1]):02d}"
        return v, "month", int(m[2]), v
    m = re.search(rf"({_Y})", s)
    if m:
        return m[1], "year", int(m[1]), m[1]
    return None


# ------------------------------------------------------------------ rules

Value = Callable[[re.Match, str], dict]


def _interval(m: re.Match, s: str) -> dict:
    """"từ ngày 01/3/2025 đến ngày 31/5/2025", "Từ Quý III/2026 đến Quý I/2027", "2024 - 2025"."""
    body = s[m.start() : m.end()]
    split = re.search(r"\s(?:den|toi)\s+(?:het\s+)?|\s*[-–]\s*(?=(?:ngay\s+|nam\s+|quy\s+|thang\s+)?\d|(?:19|20)\d\d|quy|nam|thang)", body[2:])
    if split is None:
        return {"value": None, "grain": "interval"}
    cut = 2 + split.start()
    a, b = _point(body[:cut]), _point(body[cut:])
    if a is None or b is None or a[0] is None or b[0] is None:
        return {"value": None, "grain": "interval", "year": a[2] if a else None, "warning": "unreadable_date"}
    return {"value": f"{a[0]}/{b[3]}", "grain": "interval", "year": a[2], "year_end": b[2]}


def _day(m: re.Match, s: str) -> dict:
    p = _point(s[m.start() : m.end()])
    if p[0] is None:
        return {"value": None, "grain": "day", "year": None, "warning": "unreadable_date"}
    return {"value": p[0], "grain": "day", "year": p[2]}


def _day_month(recurrence: Optional[str]) -> Value:
    def value(m: re.Match, s: str) -> dict:
        d, mo = (int(n) for n in re.findall(r"\d+", s[m.start() : m.end()])[:2])
        iso = _iso_day(d, mo, None)
        if iso is None:
            return {"value": None, "grain": "yearly", "recurrence": recurrence, "warning": "unreadable_date"}
        if recurrence == "yearly":
            return {"value": iso, "grain": "yearly", "recurrence": "yearly"}
        return {"value": None, "grain": "day", "recurrence": recurrence, "warning": None if recurrence else "date_without_year"}

    return value


def _monthly_day(m: re.Match, s: str) -> dict:
    d = int(re.search(r"\d+", s[m.start() : m.end()]).group())
    if not 1 <= d <= 31:
        return {"value": None, "grain": "monthly", "recurrence": "monthly", "warning": "unreadable_date"}
    return {"value": f"---{d:02d}", "grain": "monthly", "recurrence": "monthly"}


def _month(m: re.Match, s: str) -> dict:
    p = _point(s[m.start() : m.end()])
    return {"value": p[0], "grain": "month", "year": p[2], "warning": None if p[0] else "unreadable_date"}


def _quarter(m: re.Match, s: str) -> dict:
    p = _point(s[m.start() : m.end()])
    return {"value": p[0], "grain": "quarter", "year": p[2]}


def _quarter_list(m: re.Match, s: str) -> dict:
    """"Quý III, IV/2026" -> 2026-Q3/2026-Q4; "Quý III, IV/2026, 2027" -> 2026-Q3/2027-Q4."""
    body = s[m.start() : m.end()]
    years = re.findall(_Y, body)
    head = body[: body.find(years[0])]
    numerals = [_QUARTER[q] for q in re.findall(rf"(?<![a-z]){_Q_NUM}(?![a-z])", head[3:])]
    first, last = min(numerals), max(numerals)
    return {"value": f"{years[0]}-Q{first}/{years[-1]}-Q{last}", "grain": "interval", "year": int(years[0]),
            "year_end": int(years[-1])}


def _half_year(m: re.Match, s: str) -> dict:
    body = s[m.start() : m.end()]
    y = re.search(_Y, body).group()
    first = "dau" in body
    return {"value": f"{y}-01/{y}-06" if first else f"{y}-07/{y}-12", "grain": "interval", "year": int(y)}


def _year(m: re.Match, s: str) -> dict:
    y = re.search(_Y, s[m.start() : m.end()]).group()
    return {"value": y, "grain": "year", "year": int(y)}


def _recurring(m: re.Match, s: str) -> dict:
    word = s[m.start() : m.end()].split()[-1]
    return {"value": None, "grain": "recurrence", "recurrence": _RECURRENCE[word]}


_WEEKDAY_AFTER = rf"(?:\s*[,(-]?\s*(?:{_WEEKDAY})\s*\)?)?"
_RECUR_AFTER = rf"(?:\s*,?\s*{_RECUR})"

_DM_PLAIN = r"\d{1,2}\s+thang\s+\d{1,2}|\d{1,2}\s*/\s*\d{1,2}(?![\d/])"


def _day_month_span(m: re.Match, s: str) -> dict:
    """"Từ ngày 16 tháng 5 đến ngày 29 tháng 6 năm 2006": both days take the year at the end; without a year
    ("từ ngày 01 tháng 01 đến ngày 31 tháng 12 (hằng năm)", a reporting period) the span recurs every year."""
    body = s[m.start() : m.end()]
    nums = [int(n) for n in re.findall(r"\d+", body)]
    year = nums[4] if len(nums) > 4 else None
    a, b = _iso_day(nums[0], nums[1], year), _iso_day(nums[2], nums[3], year)
    if a is None or b is None:
        return {"value": None, "grain": "interval", "warning": "unreadable_date"}
    if year:
        return {"value": f"{a}/{b}", "grain": "interval", "year": year, "year_end": year}
    return {"value": f"{a}/{b}", "grain": "yearly", "recurrence": "yearly"}


def _yearly_part(m: re.Match, s: str) -> dict:
    """"tháng 12 hằng năm" -> "--12" (ISO 8601's month without a year); "quý I hằng năm" -> no value (ISO has no
    form for a quarter of every year), recurrence yearly either way."""
    body = s[m.start() : m.end()]
    month = re.match(r"thang\s+(\d{1,2})", body)
    if month:
        if not 1 <= int(month[1]) <= 12:
            return {"value": None, "grain": "yearly", "recurrence": "yearly", "warning": "unreadable_date"}
        return {"value": f"--{int(month[1]):02d}", "grain": "yearly", "recurrence": "yearly"}
    return {"value": None, "grain": "yearly", "recurrence": "yearly"}


def _day_to_date(m: re.Match, s: str) -> dict:
    d1, m1, d2, m2, y = (int(n) for n in re.findall(r"\d+", s[m.start() : m.end()])[:5])
    a, b = _iso_day(d1, m1, y), _iso_day(d2, m2, y)
    if a is None or b is None:
        return {"value": None, "grain": "interval", "year": y, "warning": "unreadable_date"}
    return {"value": f"{a}/{b}", "grain": "interval", "year": y, "year_end": y}


def _month_to_month(m: re.Match, s: str) -> dict:
    """"Từ tháng 3 đến tháng 6/2024" (the schedules of provincial plans: a month span written with the year once, at
    its end): the first month takes the year of the last."""
    m1, m2, y = (int(n) for n in re.findall(r"\d+", s[m.start() : m.end()])[:3])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return {"value": None, "grain": "interval", "year": y, "warning": "unreadable_date"}
    return {"value": f"{y:04d}-{m1:02d}/{y:04d}-{m2:02d}", "grain": "interval", "year": y, "year_end": y}


def _named_day(m: re.Match, s: str) -> dict:
    d, mo = (int(n) for n in re.findall(r"(\d{1,2})\s*/\s*(\d{1,2})", s[m.start() : m.end()])[-1])
    iso = _iso_day(d, mo, None)
    return {"value": None, "grain": "day", "warning": "date_without_year" if iso else "unreadable_date"}


def _next_year_day(m: re.Match, s: str) -> dict:
    """"trước ngày 15 tháng 02 của năm liền kề sau năm báo cáo" (lc-cv-snnmt-dcks), "chậm nhất vào ngày 15 tháng 11 của
    năm trước" (the yearly plans of Luật 70/2020/QH14): a day of every year."""
    d, mo = (int(n) for n in re.findall(r"\d+", s[m.start() : m.end()])[:2])
    iso = _iso_day(d, mo, None)
    return {"value": iso, "grain": "yearly", "recurrence": "yearly", "warning": None if iso else "unreadable_date"}


# Named rules, most specific first; a later rule never overlaps an earlier match.
RULES: list[tuple[str, re.Pattern, Value]] = [
    # "từ ngày 18/5 đến ngày 22/5/2026": the first day takes the year of the last
    ("interval_day_month_date", re.compile(rf"(?<!\w)tu\s+(?:ngay\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}(?![\d/])\s*(?:den|toi|-|–)\s*(?:het\s+)?(?:ngay\s+)?{_DMY_NUM}"),
     lambda m, s: _day_to_date(m, s)),
    ("interval_day_months", re.compile(rf"(?<!\w)tu\s+(?:ngay\s+)?(?:{_DM_PLAIN})\s+(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?(?:{_DM_PLAIN})"
                                       rf"(?:\s*,?\s*nam\s+{_Y}(?![\d/])|\s*,?\s*{_RECUR})?"), _day_month_span),
    ("day_month_next_year", re.compile(rf"(?<!\w)(?:ngay\s+)?(?:{_DM_PLAIN})\s+(?:cua\s+)?nam\s+(?:lien ke|sau|tiep theo|thong ke|bao cao|truoc)(?:\s+sau\s+nam\s+bao\s+cao)?"),
     _next_year_day),
    ("interval_month_month", re.compile(rf"(?<!\w)tu\s+thang\s+\d{{1,2}}\s+(?:den|toi)\s+(?:het\s+)?thang\s+\d{{1,2}}\s*(?:/|-|,?\s*nam)\s*{_Y}(?![\d/])"),
     _month_to_month),
    ("interval_from_to", re.compile(rf"(?<!\w)tu\s+(?:ngay\s+)?{_POINT}\s*(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?{_POINT}"), _interval),
    ("interval_dates", re.compile(rf"(?<!\w)(?:ngay\s+)?{_DMY}\s*[-–]\s*(?:ngay\s+)?{_DMY}"), _interval),
    ("interval_quarters", re.compile(rf"(?<!\w){_QUARTER_ONE}\s*[-–]\s*{_QUARTER_ONE}"), _interval),
    ("quarter_list", re.compile(rf"(?<!\w){_QUARTER_LIST}"), _quarter_list),
    ("half_year", re.compile(rf"(?<!\w){_HALF_YEAR}"), _half_year),
    # "2024 - 2025", "giai đoạn 2021-2025", "năm 2024 - 2025"
    ("interval_years", re.compile(rf"(?<![\w/.,]){_Y}\s*[-–]\s*{_Y}(?![\d/])"), _interval),
    # "13h30' ngày 29/4/2026 (Thứ Tư)"; invitations also put the weekday first: "08 giờ 00, Thứ Năm, ngày 21/5/2026"
    ("clock_date", re.compile(rf"{_CLOCK}\s*,?\s*(?:(?:{_WEEKDAY})\s*,?\s*)?(?:ngay\s+)?{_DMY}{_WEEKDAY_AFTER}"), _day),
    ("date", re.compile(rf"(?<!\w)(?:ngay\s+)?{_DMY}{_WEEKDAY_AFTER}"), _day),
    ("day_month_yearly", re.compile(rf"(?<!\w)(?:ngay\s+)?(?:{_DM}){_RECUR_AFTER}"), None),  # value by its recurrence word
    ("recurring_day_month", re.compile(rf"(?<!\w)(?:dinh ky\s+)?{_RECUR}\s+(?:truoc|cham nhat|vao)\s+(?:ngay\s+)?(?:{_DM})"), None),
    # "trong quý I hằng năm", "trong tháng 12 hằng năm" (poverty plans' yearly calendar: review in quarter IV, plan
    # in quarter I)
    ("yearly_quarter_month", re.compile(rf"(?<!\w)(?:quy\s+{_Q_NUM}|thang\s+\d{{1,2}})(?![\d/])\s*,?\s*hang\s+nam(?!\w)"), _yearly_part),
    ("monthly_day", re.compile(r"(?<!\w)ngay\s+\d{1,2}\s+(?:hang|cua\s+moi|moi)\s+thang"), _monthly_day),
    ("day_month", re.compile(rf"(?<!\w)ngay\s+(?:{_DM})"), _day_month(None)),
    # a named day and its date: "Ngày Quốc tế xóa đói giảm nghèo 17/10", "Ngày Vì người nghèo 17/10" (the day the
    # poverty-reduction movement's peak month opens, in provincial plans and news pages); no year: a day of every year
    # only when its clause recurs (extract/deadlines.py)
    ("named_day", re.compile(r"(?<!\w)ngay\s+(?:[^\W\d]+\s+){1,8}?\d{1,2}\s*/\s*\d{1,2}(?![\d/.]|\s*[/.-]\s*\d)"), _named_day),
    ("month", re.compile(rf"(?<!\w){_MONTH}"), _month),
    ("quarter", re.compile(rf"(?<!\w){_QUARTER_ONE}"), _quarter),
    ("year", re.compile(rf"(?<!\w){_YEAR}"), _year),
    # "định kỳ hằng quý và cả năm" (lc-qd-2463): the whole year, every year
    ("recurring_whole_year", re.compile(r"(?<=hang quy va )ca\s+nam(?!\s*\d)(?!\w)|(?<=hang thang va )ca\s+nam(?!\s*\d)(?!\w)"), lambda m, s: {"value": None, "grain": "recurrence", "recurrence": "yearly"}),
    ("recurring", re.compile(rf"(?<!\w)(?:dinh ky\s+)?{_RECUR}(?!\w)"), _recurring),
]


def _recurrence_in(s: str) -> Optional[str]:
    m = re.search(rf"{_RECUR}", s)
    return _RECURRENCE[m.group().split()[-1]] if m else None


def _value(name: str, value: Optional[Value], m: re.Match, s: str) -> dict:
    if value is not None:
        return value(m, s)
    # the day-month rules: the recurrence word decides the value ("--12-15" every year, "---20" every month)
    body = s[m.start() : m.end()]
    recurrence = _recurrence_in(body)
    dm = re.search(_DM, body)
    d, mo = (int(n) for n in re.findall(r"\d+", dm.group())[:2])
    iso = _iso_day(d, mo, None)
    if iso is None:
        return {"value": None, "grain": "yearly", "recurrence": recurrence, "warning": "unreadable_date"}
    if recurrence == "yearly":
        return {"value": iso, "grain": "yearly", "recurrence": recurrence}
    return {"value": None, "grain": "day", "recurrence": recurrence}


def find_times(text: str, folded: Optional[str] = None) -> list[TimeExpression]:
    """Every time expression of the text, the longest reading first, none overlapping."""
    folded = folded if folded is not None else fold(text)
    taken: list[tuple[int, int]] = []
    out: list[TimeExpression] = []
    for name, pattern, value in RULES:
        for m in pattern.finditer(folded):
            start, end = m.start(), m.end()
            while end > start and folded[end - 1] in " \t\n,":
                end -= 1
            if any(s < end and start < e for s, e in taken):
                continue
            v = _value(name, value, m, folded)
            taken.append((start, end))
            out.append(TimeExpression(start=start, end=end, text=text[start:end], rule=name, value=v.get("value"),
                                      grain=v.get("grain", "day"), year=v.get("year"), year_end=v.get("year_end"),
                                      recurrence=v.get("recurrence") or _recurrence_in(folded[start:end]),
                                      warning=v.get("warning")))
    out.sort(key=lambda t: t.start)
    return out


def parse_time(expression: str) -> Optional[TimeExpression]:
    """The first time expression of a string, or None."""
    found = find_times(expression)
    return found[0] if found else None


def parse_date(expression: str) -> Optional[str]:
    """The normalised date a string names ("ngày 21 tháng 7 năm 2022" -> "2022-07-21"), or None.

    For header dates: a day, a month or a year; partial dates stay partial ("ngày   tháng 5 năm 2026" of an
    unsigned draft -> "2026-05").
    """
    t = parse_time(expression)
    if t is None:
        return None
    return t.value if t.grain in ("day", "month", "year", "quarter") else None
