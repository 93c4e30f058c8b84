"""Reference profiles: Decisions 1258 and 666 from their official summaries, any plan from its full text.

The national profiles are built from `data/national.yaml`, whose facts come from
../shared/reference-facts.md, and say `source="summary"`; `profile_from_document` builds a
profile from a document the pipeline extracted (`source="full text"`), with the same typed targets,
subjects and calendar a plan has, so both sides of a comparison are read alike.
"""

from __future__ import annotations

from functools import lru_cache

from vnplan.compare.lexicon import load
from vnplan.models import PlanDocument
from vnplan.models.compare import ReferenceProfile, ReferenceTarget, TypedTarget

SUMMARY_NOTE = "Profile from official summaries, not the full text (../shared/reference-facts.md)."


@lru_cache(maxsize=None)
def _national() -> dict[str, ReferenceProfile]:
    profiles = {}
    for code, entry in load("national").items():
        typed = [TypedTarget(**{k: v for k, v in t.items() if k != "why"}, notes=[t["why"]]) for t in entry["targets"]]
        profiles[code] = ReferenceProfile(
            key=entry["key"], name=entry["name"], source="summary", issuer=entry["issuer"], date=entry["date"],
            movement=entry["movement"], period_start=entry["period_start"], period_end=entry["period_end"],
            targets=[ReferenceTarget(indicator=t.indicator, direction=t.direction, value=t.value, value_max=t.value_max,
                                     unit={"points": "điểm %", "percent": "%", "times": "lần"}.get(t.unit, t.unit),
                                     per="year" if t.measure == "yearly_change" else None, by_year=t.by_year,
                                     scope=None if t.scope == "whole" else t.scope)
                     for t in typed],
            typed_targets=typed, milestones=dict(entry["milestones"]), subjects=list(entry["subjects"]),
            section_labels=list(entry.get("section_labels", [])),
            notes=[SUMMARY_NOTE],
        )
    return profiles


NATIONAL: dict[str, ReferenceProfile] = _national()


def national_for_period(start: int | None, end: int | None = None) -> ReferenceProfile | None:
    """The national plan whose period holds the plan's first year (a plan runs within one movement)."""
    if start is None:
        return None
    for profile in NATIONAL.values():
        if profile.period_start <= start <= profile.period_end:
            return profile
    return None


def profile_from_document(doc: PlanDocument) -> ReferenceProfile:
    """A reference profile from a full text that went through the pipeline."""
    from vnplan.compare.calendar import plan_calendar
    from vnplan.compare.subjects import plan_subjects
    from vnplan.compare.targets import type_target

    milestones: dict[str, int] = {}
    for item in plan_calendar(doc):
        if item.kind in ("so_ket", "tong_ket") and item.year:
            milestones.setdefault(item.kind, item.year)
    m = doc.metadata
    key = f"{m.number}/{m.symbol}" if m.number and m.symbol else None
    kind = m.doc_type or "Kế hoạch"
    name = f"{kind} {key}" if key else f"{kind} của {m.issuer}" if m.issuer else (m.title or doc.source.path)
    return ReferenceProfile(
        key=key, name=name, source="full text", issuer=m.issuer, date=m.date, movement=m.movement,
        period_start=m.period_start, period_end=m.period_end,
        targets=[ReferenceTarget(**t.model_dump(include=set(ReferenceTarget.model_fields))) for t in doc.targets],
        typed_targets=[type_target(t, doc.text) for t in doc.targets],
        milestones=milestones, subjects=[s.subject for s in plan_subjects(doc) if s.criteria],
        section_labels=list(dict.fromkeys(label for s in doc.sections for label in [s.label, *s.labels] if label != "other")),
        path=doc.source.path,
    )
