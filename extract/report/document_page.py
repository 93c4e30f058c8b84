"""`vnplan extract --html OUT.html`: one document's page: its metadata, its sections, and its text
with every extracted span highlighted (displaCy-style colours per kind), each item listed with a
link to its place in the text."""

from __future__ import annotations

from vnplan.report.html import document_marks, esc, highlight, legend, page, section_marks
from vnplan.text import collapse
from vnplan.models import PlanDocument


def metadata_table(doc: PlanDocument) -> str:
    m = doc.metadata
    rows = [("document", f"{m.doc_type or ''} {m.number or ''}/{m.symbol or ''}".strip(" /")), ("issuer", m.issuer),
            ("date", m.date), ("title", m.title), ("movement", m.movement),
            ("period", f"{m.period_start}-{m.period_end}" if m.period_start else None), ("signer", m.signer_name),
            ("source", f"{doc.source.path} ({doc.source.kind}, {doc.source.pages} pages)")]
    return '<table class="meta">' + "".join(f"<tr><td>{esc(k)}</td><td>{esc(collapse(v or '')) or '—'}</td></tr>"
                                            for k, v in rows) + "</table>"


def _items(doc: PlanDocument) -> str:
    parts = []
    for kind, title, items, fmt in (
        ("target", "Targets", doc.targets, lambda t: f"{t.direction} {t.indicator}: {t.value:g} {t.unit}"
         + ("/năm" if t.per == "year" else "") + (f" by {t.by_year}" if t.by_year else "")),
        ("legal_reference", "Legal references", doc.legal_references, lambda r: f"{r.key or '?'} ({r.relation})"),
        ("deadline", "Deadlines", doc.deadlines, lambda d: f"{d.kind} {d.date or '—'}" + (f" ({d.recurrence})" if d.recurrence else "")),
        ("responsibility", "Responsibilities", doc.responsibilities, lambda r: f"{r.body}: {r.role}"),
    ):
        if not items:
            continue
        rows = "".join(f'<tr><td><a href="#{kind}-{n}">{esc(collapse(i.text))[:160]}</a></td><td>{esc(fmt(i))}</td></tr>'
                       for n, i in enumerate(items))
        parts.append(f"<h3>{esc(title)} ({len(items)})</h3><table><tr><th>text</th><th>read as</th></tr>{rows}</table>")
    return "".join(parts)


def render_document_page(doc: PlanDocument) -> str:
    title = collapse(doc.metadata.title or doc.source.path)
    body = (f"<h1>{esc(title)}</h1>{metadata_table(doc)}"
            f"{legend(['section', 'target', 'legal_reference', 'deadline', 'responsibility'])}"
            f'<div class="sbs"><div class="col" id="text"><h2>Text</h2><div class="doc">'
            f"{highlight(doc.text, section_marks(doc) + document_marks(doc))}</div></div>"
            f'<div class="col" id="items"><h2>Extracted</h2>{_items(doc)}</div></div>')
    return page(title, body)
