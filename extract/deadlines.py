"""Deadlines: the time expressions that say when something must be done.

Owns `find_deadlines(text, context) -> (deadlines, warnings)`. Like Duckling's Time rules, each
rule is a named pattern -> value, and the behaviour of every rule is pinned by the corpus in
`tests/data/deadlines.yaml` (expressions that must parse to a value, and expressions that must not:
a document's own date, a cited document's date, a period named in a title or a purpose sentence,
a target's "đến năm 2020"). Patterns run on the folded text (`bodies.fold`: marks stripped, same
offsets), so "truoc ngay 15/12 hang nam" from damaged OCR reads like "trước ngày 15/12 hằng năm".

Dates are always day before month. A date that cannot be read (31/02, month 13) is null with a
warning, never a guess; a day and month with neither a year nor a recurrence stay null too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Callable, Optional

from extract.bodies import fold
from models import Deadline, Span, Warning


@dataclass(frozen=True)
class DeadlineContext:
    """What relative expressions are read against ("năm nay" is the document's year)."""

    year: Optional[int] = None


_RECUR = r"(?P<recur>(?:dinh ky\s+)?hang\s+(?:nam|quy|thang))"
_DM = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?![\d/])"
_DM_WORDS = r"(?P<d2>\d{1,2})\s+thang\s+(?P<m2>\d{1,2})(?:\s+nam\s+(?P<y2>\d{4}))?(?!\d)"
_DATE = rf"(?:{_DM}|{_DM_WORDS})"
_BEFORE = r"(?:truoc|cham nhat(?:\s+(?:la|vao))?|han cuoi(?:\s+la)?|han chot(?:\s+la)?)"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d/])"

Rule = tuple[str, re.Pattern, Callable[[re.Match], dict]]


def _recurrence(group: Optional[str]) -> Optional[str]:
    if not group:
        return None
    return {"nam": "yearly", "quy": "quarterly", "thang": "monthly"}[group.split()[-1]]


def _date_fields(m: re.Match) -> dict:
    day, month, year = (m["d"], m["m"], m["y"]) if m["d"] else (m["d2"], m["m2"], m["y2"])
    return {"day": int(day), "month": int(month), "year_in_date": int(year) if year else None}


def _before_date(kind: str) -> Callable[[re.Match], dict]:
    def value(m: re.Match) -> dict:
        fields = _date_fields(m)
        recur = _recurrence(m.groupdict().get("recur") or m.groupdict().get("recur2"))
        return {"kind": kind, "recurrence": recur, **fields}

    return value


def _year(kind: str) -> Callable[[re.Match], dict]:
    return lambda m: {"kind": kind, "year": int(m["year"]), "recurrence": None}


def _range(m: re.Match) -> dict:
    return {"kind": "during", "year": None, "year_end": int(m["year_end"]), "recurrence": None, "range_start": int(m["year"])}


# Named rules, most specific first; a later rule never overlaps an earlier match.
RULES: list[Rule] = [
    ("recurring_before_date", re.compile(rf"{_RECUR}\s+{_BEFORE}\s+(?:ngay\s+)?{_DATE}"), _before_date("before")),
    (
        "before_date",
        re.compile(rf"(?<!\w){_BEFORE}\s+ngay\s+{_DATE}(?:\s*,?\s*(?P<recur2>hang\s+(?:nam|quy|thang)))?"),
        _before_date("before"),
    ),
    (
        "on_date",
        re.compile(rf"(?<!\w)(?:vao|trong)\s+ngay\s+{_DATE}(?:\s*,?\s*(?P<recur2>hang\s+(?:nam|quy|thang)))?"),
        _before_date("on"),
    ),
    ("by_date", re.compile(rf"(?<!\w)(?:den|hoan thanh trong)\s+ngay\s+{_DATE}"), _before_date("by")),
    ("before_year", re.compile(rf"(?<!\w)(?:truoc|cham nhat(?:\s+(?:la|vao))?|hoan thanh trong)\s+nam\s+{_YEAR}"), _year("before")),
    ("in_year", re.compile(rf"(?<!\w)vao\s+nam\s+{_YEAR}"), _year("on")),
    ("during_year", re.compile(rf"(?<!\w)trong\s+nam\s+{_YEAR}"), _year("during")),
    ("this_year", re.compile(r"(?<!\w)(?:trong|vao)\s+nam\s+nay(?!\w)"), lambda m: {"kind": "during", "relative": "this_year", "recurrence": None}),
    (
        "occasion_year",
        re.compile(rf"(?<!\w)(?:nhan\s+|vao\s+)?dip\s+(?:[^\W\d]+[ \n]+){{1,10}}?nam\s+{_YEAR}"),
        _year("on"),
    ),
    # "Năm 2023: ..." / "6. Năm 2018 các sở ..." — a year heading a paragraph of the schedule.
    ("year_heading", re.compile(rf"(?:(?<=\n)|^)[ \t]*(?:\d+\.\s*|[-+]\s*|[a-z]\)\s*)?(?P<word>nam)\s+{_YEAR}(?=\s*[:,]|\s+[^\W\d])"), _year("on")),
    ("year_parenthesis", re.compile(rf"\(\s*nam\s+{_YEAR}\s*\)"), _year("on")),
    (
        "range_heading",
        re.compile(rf"(?:(?<=\n)|^)[ \t]*(?:\d+\.\s*|[-+]\s*|[a-z]\)\s*)?(?P<word>giai doan)\s+{_YEAR}\s*-\s*(?P<year_end>(?:19|20)\d\d)\s*:"),
        _range,
    ),
    ("recurring", re.compile(rf"(?<!\w){_RECUR}(?!\w)"), lambda m: {"kind": "during", "recurrence": _recurrence(m["recur"])}),
    (
        "periodic",
        re.compile(r"(?<!\w)dinh ky(?!\s*,\s*(?:dot xuat|chuyen de))(?!\w)"),
        lambda m: {"kind": "on", "recurrence": None},
    ),
]

# Where the expression is part of a description, not a commitment: skip.
_NOT_A_DEADLINE_BEFORE = re.compile(r"(?:che do bao cao|bao cao)\s*$")


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _expression_start(text: str, m: re.Match) -> int:
    """Start of the expression proper: headings' numbers and dashes are not part of it."""
    if "word" in m.re.groupindex and m["word"] is not None:
        return m.start("word")
    return m.start()


def find_deadlines(text: str, context: DeadlineContext = DeadlineContext(), folded: Optional[str] = None) -> tuple[list[Deadline], list[Warning]]:
    folded = folded if folded is not None else fold(text)
    taken: list[tuple[int, int]] = []
    found: list[Deadline] = []
    warnings: list[Warning] = []
    for name, pattern, value in RULES:
        for m in pattern.finditer(folded):
            start = _expression_start(text, m)
            start, end = _trim_span(text, start, m.end())
            if any(s < end and start < e for s, e in taken):
                continue
            if name == "year_heading" and not text[m.start("word")].isupper():
                continue
            if name == "range_heading" and not text[m.start("word")].isupper():
                continue
            if name == "periodic" and re.match(r"\s+(?:hang|6|sau|moi)", folded[m.end() : m.end() + 8]):
                continue
            v = value(m)
            deadline = _build(text, start, end, v, context, warnings)
            if deadline is None:
                continue
            taken.append((start, end))
            found.append(deadline)
    found.sort(key=lambda d: d.start)
    return found, warnings


def _build(text: str, start: int, end: int, v: dict, context: DeadlineContext, warnings: list[Warning]) -> Optional[Deadline]:
    surface = text[start:end]
    iso = None
    year = v.get("year")
    recurrence = v.get("recurrence")
    if "day" in v:
        day, month, y = v["day"], v["month"], v["year_in_date"]
        try:
            Date(y or 2000, month, day)  # 2000 is a leap year: 29/02 recurring is readable
            valid = True
        except ValueError:
            valid = False
        if not valid:
            warnings.append(Warning(code="unreadable_date", message=f"cannot read the date in {surface!r}",
                                    span=Span(text=surface, start=start, end=end)))
        elif y is not None:
            iso = f"{y:04d}-{month:02d}-{day:02d}"
            year = y
        elif recurrence == "yearly":
            iso = f"--{month:02d}-{day:02d}"
        else:
            warnings.append(Warning(code="date_without_year", message=f"{surface!r} names a day and month but no year",
                                    span=Span(text=surface, start=start, end=end)))
    if v.get("relative") == "this_year":
        if context.year is None:
            warnings.append(Warning(code="relative_year_unresolved", message=f"{surface!r}: the document's year is unknown",
                                    span=Span(text=surface, start=start, end=end)))
        year = context.year
    return Deadline(text=surface, start=start, end=end, kind=v["kind"], date=iso, year=year,
                    year_end=v.get("year_end"), recurrence=recurrence)


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
        if len(clause.split()) < 3:
            # "... báo cáo về Sở trước ngày 15/12 hằng năm." — the action comes before the expression
            before = text[: d.start]
            cut = max(before.rfind(". "), before.rfind(";"), before.rfind("\n-"), before.rfind(":"))
            clause = re.sub(r"\s+", " ", before[cut + 1 :]).strip(" ,:-")
        words = clause.split()
        d.action = " ".join(words[:25]) if words else None
        d.responsible = responsible_at(d.start)
