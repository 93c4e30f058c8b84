"""The review and reporting calendar of a plan: preliminary review (sơ kết), final review (tổng
kết), yearly and periodic reports, and how it matches the reference's.

Reviews are read from the text, not only from the deadlines: "Năm 2018 ... tiến hành sơ kết ... và
tổng kết ... vào năm 2020" (seed 001) names two reviews and two years in one sentence, and the
year of each is the one the sentence pairs it with (a preliminary review comes before the final
one). Reports are the yearly deadlines whose action is a report ("trước ngày 15/12 hàng năm").
"""

from __future__ import annotations

import re

from vnplan.compare.lexicon import load
from vnplan.text import collapse, fold
from vnplan.models import PlanDocument
from vnplan.models.compare import CalendarComparison, CalendarItem

# a sentence ends at ". " or a blank line; not at ";", which splits "Năm 2023: UBND các huyện; UBND
# các xã ... tiến hành sơ kết" (seed 002) from its year
_SENTENCE = re.compile(r"[.!?](?=\s)|\n\s*\n")
# "năm 2018", "vào năm 2020", "(năm 2018)"; a period "giai đoạn 2016-2020" is not a review year
_YEAR = re.compile(r"\bn[aă]m\s+(20\d\d)\b(?!\s*[-–—]\s*20\d\d)")
NAMES = {"so_ket": "sơ kết", "tong_ket": "tổng kết", "yearly_report": "yearly report", "periodic_report": "periodic report"}


def _sentences(text: str):
    start = 0
    for m in _SENTENCE.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def plan_calendar(doc: PlanDocument) -> list[CalendarItem]:
    """Every review the plan names (with its year where the sentence gives one) and its reports."""
    words = load("lexicon")["calendar"]
    text, folded = doc.text, fold(doc.text)
    items: list[CalendarItem] = []
    for s, e in _sentences(text):
        sent = folded[s:e]
        years = [(m.start(1) + s, int(m.group(1))) for m in _YEAR.finditer(sent)]
        found = []
        for kind in ("so_ket", "tong_ket"):
            for w in words[kind]:
                # "tổng\nkết": a review's two syllables may stand on two lines (seed 002)
                for m in re.finditer(r"\s+".join(map(re.escape, w.split())), sent):
                    found.append((m.start() + s, m.end() + s, kind))
        if not found:
            continue
        kinds = {k for _, _, k in found}
        distinct = sorted({y for _, y in years})
        for start, end, kind in found:
            year = None
            if len(kinds) == 2 and len(distinct) >= 2:
                year = distinct[0] if kind == "so_ket" else distinct[-1]
            elif len(kinds) == 2 and kind == "so_ket":
                # "sơ kết, rút kinh nghiệm và tổng kết ... vào năm 2020" (seeds 002, 004): the one year dates the final review
                year = None
            elif years:
                year = min(years, key=lambda py: abs(py[0] - start))[1]
            items.append(CalendarItem(kind=kind, year=year, date=str(year) if year else None,
                                      text=text[start:end], start=start, end=end))
    for d in doc.deadlines:
        action = fold(collapse((d.action or "") + " " + d.text))
        if not any(w in action for w in words["report"]):
            # the action a deadline reader keeps may stop short of the verb: look at the sentence too
            tail = folded[d.start:min(len(folded), d.end + 200)].split(".")[0]
            if not any(w in tail for w in words["report"]):
                continue
        kind = "yearly_report" if d.recurrence == "yearly" else "periodic_report"
        items.append(CalendarItem(kind=kind, year=d.year, date=d.date, text=d.text, start=d.start, end=d.end))
    items.sort(key=lambda i: i.start)
    return items


def _best(items: list[CalendarItem], kind: str) -> CalendarItem | None:
    dated = [i for i in items if i.kind == kind and i.year]
    if dated:
        # a review year a plan states more than once is its schedule; the first mention breaks ties
        years = [i.year for i in dated]
        top = max(set(years), key=lambda y: (years.count(y), -years.index(y)))
        return next(i for i in dated if i.year == top)
    return next((i for i in items if i.kind == kind), None)


def compare_calendar(plan: list[CalendarItem], milestones: dict[str, int], reference: list[CalendarItem] | None,
                     ref_name: str) -> list[CalendarComparison]:
    out: list[CalendarComparison] = []
    for kind in ("so_ket", "tong_ket"):
        want = milestones.get(kind)
        got = _best(plan, kind)
        name = NAMES[kind]
        if want is None:
            if got is not None:
                out.append(CalendarComparison(kind=kind, status="extra", plan=f"{name} {got.year or '(no year)'}", plan_item=got,
                                              detail=f"the plan schedules a {name}; {ref_name} gives none"))
            continue
        ref_text = f"{name} {want}"
        if got is None:
            out.append(CalendarComparison(kind=kind, status="missing", reference=ref_text, detail=f"the plan names no {name}"))
        elif got.year is None:
            out.append(CalendarComparison(kind=kind, status="undated", reference=ref_text, plan=name, plan_item=got,
                                          detail=f"the plan names a {name} without a year"))
        else:
            same = got.year == want
            out.append(CalendarComparison(
                kind=kind, status="same" if same else "differs", reference=ref_text, plan=f"{name} {got.year}", plan_item=got,
                detail=f"{name} in {got.year}" + (f", as {ref_name}" if same else f", {ref_name} in {want}")))
    ref_reports = [i for i in (reference or []) if i.kind.endswith("report")]
    for item in (i for i in plan if i.kind.endswith("report")):
        when = item.date or "no date"
        match = next((r for r in ref_reports if r.kind == item.kind), None)
        if reference is None:
            out.append(CalendarComparison(kind=item.kind, status="extra", plan=f"{collapse(item.text)} ({when})", plan_item=item,
                                          detail=f"the plan's own reporting date ({ref_name} summary gives none)"))
        elif match is None:
            out.append(CalendarComparison(kind=item.kind, status="extra", plan=f"{collapse(item.text)} ({when})", plan_item=item,
                                          detail=f"{ref_name} has no {NAMES[item.kind]}"))
        else:
            same = match.date == item.date
            out.append(CalendarComparison(kind=item.kind, status="same" if same else "differs", plan=f"{collapse(item.text)} ({when})",
                                          reference=f"{collapse(match.text)} ({match.date or 'no date'})", plan_item=item,
                                          detail="same reporting date" if same else "another reporting date"))
    return out
