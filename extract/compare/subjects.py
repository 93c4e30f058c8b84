"""Subjects of emulation (đối tượng thi đua): who the plan sets criteria for, and who it leaves out.

A plan sets criteria for a subject in a heading of its standards section ("III. TIÊU CHUẨN THI
ĐUA / 1. Đối với các sở, ban, ngành ..." in seed 001), and gives it content at the opening of an
item of its content section ("5. Thôn, bản, cộng đồng thi đua ..."). A plan that takes its
criteria from the national plan ("Thực hiện theo quy định tại Quyết định số 666/QĐ-TTg", seed 002)
sets them by reference. Subjects above the plan's level are not applicable (a province does not
set criteria for provinces).
"""

from __future__ import annotations

import re

from vnplan.compare.lexicon import load, subject_labels
from vnplan.text import collapse, fold
from vnplan.models import PlanDocument, Section
from vnplan.models.compare import SubjectComparison

_UBND = re.compile(r"^(ubnd|uy ban nhan dan)\s+")


def plan_level(issuer: str | None) -> str | None:
    """province, district, commune, department, ministry or national, from the issuer's name."""
    if not issuer:
        return None
    folded = _UBND.sub("", fold(collapse(issuer)))
    for entry in load("lexicon")["levels"]:
        if any(folded.startswith(p) for p in entry["phrases"]):
            return entry["value"]
    return None


def _walk(sections: list[Section]):
    for s in sections:
        yield s
        yield from _walk(s.children)


def _subjects_in(heading: str) -> list[str]:
    folded = fold(collapse(heading))[:160]
    return [s["id"] for s in load("lexicon")["subjects"] if any(p in folded for p in s["phrases"])]


def _heading_span(doc: PlanDocument, s: Section) -> tuple[int, int]:
    line_end = doc.text.find("\n", s.start, s.end)
    end = line_end if line_end > s.start else s.end
    return s.start, min(end, s.start + 200)


class Found:
    def __init__(self):
        self.criteria = False
        self.content = False
        self.spans: dict[str, tuple[int, int]] = {}

    @property
    def span(self) -> tuple[int, int]:
        return self.spans.get("criteria") or self.spans["content"]


def plan_subjects(doc: PlanDocument) -> list[SubjectComparison]:
    """The subjects the plan names in its standards and content sections (status `present`)."""
    found: dict[str, Found] = {}
    for top in doc.sections:
        labels = set(top.labels or [top.label])
        role = "criteria" if "tieu_chuan" in labels else "content" if labels & {"noi_dung", "chu_de"} else None
        if role is None:
            continue
        for s in _walk(top.children):
            for subject in _subjects_in(s.heading):
                f = found.setdefault(subject, Found())
                setattr(f, role, True)
                f.spans.setdefault(role, _heading_span(doc, s))
    names = subject_labels()
    out = []
    for subject, f in found.items():
        start, end = f.span
        out.append(SubjectComparison(subject=subject, label=names[subject], status="present", in_reference=False,
                                     criteria=f.criteria, content=f.content, text=doc.text[start:end], start=start, end=end,
                                     detail="criteria set" if f.criteria else "content only, no criteria"))
    order = list(names)
    return sorted(out, key=lambda s: order.index(s.subject))


def _criteria_by_reference(doc: PlanDocument) -> str | None:
    """The key of the document the standards section takes its criteria from, when its opening cites one."""
    for top in doc.sections:
        if "tieu_chuan" not in set(top.labels or [top.label]):
            continue
        # the citation must stand in the section's own opening ("IV. TIÊU CHÍ THI ĐUA ...: Thực hiện theo quy định tại
        # Quyết định số 666/QĐ-TTg", seed 002), not in a sub-item on reward forms (seed 000 cites 1258 for those)
        body_end = top.children[0].start if top.children else top.end
        for ref in doc.legal_references:
            # any document the opening names: the national plan (seed 002) or a province's reward rules
            # ("thực hiện theo Quyết định số 3630/QĐ-UBND", seed 004)
            if top.start <= ref.start < body_end and ref.key:
                return ref.key
    return None


def compare_subjects(doc: PlanDocument, reference: list[str], ref_name: str) -> list[SubjectComparison]:
    plan = {s.subject: s for s in plan_subjects(doc)}
    names = subject_labels()
    level = plan_level(doc.metadata.issuer)
    not_applicable = set(load("lexicon")["not_applicable"].get(level or "", []))
    by_ref = _criteria_by_reference(doc)
    out: list[SubjectComparison] = []
    for subject in reference:
        got = plan.pop(subject, None)
        if got is not None and got.criteria:
            out.append(got.model_copy(update={"in_reference": True, "detail": "criteria set, as in " + ref_name}))
        elif subject in not_applicable:
            out.append(SubjectComparison(subject=subject, label=names[subject], status="not_applicable", in_reference=True,
                                         criteria=False, content=bool(got and got.content),
                                         detail=f"not a subject for a plan of a {level}"))
        elif by_ref:
            out.append(SubjectComparison(subject=subject, label=names[subject], status="by_reference", in_reference=True,
                                         criteria=False, content=bool(got and got.content),
                                         detail=f"criteria taken from {by_ref}"))
        else:
            detail = "content given but no criteria" if got is not None else f"left out ({ref_name} sets criteria for it)"
            base = got.model_dump() if got is not None else {"subject": subject, "label": names[subject], "criteria": False,
                                                              "content": False}
            base.update(status="missing", in_reference=True, detail=detail)
            out.append(SubjectComparison(**base))
    for subject, got in plan.items():
        status = "extra" if reference else "present"
        detail = got.detail + ("" if reference else f" ({ref_name}: no list of subjects)")
        out.append(got.model_copy(update={"status": status, "detail": detail}))
    return out
