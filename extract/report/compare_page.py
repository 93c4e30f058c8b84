"""The comparison page: verdicts in colour and in words, then the two plans side by side.

The plan's text (left) and the reference's (right: its full text, or the summary's facts for the
national plans) carry the extracted spans highlighted; the plan's targets are underlined in their
verdict's colour; aligned passages, matched targets and matched sections link to each other.
"""

from __future__ import annotations

from vnplan.compare.align import top_sections
from vnplan.compare.targets import describe, label as target_label
from vnplan.report.html import Mark, document_marks, esc, highlight, legend, page, section_marks, verdict_badge
from vnplan.text import collapse
from vnplan.models import PlanDocument
from vnplan.models.compare import ComparisonReport


def _target_ids(report: ComparisonReport, plan: PlanDocument | None) -> dict[int, int]:
    """Start offset of a plan target -> its index in the plan's targets (for anchors)."""
    return {t.start: n for n, t in enumerate(plan.targets)} if plan is not None else {}


def _verdict_tables(report: ComparisonReport, plan: PlanDocument | None, reference: PlanDocument | None):
    ids = _target_ids(report, plan)
    rows = []
    for n, t in enumerate(report.targets):
        p, r = t.plan, t.reference
        plan_cell = "—"
        if p is not None:
            anchor = ids.get(p.start)
            words = esc(collapse(p.text or describe(p)))
            plan_cell = f'<a href="#plan-target-{anchor}">{words}</a>' if anchor is not None else words
        ref_cell = f'<a href="#ref-target-{report.against.typed_targets.index(r)}">{esc(describe(r))}</a>' if r in report.against.typed_targets else (esc(describe(r)) if r else "—")
        rows.append(f'<tr id="row-target-{n}"><td>{esc(target_label(r or p))}</td><td>{ref_cell}</td><td>{plan_cell}</td>'
                    f"<td>{verdict_badge(t.verdict)}</td><td>{esc(t.reason)}</td></tr>")
    targets = ("<h2>Targets</h2><table><tr><th>target</th><th>reference</th><th>plan</th><th>verdict</th><th>reason</th></tr>"
               + "".join(rows) + "</table>")
    subj = "".join(
        f"<tr><td>{esc(s.label)}</td><td>{'yes' if s.in_reference else 'no'}</td><td>{'yes' if s.criteria else 'no'}</td>"
        f"<td>{'yes' if s.content else 'no'}</td><td>{verdict_badge(s.status)}</td>"
        f"<td>{esc(s.detail)}{_jump('plan-subject-' + s.subject) if s.start is not None and plan is not None else ''}</td></tr>"
        for s in report.subjects)
    subjects = ("<h2>Subjects of emulation</h2><table><tr><th>subject</th><th>in reference</th><th>plan's criteria</th>"
                f"<th>plan's content</th><th>status</th><th>detail</th></tr>{subj}</table>")
    cal = "".join(f"<tr><td>{esc(c.kind.replace('_', ' '))}</td><td>{esc(c.reference or '—')}</td><td>{esc(c.plan or '—')}</td>"
                  f"<td>{verdict_badge(c.status)}</td><td>{esc(c.detail)}</td></tr>" for c in report.calendar)
    calendar = ("<h2>Review and reporting calendar</h2><table><tr><th>kind</th><th>reference</th><th>plan</th><th>status</th>"
                f"<th>detail</th></tr>{cal}</table>")
    # a heading covering two labels ("TIÊU CHUẨN ... VÀ HÌNH THỨC KHEN THƯỞNG") is anchored by its first one
    plan_tops = top_sections(plan) if plan is not None else {}
    ref_tops = top_sections(reference) if reference is not None else {}

    def anchor(tops, prefix, label, words):
        return _link(f"{prefix}section-{tops[label].label}", words) if label in tops else esc(collapse(words))

    sec = "".join(
        f"<tr><td>{esc(s.label)}</td><td>{anchor(ref_tops, 'ref-', s.label, s.reference_heading) if s.reference_heading else '—'}</td>"
        f"<td>{anchor(plan_tops, 'plan-', s.label, s.plan_heading) if s.plan_heading else '—'}</td><td>{verdict_badge(s.status)}</td></tr>"
        for s in report.sections)
    sections = (f"<h2>Sections</h2><table><tr><th>label</th><th>reference</th><th>plan</th><th>status</th></tr>{sec}</table>"
                if report.sections else "")
    return targets, subjects + calendar + sections


def _jump(anchor: str) -> str:
    return f' <a class="jump" href="#{esc(anchor)}">&#8599;</a>'


def _link(anchor: str, words: str) -> str:
    return f'<a href="#{esc(anchor)}">{esc(collapse(words))}</a>'


def _passage_anchors(report: ComparisonReport) -> list[tuple[object, str, str]]:
    """(passage, plan anchor, reference anchor): a reference passage that is the best match of
    several plan passages has one anchor, which they all link to."""
    ref_ids: dict[tuple[int, int], str] = {}
    out = []
    n = 0
    for a in report.alignments:
        for p in a.passages:
            ref_ids.setdefault((p.reference_start, p.reference_end), f"ra-{n}")
            out.append((p, f"pa-{n}", ref_ids[(p.reference_start, p.reference_end)]))
            n += 1
    return out


def _plan_marks(report: ComparisonReport, plan: PlanDocument) -> list[Mark]:
    marks = [m for m in document_marks(plan, "plan-") if m.kind != "target"] + section_marks(plan, "plan-")
    verdicts = {t.plan.start: t.verdict for t in report.targets if t.plan is not None}
    for n, t in enumerate(plan.targets):
        v = verdicts.get(t.start)
        marks.append(Mark(t.start, t.end, "target", id=f"plan-target-{n}", verdict=v, title=f"verdict: {v}" if v else None))
    for s in report.subjects:
        if s.start is not None:
            marks.append(Mark(s.start, s.end, "subject", id=f"plan-subject-{s.subject}", title=f"{s.label}: {s.status}"))
    for c in report.calendar:
        if c.plan_item is not None:
            marks.append(Mark(c.plan_item.start, c.plan_item.end, "calendar", title=c.detail))
    for p, mine, theirs in _passage_anchors(report):
        marks.append(Mark(p.plan_start, p.plan_end, "passage", id=mine, link=theirs,
                          title=f"aligned with the reference, score {p.score:.0f}"))
    return marks


def _reference_marks(report: ComparisonReport, ref: PlanDocument) -> list[Mark]:
    marks = document_marks(ref, "ref-") + section_marks(ref, "ref-")
    seen: set[str] = set()
    for p, mine, theirs in _passage_anchors(report):
        if theirs not in seen:  # the first plan passage it was matched with is the one it links back to
            seen.add(theirs)
            marks.append(Mark(p.reference_start, p.reference_end, "passage", id=theirs, link=mine,
                              title=f"aligned with the plan, score {p.score:.0f}"))
    return marks


def _summary_column(report: ComparisonReport) -> str:
    ref = report.against
    items = "".join(f'<li id="ref-target-{n}"><b>{esc(target_label(t))}</b>: {esc(describe(t))}'
                    f'<br><span class="note">{esc("; ".join(t.notes))}</span></li>' for n, t in enumerate(ref.typed_targets))
    milestones = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in ref.milestones.items()) or "—"
    subjects = ", ".join(s.label for s in report.subjects if s.in_reference) or "— (the summary lists none)"
    return (f'<div class="col" id="reference"><h2>Reference: {esc(ref.name)}</h2>'
            f'<p class="note">{esc("; ".join(ref.notes))}</p>'
            f"<table class=\"meta\"><tr><td>issuer</td><td>{esc(ref.issuer)}</td></tr><tr><td>date</td><td>{esc(ref.date)}</td></tr>"
            f"<tr><td>movement</td><td>{esc(ref.movement)}</td></tr><tr><td>period</td><td>{ref.period_start}-{ref.period_end}</td></tr>"
            f"<tr><td>reviews</td><td>{esc(milestones)}</td></tr><tr><td>subjects</td><td>{esc(subjects)}</td></tr></table>"
            f"<h3>Targets</h3><ul>{items}</ul></div>")


def render_compare_page(report: ComparisonReport, plan: PlanDocument | None = None, reference: PlanDocument | None = None) -> str:
    ref = report.against
    title = f"{collapse(report.plan_title or report.plan_path)} — {ref.name}"
    chain = report.chain
    chain_html = ""
    if chain is not None:
        steps = " → ".join(f"{esc(s.key)} <span class=\"note\">({esc(s.how)})</span>" for s in chain.steps) or "—"
        chain_html = f"<tr><td>citation chain</td><td>{verdict_badge(chain.status)} {esc(chain.detail)}<br>{steps}</td></tr>"
    p = report.plan
    head = (f"<h1>{esc(collapse(report.plan_title or report.plan_path))}</h1>"
            f'<table class="meta"><tr><td>plan</td><td>{esc(report.plan_path)} — {esc(report.plan_issuer or "issuer unknown")}'
            f"{esc(', ' + p.level) if p and p.level else ''}{esc(', ' + str(p.period_start) + '-' + str(p.period_end)) if p and p.period_start else ''}</td></tr>"
            f"<tr><td>reference</td><td>{esc(ref.name)} ({esc(ref.source)})</td></tr>"
            f"<tr><td>chosen</td><td>{esc(report.chosen_by)}</td></tr>{chain_html}</table>")
    left = ""
    if plan is not None:
        left = (f'<div class="col" id="plan"><h2>Plan</h2><div class="doc">{highlight(plan.text, _plan_marks(report, plan))}</div></div>')
    if reference is not None:
        right = (f'<div class="col" id="reference"><h2>Reference: {esc(ref.name)}</h2>'
                 f'<div class="doc">{highlight(reference.text, _reference_marks(report, reference))}</div></div>')
    else:
        right = _summary_column(report)
    side = f'<h2>Side by side</h2>{legend(["section", "target", "legal_reference", "deadline", "responsibility", "subject", "calendar"])}' \
           f'<div class="sbs" id="side-by-side">{left or "<div class=col><p>(the plan text is not in the report)</p></div>"}{right}</div>'
    targets, others = _verdict_tables(report, plan, reference)
    return page(title, head + targets + side + others)
