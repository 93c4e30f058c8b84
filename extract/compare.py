"""Comparing a plan with a national plan (Decision 1258 or 666) or with any reference plan.

Owns the reference profiles and the comparison. The full texts of the national plans are not
available to the project: their profiles are built from official summaries
(../shared/reference-facts.md) and say so (`source="summary"`); a user who has a full text gives
it as `--against FILE` and the same pipeline extracts its profile (`source="full text"`).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from rapidfuzz import fuzz

from extract.errors import InputError
from extract.vietnamese import strip_marks
from models import PlanDocument
from models.compare import ComparisonReport, Finding, ReferenceProfile, ReferenceTarget

NATIONAL: dict[str, ReferenceProfile] = {
    "1258": ReferenceProfile(
        key="1258/QĐ-TTg",
        name="Quyết định 1258/QĐ-TTg",
        source="summary",
        issuer="Thủ tướng Chính phủ",
        date="2017-08-21",
        movement="Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
        period_start=2016,
        period_end=2020,
        targets=[
            ReferenceTarget(indicator="tỷ lệ hộ nghèo", direction="decrease", value=1.0, value_max=1.5, unit="điểm %", per="year",
                            scope="bình quân cả nước"),
            ReferenceTarget(indicator="tỷ lệ hộ nghèo", direction="decrease", value=4.0, unit="điểm %", per="year",
                            scope="huyện nghèo, xã nghèo"),
            ReferenceTarget(indicator="tỷ lệ hộ nghèo dân tộc thiểu số", direction="decrease", value=3.0, value_max=4.0,
                            unit="điểm %", per="year"),
            ReferenceTarget(indicator="thu nhập của hộ nghèo", direction="increase", value=1.5, unit="lần",
                            scope="cuối năm 2020 so với cuối năm 2015"),
        ],
        milestones={"so_ket": 2018, "tong_ket": 2020},
        notes=["Profile from official summaries, not the full text (../shared/reference-facts.md)."],
    ),
    "666": ReferenceProfile(
        key="666/QĐ-TTg",
        name="Quyết định 666/QĐ-TTg",
        source="summary",
        issuer="Thủ tướng Chính phủ",
        date="2022-06-02",
        movement="Vì người nghèo - Không để ai bị bỏ lại phía sau",
        period_start=2021,
        period_end=2025,
        targets=[
            ReferenceTarget(indicator="tỷ lệ nghèo đa chiều", direction="decrease", value=1.0, value_max=1.5, unit="điểm %", per="year"),
            ReferenceTarget(indicator="tỷ lệ hộ nghèo dân tộc thiểu số", direction="decrease", value=3.0, unit="điểm %", per="year"),
            ReferenceTarget(indicator="huyện nghèo thoát khỏi tình trạng nghèo", direction="reach", value=30.0, unit="%"),
            ReferenceTarget(indicator="xã, thôn vùng đồng bào dân tộc thiểu số và miền núi thoát khỏi tình trạng đặc biệt khó khăn",
                            direction="reach", value=50.0, unit="%"),
        ],
        milestones={"tong_ket": 2025},
        notes=["Profile from official summaries, not the full text (../shared/reference-facts.md)."],
    ),
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", strip_marks(text).casefold()).strip()


def profile_from_document(doc: PlanDocument) -> ReferenceProfile:
    """A reference profile from a full text that went through the pipeline."""
    milestones: dict[str, int] = {}
    for d in doc.deadlines:
        action = _norm(d.action or "") + " " + _norm(d.text)
        for name, word in (("so_ket", "so ket"), ("tong_ket", "tong ket")):
            if word in action and d.year:
                milestones.setdefault(name, d.year)
    m = doc.metadata
    key = f"{m.number}/{m.symbol}" if m.number and m.symbol else None
    return ReferenceProfile(
        key=key, name=m.title or doc.source.path, source="full text", issuer=m.issuer, date=m.date, movement=m.movement,
        period_start=m.period_start, period_end=m.period_end,
        targets=[ReferenceTarget(**t.model_dump(include=set(ReferenceTarget.model_fields))) for t in doc.targets],
        milestones=milestones, section_labels=[s.label for s in doc.sections],
    )


def load_plan(path: Path) -> PlanDocument:
    """A plan: the JSON `vnplan extract` wrote, or any document the pipeline reads."""
    if path.suffix.lower() == ".json" and path.is_file():
        try:
            return PlanDocument.model_validate_json(path.read_bytes())
        except ValueError as exc:
            raise InputError(path, f"not a vnplan output document ({str(exc).splitlines()[0]})") from None
    from extract.pipeline import run

    return run(path)


def choose_reference(doc: PlanDocument, against: str) -> tuple[ReferenceProfile, str]:
    if against in NATIONAL:
        return NATIONAL[against], f"given: --against {against}"
    if against != "auto":
        ref_path = Path(against)
        if not ref_path.exists():
            raise InputError(against, "no such reference file (use 1258, 666, auto or a file)")
        return profile_from_document(load_plan(ref_path)), f"given: reference file {against}"
    keys = {r.key for r in doc.legal_references if r.key}
    for code, profile in NATIONAL.items():
        if profile.key in keys:
            return profile, f"auto: the plan cites {profile.key}"
    m = doc.metadata
    if m.period_start is not None:
        for code, profile in NATIONAL.items():
            if profile.period_start <= m.period_start <= profile.period_end:
                return profile, f"auto: the plan's period starts in {m.period_start}, within {profile.period_start}-{profile.period_end}"
    movement = _norm(m.movement or doc.text[:2000])
    if "ca nuoc chung tay" in movement:
        return NATIONAL["1258"], "auto: movement name of 2016-2020"
    return NATIONAL["666"], "auto: no citation or period found; the current movement (2021-2025) assumed"


def _span(item) -> dict:
    return {"start": item.start, "end": item.end, "page": item.page}


def _fmt_target(t) -> str:
    value = f"{t.value:g}" + (f"-{t.value_max:g}" if t.value_max is not None else "")
    per = "/năm" if t.per == "year" else ""
    scope = f" ({t.scope})" if t.scope else ""
    return f"{t.direction} {t.indicator} {value} {t.unit}{per}{scope}"


def compare_document(doc: PlanDocument, against: str = "auto") -> ComparisonReport:
    ref, chosen_by = choose_reference(doc, against)
    findings: list[Finding] = []
    keys = {r.key: r for r in doc.legal_references if r.key}

    if ref.key:
        cited = keys.get(ref.key)
        findings.append(Finding(
            aspect="citation", status="match" if cited else "missing", reference=ref.key,
            plan=cited.text if cited else None, plan_span=_span(cited) if cited else None,
            detail="the plan cites the reference directly" if cited
            else "the plan does not cite the reference directly (it may implement it through a provincial plan)",
        ))

    m = doc.metadata
    if ref.period_start is not None:
        if m.period_start is None:
            findings.append(Finding(aspect="period", status="unknown", reference=f"{ref.period_start}-{ref.period_end}",
                                    detail="the plan's period was not found"))
        else:
            inside = ref.period_start <= m.period_start and (m.period_end or m.period_start) <= ref.period_end
            findings.append(Finding(
                aspect="period", status="match" if inside else "differs",
                reference=f"{ref.period_start}-{ref.period_end}", plan=f"{m.period_start}-{m.period_end}",
                detail="within the reference period" if inside else "outside the reference period",
            ))

    if ref.movement:
        if m.movement:
            score = fuzz.token_set_ratio(_norm(ref.movement), _norm(m.movement))
            findings.append(Finding(aspect="movement", status="match" if score >= 80 else "differs", reference=ref.movement,
                                    plan=m.movement, detail=f"name similarity {score:.0f}/100 (local names add a place)"))
        else:
            findings.append(Finding(aspect="movement", status="unknown", reference=ref.movement, detail="no movement name found"))

    used: set[int] = set()
    for rt in ref.targets:
        best, best_score = None, 0.0
        for i, t in enumerate(doc.targets):
            score = fuzz.token_set_ratio(_norm(rt.indicator), _norm(t.indicator))
            if score > best_score and t.direction == rt.direction:
                best, best_score = i, score
        if best is None or best_score < 70:
            findings.append(Finding(aspect="target", status="missing", reference=_fmt_target(rt),
                                    detail="no matching target in the plan"))
            continue
        used.add(best)
        t = doc.targets[best]
        same = abs(t.value - rt.value) < 1e-9 and (t.value_max or t.value) == (rt.value_max or rt.value)
        findings.append(Finding(aspect="target", status="match" if same else "differs", reference=_fmt_target(rt),
                                plan=_fmt_target(t), plan_span=_span(t),
                                detail="same value" if same else "different value (a local plan may set its own level)"))
    for i, t in enumerate(doc.targets):
        if i not in used:
            findings.append(Finding(aspect="target", status="extra", plan=_fmt_target(t), plan_span=_span(t),
                                    detail="a target of the plan's own"))

    plan_milestones = profile_from_document(doc).milestones
    for name, year in ref.milestones.items():
        got = plan_milestones.get(name)
        label = {"so_ket": "sơ kết", "tong_ket": "tổng kết"}[name]
        findings.append(Finding(aspect="milestone", status="unknown" if got is None else ("match" if got == year else "differs"),
                                reference=f"{label} {year}", plan=f"{label} {got}" if got else None,
                                detail="no dated milestone found in the plan" if got is None else "year of the review"))

    if ref.section_labels:
        plan_labels = {s.label for s in doc.sections}
        for label in dict.fromkeys(ref.section_labels):
            findings.append(Finding(aspect="section", status="match" if label in plan_labels else "missing", reference=label,
                                    detail="part present in both" if label in plan_labels else "part missing from the plan"))

    summary: dict[str, int] = {}
    for f in findings:
        summary[f.status] = summary.get(f.status, 0) + 1
    return ComparisonReport(plan_path=doc.source.path, plan_title=m.title, plan_issuer=m.issuer, against=ref,
                            chosen_by=chosen_by, findings=findings, summary=summary)


def compare_plans(path: Path, against: str = "auto") -> ComparisonReport:
    return compare_document(load_plan(Path(path)), against)


def render(report: ComparisonReport, fmt: str) -> str:
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    ref = report.against
    rows = [(f.aspect, f.status, f.reference or "", f.plan or "", f.detail) for f in report.findings]
    title = f"Comparison of {report.plan_title or report.plan_path} with {ref.name}"
    caveat = f"Reference from a {ref.source}" + (f": {ref.notes[0]}" if ref.notes else "")
    if fmt == "md":
        lines = [f"# {title}", "", f"- Plan: {report.plan_path} ({report.plan_issuer or 'issuer unknown'})",
                 f"- Reference chosen: {report.chosen_by}", f"- {caveat}", "",
                 "| aspect | status | reference | plan | detail |", "|---|---|---|---|---|"]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
        lines += ["", "Summary: " + ", ".join(f"{k} {v}" for k, v in sorted(report.summary.items()))]
        return "\n".join(lines) + "\n"
    cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n" for row in rows)
    return (f"<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<h1>{html.escape(title)}</h1><p>Reference chosen: {html.escape(report.chosen_by)}. {html.escape(caveat)}</p>"
            "<table border=\"1\"><tr><th>aspect</th><th>status</th><th>reference</th><th>plan</th><th>detail</th></tr>\n"
            f"{cells}</table><p>{html.escape(json.dumps(report.summary, ensure_ascii=False))}</p></html>\n")
