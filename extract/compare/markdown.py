"""The comparison report as Markdown: one table per part, every cell on one line.

A cell never holds a line break (a cited reference's text keeps the document's breaks) or a bare
`|`: both would break the table (CommonMark/GFM tables are one row per line).
"""

from __future__ import annotations

from vnplan.compare.targets import describe, label as target_label
from vnplan.text import collapse
from vnplan.models.compare import ComparisonReport


def cell(value) -> str:
    """One table cell: whitespace runs (line breaks too) collapsed, `|` and backslashes escaped."""
    text = collapse("" if value is None else str(value))
    return text.replace("\\", "\\\\").replace("|", "\\|") or " "


def table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines + [""]


def render_markdown(report: ComparisonReport) -> str:
    ref = report.against
    plan = report.plan
    title = f"Comparison of {report.plan_title or report.plan_path} with {ref.name}"
    caveat = f"Reference from a {ref.source}" + (f": {ref.notes[0]}" if ref.notes else "")
    lines = [f"# {collapse(title)}", "",
             f"- Plan: {collapse(report.plan_path)} ({collapse(report.plan_issuer or 'issuer unknown')}"
             + (f", {plan.level}" if plan and plan.level else "") + ")",
             f"- Reference chosen: {collapse(report.chosen_by)}", f"- {caveat}"]
    if report.chain is not None:
        lines.append(f"- Citation chain: {report.chain.status}: {collapse(report.chain.detail)}")
    lines.append("")
    lines += ["## Targets", ""]
    lines += table(["target", "reference", "plan", "verdict", "reason"],
                   [[target_label(t.reference or t.plan), describe(t.reference) if t.reference else "",
                     (t.plan.text or describe(t.plan)) if t.plan else "", t.verdict.replace("_", " "), t.reason] for t in report.targets])
    lines += ["## Subjects of emulation", ""]
    lines += table(["subject", "in reference", "plan's criteria", "plan's content", "status", "detail"],
                   [[s.label, "yes" if s.in_reference else "no", "yes" if s.criteria else "no", "yes" if s.content else "no",
                     s.status.replace("_", " "), s.detail] for s in report.subjects])
    lines += ["## Sections", ""]
    lines += table(["label", "reference", "plan", "status"],
                   [[s.label, s.reference_heading or "", s.plan_heading or "", s.status] for s in report.sections])
    lines += ["## Review and reporting calendar", ""]
    lines += table(["kind", "reference", "plan", "status", "detail"],
                   [[c.kind.replace("_", " "), c.reference or "", c.plan or "", c.status, c.detail] for c in report.calendar])
    if report.alignments:
        lines += ["## Aligned passages", ""]
        rows = []
        for a in report.alignments:
            for p in a.passages:
                rows.append([a.label, f"{p.score:.0f}", p.plan_text[:160], p.reference_text[:160]])
        lines += table(["section", "score", "plan", "reference"], rows)
    lines += ["## All findings", ""]
    lines += table(["aspect", "status", "reference", "plan", "detail"],
                   [[f.aspect, f.status.replace("_", " "), f.reference or "", f.plan or "", f.detail] for f in report.findings])
    lines.append("Summary: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(report.summary.items())))
    return "\n".join(lines) + "\n"
