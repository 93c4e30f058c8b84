"""Targets read for their meaning, and judged against the reference's.

A target is typed by what it measures (`family`: the poverty rate, poor households' income, areas
leaving poverty, ...), its `measure` (a yearly change in points or percent, a level to reach by a
year, a multiplier against a base year, a share of units reaching a status, an absolute count),
its `scope` (the whole area, poor districts and communes, ethnic-minority households, ...) and its
unit. Only targets of the same family, scope and measure are judged (stricter / looser / same);
a level is never compared with a yearly rate, and the report says why.
"""

from __future__ import annotations

from vnplan.compare.lexicon import family_labels, first_match, load, scope_labels
from vnplan.text import collapse, fold
from vnplan.models import Target
from vnplan.models.compare import TargetComparison, TypedTarget

MEASURE_WORDS = {"yearly_change": "a yearly change", "level": "a level to reach", "multiplier": "a multiplier",
                 "share": "a share of units", "count": "an absolute count", "other": "a change over the period"}


def _unit_kind(unit: str) -> str:
    folded = fold(unit or "").strip()
    for kind, words in load("lexicon")["units"].items():
        if any(folded == w or folded.startswith(w) for w in words):
            return kind
    return collapse(unit or "") or "count"


def type_target(target: Target, text: str | None = None) -> TypedTarget:
    """The meaning of one extracted target (`text`, the document's text, is not needed: the target has its own)."""
    lex = load("lexicon")
    ind = fold(collapse(target.indicator))
    words = fold(collapse(target.text or ""))
    scope_words = fold(collapse(target.scope or ""))
    notes: list[str] = []
    family = first_match(lex["families"], ind, "other")
    unit = _unit_kind(target.unit)
    more_than = any(w in words for w in lex["floor_words"])
    if unit == "times":
        measure = "multiplier"
    elif unit not in ("percent", "points"):
        measure = "count"
        family = family if family == "poor_households" else "other"
    elif target.per == "year" and target.direction in ("decrease", "increase"):
        measure = "yearly_change"
    elif family in lex["rate_families"]:
        if target.direction == "reach" or any(w in words for w in lex["level_words"]):
            measure = "level"
        else:
            measure = "other"
            notes.append("a change over the whole period, not a yearly one")
    else:
        measure = "share"
        family = family if family == "area_exit" else "other"
    if family in lex["rate_families"] and unit == "percent" and measure == "yearly_change":
        unit = "points"
        notes.append("'%/năm' of a rate read as percentage points (the national plans word the same goals in points)")
    scope = first_match(lex["scopes"], scope_words + " | " + ind, "whole")
    return TypedTarget(
        family=family, measure=measure, scope=scope, unit=unit, direction=target.direction, value=target.value,
        value_max=target.value_max, more_than=more_than, by_year=target.by_year, indicator=collapse(target.indicator),
        text=target.text, start=target.start, end=target.end, page=target.page, notes=notes,
    )


def _num(x: float) -> str:
    return f"{x:g}"


def describe(t: TypedTarget) -> str:
    """A target in words: '3 points a year', '11% by 2020', '1.5 times 2015 by 2020'."""
    value = _num(t.value) + (f"-{_num(t.value_max)}" if t.value_max is not None else "")
    floor = "at least " if t.more_than and t.measure != "level" else ""
    unit = {"points": " points", "percent": "%", "times": " times"}.get(t.unit, f" {t.unit}")
    if t.measure == "yearly_change":
        text = f"{floor}{value}{unit} a year"
    elif t.measure == "level":
        text = f"{value}{unit}" + (f" by {t.by_year}" if t.by_year else "")
    elif t.measure == "multiplier":
        text = f"{value}{unit}" + (f" the {t.base_year} level" if t.base_year else "") + (f" by {t.by_year}" if t.by_year else "")
    elif t.measure == "share":
        text = f"{floor}{value}% of units"
    else:
        text = f"{floor}{value}{unit}" + (f" by {t.by_year}" if t.by_year else "")
    verb = {"decrease": "down", "increase": "up", "reach": "reach", "maintain": "keep"}[t.direction]
    return f"{verb} {text}"


def label(t: TypedTarget) -> str:
    fam = family_labels().get(t.family, t.indicator)
    return fam + ("" if t.scope == "whole" else f" ({scope_labels().get(t.scope, t.scope)})")


def judge(ref: TypedTarget, plan: TypedTarget) -> tuple[str, str]:
    """Verdict and reason for two targets of the same family, scope and measure."""
    r_lo, r_hi = ref.value, ref.value_max if ref.value_max is not None else ref.value
    p_lo, p_hi = plan.value, plan.value_max if plan.value_max is not None else plan.value
    # a lower level to reach is the stricter one when the rate goes down; a bigger change, multiplier or share otherwise
    lower_is_stricter = plan.measure == "level" and plan.direction == "decrease"
    if lower_is_stricter:
        r_lo, r_hi, p_lo, p_hi = -r_hi, -r_lo, -p_hi, -p_lo
    if p_lo > r_hi:
        verdict = "stricter"
    elif p_hi < r_lo or (ref.more_than and p_hi <= r_lo and not plan.more_than):
        verdict = "looser"
    else:
        verdict = "same"
    qualifier = ""
    if verdict == "same" and (p_lo, p_hi) != (r_lo, r_hi):
        qualifier = " (within the reference's range)" if r_lo <= p_lo and p_hi <= r_hi else " (the ranges overlap)"
    return verdict, f"{describe(plan)} against {describe(ref)}: {verdict}{qualifier}"


def compare_targets(reference: list[TypedTarget], plan: list[TypedTarget], ref_name: str) -> list[TargetComparison]:
    """Each reference target judged against the plan's of the same meaning; the plan's others said why they are not."""
    out: list[TargetComparison] = []
    used: set[int] = set()
    for r in reference:
        same_kind = [i for i, p in enumerate(plan) if p.family == r.family and p.scope == r.scope]
        comparable = [i for i in same_kind if plan[i].measure == r.measure and plan[i].unit == r.unit
                      and (r.measure != "level" or plan[i].by_year == r.by_year)]
        if comparable:
            i = next((i for i in comparable if i not in used), comparable[0])
            used.add(i)
            verdict, reason = judge(r, plan[i])
            notes = "; ".join(plan[i].notes)
            out.append(TargetComparison(verdict=verdict, reason=reason + (f" ({notes})" if notes else ""), reference=r, plan=plan[i]))
        elif same_kind:
            i = same_kind[0]
            p = plan[i]
            used.update(same_kind)
            out.append(TargetComparison(
                verdict="not_comparable", reference=r, plan=p,
                reason=f"the plan's {describe(p)} is {MEASURE_WORDS[p.measure]} in {_unit_word(p)}; {ref_name}'s {describe(r)} is "
                       f"{MEASURE_WORDS[r.measure]} in {_unit_word(r)}: not compared (one cannot be turned into the other without the base level)"))
        else:
            out.append(TargetComparison(verdict="missing", reference=r,
                                        reason=f"no target of the plan on {label(r)} ({ref_name}: {describe(r)})"))
    families = {(r.family, r.scope) for r in reference}
    for i, p in enumerate(plan):
        if i in used:
            continue
        kin = [r for r in reference if r.family == p.family and r.scope == p.scope] if p.family != "other" else []
        if kin:
            r = kin[0]
            out.append(TargetComparison(
                verdict="not_comparable", plan=p,
                reason=f"the plan's {describe(p)} is {MEASURE_WORDS[p.measure]}; {ref_name}'s target on {label(r)} is "
                       f"{MEASURE_WORDS[r.measure]} ({describe(r)}): a {p.measure.replace('_', ' ')} is not compared with it"))
        else:
            why = "no reference target on it" if (p.family, p.scope) not in families else "the reference's is matched already"
            out.append(TargetComparison(verdict="extra", plan=p, reason=f"a target of the plan's own: {label(p)}, {describe(p)} ({why})"))
    return out


def _unit_word(t: TypedTarget) -> str:
    return {"points": "percentage points", "percent": "percent", "times": "times a base"}.get(t.unit, t.unit)
