"""Comparing a plan with a national plan (Decision 1258 or 666) or with any reference plan.

Owns the comparison: which reference (`choose_reference`), and the report, part by part —
targets by meaning (`targets`), the citation chain (`chain`), subjects of emulation (`subjects`),
sections and aligned passages (`align`), the review calendar (`calendar`) — and its renderers
(`markdown`, and the HTML pages of `extract.report`). The national profiles come from official
summaries (`profiles`, source "summary"); `--against FILE` runs a full text through the same
pipeline and compares on everything. `archive` compares a whole batch folder.
"""

from __future__ import annotations

from pathlib import Path

from rapidfuzz import fuzz

from vnplan.compare.align import align_sections, compare_sections
from vnplan.compare.calendar import compare_calendar, plan_calendar
from vnplan.compare.chain import citation_chain, doc_key
from vnplan.compare.profiles import NATIONAL, national_for_period, profile_from_document
from vnplan.compare.subjects import compare_subjects, plan_level
from vnplan.compare.targets import compare_targets, describe, label as target_label, type_target
from vnplan.errors import InputError
from vnplan.text import collapse, fold
from vnplan.models import PlanDocument
from vnplan.models.compare import ComparisonReport, Finding, PlanSummary, ReferenceProfile

__all__ = ["NATIONAL", "choose_reference", "compare_document", "compare_plans", "load_plan", "profile_from_document", "render"]


def load_plan(path: Path) -> PlanDocument:
    """A plan: the JSON `vnplan extract` wrote, or any document the pipeline reads."""
    path = Path(path)
    if path.suffix.lower() == ".json" and path.is_file():
        try:
            return PlanDocument.model_validate_json(path.read_bytes())
        except ValueError as exc:
            raise InputError(path, f"not a vnplan output document ({str(exc).splitlines()[0]})") from None
    from vnplan.pipeline import run

    return run(path)


def choose_reference(doc: PlanDocument, against: str, archive=None) -> tuple[ReferenceProfile, str, PlanDocument | None]:
    """The reference profile, why it was chosen, and the reference document when it is a full text."""
    if against in NATIONAL:
        return NATIONAL[against], f"given: --against {against}", None
    if against != "auto":
        ref_path = Path(against)
        if not ref_path.exists():
            raise InputError(against, "no such reference file (use 1258, 666, auto or a file)")
        ref_doc = load_plan(ref_path)
        return profile_from_document(ref_doc), f"given: reference file {against}", ref_doc
    m = doc.metadata
    chain = citation_chain(doc, archive)
    by_period = national_for_period(m.period_start, m.period_end)
    if by_period is not None:
        cites = f"; its citations reach {chain.reaches}" if chain.reaches else ""
        return by_period, (f"auto: the plan's period {m.period_start}-{m.period_end} lies in {by_period.key}'s "
                           f"{by_period.period_start}-{by_period.period_end}{cites}"), None
    if chain.reaches:
        return NATIONAL[chain.reaches.split("/")[0]], f"auto: the plan's citations reach {chain.reaches} ({chain.detail})", None
    by_date = national_for_period(int(m.date[:4])) if m.date and m.date[:4].isdigit() else None
    if by_date is not None:
        return by_date, f"auto: the plan is dated {m.date}, within {by_date.key}'s period", None
    if "ca nuoc chung tay" in fold(collapse(m.movement or doc.text[:2000])):
        return NATIONAL["1258"], "auto: movement name of 2016-2020", None
    return NATIONAL["666"], "auto: no citation or period found; the current movement (2021-2025) assumed", None


def _span(start, end, page=None) -> dict | None:
    return None if start is None else {"start": start, "end": end, "page": page}


def summarise(doc: PlanDocument) -> PlanSummary:
    m = doc.metadata
    return PlanSummary(path=doc.source.path, title=m.title, issuer=m.issuer, level=plan_level(m.issuer), key=doc_key(doc),
                       date=m.date, period_start=m.period_start, period_end=m.period_end)


def compare_document(doc: PlanDocument, against: str = "auto", archive: dict[str, list[PlanDocument]] | None = None,
                     reference_doc: PlanDocument | None = None) -> ComparisonReport:
    """The plan set against the reference: every part of the report, and its flat findings."""
    if reference_doc is not None:
        ref, chosen_by = profile_from_document(reference_doc), f"given: reference document {reference_doc.source.path}"
    else:
        ref, chosen_by, reference_doc = choose_reference(doc, against, archive)
    name = ref.key or ref.name
    m = doc.metadata
    findings: list[Finding] = []

    chain = citation_chain(doc, archive)
    if ref.source == "summary":
        status = {"direct": "match", "indirect": "match", "none": "missing", "wrong_decision": "flagged"}[chain.status]
        if chain.reaches and chain.reaches != ref.key and status == "match":
            status = "differs"
        findings.append(Finding(aspect="citation", status=status, reference=ref.key, plan=" → ".join(s.key for s in chain.steps) or None,
                                plan_span=_span(chain.steps[0].start, chain.steps[0].end) if chain.steps else None, detail=chain.detail))
    else:
        cited = next((r for r in doc.legal_references if ref.key and r.key == ref.key), None)
        findings.append(Finding(aspect="citation", status="match" if cited else "missing", reference=ref.key,
                                plan=collapse(cited.text) if cited else None, plan_span=_span(cited.start, cited.end, cited.page) if cited else None,
                                detail="the plan cites the reference" if cited else "the plan does not cite the reference"))

    if ref.period_start is not None:
        if m.period_start is None:
            findings.append(Finding(aspect="period", status="unknown", reference=f"{ref.period_start}-{ref.period_end}",
                                    detail="the plan's period was not found"))
        else:
            inside = ref.period_start <= m.period_start and (m.period_end or m.period_start) <= (ref.period_end or ref.period_start)
            findings.append(Finding(aspect="period", status="match" if inside else "differs",
                                    reference=f"{ref.period_start}-{ref.period_end}", plan=f"{m.period_start}-{m.period_end}",
                                    detail="within the reference period" if inside else "outside the reference period"))
    if ref.movement:
        if m.movement:
            score = fuzz.token_set_ratio(fold(collapse(ref.movement)), fold(collapse(m.movement)))
            findings.append(Finding(aspect="movement", status="match" if score >= 80 else "differs", reference=collapse(ref.movement),
                                    plan=collapse(m.movement), detail=f"name similarity {score:.0f}/100 (local names add a place)"))
        else:
            findings.append(Finding(aspect="movement", status="unknown", reference=collapse(ref.movement), detail="no movement name found"))

    targets = compare_targets(ref.typed_targets, [type_target(t) for t in doc.targets], name)
    for tc in targets:
        t = tc.plan or tc.reference
        findings.append(Finding(aspect="target", status=tc.verdict, reference=describe(tc.reference) if tc.reference else None,
                                plan=collapse(tc.plan.text or describe(tc.plan)) if tc.plan else None,
                                plan_span=_span(tc.plan.start, tc.plan.end, tc.plan.page) if tc.plan else None,
                                detail=f"{target_label(t)}: {tc.reason}"))

    subjects = compare_subjects(doc, ref.subjects, name)
    for s in subjects:
        findings.append(Finding(aspect="subject", status=s.status, reference=s.label if s.in_reference else None,
                                plan=collapse(s.text) if s.text else None, plan_span=_span(s.start, s.end), detail=s.detail))

    summary_ref = ref.source == "summary"
    sections = compare_sections(doc, ref.section_labels, reference_doc, summary_ref)
    for s in sections:
        findings.append(Finding(aspect="section", status=s.status, reference=s.reference_heading or (s.label if s.status != "extra" else None),
                                plan=s.plan_heading, plan_span=_span(s.plan_start, s.plan_end),
                                detail={"match": "part present in both", "missing": "part missing from the plan",
                                        "extra": "a part of the plan's own"}[s.status] + f" ({s.label})"))

    ref_calendar = plan_calendar(reference_doc) if reference_doc is not None else None
    calendar = compare_calendar(plan_calendar(doc), ref.milestones, ref_calendar, name)
    for c in calendar:
        aspect = "milestone" if c.kind in ("so_ket", "tong_ket") else "calendar"
        item = c.plan_item
        findings.append(Finding(aspect=aspect, status=c.status, reference=c.reference, plan=c.plan,
                                plan_span=_span(item.start, item.end) if item else None, detail=c.detail))

    alignments = align_sections(doc, reference_doc) if reference_doc is not None else []
    summary: dict[str, int] = {}
    for f in findings:
        summary[f.status] = summary.get(f.status, 0) + 1
    return ComparisonReport(plan_path=doc.source.path, plan_title=m.title, plan_issuer=m.issuer, plan=summarise(doc), against=ref,
                            chosen_by=chosen_by, chain=chain, targets=targets, subjects=subjects, sections=sections,
                            calendar=calendar, alignments=alignments, findings=findings, summary=summary)


def compare_plans(path: Path, against: str = "auto") -> ComparisonReport:
    return compare_document(load_plan(Path(path)), against)


def render(report: ComparisonReport, fmt: str, plan: PlanDocument | None = None, reference: PlanDocument | None = None) -> str:
    """The report as JSON, Markdown, or a self-contained HTML page (the plan's text when given)."""
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt == "md":
        from vnplan.compare.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from vnplan.report.compare_page import render_compare_page

        return render_compare_page(report, plan, reference)
    raise ValueError(f"unknown report format {fmt!r}")
